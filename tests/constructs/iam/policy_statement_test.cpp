// PolicyStatement and PolicyDocument: rendering and checks as aws-iam's
// policy-statement.test.ts and policy-document.test.ts (without feature flags).
#include <doctest/doctest.h>

#include <cdk/cdk.hpp>
#include <cdk/iam.hpp>

namespace iam = cdk::iam;
using cdk::List;
using cdk::Map;
using cdk::Value;

TEST_CASE("one action or resource is a string, several a list, duplicates once") {
  iam::PolicyStatement one{{.actions = {"s3:GetObject"}, .resources = {"*"}}};
  CHECK(one.to_statement_json() == Value{Map{{"Action", "s3:GetObject"}, {"Effect", "Allow"}, {"Resource", "*"}}});
  iam::PolicyStatement many{{.actions = {"s3:GetObject", "s3:PutObject", "s3:GetObject"}, .resources = {"a", "b"}}};
  CHECK(many.to_statement_json() ==
        Value{Map{{"Action", List{"s3:GetObject", "s3:PutObject"}}, {"Effect", "Allow"}, {"Resource", List{"a", "b"}}}});
}

TEST_CASE("every part in CDK's key order") {
  iam::PolicyStatement s{{.sid = "S1",
                          .effect = iam::Effect::Deny,
                          .actions = {"s3:*"},
                          .not_actions = {"s3:GetObject"},
                          .principals = {iam::AnyPrincipal{}},
                          .not_principals = {iam::ServicePrincipal{"ec2.amazonaws.com"}},
                          .resources = {"r"},
                          .not_resources = {"n"},
                          .conditions = {{"Bool", Map{{"aws:SecureTransport", "false"}}}}}};
  CHECK(s.to_statement_json() == Value{Map{{"Action", "s3:*"},
                                           {"NotAction", "s3:GetObject"},
                                           {"Condition", Map{{"Bool", Map{{"aws:SecureTransport", "false"}}}}},
                                           {"Effect", "Deny"},
                                           {"Principal", Map{{"AWS", "*"}}},
                                           {"NotPrincipal", Map{{"Service", "ec2.amazonaws.com"}}},
                                           {"Resource", "r"},
                                           {"NotResource", "n"},
                                           {"Sid", "S1"}}});
}

TEST_CASE("principals of one kind become a list; kinds keep their order") {
  iam::PolicyStatement s{{.actions = {"sts:AssumeRole"}}};
  s.add_service_principal("ec2.amazonaws.com");
  s.add_arn_principal("arn:aws:iam::123456789012:user/u");
  s.add_service_principal("lambda.amazonaws.com");
  s.add_aws_account_principal("123456789012");
  CHECK(s.to_statement_json() ==
        Value{Map{{"Action", "sts:AssumeRole"},
                  {"Effect", "Allow"},
                  {"Principal", Map{{"Service", List{"ec2.amazonaws.com", "lambda.amazonaws.com"}},
                                    {"AWS", List{"arn:aws:iam::123456789012:user/u",
                                                 "arn:" + cdk::Aws::partition() + ":iam::123456789012:root"}}}}}});
}

TEST_CASE("conditions of one operator merge, later keys winning") {
  iam::PolicyStatement s{{.actions = {"s3:GetObject"}, .resources = {"*"}}};
  s.add_condition("StringEquals", Map{{"a", "1"}, {"b", "2"}});
  s.add_condition("StringEquals", Map{{"b", "3"}, {"c", "4"}});
  s.add_conditions({{"Bool", Map{{"aws:SecureTransport", "true"}}}});
  CHECK(s.conditions() == Map{{"StringEquals", Map{{"a", "1"}, {"b", "3"}, {"c", "4"}}},
                              {"Bool", Map{{"aws:SecureTransport", "true"}}}});
  try {
    s.add_condition("Bool", "true");
    FAIL("expected an error");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == "cdk.iam.InvalidCondition");
  }
}

