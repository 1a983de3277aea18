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

/// Properties set with set_property() (or given as a Map) on a typed resource; they
/// replace typed ones of the same name.
inline void merge_properties(Map& out, const Map& extra) {
  for (const auto& [key, value] : extra) detail::set_entry(out, key, value);
}

}  // namespace cdk
