// Value resolution: the input is a little program that builds an app through the public
// API (two stacks; parameters, conditions, mappings, rules, resources untyped and typed,
// outputs, nested constructs, overrides, DependsOn, exports, tags) from values made of
// every intrinsic the library has, tokens inside strings, lists and maps. Then each stack
// is synthesized into memory, as JSON and as YAML in both forms.
//
// Property: building and synth either succeed or throw cdk::Error (anything else, a
// crash, leak, undefined behaviour or hang, is a bug). On success, each template:
//  - parses back with the library's own parser (template/parse.hpp), and its three
//    renderings (JSON, YAML long form, YAML short form) read back as the same document;
//  - refers only to what it declares: every Ref names a parameter, a resource or a pseudo
//    parameter, every Fn::GetAtt and DependsOn a resource, every condition a condition,
//    every Fn::FindInMap with a literal name a mapping, and every import of another
//    stack's generated export is exported by that stack.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/cdk.hpp"
#include "cdk/sns/cfn_topic.hpp"
#include "cdk/sqs/cfn_queue.hpp"
#include "synth/resolver.hpp"
#include "template/parse.hpp"

namespace {

using cdk::List;
using cdk::Map;
using cdk::Value;
using Json = cdk::synth::Json;

[[noreturn]] void violated(const std::string& what, const std::string& detail) {
  std::fprintf(stderr, "property violated: %s\n%s\n", what.c_str(), detail.c_str());
  std::abort();
}

// The fuzz input read as a stream of choices; past its end every choice is 0.
class Choices {
 public:
  Choices(const std::uint8_t* data, std::size_t size) : data_{data}, size_{size} {}
  bool done() const { return at_ >= size_; }
  std::uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
  std::size_t below(std::size_t n) { return byte() % n; }
  bool flag() { return byte() & 1; }
  // Raw bytes, which need not be UTF-8 or printable.
  std::string text() {
    const std::size_t length = below(24);
    std::string out;
    while (out.size() < length && !done()) out.push_back(static_cast<char>(byte()));
    return out;
  }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }
  // Mostly names that mean something to the library, sometimes anything.
  std::string word(const std::vector<std::string>& usual) { return below(8) ? pick(usual) : text(); }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

const std::vector<std::string> kIds = {"A", "B", "Bucket", "Queue", "Default", "Resource", "Main", "Vpc.Id", "a b", "Topic"};
const std::vector<std::string> kStrings = {"", "x", "yes", "0755", "1e3", "null", "2010-09-09", "a: b", "- x", "!Ref A",
                                           "${AWS::Region}", "${A}", "${A.Arn}", "${!Literal}", "|", "#", "\"", "é€😀", " x "};
const std::vector<std::string> kAttributes = {"Arn", "QueueUrl", "QueueName", "TopicArn", "TopicName", "Nope", ""};
const std::vector<std::string> kTypes = {"AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::EC2::VPC", "Custom::Thing",
                                         "AWS::SNS::Subscription", "Bad", ""};
const std::vector<std::string> kParameterTypes = {"String", "Number", "List<Number>", "CommaDelimitedList",
                                                  "AWS::EC2::KeyPair::KeyName", "AWS::SSM::Parameter::Value<String>",
                                                  "List<AWS::EC2::Subnet::Id>", "Strange"};
const std::vector<std::string> kPropertyNames = {"QueueName", "DelaySeconds", "Tags", "TopicName", "DisplayName",
                                                 "FifoQueue", "Other", "Nested"};
// Fn::intrinsic with names synth checks. Not "Ref" or "Fn::GetAtt": through Fn::intrinsic
// they are raw CloudFormation that synth writes unchecked (use Fn::ref, Fn::get_att).
const std::vector<std::string> kIntrinsicNames = {"Fn::Sub", "Fn::If", "Condition", "Fn::FindInMap", "Fn::Select",
                                                  "Fn::Join", "Fn::Length", "Fn::NewFunction"};

// The number of maps and lists around the deepest value, as the JSON reader counts it.
int nesting(const Json& j) {
  int deepest = 0;
  if (j.is_structured())
    for (const auto& item : j) deepest = std::max(deepest, nesting(item));
  return j.is_structured() ? deepest + 1 : 0;
}

class Program {
 public:
  explicit Program(Choices& in) : in_{in} {}

