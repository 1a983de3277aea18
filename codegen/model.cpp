#include "model.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <stdexcept>

namespace codegen {

namespace {

const std::set<std::string>& cpp_keywords() {
  static const std::set<std::string> words{
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
      "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr",
      "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete",
      "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
      "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
      "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
      "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct",
      "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
      "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
      // names that would hide members or macros in user code
      "assert", "errno", "linux", "unix", "major", "minor", "NULL", "EOF"};
  return words;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
  return s;
}


// A schema type list: "string" or ["string", "object"].
std::vector<std::string> types_of(const Json& node) {
  if (!node.contains("type")) return {};
  const Json& t = node["type"];
  if (t.is_string()) return {t.get<std::string>()};
  std::vector<std::string> out;
  for (const auto& x : t)
    if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

class TypeBuilder {
 public:
  TypeBuilder(const Json& schema, ResourceType& type, ShapeTables& tables)
      : schema_{schema}, type_{type}, tables_{tables} {}

  void build() {
    std::set<std::string> read_only;
    for (const auto& p : schema_.value("readOnlyProperties", Json::array())) read_only.insert(p.get<std::string>());
    const Json properties = schema_.value("properties", Json::object());
    std::set<std::string> required;
    for (const auto& r : schema_.value("required", Json::array())) required.insert(r.get<std::string>());

    // Props: every property that is not read-only.
    Struct props{"Props", {}};
    std::set<std::string> used_names;
    Json writable = Json::object();
    for (const auto& [name, node] : properties.items()) {
      if (read_only.count("/properties/" + name)) continue;
      writable[name] = node;
      Field field;
      field.cfn_name = name;
      field.cpp_name = unique_member(identifier(snake_case(name)), used_names);
      field.cpp_type = cpp_type(node, name, field.is_struct);
      field.required = required.count(name) > 0;
      if (field.required && !field.is_struct) {
        field.cpp_type = "Required<" + field.cpp_type + ">";
        type_.has_required = true;
      }
      props.fields.push_back(std::move(field));
    }
    type_.structs.push_back(std::move(props));

    Json root = Json::object();
    root["type"] = "object";
    root["properties"] = writable;
    if (schema_.contains("required")) root["required"] = schema_["required"];
    root["additionalProperties"] = false;
    type_.properties_shape = shape(root);

    for (const auto& p : schema_.value("readOnlyProperties", Json::array())) add_attribute(p.get<std::string>());
  }

 private:
  std::string unique_member(std::string name, std::set<std::string>& used) {
    std::string candidate = name;
    for (int i = 2; used.count(candidate); ++i) candidate = name + "_" + std::to_string(i);
    used.insert(candidate);
    return candidate;
  }

  // Follows "$ref": "#/definitions/X" (possibly chained). Returns the node and the name of
  // the last definition followed, if any.
  std::pair<const Json*, std::string> deref(const Json& node) const {
    const Json* current = &node;
    std::string name;
    for (int hops = 0; hops < 16 && current->contains("$ref") && (*current)["$ref"].is_string(); ++hops) {
      const std::string ref = (*current)["$ref"].get<std::string>();
      const std::string prefix = "#/definitions/";
      if (ref.rfind(prefix, 0) != 0) break;
      name = ref.substr(prefix.size());
      const Json& definitions = schema_.at("definitions");
      if (!definitions.contains(name)) throw std::runtime_error(type_.type_name + ": dangling $ref " + ref);
      current = &definitions[name];
    }
    return {current, name};
  }

  static bool has_object_properties(const Json& node) {
    return node.contains("properties") && node["properties"].is_object() && !node["properties"].empty();
  }

  // The schema of a map's values, when `node` is a string-keyed map.
  static const Json* map_values(const Json& node) {
    if (node.contains("patternProperties") && node["patternProperties"].is_object() &&
        node["patternProperties"].size() == 1)
      return &node["patternProperties"].begin().value();
    if (node.contains("additionalProperties") && node["additionalProperties"].is_object())
      return &node["additionalProperties"];
    return nullptr;
  }

  std::string cpp_type(const Json& raw, const std::string& context, bool& is_struct) {
    is_struct = false;
    auto [node_ptr, definition] = deref(raw);
    const Json& node = *node_ptr;
    auto types = types_of(node);
    if (types.size() > 1) return "Json";
    // Without a type of its own, a oneOf/anyOf/allOf is a union of shapes. With one, the
    // combinators only constrain (formats, required combinations) and the type decides.
    if (types.empty() && (node.contains("oneOf") || node.contains("anyOf") || node.contains("allOf"))) return "Json";
    const std::string t = types.empty() ? (has_object_properties(node) ? "object" : "") : types.front();
    if (t == "string") return "Str";
    if (t == "integer" || t == "number") return "Num";
    if (t == "boolean") return "Bool";
    if (t == "array") {
      if (!node.contains("items") || !node["items"].is_object()) return "ListOf<Json>";
      bool item_struct = false;
      return "ListOf<" + cpp_type(node["items"], context, item_struct) + ">";
    }
    if (t == "object") {
      if (has_object_properties(node)) {
        std::string name = struct_for(node, definition.empty() ? context : definition, !definition.empty());
        if (name.empty()) return "Json";  // a cycle: the struct is still being defined
        is_struct = true;
        return name;
      }
      if (const Json* values = map_values(node)) {
        bool value_struct = false;
        return "MapOf<" + cpp_type(*values, context, value_struct) + ">";
      }
    }
    return "Json";
  }

  // The nested struct for an object schema; "" when it is being defined (recursion).
  std::string struct_for(const Json& node, const std::string& base, bool from_definition) {
    const std::string key = from_definition ? "def:" + base : "inline:" + std::to_string(reinterpret_cast<std::uintptr_t>(&node));
    if (auto it = struct_names_.find(key); it != struct_names_.end()) {
      if (in_progress_.count(key)) return "";
      return it->second;
    }
    std::string name = identifier(base + "Property");
    for (int i = 2; used_struct_names_.count(name) || name == type_.class_name; ++i)
      name = identifier(base + "Property" + std::to_string(i));
    used_struct_names_.insert(name);
    struct_names_[key] = name;
    in_progress_.insert(key);

    Struct s{name, {}};
    std::set<std::string> used;
    for (const auto& [prop, child] : node["properties"].items()) {
      Field field;
      field.cfn_name = prop;
      field.cpp_name = unique_member(identifier(snake_case(prop)), used);
      field.cpp_type = cpp_type(child, prop, field.is_struct);
      s.fields.push_back(std::move(field));
    }
    in_progress_.erase(key);
    type_.structs.push_back(std::move(s));  // after the structs it uses
    return name;
  }

  // Builds the shape of `raw` and returns its index.
  unsigned shape(const Json& raw) {
    auto [node_ptr, definition] = deref(raw);
    const Json& node = *node_ptr;
    if (!definition.empty()) {
      if (auto it = definition_shapes_.find(definition); it != definition_shapes_.end()) return it->second;
    }
    const unsigned index = static_cast<unsigned>(tables_.shapes.size());
    tables_.shapes.emplace_back();
    if (!definition.empty()) definition_shapes_[definition] = index;  // before recursing: cycles end here
    ShapeData data = shape_data(node);
    tables_.shapes[index] = std::move(data);
    return index;
  }

  ShapeData shape_data(const Json& node) {
    ShapeData d;
    if (node.contains("oneOf") || node.contains("anyOf")) {
      const Json& members = node.contains("oneOf") ? node["oneOf"] : node["anyOf"];
      // Members that only add "required" to the enclosing object are constraints we do
      // not check; only real alternative schemas become a OneOf.
      bool all_schemas = true;
      for (const auto& m : members) all_schemas = all_schemas && (m.contains("type") || m.contains("$ref"));
      if (all_schemas && members.is_array() && !members.empty()) {
        std::vector<unsigned> alternatives;
        for (const auto& m : members) alternatives.push_back(shape(m));
        d.kind = "OneOf";
        d.first = static_cast<unsigned>(tables_.alternatives.size());
        d.count = static_cast<unsigned>(alternatives.size());
        tables_.alternatives.insert(tables_.alternatives.end(), alternatives.begin(), alternatives.end());
        return d;
      }
    }
    auto types = types_of(node);
    if (types.size() > 1) return d;  // Any
    const std::string t = types.empty() ? (has_object_properties(node) ? "object" : "") : types.front();
    if (t == "string") {
      d.kind = "String";
      if (node.contains("pattern") && node["pattern"].is_string()) d.pattern = node["pattern"].get<std::string>();
      if (node.contains("minLength")) d.min_length = node["minLength"].get<long long>();
      if (node.contains("maxLength")) d.max_length = node["maxLength"].get<long long>();
      if (node.contains("enum") && node["enum"].is_array()) {
        d.first = static_cast<unsigned>(tables_.strings.size());
        for (const auto& e : node["enum"])
          if (e.is_string()) tables_.strings.push_back(e.get<std::string>());
        d.count = static_cast<unsigned>(tables_.strings.size()) - d.first;
      }
    } else if (t == "integer" || t == "number") {
      d.kind = t == "integer" ? "Integer" : "Number";
      if (node.contains("minimum") && node["minimum"].is_number()) {
        d.has_minimum = true;
        d.minimum = node["minimum"].get<double>();
      }
      if (node.contains("maximum") && node["maximum"].is_number()) {
        d.has_maximum = true;
        d.maximum = node["maximum"].get<double>();
      }
      // Allowed numbers are kept as their JSON text ("7"), as the validator prints them.
      if (node.contains("enum") && node["enum"].is_array()) {
        d.first = static_cast<unsigned>(tables_.strings.size());
        for (const auto& e : node["enum"])
          if (e.is_number()) tables_.strings.push_back(e.dump());
        d.count = static_cast<unsigned>(tables_.strings.size()) - d.first;
      }
    } else if (t == "boolean") {
      d.kind = "Boolean";
    } else if (t == "array") {
      d.kind = "Array";
      if (node.contains("minItems")) d.min_items = node["minItems"].get<long long>();
      if (node.contains("maxItems")) d.max_items = node["maxItems"].get<long long>();
      Json any = Json::object();
      d.item = shape(node.contains("items") && node["items"].is_object() ? node["items"] : any);
    } else if (t == "object") {
      if (has_object_properties(node)) {
        std::set<std::string> required;
        for (const auto& r : node.value("required", Json::array()))
          if (r.is_string()) required.insert(r.get<std::string>());
        std::vector<ShapeFieldData> fields;
        for (const auto& [name, child] : node["properties"].items())
          fields.push_back({name, shape(child), required.count(name) > 0});
        d.kind = "Object";
        d.closed = node.contains("additionalProperties") && node["additionalProperties"].is_boolean() &&
                   !node["additionalProperties"].get<bool>();
        d.first = static_cast<unsigned>(tables_.fields.size());
        d.count = static_cast<unsigned>(fields.size());
        tables_.fields.insert(tables_.fields.end(), fields.begin(), fields.end());
      } else if (const Json* values = map_values(node)) {
        d.kind = "Map";
        d.item = shape(*values);
      } else {
        d.kind = "Any";  // free-form JSON
      }
    }
    return d;
  }

  void add_attribute(const std::string& pointer) {
    const std::string prefix = "/properties/";
    if (pointer.rfind(prefix, 0) != 0 || !schema_.contains("properties")) return;
    std::vector<std::string> parts;
    std::string rest = pointer.substr(prefix.size());
    for (std::size_t start = 0;;) {
      auto slash = rest.find('/', start);
      parts.push_back(rest.substr(start, slash - start));
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    // Walk the schema to find the attribute's kind.
    const Json* node = &schema_["properties"];
    std::string token_type = "String";
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (!node->is_object() || !node->contains(parts[i])) {
        node = nullptr;
        break;
      }
      const Json* child = deref((*node)[parts[i]]).first;
      if (i + 1 == parts.size()) {
        auto types = types_of(*child);
        if (types.size() == 1 && types[0] == "array") token_type = "List";
        if (types.size() == 1 && (types[0] == "integer" || types[0] == "number")) token_type = "Number";
      } else {
        node = child->contains("properties") ? &(*child)["properties"] : nullptr;
        if (!node) break;
      }
    }
    Attribute a;
    for (std::size_t i = 0; i < parts.size(); ++i) a.name += (i ? "." : "") + parts[i];
    a.accessor = "attr";
    for (const auto& p : parts) a.accessor += "_" + snake_case(p);
    for (const auto& existing : type_.attributes)
      if (existing.accessor == a.accessor) return;
    a.token_type = token_type;
    type_.attributes.push_back(std::move(a));
  }

  const Json& schema_;
  ResourceType& type_;
  ShapeTables& tables_;
  std::map<std::string, std::string> struct_names_;
  std::set<std::string> in_progress_;
  std::set<std::string> used_struct_names_{"Props"};
  std::map<std::string, unsigned> definition_shapes_;
};

std::vector<std::string> strings_of(const Json& schema, const char* key, bool strip_prefix) {
  std::vector<std::string> out;
  for (const auto& p : schema.value(key, Json::array())) {
    std::string s = p.get<std::string>();
    if (strip_prefix && s.rfind("/properties/", 0) == 0) s = replace_all(s.substr(12), "/", ".");
    out.push_back(s);
  }
  return out;
}

}  // namespace

std::string identifier(std::string name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) name = "_" + name;
  if (cpp_keywords().count(name)) name += "_";
  return name;
}

std::string snake_case(const std::string& raw) {
  // Acronyms CloudFormation spells with a lower-case letter inside.
  std::string name = replace_all(replace_all(raw, "IPv6", "Ipv6"), "IPv4", "Ipv4");
  // A plural acronym ("ARNs", "IDs") is one word: upper-case its 's' so the run stays whole.
  for (std::size_t i = 2; i < name.size(); ++i) {
    const bool acronym = std::isupper(static_cast<unsigned char>(name[i - 1])) &&
                         std::isupper(static_cast<unsigned char>(name[i - 2]));
    const bool word_ends = i + 1 == name.size() || !std::islower(static_cast<unsigned char>(name[i + 1]));
    if (name[i] == 's' && acronym && word_ends) name[i] = 'S';
  }
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool upper = std::isupper(static_cast<unsigned char>(c));
    if (upper && i > 0) {
      const char prev = name[i - 1];
      const bool next_lower = i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]));
      // "VPCId" -> vpc_id: break before an upper case letter that follows a lower case
      // letter or digit, or that starts a word after an acronym.
      if (std::islower(static_cast<unsigned char>(prev)) || std::isdigit(static_cast<unsigned char>(prev)) ||
          (std::isupper(static_cast<unsigned char>(prev)) && next_lower))
        out.push_back('_');
    }
    if (std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    else if (!out.empty() && out.back() != '_')
      out.push_back('_');
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::string cpp_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\x";
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 15]);
          out += "\"\"";  // end the escape so a following hex digit is not swallowed
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

