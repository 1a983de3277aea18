// One program using most of the iam module, compared with the Resources aws-cdk-lib
// synthesizes for the same program (fixtures/cdk_iam_program.json, written by CDK from
// its JavaScript twin: same ids, props and calls in the same order).
#include <doctest/doctest.h>

#include <filesystem>

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/iam.hpp>

using cdk::assertions::Template;
namespace Match = cdk::assertions::Match;
namespace iam = cdk::iam;

TEST_CASE("the iam program gives the Resources CDK writes, value for value") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& role = stack.add<iam::Role>(
      "MyRole",
      {.assumed_by = iam::CompositePrincipal{{iam::ServicePrincipal{"ec2.amazonaws.com"}, iam::ServicePrincipal{"lambda.amazonaws.com"}}},
       .external_ids = {"abc"},
       .managed_policies = {iam::ManagedPolicy::from_aws_managed_policy_name("AmazonSSMManagedInstanceCore")},
       .inline_policies = {{"Inline", iam::PolicyDocument{{.statements = {iam::PolicyStatement{
                                                               {.actions = {"s3:GetObject", "s3:PutObject"}, .resources = {"*"}}}}}}}},
       .path = "/x/",
       .role_name = "named",
       .max_session_duration = std::chrono::hours(2),
       .description = "d"});
  const iam::PolicyStatement send{{.actions = {"sqs:SendMessage"}, .resources = {"arn:aws:sqs:us-east-1:123456789012:q"}}};
  role.add_to_policy(send);
  role.add_to_policy(send);  // written once
  role.add_to_policy(iam::PolicyStatement{{.actions = {"sqs:ReceiveMessage"}, .resources = {"arn:aws:sqs:us-east-1:123456789012:q"}}});
  auto& other = stack.add<iam::Role>("Other", {.assumed_by = iam::AccountPrincipal{"123456789012"}});
  role.grant_pass_role(other);
  role.grant(other, {"iam:GetRole"});
  auto& imported = iam::Role::from_role_arn(stack, "Imported", "arn:aws:iam::123456789012:role/path/imported");
  imported.add_to_principal_policy(iam::PolicyStatement{{.actions = {"s3:*"}, .resources = {"*"}}});
  auto& mp = stack.add<iam::ManagedPolicy>(
      "MP", {.roles = {other}, .statements = {iam::PolicyStatement{{.actions = {"ec2:Describe*"}, .resources = {"*"}}}}});
  stack.add<iam::InstanceProfile>("IP", {.role = other});
  stack.add<iam::InstanceProfile>("IP2");
  auto& p = stack.add<iam::Policy>(
      "P", {.statements = {iam::PolicyStatement{{.actions = {"s3:GetObject"},
                                                 .resources = {"*"},
                                                 .conditions = {{"Bool", cdk::Map{{"aws:SecureTransport", "true"}}}}}}}});
  p.attach_to_role(other);
  // Not attached to anything: left out of the template, as CDK.
  stack.add<iam::Policy>("Unattached", {.statements = {iam::PolicyStatement{{.actions = {"s3:GetObject"}, .resources = {"*"}}}}});
  stack.add<iam::Role>("AnyRole", {.assumed_by = iam::AnyPrincipal{},
                                   .managed_policies = {mp, iam::ManagedPolicy::from_managed_policy_name(stack, "custom")}});
  stack.add<iam::Role>("ArnRole", {.assumed_by = iam::ArnPrincipal{"arn:aws:iam::123456789012:user/u"}});
  auto& token_role = iam::Role::from_role_arn(stack, "TokImported", cdk::Fn::import_value("RoleArn"));
  token_role.add_to_principal_policy(iam::PolicyStatement{{.actions = {"s3:*"}, .resources = {"*"}}});
  auto& by_name = iam::Role::from_role_name(stack, "ByName", "some-role");
  by_name.add_to_principal_policy(iam::PolicyStatement{{.actions = {"s3:*"}, .resources = {"*"}}});

  const auto expected = Template::from_file((std::filesystem::path{CDKPP_TEST_DIR} / "fixtures/cdk_iam_program.json").string());
  const cdk::Value whole = expected.to_value();
  cdk::Value resources;
  for (const auto& [key, value] : whole.as_map())
    if (key == "Resources") resources = value;
  Template::from_stack(stack).template_matches({{"Resources", Match::exact(resources)}});
}
