// CfnInclude: templates imported into a stack and synthesized again equal the input
// (every sample's expected templates, CDK's reference outputs, hand-written YAML), the
// elements are editable, references between them follow renames, errors are exact.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <cdk/cdk.hpp>
#include <cdk/cfn_include.hpp>
#include <cdk/ec2/cfn_subnet.hpp>
#include <cdk/ec2/cfn_vpc.hpp>
#include <nlohmann/json.hpp>

#include "error_support.hpp"
#include "template/parse.hpp"

namespace fs = std::filesystem;
using unit_test::thrown;
// Unordered: key order inside a resource may differ from the input (typed props render
// in the schema's order), the content may not.
using UJson = nlohmann::json;

namespace {

const fs::path kData = fs::path{CDKPP_SOURCE_DIR} / "tests" / "unit" / "data" / "include";

std::string read(const fs::path& path) {
  std::ifstream in{path, std::ios::binary};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

UJson parsed(const std::string& text) { return UJson::parse(cdk::template_io::parse_template(text, "t").dump()); }

struct Fixture {
  cdk::App app{cdk::AppProps{.outdir = "cfn-include-test-unused.out"}};
  cdk::Stack& stack;
  explicit Fixture(cdk::StackSynthesizer synthesizer = cdk::LegacyStackSynthesizer{})
      : stack{app.add<cdk::Stack>("S", {.synthesizer = synthesizer})} {}
  UJson synth() { return UJson::parse(stack.to_json()); }
};

// Every expected template of the samples, nested assembly folders included, and every
// template of the reference folder when it exists.
std::vector<fs::path> templates_under(const fs::path& root) {
  std::vector<fs::path> out;
  if (!fs::is_directory(root)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.find(".template.") != std::string::npos &&
        (name.ends_with(".json") || name.ends_with(".yaml")))
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void check_round_trip(const fs::path& path) {
  CAPTURE(path.string());
  const UJson input = parsed(read(path));
  {
    Fixture f;
    f.stack.add<cdk::CfnInclude>("Template", {.template_file = path.string()});
    CHECK(f.synth() == input);
  }
  // The default synthesizer writes the bootstrap parameter and rule itself; a template
  // CDK synthesized has them already and comes back the same.
  if (input.contains("Parameters") && input["Parameters"].contains("BootstrapVersion")) {
    Fixture f{cdk::DefaultStackSynthesizer{}};
    f.stack.add<cdk::CfnInclude>("Template", {.template_file = path.string()});
    UJson actual = f.synth();
    // The cdk CLI prints YAML without the rule (the reference's .template.yaml files).
    if (!input.contains("Rules")) actual.erase("Rules");
    CHECK(actual == input);
  }
}

}  // namespace

TEST_CASE("include: every sample's expected template round-trips") {
  const auto templates = templates_under(fs::path{CDKPP_SOURCE_DIR} / "samples");
  CHECK(templates.size() >= 13);
  for (const auto& path : templates) check_round_trip(path);
}

TEST_CASE("include: every reference template round-trips (skipped without the folder)") {
  const fs::path root{CDKPP_REFERENCE_DIR};
  if (!fs::is_directory(root)) {
    MESSAGE("no reference folder at " << root.string() << ": skipped");
    return;
  }
  for (const auto& path : templates_under(root)) check_round_trip(path);
}

TEST_CASE("include: hand-written YAML with short forms, conditions, mappings and nested intrinsics") {
  const fs::path path = kData / "app.yaml";
  check_round_trip(path);
  Fixture f;
  f.stack.add<cdk::CfnInclude>("Template", {.template_body = read(path)});
  CHECK(f.synth() == parsed(read(path)));
}

TEST_CASE("include: elements keep their logical ids, are editable, and references follow a rename") {
  Fixture f;
  auto& t = f.stack.add<cdk::CfnInclude>("Template", {.template_file = (kData / "app.yaml").string()});
  CHECK(t.resource_ids() == std::vector<std::string>{"Vpc", "Subnet", "Gateway", "Queue"});
  CHECK(t.parameter_ids() == std::vector<std::string>{"Env", "Port", "Sizes"});
  CHECK(t.get_resource("Vpc").logical_id() == "Vpc");
  CHECK(t.get_resource("Vpc").path() == "S/Template/Vpc");

  auto& env = t.get_parameter("Env");
  CHECK(env.props().type == "String");
  CHECK(env.props().allowed_values == std::vector<std::string>{"prod", "dev"});
  CHECK(env.props().default_value == cdk::Value{"dev"});
  env.props().default_value = "prod";
  env.override_logical_id("Environment");
  t.get_resource("Vpc").override_logical_id("Network");
  t.get_resource("Subnet").override_logical_id("SubnetA");
  t.get_condition("IsProd").override_logical_id("Production");
  t.get_mapping("RegionMap").override_logical_id("Regions");
  t.get_output("VpcId").props().description = "The network";
  t.get_rule("ProdPort").add_assertion(cdk::Fn::condition_equals(env.ref(), "prod"), "named prod");

  const UJson out = f.synth();
  CHECK(out["Parameters"]["Environment"] == UJson::parse(R"({"Type": "String", "AllowedValues": ["prod", "dev"], "Default": "prod"})"));
  CHECK_FALSE(out["Parameters"].contains("Env"));
  CHECK(out["Conditions"] == UJson::parse(R"({
    "Production": {"Fn::Equals": [{"Ref": "Environment"}, "prod"]},
    "IsDev": {"Fn::Not": [{"Condition": "Production"}]},
    "ProdInUs": {"Fn::And": [{"Condition": "Production"}, {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}]}})"));
  CHECK(out["Rules"]["ProdPort"]["RuleCondition"] == UJson::parse(R"({"Fn::Equals": [{"Ref": "Environment"}, "prod"]})"));
  CHECK(out["Rules"]["ProdPort"]["Assertions"][1] ==
        UJson::parse(R"({"Assert": {"Fn::Equals": [{"Ref": "Environment"}, "prod"]}, "AssertDescription": "named prod"})"));
  const UJson& resources = out["Resources"];
  CHECK(resources["Network"]["Properties"]["CidrBlock"] ==
        UJson::parse(R"({"Fn::If": ["Production", "10.0.0.0/16", "10.1.0.0/16"]})"));
  CHECK(resources["Network"]["Properties"]["Tags"][0]["Value"] ==
        UJson::parse(R"({"Fn::Sub": "${AWS::StackName}-${Environment}-vpc"})"));
  CHECK(resources["SubnetA"]["Properties"]["VpcId"] == UJson::parse(R"({"Ref": "Network"})"));
  CHECK(resources["SubnetA"]["Properties"]["CidrBlock"] ==
        UJson::parse(R"({"Fn::Select": [0, {"Fn::Cidr": [{"Fn::GetAtt": ["Network", "CidrBlock"]}, 4, 8]}]})"));
  CHECK(resources["SubnetA"]["DependsOn"] == "Gateway");
  CHECK(resources["Queue"]["Condition"] == "Production");
  CHECK(resources["Queue"]["DependsOn"] == UJson::parse(R"(["Network", "Gateway"])"));
  CHECK(resources["Queue"]["Metadata"]["Purpose"] == UJson::parse(R"({"Fn::Join": ["-", ["jobs", {"Ref": "Environment"}]]})"));
  CHECK(resources["Queue"]["Properties"]["QueueName"] == UJson::parse(R"({"Fn::Sub": [
      "${Prefix}-${Network}-${SubnetA.AvailabilityZone}-${!Literal}",
      {"Prefix": {"Fn::FindInMap": ["Regions", {"Ref": "AWS::Region"}, "Ami"]}}]})"));
  CHECK(resources["Queue"]["Properties"]["DelaySeconds"] == UJson::parse(R"({"Fn::If": ["IsDev", 0, {"Ref": "AWS::NoValue"}]})"));
  CHECK(out["Outputs"]["VpcId"] == UJson::parse(R"({"Description": "The network", "Value": {"Ref": "Network"},
      "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-VpcId"}}})"));
  CHECK(out["Outputs"]["QueueArn"] == UJson::parse(R"({"Condition": "Production", "Value": {"Fn::GetAtt": ["Queue", "Arn"]}})"));
}

