#include "cdk/cfn_mapping.hpp"

#include "cdk/fn.hpp"

namespace cdk {

CfnMapping::CfnMapping(Construct& scope, std::string_view id, CfnMappingProps props)
    : CfnElement(scope, id), props_{std::move(props)} {}

void CfnMapping::set_value(std::string top_level_key, std::string second_level_key, Value value) {
  for (auto& [key, inner] : props_.mapping) {
    if (key != top_level_key) continue;
    for (auto& [name, existing] : inner)
      if (name == second_level_key) {
        existing = std::move(value);
        return;
      }
    inner.emplace_back(std::move(second_level_key), std::move(value));
    return;
  }
  props_.mapping.emplace_back(std::move(top_level_key), Map{{std::move(second_level_key), std::move(value)}});
}

Value CfnMapping::find_in_map(Value top_level_key, Value second_level_key) const {
  return Fn::find_in_map(*this, std::move(top_level_key), std::move(second_level_key));
}

const Value* CfnMapping::try_get(std::string_view top_level_key, std::string_view second_level_key) const {
  for (const auto& [key, inner] : props_.mapping) {
    if (key != top_level_key) continue;
    for (const auto& [name, value] : inner)
      if (name == second_level_key) return &value;
  }
  return nullptr;
}

Value CfnMapping::render() const {
  Map body;
  for (const auto& [key, inner] : props_.mapping) body.emplace_back(key, Value{inner});
  return Value{std::move(body)};
}

void CfnMapping::validate_element(std::vector<Diagnostic>& out) const {
  CfnElement::validate_element(out);
  if (props_.mapping.empty()) out.push_back({errc::InvalidMapping, path(), "a mapping needs at least one entry"});
  if (props_.mapping.size() > 200)
    out.push_back({errc::InvalidMapping, path(), "a mapping has at most 200 top-level keys"});
  for (const auto& [key, inner] : props_.mapping) {
    if (inner.empty())
      out.push_back({errc::InvalidMapping, path(), "top-level key '" + key + "' needs at least one attribute"});
    for (const auto& [name, value] : inner)
      if (value.contains_token())
        out.push_back({errc::InvalidMapping, path(),
                       "value at '" + key + "." + name + "' is a token; mappings hold literals only"});
  }
}

}  // namespace cdk
