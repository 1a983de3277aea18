#include "cdk/cfn_include.hpp"

#include <algorithm>
#include <unordered_map>
#include <variant>

#include "cdk/cfn_condition.hpp"
#include "cdk/cfn_mapping.hpp"
#include "cdk/cfn_output.hpp"
#include "cdk/cfn_parameter.hpp"
#include "cdk/cfn_rule.hpp"
#include "cdk/fn.hpp"
#include "cdk/stack.hpp"
#include "detail/collation.hpp"
#include "detail/tokens.hpp"
#include "include/included_elements.hpp"
#include "include/resource_factory.hpp"
#include "synth/value_json.hpp"
#include "template/check.hpp"
#include "template/parse.hpp"

namespace cdk {

using synth::Json;

struct CfnInclude::Elements {
  // Logical id -> element, and the ids in template order.
  template <class T>
  struct Section {
    std::unordered_map<std::string, T*> by_id;
    std::vector<std::string> order;
    void add(const std::string& id, T& element) {
      by_id.emplace(id, &element);
      order.push_back(id);
    }
  };
  Section<CfnParameter> parameters;
  Section<CfnCondition> conditions;
  Section<CfnMapping> mappings;
  Section<CfnRule> rules;
  Section<CfnResource> resources;
  Section<CfnOutput> outputs;
};

namespace {

const char* kBootstrapParameter = "BootstrapVersion";
const char* kBootstrapRule = "CheckBootstrapVersion";

std::optional<CfnDeletionPolicy> policy_of(const Json& j) {
  if (!j.is_string()) return std::nullopt;
  const auto& s = j.get_ref<const std::string&>();
  if (s == "Delete") return CfnDeletionPolicy::Delete;
  if (s == "Retain") return CfnDeletionPolicy::Retain;
  if (s == "RetainExceptOnCreate") return CfnDeletionPolicy::RetainExceptOnCreate;
  if (s == "Snapshot") return CfnDeletionPolicy::Snapshot;
  return std::nullopt;
}

// Reads the template into elements under the CfnInclude, keeping references as tokens.
class Importer {
 public:
  Importer(CfnInclude& self, CfnInclude::Elements& elements, const CfnIncludeProps& props, const Json& body)
      : self_{self}, e_{elements}, props_{props}, t_{body} {
    const auto* synthesizer = std::get_if<DefaultStackSynthesizer>(&Stack::of(self).synthesizer());
    skip_bootstrap_ = synthesizer && synthesizer->generate_bootstrap_version_rule;
  }

  void run() {
    // What has no element class here is refused rather than dropped from the template.
    if (section("Hooks")) unsupported({"Hooks"}, "the Hooks section (CodeDeploy blue/green) cannot be included");
    for (const char* name : {"Resources", "Conditions", "Outputs"})
      if (const Json* s = section(name))
        for (const auto& [id, body] : s->items())
          if (id.rfind("Fn::ForEach::", 0) == 0)
            unsupported({name, id}, "Fn::ForEach (the AWS::LanguageExtensions transform) cannot be included");
    if (const Json* t = section("Transform"))
      for (const auto& item : t->is_array() ? *t : Json::array({*t}))
        if (!item.is_string()) unsupported({"Transform"}, "a transform with parameters cannot be included, only macro names");
    for (const auto& [name, value] : props_.parameters) {
      const Json* p = section_entry("Parameters", name);
      if (!p)
        throw Error(errc::IncludeInvalidProps, self_.path(),
                    "parameters: '" + name + "' is not a parameter of the template");
      replaced_.emplace(name, value);
    }
    template_options();
    if (const Json* s = section("Parameters"))
      for (const auto& [id, body] : s->items())
        if (!replaced_.count(id) && !(skip_bootstrap_ && id == kBootstrapParameter)) parameter(id, body);
    if (const Json* s = section("Mappings"))
      for (const auto& [id, body] : s->items()) mapping(id, body);
    // Conditions refer to each other: all exist before any expression is read.
    if (const Json* s = section("Conditions")) {
      for (const auto& [id, body] : s->items()) e_.conditions.add(id, keep_id(self_.add<CfnCondition>(id, {}), id));
      for (const auto& [id, body] : s->items()) {
        Scope scope{*this, {"Conditions", id}};
        e_.conditions.by_id.at(id)->set_expression(value(body));
      }
    }
    if (const Json* s = section("Rules"))
      for (const auto& [id, body] : s->items())
        if (!(skip_bootstrap_ && id == kBootstrapRule)) rule(id, body);
    // Resources refer to each other in any order: all exist before any property is read.
    if (const Json* s = section("Resources")) {
      for (const auto& [id, body] : s->items()) create_resource(id, body);
      for (const auto& [id, body] : s->items()) fill_resource(id, body);
    }
    if (const Json* s = section("Outputs"))
      for (const auto& [id, body] : s->items()) output(id, body);
    // Last: the template's metadata may refer to any element.
    if (const Json* v = section("Metadata")) {
      Scope scope{*this, {"Metadata"}};
      auto& metadata = Stack::of(self_).template_options().metadata;
      for (const auto& [key, item] : v->items()) {
        Scope entry{*this, {key}};
        metadata.emplace_back(key, value(item));
      }
    }
  }

