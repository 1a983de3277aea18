// Typed property values for the generated resource classes (L1).
//
// Each wrapper holds a literal of its kind or a token, and starts out unset (an unset
// property is not rendered), so props structs need no std::optional and designated
// initializers read like a template:
//   {.cidr_block = "10.0.0.0/16", .enable_dns_hostnames = true, .tags = {{.key = "Name", .value = "x"}}}
// A token of a compatible type (a parameter's ref(), get_att(), Fn::...) fits every
// wrapper; its kind is checked at synth against the resource's schema.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "cdk/value.hpp"

namespace cdk {

/// A string property.
class Str {
 public:
  Str() = default;
  Str(const char* s) : value_{s} {}
  Str(std::string s) : value_{std::move(s)} {}
  Str(std::string_view s) : value_{s} {}
  Str(Value v) : value_{std::move(v)} {}

  bool is_set() const { return !value_.is_null(); }
  const Value& value() const { return value_; }

 private:
  Value value_;
};

/// An integer or number property.
class Num {
 public:
  Num() = default;
  Num(int n) : value_{n} {}
  Num(long n) : value_{n} {}
  Num(long long n) : value_{n} {}
  Num(unsigned n) : value_{n} {}
  Num(unsigned long n) : value_{n} {}
  Num(unsigned long long n) : value_{n} {}
  Num(double n) : value_{n} {}
  Num(Value v) : value_{std::move(v)} {}

  bool is_set() const { return !value_.is_null(); }
  const Value& value() const { return value_; }

 private:
  Value value_;
};

/// A boolean property.
class Bool {
 public:
  Bool() = default;
  Bool(bool b) : value_{b} {}
  Bool(Value v) : value_{std::move(v)} {}
  // A string literal would silently become `true` through the pointer conversion.
  Bool(const char*) = delete;

  bool is_set() const { return !value_.is_null(); }
  const Value& value() const { return value_; }

 private:
  Value value_;
};

/// A property of any JSON shape (policy documents, free-form maps, unions of kinds).
class Json {
 public:
  Json() = default;
  Json(Value v) : value_{std::move(v)} {}
  Json(const char* s) : value_{s} {}
  Json(std::string s) : value_{std::move(s)} {}
  Json(Map m) : value_{std::move(m)} {}
  Json(List l) : value_{std::move(l)} {}
  Json(bool b) : value_{b} {}
  Json(int n) : value_{n} {}
  Json(double n) : value_{n} {}

  bool is_set() const { return !value_.is_null(); }
  const Value& value() const { return value_; }

 private:
  Value value_;
};

/// A list property: items of T, or one list-valued token (a List parameter, Fn::split).
template <class T>
class ListOf {
 public:
  ListOf() = default;
  ListOf(std::initializer_list<T> items) : items_(items), set_{true} {}
  ListOf(std::vector<T> items) : items_(std::move(items)), set_{true} {}
  template <class U, class = std::enable_if_t<std::is_constructible_v<T, const U&> && !std::is_same_v<T, U>>>
  ListOf(const std::vector<U>& items) : items_(items.begin(), items.end()), set_{true} {}
  /// A list-valued token, or a literal List of values convertible to T.
  ListOf(Value token) : token_{std::move(token)}, set_{!token_.is_null()} {}

  bool is_set() const { return set_; }
  bool is_token() const { return !token_.is_null(); }
  const Value& token() const { return token_; }
  const std::vector<T>& items() const { return items_; }
  std::vector<T>& items() { return items_; }
  void push_back(T item) {
    items_.push_back(std::move(item));
    set_ = true;
  }

 private:
  std::vector<T> items_;
  Value token_;
  bool set_ = false;
};

/// A map property with string keys (tags as a map, environment variables, ...).
template <class T>
class MapOf {
 public:
  MapOf() = default;
  MapOf(std::initializer_list<std::pair<std::string, T>> entries) : entries_(entries), set_{true} {}
  MapOf(std::vector<std::pair<std::string, T>> entries) : entries_(std::move(entries)), set_{true} {}
  MapOf(Value token) : token_{std::move(token)}, set_{!token_.is_null()} {}

  bool is_set() const { return set_; }
  bool is_token() const { return !token_.is_null(); }
  const Value& token() const { return token_; }
  const std::vector<std::pair<std::string, T>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::string, T>> entries_;
  Value token_;
  bool set_ = false;
};

/// A property the resource type requires: leaving it out of a props initializer is a
/// compile error ("use of deleted function Required<...>::Required()").
template <class T>
struct Required : T {
  using T::T;
  Required() = delete;
  Required(T value) : T(std::move(value)) {}
};

}  // namespace cdk
