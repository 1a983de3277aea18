// Synth-time validation: every error synth reports, with its exact code, path and
// message, and the guarantee that all errors are collected into one SynthError.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <cdk/cdk.hpp>
#include <nlohmann/json.hpp>

#include "detail/tokens.hpp"

namespace {

using cdk::Diagnostic;

cdk::AppProps test_app_props() { return cdk::AppProps{.outdir = "unused-synth-validation"}; }

// A stack that synthesizes nothing but what the test declares.
cdk::StackProps legacy() { return cdk::StackProps{.synthesizer = cdk::LegacyStackSynthesizer{}}; }

std::vector<Diagnostic> errors_of(cdk::Stack& stack) {
  try {
    stack.to_json();
  } catch (const cdk::SynthError& e) {
    return e.diagnostics();
  }
  return {};
}

bool same(const Diagnostic& a, const Diagnostic& b) {
  return a.code == b.code && a.path == b.path && a.message == b.message;
}

// Exactly one diagnostic, equal to `expected`.
void check_single(cdk::Stack& stack, const Diagnostic& expected) {
  auto errors = errors_of(stack);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == expected.code);
  CHECK(errors[0].path == expected.path);
  CHECK(errors[0].message == expected.message);
}

bool contains(const std::vector<Diagnostic>& errors, const Diagnostic& expected) {
  for (const auto& e : errors)
    if (same(e, expected)) return true;
  return false;
}

cdk::CfnResource& handle(cdk::Construct& scope, std::string_view id, cdk::Map properties = {}) {
  return scope.add<cdk::CfnResource>(id, {.type = "AWS::CloudFormation::WaitConditionHandle", .properties = std::move(properties)});
}

cdk::CfnResource& topic(cdk::Construct& scope, std::string_view id, cdk::Map properties = {}) {
  return scope.add<cdk::CfnResource>(id, {.type = "AWS::SNS::Topic", .properties = std::move(properties)});
}

}  // namespace

TEST_SUITE("synth validation") {

TEST_CASE("a valid stack synthesizes without errors") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  auto& p = stack.add<cdk::CfnParameter>("P", {.type = "String"});
  auto& a = topic(stack, "A", {{"TopicName", p.ref()}});
  topic(stack, "B", {{"DisplayName", a.get_att("TopicName")}, {"TopicName", cdk::Fn::ref("P")}});
  CHECK(errors_of(stack).empty());
}

TEST_CASE("Ref by name: the target must be a parameter or resource of the stack") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  SUBCASE("unknown name") {
    topic(stack, "A", {{"TopicName", cdk::Fn::ref("Nope")}});
    check_single(stack, {cdk::errc::UnknownTarget, "S/A", "Ref to 'Nope', which is not a parameter or resource of stack 'S'"});
  }
  SUBCASE("resource and parameter names are fine") {
    stack.add<cdk::CfnParameter>("P");
    topic(stack, "A", {{"TopicName", cdk::Fn::ref("P")}});
    topic(stack, "B", {{"TopicName", cdk::Fn::ref("A")}});
    CHECK(errors_of(stack).empty());
  }
  SUBCASE("a condition is not something Ref can name") {
    stack.add<cdk::CfnCondition>("IsProd", {.expression = cdk::Fn::condition_equals("a", "b")});
    topic(stack, "A", {{"TopicName", cdk::Fn::ref("IsProd")}});
    check_single(stack, {cdk::errc::WrongTargetKind, "S/A",
                         "Ref to 'IsProd', which is a condition; only resources and parameters can be referenced"});
  }
  SUBCASE("a mapping is not something Ref can name") {
    stack.add<cdk::CfnMapping>("Map", {.mapping = {{"k", cdk::Map{{"v", "1"}}}}});
    topic(stack, "A", {{"TopicName", cdk::Fn::ref("Map")}});
    check_single(stack, {cdk::errc::WrongTargetKind, "S/A",
                         "Ref to 'Map', which is a mapping; only resources and parameters can be referenced"});
  }
  SUBCASE("pseudo parameters are known; other AWS:: names are not") {
    topic(stack, "A", {{"TopicName", cdk::Fn::ref("AWS::Region")}, {"DisplayName", cdk::Fn::ref("AWS::Bogus")}});
    check_single(stack, {cdk::errc::UnknownTarget, "S/A", "'AWS::Bogus' is not a pseudo parameter"});
  }
  SUBCASE("a name after override_logical_id is the new name") {
    auto& p = stack.add<cdk::CfnParameter>("P");
    p.override_logical_id("Renamed");
    topic(stack, "A", {{"TopicName", cdk::Fn::ref("P")}, {"DisplayName", cdk::Fn::ref("Renamed")}});
    check_single(stack, {cdk::errc::UnknownTarget, "S/A", "Ref to 'P', which is not a parameter or resource of stack 'S'"});
  }
}

