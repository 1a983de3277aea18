#include "migrate/migrate.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "cdk/errors.hpp"
#include "detail/collation.hpp"
#include "migrate/code_layout.hpp"
#include "migrate/type_catalog.hpp"

namespace cdk::tools::migrate {

namespace {

using synth::Json;

enum class Kind { Parameter, Mapping, Condition, Rule, Resource, Output };

struct Element {
  Kind kind;
  std::string id;
  const Json* body;
  std::string var;  // the C++ variable, when something refers to it
  bool declared = false;
  bool used = false;
};

// One statement of main(): an element's declaration and what follows it.
struct Statement {
  Element* element = nullptr;  // declared with `auto& var = ` when used
  Code declaration;
  std::vector<Code> after;  // statements on the element's variable
};

constexpr std::string_view kPseudo[][2] = {
    {"AWS::AccountId", "cdk::Aws::account_id()"},   {"AWS::Region", "cdk::Aws::region()"},
    {"AWS::StackName", "cdk::Aws::stack_name()"},   {"AWS::StackId", "cdk::Aws::stack_id()"},
    {"AWS::Partition", "cdk::Aws::partition()"},    {"AWS::URLSuffix", "cdk::Aws::url_suffix()"},
    {"AWS::NotificationARNs", "cdk::Aws::notification_arns()"}, {"AWS::NoValue", "cdk::Aws::no_value()"},
};

bool is_intrinsic(const Json& j, bool condition_context) {
  if (!j.is_object() || j.size() != 1) return false;
  const auto& key = j.begin().key();
  if (key == "Condition") return condition_context && j.begin().value().is_string();
  return key == "Ref" || key.rfind("Fn::", 0) == 0;
}

std::string string_literal(const std::string& s) {
  // Scripts (user data, policies written by hand) read best as raw strings.
  const bool raw = s.find('\n') != std::string::npos && s.find(")\"") == std::string::npos &&
                   std::none_of(s.begin(), s.end(), [](char c) {
                     return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t';
                   });
  if (raw) return "R\"(" + s + ")\"";
  return codegen::cpp_string(s);
}

std::string integer_literal(const Json& j) {
  if (j.is_number_unsigned()) {
    const auto u = j.get<std::uint64_t>();
    if (u <= static_cast<std::uint64_t>(INT_MAX)) return std::to_string(u);
    return std::to_string(u) + (u <= static_cast<std::uint64_t>(LLONG_MAX) ? "LL" : "ULL");
  }
  const auto i = j.get<std::int64_t>();
  if (i >= INT_MIN && i <= INT_MAX) return std::to_string(i);
  if (i == LLONG_MIN) return "(-9223372036854775807LL - 1)";
  return std::to_string(i) + "LL";
}

bool fits_int(const Json& j) {
  if (j.is_number_unsigned()) return j.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT_MAX);
  const auto i = j.get<std::int64_t>();
  return i >= INT_MIN && i <= INT_MAX;
}

std::string double_literal(double d) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
  std::string out(buffer, ec == std::errc{} ? end : buffer);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

std::string strip_required(const std::string& cpp_type) {
  const std::string prefix = "Required<";
  if (cpp_type.rfind(prefix, 0) == 0) return cpp_type.substr(prefix.size(), cpp_type.size() - prefix.size() - 1);
  return cpp_type;
}

// The element inside "ListOf<...>" / "MapOf<...>", or "".
std::string inner_type(const std::string& cpp_type, const std::string& wrapper) {
  if (cpp_type.rfind(wrapper + "<", 0) != 0) return {};
  return cpp_type.substr(wrapper.size() + 1, cpp_type.size() - wrapper.size() - 2);
}

// "\." for dots inside a key of an override path.
std::string escape_path(const std::string& key) {
  std::string out;
  for (char c : key) out += c == '.' ? std::string{"\\."} : std::string(1, c);
  return out;
}

// CDK appends the first 8 hex digits of a hash to the ids it allocates; the readable part
// makes the better variable name.
std::string readable_part(const std::string& id) {
  if (id.size() <= 8) return id;
  const std::string tail = id.substr(id.size() - 8);
  const bool hash = std::all_of(tail.begin(), tail.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); }) &&
                    std::any_of(tail.begin(), tail.end(), [](char c) { return c >= '0' && c <= '9'; });
  return hash ? id.substr(0, id.size() - 8) : id;
}

class Migrator {
 public:
  Migrator(const Json& tpl, const Options& options) : tpl_{tpl}, options_{options}, catalog_{options.schema_dir} {}

  Result run() {
    if (!tpl_.is_object()) fail(errc::MigrateInvalidTemplate, "a template is a JSON or YAML object");
    for (const auto& [key, value] : tpl_.items()) {
      static const std::set<std::string> known{"AWSTemplateFormatVersion", "Description", "Metadata", "Parameters",
                                               "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs"};
      if (!known.count(key)) fail(errc::MigrateUnsupported, "section '" + key + "' has no equivalent in the library");
      (void)value;
    }
    collect();
    detect_synthesizer();
    name_variables();

    std::vector<std::pair<std::string, std::vector<Statement>>> sections;
    sections.emplace_back("Parameters", declare_all(Kind::Parameter, [&](Element& e) { return parameter(e); }));
    sections.emplace_back("Mappings", declare_all(Kind::Mapping, [&](Element& e) { return mapping(e); }));
    sections.emplace_back("Conditions", declare_all(Kind::Condition, [&](Element& e) { return condition(e); }));
    sections.emplace_back("Rules", declare_all(Kind::Rule, [&](Element& e) { return rule(e); }));
    sections.emplace_back("Resources", declare_all(Kind::Resource, [&](Element& e) { return resource(e); }));
    sections.emplace_back("Outputs", declare_all(Kind::Output, [&](Element& e) { return output(e); }));
    return {assemble(sections), notes_};
  }

