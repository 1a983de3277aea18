// Mirrors aws-iam/test/role.test.ts where it applies; expected values from aws-cdk-lib.
#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/iam.hpp>

using cdk::assertions::Template;
namespace Match = cdk::assertions::Match;
namespace iam = cdk::iam;

namespace {
cdk::Value ec2_trust_policy() {
  return cdk::Map{{"Statement", cdk::List{cdk::Map{{"Action", "sts:AssumeRole"},
                                                   {"Effect", "Allow"},
                                                   {"Principal", cdk::Map{{"Service", "ec2.amazonaws.com"}}}}}},
                  {"Version", "2012-10-17"}};
}
}  // namespace

TEST_CASE("a role assumed by a service principal has only the trust policy") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<iam::Role>("InstanceRole", {.assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"}});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::IAM::Role", 1);
  t.resource_count_is("AWS::IAM::Policy", 0);
  t.has_resource("AWS::IAM::Role",
                 Match::object_equals({{"Type", "AWS::IAM::Role"},
                                       {"Properties", cdk::Map{{"AssumeRolePolicyDocument", ec2_trust_policy()}}}}));
  CHECK(t.find_resources("AWS::IAM::Role").size() == 1);
}

TEST_CASE("add_to_policy creates the DefaultPolicy with CDK's logical id and name") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& role = stack.add<iam::Role>("InstanceRole", {.assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"}});
  CHECK(role.default_policy() == nullptr);
  CHECK(role.add_to_policy(iam::PolicyStatement{{.actions = {"s3:GetObject"}, .resources = {"*"}}}));
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::IAM::Policy",
      Match::object_equals({{"PolicyDocument", cdk::Map{{"Statement", cdk::List{cdk::Map{{"Action", "s3:GetObject"},
                                                                                        {"Effect", "Allow"},
                                                                                        {"Resource", "*"}}}},
                                                       {"Version", "2012-10-17"}}},
                            {"PolicyName", "InstanceRoleDefaultPolicy1531605C"},
                            {"Roles", cdk::List{role.role_name()}}}));
  const auto policies = t.find_resources("AWS::IAM::Policy");
  REQUIRE(policies.size() == 1);
  CHECK(policies[0].first == "InstanceRoleDefaultPolicy1531605C");
}
