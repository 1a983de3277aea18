// Bad input to roles, policies and grants: each error with its code and construct path
// (the checks and messages of aws-iam's role.ts and policy.ts).
#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/iam.hpp>

namespace iam = cdk::iam;

namespace {
template <class F>
void check_error(F&& f, const std::string& code, const std::string& path, const std::string& text) {
  try {
    f();
    FAIL("expected " << code);
  } catch (const cdk::Error& e) {
    CHECK(e.code() == code);
    CHECK(e.path() == path);
    CHECK_MESSAGE(std::string{e.what()}.find(text) != std::string::npos, e.what());
  }
}
const iam::ServicePrincipal kEc2{"ec2.amazonaws.com"};
}  // namespace

TEST_CASE("role props are checked as CDK checks them") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  check_error([&] { stack.add<iam::Role>("A", {.assumed_by = kEc2, .role_name = std::string(65, 'a')}); },
              "cdk.iam.InvalidRoleName", "S/A", "Length must be between 1 and 64 characters");
  check_error([&] { stack.add<iam::Role>("B", {.assumed_by = kEc2, .role_name = "has space"}); }, "cdk.iam.InvalidRoleName",
              "S/B", "Invalid roleName");
  CHECK_NOTHROW(stack.add<iam::Role>("C", {.assumed_by = kEc2, .role_name = "Ok_+=,.@-1"}));
  CHECK_NOTHROW(stack.add<iam::Role>("C64", {.assumed_by = kEc2, .role_name = std::string(64, 'a')}));
  check_error([&] { stack.add<iam::Role>("Empty", {.assumed_by = kEc2, .role_name = ""}); }, "cdk.iam.InvalidRoleName",
              "S/Empty", "Invalid roleName");
  check_error([&] { stack.add<iam::Role>("Slash", {.assumed_by = kEc2, .role_name = "a/b"}); }, "cdk.iam.InvalidRoleName",
              "S/Slash", "Invalid roleName");
  check_error([&] { stack.add<iam::Role>("D", {.assumed_by = kEc2, .path = "no-slashes"}); }, "cdk.iam.InvalidPath", "S/D",
              "Role path must be either a slash or valid characters");
  check_error([&] { stack.add<iam::Role>("E", {.assumed_by = kEc2, .path = "/" + std::string(600, 'a') + "/"}); },
              "cdk.iam.InvalidPath", "S/E", "Role path must be between 1 and 512 characters");
  check_error([&] { stack.add<iam::Role>("F", {.assumed_by = kEc2, .max_session_duration = std::chrono::minutes(30)}); },
              "cdk.iam.InvalidMaxSessionDuration", "S/F",
              "maxSessionDuration is set to 1800, but must be >= 3600sec (1hr) and <= 43200sec (12hrs)");
  check_error([&] { stack.add<iam::Role>("G", {.assumed_by = kEc2, .max_session_duration = std::chrono::hours(13)}); },
              "cdk.iam.InvalidMaxSessionDuration", "S/G", "43200");
  check_error([&] { stack.add<iam::Role>("H", {.assumed_by = kEc2, .description = std::string(1001, 'd')}); },
              "cdk.iam.DescriptionTooLong", "S/H", "Role description must be no longer than 1000 characters.");
  check_error([&] { stack.add<iam::Role>("I", {}); }, "cdk.iam.MissingPrincipal", "S/I", "assumed_by");
  check_error(
      [&] {
        stack.add<iam::Role>("J", {.assumed_by = kEc2,
                                   .inline_policies = {{"P", iam::PolicyDocument{{.statements = {iam::PolicyStatement{
                                                                                      {.actions = {"s3:GetObject"}}}}}}}}});
      },
      "cdk.iam.InvalidStatement", "S/J", "inline policy 'P': A PolicyStatement used in an identity-based policy must specify at least one resource.");
}

TEST_CASE("statements added to a role's policy must be identity statements") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& role = stack.add<iam::Role>("R", {.assumed_by = kEc2});
  check_error([&] { role.add_to_policy(iam::PolicyStatement{{.actions = {"s3:GetObject"}}}); }, "cdk.iam.InvalidStatement",
              "S/R/DefaultPolicy", "must specify at least one resource");
  check_error([&] { role.add_to_policy(iam::PolicyStatement{{.resources = {"*"}}}); }, "cdk.iam.InvalidStatement",
              "S/R/DefaultPolicy", "at least one 'action' or 'notAction'");
  check_error(
      [&] {
        role.add_to_policy(iam::PolicyStatement{{.actions = {"s3:GetObject"}, .principals = {iam::AnyPrincipal{}}, .resources = {"*"}}});
      },
      "cdk.iam.InvalidStatement", "S/R/DefaultPolicy", "cannot specify any IAM principals");
}

TEST_CASE("a trust policy without a principal is reported at synth") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& role = stack.add<iam::Role>("R", {.assumed_by = kEc2});
  role.assume_role_policy().add_statements({iam::PolicyStatement{{.actions = {"sts:AssumeRole"}}}});
  try {
    stack.to_json();
    FAIL("expected a synth error");
  } catch (const cdk::SynthError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].path == "S/R");
    CHECK(e.diagnostics()[0].message == "A PolicyStatement used in a resource-based policy must specify at least one IAM principal.");
  }
}

TEST_CASE("grant_assume_role refuses service principals, as CDK") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& role = stack.add<iam::Role>("R", {.assumed_by = kEc2});
  iam::ServicePrincipal service{"lambda.amazonaws.com"};
  check_error([&] { role.grant_assume_role(service); }, "cdk.iam.InvalidGrantee", "S/R",
              "Cannot use a service or account principal with grantAssumeRole");
  auto& other = stack.add<iam::Role>("O", {.assumed_by = kEc2});
  CHECK(role.grant_assume_role(other).success());
  // A service principal has no policy of its own: the grant adds nothing.
  CHECK_FALSE(iam::Grant::add_to_principal(service, {"s3:GetObject"}, {"*"}).success());
  check_error([&] { iam::Grant::add_to_principal({.actions = {"s3:GetObject"}}); }, "cdk.iam.InvalidGrantee", "",
              "a grant needs a grantee");
}

TEST_CASE("a policy name is at most 128 characters; a referenced empty policy is reported") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  check_error([&] { stack.add<iam::Policy>("P", {.policy_name = std::string(129, 'p')}); }, "cdk.iam.InvalidPolicyName", "S/P",
              "1 to 128 characters");
  auto& policy = stack.add<iam::Policy>("Q");
  CHECK(policy.cfn_policy() == nullptr);
  stack.add<cdk::CfnOutput>("Name", {.value = policy.policy_name()});
  try {
    stack.to_json();
    FAIL("expected a synth error");
  } catch (const cdk::SynthError& e) {
    REQUIRE(e.diagnostics().size() >= 2);
    CHECK(e.diagnostics()[0].path == "S/Q");
    CHECK(e.diagnostics()[0].message == "This Policy has been referenced by a resource, so it must contain at least one statement.");
  }
}

TEST_CASE("an immutable imported role takes statements without writing them") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& role = iam::Role::from_role_arn(stack, "I", "arn:aws:iam::123456789012:role/r", {.is_mutable = false});
  CHECK(role.add_to_policy(iam::PolicyStatement{{.actions = {"s3:GetObject"}, .resources = {"*"}}}));
  CHECK(role.role_name() == cdk::Value{"r"});
  stack.add<cdk::CfnResource>("X", {.type = "AWS::SNS::Topic"});
  cdk::assertions::Template::from_stack(stack).resource_count_is("AWS::IAM::Policy", 0);
}