TEST_CASE("Ref by identity of an element that is not a resource or parameter") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  auto& c = stack.add<cdk::CfnCondition>("IsProd", {.expression = cdk::Fn::condition_equals("a", "b")});
  topic(stack, "A", {{"TopicName", cdk::detail::ref_to(c)}});
  check_single(stack, {cdk::errc::WrongTargetKind, "S/A",
                       "Ref of condition 'S/IsProd'; only resources and parameters can be referenced"});
}

TEST_CASE("Fn::GetAtt: the target must be a resource") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  SUBCASE("unknown name") {
    topic(stack, "A", {{"TopicName", cdk::Fn::get_att("Nope", "Arn")}});
    check_single(stack, {cdk::errc::UnknownTarget, "S/A", "Fn::GetAtt of 'Nope', which is not a resource of stack 'S'"});
  }
  SUBCASE("a resource name is fine and renders as written") {
    topic(stack, "B");
    topic(stack, "A", {{"TopicName", cdk::Fn::get_att("B", "TopicName")}});
    CHECK(errors_of(stack).empty());
    auto json = nlohmann::json::parse(stack.to_json());
    CHECK(json["Resources"]["A"]["Properties"]["TopicName"] == nlohmann::json::parse(R"({"Fn::GetAtt": ["B", "TopicName"]})"));
  }
  SUBCASE("a parameter by name has no attributes") {
    stack.add<cdk::CfnParameter>("P");
    topic(stack, "A", {{"TopicName", cdk::Fn::get_att("P", "Arn")}});
    check_single(stack, {cdk::errc::WrongTargetKind, "S/A", "Fn::GetAtt of 'P', which is a parameter; only resources have attributes"});
  }
  SUBCASE("a parameter by identity has no attributes") {
    auto& p = stack.add<cdk::CfnParameter>("P");
    topic(stack, "A", {{"TopicName", cdk::detail::get_att_of(p, "Arn", cdk::TokenType::String)}});
    check_single(stack, {cdk::errc::WrongTargetKind, "S/A", "Fn::GetAtt of parameter 'S/P'; only resources have attributes"});
  }
  SUBCASE("an attribute name is required") {
    auto& b = topic(stack, "B");
    topic(stack, "A", {{"TopicName", b.get_att("")}});
    check_single(stack, {cdk::errc::InvalidIntrinsic, "S/A", "Fn::GetAtt of 'B' needs an attribute name"});
  }
}

TEST_CASE("Fn::FindInMap: the mapping must exist and literal keys must be in it") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  auto& map = stack.add<cdk::CfnMapping>("RegionMap", {.mapping = {{"us-east-1", cdk::Map{{"AMI", "ami-1"}}},
                                                                  {"eu-west-1", cdk::Map{{"AMI", "ami-2"}}}}});
  SUBCASE("known keys, by identity and by name") {
    topic(stack, "A", {{"TopicName", map.find_in_map("eu-west-1", "AMI")},
                       {"DisplayName", cdk::Fn::find_in_map("RegionMap", "us-east-1", "AMI")}});
    CHECK(errors_of(stack).empty());
  }
  SUBCASE("token keys are not checked at synth") {
    topic(stack, "A", {{"TopicName", map.find_in_map(cdk::Aws::region(), "AMI")}});
    CHECK(errors_of(stack).empty());
  }
  SUBCASE("unknown top-level key") {
    topic(stack, "A", {{"TopicName", map.find_in_map("ap-south-1", "AMI")}});
    check_single(stack, {cdk::errc::UnknownMappingKey, "S/A", "Fn::FindInMap: mapping 'S/RegionMap' has no entry 'ap-south-1.AMI'"});
  }
  SUBCASE("unknown second-level key") {
    topic(stack, "A", {{"TopicName", map.find_in_map("us-east-1", "Ami")}});
    check_single(stack, {cdk::errc::UnknownMappingKey, "S/A", "Fn::FindInMap: mapping 'S/RegionMap' has no entry 'us-east-1.Ami'"});
  }
  SUBCASE("unknown key through a mapping named by name") {
    topic(stack, "A", {{"TopicName", cdk::Fn::find_in_map("RegionMap", "us-east-1", "Ami")}});
    check_single(stack, {cdk::errc::UnknownMappingKey, "S/A", "Fn::FindInMap: mapping 'S/RegionMap' has no entry 'us-east-1.Ami'"});
  }
  SUBCASE("unknown mapping name") {
    topic(stack, "A", {{"TopicName", cdk::Fn::find_in_map("NoSuchMap", "us-east-1", "AMI")}});
    check_single(stack, {cdk::errc::UnknownTarget, "S/A", "mapping 'NoSuchMap' does not exist in stack 'S'"});
  }
  SUBCASE("a name that is a resource, not a mapping") {
    topic(stack, "B");
    topic(stack, "A", {{"TopicName", cdk::Fn::find_in_map("B", "us-east-1", "AMI")}});
    check_single(stack, {cdk::errc::UnknownTarget, "S/A", "mapping 'B' does not exist in stack 'S'"});
  }
  SUBCASE("a mapping named by a literal string (Fn::intrinsic) must exist, and its keys too; so must one a lazy value produces (found by fuzz_resolve)") {
    topic(stack, "B");
    topic(stack, "A", {{"TopicName", cdk::Fn::intrinsic("Fn::FindInMap", cdk::List{"NoSuchMap", "x", "y"})},
                       {"DisplayName", cdk::Fn::intrinsic("Fn::FindInMap", cdk::List{"B", "x", "y"})}});
    topic(stack, "C", {{"TopicName", cdk::Fn::intrinsic("Fn::FindInMap", cdk::List{"RegionMap", "us-east-1", "Ami"})}});
    // A name that a lazy value produces, for a condition.
    topic(stack, "D", {{"TopicName", cdk::Fn::intrinsic("Condition", cdk::lazy([] { return cdk::Value{"NoSuchCondition"}; }))}});
    const auto errors = errors_of(stack);
    REQUIRE(errors.size() == 4);
    CHECK(same(errors[0], {cdk::errc::UnknownTarget, "S/A", "mapping 'NoSuchMap' does not exist in stack 'S'"}));
    CHECK(same(errors[1], {cdk::errc::WrongTargetKind, "S/A", "Fn::FindInMap needs a mapping, but 'B' is a resource"}));
    CHECK(same(errors[2], {cdk::errc::UnknownMappingKey, "S/C", "Fn::FindInMap: mapping 'S/RegionMap' has no entry 'us-east-1.Ami'"}));
    CHECK(same(errors[3], {cdk::errc::UnknownTarget, "S/D", "condition 'NoSuchCondition' does not exist in stack 'S'"}));
  }
  SUBCASE("a mapping by identity that is a resource") {
    auto& b = topic(stack, "B");
    topic(stack, "A", {{"TopicName", cdk::Fn::intrinsic("Fn::FindInMap", cdk::List{cdk::detail::logical_id_of(b), "x", "y"})}});
    check_single(stack, {cdk::errc::WrongTargetKind, "S/A", "Fn::FindInMap needs a mapping, but 'S/B' is a resource"});
  }
}