  void build() {
    stacks_.push_back(&app_.add<cdk::Stack>("One", stack_props()));
    stacks_.push_back(&app_.add<cdk::Stack>("Two", stack_props()));
    scopes_ = {stacks_[0], stacks_[1]};
    for (int step = 0; step < 64 && !in_.done(); ++step) {
      try {
        one_step();
      } catch (const cdk::Error&) {
        // Bad input to a constructor: the tree stays usable, so carry on.
      }
    }
  }

  void synth_and_check() {
    std::vector<Json> templates;
    for (cdk::Stack* stack : stacks_) {
      std::string json;
      try {
        json = stack->to_json();
      } catch (const cdk::Error&) {
        return;
      }
      // Synth writes any nesting; the parser reads up to kMaxDepth levels (every reader of
      // its result recurses). Deeper templates are checked for their references only.
      if (nesting(Json::parse(json)) > cdk::template_io::kMaxDepth) {
        check_references(Json::parse(json), json);
        templates.push_back(Json::parse(json));
        continue;
      }
      const Json parsed = parse_back(json, "JSON");
      const std::string long_form = stack->to_yaml({.short_form = false});
      const std::string short_form = stack->to_yaml({.short_form = true});
      if (parse_back(long_form, "YAML") != parsed) violated("YAML long form reads back differently", long_form + "\n" + json);
      if (parse_back(short_form, "YAML") != parsed) violated("YAML short form reads back differently", short_form + "\n" + json);
      check_references(parsed, json);
      templates.push_back(parsed);
    }
    check_imports(templates);
  }

 private:
  cdk::StackProps stack_props() {
    cdk::StackProps props;
    if (in_.below(4) == 0) props.env = {.account = "123456789012", .region = in_.flag() ? "us-east-1" : "eu-west-1"};
    if (in_.below(4) == 0) props.synthesizer = cdk::LegacyStackSynthesizer{};
    return props;
  }

  cdk::Construct& scope() { return *in_.pick(scopes_); }
  // A map key or override path. Never one that makes a literal map look like an intrinsic
  // or DependsOn: such maps are the user's own raw CloudFormation, which synth writes as
  // given (only tokens are references it checks).
  std::string key(const std::vector<std::string>& usual) {
    std::string k = in_.word(usual);
    const bool raw = k.find("Ref") != std::string::npos || k.find("Condition") != std::string::npos ||
                     k.find("DependsOn") != std::string::npos || k.find("Fn::") != std::string::npos;
    return raw ? "Key" : k;
  }
  std::string id() { return in_.word(kIds) + (in_.flag() ? std::to_string(counter_++) : ""); }

  template <class T>
  const T* maybe(const std::vector<T*>& items) {
    return items.empty() || in_.below(3) == 0 ? nullptr : in_.pick(items);
  }

