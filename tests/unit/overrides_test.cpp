// Escape hatches: add_override, add_property_override, add_deletion_override,
// add_property_deletion_override with CDK's dotted-path syntax.
#include <doctest/doctest.h>

#include "model_support.hpp"
#include "synth/overrides.hpp"

using cdk::List;
using cdk::Map;
using cdk::Value;
using model_test::Json;

namespace {
Json j(const char* text) { return Json::parse(text); }

// A bucket with nested properties to override.
cdk::CfnResource& bucket(model_test::Fixture& f) {
  return f.stack.add<cdk::CfnResource>(
      "Bucket", {.type = "Custom::Bucket",
                 .properties = {{"BucketName", "b"},
                                {"VersioningConfiguration", Map{{"Status", "Enabled"}}},
                                {"Tags", List{Map{{"Key", "k1"}, {"Value", "v1"}}, Map{{"Key", "k2"}, {"Value", "v2"}}}}}});
}

Json resource(model_test::Fixture& f, const char* id = "Bucket") { return model_test::template_of(f.stack)["Resources"][id]; }
}  // namespace

TEST_CASE("overrides: the dotted path splits on dots; a backslash escapes the next character") {
  // CDK's splitOnPeriods (cfn-resource.ts).
  using cdk::synth::split_override_path;
  CHECK(split_override_path("A.B.0.C") == std::vector<std::string>{"A", "B", "0", "C"});
  CHECK(split_override_path("Metadata.a\\.b") == std::vector<std::string>{"Metadata", "a.b"});
  CHECK(split_override_path("x\\.y\\.z") == std::vector<std::string>{"x.y.z"});
  CHECK(split_override_path("k\\\\.v") == std::vector<std::string>{"k\\", "v"});  // "\\" is a backslash
  CHECK(split_override_path("a\\b") == std::vector<std::string>{"ab"});
  CHECK(split_override_path("Key\\.") == std::vector<std::string>{"Key."});
  CHECK(split_override_path("single") == std::vector<std::string>{"single"});
}

TEST_CASE("overrides: add_property_override sets a nested value and creates missing objects") {
  model_test::Fixture f;
  auto& b = bucket(f);
  b.add_property_override("VersioningConfiguration.Status", "Suspended");
  b.add_property_override("LoggingConfiguration.DestinationBucketName", "logs");
  b.add_property_override("BucketName", Value{"name-"} + cdk::Aws::account_id());  // a token value
  CHECK(resource(f)["Properties"] == j(R"({
    "BucketName": {"Fn::Join": ["", ["name-", {"Ref": "AWS::AccountId"}]]},
    "VersioningConfiguration": {"Status": "Suspended"},
    "Tags": [{"Key": "k1", "Value": "v1"}, {"Key": "k2", "Value": "v2"}],
    "LoggingConfiguration": {"DestinationBucketName": "logs"}
  })"));
}

TEST_CASE("overrides: an object value deep-merges, anything else replaces") {
  // CDK merges overrides with deepMerge: objects merge key by key, arrays and scalars
  // replace.
  model_test::Fixture f;
  auto& b = bucket(f);
  b.add_property_override("VersioningConfiguration", Value{Map{{"MfaDelete", "Disabled"}}});
  b.add_property_override("Tags", List{Map{{"Key", "only"}, {"Value", "one"}}});
  CHECK(resource(f)["Properties"]["VersioningConfiguration"] == j(R"({"Status": "Enabled", "MfaDelete": "Disabled"})"));
  CHECK(resource(f)["Properties"]["Tags"] == j(R"([{"Key": "only", "Value": "one"}])"));
}

TEST_CASE("overrides: a numeric component indexes into an array") {
  model_test::Fixture f;
  auto& b = bucket(f);
  b.add_property_override("Tags.1.Value", "changed");
  b.add_property_override("Tags.0", Value{Map{{"Extra", true}}});  // merges into the element
  CHECK(resource(f)["Properties"]["Tags"] ==
        j(R"([{"Key": "k1", "Value": "v1", "Extra": true}, {"Key": "k2", "Value": "changed"}])"));
}

TEST_CASE("overrides: an index outside the array is reported") {
  model_test::Fixture f;
  auto& b = bucket(f);
  b.add_property_override("Tags.5.Value", "x");
  b.add_property_override("Tags.first.Value", "x");
  auto errors = model_test::synth_errors(f.stack);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].code == cdk::errc::InvalidOverride);
  CHECK(errors[0].path == "S/Bucket");
  CHECK(errors[0].message == "override path 'Properties.Tags.5.Value': '5' is not an index of the array there (size 2)");
  CHECK(errors[1].message ==
        "override path 'Properties.Tags.first.Value': 'first' is not an index of the array there (size 2)");
}

TEST_CASE("overrides: add_override reaches the resource's attributes") {
  model_test::Fixture f;
  auto& b = bucket(f);
  b.add_override("DeletionPolicy", "Retain");
  b.add_override("Metadata.cfn_nag.rules_to_suppress", List{Map{{"id", "W35"}}});
  b.add_override("Type", "Custom::Bucket");  // same value: nothing changes
  auto r = resource(f);
  CHECK(r["DeletionPolicy"] == "Retain");
  CHECK(r["Metadata"] == j(R"({"cfn_nag": {"rules_to_suppress": [{"id": "W35"}]}})"));
  CHECK(r["Type"] == "Custom::Bucket");
}

