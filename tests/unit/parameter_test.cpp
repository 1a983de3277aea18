// CfnParameter: every field, render order, types, typed value access, default checks.
#include <doctest/doctest.h>

#include "model_support.hpp"

using cdk::Value;
using model_test::Json;

namespace {
Json j(const char* text) { return Json::parse(text); }

// The one diagnostic of a stack holding a placeholder resource and `props` as "P".
std::vector<cdk::Diagnostic> errors_of(cdk::CfnParameterProps props) {
  model_test::Fixture f;
  model_test::add_placeholder(f.stack);
  f.stack.add<cdk::CfnParameter>("P", std::move(props));
  return model_test::synth_errors(f.stack);
}

std::string only_message(cdk::CfnParameterProps props) {
  auto errors = errors_of(std::move(props));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "S/P");
  return errors[0].to_string();
}
}  // namespace

TEST_CASE("parameter: every field, in CDK's order") {
  // CDK's CfnParameter._toCloudFormation: Type, Default, AllowedPattern, AllowedValues,
  // ConstraintDescription, Description, MaxLength, MaxValue, MinLength, MinValue, NoEcho.
  model_test::Fixture f;
  model_test::add_placeholder(f.stack);
  f.stack.add<cdk::CfnParameter>("Name", {.type = "String",
                                          .default_value = "abc",
                                          .allowed_values = {"abc", "abcd"},
                                          .allowed_pattern = "[a-z]+",
                                          .constraint_description = "lower case",
                                          .description = "a name",
                                          .max_length = 8,
                                          .min_length = 2,
                                          .no_echo = true});
  f.stack.add<cdk::CfnParameter>("Size", {.type = "Number", .default_value = 5, .max_value = 10.5, .min_value = 1});
  f.stack.add<cdk::CfnParameter>("Plain");
  auto t = model_test::template_of(f.stack);
  CHECK(t["Parameters"] == j(R"({
    "Name": {"Type": "String", "Default": "abc", "AllowedPattern": "[a-z]+", "AllowedValues": ["abc", "abcd"],
             "ConstraintDescription": "lower case", "Description": "a name", "MaxLength": 8, "MinLength": 2,
             "NoEcho": true},
    "Size": {"Type": "Number", "Default": 5, "MaxValue": 10.5, "MinValue": 1},
    "Plain": {"Type": "String"}
  })"));
}

TEST_CASE("parameter: the seed template's parameters") {
  // ../shared seed (1): a key pair parameter and two instance types with allowed values.
  model_test::Fixture f;
  model_test::add_placeholder(f.stack);
  f.stack.add<cdk::CfnParameter>("KeyPairName", {.type = "AWS::EC2::KeyPair::KeyName",
                                                 .description = "Key pair"});
  f.stack.add<cdk::CfnParameter>("ADInstanceType", {.type = "String",
                                                    .default_value = "m4.xlarge",
                                                    .allowed_values = {"m4.large", "m4.xlarge", "m4.2xlarge", "m4.4xlarge"}});
  auto t = model_test::template_of(f.stack);
  CHECK(t["Parameters"]["KeyPairName"] == j(R"({"Type": "AWS::EC2::KeyPair::KeyName", "Description": "Key pair"})"));
  CHECK(t["Parameters"]["ADInstanceType"] ==
        j(R"({"Type": "String", "Default": "m4.xlarge", "AllowedValues": ["m4.large", "m4.xlarge", "m4.2xlarge", "m4.4xlarge"]})"));
}

TEST_CASE("parameter: ref and typed values are Refs with the right token type") {
  model_test::Fixture f;
  auto& p = f.stack.add<cdk::CfnParameter>("P", {.type = "String"});
  CHECK(model_test::resolve(f.stack, p.ref()) == j(R"({"Ref": "P"})"));
  CHECK(model_test::resolve(f.stack, p.value_as_number()) == j(R"({"Ref": "P"})"));
  CHECK(p.value_as_string().token_type() == cdk::TokenType::String);
  CHECK(p.value_as_number().token_type() == cdk::TokenType::Number);
  CHECK(p.value_as_list().token_type() == cdk::TokenType::List);
  // The props can still change after creation; ref() follows the type at call time.
  p.props().type = "Number";
  CHECK(p.ref().token_type() == cdk::TokenType::Number);
}

TEST_CASE("parameter: number and list types") {
  model_test::Fixture f;
  auto kind = [&](const char* id, const char* type) -> std::pair<bool, bool> {
    auto& p = f.stack.add<cdk::CfnParameter>(id, {.type = type});
    return {p.is_number(), p.is_list()};
  };
  CHECK(kind("A", "Number") == std::pair{true, false});
  CHECK(kind("B", "String") == std::pair{false, false});
  CHECK(kind("C", "List<Number>") == std::pair{false, true});
  CHECK(kind("D", "CommaDelimitedList") == std::pair{false, true});
  CHECK(kind("E", "List<AWS::EC2::Subnet::Id>") == std::pair{false, true});
  CHECK(kind("F", "AWS::SSM::Parameter::Value<List<String>>") == std::pair{false, true});
  CHECK(kind("G", "AWS::SSM::Parameter::Value<CommaDelimitedList>") == std::pair{false, true});
  CHECK(kind("H", "AWS::SSM::Parameter::Value<String>") == std::pair{false, false});
  CHECK(kind("I", "AWS::EC2::VPC::Id") == std::pair{false, false});
}