  void one_step() {
    switch (in_.below(16)) {
      case 0: {
        cdk::CfnParameterProps props{.type = in_.pick(kParameterTypes)};
        if (in_.flag()) props.default_value = value(2);
        if (in_.flag()) props.allowed_values = {in_.word(kStrings), in_.word(kStrings)};
        if (in_.flag()) props.min_value = static_cast<double>(in_.byte()) - 100;
        if (in_.flag()) props.max_length = in_.byte();
        parameters_.push_back(&scope().add<cdk::CfnParameter>(id(), props));
        break;
      }
      case 1: conditions_.push_back(&scope().add<cdk::CfnCondition>(id(), {.expression = condition(2)})); break;
      case 2: {
        cdk::CfnMappingProps props;
        for (std::size_t i = in_.below(3); i > 0; --i) props.mapping.push_back({key(kIds), Map{{key(kIds), value(2)}}});
        mappings_.push_back(&scope().add<cdk::CfnMapping>(id(), props));
        break;
      }
      case 3: {
        auto& r = scope().add<cdk::CfnResource>(id(), {.type = in_.pick(kTypes), .properties = properties()});
        r.options().condition = maybe(conditions_);
        if (in_.flag()) r.options().metadata = {{key(kPropertyNames), value(2)}};
        if (in_.flag()) r.options().deletion_policy = static_cast<cdk::CfnDeletionPolicy>(in_.below(4));
        resources_.push_back(&r);
        break;
      }
      case 4: {
        auto& q = scope().add<cdk::sqs::CfnQueue>(
            id(), {.delay_seconds = value(1), .queue_name = value(1), .tags = {{.key = value(1), .value = value(1)}}});
        resources_.push_back(&q);
        attributes_.push_back(q.attr_arn());
        break;
      }
      case 5: {
        auto& t = scope().add<cdk::sns::CfnTopic>(id(), {.display_name = value(1), .topic_name = value(1)});
        resources_.push_back(&t);
        break;
      }
      case 6: {
        cdk::CfnOutputProps props{.value = value(3), .condition = maybe(conditions_)};
        if (in_.flag()) props.export_name = value(1);
        if (in_.flag()) props.description = in_.word(kStrings);
        scope().add<cdk::CfnOutput>(id(), props);
        break;
      }
      case 7: scopes_.push_back(&scope().add<cdk::Construct>(id())); break;
      case 8:
        if (auto* e = element()) e->override_logical_id(in_.word(kIds));
        break;
      case 9:
        if (!resources_.empty()) {
          auto* r = in_.pick(resources_);
          if (in_.flag())
            r->add_property_override(key(kPropertyNames) + (in_.flag() ? ".Key" : ""), value(2));
          else
            r->add_override(in_.flag() ? "Metadata.Note" : key({"Properties"}), value(2));
        }
        break;
      case 10:
        if (!resources_.empty()) in_.pick(resources_)->add_depends_on(*in_.pick(resources_));
        break;
      case 11: attributes_.push_back(in_.pick(stacks_)->export_value(value(1), export_options())); break;
      case 12: {
        cdk::CfnRuleProps props{.assertions = {{.assert_ = condition(2), .assert_description = in_.word(kStrings)}}};
        if (in_.flag()) props.rule_condition = condition(1);
        scope().add<cdk::CfnRule>(id(), props);
        break;
      }
      case 13: cdk::Tags::of(scope()).add(in_.word(kIds), value(1)); break;
      case 14: in_.pick(stacks_)->add_stack_dependency(*in_.pick(stacks_)); break;
      default: {
        auto& options = in_.pick(stacks_)->template_options();
        if (in_.flag()) options.description = in_.word(kStrings);
        else options.metadata.push_back({key(kPropertyNames), value(2)});
        break;
      }
    }
  }

  cdk::ExportValueOptions export_options() {
    cdk::ExportValueOptions options;
    if (in_.flag()) options.name = in_.word(kIds);
    return options;
  }

  cdk::CfnElement* element() {
    std::vector<cdk::CfnElement*> all;
    for (auto* stack : stacks_)
      for (auto* e : stack->elements()) all.push_back(e);
    return all.empty() ? nullptr : in_.pick(all);
  }

  Map properties() {
    Map out;
    for (std::size_t i = in_.below(4); i > 0; --i) out.push_back({key(kPropertyNames), value(3)});
    return out;
  }

  // A condition expression (Fn::Equals, And, Or, Not, a named condition).
  Value condition(int depth) {
    const std::size_t choice = in_.below(depth > 0 ? 6 : 2);
    if (choice == 1 && !conditions_.empty()) return cdk::Fn::condition(*in_.pick(conditions_));
    if (choice <= 1) return cdk::Fn::condition_equals(value(1), value(1));
    if (choice == 2) return cdk::Fn::condition_not(condition(depth - 1));
    List items;
    for (std::size_t i = in_.below(4); i > 0; --i) items.push_back(condition(depth - 1));
    if (choice == 3) return cdk::Fn::condition_and(items);
    if (choice == 4) return cdk::Fn::condition_or(items);
    return value(depth);  // anything at all
  }

  Value reference() {
    switch (in_.below(6)) {
      case 0:
        if (!parameters_.empty()) return in_.pick(parameters_)->ref();
        [[fallthrough]];
      case 1:
        if (!resources_.empty()) return in_.pick(resources_)->ref();
        [[fallthrough]];
      case 2:
        if (!resources_.empty()) return in_.pick(resources_)->get_att(in_.word(kAttributes));
        [[fallthrough]];
      case 3:
        if (!attributes_.empty()) return in_.pick(attributes_);
        [[fallthrough]];
      case 4: return cdk::Fn::ref(in_.word(kIds));
      default: return cdk::Fn::get_att(in_.word(kIds), in_.word(kAttributes));
    }
  }