TEST_CASE("an invalid action is an error at once, with CDK's message") {
  try {
    iam::PolicyStatement{{.actions = {"s3GetObject"}}};
    FAIL("expected an error");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == "cdk.iam.InvalidAction");
    CHECK(e.path() == "");
    CHECK(std::string{e.what()} ==
          "[cdk.iam.InvalidAction] Action 's3GetObject' is invalid. An action string consists of a service namespace, "
          "a colon, and the name of an action. Action names can include wildcards.");
  }
  iam::PolicyStatement s;
  CHECK_THROWS_AS(s.add_not_actions({"s3:Get:Object"}), cdk::Error);
  CHECK_THROWS_AS(s.add_actions({"*:*"}), cdk::Error);
  for (const char* bad : {":GetObject", "s3:", "s3:Get Object", "s_3:GetObject", "s3:Get-Object", "**", ""})
    CHECK_THROWS_AS(s.add_actions({bad}), cdk::Error);
  CHECK_NOTHROW(s.add_actions({"*", "s3:Get*", "ec2-instance-connect:SendSSHPublicKey", cdk::Fn::ref("Param")}));
}

TEST_CASE("validation messages for the three kinds of policy") {
  iam::PolicyStatement empty;
  CHECK(empty.validate_for_any_policy() ==
        std::vector<std::string>{"A PolicyStatement must specify at least one 'action' or 'notAction'."});
  iam::PolicyStatement with_principal{{.actions = {"s3:GetObject"}, .principals = {iam::AnyPrincipal{}}}};
  CHECK(with_principal.validate_for_identity_policy() ==
        std::vector<std::string>{"A PolicyStatement used in an identity-based policy cannot specify any IAM principals.",
                                 "A PolicyStatement used in an identity-based policy must specify at least one resource."});
  iam::PolicyStatement no_principal{{.actions = {"s3:GetObject"}, .resources = {"*"}}};
  CHECK(no_principal.validate_for_resource_policy() ==
        std::vector<std::string>{"A PolicyStatement used in a resource-based policy must specify at least one IAM principal."});
  CHECK(no_principal.validate_for_identity_policy().empty());
}

TEST_CASE("a document writes identical statements once and can number them") {
  iam::PolicyStatement a{{.actions = {"s3:GetObject"}, .resources = {"*"}}};
  iam::PolicyStatement b{{.sid = "Mine", .actions = {"s3:PutObject"}, .resources = {"*"}}};
  iam::PolicyDocument doc{{.statements = {a, a, b}, .assign_sids = true}};
  CHECK(doc.statement_count() == 3);
  CHECK(doc.render() == Value{Map{{"Statement", List{Map{{"Action", "s3:GetObject"}, {"Effect", "Allow"}, {"Resource", "*"}, {"Sid", "0"}},
                                                     Map{{"Action", "s3:PutObject"}, {"Effect", "Allow"}, {"Resource", "*"}, {"Sid", "Mine"}}}},
                                  {"Version", "2012-10-17"}}});
  CHECK(iam::PolicyDocument{}.render().is_null());
  CHECK(iam::PolicyDocument{}.is_empty());
}

TEST_CASE("a composite principal merges its principals' fragments") {
  iam::CompositePrincipal p{{iam::ServicePrincipal{"ec2.amazonaws.com"}, iam::ArnPrincipal{"arn:x"},
                             iam::ServicePrincipal{"lambda.amazonaws.com"}}};
  iam::PolicyStatement s{{.actions = {"sts:AssumeRole"}, .principals = {p}}};
  CHECK(s.to_statement_json() ==
        Value{Map{{"Action", "sts:AssumeRole"},
                  {"Effect", "Allow"},
                  {"Principal", Map{{"Service", List{"ec2.amazonaws.com", "lambda.amazonaws.com"}}, {"AWS", "arn:x"}}}}});
}
