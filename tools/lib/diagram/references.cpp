#include "diagram/references.hpp"

#include <set>
#include <string_view>

namespace cdk::tools::diagram {

namespace {

using synth::Json;

bool is_pseudo(std::string_view name) { return name.rfind("AWS::", 0) == 0; }

// The names ${...} of an Fn::Sub string, in order; ${!Literal} is text, not a name.
std::vector<std::string> sub_names(std::string_view text) {
  std::vector<std::string> names;
  for (std::size_t at = text.find("${"); at != std::string_view::npos; at = text.find("${", at)) {
    const std::size_t close = text.find('}', at + 2);
    if (close == std::string_view::npos) break;
    std::string_view name = text.substr(at + 2, close - at - 2);
    at = close + 1;
    if (name.empty() || name.front() == '!') continue;
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) names.emplace_back(name);
  }
  return names;
}

void add_sub_references(std::string_view text, const std::set<std::string, std::less<>>& locals,
                        std::vector<Reference>& out) {
  for (const auto& name : sub_names(text)) {
    const std::size_t dot = name.find('.');
    const std::string target = name.substr(0, dot);
    if (is_pseudo(name) || locals.contains(name) || locals.contains(target)) continue;
    out.push_back({Reference::Kind::Sub, target, dot == std::string::npos ? "" : name.substr(dot + 1), nullptr});
  }
}

void collect(const Json& value, std::vector<Reference>& out) {
  if (value.is_array()) {
    for (const auto& item : value) collect(item, out);
    return;
  }
  if (!value.is_object()) return;
  if (!synth::is_intrinsic(value)) {
    for (const auto& [key, item] : value.items()) collect(item, out);
    return;
  }
  const std::string& fn = value.begin().key();
  const Json& args = value.begin().value();
  if (fn == "Ref") {
    if (args.is_string() && !is_pseudo(args.get<std::string>()))
      out.push_back({Reference::Kind::Ref, args.get<std::string>(), "", nullptr});
    else
      collect(args, out);
  } else if (fn == "Fn::GetAtt") {
    if (args.is_string()) {  // the "Resource.Attribute" form
      const auto text = args.get<std::string>();
      const std::size_t dot = text.find('.');
      out.push_back({Reference::Kind::GetAtt, text.substr(0, dot), dot == std::string::npos ? "" : text.substr(dot + 1), nullptr});
    } else if (args.is_array() && !args.empty() && args[0].is_string()) {
      const std::string attribute = args.size() > 1 && args[1].is_string() ? args[1].get<std::string>() : "";
      out.push_back({Reference::Kind::GetAtt, args[0].get<std::string>(), attribute, nullptr});
      for (std::size_t i = 1; i < args.size(); ++i)
        if (!args[i].is_string()) collect(args[i], out);
    }
  } else if (fn == "Fn::Sub") {
    if (args.is_string()) {
      add_sub_references(args.get_ref<const std::string&>(), {}, out);
    } else if (args.is_array() && !args.empty()) {
      std::set<std::string, std::less<>> locals;
      if (args.size() > 1 && args[1].is_object())
        for (const auto& [name, item] : args[1].items()) locals.insert(name);
      if (args[0].is_string()) add_sub_references(args[0].get_ref<const std::string&>(), locals, out);
      for (std::size_t i = 1; i < args.size(); ++i) collect(args[i], out);
    }
  } else if (fn == "Fn::ImportValue") {
    out.push_back({Reference::Kind::Import, "", "", &args});
    collect(args, out);  // the name may itself read a parameter
  } else if (fn == "Fn::If") {
    // [condition name, value if true, value if false]
    if (args.is_array())
      for (std::size_t i = 1; i < args.size(); ++i) collect(args[i], out);
  } else if (fn == "Condition") {
    // a condition's name, not an element that is drawn
  } else {
    collect(args, out);
  }
}

}  // namespace

void collect_references(const Json& value, std::vector<Reference>& out) { collect(value, out); }

std::optional<std::string> static_string(const Json& value, const std::string& stack_name) {
  if (value.is_string()) return value.get<std::string>();
  if (!synth::is_intrinsic(value)) return std::nullopt;
  const std::string& fn = value.begin().key();
  const Json& args = value.begin().value();
  if (fn == "Ref") {
    if (args == "AWS::StackName") return stack_name;
    return std::nullopt;
  }
  if (fn == "Fn::Join") {
    if (!args.is_array() || args.size() != 2 || !args[0].is_string() || !args[1].is_array()) return std::nullopt;
    std::string joined;
    bool first = true;
    for (const auto& part : args[1]) {
      auto text = static_string(part, stack_name);
      if (!text) return std::nullopt;
      if (!first) joined += args[0].get<std::string>();
      joined += *text;
      first = false;
    }
    return joined;
  }
  if (fn == "Fn::Sub") {
    const Json* text = &args;
    const Json* variables = nullptr;
    if (args.is_array()) {
      if (args.empty()) return std::nullopt;
      text = &args[0];
      if (args.size() > 1) variables = &args[1];
    }
    if (!text->is_string()) return std::nullopt;
    const auto& s = text->get_ref<const std::string&>();
    std::string result;
    std::size_t at = 0;
    while (at < s.size()) {
      const std::size_t open = s.find("${", at);
      if (open == std::string::npos) {
        result += s.substr(at);
        break;
      }
      result += s.substr(at, open - at);
      const std::size_t close = s.find('}', open + 2);
      if (close == std::string::npos) return std::nullopt;
      const std::string name = s.substr(open + 2, close - open - 2);
      if (!name.empty() && name.front() == '!') {
        result += "${" + name.substr(1) + "}";
      } else if (name == "AWS::StackName") {
        result += stack_name;
      } else if (variables && variables->is_object() && variables->contains(name)) {
        auto part = static_string((*variables)[name], stack_name);
        if (!part) return std::nullopt;
        result += *part;
      } else {
        return std::nullopt;
      }
      at = close + 1;
    }
    return result;
  }
  return std::nullopt;
}

}  // namespace cdk::tools::diagram