  Value pseudo() {
    switch (in_.below(8)) {
      case 0: return cdk::Aws::account_id();
      case 1: return cdk::Aws::region();
      case 2: return cdk::Aws::stack_name();
      case 3: return cdk::Aws::stack_id();
      case 4: return cdk::Aws::partition();
      case 5: return cdk::Aws::url_suffix();
      case 6: return cdk::Aws::notification_arns();
      default: return cdk::Aws::no_value();
    }
  }

  Value literal() {
    switch (in_.below(8)) {
      case 0: return nullptr;
      case 1: return in_.flag();
      case 2: return static_cast<long long>(static_cast<std::int8_t>(in_.byte())) << in_.below(64);
      case 3: {
        static const std::vector<double> kDoubles = {0.5, -0.0, 1e300, 1e-7, 2.0, 1e21, 123456789.125};
        return in_.pick(kDoubles);
      }
      case 4: return in_.text();
      default: return in_.word(kStrings);
    }
  }

  Value value(int depth) {
    if (depth <= 0) return in_.flag() ? literal() : reference();
    switch (in_.below(30)) {
      case 0: case 1: case 2: return literal();
      case 3: case 4: return reference();
      case 5: return pseudo();
      case 6: {
        List items;
        for (std::size_t i = in_.below(4); i > 0; --i) items.push_back(value(depth - 1));
        return items;
      }
      case 7: {
        Map entries;
        for (std::size_t i = in_.below(4); i > 0; --i) entries.push_back({key(kPropertyNames), value(depth - 1)});
        return entries;
      }
      case 8: return value(depth - 1) + value(depth - 1);
      case 9: {
        List parts;
        for (std::size_t i = in_.below(4); i > 0; --i) parts.push_back(value(depth - 1));
        return cdk::Fn::join(in_.word({"", ",", "-", "||"}), parts);
      }
      case 10: return cdk::Fn::join_list(in_.word({",", ""}), value(depth - 1));
      case 11: {
        Map variables;
        if (in_.flag()) variables.push_back({key(kIds), value(depth - 1)});
        return cdk::Fn::sub(in_.word(kStrings) + in_.word(kStrings), variables);
      }
      case 12: return cdk::Fn::base64(value(depth - 1));
      case 13: return cdk::Fn::select(static_cast<int>(in_.below(4)) - 1, value(depth - 1));
      case 14: return cdk::Fn::split(in_.word({",", ""}), value(depth - 1), in_.flag() ? std::optional<int>{in_.below(4)} : std::nullopt);
      case 15: return cdk::Fn::get_azs(in_.flag() ? Value{""} : value(depth - 1));
      case 16: return cdk::Fn::import_value(value(depth - 1));
      case 17:
        if (!mappings_.empty() && in_.flag())
          return cdk::Fn::find_in_map(*in_.pick(mappings_), value(depth - 1), value(depth - 1));
        return cdk::Fn::find_in_map(in_.word(kIds), value(depth - 1), value(depth - 1));
      case 18: return cdk::Fn::cidr(value(depth - 1), value(depth - 1), in_.flag() ? value(depth - 1) : Value{});
      case 19: return cdk::Fn::len(value(depth - 1));
      case 20: return cdk::Fn::to_json_string(value(depth - 1));
      case 21:
        if (!conditions_.empty()) return cdk::Fn::condition_if(*in_.pick(conditions_), value(depth - 1), value(depth - 1));
        return condition(depth - 1);
      case 22: return cdk::dynamic_reference(static_cast<cdk::DynamicReferenceService>(in_.below(3)), value(depth - 1));
      case 23: {
        Value produced = value(depth - 1);
        return cdk::lazy([produced] { return produced; });
      }
      case 24: return cdk::Fn::intrinsic(in_.pick(kIntrinsicNames), value(depth - 1));
      case 25: return cdk::Fn::contains(value(depth - 1), value(depth - 1));
      case 26: return cdk::Fn::value_of(in_.word(kIds), in_.word(kAttributes));
      case 27: return cdk::Fn::transform(in_.word(kIds), {{key(kIds), value(depth - 1)}});
      case 28: return cdk::Fn::ref_all(in_.pick(kParameterTypes));
      default: return cdk::Fn::each_member_in(value(depth - 1), value(depth - 1));
    }
  }

