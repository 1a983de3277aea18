// Intrinsic functions, pseudo parameters and dynamic references render exactly as
// CloudFormation (and CDK) write them.
#include <doctest/doctest.h>

#include "model_support.hpp"

namespace Fn = cdk::Fn;
namespace Aws = cdk::Aws;
using cdk::List;
using cdk::Map;
using cdk::Value;
using model_test::Json;
using model_test::resolve;

namespace {
Json j(const char* text) { return Json::parse(text); }
}  // namespace

TEST_CASE("fn: Ref and Fn::GetAtt by logical name") {
  model_test::Fixture f;
  f.stack.add<cdk::CfnResource>("Bucket", {.type = "AWS::S3::Bucket"});
  f.stack.add<cdk::CfnParameter>("Env", {.type = "String"});
  CHECK(resolve(f.stack, Fn::ref("Bucket")) == j(R"({"Ref": "Bucket"})"));
  CHECK(resolve(f.stack, Fn::ref("Env")) == j(R"({"Ref": "Env"})"));
  CHECK(resolve(f.stack, Fn::get_att("Bucket", "Arn")) == j(R"({"Fn::GetAtt": ["Bucket", "Arn"]})"));
}

TEST_CASE("fn: Ref and Fn::GetAtt by name are checked at synth") {
  model_test::Fixture f;
  f.stack.add<cdk::CfnParameter>("Env", {.type = "String"});
  f.stack.add<cdk::CfnCondition>("IsProd", {.expression = Fn::condition_equals("a", "b")});

  auto missing = model_test::resolve_in(f.stack, Fn::ref("Nope"));
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].code == cdk::errc::UnknownTarget);
  CHECK(missing.diagnostics[0].path == "S/Probe");
  CHECK(missing.diagnostics[0].message == "Ref to 'Nope', which is not a parameter or resource of stack 'S'");

  auto condition = model_test::resolve_in(f.stack, Fn::ref("IsProd"));
  REQUIRE(condition.diagnostics.size() == 1);
  CHECK(condition.diagnostics[0].code == cdk::errc::WrongTargetKind);
  CHECK(condition.diagnostics[0].message ==
        "Ref to 'IsProd', which is a condition; only resources and parameters can be referenced");

  auto pseudo = model_test::resolve_in(f.stack, Fn::ref("AWS::Nothing"));
  REQUIRE(pseudo.diagnostics.size() == 1);
  CHECK(pseudo.diagnostics[0].code == cdk::errc::UnknownTarget);
  CHECK(pseudo.diagnostics[0].message == "'AWS::Nothing' is not a pseudo parameter");

  auto att = model_test::resolve_in(f.stack, Fn::get_att("Ghost", "Arn"));
  REQUIRE(att.diagnostics.size() == 1);
  CHECK(att.diagnostics[0].code == cdk::errc::UnknownTarget);
  CHECK(att.diagnostics[0].message == "Fn::GetAtt of 'Ghost', which is not a resource of stack 'S'");
}

TEST_CASE("fn: Fn::Join follows CDK's minimal join") {
  // CDK (cfn-fn.ts FnJoin + minimalCloudFormationJoin): a join of literals is the
  // joined string, a join of one part is the part, adjacent literals merge with the
  // delimiter, and a nested join with the same delimiter is spliced in.
  model_test::Fixture f;
  Value literal = Fn::join("-", {"a", "b", "c"});
  REQUIRE(literal.is_string());
  CHECK(literal.as_string() == "a-b-c");

  CHECK(resolve(f.stack, Fn::join(",", {Aws::region()})) == j(R"({"Ref": "AWS::Region"})"));
  CHECK(resolve(f.stack, Fn::join(",", {"a", "b", Aws::region(), "c", "d"})) ==
        j(R"({"Fn::Join": [",", ["a,b", {"Ref": "AWS::Region"}, "c,d"]]})"));

  Value inner = Fn::join(",", {Aws::account_id(), "x"});
  CHECK(resolve(f.stack, Fn::join(",", {"a", inner, Aws::region()})) ==
        j(R"({"Fn::Join": [",", ["a", {"Ref": "AWS::AccountId"}, "x", {"Ref": "AWS::Region"}]]})"));

  // A different delimiter is a different join: kept nested.
  Value other = Fn::join("/", {Aws::account_id(), "x"});
  CHECK(resolve(f.stack, Fn::join(",", {"a", other})) ==
        j(R"({"Fn::Join": [",", ["a", {"Fn::Join": ["/", [{"Ref": "AWS::AccountId"}, "x"]]}]]})"));

  // Empty parts with a non-empty delimiter are content: "a,,b" needs them.
  CHECK(resolve(f.stack, Fn::join(",", {Aws::region(), "", Aws::account_id()})) ==
        j(R"({"Fn::Join": [",", [{"Ref": "AWS::Region"}, "", {"Ref": "AWS::AccountId"}]]})"));
}