TEST_CASE("overrides: an escaped dot addresses a key that contains dots") {
  model_test::Fixture f;
  auto& b = bucket(f);
  b.add_override("Metadata.aws\\:cdk\\.path", "x");
  b.add_override("Metadata.a\\.b.c", 1);
  b.add_property_override("Key\\.", 2);  // a trailing escaped dot is part of the key
  REQUIRE(model_test::synth_errors(f.stack).empty());
  auto r = resource(f);
  CHECK(r["Metadata"] == j(R"({"aws:cdk.path": "x", "a.b": {"c": 1}})"));
  CHECK(r["Properties"]["Key."] == 2);
}

TEST_CASE("overrides: a path through a scalar replaces it with an object") {
  model_test::Fixture f;
  auto& b = bucket(f);
  b.add_property_override("BucketName.Fn::Sub", "${AWS::StackName}-b");
  CHECK(resource(f)["Properties"]["BucketName"] == j(R"({"Fn::Sub": "${AWS::StackName}-b"})"));
}

TEST_CASE("overrides: later overrides apply over earlier ones") {
  model_test::Fixture f;
  auto& b = bucket(f);
  b.add_property_override("BucketName", "first");
  b.add_property_override("BucketName", "second");
  CHECK(resource(f)["Properties"]["BucketName"] == "second");
}

TEST_CASE("overrides: deletion overrides") {
  model_test::Fixture f;
  auto& b = bucket(f);
  b.options().deletion_policy = cdk::CfnDeletionPolicy::Retain;
  b.add_property_deletion_override("BucketName");
  // Deliberately unlike CDK, whose `delete array[0]` leaves a hole that JSON writes as
  // null (which CloudFormation rejects): the element is removed.
  b.add_property_deletion_override("Tags.0");
  b.add_deletion_override("DeletionPolicy");
  b.add_property_deletion_override("Not.There.At.All");  // deleting nothing is fine
  REQUIRE(model_test::synth_errors(f.stack).empty());
  CHECK(resource(f) == j(R"({
    "Type": "Custom::Bucket",
    "Properties": {"VersioningConfiguration": {"Status": "Enabled"}, "Tags": [{"Key": "k2", "Value": "v2"}]}
  })"));
}

TEST_CASE("overrides: a deletion that empties an object removes the object, as CDK's deepMerge does") {
  model_test::Fixture f;
  auto& b = bucket(f);
  b.add_property_deletion_override("VersioningConfiguration.Status");
  CHECK_FALSE(resource(f)["Properties"].contains("VersioningConfiguration"));

  // Deleting the last property removes "Properties" itself.
  auto& single = f.stack.add<cdk::CfnResource>("Single", {.type = "Custom::Topic", .properties = {{"TopicName", "t"}}});
  single.add_property_deletion_override("TopicName");
  CHECK(resource(f, "Single") == j(R"({"Type": "Custom::Topic"})"));
}

TEST_CASE("overrides: empty path components are reported once") {
  model_test::Fixture f;
  auto& b = bucket(f);
  b.add_override("Properties..Name", 1);
  b.add_override("", 1);
  b.add_property_override("Trailing.", 1);
  auto errors = model_test::synth_errors(f.stack);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].to_string() == "[cdk.resource.InvalidOverride] S/Bucket: override path 'Properties..Name' has an empty component");
  CHECK(errors[1].to_string() == "[cdk.resource.InvalidOverride] S/Bucket: override path '' has an empty component");
  CHECK(errors[2].to_string() ==
        "[cdk.resource.InvalidOverride] S/Bucket: override path 'Properties.Trailing.' has an empty component");
}

TEST_CASE("overrides: override values may hold references that follow the element") {
  model_test::Fixture f;
  auto& b = bucket(f);
  auto& key = f.stack.add<cdk::CfnResource>("Key", {.type = "AWS::KMS::Key"});
  b.add_property_override("BucketEncryption.ServerSideEncryptionConfiguration",
                          List{Map{{"ServerSideEncryptionByDefault",
                                    Map{{"SSEAlgorithm", "aws:kms"}, {"KMSMasterKeyID", key.get_att("Arn")}}}}});
  key.override_logical_id("DataKey");
  CHECK(resource(f)["Properties"]["BucketEncryption"] == j(R"({"ServerSideEncryptionConfiguration": [
    {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": {"Fn::GetAtt": ["DataKey", "Arn"]}}}
  ]})"));

  // A reference in an override to a missing element is reported like any other.
  b.add_property_override("Other", cdk::Fn::ref("Missing"));
  auto errors = model_test::synth_errors(f.stack);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].to_string() ==
        "[cdk.resolve.UnknownTarget] S/Bucket: Ref to 'Missing', which is not a parameter or resource of stack 'S'");
}

TEST_CASE("overrides: the declared overrides are kept in order") {
  model_test::Fixture f;
  auto& b = bucket(f);
  b.add_property_override("A", 1);
  b.add_deletion_override("Metadata");
  REQUIRE(b.overrides().size() == 2);
  CHECK(b.overrides()[0].path == "Properties.A");
  CHECK(b.overrides()[0].value == Value{1});
  CHECK(b.overrides()[1].path == "Metadata");
  CHECK_FALSE(b.overrides()[1].value.has_value());
}
