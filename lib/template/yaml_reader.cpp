#include "template/yaml_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "cdk/errors.hpp"
#include "detail/utf8.hpp"
#include "template/intrinsics.hpp"

namespace cdk::template_io {

using Json = synth::Json;

YamlError::YamlError(const char* code_, int line_, int column_, const std::string& detail_)
    : std::invalid_argument("line " + std::to_string(line_) + ", column " + std::to_string(column_) + ": " + detail_),
      code{code_},
      line{line_},
      column{column_},
      detail{detail_} {}

namespace {

// Plain scalars as YAML 1.1 resolves them, checked by hand: std::regex backtracks
// recursively and overflows the stack on long scalars.
bool all_of(std::string_view s, bool (*ok)(char)) {
  for (char c : s)
    if (!ok(c)) return false;
  return true;
}
bool dec_or_underscore(char c) { return (c >= '0' && c <= '9') || c == '_'; }
bool oct_or_underscore(char c) { return (c >= '0' && c <= '7') || c == '_'; }
bool bin_or_underscore(char c) { return c == '0' || c == '1' || c == '_'; }
bool hex_or_underscore(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '_';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string without_underscores(std::string_view s) {
  std::string out{s};
  std::erase(out, '_');
  return out;
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (s == w) return true;
  return false;
}

// [-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?
bool is_float(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  std::size_t i = 0;
  if (i < s.size() && is_digit(s[i]))
    while (i < s.size() && dec_or_underscore(s[i])) ++i;
  if (i >= s.size() || s[i] != '.') return false;
  ++i;
  while (i < s.size() && dec_or_underscore(s[i])) ++i;
  if (i == s.size()) return true;
  if (s[i] != 'e' && s[i] != 'E') return false;
  ++i;
  if (i >= s.size() || (s[i] != '-' && s[i] != '+')) return false;
  ++i;
  return i < s.size() && all_of(s.substr(i), [](char c) { return is_digit(c); });
}

// An integer as JSON holds it: int64, or uint64 above INT64_MAX (as nlohmann's own JSON
// parser does), so that the writers' output reads back exactly; a double past both.
Json integer(std::string_view s, int base, std::size_t prefix) {
  std::string digits = without_underscores(s);
  const bool negative = !digits.empty() && digits[0] == '-';
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.erase(0, 1);
  digits.erase(0, prefix);
  errno = 0;
  char* end = nullptr;
  const unsigned long long magnitude = std::strtoull(digits.c_str(), &end, base);
  constexpr auto kMaxSigned = static_cast<unsigned long long>(std::numeric_limits<long long>::max());
  if (errno != ERANGE) {
    if (!negative && magnitude <= kMaxSigned) return static_cast<long long>(magnitude);
    if (!negative) return magnitude;
    if (magnitude <= kMaxSigned) return -static_cast<long long>(magnitude);
    if (magnitude == kMaxSigned + 1) return std::numeric_limits<long long>::min();
  }
  return std::strtod(without_underscores(s).c_str(), nullptr);
}

Json plain_scalar(const std::string& s) {
  if (one_of(s, {"", "~", "null", "Null", "NULL"})) return nullptr;
  if (one_of(s, {"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})) return true;
  if (one_of(s, {"no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})) return false;
  std::string_view body = s;
  if (body[0] == '-' || body[0] == '+') body.remove_prefix(1);
  if (body == "0" || (!body.empty() && body[0] >= '1' && body[0] <= '9' && all_of(body, dec_or_underscore)))
    return integer(s, 10, 0);
  if (body.size() > 2 && body.substr(0, 2) == "0x" && all_of(body.substr(2), hex_or_underscore)) return integer(s, 16, 2);
  if (body.size() > 2 && body.substr(0, 2) == "0b" && all_of(body.substr(2), bin_or_underscore)) return integer(s, 2, 2);
  if (body.size() > 1 && body[0] == '0' && all_of(body.substr(1), oct_or_underscore)) return integer(s, 8, 1);
  if (s != "." && is_float(s)) return std::strtod(without_underscores(s).c_str(), nullptr);
  return s;
}

[[noreturn]] void fail(const char* code, const YAML::Mark& mark, const std::string& detail) {
  throw YamlError(code, mark.line + 1, mark.column + 1, detail);
}

class Converter {
 public:
  Json convert(const YAML::Node& node, int depth) {
    if (depth > kMaxDepth)
      fail(errc::TemplateTooDeep, node.Mark(), "nested deeper than " + std::to_string(kMaxDepth) + " levels");
    if (++nodes_ > kMaxNodes)
      fail(errc::TemplateTooManyValues, node.Mark(), "more than " + std::to_string(kMaxNodes) + " values (aliases expand too far)");
    const std::string& tag = node.Tag();
    // Standard tags: "!" (quoted scalar, a string), "?" (plain), "tag:yaml.org,2002:..." (!!str ...).
    if (tag == "!" || tag == "tag:yaml.org,2002:str") return content(node, true, depth);
    if (tag.rfind("tag:yaml.org,2002:", 0) == 0) {
      const std::string type = tag.substr(18);
      if (node.Type() == YAML::NodeType::Scalar && (type == "int" || type == "float" || type == "bool" || type == "null")) {
        Json typed = typed_scalar(node);
        if (!typed.is_string()) return typed;
      }
      return content(node, false, depth);
    }
    if (tag.size() < 2 || tag[0] != '!') return content(node, false, depth);

    // CloudFormation short form: !Ref X, !Condition X, !GetAtt A.B, !<Function> args.
    const std::string short_name = tag.substr(1);
    const std::string_view function = long_form_of_tag(short_name);
    if (function.empty())
      fail(errc::TemplateUnknownIntrinsic, node.Mark(),
           "unknown intrinsic function '!" + short_name + "' (no CloudFormation function has this short form)");
    const bool scalar = node.Type() == YAML::NodeType::Scalar || node.Type() == YAML::NodeType::Null;
    Json argument = content(node, scalar, depth);
    if (function == "Fn::GetAtt" && argument.is_string()) {
      const std::string& text = argument.get_ref<const std::string&>();
      const auto dot = text.find('.');
      if (dot == std::string::npos || dot == 0 || dot + 1 == text.size())
        fail(errc::TemplateMalformed, node.Mark(), "!GetAtt '" + text + "' needs the form LogicalId.Attribute");
      return Json{{"Fn::GetAtt", Json::array({text.substr(0, dot), text.substr(dot + 1)})}};
    }
    return Json{{std::string{function}, std::move(argument)}};
  }

 private:
  std::string text_of(const YAML::Node& node) {
    const std::string& s = node.Scalar();
    if (!detail::is_valid_utf8(s)) fail(errc::TemplateParse, node.Mark(), "invalid UTF-8 in a string");
    return s;
  }

  // A plain scalar typed as YAML 1.1 types it. A number too large for a double is an
  // error, as in JSON: infinity has no JSON form (it would be written as null).
  Json typed_scalar(const YAML::Node& node) {
    Json typed = plain_scalar(text_of(node));
    if (typed.is_number_float() && !std::isfinite(typed.get<double>()))
      fail(errc::TemplateParse, node.Mark(), "number out of range: '" + node.Scalar().substr(0, 40) + "'");
    return typed;
  }

  // The node's content, ignoring its tag; `as_string` keeps a scalar as text.
  Json content(const YAML::Node& node, bool as_string, int depth) {
    switch (node.Type()) {
      case YAML::NodeType::Null: return as_string ? Json("") : Json(nullptr);
      case YAML::NodeType::Scalar: return as_string ? Json(text_of(node)) : typed_scalar(node);
      case YAML::NodeType::Sequence: {
        Json out = Json::array();
        for (const auto& item : node) out.push_back(convert(item, depth + 1));
        return out;
      }
      case YAML::NodeType::Map: {
        Json out = Json::object();
        for (const auto& item : node) {
          if (item.first.Type() != YAML::NodeType::Scalar)
            fail(errc::TemplateMalformed, item.first.Mark(), "a map key must be a plain string, not a list or a map");
          out[text_of(item.first)] = convert(item.second, depth + 1);
        }
        return out;
      }
      default: return nullptr;
    }
  }

  std::size_t nodes_ = 0;
};

}  // namespace

Json yaml_to_json(std::string_view text) {
  try {
    const YAML::Node root = YAML::Load(std::string{text});
    return Converter{}.convert(root, 0);
  } catch (const YAML::Exception& e) {
    // e.msg without yaml-cpp's "yaml-cpp: error at line ..." prefix.
    throw YamlError(errc::TemplateParse, e.mark.line + 1, e.mark.column + 1, "invalid YAML: " + e.msg);
  }
}

std::optional<std::pair<int, int>> yaml_position(std::string_view text, const std::vector<std::string>& path) {
  try {
    YAML::Node node = YAML::Load(std::string{text});
    for (const auto& component : path) {
      const std::string& tag = node.Tag();
      if (tag.size() > 1 && tag[0] == '!' && long_form_of_tag(tag.substr(1)) == component) continue;
      if (node.IsMap()) {
        bool found = false;
        YAML::Node next;
        for (const auto& item : node)
          if (item.first.IsScalar() && item.first.Scalar() == component) {
            next.reset(item.second);
            found = true;
          }
        if (!found) return std::nullopt;
        node.reset(next);
      } else if (node.IsSequence()) {
        char* end = nullptr;
        const unsigned long index = std::strtoul(component.c_str(), &end, 10);
        if (component.empty() || *end || index >= node.size()) return std::nullopt;
        const YAML::Node& sequence = node;
        YAML::Node item = sequence[index];
        node.reset(item);
      } else {
        return std::nullopt;
      }
    }
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return std::nullopt;
    return std::pair{mark.line + 1, mark.column + 1};
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

}  // namespace cdk::template_io