 private:
  [[noreturn]] void fail(const char* code, const std::string& message) const { throw Error(code, options_.source, message); }
  void note(std::string message) { notes_.push_back(std::move(message)); }

  // --- the template's elements ---------------------------------------------------------

  const Json* section(const char* name) const {
    auto it = tpl_.find(name);
    if (it == tpl_.end()) return nullptr;
    if (!it->is_object()) fail(errc::MigrateInvalidTemplate, std::string{"section '"} + name + "' is not an object");
    return &*it;
  }

  void collect() {
    const std::pair<const char*, Kind> sections[] = {{"Parameters", Kind::Parameter}, {"Mappings", Kind::Mapping},
                                                     {"Conditions", Kind::Condition}, {"Rules", Kind::Rule},
                                                     {"Resources", Kind::Resource},   {"Outputs", Kind::Output}};
    for (const auto& [name, kind] : sections) {
      const Json* s = section(name);
      if (!s) continue;
      for (const auto& [id, body] : s->items()) {
        if (auto it = by_id_.find(id); it != by_id_.end())
          fail(errc::MigrateUnsupported, "logical id '" + id + "' is used in two sections (" + kind_name(it->second->kind) +
                                             " and " + kind_name(kind) + "); the library needs unique logical ids");
        elements_.push_back(std::make_unique<Element>(Element{kind, id, &body, {}}));
        by_id_[id] = elements_.back().get();
      }
    }
  }

  static std::string kind_name(Kind kind) {
    switch (kind) {
      case Kind::Parameter: return "Parameters";
      case Kind::Mapping: return "Mappings";
      case Kind::Condition: return "Conditions";
      case Kind::Rule: return "Rules";
      case Kind::Resource: return "Resources";
      case Kind::Output: return "Outputs";
    }
    return {};
  }

  // The DefaultStackSynthesizer adds exactly these two elements; a template that has them
  // came from a CDK-style app, one without is reproduced by the LegacyStackSynthesizer.
  void detect_synthesizer() {
    auto parameter = by_id_.find("BootstrapVersion");
    auto rule = by_id_.find("CheckBootstrapVersion");
    if (parameter == by_id_.end() || rule == by_id_.end() || parameter->second->kind != Kind::Parameter ||
        rule->second->kind != Kind::Rule)
      return;
    const Json& p = *parameter->second->body;
    const std::string prefix = "/cdk-bootstrap/", suffix = "/version";
    const std::string def = p.is_object() && p.contains("Default") && p["Default"].is_string() ? p["Default"].get<std::string>() : "";
    if (def.size() <= prefix.size() + suffix.size() || def.rfind(prefix, 0) != 0 ||
        def.compare(def.size() - suffix.size(), suffix.size(), suffix) != 0)
      return;
    const std::string qualifier = def.substr(prefix.size(), def.size() - prefix.size() - suffix.size());
    const Json expected_parameter = {
        {"Type", "AWS::SSM::Parameter::Value<String>"},
        {"Default", def},
        {"Description",
         "Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter "
         "Store. [cdk:skip]"}};
    const Json expected_rule = {
        {"Assertions",
         Json::array({{{"Assert", {{"Fn::Not", Json::array({{{"Fn::Contains", Json::array({Json::array({"1", "2", "3", "4", "5"}),
                                                                                           {{"Ref", "BootstrapVersion"}}})}}})}}},
                       {"AssertDescription",
                        "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the "
                        "CDK CLI."}}})}};
    if (p != expected_parameter || *rule->second->body != expected_rule) return;
    default_synthesizer_ = true;
    qualifier_ = qualifier;
    // The synthesizer writes them; the program must not declare them again.
    parameter->second->declared = true;
    rule->second->declared = true;
    skipped_ = {"BootstrapVersion", "CheckBootstrapVersion"};
  }

  void name_variables() {
    std::set<std::string> used{"app", "stack", "argc", "argv", "main", "cdk", "std"};
    for (auto& e : elements_) {
      std::string base = codegen::identifier(codegen::snake_case(readable_part(e->id)));
      if (base == "_") base = "element";
      // CDK's long generated ids make unwieldy names; the first words say enough.
      if (base.size() > 40) {
        const auto cut = base.rfind('_', 40);
        base = codegen::identifier(base.substr(0, cut == std::string::npos || cut < 8 ? 40 : cut));
      }
      std::string name = base;
      for (int i = 2; used.count(name); ++i) name = base + "_" + std::to_string(i);
      used.insert(name);
      e->var = name;
    }
  }

  // Declarations of every element of one kind; resources and conditions in an order where
  // references point backwards (depth first over what each refers to, input order kept
  // otherwise), so that they can be written as `element.ref()`.
  std::vector<Statement> declare_all(Kind kind, const std::function<Statement(Element&)>& declare) {
    std::vector<Element*> order;
    std::set<Element*> visiting, done;
    std::function<void(Element*)> visit = [&](Element* e) {
      if (done.count(e) || visiting.count(e)) return;
      visiting.insert(e);
      std::vector<std::string> refs;
      references(*e->body, refs, kind == Kind::Condition);
      for (const auto& id : refs)
        if (auto it = by_id_.find(id); it != by_id_.end() && it->second->kind == kind) visit(it->second);
      visiting.erase(e);
      done.insert(e);
      order.push_back(e);
    };
    for (auto& e : elements_)
      if (e->kind == kind && !skipped_.count(e->id)) visit(e.get());
    std::vector<Statement> out;
    for (Element* e : order) {
      out.push_back(declare(*e));
      e->declared = true;
    }
    return out;
  }

