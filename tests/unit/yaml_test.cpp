// YAML output: parses back to the same structure as the JSON, quotes every string a
// YAML 1.1 (or 1.2) reader would take for something else, keeps numbers numbers, and
// writes short-form tags (!Ref, !GetAtt A.B, ...) without ever putting two on one node.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <regex>
#include <string>
#include <vector>

#include <cdk/cdk.hpp>
#include <nlohmann/json.hpp>

#include "synth/template_builder.hpp"
#include "template/parse.hpp"

namespace {

using OJson = nlohmann::ordered_json;

// What a YAML 1.1 reader (PyYAML, which cfn-lint uses; SnakeYAML) resolves a plain
// scalar to, plus YAML 1.2's core schema. Written from the specs, independently of the
// writer's own table.
enum class PlainKind { String, Null, Bool, Int, Float, Other };

PlainKind resolve_plain(const std::string& s) {
  static const std::regex null_re{R"(^(~|null|Null|NULL|)$)"};
  static const std::regex bool_re{
      R"(^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$)"};
  static const std::regex simple_int{R"(^-?(0|[1-9][0-9]*)$)"};
  static const std::regex simple_float{R"(^-?(0|[1-9][0-9]*)\.[0-9]+([eE][-+][0-9]+)?$)"};
  static const std::regex int11{
      R"(^([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+)$)"};
  static const std::regex float11{
      R"(^([-+]?([0-9][0-9_]*)\.[0-9_]*([eE][-+][0-9]+)?|\.[0-9_]+([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$)"};
  static const std::regex timestamp11{
      R"(^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)$)"};
  static const std::regex other11{R"(^(<<|=)$)"};
  static const std::regex int12{R"(^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$)"};
  static const std::regex float12{R"(^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$)"};
  if (std::regex_match(s, null_re)) return PlainKind::Null;
  if (std::regex_match(s, bool_re)) return PlainKind::Bool;
  const bool is_int11 = std::regex_match(s, int11), is_int12 = std::regex_match(s, int12);
  const bool is_float11 = std::regex_match(s, float11), is_float12 = std::regex_match(s, float12);
  if (std::regex_match(s, simple_int) && is_int11 && is_int12) return PlainKind::Int;
  if (std::regex_match(s, simple_float) && is_float11 && is_float12) return PlainKind::Float;
  if (is_int11 || is_int12 || is_float11 || is_float12 || std::regex_match(s, timestamp11) || std::regex_match(s, other11))
    return PlainKind::Other;
  return PlainKind::String;
}

// YAML (as cdkpp writes it) back to CloudFormation's JSON form. Short-form tags become
// the long form; a plain scalar that readers would not agree on becomes a marker string
// so that the comparison with the JSON fails.
OJson to_json(const YAML::Node& node, bool under_tag = false);

OJson untagged(const YAML::Node& node, bool scalar_is_string) {
  switch (node.Type()) {
    case YAML::NodeType::Null: return nullptr;
    case YAML::NodeType::Sequence: {
      OJson out = OJson::array();
      for (const auto& item : node) out.push_back(to_json(item));
      return out;
    }
    case YAML::NodeType::Map: {
      OJson out = OJson::object();
      for (const auto& item : node) {
        const YAML::Node& key = item.first;
        std::string name = key.Scalar();
        if (key.Tag() == "?" && resolve_plain(name) != PlainKind::String) name = "<ambiguous key: " + name + ">";
        out[name] = to_json(item.second);
      }
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = node.Scalar();
      if (scalar_is_string || node.Tag() != "?") return s;
      switch (resolve_plain(s)) {
        case PlainKind::String: return s;
        case PlainKind::Null: return nullptr;
        case PlainKind::Bool: return s == "true";
        case PlainKind::Int: return std::stoll(s);
        case PlainKind::Float: return std::stod(s);
        case PlainKind::Other: return "<ambiguous: " + s + ">";
      }
      return s;
    }
    default: return "<undefined>";
  }
}

OJson to_json(const YAML::Node& node, bool under_tag) {
  const std::string tag = node.Tag();
  if (!tag.empty() && tag != "?" && tag != "!") {
    if (under_tag) return "<two tags>";
    const std::string name = tag.substr(1);
    if (name == "GetAtt" && node.IsScalar()) {
      const std::string s = node.Scalar();
      const auto dot = s.find('.');
      return OJson{{"Fn::GetAtt", OJson::array({s.substr(0, dot), dot == std::string::npos ? "" : s.substr(dot + 1)})}};
    }
    const std::string key = name == "Ref" || name == "Condition" ? name : "Fn::" + name;
    return OJson{{key, untagged(node, /*scalar_is_string=*/true)}};
  }
  return untagged(node, false);
}

OJson parse_yaml(const std::string& yaml) { return to_json(YAML::Load(yaml)); }

std::string yaml_of(const OJson& json, bool short_form = false) {
  return cdk::synth::render_yaml(json, cdk::YamlOptions{.short_form = short_form});
}

// The writer round-trips `value` as a value and as a key, in both forms.
void check_round_trip(const OJson& value) {
  CAPTURE(value.dump());
  const OJson doc = {{"Value", value}, {"List", OJson::array({value, value})}};
  for (bool short_form : {false, true}) {
    const std::string yaml = yaml_of(doc, short_form);
    CAPTURE(yaml);
    CHECK(parse_yaml(yaml) == doc);
  }
  if (value.is_string()) {
    const OJson keyed = {{value.get<std::string>(), 1}};
    const std::string yaml = yaml_of(keyed);
    CAPTURE(yaml);
    CHECK(parse_yaml(yaml) == keyed);
  }
}

// The line of `yaml` that holds `Key:`.
std::string line_of(const std::string& yaml, const std::string& key) {
  auto at = yaml.find(key + ":");
  if (at == std::string::npos) return "";
  auto start = yaml.rfind('\n', at);
  start = start == std::string::npos ? 0 : start + 1;
  return yaml.substr(start, yaml.find('\n', at) - start);
}

cdk::StackProps legacy_props() { return cdk::StackProps{.synthesizer = cdk::LegacyStackSynthesizer{}}; }

}  // namespace