TEST_CASE("fn: Fn::Join of a list token") {
  model_test::Fixture f;
  auto& subnets = f.stack.add<cdk::CfnParameter>("Subnets", {.type = "List<AWS::EC2::Subnet::Id>"});
  CHECK(resolve(f.stack, Fn::join_list(",", subnets.ref())) == j(R"({"Fn::Join": [",", {"Ref": "Subnets"}]})"));
  CHECK(Fn::join_list(",", subnets.ref()).token_type() == cdk::TokenType::String);
}

TEST_CASE("fn: Fn::Sub with and without variables") {
  model_test::Fixture f;
  CHECK(resolve(f.stack, Fn::sub("arn:${AWS::Partition}:s3:::b")) == j(R"({"Fn::Sub": "arn:${AWS::Partition}:s3:::b"})"));
  CHECK(resolve(f.stack, Fn::sub("${A}-${B}", {{"A", "x"}, {"B", Aws::region()}})) ==
        j(R"({"Fn::Sub": ["${A}-${B}", {"A": "x", "B": {"Ref": "AWS::Region"}}]})"));
}

TEST_CASE("fn: Base64, Select, Split, GetAZs, ImportValue") {
  model_test::Fixture f;
  CHECK(resolve(f.stack, Fn::base64("#!/bin/bash")) == j(R"({"Fn::Base64": "#!/bin/bash"})"));
  CHECK(resolve(f.stack, Fn::base64(Value{"echo "} + Aws::region())) ==
        j(R"({"Fn::Base64": {"Fn::Join": ["", ["echo ", {"Ref": "AWS::Region"}]]}})"));
  CHECK(resolve(f.stack, Fn::select(1, Fn::get_azs())) == j(R"({"Fn::Select": [1, {"Fn::GetAZs": ""}]})"));
  CHECK(resolve(f.stack, Fn::get_azs(Aws::region())) == j(R"({"Fn::GetAZs": {"Ref": "AWS::Region"}})"));
  CHECK(resolve(f.stack, Fn::get_azs("eu-west-1")) == j(R"({"Fn::GetAZs": "eu-west-1"})"));
  CHECK(resolve(f.stack, Fn::split(",", Fn::import_value("Subnets"))) ==
        j(R"({"Fn::Split": [",", {"Fn::ImportValue": "Subnets"}]})"));
  CHECK(resolve(f.stack, Fn::import_value(Aws::stack_name() + "-Vpc")) ==
        j(R"({"Fn::ImportValue": {"Fn::Join": ["", [{"Ref": "AWS::StackName"}, "-Vpc"]]}})"));

  CHECK(Fn::get_azs().token_type() == cdk::TokenType::List);
  CHECK(Fn::split(",", Aws::stack_name()).token_type() == cdk::TokenType::List);
  CHECK(Fn::base64("x").token_type() == cdk::TokenType::String);
  CHECK(Fn::import_value("x").token_type() == cdk::TokenType::String);
}

TEST_CASE("fn: Fn::FindInMap by element and by name") {
  model_test::Fixture f;
  auto& map = f.stack.add<cdk::CfnMapping>(
      "RegionMap", {.mapping = {{"us-east-1", {{"AMI", "ami-1"}}}, {"eu-west-1", {{"AMI", "ami-2"}}}}});
  CHECK(resolve(f.stack, Fn::find_in_map(map, Aws::region(), "AMI")) ==
        j(R"({"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "AMI"]})"));
  CHECK(resolve(f.stack, map.find_in_map("us-east-1", "AMI")) == j(R"({"Fn::FindInMap": ["RegionMap", "us-east-1", "AMI"]})"));
  CHECK(resolve(f.stack, Fn::find_in_map("RegionMap", Aws::region(), "AMI")) ==
        j(R"({"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "AMI"]})"));

  // The mapping follows its element: a later override_logical_id is honoured.
  Value early = map.find_in_map(Aws::region(), "AMI");
  map.override_logical_id("Amis");
  CHECK(resolve(f.stack, early) == j(R"({"Fn::FindInMap": ["Amis", {"Ref": "AWS::Region"}, "AMI"]})"));

  auto missing = model_test::resolve_in(f.stack, Fn::find_in_map("NoSuchMap", "a", "b"));
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].code == cdk::errc::UnknownTarget);
  CHECK(missing.diagnostics[0].message == "mapping 'NoSuchMap' does not exist in stack 'S'");

  auto unknown_key = model_test::resolve_in(f.stack, map.find_in_map("ap-south-1", "AMI"));
  REQUIRE(unknown_key.diagnostics.size() == 1);
  CHECK(unknown_key.diagnostics[0].code == cdk::errc::UnknownMappingKey);
  CHECK(unknown_key.diagnostics[0].message == "Fn::FindInMap: mapping 'S/RegionMap' has no entry 'ap-south-1.AMI'");
}