TEST_CASE("include: a dependency added to an included resource joins the template's own") {
  Fixture f;
  auto& t = f.stack.add<cdk::CfnInclude>("Template", {.template_file = (kData / "app.yaml").string()});
  t.get_resource("Queue").add_depends_on(t.get_resource("Subnet"));
  t.get_resource("Vpc").add_depends_on(t.get_resource("Gateway"));
  const UJson out = f.synth();
  CHECK(out["Resources"]["Queue"]["DependsOn"] == UJson::parse(R"(["Vpc", "Gateway", "Subnet"])"));
  CHECK(out["Resources"]["Vpc"]["DependsOn"] == UJson::parse(R"(["Gateway"])"));
}

TEST_CASE("include: typed access reads and edits the template's properties") {
  Fixture f;
  auto& t = f.stack.add<cdk::CfnInclude>("Template", {.template_file = (kData / "app.yaml").string()});
  auto& vpc = t.get_resource<cdk::ec2::CfnVPC>("Vpc");
  CHECK(vpc.props().enable_dns_support.value() == cdk::Value{true});
  CHECK(vpc.props().cidr_block.value().is_token());
  REQUIRE(vpc.props().tags.items().size() == 1);
  CHECK(vpc.props().tags.items()[0].key.value() == cdk::Value{"Name"});
  CHECK(vpc.properties().empty());
  vpc.props().cidr_block = "10.9.0.0/16";
  vpc.props().enable_dns_hostnames = true;
  vpc.props().tags.push_back({.key = "Team", .value = "platform"});

  auto& subnet = t.get_resource<cdk::ec2::CfnSubnet>("Subnet");
  CHECK(subnet.props().vpc_id.value().is_token());
  CHECK(subnet.props().availability_zone.is_set());
  subnet.props().map_public_ip_on_launch = false;

  const UJson out = f.synth();
  CHECK(out["Resources"]["Vpc"]["Properties"] == UJson::parse(R"({"CidrBlock": "10.9.0.0/16", "EnableDnsHostnames": true,
      "EnableDnsSupport": true, "Tags": [{"Key": "Name", "Value": {"Fn::Sub": "${AWS::StackName}-${Env}-vpc"}},
      {"Key": "Team", "Value": "platform"}]})"));
  CHECK(out["Resources"]["Subnet"]["Properties"]["MapPublicIpOnLaunch"] == false);
  CHECK(out["Resources"]["Subnet"]["Properties"]["VpcId"] == UJson::parse(R"({"Ref": "Vpc"})"));

  // A property written in a form the typed field cannot hold stays as written.
  auto& queue = t.get_resource("Queue");
  REQUIRE(queue.properties().size() == 1);
  CHECK(queue.properties()[0].first == "MessageRetentionPeriod");
  CHECK(queue.properties()[0].second == cdk::Value{"345600"});
  CHECK(out["Resources"]["Queue"]["Properties"]["MessageRetentionPeriod"] == "345600");

  auto e = thrown([&] { t.get_resource<cdk::ec2::CfnSubnet>("Vpc"); });
  CHECK(e.diagnostic().to_string() == "[cdk.include.WrongType] S/Template: resource 'Vpc' is AWS::EC2::VPC, not AWS::EC2::Subnet");
}

