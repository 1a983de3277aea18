#include "synth/schema_validation.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>

#include "synth/schema_pattern.hpp"

namespace cdk::synth {

namespace {

bool is_dynamic_reference(const std::string& s) { return s.find("{{resolve:") != std::string::npos; }

// Schema patterns are prepared once per synth thread (no lock on the hot path). The
// cache is keyed by the pattern's place in its service's pool, which is unique.
const SchemaPattern* compiled(std::string_view pattern) {
  thread_local std::unordered_map<const char*, std::unique_ptr<SchemaPattern>> cache;
  auto& entry = cache[pattern.data()];
  if (!entry) entry = std::make_unique<SchemaPattern>(pattern);
  return entry->usable() ? entry.get() : nullptr;
}

std::string show(const Json& j) {
  // A string that is not UTF-8 is shown with U+FFFD; template_builder reports it.
  std::string s = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

class Validator {
 public:
  Validator(const ResourceTypeInfo& type, const std::string& path, std::vector<Diagnostic>& out)
      : type_{type}, table_{type.table()}, path_{path}, out_{out} {}

  void check(const Json& value, std::uint32_t shape_index, const std::string& where) {
    if (is_intrinsic(value)) return;
    const Shape& shape = table_.shape(shape_index);
    switch (shape.kind) {
      case ShapeKind::Any: return;
      case ShapeKind::String: return check_string(value, shape, where);
      case ShapeKind::Integer:
      case ShapeKind::Number: return check_number(value, shape, where);
      case ShapeKind::Boolean:
        if (!value.is_boolean() && !(value.is_string() && (value == "true" || value == "false")))
          report(errc::SchemaKind, where, "expects a boolean, got " + show(value));
        return;
      case ShapeKind::Array: return check_array(value, shape, where);
      case ShapeKind::Object: return check_object(value, shape, where);
      case ShapeKind::Map:
        if (!value.is_object()) return report(errc::SchemaKind, where, "expects an object, got " + show(value));
        for (const auto& [key, item] : value.items()) check(item, shape.item, where + "." + key);
        return;
      case ShapeKind::OneOf: return check_one_of(value, shape, where);
    }
  }

 private:
  void report(const char* code, const std::string& where, const std::string& message) {
    out_.push_back({code, path_, std::string{type_.type_name()} + " " + where + ": " + message});
  }

  void check_string(const Json& value, const Shape& shape, const std::string& where) {
    if (value.is_number() || value.is_boolean()) return;  // CloudFormation turns them into strings
    if (!value.is_string()) return report(errc::SchemaKind, where, "expects a string, got " + show(value));
    const auto& s = value.get_ref<const std::string&>();
    if (is_dynamic_reference(s)) return;
    if (const StringList values = table_.enum_values(shape); !values.empty()) {
      if (std::find(values.begin(), values.end(), s) == values.end()) {
        std::string allowed;
        for (std::string_view v : values) (allowed += allowed.empty() ? "" : ", ") += v;
        return report(errc::SchemaEnum, where, "'" + s + "' is not one of " + allowed);
      }
    }
    const auto length = static_cast<std::int64_t>(s.size());
    if (shape.min_length >= 0 && length < shape.min_length)
      report(errc::SchemaLength, where, "'" + s + "' is shorter than " + std::to_string(shape.min_length) + " characters");
    if (shape.max_length >= 0 && length > shape.max_length)
      report(errc::SchemaLength, where, "is longer than " + std::to_string(shape.max_length) + " characters");
    if (const std::string_view pattern = table_.pattern(shape); !pattern.empty()) {
      if (const SchemaPattern* compiled_pattern = compiled(pattern); compiled_pattern && !compiled_pattern->search(s))
        report(errc::SchemaPattern, where, "'" + s + "' does not match " + std::string{pattern});
    }
  }

  void check_number(const Json& value, const Shape& shape, const std::string& where) {
    double n = 0;
    if (value.is_number()) {
      n = value.get<double>();
    } else if (value.is_string()) {  // CloudFormation accepts "5" for 5
      const auto& s = value.get_ref<const std::string&>();
      char* end = nullptr;
      n = std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0') return report(errc::SchemaKind, where, "expects a number, got " + show(value));
    } else {
      return report(errc::SchemaKind, where, "expects a number, got " + show(value));
    }
    if (shape.kind == ShapeKind::Integer && std::floor(n) != n)
      report(errc::SchemaKind, where, "expects an integer, got " + show(value));
    auto text = [](double d) { return number_json(d).dump(); };
    if (const StringList values = table_.enum_values(shape); !values.empty()) {  // allowed values, as JSON text
      const std::string written = text(n);
      bool found = false;
      std::string allowed;
      for (std::string_view v : values) {
        const std::string candidate = text(std::strtod(std::string{v}.c_str(), nullptr));
        found = found || candidate == written;
        allowed += (allowed.empty() ? "" : ", ") + candidate;
      }
      if (!found) report(errc::SchemaEnum, where, written + " is not one of " + allowed);
    }
    if (shape.has_minimum && n < shape.minimum)
      report(errc::SchemaRange, where, show(value) + " is below the minimum " + text(shape.minimum));
    if (shape.has_maximum && n > shape.maximum)
      report(errc::SchemaRange, where, show(value) + " is above the maximum " + text(shape.maximum));
  }

  void check_array(const Json& value, const Shape& shape, const std::string& where) {
    if (!value.is_array()) return report(errc::SchemaKind, where, "expects a list, got " + show(value));
    const auto size = static_cast<std::int64_t>(value.size());
    if (shape.min_items >= 0 && size < shape.min_items)
      report(errc::SchemaItems, where, "has " + std::to_string(size) + " items; at least " + std::to_string(shape.min_items) + " needed");
    if (shape.max_items >= 0 && size > shape.max_items)
      report(errc::SchemaItems, where, "has " + std::to_string(size) + " items; at most " + std::to_string(shape.max_items) + " allowed");
    for (std::size_t i = 0; i < value.size(); ++i) check(value[i], shape.item, where + "[" + std::to_string(i) + "]");
  }

  void check_object(const Json& value, const Shape& shape, const std::string& where) {
    if (!value.is_object()) return report(errc::SchemaKind, where, "expects an object, got " + show(value));
    const auto fields = table_.fields(shape);
    for (const auto& field : fields) {
      const std::string_view name = table_.name(field);
      auto it = value.find(name);
      if (it == value.end()) {
        if (field.required) report(errc::SchemaRequired, where, "required property '" + std::string{name} + "' is missing");
        continue;
      }
      check(*it, field.shape, where + "." + std::string{name});
    }
    if (!shape.closed) return;
    for (const auto& [key, item] : value.items()) {
      bool known = false;
      for (const auto& field : fields) known = known || key == table_.name(field);
      if (!known) report(errc::SchemaUnknown, where, "unknown property '" + key + "'");
    }
  }

  void check_one_of(const Json& value, const Shape& shape, const std::string& where) {
    std::vector<Diagnostic> first_failure;
    const auto alternatives = table_.alternatives(shape);
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      std::vector<Diagnostic> attempt;
      Validator{type_, path_, attempt}.check(value, alternatives[i], where);
      if (attempt.empty()) return;
      if (i == 0) first_failure = std::move(attempt);
    }
    if (!alternatives.empty()) out_.insert(out_.end(), first_failure.begin(), first_failure.end());
  }

  const ResourceTypeInfo& type_;
  const ShapeTable& table_;
  const std::string& path_;
  std::vector<Diagnostic>& out_;
};

}  // namespace

void validate_properties(const ResourceTypeInfo& type, const Json* properties, const std::string& construct_path,
                         std::vector<Diagnostic>& diagnostics) {
  static const Json empty = Json::object();
  Validator{type, construct_path, diagnostics}.check(properties ? *properties : empty, type.properties_shape(), "Properties");
}

}  // namespace cdk::synth
