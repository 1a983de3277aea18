#include "cdk/value.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <new>
#include <stdexcept>

#include "cdk/errors.hpp"

namespace cdk {

namespace {
const List& empty_list() {
  static const List list;
  return list;
}
const Map& empty_map() {
  static const Map map;
  return map;
}

// A double as JavaScript's Number.prototype.toString prints it (CDK concatenates in
// JavaScript): the shortest digits that read back the same, fixed notation for
// 1e-7 < |d| < 1e21, exponent notation ("1e-7", "1e+21") outside.
std::string js_number_text(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
  if (d == 0) return "0";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, std::abs(d), std::chars_format::scientific);
  const std::string text(buffer, result.ptr);  // "d.ddde+XX", shortest round trip
  const auto e = text.find('e');
  std::string digits = text.substr(0, e);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  const int k = static_cast<int>(digits.size());
  const int n = std::stoi(text.substr(e + 1)) + 1;  // value = 0.digits * 10^n
  std::string out;
  if (k <= n && n <= 21) {
    out = digits + std::string(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out = digits.substr(0, static_cast<std::size_t>(n)) + "." + digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out = "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  } else {
    out = digits.substr(0, 1) + (k > 1 ? "." + digits.substr(1) : "") + (n - 1 >= 0 ? "e+" : "e-") +
          std::to_string(std::abs(n - 1));
  }
  return d < 0 ? "-" + out : out;
}

// The textual form of a literal inside a concatenation, as JavaScript would print it.
std::string literal_text(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String: return v.as_string();
    case Value::Kind::Integer: return std::to_string(v.as_integer());
    case Value::Kind::Bool: return v.as_bool() ? "true" : "false";
    case Value::Kind::Double: return js_number_text(v.as_double());
    case Value::Kind::Null: return "";
    default:
      throw Error(errc::InvalidConcatenation, "",
                  std::string{"a "} + (v.is_list() ? "list" : "map") +
                      " cannot be concatenated: only strings, numbers, booleans and tokens can (use Fn::join or Fn::to_json_string)");
  }
}
}  // namespace

Value::Value(List items) : kind_{Kind::List}, compound_{std::make_shared<const List>(std::move(items))} {}
Value::Value(Map entries) : kind_{Kind::Map}, compound_{std::make_shared<const Map>(std::move(entries))} {}
Value::Value(std::vector<std::string> items)
    : kind_{Kind::List},
      compound_{std::make_shared<const List>(std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()))} {}

// Copies or moves (as `other` is given) the member of other's kind.
template <class Other>
void Value::construct_from(Other&& other) {
  kind_ = other.kind_;
  switch (kind_) {
    case Kind::Null: break;
    case Kind::Bool: bool_ = other.bool_; break;
    case Kind::Integer: int_ = other.int_; break;
    case Kind::Double: double_ = other.double_; break;
    case Kind::String: new (&string_) std::string(std::forward<Other>(other).string_); break;
    case Kind::List:
    case Kind::Map:
    case Kind::Token: new (&compound_) std::shared_ptr<const void>(std::forward<Other>(other).compound_); break;
  }
}

Value::Value(const Value& other) { construct_from(other); }
Value::Value(Value&& other) noexcept { construct_from(std::move(other)); }

Value& Value::operator=(const Value& other) {
  if (this != &other) *this = Value{other};
  return *this;
}

Value& Value::operator=(Value&& other) noexcept {
  if (this != &other) {
    destroy();
    construct_from(std::move(other));
  }
  return *this;
}

const std::string& Value::empty_string() {
  static const std::string empty;
  return empty;
}

const List& Value::as_list() const {
  return kind_ == Kind::List ? *static_cast<const List*>(compound_.get()) : empty_list();
}
const Map& Value::as_map() const {
  return kind_ == Kind::Map ? *static_cast<const Map*>(compound_.get()) : empty_map();
}
const detail::TokenData& Value::token() const {
  if (kind_ != Kind::Token) throw std::logic_error("cdk: Value::token() on a literal");
  return *static_cast<const detail::TokenData*>(compound_.get());
}

TokenType Value::token_type() const { return kind_ == Kind::Token ? token().type : TokenType::Any; }

Value Value::make_token(std::shared_ptr<const detail::TokenData> data) {
  Value v;
  v.kind_ = Kind::Token;
  new (&v.compound_) std::shared_ptr<const void>(std::move(data));
  return v;
}

bool Value::contains_token() const {
  switch (kind_) {
    case Kind::Token: return true;
    case Kind::List:
      for (const auto& item : as_list())
        if (item.contains_token()) return true;
      return false;
    case Kind::Map:
      for (const auto& [key, item] : as_map())
        if (item.contains_token()) return true;
      return false;
    default: return false;
  }
}

bool operator==(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (a.kind_ == Value::Kind::Integer && b.kind_ == Value::Kind::Integer) return a.int_ == b.int_;
    return a.as_double() == b.as_double();
  }
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case Value::Kind::Null: return true;
    case Value::Kind::Bool: return a.bool_ == b.bool_;
    case Value::Kind::String: return a.string_ == b.string_;
    case Value::Kind::List: return a.as_list() == b.as_list();
    case Value::Kind::Map: return a.as_map() == b.as_map();
    case Value::Kind::Token: {
      if (a.compound_ == b.compound_) return true;
      const auto& x = a.token();
      const auto& y = b.token();
      return x.op == y.op && x.target == y.target && x.name == y.name && x.args == y.args && !x.lazy && !y.lazy;
    }
    default: return false;
  }
}

Value operator+(const Value& a, const Value& b) {
  if (!a.is_token() && !b.is_token()) return Value{literal_text(a) + literal_text(b)};
  auto data = std::make_shared<detail::TokenData>();
  data->op = detail::TokenOp::Join;
  data->type = TokenType::String;
  data->args.emplace_back("");
  auto append = [&](const Value& v) {
    if (v.is_token() && v.token().op == detail::TokenOp::Join && v.token().args.at(0) == Value{""}) {
      data->args.insert(data->args.end(), v.token().args.begin() + 1, v.token().args.end());
    } else if (v.is_token()) {
      data->args.push_back(v);
    } else {
      data->args.emplace_back(literal_text(v));
    }
  };
  append(a);
  append(b);
  return Value::make_token(std::move(data));
}

Value lazy(std::function<Value()> produce, TokenType type) {
  auto data = std::make_shared<detail::TokenData>();
  data->op = detail::TokenOp::Lazy;
  data->type = type;
  data->lazy = std::move(produce);
  return Value::make_token(std::move(data));
}

}  // namespace cdk