TEST_CASE("fn: Fn::Cidr with and without a size mask") {
  model_test::Fixture f;
  CHECK(resolve(f.stack, Fn::cidr("10.0.0.0/16", 6, 8)) == j(R"({"Fn::Cidr": ["10.0.0.0/16", 6, 8]})"));
  CHECK(resolve(f.stack, Fn::cidr("10.0.0.0/16", 6)) == j(R"({"Fn::Cidr": ["10.0.0.0/16", 6]})"));
  CHECK(Fn::cidr("10.0.0.0/16", 6).token_type() == cdk::TokenType::List);
}

TEST_CASE("fn: condition functions") {
  model_test::Fixture f;
  auto& env = f.stack.add<cdk::CfnParameter>("Env", {.type = "String"});
  auto& prod = f.stack.add<cdk::CfnCondition>("IsProd", {.expression = Fn::condition_equals(env.ref(), "prod")});
  auto& eu = f.stack.add<cdk::CfnCondition>("InEu", {.expression = Fn::condition_equals(Aws::region(), "eu-west-1")});

  CHECK(resolve(f.stack, prod.expression()) == j(R"({"Fn::Equals": [{"Ref": "Env"}, "prod"]})"));
  CHECK(resolve(f.stack, Fn::condition_if(prod, "big", Aws::no_value())) ==
        j(R"({"Fn::If": ["IsProd", "big", {"Ref": "AWS::NoValue"}]})"));
  CHECK(resolve(f.stack, prod.if_(1, 2)) == j(R"({"Fn::If": ["IsProd", 1, 2]})"));
  CHECK(resolve(f.stack, Fn::condition(prod)) == j(R"({"Condition": "IsProd"})"));
  CHECK(resolve(f.stack, Fn::condition_not(Fn::condition(prod))) == j(R"({"Fn::Not": [{"Condition": "IsProd"}]})"));
  CHECK(resolve(f.stack, Fn::condition_and({Fn::condition(prod), Fn::condition(eu)})) ==
        j(R"({"Fn::And": [{"Condition": "IsProd"}, {"Condition": "InEu"}]})"));
  CHECK(resolve(f.stack, Fn::condition_or({Fn::condition(prod), Fn::condition(eu)})) ==
        j(R"({"Fn::Or": [{"Condition": "IsProd"}, {"Condition": "InEu"}]})"));
}

TEST_CASE("fn: Fn::And / Fn::Or take 2 to 10 conditions, as CDK arranges") {
  // CloudFormation rejects Fn::And with one condition or more than ten. CDK
  // (Fn.conditionAnd) returns a single condition as is and nests longer lists in
  // groups of ten.
  model_test::Fixture f;
  Value one = Fn::condition_equals("a", "b");
  CHECK(resolve(f.stack, Fn::condition_and({one})) == j(R"({"Fn::Equals": ["a", "b"]})"));
  CHECK(resolve(f.stack, Fn::condition_or({one})) == j(R"({"Fn::Equals": ["a", "b"]})"));

  List twelve;
  for (int i = 0; i < 12; ++i) twelve.push_back(Fn::condition_equals(i, 0));
  Json out = resolve(f.stack, Fn::condition_or(twelve));
  REQUIRE(out.contains("Fn::Or"));
  REQUIRE(out["Fn::Or"].size() == 2);
  CHECK(out["Fn::Or"][0]["Fn::Or"].size() == 10);
  CHECK(out["Fn::Or"][0]["Fn::Or"][0] == j(R"({"Fn::Equals": [0, 0]})"));
  CHECK(out["Fn::Or"][1]["Fn::Or"] == j(R"([{"Fn::Equals": [10, 0]}, {"Fn::Equals": [11, 0]}])"));

  List eleven(twelve.begin(), twelve.begin() + 11);
  Json and11 = resolve(f.stack, Fn::condition_and(eleven));
  REQUIRE(and11["Fn::And"].size() == 2);
  CHECK(and11["Fn::And"][1] == j(R"({"Fn::Equals": [10, 0]})"));  // a group of one is the condition itself

  try {
    (void)Fn::condition_and({});
    FAIL("condition_and of nothing must throw");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == cdk::errc::InvalidIntrinsic);
    CHECK(std::string{e.what()} == "[cdk.resolve.InvalidIntrinsic] Fn::And needs at least one condition");
  }
  CHECK_THROWS_AS((void)Fn::condition_or({}), cdk::Error);
}