TEST_CASE("include: parameters replaced by values") {
  Fixture f;
  f.stack.add<cdk::CfnInclude>("Template", {.template_file = (kData / "app.yaml").string(),
                                             .parameters = {{"Env", "prod"}, {"Port", 443}}});
  const UJson out = f.synth();
  CHECK(out["Parameters"] == UJson::parse(R"({"Sizes": {"Type": "CommaDelimitedList", "Default": "1,2,3"}})"));
  CHECK(out["Conditions"]["IsProd"] == UJson::parse(R"({"Fn::Equals": ["prod", "prod"]})"));
  CHECK(out["Rules"]["ProdPort"]["Assertions"][0]["Assert"] == UJson::parse(R"({"Fn::Contains": [["443", "8443"], 443]})"));
  CHECK(out["Resources"]["Vpc"]["Properties"]["Tags"][0]["Value"] == UJson::parse(R"({"Fn::Sub": "${AWS::StackName}-prod-vpc"})"));
}

TEST_CASE("include: an included element used from another stack is exported and imported") {
  cdk::App app{cdk::AppProps{.outdir = "cfn-include-test-unused.out"}};
  auto& producer = app.add<cdk::Stack>("Producer", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& consumer = app.add<cdk::Stack>("Consumer", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& t = producer.add<cdk::CfnInclude>("Template", {.template_file = (kData / "app.yaml").string()});
  consumer.add<cdk::CfnResource>("Topic", {.type = "AWS::SNS::Topic", .properties = {{"DisplayName", t.get_resource("Vpc").ref()}}});
  const UJson used = UJson::parse(consumer.to_json());
  CHECK(used["Resources"]["Topic"]["Properties"]["DisplayName"] ==
        UJson::parse(R"({"Fn::ImportValue": "Producer:ExportsOutputRefVpc0040386A"})") );
  const UJson made = UJson::parse(producer.to_json());
  CHECK(made["Outputs"]["ExportsOutputRefVpc0040386A"] ==
        UJson::parse(R"({"Value": {"Ref": "Vpc"}, "Export": {"Name": "Producer:ExportsOutputRefVpc0040386A"}})"));
}

TEST_CASE("include: the default synthesizer adds its bootstrap parameter and rule") {
  Fixture f{cdk::DefaultStackSynthesizer{}};
  f.stack.add<cdk::CfnInclude>("Template", {.template_file = (kData / "app.yaml").string()});
  const UJson out = f.synth();
  CHECK(out["Parameters"].contains("BootstrapVersion"));
  CHECK(out["Rules"].contains("CheckBootstrapVersion"));
  UJson without = out;
  without["Parameters"].erase("BootstrapVersion");
  without["Rules"].erase("CheckBootstrapVersion");
  CHECK(without == parsed(read(kData / "app.yaml")));
}

TEST_CASE("include: preserve_logical_ids = false gives ids from the construct path") {
  Fixture f;
  auto& t = f.stack.add<cdk::CfnInclude>("Template", {.template_body = "Resources:\n  Topic: {Type: AWS::SNS::Topic}\n"
                                                                       "Outputs:\n  Arn: {Value: !Ref Topic}\n",
                                                      .preserve_logical_ids = false});
  const std::string id = t.get_resource("Topic").logical_id();
  CHECK(id.rfind("TemplateTopic", 0) == 0);
  CHECK(id.size() == std::string{"TemplateTopic"}.size() + 8);
  const UJson out = f.synth();
  CHECK(out["Resources"].contains(id));
  CHECK(out["Outputs"].begin().value()["Value"] == UJson{{"Ref", id}});
}

TEST_CASE("include: errors") {
  auto error = [](cdk::CfnIncludeProps props) {
    Fixture f;
    return thrown([&] { f.stack.add<cdk::CfnInclude>("Template", std::move(props)); }).diagnostic().to_string();
  };
  CHECK(error({}) == "[cdk.include.InvalidProps] S/Template: needs template_file or template_body");
  CHECK(error({.template_file = "a.yaml", .template_body = "Resources: {}"}) ==
        "[cdk.include.InvalidProps] S/Template: give either template_file or template_body, not both");
  CHECK(error({.template_file = "/nonexistent/t.yaml"}) == "[cdk.template.ReadError] /nonexistent/t.yaml: cannot read the file");
  CHECK(error({.template_body = "Resources:\n  A: [1,\n"}).rfind("[cdk.template.ParseError] S/Template: line 3, column 1: invalid YAML: ", 0) == 0);
  CHECK(error({.template_body = "Resources:\n  A: {Type: AWS::SNS::Topic, Properties: {X: !Nope 1}}\n"}) ==
        "[cdk.template.UnknownIntrinsic] S/Template: line 2, column 46: unknown intrinsic function '!Nope' (no "
        "CloudFormation function has this short form)");
  CHECK(error({.template_body = "Resources: {A: {Type: AWS::SNS::Topic}}", .parameters = {{"Nope", 1}}}) ==
        "[cdk.include.InvalidProps] S/Template: parameters: 'Nope' is not a parameter of the template");

  const std::string head = "Resources:\n  A:\n    Type: AWS::SNS::Topic\n";
  CHECK(error({.template_body = head + "    Properties: {DisplayName: !Ref Nope}\n"}) ==
        "[cdk.include.UnknownReference] S/Template: Resources.A.Properties.DisplayName.Ref: Ref to 'Nope', which is not "
        "a parameter or resource of the template");
  CHECK(error({.template_body = head + "    Properties: {DisplayName: !GetAtt Nope.Arn}\n"}) ==
        "[cdk.include.UnknownReference] S/Template: Resources.A.Properties.DisplayName.Fn::GetAtt: Fn::GetAtt of "
        "'Nope', which is not a resource of the template");
  CHECK(error({.template_body = head + "    Properties: {DisplayName: !If [Nope, a, b]}\n"}) ==
        "[cdk.include.UnknownReference] S/Template: Resources.A.Properties.DisplayName.Fn::If.0: Fn::If on 'Nope', "
        "which is not a condition of the template");
  CHECK(error({.template_body = head + "    Properties: {DisplayName: !FindInMap [Nope, a, b]}\n"}) ==
        "[cdk.include.UnknownReference] S/Template: Resources.A.Properties.DisplayName.Fn::FindInMap.0: "
        "Fn::FindInMap of 'Nope', which is not a mapping of the template");
  CHECK(error({.template_body = head + "    Properties: {DisplayName: !Sub '${Nope}'}\n"}) ==
        "[cdk.include.UnknownReference] S/Template: Resources.A.Properties.DisplayName.Fn::Sub: Fn::Sub: '${Nope}' is "
        "not a variable of the Sub, nor a parameter or resource of the template");
  CHECK(error({.template_body = head + "    DependsOn: [Nope]\n"}) ==
        "[cdk.include.UnknownReference] S/Template: Resources.A.DependsOn.0: DependsOn 'Nope', which is not a resource "
        "of the template");
  CHECK(error({.template_body = head + "    Condition: Nope\n"}) ==
        "[cdk.include.UnknownReference] S/Template: Resources.A.Condition: Condition 'Nope', which is not a condition "
        "of the template");
  CHECK(error({.template_body = head + "Outputs:\n  O: {Value: !GetAtt [A, TopicArn], Condition: Nope}\n"}) ==
        "[cdk.include.UnknownReference] S/Template: Outputs.O.Condition: Condition 'Nope', which is not a condition "
        "of the template");

  CHECK(error({.template_body = head + "Hooks:\n  H: {Type: AWS::CodeDeploy::BlueGreen}\n"}) ==
        "[cdk.include.Unsupported] S/Template: Hooks: the Hooks section (CodeDeploy blue/green) cannot be included");
  CHECK(error({.template_body = "Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Topics: [T, [a, b], "
                                "{\"Topic${T}\": {Type: AWS::SNS::Topic}}]\n"}) ==
        "[cdk.include.Unsupported] S/Template: Resources.Fn::ForEach::Topics: Fn::ForEach (the AWS::LanguageExtensions "
        "transform) cannot be included");
  CHECK(error({.template_body = head + "Transform: {Name: AWS::Include, Parameters: {Location: s3://b/k}}\n"}) ==
        "[cdk.include.Unsupported] S/Template: Transform: a transform with parameters cannot be included, only macro "
        "names");

  Fixture f;
  auto& t = f.stack.add<cdk::CfnInclude>("Template", {.template_body = head});
  CHECK(thrown([&] { t.get_resource("Nope"); }).diagnostic().to_string() ==
        "[cdk.include.UnknownElement] S/Template: the template has no resource 'Nope'");
  CHECK(thrown([&] { t.get_parameter("A"); }).diagnostic().to_string() ==
        "[cdk.include.UnknownElement] S/Template: the template has no parameter 'A'");
  CHECK(thrown([&] { t.get_condition("A"); }).diagnostic().to_string() ==
        "[cdk.include.UnknownElement] S/Template: the template has no condition 'A'");
  CHECK(thrown([&] { t.get_mapping("A"); }).diagnostic().to_string() ==
        "[cdk.include.UnknownElement] S/Template: the template has no mapping 'A'");
  CHECK(thrown([&] { t.get_output("A"); }).diagnostic().to_string() ==
        "[cdk.include.UnknownElement] S/Template: the template has no output 'A'");
  CHECK(thrown([&] { t.get_rule("A"); }).diagnostic().to_string() ==
        "[cdk.include.UnknownElement] S/Template: the template has no rule 'A'");
}

TEST_CASE("include: template sections beside the elements") {
  const std::string text = R"({"AWSTemplateFormatVersion": "2010-09-09", "Description": "d",
    "Metadata": {"AWS::CloudFormation::Interface": {"ParameterGroups": []}, "Ref": {"Ref": "Topic"}},
    "Transform": ["AWS::Serverless-2016-10-31", "AWS::LanguageExtensions"],
    "Resources": {"Topic": {"Type": "AWS::SNS::Topic", "Properties": {}, "Version": "1.0", "Description": "x",
      "UpdatePolicy": {"AutoScalingReplacingUpdate": {"WillReplace": true}}, "CreationPolicy": {"ResourceSignal": {"Count": 1}},
      "DeletionPolicy": {"Fn::If": ["C", "Retain", "Delete"]}, "UpdateReplacePolicy": "Snapshot"}},
    "Conditions": {"C": {"Fn::Equals": [1, 1]}}})";
  Fixture f;
  f.stack.add<cdk::CfnInclude>("Template", {.template_body = text});
  CHECK(f.synth() == parsed(text));
  CHECK(f.stack.template_options().transforms == std::vector<std::string>{"AWS::Serverless-2016-10-31", "AWS::LanguageExtensions"});
  CHECK(f.stack.template_options().description == "d");
}