 private:
  struct Scope {
    Scope(Importer& i, std::vector<std::string> components) : importer{i}, size{i.path_.size()} {
      i.path_.insert(i.path_.end(), components.begin(), components.end());
    }
    ~Scope() { importer.path_.resize(size); }
    Importer& importer;
    std::size_t size;
  };

  const Json* section(const char* name) const {
    auto it = t_.find(name);
    return it == t_.end() ? nullptr : &*it;
  }
  const Json* section_entry(const char* name, const std::string& id) const {
    const Json* s = section(name);
    if (!s) return nullptr;
    auto it = s->find(id);
    return it == s->end() ? nullptr : &*it;
  }

  template <class T>
  T& keep_id(T& element, const std::string& id) {
    if (props_.preserve_logical_ids) element.override_logical_id(id);
    return element;
  }

  [[noreturn]] void unknown(const std::string& message) {
    const std::string where = template_io::dotted(path_);
    throw Error(errc::IncludeUnknownReference, self_.path(), where.empty() ? message : where + ": " + message);
  }

  [[noreturn]] void unsupported(const std::vector<std::string>& where, const std::string& message) {
    throw Error(errc::IncludeUnsupported, self_.path(), template_io::dotted(where) + ": " + message);
  }

  void template_options() {
    auto& options = Stack::of(self_).template_options();
    if (const Json* v = section("AWSTemplateFormatVersion"); v && !options.template_format_version)
      options.template_format_version = v->get<std::string>();
    if (const Json* v = section("Description"); v && !options.description) options.description = v->get<std::string>();
    if (const Json* v = section("Transform")) {
      auto add = [&](const Json& t) {
        std::string name = t.get<std::string>();
        if (std::find(options.transforms.begin(), options.transforms.end(), name) == options.transforms.end())
          options.transforms.push_back(std::move(name));
      };
      if (v->is_array())
        for (const auto& t : *v) add(t);
      else
        add(*v);
    }
  }

  void parameter(const std::string& id, const Json& body) {
    CfnParameterProps p;
    Map as_written;
    // Not a structured binding: clang before 16 cannot capture one in the lambdas below.
    for (const auto& item : body.items()) {
      const std::string& key = item.key();
      const Json& v = item.value();
      auto keep = [&] { as_written.emplace_back(key, synth::json_to_value(v)); };
      auto string_field = [&](std::optional<std::string>& field) {
        if (v.is_string()) field = v.get<std::string>();
        else keep();
      };
      auto integer_field = [&](std::optional<std::int64_t>& field) {
        if (v.is_number_integer()) field = v.get<std::int64_t>();
        else keep();
      };
      auto number_field = [&](std::optional<double>& field) {
        if (v.is_number()) field = v.get<double>();
        else keep();
      };
      if (key == "Type") {
        p.type = v.get<std::string>();
      } else if (key == "Default") {
        p.default_value = synth::json_to_value(v);
      } else if (key == "AllowedValues") {
        bool strings = v.is_array() && !v.empty();
        for (const auto& a : v) strings = strings && a.is_string();
        if (strings)
          for (const auto& a : v) p.allowed_values.push_back(a.get<std::string>());
        else
          keep();
      } else if (key == "AllowedPattern") {
        string_field(p.allowed_pattern);
      } else if (key == "ConstraintDescription") {
        string_field(p.constraint_description);
      } else if (key == "Description") {
        string_field(p.description);
      } else if (key == "MaxLength") {
        integer_field(p.max_length);
      } else if (key == "MinLength") {
        integer_field(p.min_length);
      } else if (key == "MaxValue") {
        number_field(p.max_value);
      } else if (key == "MinValue") {
        number_field(p.min_value);
      } else if (key == "NoEcho") {
        if (v.is_boolean() && v.get<bool>()) p.no_echo = true;
        else keep();
      }
    }
    // Construct's constructor hands the element to its parent, as add<T> does.
    auto& kept = *new detail::IncludedParameter(self_, id, std::move(p), std::move(as_written));
    e_.parameters.add(id, keep_id(static_cast<CfnParameter&>(kept), id));
  }