  Json parse_back(const std::string& text, const char* format) {
    try {
      // parse_document, not parse_template: synth does not check the shape of every
      // intrinsic's argument as the template checks do (Fn::len(nullptr) is written as is).
      return cdk::template_io::parse_document(text, format);
    } catch (const cdk::Error& e) {
      violated(std::string{"a template synth wrote does not parse back: "} + e.what(), text);
    }
  }

  // Every reference in `node` names something its template declares.
  void check_references(const Json& root, const std::string& text) {
    auto names = [&](const char* section) {
      std::set<std::string> out;
      if (root.contains(section))
        for (const auto& [name, body] : root[section].items()) out.insert(name);
      return out;
    };
    const auto parameters = names("Parameters");
    const auto resources = names("Resources");
    const auto conditions = names("Conditions");
    const auto mappings = names("Mappings");
    auto require = [&](bool ok, const std::string& what) {
      if (!ok) violated("the template refers to something it does not declare: " + what, text);
    };
    auto walk = [&](auto& self, const Json& node) -> void {
      if (node.is_array())
        for (const auto& item : node) self(self, item);
      if (!node.is_object()) return;
      for (const auto& [key, argument] : node.items()) {
        if (node.size() == 1 && key == "Ref" && argument.is_string()) {
          const auto& name = argument.get_ref<const std::string&>();
          require(parameters.count(name) || resources.count(name) || cdk::synth::is_pseudo_parameter(name), "Ref " + name);
        } else if (node.size() == 1 && key == "Fn::GetAtt" && argument.is_array() && !argument.empty()) {
          require(argument[0].is_string() && resources.count(argument[0].get<std::string>()), "Fn::GetAtt " + argument.dump());
        } else if (node.size() == 1 && key == "Fn::FindInMap" && argument.is_array() && !argument.empty() &&
                   argument[0].is_string()) {
          require(mappings.count(argument[0].get<std::string>()), "Fn::FindInMap " + argument.dump());
        } else if ((key == "Condition" && argument.is_string()) ||
                   (node.size() == 1 && key == "Fn::If" && argument.is_array() && !argument.empty() && argument[0].is_string())) {
          const auto& name = key == "Condition" ? argument.get<std::string>() : argument[0].get<std::string>();
          require(conditions.count(name), key + " " + name);
        } else if (key == "DependsOn" && argument.is_array()) {
          for (const auto& target : argument) require(target.is_string() && resources.count(target.get<std::string>()), "DependsOn " + target.dump());
        }
        self(self, argument);
      }
    };
    walk(walk, root);
  }

  // A generated export ("<stack>:ExportsOutput...") that one template imports is exported
  // by another.
  void check_imports(const std::vector<Json>& templates) {
    std::set<std::string> exports;
    for (const auto& t : templates)
      if (t.contains("Outputs"))
        for (const auto& [name, output] : t["Outputs"].items())
          if (output.contains("Export") && output["Export"].contains("Name") && output["Export"]["Name"].is_string())
            exports.insert(output["Export"]["Name"].get<std::string>());
    auto walk = [&](auto& self, const Json& node) -> void {
      if (node.is_object() && node.size() == 1 && node.contains("Fn::ImportValue") && node["Fn::ImportValue"].is_string()) {
        const auto& name = node["Fn::ImportValue"].get_ref<const std::string&>();
        if (name.find(":ExportsOutput") != std::string::npos && !exports.count(name))
          violated("an import of a generated export that no stack exports: " + name, Json(templates).dump(1));
      }
      if (node.is_structured())
        for (const auto& item : node) self(self, item);
    };
    for (const auto& t : templates) walk(walk, t);
  }

  Choices& in_;
  cdk::App app_{{.outdir = "/nonexistent/fuzz_resolve"}};
  std::vector<cdk::Stack*> stacks_;
  std::vector<cdk::Construct*> scopes_;
  std::vector<cdk::CfnParameter*> parameters_;
  std::vector<cdk::CfnCondition*> conditions_;
  std::vector<cdk::CfnMapping*> mappings_;
  std::vector<cdk::CfnResource*> resources_;
  std::vector<Value> attributes_;
  int counter_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Choices in{data, size};
  try {
    Program program{in};
    program.build();
    program.synth_and_check();
  } catch (const cdk::Error&) {
    // A clear error is the right answer to a bad program.
  }
  return 0;
}