TEST_SUITE("yaml") {

TEST_CASE("the test's YAML 1.1 resolver agrees with the spec's examples") {
  CHECK(resolve_plain("yes") == PlainKind::Bool);
  CHECK(resolve_plain("0755") == PlainKind::Other);
  CHECK(resolve_plain("12") == PlainKind::Int);
  CHECK(resolve_plain("1e3") == PlainKind::Other);  // a float in YAML 1.2, a string in 1.1
  CHECK(resolve_plain("2010-09-09") == PlainKind::Other);
  CHECK(resolve_plain("12:30") == PlainKind::Other);
  CHECK(resolve_plain("hello") == PlainKind::String);
  CHECK(resolve_plain("1.2.3") == PlainKind::String);
  CHECK(resolve_plain("") == PlainKind::Null);
}

TEST_CASE("YAML 1.1 ambiguous strings are quoted and read back as strings") {
  const char* ambiguous[] = {
      "yes", "Yes", "YES", "no", "No", "on", "On", "off", "OFF", "y", "Y", "n", "N", "true", "True", "false",
      "FALSE", "null", "Null", "NULL", "~", "0755", "0o755", "0x1F", "0b101", "1e3", "1E3", "1e+3", "1_000",
      "12:30", "190:20:30", "1:30.5", "2010-09-09", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
      ".inf", "-.inf", "+.INF", ".nan", ".NaN", "1.5", "-1.5", ".5", "1.", "+12", "-0", "0", "12", "007",
      "<<", "=", "", " ", "  leading", "trailing ", " both ", "*alias", "&anchor", "!tag", "%directive",
      "@at", "`backtick", "-", "- item", "-dash", "[list", "{map", "#comment", "|literal", ">folded", "'single",
      "\"double", "?", "? key", ":", "key: value", "a #b", "ends with colon:", ",comma", "]", "}",
  };
  for (const char* s : ambiguous) {
    const OJson doc = {{"Value", s}};
    const std::string yaml = yaml_of(doc);
    CAPTURE(s);
    CAPTURE(yaml);
    CHECK(parse_yaml(yaml) == doc);
    // Quoted: the value is not written plain.
    const std::string line = line_of(yaml, "Value");
    const std::string after = line.substr(line.find(':') + 2);
    CHECK((after.front() == '"' || after.front() == '\''));
  }
}

TEST_CASE("ordinary strings stay plain and readable") {
  for (const char* s : {"AWS::EC2::Instance", "ami-75g0061f", "m4.xlarge", "10.0.0.0/16", "hello world",
                        "arn:aws:s3:::bucket/*", "1.2.3", "t3.micro", "us-east-1", "a-b", "it's", "x=1"}) {
    const OJson doc = {{"Value", s}};
    const std::string yaml = yaml_of(doc);
    CAPTURE(yaml);
    CHECK(line_of(yaml, "Value") == std::string{"Value: "} + s);
    CHECK(parse_yaml(yaml) == doc);
  }
}

TEST_CASE("tricky strings round-trip as values and keys, in long and short form") {
  const char* tricky[] = {
      "line1\nline2",     "line1\nline2\n",   "#!/bin/bash\nyum install -y nginx\n", "\nleading newline",
      "trailing spaces  \nnext", "  indented\n  block", "tab\tinside",        "\tleading tab",
      "trailing tab\t",   "yes\n",            "- a\n- b",                  "key: value\nother: x",
      "quote \" inside",  "back\\slash",      "unicode é ü 日本",           "emoji 🚀",
      "a: b",             "{{resolve:ssm:/my/param}}", "${AWS::Region}-suffix", "!Ref X",
      "control \x01 char", "crlf\r\nline",     "ends with backslash \\",    "%",
      "@",                "`",                "---",                       "...",
      "--- doc",          "a\n\nb",           "null\n",                    "x\n  y",
  };
  for (const char* s : tricky) check_round_trip(s);
}

TEST_CASE("numbers, booleans and null stay what they are") {
  for (const OJson& v : {OJson(0), OJson(1), OJson(-1), OJson(1234567890123LL), OJson(2.5), OJson(-0.25),
                         OJson(1e-7), OJson(1e100), OJson(1.5e300), OJson(true), OJson(false), OJson(nullptr)}) {
    check_round_trip(v);
  }
  const std::string yaml = yaml_of(OJson{{"Port", 80}, {"Ratio", 0.5}, {"On", true}, {"Tiny", 1e-7}});
  CHECK(line_of(yaml, "Tiny") == "Tiny: 1.0e-07");
  CHECK(line_of(yaml, "Port") == "Port: 80");
  CHECK(line_of(yaml, "Ratio") == "Ratio: 0.5");
  CHECK(line_of(yaml, "\"On\"") == "\"On\": true");
}

TEST_CASE("empty containers and nesting round-trip") {
  check_round_trip(OJson::object());
  check_round_trip(OJson::array());
  check_round_trip(OJson{{"a", OJson::array({OJson::object(), OJson::array(), 1, "x", OJson{{"b", OJson::array({"c"})}}})}});
}

TEST_CASE("a stack's YAML parses back to the same structure as its JSON") {
  cdk::App app{cdk::AppProps{.outdir = "unused-yaml"}};
  auto& stack = app.add<cdk::Stack>("S", legacy_props());
  stack.template_options().template_format_version = "2010-09-09";
  stack.template_options().description = "yes: a description\nover two lines";
  auto& key = stack.add<cdk::CfnParameter>("UserKeyName", {.type = "AWS::EC2::KeyPair::KeyName", .description = "on"});
  auto& type = stack.add<cdk::CfnParameter>(
      "InstanceType", {.type = "String", .default_value = "m1.small", .allowed_values = {"t1.micro", "m1.small", "m1.medium"}});
  auto& count = stack.add<cdk::CfnParameter>("Count", {.type = "Number", .default_value = 3, .max_value = 10, .min_value = 1});
  auto& map = stack.add<cdk::CfnMapping>("RegionMap", {.mapping = {{"us-east-1", cdk::Map{{"AMI", "ami-0755"}, {"Octal", "0755"}}}}});
  auto& is_prod = stack.add<cdk::CfnCondition>("IsProd", {.expression = cdk::Fn::condition_equals(type.ref(), "m1.medium")});
  auto& ec2 = stack.add<cdk::CfnResource>(
      "Ec2Instance",
      {.type = "AWS::EC2::Instance",
       .properties = {{"ImageId", map.find_in_map(cdk::Aws::region(), "AMI")},
                      {"InstanceType", type.ref()},
                      {"KeyName", key.ref()},
                      {"UserData", cdk::Fn::base64(cdk::Fn::join("", {"#!/bin/bash\n", "echo ", cdk::Aws::stack_name(), "\n"}))},
                      {"AvailabilityZone", cdk::Fn::select(0, cdk::Fn::get_azs())},
                      {"Monitoring", is_prod.if_(true, cdk::Aws::no_value())},
                      {"Tags", cdk::List{cdk::Map{{"Key", "off"}, {"Value", cdk::Fn::sub("${AWS::StackName}-x", {{"y", count.ref()}})}}}}}});
  ec2.options().metadata = {{"AWS::CloudFormation::Init", cdk::Map{{"config", cdk::Map{{"files", cdk::Map{{"/etc/x", cdk::Map{{"mode", "000644"}}}}}}}}}};
  stack.add<cdk::CfnOutput>("PublicDns", {.value = ec2.get_att("PublicDnsName"), .condition = &is_prod});

  const OJson json = OJson::parse(stack.to_json());
  for (bool short_form : {false, true}) {
    const std::string yaml = stack.to_yaml({.short_form = short_form});
    CAPTURE(yaml);
    CHECK(parse_yaml(yaml) == json);  // ordered: same keys in the same order
    CHECK(yaml.find("AWSTemplateFormatVersion: \"2010-09-09\"") != std::string::npos);
    CHECK(yaml.back() == '\n');
  }
  const std::string long_form = stack.to_yaml();
  static const std::regex tag{R"((:|-) +![A-Za-z])"};
  CHECK_FALSE(std::regex_search(long_form, tag));  // no tag anywhere
  CHECK(long_form.find("Ref: InstanceType") != std::string::npos);
}

TEST_CASE("short form writes the tags people write by hand") {
  cdk::App app{cdk::AppProps{.outdir = "unused-yaml"}};
  auto& stack = app.add<cdk::Stack>("S", legacy_props());
  auto& c = stack.add<cdk::CfnCondition>("IsProd", {.expression = cdk::Fn::condition_equals(cdk::Aws::region(), "us-east-1")});
  stack.add<cdk::CfnCondition>("NotProd", {.expression = cdk::Fn::condition_not(cdk::Fn::condition(c))});
  auto& b = stack.add<cdk::CfnResource>("B", {.type = "Custom::Topic"});
  stack.add<cdk::CfnResource>(
      "A", {.type = "Custom::Topic",
            .properties = {{"Ref", b.ref()},
                           {"Att", b.get_att("TopicName")},
                           {"Sub", cdk::Fn::sub("${AWS::Region}-x")},
                           {"Join", cdk::Fn::join(",", {"a", b.ref()})},
                           {"If", c.if_("a", "b")},
                           {"Select", cdk::Fn::select(1, cdk::Fn::get_azs())},
                           {"Azs", cdk::Fn::get_azs()},
                           {"Split", cdk::Fn::split(",", "a,b")}}});
  const std::string yaml = stack.to_yaml({.short_form = true});
  CAPTURE(yaml);
  CHECK(line_of(yaml, "Ref") == "      Ref: !Ref B");
  CHECK(line_of(yaml, "Att") == "      Att: !GetAtt B.TopicName");
  CHECK(line_of(yaml, "Sub") == "      Sub: !Sub ${AWS::Region}-x");
  CHECK(line_of(yaml, "Join") == "      Join: !Join");
  CHECK(line_of(yaml, "If") == "      If: !If");
  CHECK(line_of(yaml, "Select") == "      Select: !Select");
  CHECK(line_of(yaml, "Azs") == "      Azs: !GetAZs \"\"");
  CHECK(line_of(yaml, "Split") == "      Split: !Split");
  CHECK(yaml.find("!Equals") != std::string::npos);
  CHECK(yaml.find("!Not") != std::string::npos);
  CHECK(yaml.find("- !Condition IsProd") != std::string::npos);
  CHECK(yaml.find("- !Ref AWS::Region") != std::string::npos);
  CHECK(yaml.find("- !GetAZs \"\"") != std::string::npos);
  CHECK(parse_yaml(yaml) == OJson::parse(stack.to_json()));
}

TEST_CASE("short form never puts two tags on one node") {
  cdk::App app{cdk::AppProps{.outdir = "unused-yaml"}};
  auto& stack = app.add<cdk::Stack>("S", legacy_props());
  auto& c = stack.add<cdk::CfnCondition>("C", {.expression = cdk::Fn::condition_equals("a", "b")});
  auto& b = stack.add<cdk::CfnResource>("B", {.type = "Custom::Topic"});
  stack.add<cdk::CfnResource>(
      "A", {.type = "Custom::Topic",
            .properties = {
                {"Base64Join", cdk::Fn::base64(cdk::Fn::join("", {"#!/bin/bash\n", b.ref(), "\n"}))},
                {"Base64Sub", cdk::Fn::base64(cdk::Fn::sub("echo ${B}"))},
                {"Base64Ref", cdk::Fn::base64(b.ref())},
                {"Base64GetAtt", cdk::Fn::base64(b.get_att("TopicName"))},
                {"SelectAzs", cdk::Fn::select(0, cdk::Fn::get_azs(cdk::Aws::region()))},
                {"JoinSplit", cdk::Fn::join_list("-", cdk::Fn::split(",", b.ref()))},
                {"IfNested", c.if_(cdk::Fn::base64(b.ref()), cdk::Aws::no_value())},
                {"ImportSub", cdk::Fn::import_value(cdk::Fn::sub("${AWS::StackName}-x"))},
                {"NotCondition", cdk::Fn::condition_not(cdk::Fn::condition(c))},
                {"GetAttOfToken", cdk::Fn::intrinsic("Fn::GetAtt", cdk::List{"B", cdk::Fn::ref("AWS::Region")})},
                {"LenSplit", cdk::Fn::len(cdk::Fn::split(",", "a,b"))},
                {"ToJson", cdk::Fn::to_json_string(cdk::Map{{"k", b.ref()}})},
            }});
  const std::string yaml = stack.to_yaml({.short_form = true});
  CAPTURE(yaml);
  // yaml-cpp refuses a node with two tags; so does every YAML parser.
  OJson parsed;
  REQUIRE_NOTHROW(parsed = parse_yaml(yaml));
  CHECK(parsed == OJson::parse(stack.to_json()));
  CHECK(yaml.find("<two tags>") == std::string::npos);
  static const std::regex two_tags{R"(![A-Za-z0-9]+ +![A-Za-z])"};
  CHECK_FALSE(std::regex_search(yaml, two_tags));
}

TEST_CASE("output is deterministic") {
  auto make = [] {
    cdk::App app{cdk::AppProps{.outdir = "unused-yaml"}};
    auto& stack = app.add<cdk::Stack>("S");
    auto& b = stack.add<cdk::CfnResource>("B", {.type = "Custom::Topic"});
    stack.add<cdk::CfnResource>("A", {.type = "Custom::Topic", .properties = {{"Z", b.ref()}, {"A", "yes"}, {"M", 1.5}}});
    return stack.to_yaml({.short_form = true}) + stack.to_yaml() + stack.to_json();
  };
  CHECK(make() == make());
}

TEST_CASE("what the writer cannot write as a short form that reads back the same stays long (found by fuzz_write_round_trip)") {
  const OJson doc = OJson::parse(R"({
    "Unknown": {"Fn::Bar": [1, 2]},
    "Number": {"Ref": 5},
    "Null": {"Fn::Base64": null},
    "DottedString": {"Fn::GetAtt": "A.B"},
    "DottedId": {"Fn::GetAtt": ["A.B", "C"]},
    "EmptyAttribute": {"Fn::GetAtt": ["A", ""]},
    "Plain": {"Fn::GetAtt": ["A", "B.C"]}
  })");
  const std::string yaml = yaml_of(doc, /*short_form=*/true);
  CAPTURE(yaml);
  CHECK(cdk::template_io::parse_document(yaml, "t.yaml") == doc);
  CHECK(line_of(yaml, "Unknown") == "Unknown:");
  CHECK(line_of(yaml, "  Ref") == "  Ref: 5");
  CHECK(line_of(yaml, "DottedString") == "DottedString:");
  CHECK(line_of(yaml, "DottedId") == "DottedId: !GetAtt");
  CHECK(line_of(yaml, "Plain") == "Plain: !GetAtt A.B.C");
}

TEST_CASE("control characters and long keys read back (found by fuzz_write_round_trip)") {
  for (const std::string s : {"x\r", "\ttab", "tab\t", "a\rb\nc", "nel\xC2\x85", "ls\xE2\x80\xA8x", "del\x7F"}) {
    const OJson doc = {{"Value", s}, {s, 1}};
    for (bool short_form : {false, true}) {
      const std::string yaml = yaml_of(doc, short_form);
      CAPTURE(yaml);
      CHECK(cdk::template_io::parse_document(yaml, "t.yaml") == doc);
    }
  }
  // A key past YAML's 1024 characters of a simple key, once its escapes are written.
  for (const std::string& key : {std::string(1100, 'k'), std::string(300, '\x1d')}) {
    const OJson doc = {{key, {{"Inner", 1}}}};
    const std::string yaml = yaml_of(doc);
    CHECK(yaml.rfind("? ", 0) == 0);
    CHECK(cdk::template_io::parse_document(yaml, "t.yaml") == doc);
  }
  // Logical ids, at most 255 characters, stay simple keys.
  CHECK(yaml_of(OJson{{std::string(255, 'A'), 1}}).rfind("AAA", 0) == 0);
}

}  // TEST_SUITE