  void mapping(const std::string& id, const Json& body) {
    CfnMappingProps p;
    for (const auto& [key, inner] : body.items()) {
      Map entries;
      for (const auto& [name, v] : inner.items()) entries.emplace_back(name, synth::json_to_value(v));
      p.mapping.emplace_back(key, std::move(entries));
    }
    e_.mappings.add(id, keep_id(self_.add<CfnMapping>(id, std::move(p)), id));
  }

  void rule(const std::string& id, const Json& body) {
    Scope scope{*this, {"Rules", id}};
    CfnRuleProps p;
    if (auto c = body.find("RuleCondition"); c != body.end()) {
      Scope inner{*this, {"RuleCondition"}};
      p.rule_condition = value(*c);
    }
    const Json& assertions = body.at("Assertions");
    for (std::size_t i = 0; i < assertions.size(); ++i) {
      Scope inner{*this, {"Assertions", std::to_string(i), "Assert"}};
      const Json& a = assertions[i];
      CfnRuleAssertion assertion{.assert_ = value(a.at("Assert")), .assert_description = {}};
      if (auto d = a.find("AssertDescription"); d != a.end() && d->is_string())
        assertion.assert_description = d->get<std::string>();
      p.assertions.push_back(std::move(assertion));
    }
    e_.rules.add(id, keep_id(self_.add<CfnRule>(id, std::move(p)), id));
  }

  void create_resource(const std::string& id, const Json& body) {
    const std::string type = body.at("Type").get<std::string>();
    CfnResource* resource = nullptr;
    if (const auto* factory = detail::find_resource_factory(type)) resource = &factory->create(self_, id);
    else resource = &self_.add<CfnResource>(id, {.type = type, .properties = {}});
    e_.resources.add(id, keep_id(*resource, id));
  }

  CfnResource& resource_named(const std::string& id, const char* what) {
    auto it = e_.resources.by_id.find(id);
    if (it == e_.resources.by_id.end()) unknown(std::string{what} + " '" + id + "', which is not a resource of the template");
    return *it->second;
  }
  CfnCondition& condition_named(const std::string& id, const char* what) {
    auto it = e_.conditions.by_id.find(id);
    if (it == e_.conditions.by_id.end()) unknown(std::string{what} + " '" + id + "', which is not a condition of the template");
    return *it->second;
  }

