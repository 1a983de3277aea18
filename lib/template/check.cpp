#include "template/check.hpp"

#include <initializer_list>
#include <string_view>

#include "cdk/errors.hpp"
#include "template/intrinsics.hpp"

namespace cdk::template_io {

using Json = synth::Json;

std::string dotted(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& p : path) out += (out.empty() ? "" : ".") + p;
  return out;
}

namespace {

const char* kind_of(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object: return "a map";
    case Json::value_t::array: return "a list";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::null: return "null";
    default: return "a number";
  }
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (s == w) return true;
  return false;
}

bool is_intrinsic_object(const Json& j) {
  if (!j.is_object() || j.size() != 1) return false;
  const std::string& key = j.begin().key();
  return key == "Ref" || key.rfind("Fn::", 0) == 0 || (key == "Condition" && j.begin().value().is_string());
}

class Checker {
 public:
  void run(const Json& root) {
    if (!root.is_object()) fail("a template must be a map of sections (Resources, Parameters, ...), not " + std::string{kind_of(root)});
    for (const auto& [name, body] : root.items()) {
      Scope scope{*this, name};
      if (name == "AWSTemplateFormatVersion" || name == "Description") {
        expect(body.is_string(), name + " must be a string, not " + kind_of(body));
      } else if (name == "Metadata") {
        expect(body.is_object(), "Metadata must be a map, not " + std::string{kind_of(body)});
        value(body);
      } else if (name == "Parameters") {
        each_entry(body, "Parameters", [&](const std::string& id, const Json& p) { parameter(id, p); });
      } else if (name == "Rules") {
        each_entry(body, "Rules", [&](const std::string& id, const Json& r) { rule(id, r); });
      } else if (name == "Mappings") {
        each_entry(body, "Mappings", [&](const std::string& id, const Json& m) { mapping(id, m); });
      } else if (name == "Conditions") {
        each_entry(body, "Conditions", [&](const std::string& id, const Json& c) {
          expect(is_intrinsic_object(c), "condition '" + id + "' must be a condition function (Fn::Equals, Fn::And, ...), not " +
                                             kind_of(c));
          value(c);
        });
      } else if (name == "Transform") {
        transform(body);
      } else if (name == "Resources") {
        each_entry(body, "Resources", [&](const std::string& id, const Json& r) { resource(id, r); });
      } else if (name == "Outputs") {
        each_entry(body, "Outputs", [&](const std::string& id, const Json& o) { output(id, o); });
      } else if (name == "Hooks") {
        expect(body.is_object(), "Hooks must be a map, not " + std::string{kind_of(body)});
      } else {
        fail("unknown template section '" + name +
             "' (AWSTemplateFormatVersion, Description, Metadata, Parameters, Rules, Mappings, Conditions, "
             "Transform, Resources, Outputs, Hooks)");
      }
    }
  }

  std::optional<TemplateProblem> problem;
  struct Failed {};

 private:
  // Pushes a path component for the lifetime of the scope.
  struct Scope {
    Scope(Checker& c, std::string component) : checker{c} { c.path_.push_back(std::move(component)); }
    ~Scope() { checker.path_.pop_back(); }
    Checker& checker;
  };

  [[noreturn]] void fail(std::string message, const char* code = errc::TemplateMalformed) {
    problem = TemplateProblem{code, path_, std::move(message)};
    throw Failed{};
  }
  void expect(bool ok, const std::string& message) {
    if (!ok) fail(message);
  }

  template <class F>
  void each_entry(const Json& section, const std::string& name, F&& f) {
    expect(section.is_object(), name + " must be a map of logical ids, not " + kind_of(section));
    for (const auto& [id, body] : section.items()) {
      Scope scope{*this, id};
      f(id, body);
    }
  }

  void allowed_keys(const Json& body, const std::string& what, std::initializer_list<std::string_view> keys) {
    for (const auto& [key, v] : body.items())
      if (!one_of(key, keys)) {
        Scope scope{*this, key};
        fail("unknown attribute '" + key + "' of " + what);
      }
  }

  void parameter(const std::string& id, const Json& p) {
    expect(p.is_object(), "parameter '" + id + "' must be a map, not " + kind_of(p));
    allowed_keys(p, "parameter '" + id + "'",
                 {"Type", "Default", "AllowedValues", "AllowedPattern", "ConstraintDescription", "Description",
                  "MaxLength", "MaxValue", "MinLength", "MinValue", "NoEcho"});
    auto type = p.find("Type");
    expect(type != p.end(), "parameter '" + id + "' needs a Type");
    Scope scope{*this, "Type"};
    expect(type->is_string(), "the Type of parameter '" + id + "' must be a string, not " + kind_of(*type));
  }