  // Ids a body refers to (Ref, Fn::GetAtt, DependsOn, conditions), in order of appearance.
  static void references(const Json& j, std::vector<std::string>& out, bool conditions) {
    if (j.is_object()) {
      if (j.size() == 1) {
        const auto& key = j.begin().key();
        const Json& value = j.begin().value();
        if ((key == "Ref" || (conditions && key == "Condition")) && value.is_string()) out.push_back(value.get<std::string>());
        if (key == "Fn::GetAtt" && value.is_array() && !value.empty() && value[0].is_string())
          out.push_back(value[0].get<std::string>());
      }
      for (const auto& [key, value] : j.items()) {
        if (key == "DependsOn") {
          if (value.is_string()) out.push_back(value.get<std::string>());
          if (value.is_array())
            for (const auto& d : value)
              if (d.is_string()) out.push_back(d.get<std::string>());
        }
        references(value, out, conditions);
      }
    } else if (j.is_array()) {
      for (const auto& item : j) references(item, out, conditions);
    }
  }

  // --- values ----------------------------------------------------------------------------

  // A use of an element's variable, marking it as needed.
  std::string var_of(Element& e) {
    e.used = true;
    return e.var;
  }

  Element* declared(const std::string& id, Kind kind) {
    auto it = by_id_.find(id);
    if (it == by_id_.end() || it->second->kind != kind || !it->second->declared || skipped_.count(id)) return nullptr;
    return it->second;
  }

  Code value(const Json& j, bool conditions = false) {
    switch (j.type()) {
      case Json::value_t::null: return Code::atom("nullptr");
      case Json::value_t::boolean: return Code::atom(j.get<bool>() ? "true" : "false");
      case Json::value_t::number_integer:
      case Json::value_t::number_unsigned: return Code::atom(integer_literal(j));
      case Json::value_t::number_float: return Code::atom(double_literal(j.get<double>()));
      case Json::value_t::string: return Code::atom(string_literal(j.get<std::string>()));
      case Json::value_t::array: {
        std::vector<Code> items;
        for (const auto& item : j) items.push_back(value(item, conditions));
        return Code::list("cdk::List{", std::move(items), "}");
      }
      case Json::value_t::object: {
        if (is_intrinsic(j, conditions)) return intrinsic(j.begin().key(), j.begin().value(), conditions);
        return map(j, conditions);
      }
      default: return Code::atom("nullptr");
    }
  }

  Code map(const Json& j, bool conditions = false) {
    std::vector<Code> entries;
    for (const auto& [key, item] : j.items()) entries.push_back(entry(key, value(item, conditions)));
    return Code::list("cdk::Map{", std::move(entries), "}");
  }

  static Code entry(const std::string& key, Code v) { return Code::list("{", {Code::atom(codegen::cpp_string(key)), std::move(v)}, "}", false); }

  // A literal that the typed wrapper cannot take directly (a number for a string
  // property, ...): a cdk::Value, which every wrapper accepts.
  Code wrapped(const Json& j) {
    Code v = value(j);
    if (v.is_list && v.open == "cdk::Value{") return v;
    return Code::list("cdk::Value{", {std::move(v)}, "}", false);
  }

  Code raw_intrinsic(const std::string& name, const Json& argument, bool conditions) {
    return Code::call("cdk::Fn::intrinsic", {Code::atom(codegen::cpp_string(name)), value(argument, conditions)});
  }

  Code list_of(const Json& items, bool conditions) {
    std::vector<Code> out;
    for (const auto& item : items) out.push_back(value(item, conditions));
    return Code::list("{", std::move(out), "}");
  }