  void fill_resource(const std::string& id, const Json& body) {
    Scope scope{*this, {"Resources", id}};
    CfnResource& r = *e_.resources.by_id.at(id);
    auto& options = r.options();
    for (const auto& [key, v] : body.items()) {
      Scope attribute{*this, {key}};
      if (key == "Type") continue;
      if (key == "Properties") {
        Map properties;
        for (const auto& [name, item] : v.items()) {
          Scope property{*this, {name}};
          properties.emplace_back(name, value(item));
        }
        if (const auto* factory = detail::find_resource_factory(r.cfn_resource_type()))
          factory->set_properties(r, properties);
        else
          r.properties() = std::move(properties);
        // An empty Properties map is written back (the resource would leave it out).
        if (v.empty()) r.add_override("Properties", Value{Map{}});
      } else if (key == "DependsOn") {
        depends_on(r, v);
      } else if (key == "Condition") {
        options.condition = &condition_named(v.get<std::string>(), "Condition");
      } else if (key == "DeletionPolicy" || key == "UpdateReplacePolicy") {
        auto policy = policy_of(v);
        if (policy) (key == "DeletionPolicy" ? options.deletion_policy : options.update_replace_policy) = policy;
        else r.add_override(key, value(v));
      } else if (key == "Metadata") {
        Map metadata;
        for (const auto& [name, item] : v.items()) {
          Scope entry{*this, {name}};
          metadata.emplace_back(name, value(item));
        }
        options.metadata = std::move(metadata);
      } else if (key == "CreationPolicy") {
        options.creation_policy = value(v);
      } else if (key == "UpdatePolicy") {
        options.update_policy = value(v);
      } else if (key == "Version" && v.is_string()) {
        options.version = v.get<std::string>();
      } else {
        r.add_override(key, value(v));
      }
    }
  }

  // DependsOn as real dependencies; written back in the template's form (a string, or a
  // list in its order) when that differs from the sorted list synth writes.
  void depends_on(CfnResource& r, const Json& v) {
    std::vector<const CfnResource*> targets;
    if (v.is_string()) {
      targets.push_back(&resource_named(v.get<std::string>(), "DependsOn"));
    } else {
      for (std::size_t i = 0; i < v.size(); ++i) {
        Scope item{*this, {std::to_string(i)}};
        targets.push_back(&resource_named(v[i].get<std::string>(), "DependsOn"));
      }
    }
    for (const auto* t : targets) r.add_depends_on(*t);
    bool as_synth_writes = v.is_array();
    for (std::size_t i = 1; as_synth_writes && i < targets.size(); ++i)
      as_synth_writes = detail::locale_less(targets[i - 1]->path(), targets[i]->path());
    if (as_synth_writes) return;
    const bool single = v.is_string();
    const CfnResource* self = &r;
    r.add_override("DependsOn", lazy([self, targets, single]() -> Value {
                     if (single && self->depends_on().size() == 1) return detail::logical_id_of(*targets.front());
                     // The template's order first, then any dependency added since.
                     List ids;
                     for (const auto* t : targets) ids.push_back(detail::logical_id_of(*t));
                     for (const auto* t : self->depends_on())
                       if (std::find(targets.begin(), targets.end(), t) == targets.end() && &t->stack() == &self->stack())
                         ids.push_back(detail::logical_id_of(*t));
                     return Value{std::move(ids)};
                   }));
  }

  void output(const std::string& id, const Json& body) {
    Scope scope{*this, {"Outputs", id}};
    CfnOutputProps p;
    for (const auto& [key, v] : body.items()) {
      Scope attribute{*this, {key}};
      if (key == "Value") p.value = value(v);
      else if (key == "Description" && v.is_string()) p.description = v.get<std::string>();
      else if (key == "Export") {
        Scope name{*this, {"Name"}};
        p.export_name = value(v.at("Name"));
      } else if (key == "Condition") {
        p.condition = &condition_named(v.get<std::string>(), "Condition");
      }
    }
    e_.outputs.add(id, keep_id(self_.add<CfnOutput>(id, std::move(p)), id));
  }

  // ${Name} and ${Name.Attribute} of Fn::Sub: a piece of text, or an element whose
  // logical id is read at synth (so that a renamed element is followed).
  struct SubPiece {
    std::string text;
    const CfnElement* element = nullptr;
    std::string suffix;  // ".Attribute"
  };