  void rule(const std::string& id, const Json& r) {
    expect(r.is_object(), "rule '" + id + "' must be a map, not " + kind_of(r));
    allowed_keys(r, "rule '" + id + "'", {"RuleCondition", "Assertions"});
    auto assertions = r.find("Assertions");
    expect(assertions != r.end(), "rule '" + id + "' needs Assertions");
    {
      Scope scope{*this, "Assertions"};
      expect(assertions->is_array(), "the Assertions of rule '" + id + "' must be a list, not " + kind_of(*assertions));
      for (std::size_t i = 0; i < assertions->size(); ++i) {
        Scope item{*this, std::to_string(i)};
        const Json& a = (*assertions)[i];
        expect(a.is_object() && a.contains("Assert"), "an assertion of rule '" + id + "' must be a map with Assert");
        allowed_keys(a, "an assertion of rule '" + id + "'", {"Assert", "AssertDescription"});
      }
    }
    value(r);
  }

  void mapping(const std::string& id, const Json& m) {
    expect(m.is_object(), "mapping '" + id + "' must be a map, not " + kind_of(m));
    for (const auto& [key, inner] : m.items()) {
      Scope scope{*this, key};
      expect(inner.is_object(), "entry '" + key + "' of mapping '" + id + "' must be a map, not " + kind_of(inner));
    }
  }

  void transform(const Json& t) {
    auto one = [&](const Json& item) {
      if (item.is_string()) return;
      expect(item.is_object() && item.contains("Name"), "a transform is a macro name or a map with Name and Parameters");
      value(item);
    };
    if (t.is_array()) {
      for (std::size_t i = 0; i < t.size(); ++i) {
        Scope scope{*this, std::to_string(i)};
        one(t[i]);
      }
    } else {
      one(t);
    }
  }

  void resource(const std::string& id, const Json& r) {
    // AWS::LanguageExtensions loops stand where resources do.
    if (id.rfind("Fn::ForEach::", 0) == 0) return value(r);
    expect(r.is_object(), "resource '" + id + "' must be a map, not " + kind_of(r));
    allowed_keys(r, "resource '" + id + "'",
                 {"Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "Metadata",
                  "CreationPolicy", "UpdatePolicy", "Version", "Description"});
    auto type = r.find("Type");
    expect(type != r.end(), "resource '" + id + "' needs a Type");
    for (const auto& [key, v] : r.items()) {
      Scope scope{*this, key};
      if (key == "Type") {
        expect(v.is_string() && !v.get_ref<const std::string&>().empty(),
               "the Type of resource '" + id + "' must be a resource type name, not " + kind_of(v));
      } else if (key == "Properties") {
        expect(v.is_object(), "the Properties of resource '" + id + "' must be a map, not " + kind_of(v));
      } else if (key == "DependsOn") {
        bool ok = v.is_string();
        if (v.is_array()) {
          ok = true;
          for (const auto& d : v) ok = ok && d.is_string();
        }
        expect(ok, "DependsOn of resource '" + id + "' must be a logical id or a list of them");
      } else if (key == "Condition") {
        expect(v.is_string(), "the Condition of resource '" + id + "' must be a condition name, not " + kind_of(v));
      } else if (key == "DeletionPolicy" || key == "UpdateReplacePolicy") {
        expect(v.is_string() || is_intrinsic_object(v), key + " of resource '" + id + "' must be a string, not " + kind_of(v));
      } else if (key == "Metadata" || key == "CreationPolicy" || key == "UpdatePolicy") {
        expect(v.is_object(), key + " of resource '" + id + "' must be a map, not " + kind_of(v));
      }
      value(v);
    }
  }

  void output(const std::string& id, const Json& o) {
    expect(o.is_object(), "output '" + id + "' must be a map, not " + kind_of(o));
    allowed_keys(o, "output '" + id + "'", {"Value", "Description", "Export", "Condition"});
    expect(o.contains("Value"), "output '" + id + "' needs a Value");
    if (auto e = o.find("Export"); e != o.end()) {
      Scope scope{*this, "Export"};
      expect(e->is_object() && e->contains("Name"), "the Export of output '" + id + "' must be a map with a Name");
    }
    if (auto d = o.find("Description"); d != o.end()) {
      Scope scope{*this, "Description"};
      expect(d->is_string(), "the Description of output '" + id + "' must be a string, not " + kind_of(*d));
    }
    if (auto c = o.find("Condition"); c != o.end()) {
      Scope scope{*this, "Condition"};
      expect(c->is_string(), "the Condition of output '" + id + "' must be a condition name, not " + kind_of(*c));
    }
    value(o);
  }