TEST_CASE("fn: Fn::Transform, Fn::Length, Fn::ToJsonString") {
  model_test::Fixture f;
  CHECK(resolve(f.stack, Fn::transform("AWS::Include", {{"Location", "s3://b/k"}})) ==
        j(R"({"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}}})"));
  CHECK(resolve(f.stack, Fn::len(Fn::get_azs())) == j(R"({"Fn::Length": {"Fn::GetAZs": ""}})"));
  CHECK(Fn::len(Fn::get_azs()).token_type() == cdk::TokenType::Number);
  CHECK(resolve(f.stack, Fn::to_json_string(Map{{"region", Aws::region()}, {"n", 1}})) ==
        j(R"({"Fn::ToJsonString": {"region": {"Ref": "AWS::Region"}, "n": 1}})"));
}

TEST_CASE("fn: rule functions") {
  model_test::Fixture f;
  auto& subnets = f.stack.add<cdk::CfnParameter>("Subnets", {.type = "List<AWS::EC2::Subnet::Id>"});
  CHECK(resolve(f.stack, Fn::contains(List{"a", "b"}, Aws::region())) ==
        j(R"({"Fn::Contains": [["a", "b"], {"Ref": "AWS::Region"}]})"));
  CHECK(resolve(f.stack, Fn::each_member_equals(subnets.ref(), "x")) ==
        j(R"({"Fn::EachMemberEquals": [{"Ref": "Subnets"}, "x"]})"));
  CHECK(resolve(f.stack, Fn::each_member_in(subnets.ref(), Fn::ref_all("AWS::EC2::Subnet::Id"))) ==
        j(R"({"Fn::EachMemberIn": [{"Ref": "Subnets"}, {"Fn::RefAll": "AWS::EC2::Subnet::Id"}]})"));
  CHECK(resolve(f.stack, Fn::value_of("Subnets", "VpcId")) == j(R"({"Fn::ValueOf": ["Subnets", "VpcId"]})"));
  CHECK(resolve(f.stack, Fn::value_of_all("AWS::EC2::Subnet::Id", "VpcId")) ==
        j(R"({"Fn::ValueOfAll": ["AWS::EC2::Subnet::Id", "VpcId"]})"));
  CHECK(Fn::ref_all("AWS::EC2::VPC::Id").token_type() == cdk::TokenType::List);
  CHECK(Fn::value_of_all("AWS::EC2::VPC::Id", "Tags").token_type() == cdk::TokenType::List);
}

TEST_CASE("fn: a general intrinsic") {
  model_test::Fixture f;
  CHECK(resolve(f.stack, Fn::intrinsic("Fn::FutureThing", List{"a", Aws::region()})) ==
        j(R"({"Fn::FutureThing": ["a", {"Ref": "AWS::Region"}]})"));
}

TEST_CASE("fn: every pseudo parameter") {
  model_test::Fixture f;
  CHECK(resolve(f.stack, Aws::account_id()) == j(R"({"Ref": "AWS::AccountId"})"));
  CHECK(resolve(f.stack, Aws::region()) == j(R"({"Ref": "AWS::Region"})"));
  CHECK(resolve(f.stack, Aws::stack_name()) == j(R"({"Ref": "AWS::StackName"})"));
  CHECK(resolve(f.stack, Aws::stack_id()) == j(R"({"Ref": "AWS::StackId"})"));
  CHECK(resolve(f.stack, Aws::partition()) == j(R"({"Ref": "AWS::Partition"})"));
  CHECK(resolve(f.stack, Aws::url_suffix()) == j(R"({"Ref": "AWS::URLSuffix"})"));
  CHECK(resolve(f.stack, Aws::notification_arns()) == j(R"({"Ref": "AWS::NotificationARNs"})"));
  CHECK(resolve(f.stack, Aws::no_value()) == j(R"({"Ref": "AWS::NoValue"})"));
  CHECK(Aws::notification_arns().token_type() == cdk::TokenType::List);
  CHECK(Aws::region().token_type() == cdk::TokenType::String);
  CHECK(cdk::synth::is_pseudo_parameter("AWS::URLSuffix"));
  CHECK_FALSE(cdk::synth::is_pseudo_parameter("AWS::Bogus"));
}