  Value sub_body(const std::string& body, const Json* variables) {
    std::vector<SubPiece> pieces;
    bool any_element = false;
    auto literal = [&](const std::string& s) {
      if (pieces.empty() || pieces.back().element) pieces.push_back({});
      pieces.back().text += s;
    };
    std::size_t from = 0;
    while (true) {
      const auto open = body.find("${", from);
      if (open == std::string::npos) {
        literal(body.substr(from));
        break;
      }
      const auto close = body.find('}', open);
      if (close == std::string::npos) {
        literal(body.substr(from));
        break;
      }
      literal(body.substr(from, open - from));
      const std::string name = body.substr(open + 2, close - open - 2);
      from = close + 1;
      const auto dot = name.find('.');
      const std::string base = name.substr(0, dot);
      const bool variable = variables && variables->is_object() && variables->contains(name);
      if (variable || name.empty() || name[0] == '!' || name.rfind("AWS::", 0) == 0) {
        literal("${" + name + "}");
        continue;
      }
      if (auto r = replaced_.find(base); r != replaced_.end() && dot == std::string::npos && r->second.is_string()) {
        literal(r->second.as_string());
        continue;
      }
      const CfnElement* element = nullptr;
      if (auto it = e_.resources.by_id.find(base); it != e_.resources.by_id.end()) element = it->second;
      else if (auto p = e_.parameters.by_id.find(base); p != e_.parameters.by_id.end() && dot == std::string::npos)
        element = p->second;
      if (!element) unknown("Fn::Sub: '${" + name + "}' is not a variable of the Sub, nor a parameter or resource of the template");
      pieces.push_back({{}, element, dot == std::string::npos ? std::string{} : name.substr(dot)});
      any_element = true;
    }
    if (!any_element) return Value{pieces.empty() ? std::string{} : pieces.front().text};
    return lazy(
        [pieces] {
          std::string out;
          for (const auto& p : pieces) out += p.element ? "${" + p.element->logical_id() + p.suffix + "}" : p.text;
          return Value{std::move(out)};
        },
        TokenType::String);
  }

  Value list(const Json& j) {
    List out;
    out.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) {
      Scope item{*this, {std::to_string(i)}};
      out.push_back(value(j[i]));
    }
    return Value{std::move(out)};
  }

  // A template value as a Value: intrinsics that name elements become their tokens.
  Value value(const Json& j) {
    switch (j.type()) {
      case Json::value_t::array: return list(j);
      case Json::value_t::object: {
        if (j.size() == 1) {
          const std::string& key = j.begin().key();
          const Json& arg = j.begin().value();
          if (key == "Ref" || key.rfind("Fn::", 0) == 0 || (key == "Condition" && arg.is_string())) {
            Scope function{*this, {key}};
            return intrinsic(key, arg);
          }
        }
        Map out;
        out.reserve(j.size());
        for (const auto& [key, item] : j.items()) {
          Scope entry{*this, {key}};
          out.emplace_back(key, value(item));
        }
        return Value{std::move(out)};
      }
      default: return synth::json_to_value(j);
    }
  }

  Value intrinsic(const std::string& name, const Json& arg) {
    if (name == "Ref") {
      const std::string& id = arg.get_ref<const std::string&>();
      if (id.rfind("AWS::", 0) == 0) return Fn::ref(id);
      if (auto r = replaced_.find(id); r != replaced_.end()) return r->second;
      if (auto p = e_.parameters.by_id.find(id); p != e_.parameters.by_id.end()) return p->second->ref();
      if (auto r = e_.resources.by_id.find(id); r != e_.resources.by_id.end()) return r->second->ref();
      // What the DefaultStackSynthesizer writes stands for the template's own.
      if (skip_bootstrap_ && id == kBootstrapParameter) return Fn::ref(id);
      unknown("Ref to '" + id + "', which is not a parameter or resource of the template");
    }
    if (name == "Fn::GetAtt") {
      std::string id;
      Value attribute;
      if (arg.is_string()) {
        const std::string& s = arg.get_ref<const std::string&>();
        id = s.substr(0, s.find('.'));
        attribute = s.substr(s.find('.') + 1);
      } else {
        id = arg[0].get<std::string>();
        Scope second{*this, {"1"}};
        attribute = value(arg[1]);
      }
      CfnResource& target = resource_named(id, "Fn::GetAtt of");
      if (attribute.is_string()) return target.get_att(attribute.as_string());
      return Fn::intrinsic(name, List{detail::logical_id_of(target), attribute});
    }
    if (name == "Fn::If") {
      const CfnCondition* condition = nullptr;
      {
        Scope first{*this, {"0"}};
        condition = &condition_named(arg[0].get<std::string>(), "Fn::If on");
      }
      List args{detail::logical_id_of(*condition)};
      for (std::size_t i = 1; i < arg.size(); ++i) {
        Scope item{*this, {std::to_string(i)}};
        args.push_back(value(arg[i]));
      }
      return Fn::intrinsic(name, Value{std::move(args)});
    }
    if (name == "Condition") return Fn::condition(condition_named(arg.get<std::string>(), "Condition"));
    if (name == "Fn::FindInMap" && arg[0].is_string()) {
      const CfnMapping* mapping = nullptr;
      {
        Scope first{*this, {"0"}};
        const std::string& id = arg[0].get_ref<const std::string&>();
        auto it = e_.mappings.by_id.find(id);
        if (it == e_.mappings.by_id.end()) unknown("Fn::FindInMap of '" + id + "', which is not a mapping of the template");
        mapping = it->second;
      }
      List args{detail::logical_id_of(*mapping)};
      for (std::size_t i = 1; i < arg.size(); ++i) {
        Scope item{*this, {std::to_string(i)}};
        args.push_back(value(arg[i]));
      }
      return Fn::intrinsic(name, Value{std::move(args)});
    }
    if (name == "Fn::Sub") {
      if (arg.is_string()) return Fn::intrinsic(name, sub_body(arg.get<std::string>(), nullptr));
      const Json* variables = arg.size() > 1 ? &arg[1] : nullptr;
      List args{sub_body(arg[0].get<std::string>(), variables)};
      if (variables) {
        Scope second{*this, {"1"}};
        args.push_back(value(*variables));
      }
      return Fn::intrinsic(name, Value{std::move(args)});
    }
    return Fn::intrinsic(name, value(arg));
  }

