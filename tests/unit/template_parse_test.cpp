// The template parser (lib/template/parse.hpp): JSON and YAML with short forms, the
// checks of a template's structure, and errors with their code, line and column.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "error_support.hpp"
#include "template/parse.hpp"

using cdk::template_io::parse_document;
using cdk::template_io::parse_template;
using unit_test::thrown;
using OJson = nlohmann::ordered_json;

namespace {
std::string message_of(std::string_view text) {
  return thrown([&] { parse_template(text, "t.yaml"); }).diagnostic().to_string();
}
}  // namespace

TEST_CASE("parse: JSON and YAML give the same long forms") {
  const auto yaml = parse_template(R"(AWSTemplateFormatVersion: 2010-09-09
Parameters:
  Env: {Type: String, AllowedValues: [prod, dev]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
Mappings:
  Sizes: {prod: {Size: 10}, dev: {Size: 1}}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: IsProd
    Properties:
      DelaySeconds: !FindInMap [Sizes, !Ref Env, Size]
      QueueName: !Sub "${AWS::StackName}-${Env}"
      Tags:
        - Key: Arn
          Value: !GetAtt Other.Arn
        - Key: Name
          Value: !GetAtt [Other, QueueName]
        - Key: Joined
          Value: !Join ["-", [!Select [0, !GetAZs ""], !Base64 abc, !ImportValue X]]
        - Key: If
          Value: !If [IsProd, !Split [",", "a,b"], !Ref AWS::NoValue]
  Other: {Type: AWS::SQS::Queue}
)",
                                   "t.yaml");
  const auto json = OJson::parse(R"({"AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {"Env": {"Type": "String", "AllowedValues": ["prod", "dev"]}},
  "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}, "NotProd": {"Fn::Not": [{"Condition": "IsProd"}]}},
  "Mappings": {"Sizes": {"prod": {"Size": 10}, "dev": {"Size": 1}}},
  "Resources": {
    "Queue": {"Type": "AWS::SQS::Queue", "Condition": "IsProd", "Properties": {
      "DelaySeconds": {"Fn::FindInMap": ["Sizes", {"Ref": "Env"}, "Size"]},
      "QueueName": {"Fn::Sub": "${AWS::StackName}-${Env}"},
      "Tags": [
        {"Key": "Arn", "Value": {"Fn::GetAtt": ["Other", "Arn"]}},
        {"Key": "Name", "Value": {"Fn::GetAtt": ["Other", "QueueName"]}},
        {"Key": "Joined", "Value": {"Fn::Join": ["-", [{"Fn::Select": [0, {"Fn::GetAZs": ""}]}, {"Fn::Base64": "abc"}, {"Fn::ImportValue": "X"}]]}},
        {"Key": "If", "Value": {"Fn::If": ["IsProd", {"Fn::Split": [",", "a,b"]}, {"Ref": "AWS::NoValue"}]}}]}},
    "Other": {"Type": "AWS::SQS::Queue"}}})");
  CHECK(yaml == json);
  CHECK(parse_template(json.dump(), "t.json") == json);
}

TEST_CASE("parse: YAML 1.1 scalars") {
  const auto t = parse_document("a: yes\nb: 0755\nc: 0x1F\nd: 1_000\ne: 1.5\nf: '0755'\ng: ~\nh: 2010-09-09\ni: -.5\nj: 0b101\n"
                                "k: 99999999999999999999\nl: !!str 12\n",
                                "d.yaml");
  CHECK(t["a"] == true);
  CHECK(t["b"] == 493);
  CHECK(t["c"] == 31);
  CHECK(t["d"] == 1000);
  CHECK(t["e"] == 1.5);
  CHECK(t["f"] == "0755");
  CHECK(t["g"].is_null());
  CHECK(t["h"] == "2010-09-09");
  CHECK(t["i"] == -0.5);
  CHECK(t["j"] == 5);
  CHECK(t["k"].is_number_float());
  CHECK(t["l"] == "12");
}