  // Any value: intrinsics inside it must be known and well formed.
  void value(const Json& v) {
    if (v.is_array()) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        Scope scope{*this, std::to_string(i)};
        value(v[i]);
      }
      return;
    }
    if (!v.is_object()) return;
    if (v.size() == 1) {
      const std::string& key = v.begin().key();
      if (key == "Ref" || key.rfind("Fn::", 0) == 0) return intrinsic(key, v.begin().value());
    }
    for (const auto& [key, item] : v.items()) {
      Scope scope{*this, key};
      value(item);
    }
  }

  void list_of(const std::string& name, const Json& arg, std::size_t min, std::size_t max, const std::string& form) {
    expect(arg.is_array() && arg.size() >= min && arg.size() <= max, name + " needs " + form + ", not " +
                                                                          (arg.is_array() ? "a list of " + std::to_string(arg.size())
                                                                                          : std::string{kind_of(arg)}));
  }

  void intrinsic(const std::string& name, const Json& arg) {
    Scope scope{*this, name};
    if (!is_known_intrinsic(name)) fail("unknown intrinsic function '" + name + "'", errc::TemplateUnknownIntrinsic);
    const bool list_or_token = arg.is_array() || is_intrinsic_object(arg);
    if (name == "Ref") {
      expect(arg.is_string() && !arg.get_ref<const std::string&>().empty(),
             "Ref needs the logical id of a parameter or resource (a string), not " + std::string{kind_of(arg)});
    } else if (name == "Fn::GetAtt") {
      if (arg.is_string()) {
        const auto& s = arg.get_ref<const std::string&>();
        const auto dot = s.find('.');
        expect(dot != std::string::npos && dot > 0 && dot + 1 < s.size(),
               "Fn::GetAtt needs [LogicalId, Attribute] or \"LogicalId.Attribute\", not '" + s + "'");
      } else {
        list_of(name, arg, 2, 2, "[LogicalId, Attribute]");
        expect(arg[0].is_string() && !arg[0].get_ref<const std::string&>().empty(),
               "Fn::GetAtt needs a logical id (a string) first, not " + std::string{kind_of(arg[0])});
        expect(arg[1].is_string() || is_intrinsic_object(arg[1]),
               "Fn::GetAtt needs an attribute name (a string) second, not " + std::string{kind_of(arg[1])});
      }
    } else if (name == "Fn::Join") {
      list_of(name, arg, 2, 2, "[delimiter, [values]]");
      expect(arg[0].is_string(), "Fn::Join needs a delimiter string first, not " + std::string{kind_of(arg[0])});
      expect(arg[1].is_array() || is_intrinsic_object(arg[1]), "Fn::Join needs a list of values second, not " +
                                                                   std::string{kind_of(arg[1])});
    } else if (name == "Fn::Select") {
      list_of(name, arg, 2, 2, "[index, list]");
      expect(arg[0].is_number_integer() || arg[0].is_string() || is_intrinsic_object(arg[0]),
             "Fn::Select needs an index first, not " + std::string{kind_of(arg[0])});
      expect(arg[1].is_array() || is_intrinsic_object(arg[1]), "Fn::Select needs a list second, not " +
                                                                   std::string{kind_of(arg[1])});
    } else if (name == "Fn::Split") {
      list_of(name, arg, 2, 2, "[delimiter, string]");
      expect(arg[0].is_string(), "Fn::Split needs a delimiter string first, not " + std::string{kind_of(arg[0])});
    } else if (name == "Fn::Sub") {
      if (!arg.is_string()) {
        list_of(name, arg, 1, 2, "a string or [string, {variables}]");
        expect(arg[0].is_string(), "Fn::Sub needs a string first, not " + std::string{kind_of(arg[0])});
        if (arg.size() == 2)
          expect(arg[1].is_object(), "Fn::Sub needs a map of variables second, not " + std::string{kind_of(arg[1])});
      }
    } else if (name == "Fn::If") {
      list_of(name, arg, 3, 3, "[condition name, value if true, value if false]");
      expect(arg[0].is_string(), "Fn::If needs a condition name first, not " + std::string{kind_of(arg[0])});
    } else if (name == "Fn::Not") {
      list_of(name, arg, 1, 1, "a list of one condition");
    } else if (name == "Fn::And" || name == "Fn::Or") {
      list_of(name, arg, 2, 10, "a list of 2 to 10 conditions");
    } else if (name == "Fn::Equals") {
      list_of(name, arg, 2, 2, "a list of two values");
    } else if (name == "Fn::FindInMap") {
      list_of(name, arg, 3, 4, "[mapping name, top-level key, second-level key]");
      expect(arg[0].is_string() || is_intrinsic_object(arg[0]), "Fn::FindInMap needs a mapping name first, not " +
                                                                    std::string{kind_of(arg[0])});
    } else if (name == "Fn::Cidr") {
      list_of(name, arg, 2, 3, "[ip block, count, cidr bits]");
    } else if (name == "Condition") {
      expect(arg.is_string(), "Condition needs a condition name");
    } else if (name == "Fn::GetAZs" || name == "Fn::ImportValue") {
      expect(arg.is_string() || is_intrinsic_object(arg),
             name + " needs a string or a function, not " + std::string{kind_of(arg)});
    } else if (name == "Fn::Length") {
      expect(list_or_token, "Fn::Length needs a list, not " + std::string{kind_of(arg)});
    }
    value(arg);
  }

  std::vector<std::string> path_;
};

}  // namespace

std::optional<TemplateProblem> check_template(const Json& root) {
  Checker checker;
  try {
    checker.run(root);
  } catch (const Checker::Failed&) {
  }
  return checker.problem;
}

}  // namespace cdk::template_io