TEST_CASE("fn: a stack's account and region are literals when known, pseudo parameters when agnostic") {
  cdk::App app{cdk::AppProps{.outdir = "model-test-unused.out"}};
  auto& agnostic = app.add<cdk::Stack>("Agnostic");
  auto& pinned = app.add<cdk::Stack>("Pinned", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  CHECK(resolve(agnostic, agnostic.account()) == j(R"({"Ref": "AWS::AccountId"})"));
  CHECK(resolve(agnostic, agnostic.region()) == j(R"({"Ref": "AWS::Region"})"));
  CHECK(pinned.account() == Value{"123456789012"});
  CHECK(pinned.region() == Value{"eu-west-1"});
  CHECK(resolve(pinned, pinned.partition()) == j(R"({"Ref": "AWS::Partition"})"));
  CHECK(resolve(pinned, pinned.url_suffix()) == j(R"({"Ref": "AWS::URLSuffix"})"));
}

TEST_CASE("fn: dynamic references") {
  model_test::Fixture f;
  using cdk::DynamicReferenceService;
  Value ssm = cdk::dynamic_reference(DynamicReferenceService::Ssm, "/app/ami:3");
  REQUIRE(ssm.is_string());
  CHECK(ssm.as_string() == "{{resolve:ssm:/app/ami:3}}");
  CHECK(cdk::dynamic_reference(DynamicReferenceService::SsmSecure, "/db/pw:1").as_string() ==
        "{{resolve:ssm-secure:/db/pw:1}}");
  CHECK(cdk::dynamic_reference(DynamicReferenceService::SecretsManager, "MySecret:SecretString:password").as_string() ==
        "{{resolve:secretsmanager:MySecret:SecretString:password}}");

  // A key holding a token becomes a join, as CDK's CfnDynamicReference does.
  auto& secret = f.stack.add<cdk::CfnResource>("Secret", {.type = "AWS::SecretsManager::Secret"});
  Value by_ref = cdk::dynamic_reference(DynamicReferenceService::SecretsManager, secret.ref() + ":SecretString:password");
  CHECK(resolve(f.stack, by_ref) ==
        j(R"({"Fn::Join": ["", ["{{resolve:secretsmanager:", {"Ref": "Secret"}, ":SecretString:password}}"]]})"));
}

TEST_CASE("fn: a Number parameter is a number, a List parameter a list") {
  model_test::Fixture f;
  auto& count = f.stack.add<cdk::CfnParameter>("Count", {.type = "Number", .default_value = 2});
  auto& names = f.stack.add<cdk::CfnParameter>("Names", {.type = "CommaDelimitedList"});
  auto& ids = f.stack.add<cdk::CfnParameter>("Ids", {.type = "List<Number>"});
  auto& ssm = f.stack.add<cdk::CfnParameter>("Amis", {.type = "AWS::SSM::Parameter::Value<List<String>>"});
  auto& name = f.stack.add<cdk::CfnParameter>("Name", {.type = "String"});
  CHECK(count.ref().token_type() == cdk::TokenType::Number);
  CHECK(names.ref().token_type() == cdk::TokenType::List);
  CHECK(ids.ref().token_type() == cdk::TokenType::List);
  CHECK(ssm.ref().token_type() == cdk::TokenType::List);
  CHECK(name.ref().token_type() == cdk::TokenType::String);

  // Used where a number / list is expected, it renders as the bare Ref (no quoting, no
  // join), so CloudFormation sees a number and a list.
  f.stack.add<cdk::CfnResource>("Group", {.type = "Custom::AutoScalingGroup",
                                          .properties = {{"MinSize", count.ref()},
                                                         {"MaxSize", count.value_as_number()},
                                                         {"AvailabilityZones", names.value_as_list()},
                                                         {"LaunchTemplateName", Fn::select(0, names.ref())}}});
  auto t = model_test::template_of(f.stack);
  CHECK(t["Resources"]["Group"]["Properties"] == j(R"({
    "MinSize": {"Ref": "Count"},
    "MaxSize": {"Ref": "Count"},
    "AvailabilityZones": {"Ref": "Names"},
    "LaunchTemplateName": {"Fn::Select": [0, {"Ref": "Names"}]}
  })"));
  CHECK(t["Parameters"]["Count"] == j(R"({"Type": "Number", "Default": 2})"));
}