TEST_CASE("parse: syntax errors have a line and a column") {
  auto e = thrown([] { parse_template("Resources:\n  A: [1, 2\n", "bad.yaml"); });
  CHECK(e.code() == "cdk.template.ParseError");
  CHECK(e.path() == "bad.yaml");
  CHECK(std::string{e.what()}.find("line ") != std::string::npos);
  CHECK(e.diagnostic().message.rfind("line 3, column 1: invalid YAML: ", 0) == 0);

  e = thrown([] { parse_template("{\n  \"Resources\": {\n    \"A\": ]\n}", "bad.json"); });
  CHECK(e.code() == "cdk.template.ParseError");
  CHECK(e.diagnostic().message.rfind("line 3, column 10: syntax error", 0) == 0);

  e = thrown([] { parse_template("a: \"\xff\"\n", "bin.yaml"); });
  CHECK(e.diagnostic().to_string() == "[cdk.template.ParseError] bin.yaml: line 1, column 4: invalid UTF-8 in a string");
  e = thrown([] { parse_template("? [a]\n: b\n", "key.yaml"); });
  CHECK(e.diagnostic().to_string() ==
        "[cdk.template.Malformed] key.yaml: line 1, column 3: a map key must be a plain string, not a list or a map");
}

TEST_CASE("parse: unknown intrinsic functions") {
  CHECK(message_of("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Foo bar\n") ==
        "[cdk.template.UnknownIntrinsic] t.yaml: line 5, column 18: unknown intrinsic function '!Foo' (no CloudFormation "
        "function has this short form)");
  CHECK(message_of("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: {Fn::Foo: bar}\n") ==
        "[cdk.template.UnknownIntrinsic] t.yaml: Resources.Q.Properties.QueueName.Fn::Foo (line 5, column 18): unknown "
        "intrinsic function 'Fn::Foo'");
  auto e = thrown([] {
    parse_template("{\"Resources\": {\n  \"Q\": {\"Type\": \"AWS::SQS::Queue\",\n    \"Properties\": {\"A\": [1, {\"Fn::Nope\": 1}]}}}}",
                   "t.json");
  });
  CHECK(e.diagnostic().to_string() ==
        "[cdk.template.UnknownIntrinsic] t.json: Resources.Q.Properties.A.1.Fn::Nope (line 3, column 29): unknown intrinsic "
        "function 'Fn::Nope'");
}

TEST_CASE("parse: malformed sections name where they are") {
  CHECK(message_of("Resources: [a]\n") ==
        "[cdk.template.Malformed] t.yaml: Resources (line 1, column 12): Resources must be a map of logical ids, not a list");
  CHECK(message_of("Resources:\n  Q:\n    Properties: {}\n") ==
        "[cdk.template.Malformed] t.yaml: Resources.Q (line 3, column 5): resource 'Q' needs a Type");
  CHECK(message_of("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      A: !Ref [x]\n") ==
        "[cdk.template.Malformed] t.yaml: Resources.Q.Properties.A.Ref (line 5, column 10): Ref needs the logical id of a "
        "parameter or resource (a string), not a list");
  CHECK(message_of("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      A: !GetAtt Nodot\n") ==
        "[cdk.template.Malformed] t.yaml: line 5, column 10: !GetAtt 'Nodot' needs the form LogicalId.Attribute");
  CHECK(message_of("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      A: {Fn::GetAtt: [a, b, c]}\n") ==
        "[cdk.template.Malformed] t.yaml: Resources.Q.Properties.A.Fn::GetAtt (line 5, column 10): Fn::GetAtt needs "
        "[LogicalId, Attribute], not a list of 3");
  CHECK(message_of("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Propertes: {}\n") ==
        "[cdk.template.Malformed] t.yaml: Resources.Q.Propertes (line 4, column 16): unknown attribute 'Propertes' of "
        "resource 'Q'");
  CHECK(message_of("Resourcs: {}\n") ==
        "[cdk.template.Malformed] t.yaml: Resourcs (line 1, column 11): unknown template section 'Resourcs' "
        "(AWSTemplateFormatVersion, Description, Metadata, Parameters, Rules, Mappings, Conditions, Transform, "
        "Resources, Outputs, Hooks)");
  CHECK(message_of("Parameters:\n  P: {Default: 1}\nResources: {}\n") ==
        "[cdk.template.Malformed] t.yaml: Parameters.P (line 2, column 6): parameter 'P' needs a Type");
  CHECK(message_of("Outputs:\n  O: {Description: x}\n") ==
        "[cdk.template.Malformed] t.yaml: Outputs.O (line 2, column 6): output 'O' needs a Value");
  CHECK(message_of("Conditions:\n  C: true\n") ==
        "[cdk.template.Malformed] t.yaml: Conditions.C (line 2, column 6): condition 'C' must be a condition function "
        "(Fn::Equals, Fn::And, ...), not a boolean");
  CHECK(message_of("Conditions:\n  C: !And [!Equals [a, b]]\n") ==
        "[cdk.template.Malformed] t.yaml: Conditions.C.Fn::And (line 2, column 6): Fn::And needs a list of 2 to 10 "
        "conditions, not a list of 1");
  CHECK(message_of("- a\n") ==
        "[cdk.template.Malformed] t.yaml: line 1, column 1: a template must be a map of sections (Resources, Parameters, ...), not a list");
}