TEST_CASE("conditions: Fn::If and Condition must name a condition of the stack") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  auto& is_prod = stack.add<cdk::CfnCondition>("IsProd", {.expression = cdk::Fn::condition_equals(cdk::Aws::region(), "us-east-1")});
  SUBCASE("a condition is fine") {
    topic(stack, "A", {{"TopicName", is_prod.if_("a", "b")}});
    stack.add<cdk::CfnCondition>("Both", {.expression = cdk::Fn::condition_and({cdk::Fn::condition(is_prod),
                                                                               cdk::Fn::condition_equals("x", "x")})});
    CHECK(errors_of(stack).empty());
  }
  SUBCASE("Fn::If on a resource") {
    auto& b = topic(stack, "B");
    topic(stack, "A", {{"TopicName", cdk::Fn::intrinsic("Fn::If", cdk::List{cdk::detail::logical_id_of(b), "a", "b"})}});
    check_single(stack, {cdk::errc::WrongTargetKind, "S/A", "Fn::If needs a condition, but 'S/B' is a resource"});
  }
  SUBCASE("Condition of a parameter") {
    auto& p = stack.add<cdk::CfnParameter>("P");
    stack.add<cdk::CfnCondition>("C", {.expression = cdk::Fn::condition_not(cdk::Fn::intrinsic("Condition", cdk::detail::logical_id_of(p)))});
    topic(stack, "A");
    check_single(stack, {cdk::errc::WrongTargetKind, "S/C", "Condition needs a condition, but 'S/P' is a parameter"});
  }
  SUBCASE("Fn::If naming an unknown condition") {
    topic(stack, "A", {{"TopicName", cdk::Fn::intrinsic("Fn::If", cdk::List{"NoSuchCondition", "a", "b"})}});
    check_single(stack, {cdk::errc::UnknownTarget, "S/A", "condition 'NoSuchCondition' does not exist in stack 'S'"});
  }
  SUBCASE("Fn::If naming a condition by its name is fine") {
    topic(stack, "A", {{"TopicName", cdk::Fn::intrinsic("Fn::If", cdk::List{"IsProd", "a", "b"})}});
    CHECK(errors_of(stack).empty());
  }
  SUBCASE("Condition naming an unknown condition") {
    stack.add<cdk::CfnCondition>("C", {.expression = cdk::Fn::condition_not(cdk::Fn::intrinsic("Condition", "Missing"))});
    topic(stack, "A");
    check_single(stack, {cdk::errc::UnknownTarget, "S/C", "condition 'Missing' does not exist in stack 'S'"});
  }
  SUBCASE("Fn::If naming a resource by name") {
    topic(stack, "B");
    topic(stack, "A", {{"TopicName", cdk::Fn::intrinsic("Fn::If", cdk::List{"B", "a", "b"})}});
    check_single(stack, {cdk::errc::WrongTargetKind, "S/A", "Fn::If needs a condition, but 'B' is a resource"});
  }
}

