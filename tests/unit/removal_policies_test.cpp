// RemovalPolicies / MissingRemovalPolicies on subtrees and apply_removal_policy on one
// resource. Expected policies are what aws-cdk-lib 2.276 writes for the same program
// (/tmp/tags/rp.js in the session).
#include <doctest/doctest.h>

#include <cdk/cdk.hpp>
#include <nlohmann/json.hpp>
#include <string>

using Json = nlohmann::ordered_json;

namespace {

struct Fixture {
  cdk::App app{cdk::AppProps{.outdir = "removal-policies-test-unused.out"}};
  cdk::Stack& stack = app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
};

cdk::CfnResource& handle(cdk::Construct& scope, std::string id) {
  return scope.add<cdk::CfnResource>(id, {.type = "AWS::CloudFormation::WaitConditionHandle"});
}

cdk::CfnResource& volume(cdk::Construct& scope, std::string id) {
  return scope.add<cdk::CfnResource>(
      id, {.type = "AWS::EC2::Volume", .properties = {{"AvailabilityZone", "us-east-1a"}, {"Size", 8}, {"Encrypted", true}}});
}

std::string policies(const Json& t, const std::string& id) {
  const Json& r = t["Resources"][id];
  return r.value("DeletionPolicy", std::string{"-"}) + "/" + r.value("UpdateReplacePolicy", std::string{"-"});
}

}  // namespace

TEST_CASE("removal policies: subtrees, types, priorities and what was set before (as CDK)") {
  Fixture f;
  auto& inner = f.stack.add<cdk::Construct>("Inner");
  handle(f.stack, "H");
  volume(inner, "V");
  handle(inner, "H2");
  cdk::apply_removal_policy(handle(f.stack, "Set"), cdk::RemovalPolicy::Retain);
  cdk::RemovalPolicies::of(f.stack).destroy({.exclude_resource_types = {"AWS::EC2::Volume"}});
  cdk::RemovalPolicies::of(inner).retain();
  cdk::RemovalPolicies::of(inner).snapshot({.apply_to_resource_types = {"AWS::EC2::Volume"}, .priority = 600});
  // Priority 200: runs before the stack's destroy (500), which then replaces it.
  cdk::MissingRemovalPolicies::of(f.stack).retain_on_update_or_delete(
      {.apply_to_resource_types = {"AWS::CloudFormation::WaitConditionHandle"}});
  const Json t = Json::parse(f.stack.to_json());
  CHECK(policies(t, "InnerV5F3C30C6") == "Snapshot/Snapshot");
  CHECK(policies(t, "InnerH2A17C07FD") == "Retain/Retain");
  CHECK(policies(t, "H") == "Delete/Delete");
  CHECK(policies(t, "Set") == "Delete/Delete");
}

TEST_CASE("removal policies: MissingRemovalPolicies keeps what is set; RetainOnUpdateOrDelete") {
  Fixture f;
  cdk::apply_removal_policy(handle(f.stack, "Set"), cdk::RemovalPolicy::Destroy);
  handle(f.stack, "Unset");
  cdk::MissingRemovalPolicies::of(f.stack).retain_on_update_or_delete();
  const Json t = Json::parse(f.stack.to_json());
  CHECK(policies(t, "Set") == "Delete/Delete");
  CHECK(policies(t, "Unset") == "RetainExceptOnCreate/Retain");
}

TEST_CASE("removal policies: apply_removal_policy options") {
  Fixture f;
  auto& r = handle(f.stack, "R");
  cdk::apply_removal_policy(r, cdk::RemovalPolicy::Retain, {.apply_to_update_replace_policy = false});
  CHECK(policies(Json::parse(f.stack.to_json()), "R") == "Retain/-");
}

TEST_CASE("removal policies: Snapshot only where CloudFormation takes snapshots") {
  Fixture f;
  auto& inner = f.stack.add<cdk::Construct>("Inner");
  auto& h = handle(inner, "H");
  try {
    cdk::apply_removal_policy(h, cdk::RemovalPolicy::Snapshot);
    FAIL("expected an error");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == cdk::errc::SnapshotNotSupported);
    CHECK(e.path() == "S/Inner/H");
  }
  // Through the aspect: reported by synth with the resource's path.
  cdk::RemovalPolicies::of(f.stack).snapshot();
  try {
    (void)f.stack.to_json();
    FAIL("expected a synth error");
  } catch (const cdk::SynthError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].code == cdk::errc::SnapshotNotSupported);
    CHECK(e.diagnostics()[0].path == "S/Inner/H");
  }
}

TEST_CASE("removal policies: negative priority") {
  Fixture f;
  auto& scope = f.stack.add<cdk::Construct>("Scope");
  try {
    cdk::RemovalPolicies::of(scope).retain({.priority = -5});
    FAIL("expected an error");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == cdk::errc::AspectInvalidPriority);
    CHECK(e.path() == "S/Scope");
  }
}
