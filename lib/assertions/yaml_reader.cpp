#include "assertions/yaml_reader.hpp"
#include "template/parse.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <regex>
#include <stdexcept>
#include <string>

namespace cdk::assertions::detail {

using Json = cdk::synth::Json;

namespace {

std::string without_underscores(std::string s) {
  std::erase(s, '_');
  return s;
}

// A plain (unquoted, untagged) scalar: null, bool, int or float as YAML 1.1 resolves
// them; anything else (dates such as 2010-09-09 included) is a string.
Json plain_scalar(const std::string& s) {
  static const std::regex null_re{R"(^(~|null|Null|NULL)?$)"};
  static const std::regex true_re{R"(^(yes|Yes|YES|true|True|TRUE|on|On|ON)$)"};
  static const std::regex false_re{R"(^(no|No|NO|false|False|FALSE|off|Off|OFF)$)"};
  static const std::regex dec_re{R"(^[-+]?(0|[1-9][0-9_]*)$)"};
  static const std::regex oct_re{R"(^[-+]?0[0-7_]+$)"};
  static const std::regex hex_re{R"(^[-+]?0x[0-9a-fA-F_]+$)"};
  static const std::regex bin_re{R"(^[-+]?0b[01_]+$)"};
  static const std::regex float_re{R"(^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$)"};
  if (std::regex_match(s, null_re)) return nullptr;
  if (std::regex_match(s, true_re)) return true;
  if (std::regex_match(s, false_re)) return false;
  auto integer = [&](int base, std::size_t prefix) -> Json {
    std::string digits = without_underscores(s);
    bool negative = !digits.empty() && digits[0] == '-';
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.erase(0, 1);
    digits.erase(0, prefix);
    errno = 0;
    char* end = nullptr;
    long long v = std::strtoll(digits.c_str(), &end, base);
    if (errno == ERANGE) return std::strtod(without_underscores(s).c_str(), nullptr);
    return negative ? -v : v;
  };
  if (std::regex_match(s, dec_re)) return integer(10, 0);
  if (std::regex_match(s, hex_re)) return integer(16, 2);
  if (std::regex_match(s, bin_re)) return integer(2, 2);
  if (std::regex_match(s, oct_re)) return integer(8, 1);
  if (s != "." && std::regex_match(s, float_re)) return std::strtod(without_underscores(s).c_str(), nullptr);
  return s;
}

Json convert(const YAML::Node& node, int depth);

// The node's content, ignoring its tag; `as_string` keeps a scalar as text.
Json content(const YAML::Node& node, bool as_string, int depth) {
  switch (node.Type()) {
    case YAML::NodeType::Null: return as_string ? Json("") : Json(nullptr);
    case YAML::NodeType::Scalar: return as_string ? Json(node.Scalar()) : plain_scalar(node.Scalar());
    case YAML::NodeType::Sequence: {
      Json out = Json::array();
      for (const auto& item : node) out.push_back(convert(item, depth + 1));
      return out;
    }
    case YAML::NodeType::Map: {
      Json out = Json::object();
      for (const auto& item : node) out[item.first.as<std::string>()] = convert(item.second, depth + 1);
      return out;
    }
    default: return nullptr;
  }
}

Json convert(const YAML::Node& node, int depth) {
  if (depth > template_io::max_depth)
    throw std::invalid_argument("invalid YAML: nested deeper than " + std::to_string(template_io::max_depth) + " levels");
  const std::string& tag = node.Tag();
  // Standard tags: "!" (quoted scalar, a string), "?" (plain), "tag:yaml.org,2002:..." (!!str ...).
  if (tag == "!" || tag == "tag:yaml.org,2002:str") return content(node, true, depth);
  if (tag.rfind("tag:yaml.org,2002:", 0) == 0) {
    const std::string type = tag.substr(18);
    if (node.Type() == YAML::NodeType::Scalar && (type == "int" || type == "float" || type == "bool" || type == "null")) {
      Json typed = plain_scalar(node.Scalar());
      if (!typed.is_string()) return typed;
    }
    return content(node, false, depth);
  }
  if (tag.size() < 2 || tag[0] != '!') return content(node, false, depth);

  // CloudFormation short form: !Ref X, !Condition X, !GetAtt A.B, !<Function> args.
  const std::string function = tag.substr(1);
  const bool scalar = node.Type() == YAML::NodeType::Scalar || node.Type() == YAML::NodeType::Null;
  Json argument = content(node, scalar, depth);
  if (function == "Ref" || function == "Condition") return Json{{function, std::move(argument)}};
  if (function == "GetAtt" && argument.is_string()) {
    const std::string text = argument.get<std::string>();
    const auto dot = text.find('.');
    if (dot == std::string::npos)
      throw std::invalid_argument("!GetAtt '" + text + "' needs the form LogicalId.Attribute");
    return Json{{"Fn::GetAtt", Json::array({text.substr(0, dot), text.substr(dot + 1)})}};
  }
  return Json{{"Fn::" + function, std::move(argument)}};
}

}  // namespace

Json yaml_to_json(std::string_view text) {
  // Conversion throws too, e.g. for a key that is a map and not a string.
  try {
    return convert(YAML::Load(std::string{text}), 0);
  } catch (const YAML::Exception& e) {
    throw std::invalid_argument(std::string{"invalid YAML: "} + e.what());
  }
}

}  // namespace cdk::assertions::detail