TEST_CASE("Fn::Sub: ${Name} and ${Name.Attribute} must name something the Sub can see") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  stack.add<cdk::CfnParameter>("Env");
  topic(stack, "B");
  stack.add<cdk::CfnCondition>("C", {.expression = cdk::Fn::condition_equals("a", "b")});
  SUBCASE("parameters, resources, attributes, pseudo parameters, variables and ${!Literal} are fine") {
    topic(stack, "A", {{"TopicName", cdk::Fn::sub("${Env}-${B}-${B.TopicName}-${AWS::Region}-${Var}-${!NotARef}-$x-{y}",
                                                  {{"Var", "v"}})}});
    CHECK(errors_of(stack).empty());
  }
  SUBCASE("an unknown name") {
    topic(stack, "A", {{"TopicName", cdk::Fn::sub("${Env}-${Nope}")}});
    check_single(stack, {cdk::errc::UnknownTarget, "S/A",
                         "Fn::Sub: '${Nope}' is not a variable of the Sub, nor a parameter or resource of stack 'S'"});
  }
  SUBCASE("an attribute of a parameter") {
    topic(stack, "A", {{"TopicName", cdk::Fn::sub("${Env.Value}")}});
    check_single(stack, {cdk::errc::UnknownTarget, "S/A",
                         "Fn::Sub: '${Env.Value}' is not a variable of the Sub, nor a resource of stack 'S'"});
  }
  SUBCASE("a condition") {
    topic(stack, "A", {{"TopicName", cdk::Fn::sub("${C}")}});
    check_single(stack, {cdk::errc::UnknownTarget, "S/A",
                         "Fn::Sub: '${C}' is not a variable of the Sub, nor a parameter or resource of stack 'S'"});
  }
  SUBCASE("an unknown pseudo parameter") {
    topic(stack, "A", {{"TopicName", cdk::Fn::sub("${AWS::Bogus}")}});
    check_single(stack, {cdk::errc::UnknownTarget, "S/A", "Fn::Sub: '${AWS::Bogus}' is not a pseudo parameter"});
  }
}

// Ref and Fn::GetAtt across stacks become exports and imports (cross_stack_test.cpp);
// what cannot cross stacks is reported.
TEST_CASE("references to a condition of another stack are reported") {
  cdk::App app{test_app_props()};
  auto& s1 = app.add<cdk::Stack>("S1", legacy());
  auto& s2 = app.add<cdk::Stack>("S2", legacy());
  topic(s1, "Producer");
  auto& c = s1.add<cdk::CfnCondition>("C", {.expression = cdk::Fn::condition_equals("a", "b")});
  auto& consumer = topic(s2, "Consumer");
  consumer.options().condition = &c;
  const cdk::Diagnostic expected{cdk::errc::CrossStackReference, "S2/Consumer",
                                 "refers to a condition 'S1/C' of stack 'S1'; only Ref and Fn::GetAtt of resources and "
                                 "parameters can cross stacks (as exports), not conditions"};
  check_single(s2, expected);
  SUBCASE("App::synth reports it too, and the producer stack is fine") {
    try {
      app.synth();
      FAIL("synth should have failed");
    } catch (const cdk::SynthError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(same(e.diagnostics()[0], expected));
    }
    CHECK(errors_of(s1).empty());
  }
}

TEST_CASE("DependsOn cycles") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  SUBCASE("direct, through add_depends_on") {
    auto& a = topic(stack, "A");
    auto& b = topic(stack, "B");
    a.add_depends_on(b);
    b.add_depends_on(a);
    check_single(stack, {cdk::errc::DependencyCycle, "S/A", "resources depend on each other in a cycle: A -> B -> A"});
  }
  SUBCASE("through Ref and Fn::GetAtt") {
    topic(stack, "A", {{"TopicName", cdk::Fn::ref("C")}});
    topic(stack, "B", {{"TopicName", cdk::Fn::get_att("A", "TopicName")}});
    topic(stack, "C", {{"TopicName", cdk::Fn::join("-", {"x", cdk::Fn::ref("B")})}});
    check_single(stack, {cdk::errc::DependencyCycle, "S/A", "resources depend on each other in a cycle: A -> C -> B -> A"});
  }
  SUBCASE("a Ref to itself") {
    auto& a = topic(stack, "A");
    a.set_property("TopicName", a.ref());
    check_single(stack, {cdk::errc::DependencyCycle, "S/A", "resources depend on each other in a cycle: A -> A"});
  }
  SUBCASE("a DependsOn on itself") {
    auto& a = topic(stack, "A");
    a.add_depends_on(a);
    check_single(stack, {cdk::errc::DependencyCycle, "S/A", "a resource cannot depend on itself"});
  }
  SUBCASE("through construct dependencies") {
    auto& g1 = stack.add<cdk::Construct>("G1");
    auto& g2 = stack.add<cdk::Construct>("G2");
    auto& a = topic(g1, "A");
    auto& b = topic(g2, "B");
    g1.add_dependency(g2);
    g2.add_dependency(g1);
    auto errors = errors_of(stack);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == cdk::errc::DependencyCycle);
    CHECK(errors[0].path == a.path());
    CHECK(errors[0].message ==
          "resources depend on each other in a cycle: " + a.logical_id() + " -> " + b.logical_id() + " -> " + a.logical_id());
  }
  SUBCASE("a Ref one way and DependsOn the other way") {
    auto& a = topic(stack, "A");
    auto& b = topic(stack, "B", {{"TopicName", a.ref()}});
    a.add_depends_on(b);
    check_single(stack, {cdk::errc::DependencyCycle, "S/A", "resources depend on each other in a cycle: A -> B -> A"});
  }
  SUBCASE("two separate cycles are both reported") {
    auto& a = topic(stack, "A");
    auto& b = topic(stack, "B");
    auto& c = topic(stack, "C");
    auto& d = topic(stack, "D");
    a.add_depends_on(b);
    b.add_depends_on(a);
    c.add_depends_on(d);
    d.add_depends_on(c);
    auto errors = errors_of(stack);
    REQUIRE(errors.size() == 2);
    CHECK(contains(errors, {cdk::errc::DependencyCycle, "S/A", "resources depend on each other in a cycle: A -> B -> A"}));
    CHECK(contains(errors, {cdk::errc::DependencyCycle, "S/C", "resources depend on each other in a cycle: C -> D -> C"}));
  }
  SUBCASE("a chain without a cycle is fine") {
    auto& a = topic(stack, "A");
    auto& b = topic(stack, "B", {{"TopicName", a.ref()}});
    auto& c = topic(stack, "C", {{"TopicName", b.get_att("TopicName")}});
    c.add_depends_on(a);
    CHECK(errors_of(stack).empty());
  }
  SUBCASE("a Ref to a parameter is not an edge") {
    stack.add<cdk::CfnParameter>("A");
    topic(stack, "B", {{"TopicName", cdk::Fn::ref("A")}});
    CHECK(errors_of(stack).empty());
  }
}