  CfnInclude& self_;
  CfnInclude::Elements& e_;
  const CfnIncludeProps& props_;
  const Json& t_;
  std::unordered_map<std::string, Value> replaced_;
  std::vector<std::string> path_;
  bool skip_bootstrap_ = false;
};

}  // namespace

CfnInclude::CfnInclude(Construct& scope, std::string_view id, CfnIncludeProps props)
    : Construct(scope, id), elements_{std::make_unique<Elements>()} {
  const bool file = !props.template_file.empty();
  const bool body = !props.template_body.empty();
  if (file == body)
    throw Error(errc::IncludeInvalidProps, path(),
                file ? "give either template_file or template_body, not both" : "needs template_file or template_body");
  const Json t = file ? template_io::load_template_file(props.template_file)
                      : template_io::parse_template(props.template_body, path());
  Importer{*this, *elements_, props, t}.run();
}

CfnInclude::~CfnInclude() = default;

namespace {
template <class Section>
auto& find_in(const Section& section, std::string_view logical_id, const CfnInclude& self, const char* kind) {
  auto it = section.by_id.find(std::string{logical_id});
  if (it == section.by_id.end())
    throw Error(errc::IncludeUnknownElement, self.path(),
                std::string{"the template has no "} + kind + " '" + std::string{logical_id} + "'");
  return *it->second;
}
}  // namespace

CfnResource& CfnInclude::get_resource(std::string_view id) const { return find_in(elements_->resources, id, *this, "resource"); }
CfnParameter& CfnInclude::get_parameter(std::string_view id) const {
  return find_in(elements_->parameters, id, *this, "parameter");
}
CfnCondition& CfnInclude::get_condition(std::string_view id) const {
  return find_in(elements_->conditions, id, *this, "condition");
}
CfnMapping& CfnInclude::get_mapping(std::string_view id) const { return find_in(elements_->mappings, id, *this, "mapping"); }
CfnOutput& CfnInclude::get_output(std::string_view id) const { return find_in(elements_->outputs, id, *this, "output"); }
CfnRule& CfnInclude::get_rule(std::string_view id) const { return find_in(elements_->rules, id, *this, "rule"); }

std::vector<std::string> CfnInclude::resource_ids() const { return elements_->resources.order; }
std::vector<std::string> CfnInclude::parameter_ids() const { return elements_->parameters.order; }

void CfnInclude::wrong_type(std::string_view logical_id, const CfnResource& resource, std::string_view wanted) const {
  throw Error(errc::IncludeWrongType, path(),
              "resource '" + std::string{logical_id} + "' is " + resource.cfn_resource_type() + ", not " +
                  std::string{wanted});
}

}  // namespace cdk
