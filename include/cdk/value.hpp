// A property value: a literal (null, bool, number, string, list, map) or a token
// (Ref, Fn::GetAtt, any other intrinsic, or a lazy value computed at synth).
//
// Tokens carry identity (the element they point to), never a logical-id string, so a
// logical id that changes later (override_logical_id) is still honoured at synth.
// Values are cheap to copy: compound parts are shared and immutable.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdk {

class CfnElement;
class Value;

/// An ordered list of values.
using List = std::vector<Value>;
/// An ordered map of values; keys keep insertion order in the output.
using Map = std::vector<std::pair<std::string, Value>>;

/// What a token evaluates to in CloudFormation, so a number or list parameter can be
/// used where a number or list is expected.
enum class TokenType : std::uint8_t { Any, String, Number, List };

namespace detail {
struct TokenData;
}

class Value {
 public:
  enum class Kind : std::uint8_t { Null, Bool, Integer, Double, String, List, Map, Token };

  Value() : int_{0} {}
  Value(std::nullptr_t) : Value() {}
  Value(bool b) : kind_{Kind::Bool}, bool_{b} {}
  Value(int i) : kind_{Kind::Integer}, int_{i} {}
  Value(long i) : kind_{Kind::Integer}, int_{i} {}
  Value(long long i) : kind_{Kind::Integer}, int_{i} {}
  Value(unsigned i) : kind_{Kind::Integer}, int_{static_cast<std::int64_t>(i)} {}
  Value(unsigned long i) : kind_{Kind::Integer}, int_{static_cast<std::int64_t>(i)} {}
  Value(unsigned long long i) : kind_{Kind::Integer}, int_{static_cast<std::int64_t>(i)} {}
  Value(double d) : kind_{Kind::Double}, double_{d} {}
  Value(const char* s) : kind_{Kind::String}, string_{s} {}
  Value(std::string s) : kind_{Kind::String}, string_{std::move(s)} {}
  Value(std::string_view s) : kind_{Kind::String}, string_{s} {}
  Value(List items);
  Value(Map entries);
  /// A list of strings, the most common list literal.
  Value(std::vector<std::string> items);

  Value(const Value& other);
  Value(Value&& other) noexcept;
  Value& operator=(const Value& other);
  Value& operator=(Value&& other) noexcept;
  ~Value() { destroy(); }

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_token() const { return kind_ == Kind::Token; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_number() const { return kind_ == Kind::Integer || kind_ == Kind::Double; }
  bool is_list() const { return kind_ == Kind::List; }
  bool is_map() const { return kind_ == Kind::Map; }
  /// True when this value or anything inside it is a token.
  bool contains_token() const;

  /// The literal of that kind; false, 0 or "" for a value of another kind.
  bool as_bool() const { return kind_ == Kind::Bool && bool_; }
  std::int64_t as_integer() const { return kind_ == Kind::Integer ? int_ : 0; }
  double as_double() const {
    return kind_ == Kind::Integer ? static_cast<double>(int_) : kind_ == Kind::Double ? double_ : 0;
  }
  const std::string& as_string() const { return kind_ == Kind::String ? string_ : empty_string(); }
  const List& as_list() const;
  const Map& as_map() const;
  const detail::TokenData& token() const;

  /// The CloudFormation type a token yields (Any for literals).
  TokenType token_type() const;

  /// Builds a token; used by the intrinsic functions in fn.hpp and by elements.
  static Value make_token(std::shared_ptr<const detail::TokenData> data);

  friend bool operator==(const Value& a, const Value& b);

 private:
  static const std::string& empty_string();
  template <class Other>
  void construct_from(Other&& other);  // value.cpp
  bool has_compound() const { return kind_ == Kind::List || kind_ == Kind::Map || kind_ == Kind::Token; }
  void destroy() noexcept {
    if (kind_ == Kind::String) string_.~basic_string();
    if (has_compound()) compound_.~shared_ptr();
  }

  // One member per kind, so that a Value is 40 bytes: a construct tree is mostly Values.
  Kind kind_ = Kind::Null;
  union {
    bool bool_;
    std::int64_t int_;
    double double_;
    std::string string_;
    std::shared_ptr<const void> compound_;  // List, Map or detail::TokenData
  };
};

namespace detail {

enum class TokenOp : std::uint8_t {
  Ref,        // {"Ref": <logical id of target>} or a pseudo parameter / named target
  GetAtt,     // {"Fn::GetAtt": [<logical id of target>, name]}
  LogicalId,  // the logical id of target as a plain string (conditions, mappings, DependsOn)
  Intrinsic,  // {name: args[0]} for any Fn:: function or {"Condition": ...}
  Join,       // Fn::Join with args[0] = delimiter, args[1..] = parts; flattened at synth
  Lazy,       // lazy() evaluated at synth, then resolved
};

struct TokenData {
  TokenOp op = TokenOp::Ref;
  TokenType type = TokenType::Any;
  const CfnElement* target = nullptr;  // Ref/GetAtt/LogicalId of an element
  std::string name;  // attribute (GetAtt), pseudo/logical name (Ref without target), function name
  List args;
  std::function<Value()> lazy;
};

}  // namespace detail

/// Concatenation of strings and tokens; synthesizes to one flat Fn::Join with "".
/// Numbers, booleans and null read as JavaScript prints them; a list or a map throws
/// cdk::Error [cdk.value.InvalidConcatenation].
Value operator+(const Value& a, const Value& b);
inline Value operator+(const char* a, const Value& b) { return Value{a} + b; }
inline Value operator+(const Value& a, const char* b) { return a + Value{b}; }
inline Value operator+(const std::string& a, const Value& b) { return Value{a} + b; }
inline Value operator+(const Value& a, const std::string& b) { return a + Value{b}; }

/// A value computed at synth time, for constructs that fill lists late.
Value lazy(std::function<Value()> produce, TokenType type = TokenType::Any);

}  // namespace cdk