TEST_CASE("parameter types: every CloudFormation family is accepted, anything else is an error") {
  const char* valid[] = {
      "String", "Number", "List<Number>", "CommaDelimitedList",
      "AWS::EC2::AvailabilityZone::Name", "AWS::EC2::Image::Id", "AWS::EC2::Instance::Id",
      "AWS::EC2::KeyPair::KeyName", "AWS::EC2::SecurityGroup::GroupName", "AWS::EC2::SecurityGroup::Id",
      "AWS::EC2::Subnet::Id", "AWS::EC2::Volume::Id", "AWS::EC2::VPC::Id", "AWS::Route53::HostedZone::Id",
      "List<AWS::EC2::AvailabilityZone::Name>", "List<AWS::EC2::Image::Id>", "List<AWS::EC2::Instance::Id>",
      "List<AWS::EC2::SecurityGroup::GroupName>", "List<AWS::EC2::SecurityGroup::Id>", "List<AWS::EC2::Subnet::Id>",
      "List<AWS::EC2::Volume::Id>", "List<AWS::EC2::VPC::Id>", "List<AWS::Route53::HostedZone::Id>",
      "AWS::SSM::Parameter::Name", "AWS::SSM::Parameter::Value<String>", "AWS::SSM::Parameter::Value<List<String>>",
      "AWS::SSM::Parameter::Value<CommaDelimitedList>", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
      "AWS::SSM::Parameter::Value<AWS::EC2::KeyPair::KeyName>",
      "AWS::SSM::Parameter::Value<List<AWS::EC2::Subnet::Id>>",
  };
  for (const char* type : valid) {
    CAPTURE(type);
    CHECK(cdk::is_valid_parameter_type(type));
    cdk::App app{test_app_props()};
    auto& stack = app.add<cdk::Stack>("S", legacy());
    stack.add<cdk::CfnParameter>("P", {.type = type});
    topic(stack, "A");
    CHECK(errors_of(stack).empty());
  }
  const char* invalid[] = {
      "", "string", "STRING", "Integer", "List<String>", "List<>", "List<Number", "AWS::EC2::Foo::Id",
      "AWS::SSM::Parameter::Value<>", "AWS::SSM::Parameter::Value<Number>", "AWS::SSM::Parameter::Value<Foo>",
      "AWS::SSM::Parameter::Value<AWS::SSM::Parameter::Value<String>>", "List<List<Number>>", " String",
      "AWS::EC2::VPC::Id ",
  };
  for (const char* type : invalid) {
    CAPTURE(type);
    CHECK_FALSE(cdk::is_valid_parameter_type(type));
  }
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  stack.add<cdk::CfnParameter>("P", {.type = "Integer"});
  topic(stack, "A");
  check_single(stack, {cdk::errc::InvalidParameterType, "S/P",
                       "parameter type 'Integer' is not a CloudFormation parameter type (String, Number, List<Number>, "
                       "CommaDelimitedList, AWS::EC2::..., AWS::SSM::Parameter::Value<...>)"});
}

