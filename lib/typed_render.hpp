// Rendering of typed property values (include/cdk/typed.hpp) into Values; used by the
// generated resource classes. Unset values are skipped, so only what a user set appears.
#pragma once

#include "cdk/typed.hpp"
#include "cdk/value.hpp"
#include "detail/map_entry.hpp"

namespace cdk {

inline Value to_value(const Str& v) { return v.value(); }
inline Value to_value(const Num& v) { return v.value(); }
inline Value to_value(const Bool& v) { return v.value(); }
inline Value to_value(const Json& v) { return v.value(); }

template <class T>
Value to_value(const ListOf<T>& v) {
  if (v.is_token()) return v.token();
  List out;
  out.reserve(v.items().size());
  for (const auto& item : v.items()) out.push_back(to_value(item));  // structs: found by ADL
  return Value{std::move(out)};
}

template <class T>
Value to_value(const MapOf<T>& v) {
  if (v.is_token()) return v.token();
  Map out;
  out.reserve(v.entries().size());
  for (const auto& [key, item] : v.entries()) out.emplace_back(key, to_value(item));
  return Value{std::move(out)};
}

template <class T>
void put(Map& out, const char* name, const T& v) {
  if (v.is_set()) out.emplace_back(name, to_value(v));
}

/// A nested struct is rendered when any of its fields is set.
template <class T>
void put_struct(Map& out, const char* name, const T& v) {
  Value rendered = to_value(v);
  if (!rendered.as_map().empty()) out.emplace_back(name, std::move(rendered));
}

// Reading a template's property into a typed field (CfnInclude): true when the value fits
// the field as written, so that rendering it gives the same JSON back; false leaves the
// property to be kept as written. Tokens (intrinsics) fit every field.
inline bool from_cfn(const Value& v, Str& out) {
  if (!v.is_string() && !v.is_token()) return false;
  out = Str{v};
  return true;
}
inline bool from_cfn(const Value& v, Num& out) {
  if (!v.is_number() && !v.is_token()) return false;
  out = Num{v};
  return true;
}
inline bool from_cfn(const Value& v, Bool& out) {
  if (v.kind() != Value::Kind::Bool && !v.is_token()) return false;
  out = Bool{v};
  return true;
}
inline bool from_cfn(const Value& v, Json& out) {
  if (v.is_null()) return false;
  out = Json{v};
  return true;
}

template <class T>
bool from_cfn(const Value& v, ListOf<T>& out) {
  if (v.is_token()) {
    out = ListOf<T>{v};
    return true;
  }
  if (!v.is_list()) return false;
  std::vector<T> items;
  items.reserve(v.as_list().size());
  for (const auto& item : v.as_list()) {
    T typed{};
    if (!from_cfn(item, typed)) return false;  // structs: found by ADL
    items.push_back(std::move(typed));
  }
  out = ListOf<T>{std::move(items)};
  return true;
}

template <class T>
bool from_cfn(const Value& v, MapOf<T>& out) {
  if (v.is_token()) {
    out = MapOf<T>{v};
    return true;
  }
  if (!v.is_map()) return false;
  std::vector<std::pair<std::string, T>> entries;
  entries.reserve(v.as_map().size());
  for (const auto& [key, item] : v.as_map()) {
    T typed{};
    if (!from_cfn(item, typed)) return false;
    entries.emplace_back(key, std::move(typed));
  }
  out = MapOf<T>{std::move(entries)};
  return true;
}

/// Properties set with set_property() (or given as a Map) on a typed resource; they
/// replace typed ones of the same name.
inline void merge_properties(Map& out, const Map& extra) {
  for (const auto& [key, value] : extra) detail::set_entry(out, key, value);
}

}  // namespace cdk