TEST_CASE("parse: never recurses without bound") {
  std::string deep_json(200, '[');
  auto e = thrown([&] { parse_template("{\"a\": " + deep_json, "deep.json"); });
  CHECK(e.diagnostic().to_string() == "[cdk.template.TooDeep] deep.json: line 1, column 70: nested deeper than 64 levels");
  e = thrown([&] { parse_template("a: " + deep_json + std::string(200, ']'), "deep.yaml"); });
  CHECK(e.code() == "cdk.template.TooDeep");
  std::string very_deep(100000, '[');
  CHECK(thrown([&] { parse_template("a: " + very_deep, "deep.yaml"); }).code() == "cdk.template.ParseError");
  // A billion laughs: each alias doubles the tree.
  std::string laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i)
    laughs += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
              std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" +
              std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" +
              std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + "]\n";
  CHECK(thrown([&] { parse_template(laughs, "laughs.yaml"); }).code() == "cdk.template.TooManyValues");
  CHECK(thrown([] { parse_template("{\"a\": 1e999}", "big.json"); }).diagnostic().message ==
        "invalid JSON: number overflow parsing '1e999'");
}

TEST_CASE("parse: files") {
  auto e = thrown([] { cdk::template_io::load_template_file("/nonexistent/t.json"); });
  CHECK(e.diagnostic().to_string() == "[cdk.template.ReadError] /nonexistent/t.json: cannot read the file");
}

TEST_CASE("parse: every sample and reference template passes the checks; YAML equals JSON") {
  namespace fs = std::filesystem;
  int count = 0;
  for (const auto& root : {fs::path{CDKPP_SOURCE_DIR} / "samples", fs::path{CDKPP_REFERENCE_DIR}}) {
    if (!fs::is_directory(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      const std::string name = entry.path().filename().string();
      if (!entry.is_regular_file() || name.find(".template.") == std::string::npos) continue;
      CAPTURE(entry.path().string());
      const auto parsed = cdk::template_io::load_template_file(entry.path().string());
      CHECK(parsed.is_object());
      ++count;
      if (entry.path().extension() == ".yaml") {
        auto json = entry.path();
        json.replace_extension(".json");
        if (fs::exists(json)) {
          // The cdk CLI leaves the CheckBootstrapVersion rule out of the YAML it prints.
          auto expected = cdk::template_io::load_template_file(json.string());
          auto actual = parsed;
          expected.erase("Rules");
          actual.erase("Rules");
          CHECK(actual == expected);
        }
      }
    }
  }
  CHECK(count >= 13);
}

TEST_CASE("parse: YAML integers are kept as JSON's reader keeps them, up to uint64; past a double, an error") {
  const auto t = parse_document("a: 18446744073709551615\nb: -9223372036854775808\nc: 9223372036854775807\n"
                                "d: 9223372036854775808\ne: -9223372036854775809\n",
                                "d.yaml");
  CHECK(t["a"].is_number_unsigned());
  CHECK(t["a"].get<std::uint64_t>() == 18446744073709551615ULL);
  CHECK(t["b"].is_number_integer());
  CHECK(t["b"].get<std::int64_t>() == INT64_MIN);
  CHECK(t["c"].get<std::int64_t>() == INT64_MAX);
  CHECK(t["d"].is_number_unsigned());
  CHECK(t["e"].is_number_float());  // below int64: a double, as JSON's reader gives
  // The same documents as JSON read the same.
  CHECK(t == parse_document(R"({"a": 18446744073709551615, "b": -9223372036854775808, "c": 9223372036854775807,
                                "d": 9223372036854775808, "e": -9223372036854775809})",
                            "d.json"));

  // Infinity has no JSON form (the writer would make it null): an error, as JSON's is.
  const auto huge = thrown([] { parse_document("a: 1" + std::string(400, '0') + "\n", "d.yaml"); });
  CHECK(huge.code() == "cdk.template.ParseError");
  CHECK(std::string{huge.what()}.find("line 1, column 4: number out of range") != std::string::npos);
  CHECK(thrown([] { parse_document("a: 1.0e+999\n", "d.yaml"); }).code() == "cdk.template.ParseError");
  CHECK(thrown([] { parse_document("a: !!float 1.0e+999\n", "d.yaml"); }).code() == "cdk.template.ParseError");
}