TEST_CASE("parameter defaults must satisfy the parameter's constraints") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  topic(stack, "A");
  auto check_default = [&](cdk::CfnParameterProps props, const std::string& message) {
    auto& p = stack.add<cdk::CfnParameter>("P", std::move(props));
    if (message.empty())
      CHECK(errors_of(stack).empty());
    else
      check_single(stack, {cdk::errc::InvalidParameterDefault, p.path(), message});
  };
  SUBCASE("allowed values") {
    check_default({.default_value = "m4.8xlarge", .allowed_values = {"m4.large", "m4.xlarge"}},
                  "default 'm4.8xlarge' is not one of the allowed values");
  }
  SUBCASE("allowed value matches") {
    check_default({.default_value = "m4.xlarge", .allowed_values = {"m4.large", "m4.xlarge"}}, "");
  }
  SUBCASE("list default: every item must be allowed") {
    check_default({.type = "CommaDelimitedList", .default_value = "a,c", .allowed_values = {"a", "b"}},
                  "default 'a,c' is not one of the allowed values");
  }
  SUBCASE("list default: all items allowed") {
    check_default({.type = "CommaDelimitedList", .default_value = "a,b,a", .allowed_values = {"a", "b"}}, "");
  }
  SUBCASE("allowed pattern (the whole value must match)") {
    check_default({.default_value = "abc1", .allowed_pattern = "[a-z]+"}, "default 'abc1' does not match allowed_pattern '[a-z]+'");
  }
  SUBCASE("allowed pattern matches") { check_default({.default_value = "abc", .allowed_pattern = "[a-z]+"}, ""); }
  SUBCASE("min length") {
    check_default({.default_value = "ab", .min_length = 3}, "default 'ab' is shorter than min_length 3");
  }
  SUBCASE("max length") {
    check_default({.default_value = "abcd", .max_length = 3}, "default 'abcd' is longer than max_length 3");
  }
  SUBCASE("lengths at the bounds are fine") {
    check_default({.default_value = "abc", .max_length = 3, .min_length = 3}, "");
  }
  SUBCASE("min value") {
    check_default({.type = "Number", .default_value = 1, .min_value = 2}, "default '1' is below min_value");
  }
  SUBCASE("max value") {
    check_default({.type = "Number", .default_value = 2.5, .max_value = 2}, "default '2.5' is above max_value");
  }
  SUBCASE("a string default of a Number parameter") {
    check_default({.type = "Number", .default_value = "12", .max_value = 20, .min_value = 12}, "");
  }
  SUBCASE("not a number") {
    check_default({.type = "Number", .default_value = "twelve"}, "default 'twelve' is not a number, but the parameter's type is Number");
  }
  SUBCASE("a list literal as default") {
    auto& p = stack.add<cdk::CfnParameter>("P", {.type = "CommaDelimitedList", .default_value = cdk::Value{std::vector<std::string>{"a", "b"}}});
    check_single(stack, {cdk::errc::InvalidParameterDefault, p.path(),
                         "default must be a string or a number (a list default is written \"a,b,c\")"});
  }
  SUBCASE("every broken constraint is reported") {
    auto& p = stack.add<cdk::CfnParameter>(
        "P", {.default_value = "toolong", .allowed_values = {"a"}, .allowed_pattern = "[0-9]+", .max_length = 3});
    auto errors = errors_of(stack);
    CHECK(errors.size() == 3);
    CHECK(contains(errors, {cdk::errc::InvalidParameterDefault, p.path(), "default 'toolong' is not one of the allowed values"}));
    CHECK(contains(errors, {cdk::errc::InvalidParameterDefault, p.path(), "default 'toolong' does not match allowed_pattern '[0-9]+'"}));
    CHECK(contains(errors, {cdk::errc::InvalidParameterDefault, p.path(), "default 'toolong' is longer than max_length 3"}));
  }
}

TEST_CASE("logical ids after override_logical_id must be valid and unique") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  SUBCASE("invalid characters") {
    topic(stack, "A").override_logical_id("my-topic");
    check_single(stack, {cdk::errc::InvalidLogicalId, "S/A", "logical id 'my-topic' must be 1 to 255 characters of [A-Za-z0-9]"});
  }
  SUBCASE("empty") {
    topic(stack, "A").override_logical_id("");
    check_single(stack, {cdk::errc::InvalidLogicalId, "S/A", "logical id '' must be 1 to 255 characters of [A-Za-z0-9]"});
  }
  SUBCASE("255 characters are fine, 256 are not") {
    topic(stack, "A").override_logical_id(std::string(255, 'x'));
    CHECK(errors_of(stack).empty());
    topic(stack, "B").override_logical_id(std::string(256, 'y'));
    check_single(stack, {cdk::errc::InvalidLogicalId, "S/B",
                         "logical id '" + std::string(256, 'y') + "' must be 1 to 255 characters of [A-Za-z0-9]"});
  }
  SUBCASE("a parameter with an invalid id") {
    stack.add<cdk::CfnParameter>("P").override_logical_id("P_1");
    topic(stack, "A");
    check_single(stack, {cdk::errc::InvalidLogicalId, "S/P", "logical id 'P_1' must be 1 to 255 characters of [A-Za-z0-9]"});
  }
  SUBCASE("two resources with the same id") {
    topic(stack, "A");
    topic(stack, "B").override_logical_id("A");
    check_single(stack, {cdk::errc::DuplicateLogicalId, "S/B", "logical id 'A' is already used by 'S/A'"});
  }
  SUBCASE("a parameter and a resource share one namespace") {
    stack.add<cdk::CfnParameter>("Name");
    topic(stack, "A").override_logical_id("Name");
    check_single(stack, {cdk::errc::DuplicateLogicalId, "S/A", "logical id 'Name' is already used by 'S/Name'"});
  }
  SUBCASE("ids that CDK's algorithm makes equal") {
    topic(stack, "my-topic");
    topic(stack, "mytopic");
    check_single(stack, {cdk::errc::DuplicateLogicalId, "S/mytopic", "logical id 'mytopic' is already used by 'S/my-topic'"});
  }
  SUBCASE("renaming away from a clash is fine") {
    topic(stack, "my-topic").override_logical_id("First");
    topic(stack, "mytopic");
    CHECK(errors_of(stack).empty());
  }
}