Service build_service(const std::string& file_stem, const Json& schemas) {
  Service service;
  service.file_stem = file_stem;
  service.ns = file_stem.rfind("aws_", 0) == 0 ? file_stem.substr(4) : file_stem;
  for (const auto& [type_name, schema] : schemas.items()) {
    ResourceType type;
    type.type_name = type_name;
    type.name = type_name.substr(type_name.rfind("::") + 2);
    type.class_name = "Cfn" + type.name;
    type.header = "cdk/" + service.ns + "/cfn_" + snake_case(type.name) + ".hpp";
    const auto parts_begin = type_name.find("::") + 2;
    const std::string service_name = type_name.substr(parts_begin, type_name.rfind("::") - parts_begin);
    std::string page = "aws-resource-" + service_name + "-" + type.name + ".html";
    std::transform(page.begin(), page.end(), page.begin(), [](unsigned char c) { return std::tolower(c); });
    type.documentation_url = schema.value(
        "documentationUrl", "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/" + page);
    type.primary_identifier = strings_of(schema, "primaryIdentifier", true);
    type.create_only = strings_of(schema, "createOnlyProperties", true);
    type.write_only = strings_of(schema, "writeOnlyProperties", true);
    if (schema.contains("tagging") && schema["tagging"].is_object()) {
      const Json& tagging = schema["tagging"];
      type.taggable = tagging.value("taggable", true);
      type.tag_on_create = tagging.value("tagOnCreate", false);
      type.tag_updatable = tagging.value("tagUpdatable", false);
      std::string tag_property = tagging.value("tagProperty", std::string{});
      if (tag_property.rfind("/properties/", 0) == 0) tag_property = tag_property.substr(12);
      if (type.taggable && tag_property.empty() && schema.value("properties", Json::object()).contains("Tags"))
        tag_property = "Tags";
      type.tag_property = type.taggable ? tag_property : "";
    }
    type.tag_format = "None";
    if (!type.tag_property.empty() && schema.contains("properties") && schema["properties"].contains(type.tag_property)) {
      const Json* node = &schema["properties"][type.tag_property];
      auto types = types_of(*node);
      if (types == std::vector<std::string>{"array"}) {
        const Json* items = node->contains("items") ? &(*node)["items"] : nullptr;
        if (items && items->contains("$ref")) {
          std::string ref = (*items)["$ref"].get<std::string>();
          std::string name = ref.substr(ref.rfind('/') + 1);
          items = schema.contains("definitions") && schema["definitions"].contains(name) ? &schema["definitions"][name]
                                                                                        : nullptr;
        }
        bool propagate = items && items->contains("properties") && (*items)["properties"].contains("PropagateAtLaunch");
        type.tag_format = propagate ? "AutoScaling" : "KeyValueList";
      } else if (types == std::vector<std::string>{"object"} || types.empty()) {
        type.tag_format = "Map";
      }
    }
    TypeBuilder{schema, type, service.tables}.build();
    service.types.push_back(std::move(type));
  }
  return service;
}

}  // namespace codegen
