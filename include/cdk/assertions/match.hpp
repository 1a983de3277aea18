// Patterns, matchers and captures, as in aws-cdk-lib/assertions.
//
// A pattern is any cdk::Value: literals, cdk::Map / cdk::List literals and the matchers
// below, nested freely. A matcher *is* a cdk::Value (a token only this library
// understands), so it sits wherever a literal may:
//
//   using cdk::assertions::Match;
//   t.has_resource_properties("AWS::EC2::VPC", {
//       {"CidrBlock", "10.0.0.0/16"},
//       {"Tags", Match::array_with({cdk::Map{{"Key", "Name"}}})},
//       {"InstanceTenancy", Match::absent()},
//   });
//
// Literals match as in CDK: at the top of a query and inside object_like, nested objects
// match partially (extra keys allowed) while arrays must have the same length; inside
// exact / object_equals / array_equals everything must be equal. Tokens (element.ref(),
// get_att(), Fn::...) in a pattern are resolved to their CloudFormation form first, so
// {"VpcId", vpc.ref()} matches {"VpcId": {"Ref": "Vpc8378EB38"}}.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "cdk/value.hpp"

namespace cdk::assertions {

class Capture;

/// What a query expects: any cdk::Value (literal, cdk::Map, cdk::List, matcher), a
/// Capture, or a map written in place: `{{"CidrBlock", "10.0.0.0/16"}, {"Tags", ...}}`.
/// Default-constructed, it is the empty map, which every object matches.
class Pattern {
 public:
  Pattern() : value_{Map{}} {}
  Pattern(Value value) : value_{std::move(value)} {}
  template <class T>
    requires(std::is_constructible_v<Value, T &&> && !std::is_same_v<std::remove_cvref_t<T>, Value> &&
             !std::is_same_v<std::remove_cvref_t<T>, Pattern>)
  Pattern(T&& value) : value_(Value(std::forward<T>(value))) {}
  Pattern(std::initializer_list<std::pair<std::string, Value>> entries) : value_{Map(entries.begin(), entries.end())} {}

  const Value& value() const { return value_; }

 private:
  Value value_;
};

/// Partial and special matching (CDK's `Match`).
namespace Match {

/// An object with at least these keys, each matching its pattern (extra keys allowed).
Value object_like(Map pattern);
/// An object with exactly these keys, each matching its pattern.
Value object_equals(Map pattern);
/// An array containing these elements in this order, possibly with others between them.
Value array_with(List pattern);
/// An array of exactly these elements, in this order.
Value array_equals(List pattern);
/// Deep equality: objects nested at any level must not have extra keys.
Value exact(Pattern pattern);
/// The key must not be present (use as the value of a key).
Value absent();
/// Any value that is present and not null.
Value any_value();
/// Anything that does NOT match `pattern` (literals inside compare exactly).
Value not_(Pattern pattern);
/// A string holding JSON whose parsed value matches `pattern` (exactly, unless it is a
/// matcher such as object_like).
Value serialized_json(Pattern pattern);
/// A string in which the ECMAScript regular expression finds a match (a search, as in
/// JavaScript's RegExp.test: anchor with ^...$ to match the whole string).
Value string_like_regexp(std::string pattern);

/// True when `value` is one of the matchers above or a Capture.
bool is_matcher(const Value& value);
/// The matcher's name as CDK spells it ("objectLike", "absent", "Capture", ...), or "" for
/// a literal.
std::string name_of(const Value& value);

}  // namespace Match

namespace detail {
struct CaptureState;
}

/// Captures the values a pattern position matched, to assert on them afterwards:
///
///   cdk::assertions::Capture name;
///   t.has_resource_properties("AWS::EC2::VPC", {{"Tags", Match::array_with({cdk::Map{{"Value", name}}})}});
///   CHECK(name.as_string() == "MyVpc");
///
/// Every successful match records a value (a query that matches three resources records
/// three); next() steps through them. Copies of a Capture share what was captured.
class Capture {
 public:
  /// Captures any non-null value.
  Capture();
  /// Captures only values that match `pattern` (object_like for a map literal).
  explicit Capture(Pattern pattern);

  /// A Capture is used inside patterns as a Value.
  operator Value() const;  // NOLINT(google-explicit-constructor)

  /// The current captured value; these throw AssertionError when nothing was captured or
  /// the value has another type.
  const Value& value() const;
  std::string as_string() const;
  double as_number() const;
  bool as_bool() const;
  List as_array() const;
  Map as_object() const;

  /// Moves to the next captured value; false when the current one is the last.
  bool next();
  /// How many values were captured.
  std::size_t size() const;

 private:
  std::shared_ptr<detail::CaptureState> state_;
};

}  // namespace cdk::assertions