TEST_CASE("the DefaultStackSynthesizer reserves BootstrapVersion and CheckBootstrapVersion") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S");
  const Diagnostic reserved{cdk::errc::DuplicateLogicalId, "S",
                            "'BootstrapVersion' and 'CheckBootstrapVersion' are reserved by the DefaultStackSynthesizer"};
  SUBCASE("a parameter") {
    stack.add<cdk::CfnParameter>("BootstrapVersion");
    topic(stack, "A");
    check_single(stack, reserved);
  }
  SUBCASE("a resource") {
    topic(stack, "A").override_logical_id("BootstrapVersion");
    check_single(stack, reserved);
  }
  SUBCASE("a rule") {
    topic(stack, "A");
    stack.add<cdk::CfnRule>("CheckBootstrapVersion", {.assertions = {{cdk::Fn::condition_equals("a", "a"), "x"}}});
    check_single(stack, reserved);
  }
  SUBCASE("the LegacyStackSynthesizer reserves nothing") {
    cdk::App other{test_app_props()};
    auto& legacy_stack = other.add<cdk::Stack>("S", legacy());
    legacy_stack.add<cdk::CfnParameter>("BootstrapVersion");
    topic(legacy_stack, "CheckBootstrapVersion");
    CHECK(errors_of(legacy_stack).empty());
  }
}

TEST_CASE("a stack without resources is an error") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  stack.add<cdk::CfnParameter>("P");
  stack.add<cdk::CfnOutput>("O", {.value = "x"});
  check_single(stack, {cdk::errc::EmptyTemplate, "S",
                       "stack 'S' has no resources; CloudFormation needs at least one (a placeholder such as "
                       "AWS::CloudFormation::WaitConditionHandle will do)"});
  SUBCASE("also with the DefaultStackSynthesizer's parameter and rule") {
    auto& d = app.add<cdk::Stack>("D");
    check_single(d, {cdk::errc::EmptyTemplate, "D",
                     "stack 'D' has no resources; CloudFormation needs at least one (a placeholder such as "
                     "AWS::CloudFormation::WaitConditionHandle will do)"});
  }
}

TEST_CASE("all errors are collected and reported together in one SynthError") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  stack.add<cdk::CfnParameter>("P", {.type = "Integer"});
  topic(stack, "A", {{"TopicName", cdk::Fn::ref("Nope")}, {"DisplayName", cdk::Fn::get_att("Gone", "Arn")}});
  topic(stack, "B").override_logical_id("bad-id");
  auto& c = topic(stack, "C");
  c.add_depends_on(c);
  stack.add<cdk::CfnMapping>("M", {.mapping = {{"k", cdk::Map{{"v", "1"}}}}});
  topic(stack, "D", {{"TopicName", cdk::Fn::find_in_map("M", "k", "w")}});
  stack.template_options().description = std::string(1025, 'd');
  stack.add<cdk::Construct>("Node").add_validation([] { return std::vector<std::string>{"node says no"}; });

  const std::vector<Diagnostic> expected = {
      {cdk::errc::Validation, "S/Node", "node says no"},
      {cdk::errc::InvalidParameterType, "S/P",
       "parameter type 'Integer' is not a CloudFormation parameter type (String, Number, List<Number>, "
       "CommaDelimitedList, AWS::EC2::..., AWS::SSM::Parameter::Value<...>)"},
      {cdk::errc::UnknownTarget, "S/A", "Ref to 'Nope', which is not a parameter or resource of stack 'S'"},
      {cdk::errc::UnknownTarget, "S/A", "Fn::GetAtt of 'Gone', which is not a resource of stack 'S'"},
      {cdk::errc::InvalidLogicalId, "S/B", "logical id 'bad-id' must be 1 to 255 characters of [A-Za-z0-9]"},
      {cdk::errc::DependencyCycle, "S/C", "a resource cannot depend on itself"},
      {cdk::errc::UnknownMappingKey, "S/D", "Fn::FindInMap: mapping 'S/M' has no entry 'k.w'"},
      {cdk::errc::DescriptionTooLong, "S", "template description is 1025 bytes; CloudFormation allows 1024"},
  };
  try {
    stack.to_json();
    FAIL("to_json should have thrown");
  } catch (const cdk::SynthError& e) {
    const auto& errors = e.diagnostics();
    CHECK(errors.size() == expected.size());
    for (const auto& d : expected) {
      CAPTURE(d.to_string());
      CHECK(contains(errors, d));
    }
    // what() lists every diagnostic, one per line.
    const std::string what = e.what();
    std::string listing = "[" + errors.front().code + "] " + std::to_string(errors.size()) + " errors:";
    for (const auto& d : errors) listing += "\n  " + d.to_string();
    CHECK(what == listing);
    for (const auto& d : expected) CHECK(what.find("\n  " + d.to_string()) != std::string::npos);
  }

  SUBCASE("App::synth collects the errors of every stack") {
    auto& other = app.add<cdk::Stack>("T", legacy());
    topic(other, "X", {{"TopicName", cdk::Fn::ref("Missing")}});
    try {
      app.synth();
      FAIL("synth should have failed");
    } catch (const cdk::SynthError& e) {
      CHECK(e.diagnostics().size() == expected.size() + 1);
      CHECK(contains(e.diagnostics(), {cdk::errc::UnknownTarget, "T/X",
                                       "Ref to 'Missing', which is not a parameter or resource of stack 'T'"}));
      for (const auto& d : expected) CHECK(contains(e.diagnostics(), d));
    }
  }
}