  // Fn::Join as Fn::join writes it: flat (no nested join with the same delimiter), no two
  // literals side by side, at least two parts. Anything else is written as it is.
  static bool join_round_trips(const std::string& delimiter, const Json& parts) {
    if (parts.size() < 2) return false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const Json& p = parts[i];
      if (p.is_number() || p.is_boolean() || p.is_null()) return false;
      if (p.is_string() && p.get_ref<const std::string&>().empty() && delimiter.empty()) return false;
      if (p.is_string() && i > 0 && parts[i - 1].is_string()) return false;
      if (p.is_object() && p.size() == 1 && p.contains("Fn::Join") && p["Fn::Join"].is_array() &&
          p["Fn::Join"].size() == 2 && p["Fn::Join"][0] == delimiter)
        return false;
      if (!p.is_string() && !is_intrinsic(p, false)) return false;  // a literal list or map
    }
    return true;
  }

  Code intrinsic(const std::string& name, const Json& a, bool conditions) {
    auto str = [](const Json& j) { return Code::atom(codegen::cpp_string(j.get<std::string>())); };
    auto args = [&](std::size_t n) { return a.is_array() && a.size() == n; };
    if (name == "Ref" && a.is_string()) {
      const auto& id = a.get_ref<const std::string&>();
      for (const auto& [pseudo, code] : kPseudo)
        if (id == pseudo) return Code::atom(std::string{code});
      if (Element* e = declared(id, Kind::Parameter)) return Code::atom(var_of(*e) + ".ref()");
      if (Element* e = declared(id, Kind::Resource)) return Code::atom(var_of(*e) + ".ref()");
      return Code::call("cdk::Fn::ref", {str(a)});
    }
    if (name == "Fn::GetAtt" && args(2) && a[0].is_string() && a[1].is_string()) {
      const std::string attribute = a[1].get<std::string>();
      if (Element* e = declared(a[0].get<std::string>(), Kind::Resource)) {
        if (const auto* type = typed_class(*e))
          for (const auto& at : type->attributes)
            if (at.name == attribute) return Code::atom(var_of(*e) + "." + at.accessor + "()");
        return Code::call(var_of(*e) + ".get_att", {str(a[1])});
      }
      return Code::call("cdk::Fn::get_att", {str(a[0]), str(a[1])});
    }
    if (name == "Fn::Join" && args(2) && a[0].is_string()) {
      const std::string delimiter = a[0].get<std::string>();
      if (a[1].is_array() && join_round_trips(delimiter, a[1]))
        return Code::call("cdk::Fn::join", {str(a[0]), list_of(a[1], conditions)});
      if (is_intrinsic(a[1], false)) return Code::call("cdk::Fn::join_list", {str(a[0]), value(a[1])});
    }
    if (name == "Fn::Sub") {
      if (a.is_string()) return Code::call("cdk::Fn::sub", {Code::atom(string_literal(a.get<std::string>()))});
      if (args(2) && a[0].is_string() && a[1].is_object() && !a[1].empty() && !is_intrinsic(a[1], false)) {
        std::vector<Code> variables;
        for (const auto& [key, v] : a[1].items()) variables.push_back(entry(key, value(v)));
        return Code::call("cdk::Fn::sub", {Code::atom(string_literal(a[0].get<std::string>())),
                                           Code::list("{", std::move(variables), "}")});
      }
    }
    if (name == "Fn::Base64") return Code::call("cdk::Fn::base64", {value(a)});
    if (name == "Fn::Select" && args(2) && a[0].is_number_integer() && fits_int(a[0]))
      return Code::call("cdk::Fn::select", {Code::atom(integer_literal(a[0])), value(a[1])});
    if (name == "Fn::Split" && args(2) && a[0].is_string()) return Code::call("cdk::Fn::split", {str(a[0]), value(a[1])});
    if (name == "Fn::GetAZs") {
      if (a.is_string() && a.get_ref<const std::string&>().empty()) return Code::atom("cdk::Fn::get_azs()");
      if (a.is_string() || is_intrinsic(a, false)) return Code::call("cdk::Fn::get_azs", {value(a)});
    }
    if (name == "Fn::ImportValue") return Code::call("cdk::Fn::import_value", {value(a)});
    if (name == "Fn::FindInMap" && args(3) && a[0].is_string()) {
      if (Element* e = declared(a[0].get<std::string>(), Kind::Mapping))
        return Code::call(var_of(*e) + ".find_in_map", {value(a[1]), value(a[2])});
      return Code::call("cdk::Fn::find_in_map", {str(a[0]), value(a[1]), value(a[2])});
    }
    if (name == "Fn::Cidr" && a.is_array() && (a.size() == 2 || a.size() == 3)) {
      std::vector<Code> parts;
      for (const auto& p : a) parts.push_back(value(p));
      return Code::call("cdk::Fn::cidr", std::move(parts));
    }
    if (name == "Fn::Length") return Code::call("cdk::Fn::len", {value(a)});
    if (name == "Fn::ToJsonString") return Code::call("cdk::Fn::to_json_string", {value(a)});
    if (name == "Fn::If" && args(3) && a[0].is_string()) {
      if (Element* e = declared(a[0].get<std::string>(), Kind::Condition))
        return Code::call("cdk::Fn::condition_if", {Code::atom(var_of(*e)), value(a[1], conditions), value(a[2], conditions)});
    }
    if (name == "Fn::Equals" && args(2)) return Code::call("cdk::Fn::condition_equals", {value(a[0]), value(a[1])});
    if ((name == "Fn::And" || name == "Fn::Or") && a.is_array() && a.size() >= 2 && a.size() <= 10)
      return Code::call(name == "Fn::And" ? "cdk::Fn::condition_and" : "cdk::Fn::condition_or", {list_of(a, true)});
    if (name == "Fn::Not" && args(1)) return Code::call("cdk::Fn::condition_not", {value(a[0], true)});
    if (name == "Condition" && a.is_string()) {
      if (Element* e = declared(a.get<std::string>(), Kind::Condition))
        return Code::call("cdk::Fn::condition", {Code::atom(var_of(*e))});
    }
    if (name == "Fn::Contains" && args(2)) return Code::call("cdk::Fn::contains", {value(a[0]), value(a[1])});
    if (name == "Fn::EachMemberEquals" && args(2)) return Code::call("cdk::Fn::each_member_equals", {value(a[0]), value(a[1])});
    if (name == "Fn::EachMemberIn" && args(2)) return Code::call("cdk::Fn::each_member_in", {value(a[0]), value(a[1])});
    if (name == "Fn::RefAll" && a.is_string()) return Code::call("cdk::Fn::ref_all", {str(a)});
    if (name == "Fn::ValueOf" && args(2) && a[0].is_string() && a[1].is_string())
      return Code::call("cdk::Fn::value_of", {str(a[0]), str(a[1])});
    if (name == "Fn::ValueOfAll" && args(2) && a[0].is_string() && a[1].is_string())
      return Code::call("cdk::Fn::value_of_all", {str(a[0]), str(a[1])});
    if (name == "Fn::Transform" && a.is_object() && a.size() == 2 && a.contains("Name") && a["Name"].is_string() &&
        a.contains("Parameters") && a["Parameters"].is_object() && !is_intrinsic(a["Parameters"], false)) {
      std::vector<Code> parameters;
      for (const auto& [key, v] : a["Parameters"].items()) parameters.push_back(entry(key, value(v)));
      return Code::call("cdk::Fn::transform", {str(a["Name"]), Code::list("{", std::move(parameters), "}")});
    }
    return raw_intrinsic(name, a, conditions);
  }

  // --- typed properties ------------------------------------------------------------------

  const codegen::ResourceType* typed_class(const Element& e) {
    const Json& body = *e.body;
    if (!body.is_object() || !body.contains("Type") || !body["Type"].is_string()) return nullptr;
    return catalog_.find(body["Type"].get<std::string>());
  }

  // `j` as the value of a field of C++ type `cpp_type`, or nullopt when the typed field
  // cannot hold it (then the caller writes it with set_property).
  std::optional<Code> typed(const Json& j, const std::string& raw_type, const codegen::ResourceType& type) {
    const std::string cpp_type = strip_required(raw_type);
    if (j.is_null()) return std::nullopt;
    const codegen::Struct* nested = find_struct(type, cpp_type);
    if (is_intrinsic(j, false)) {
      if (nested) return std::nullopt;
      return value(j);
    }
    if (cpp_type == "Str") return j.is_string() ? value(j) : wrapped(j);
    if (cpp_type == "Num") return j.is_number() && (j.is_number_float() || fits_int(j)) ? value(j) : wrapped(j);
    if (cpp_type == "Bool") return j.is_boolean() ? value(j) : wrapped(j);
    if (cpp_type == "Json") {
      if (j.is_number_integer() && !fits_int(j)) return wrapped(j);
      return value(j);
    }
    if (const std::string item = inner_type(cpp_type, "ListOf"); !item.empty()) {
      if (!j.is_array() || j.empty()) return wrapped(j);
      std::vector<Code> items;
      for (const auto& element : j) {
        auto code = typed(element, item, type);
        if (!code) return wrapped(j);  // the list as it is: ListOf takes any list value
        items.push_back(std::move(*code));
      }
      return Code::list("{", std::move(items), "}");
    }
    if (const std::string item = inner_type(cpp_type, "MapOf"); !item.empty()) {
      if (!j.is_object() || j.empty()) return wrapped(j);
      std::vector<Code> entries;
      for (const auto& [key, element] : j.items()) {
        auto code = typed(element, item, type);
        if (!code) return wrapped(j);
        entries.push_back(entry(key, std::move(*code)));
      }
      return Code::list("{", std::move(entries), "}");
    }
    if (nested) {
      // Every key must be a field; an empty object has no typed form (an empty struct is
      // not written).
      if (!j.is_object() || j.empty()) return std::nullopt;
      for (const auto& [key, element] : j.items()) {
        (void)element;
        if (std::none_of(nested->fields.begin(), nested->fields.end(), [&key = key](const codegen::Field& f) { return f.cfn_name == key; }))
          return std::nullopt;
      }
      std::vector<Code> fields;
      for (const auto& f : nested->fields) {
        auto it = j.find(f.cfn_name);
        if (it == j.end()) continue;
        auto code = typed(*it, f.cpp_type, type);
        if (!code) return std::nullopt;
        fields.push_back(std::move(*code).with_prefix("." + f.cpp_name + " = "));
      }
      return Code::list("{", std::move(fields), "}");
    }
    return std::nullopt;
  }

  // --- elements ----------------------------------------------------------------------------

  static Code add(const std::string& type, const std::string& id, std::optional<Code> props) {
    // A path component "Default" is dropped from logical ids, so a lone "Default" would
    // have none; "Default_" keeps the component and loses the '_' (logical id "Default").
    std::vector<Code> args{Code::atom(codegen::cpp_string(id == "Default" ? "Default_" : id))};
    if (props) args.push_back(std::move(*props));
    return Code::call("stack.add<" + type + ">", std::move(args));
  }

  Code statement_on(Element& e, const std::string& text) { return Code::atom(var_of(e) + text); }
  Code call_on(Element& e, const std::string& method, std::vector<Code> args) {
    return Code::call(var_of(e) + "." + method, std::move(args));
  }

  std::optional<std::string> string_field(const Element& e, const Json& body, const char* key) {
    auto it = body.find(key);
    if (it == body.end()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    note(kind_name(e.kind) + "." + e.id + "." + key + " is not a string; written as " + it->dump());
    return it->is_null() ? std::string{} : it->dump();
  }

  Statement parameter(Element& e) {
    const Json& body = *e.body;
    if (!body.is_object()) fail(errc::MigrateInvalidTemplate, "parameter '" + e.id + "' is not an object");
    std::vector<Code> props;
    auto field = [&](const char* name, Code code) { props.push_back(std::move(code).with_prefix(std::string{"."} + name + " = ")); };
    const auto type = string_field(e, body, "Type");
    if (!type) note("Parameters." + e.id + " has no Type; the library writes \"String\"");
    field("type", Code::atom(codegen::cpp_string(type.value_or("String"))));
    if (body.contains("Default")) field("default_value", value(body["Default"]));
    if (auto it = body.find("AllowedValues"); it != body.end()) {
      std::vector<Code> values;
      if (!it->is_array()) note("Parameters." + e.id + ".AllowedValues is not a list");
      for (const auto& v : it->is_array() ? *it : Json::array()) {
        if (!v.is_string()) note("Parameters." + e.id + ".AllowedValues: " + v.dump() + " is written as a string");
        values.push_back(Code::atom(codegen::cpp_string(v.is_string() ? v.get<std::string>() : v.dump())));
      }
      field("allowed_values", Code::list("{", std::move(values), "}"));
    }
    for (const auto& [key, name] : {std::pair{"AllowedPattern", "allowed_pattern"},
                                    {"ConstraintDescription", "constraint_description"}, {"Description", "description"}})
      if (auto s = string_field(e, body, key)) field(name, Code::atom(string_literal(*s)));
    auto number = [&](const char* key, const char* name, bool integer) {
      auto it = body.find(key);
      if (it == body.end()) return;
      double d = 0;
      if (it->is_number()) {
        d = it->get<double>();
      } else {
        note("Parameters." + e.id + "." + key + " " + it->dump() + " is written as a number");
        const std::string text = it->is_string() ? it->get<std::string>() : it->dump();
        d = std::strtod(text.c_str(), nullptr);
      }
      if (integer) field(name, Code::atom(std::to_string(static_cast<long long>(d))));
      else field(name, Code::atom(it->is_number_integer() ? std::to_string(it->get<long long>()) : double_literal(d)));
    };
    number("MaxLength", "max_length", true);
    number("MaxValue", "max_value", false);
    number("MinLength", "min_length", true);
    number("MinValue", "min_value", false);
    if (auto it = body.find("NoEcho"); it != body.end()) {
      const bool on = it->is_boolean() ? it->get<bool>() : (it->is_string() && it->get<std::string>() == "true");
      if (!it->is_boolean() || !on) note("Parameters." + e.id + ".NoEcho " + it->dump() + " is written as " + (on ? "true" : "absent"));
      if (on) field("no_echo", Code::atom("true"));
    }
    for (const auto& [key, v] : body.items()) {
      static const std::set<std::string> known{"Type", "Default", "AllowedValues", "AllowedPattern", "ConstraintDescription",
                                               "Description", "MaxLength", "MaxValue", "MinLength", "MinValue", "NoEcho"};
      if (!known.count(key)) note("Parameters." + e.id + "." + key + " is not a parameter attribute; left out");
      (void)v;
    }
    return {&e, add("cdk::CfnParameter", e.id, Code::list("{", std::move(props), "}")), {}};
  }

  Statement mapping(Element& e) {
    const Json& body = *e.body;
    if (!body.is_object()) fail(errc::MigrateInvalidTemplate, "mapping '" + e.id + "' is not an object");
    std::vector<Code> keys;
    for (const auto& [key, inner] : body.items()) {
      if (!inner.is_object()) fail(errc::MigrateInvalidTemplate, "mapping '" + e.id + "': '" + key + "' is not an object");
      keys.push_back(entry(key, map(inner)));
    }
    return {&e, add("cdk::CfnMapping", e.id, Code::list("{", {Code::list("{", std::move(keys), "}").with_prefix(".mapping = ")}, "}")),
            {}};
  }

  Statement condition(Element& e) {
    return {&e, add("cdk::CfnCondition", e.id, Code::list("{", {value(*e.body, true).with_prefix(".expression = ")}, "}")), {}};
  }

  Statement rule(Element& e) {
    const Json& body = *e.body;
    if (!body.is_object()) fail(errc::MigrateInvalidTemplate, "rule '" + e.id + "' is not an object");
    std::vector<Code> props;
    std::vector<Code> assertions;
    auto list = body.find("Assertions");
    if (list == body.end() || !list->is_array()) fail(errc::MigrateInvalidTemplate, "rule '" + e.id + "' has no Assertions list");
    for (const auto& a : *list) {
      if (!a.is_object() || !a.contains("Assert")) fail(errc::MigrateInvalidTemplate, "rule '" + e.id + "': an assertion needs Assert");
      std::vector<Code> fields{value(a["Assert"], true).with_prefix(".assert_ = ")};
      if (a.contains("AssertDescription")) {
        if (!a["AssertDescription"].is_string() || a["AssertDescription"].get<std::string>().empty())
          note("Rules." + e.id + ": an AssertDescription that is not a non-empty string is left out");
        else
          fields.push_back(Code::atom(string_literal(a["AssertDescription"].get<std::string>())).with_prefix(".assert_description = "));
      }
      assertions.push_back(Code::list("{", std::move(fields), "}"));
    }
    props.push_back(Code::list("{", std::move(assertions), "}").with_prefix(".assertions = "));
    if (body.contains("RuleCondition")) props.push_back(value(body["RuleCondition"], true).with_prefix(".rule_condition = "));
    return {&e, add("cdk::CfnRule", e.id, Code::list("{", std::move(props), "}")), {}};
  }

  Statement output(Element& e) {
    const Json& body = *e.body;
    if (!body.is_object() || !body.contains("Value"))
      fail(errc::MigrateInvalidTemplate, "output '" + e.id + "' needs a Value");
    std::vector<Code> props{value(body["Value"]).with_prefix(".value = ")};
    if (auto it = body.find("Condition"); it != body.end()) {
      Element* c = it->is_string() ? declared(it->get<std::string>(), Kind::Condition) : nullptr;
      if (!c) fail(errc::MigrateInvalidTemplate, "output '" + e.id + "': condition " + it->dump() + " does not exist");
      props.push_back(Code::atom("&" + var_of(*c)).with_prefix(".condition = "));
    }
    if (auto s = string_field(e, body, "Description")) props.push_back(Code::atom(string_literal(*s)).with_prefix(".description = "));
    if (auto it = body.find("Export"); it != body.end()) {
      if (!it->is_object() || it->size() != 1 || !it->contains("Name"))
        fail(errc::MigrateUnsupported, "output '" + e.id + "': Export must be {\"Name\": ...}");
      props.push_back(value((*it)["Name"]).with_prefix(".export_name = "));
    }
    for (const auto& [key, v] : body.items()) {
      (void)v;
      if (key != "Value" && key != "Condition" && key != "Description" && key != "Export")
        note("Outputs." + e.id + "." + key + " is not an output attribute; left out");
    }
    return {&e, add("cdk::CfnOutput", e.id, Code::list("{", std::move(props), "}")), {}};
  }

  Statement resource(Element& e) {
    const Json& body = *e.body;
    if (!body.is_object() || !body.contains("Type") || !body["Type"].is_string())
      fail(errc::MigrateInvalidTemplate, "resource '" + e.id + "' needs a Type");
    const std::string type_name = body["Type"].get<std::string>();
    const Json empty = Json::object();
    auto properties_it = body.find("Properties");
    const bool has_properties = properties_it != body.end();
    const Json& properties = has_properties && properties_it->is_object() && !is_intrinsic(*properties_it, false) ? *properties_it : empty;
    Statement s{&e, {}, {}};
    std::vector<std::pair<std::string, const Json*>> leftovers;  // written with set_property

    const codegen::ResourceType* type = typed_class(e);
    if (type) {
      // A property the class requires but the template lacks: only the generic class can
      // declare that resource.
      for (const auto& f : type->structs.back().fields)
        if (f.cpp_type.rfind("Required<", 0) == 0 && (!properties.contains(f.cfn_name) || properties[f.cfn_name].is_null()))
          type = nullptr;
    }
    if (type) {
      const codegen::Struct& props = type->structs.back();
      std::vector<Code> fields;
      for (const auto& f : props.fields) {
        auto it = properties.find(f.cfn_name);
        if (it == properties.end()) continue;
        auto code = typed(*it, f.cpp_type, *type);
        if (!code) {
          leftovers.emplace_back(f.cfn_name, &*it);
          continue;
        }
        fields.push_back(std::move(*code).with_prefix("." + f.cpp_name + " = "));
      }
      for (const auto& [key, v] : properties.items())
        if (std::none_of(props.fields.begin(), props.fields.end(), [&key = key](const codegen::Field& f) { return f.cfn_name == key; }))
          leftovers.emplace_back(key, &v);
      includes_.insert(type->header);
      const std::string cls = "cdk::" + catalog_.namespace_of(type_name) + "::" + type->class_name;
      s.declaration = add(cls, e.id, fields.empty() ? std::nullopt : std::optional<Code>{Code::list("{", std::move(fields), "}")});
    } else {
      std::vector<Code> entries;
      for (const auto& [key, v] : properties.items()) entries.push_back(entry(key, value(v)));
      std::vector<Code> props{Code::atom(codegen::cpp_string(type_name)).with_prefix(".type = ")};
      if (!entries.empty()) props.push_back(Code::list("{", std::move(entries), "}").with_prefix(".properties = "));
      s.declaration = add("cdk::CfnResource", e.id, Code::list("{", std::move(props), "}"));
    }
    for (const auto& [key, v] : leftovers)
      s.after.push_back(call_on(e, "set_property", {Code::atom(codegen::cpp_string(key)), value(*v)}));
    if (has_properties && (&properties == &empty || properties.empty()))
      s.after.push_back(call_on(e, "add_override", {Code::atom("\"Properties\""), value(*properties_it)}));

    for (const auto& [key, v] : body.items()) {
      if (key == "Type" || key == "Properties") continue;
      if (key == "Condition" && v.is_string()) {
        if (Element* c = declared(v.get<std::string>(), Kind::Condition)) {
          s.after.push_back(statement_on(e, ".options().condition = &" + var_of(*c)));
          continue;
        }
      }
      if (key == "DependsOn" && v.is_array() && !v.empty()) {
        std::vector<Element*> targets;
        for (const auto& d : v) {
          Element* t = d.is_string() ? declared(d.get<std::string>(), Kind::Resource) : nullptr;
          if (!t || std::find(targets.begin(), targets.end(), t) != targets.end()) {
            targets.clear();
            break;
          }
          targets.push_back(t);
        }
        // The library writes DependsOn sorted by the targets' paths (as CDK does); another
        // order is kept with an override.
        if (!std::is_sorted(targets.begin(), targets.end(),
                            [](const Element* a, const Element* b) { return detail::locale_less(a->id, b->id); }))
          targets.clear();
        if (!targets.empty()) {
          for (Element* t : targets) s.after.push_back(call_on(e, "add_depends_on", {Code::atom(var_of(*t))}));
          continue;
        }
      }
      if ((key == "DeletionPolicy" || key == "UpdateReplacePolicy") && v.is_string()) {
        static const std::set<std::string> policies{"Delete", "Retain", "RetainExceptOnCreate", "Snapshot"};
        if (policies.count(v.get<std::string>())) {
          s.after.push_back(statement_on(e, std::string{".options()."} +
                                                (key == "DeletionPolicy" ? "deletion_policy" : "update_replace_policy") +
                                                " = cdk::CfnDeletionPolicy::" + v.get<std::string>()));
          continue;
        }
      }
      if (key == "CreationPolicy" || key == "UpdatePolicy") {
        if (!v.is_null()) {
          s.after.push_back(value(v).with_prefix(var_of(e) + ".options()." +
                                                 (key == "CreationPolicy" ? "creation_policy" : "update_policy") + " = "));
          continue;
        }
      }
      if (key == "Metadata" && v.is_object() && !v.empty() && !is_intrinsic(v, false)) {
        s.after.push_back(map(v).with_prefix(var_of(e) + ".options().metadata = "));
        continue;
      }
      if (key == "Version" && v.is_string()) {
        s.after.push_back(Code::atom(codegen::cpp_string(v.get<std::string>())).with_prefix(var_of(e) + ".options().version = "));
        continue;
      }
      // DependsOn written as one name, attributes the options cannot hold: written as they
      // are, with an override of the rendered resource.
      s.after.push_back(call_on(e, "add_override", {Code::atom(codegen::cpp_string(escape_path(key))), value(v)}));
    }
    return s;
  }

  // --- the program -------------------------------------------------------------------------

  std::string assemble(const std::vector<std::pair<std::string, std::vector<Statement>>>& sections) {
    std::string out;
    out += "// Generated by `cdkpp migrate` from " + options_.source + ".\n";
    out += "// Running it synthesizes a template equal to that one. Review it, give things better\n"
           "// names, and replace groups of resources with higher-level constructs where they fit.\n";
    out += "#include <cdk/cdk.hpp>\n";
    for (const auto& header : includes_) out += "#include <" + header + ">\n";
    out += "\nint main(int argc, char** argv) {\n  cdk::App app{argc, argv};\n";

    std::vector<Code> stack_props;
    if (auto it = tpl_.find("Description"); it != tpl_.end()) {
      if (!it->is_string()) fail(errc::MigrateInvalidTemplate, "Description is not a string");
      stack_props.push_back(Code::atom(string_literal(it->get<std::string>())).with_prefix(".description = "));
    }
    if (!default_synthesizer_)
      stack_props.push_back(Code::atom("cdk::LegacyStackSynthesizer{}").with_prefix(".synthesizer = "));
    else if (qualifier_ != "hnb659fds")
      stack_props.push_back(Code::atom("cdk::DefaultStackSynthesizer{.qualifier = " + codegen::cpp_string(qualifier_) + "}")
                                .with_prefix(".synthesizer = "));
    std::vector<Code> args{Code::atom(codegen::cpp_string(stack_id()))};
    if (!stack_props.empty()) args.push_back(Code::list("{", std::move(stack_props), "}"));
    out += "  auto& stack = " + layout(Code::call("app.add<cdk::Stack>", std::move(args)), 2) + ";\n";
    if (auto it = tpl_.find("AWSTemplateFormatVersion"); it != tpl_.end()) {
      if (!it->is_string()) fail(errc::MigrateInvalidTemplate, "AWSTemplateFormatVersion is not a string");
      out += "  stack.template_options().template_format_version = " + codegen::cpp_string(it->get<std::string>()) + ";\n";
    }
    if (auto it = tpl_.find("Metadata"); it != tpl_.end()) {
      if (!it->is_object()) fail(errc::MigrateInvalidTemplate, "Metadata is not an object");
      if (!it->empty()) out += "  " + layout(map(*it).with_prefix("stack.template_options().metadata = "), 2) + ";\n";
    }
    if (auto it = tpl_.find("Transform"); it != tpl_.end()) {
      const bool one = it->is_string();
      const bool many = it->is_array() && it->size() > 1 &&
                        std::all_of(it->begin(), it->end(), [](const Json& t) { return t.is_string(); });
      if (!one && !many)
        fail(errc::MigrateUnsupported, "Transform " + it->dump() +
                                           ": the library writes one macro name as a string or several as a list");
      for (const auto& t : one ? Json::array({*it}) : *it)
        out += "  stack.add_transform(" + codegen::cpp_string(t.get<std::string>()) + ");\n";
    }

    for (const auto& [name, statements] : sections) {
      if (statements.empty()) continue;
      out += "\n  // " + name + "\n";
      bool previous_multiline = false;
      for (std::size_t i = 0; i < statements.size(); ++i) {
        const Statement& s = statements[i];
        const bool needs_var = s.element->used || !s.after.empty();
        std::string text = "  " + layout(std::move(Code{s.declaration}).with_prefix(needs_var ? "auto& " + s.element->var + " = " : ""), 2) + ";\n";
        for (const auto& a : s.after) text += "  " + layout(a, 2) + ";\n";
        const bool multiline = std::count(text.begin(), text.end(), '\n') > 1;
        if (i > 0 && (multiline || previous_multiline)) out += "\n";
        out += text;
        previous_multiline = multiline;
      }
    }
    out += "  return app.synth_main();\n}\n";
    return out;
  }

  std::string stack_id() const { return options_.stack_id.empty() ? default_stack_id(options_.source) : options_.stack_id; }

  const Json& tpl_;
  const Options& options_;
  TypeCatalog catalog_;
  std::vector<std::unique_ptr<Element>> elements_;
  std::map<std::string, Element*> by_id_;
  std::set<std::string> skipped_;
  std::set<std::string> includes_;
  std::vector<std::string> notes_;
  bool default_synthesizer_ = false;
  std::string qualifier_;
};

}  // namespace

Result migrate_template(const synth::Json& tpl, const Options& options) { return Migrator{tpl, options}.run(); }

std::string default_stack_id(const std::string& path) {
  std::string name = std::filesystem::path{path}.filename().string();
  for (const char* suffix : {".template.json", ".template.yaml", ".template.yml", ".json", ".yaml", ".yml", ".template"}) {
    const std::string s = suffix;
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      name.resize(name.size() - s.size());
      break;
    }
  }
  // A stack name is [A-Za-z][A-Za-z0-9-]*.
  std::string out;
  for (char c : name)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') out.push_back(c);
  while (!out.empty() && !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z'))) out.erase(0, 1);
  return out.empty() ? "MigratedStack" : out;
}

}  // namespace cdk::tools::migrate