TEST_CASE("parameter: the types CloudFormation accepts") {
  for (const char* type :
       {"String", "Number", "List<Number>", "CommaDelimitedList", "AWS::EC2::AvailabilityZone::Name", "AWS::EC2::Image::Id",
        "AWS::EC2::Instance::Id", "AWS::EC2::KeyPair::KeyName", "AWS::EC2::SecurityGroup::GroupName",
        "AWS::EC2::SecurityGroup::Id", "AWS::EC2::Subnet::Id", "AWS::EC2::Volume::Id", "AWS::EC2::VPC::Id",
        "AWS::Route53::HostedZone::Id", "List<AWS::EC2::Subnet::Id>", "List<AWS::EC2::SecurityGroup::Id>",
        "List<AWS::Route53::HostedZone::Id>", "AWS::SSM::Parameter::Name", "AWS::SSM::Parameter::Value<String>",
        "AWS::SSM::Parameter::Value<List<String>>", "AWS::SSM::Parameter::Value<CommaDelimitedList>",
        "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", "AWS::SSM::Parameter::Value<List<AWS::EC2::Subnet::Id>>"}) {
    CAPTURE(type);
    CHECK(cdk::is_valid_parameter_type(type));
  }
  // CloudFormation has no List<String> (that is CommaDelimitedList), no integer type,
  // and no list of key pairs.
  for (const char* type : {"", "string", "Integer", "List<String>", "List<List<Number>>", "AWS::EC2::Foo::Id",
                           "List<AWS::EC2::KeyPair::KeyName>", "AWS::SSM::Parameter::Value<Number>",
                           "AWS::SSM::Parameter::Value<>", "AWS::SSM::Parameter::Value<String"}) {
    CAPTURE(type);
    CHECK_FALSE(cdk::is_valid_parameter_type(type));
  }
}

TEST_CASE("parameter: an unknown type is reported at synth") {
  CHECK(only_message({.type = "Integer"}) ==
        "[cdk.parameter.InvalidType] S/P: parameter type 'Integer' is not a CloudFormation parameter type (String, "
        "Number, List<Number>, CommaDelimitedList, AWS::EC2::..., AWS::SSM::Parameter::Value<...>)");
}

TEST_CASE("parameter: inconsistent constraints") {
  CHECK(only_message({.max_length = 2, .min_length = 3}) == "[cdk.parameter.Invalid] S/P: min_length 3 exceeds max_length 2");
  CHECK(only_message({.type = "Number", .max_value = 1, .min_value = 2}) ==
        "[cdk.parameter.Invalid] S/P: min_value exceeds max_value");
  CHECK(only_message({.allowed_pattern = "[a-"}) ==
        "[cdk.parameter.Invalid] S/P: allowed_pattern '[a-' is not a valid regular expression");
  CHECK(only_message({.description = std::string(4001, 'd')}) ==
        "[cdk.parameter.Invalid] S/P: description is longer than CloudFormation's 4000 characters");
}

TEST_CASE("parameter: a default must satisfy the constraints") {
  CHECK(only_message({.type = "Number", .default_value = "ten"}) ==
        "[cdk.parameter.InvalidDefault] S/P: default 'ten' is not a number, but the parameter's type is Number");
  CHECK(only_message({.type = "Number", .default_value = 0, .min_value = 1}) ==
        "[cdk.parameter.InvalidDefault] S/P: default '0' is below min_value");
  CHECK(only_message({.type = "Number", .default_value = 2.5, .max_value = 2}) ==
        "[cdk.parameter.InvalidDefault] S/P: default '2.5' is above max_value");
  CHECK(only_message({.default_value = "m1.small", .allowed_values = {"t2.micro"}}) ==
        "[cdk.parameter.InvalidDefault] S/P: default 'm1.small' is not one of the allowed values");
  CHECK(only_message({.default_value = "ABC", .allowed_pattern = "[a-z]+"}) ==
        "[cdk.parameter.InvalidDefault] S/P: default 'ABC' does not match allowed_pattern '[a-z]+'");
  CHECK(only_message({.default_value = "a", .min_length = 2}) ==
        "[cdk.parameter.InvalidDefault] S/P: default 'a' is shorter than min_length 2");
  CHECK(only_message({.default_value = "abc", .max_length = 2}) ==
        "[cdk.parameter.InvalidDefault] S/P: default 'abc' is longer than max_length 2");
  CHECK(only_message({.type = "CommaDelimitedList", .default_value = Value{std::vector<std::string>{"a", "b"}}}) ==
        "[cdk.parameter.InvalidDefault] S/P: default must be a string or a number (a list default is written "
        "\"a,b,c\")");
  CHECK(only_message({.type = "CommaDelimitedList", .default_value = "a,x", .allowed_values = {"a", "b"}}) ==
        "[cdk.parameter.InvalidDefault] S/P: default 'a,x' is not one of the allowed values");
}

TEST_CASE("parameter: defaults that satisfy the constraints") {
  CHECK(errors_of({.type = "Number", .default_value = 5, .max_value = 5, .min_value = 5}).empty());
  CHECK(errors_of({.type = "Number", .default_value = "1.5e1", .max_value = 20}).empty());
  CHECK(errors_of({.default_value = "abc", .allowed_values = {"x", "abc"}, .allowed_pattern = "[a-c]+",
                   .max_length = 3, .min_length = 3})
            .empty());
  // Every element of a list default must be allowed.
  CHECK(errors_of({.type = "CommaDelimitedList", .default_value = "a,b,a", .allowed_values = {"a", "b"}}).empty());
  // A token default (an SSM path built from a reference, say) is not checked at synth.
  CHECK(errors_of({.default_value = Value{"/app/"} + cdk::Aws::stack_name(), .allowed_values = {"x"}}).empty());
}