TEST_CASE("a single error: what() is that diagnostic") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  topic(stack, "A", {{"TopicName", cdk::Fn::ref("Nope")}});
  try {
    stack.to_json();
    FAIL("to_json should have thrown");
  } catch (const cdk::SynthError& e) {
    CHECK(std::string{e.what()} == "[cdk.resolve.UnknownTarget] S/A: Ref to 'Nope', which is not a parameter or resource of stack 'S'");
    CHECK(e.code() == cdk::errc::UnknownTarget);
    CHECK(e.path() == "S/A");
  }
}

}  // TEST_SUITE

TEST_CASE("synth: a string that is not UTF-8 is an error at the element holding it, not an exception from the writer") {
  const std::string latin1 = "caf\xe9";  // 'é' in Latin-1: not UTF-8
  const std::string message = "a string is not valid UTF-8 (templates are JSON, which must be)";
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  auto& group = stack.add<cdk::Construct>("Group");
  group.add<cdk::CfnResource>("Bad", {.type = "Custom::Thing", .properties = {{"Name", latin1}}});
  stack.add<cdk::CfnResource>("Good", {.type = "Custom::Thing", .properties = {{"Name", "café"}}});
  check_single(stack, {"cdk.value.InvalidUtf8", "S/Group/Bad", message});

  // In a map key, an output, and the stack's own sections.
  cdk::App app2{test_app_props()};
  auto& stack2 = app2.add<cdk::Stack>("S", legacy());
  stack2.add<cdk::CfnResource>("R", {.type = "Custom::Thing", .properties = {{"Tags", cdk::Map{{latin1, 1}}}}});
  stack2.add<cdk::CfnOutput>("Out", {.value = "x", .description = latin1});
  stack2.template_options().description = latin1;
  auto errors = errors_of(stack2);
  REQUIRE(errors.size() == 3);
  CHECK(same(errors[0], {"cdk.value.InvalidUtf8", "S", message}));
  CHECK(same(errors[1], {"cdk.value.InvalidUtf8", "S/R", message}));
  CHECK(same(errors[2], {"cdk.value.InvalidUtf8", "S/Out", message}));

  // A schema check that shows the value, and a cross-stack reference named after it.
  cdk::App app3{test_app_props()};
  auto& producer = app3.add<cdk::Stack>("P", legacy());
  auto& consumer = app3.add<cdk::Stack>("C", legacy());
  auto& t = topic(producer, "T", {{"FifoTopic", latin1}});
  handle(consumer, "H", {{"Name", t.get_att(latin1)}});
  const auto produced = errors_of(producer);
  CHECK(contains(produced, {"cdk.value.InvalidUtf8", "P/T", message}));
  // The export of T's attribute (the consumer imports it by a name made of a hash).
  CHECK(std::count_if(produced.begin(), produced.end(), [](const Diagnostic& d) { return d.code == "cdk.value.InvalidUtf8"; }) == 2);
  CHECK_NOTHROW(consumer.to_json());
}

TEST_CASE("synth: a construct id that is not UTF-8 is refused when the construct is made") {
  cdk::App app{test_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy());
  try {
    stack.add<cdk::Construct>("caf\xe9");
    FAIL("expected cdk.construct.InvalidId");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == "cdk.construct.InvalidId");
    CHECK(e.path() == "S");
    CHECK(std::string{e.what()}.find("a construct id must be valid UTF-8") != std::string::npos);
  }
  CHECK(stack.children().empty());
}
