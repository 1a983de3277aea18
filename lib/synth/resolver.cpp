#include "synth/resolver.hpp"

#include <cmath>

#include "cdk/cfn_condition.hpp"
#include "cdk/cfn_mapping.hpp"
#include "cdk/cfn_parameter.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stack.hpp"
#include "synth/cross_stack.hpp"

namespace cdk::synth {

namespace {
using detail::TokenData;
using detail::TokenOp;

constexpr int kMaxDepth = 256;  // lazy values that produce themselves would loop forever

Json number(const Value& v) {
  return v.kind() == Value::Kind::Integer ? Json(v.as_integer()) : number_json(v.as_double());
}

bool is_string(const Json& j) { return j.is_string(); }

std::string element_kind(const CfnElement& e);

// "a parameter", "an output".
std::string a_kind(const CfnElement& e) {
  std::string kind = element_kind(e);
  return (kind.front() == 'o' || kind.front() == 'e' ? "an " : "a ") + kind;
}

std::string element_kind(const CfnElement& e) {
  if (CfnResource::is_cfn_resource(e)) return "resource";
  if (dynamic_cast<const CfnParameter*>(&e)) return "parameter";
  if (dynamic_cast<const CfnCondition*>(&e)) return "condition";
  if (dynamic_cast<const CfnMapping*>(&e)) return "mapping";
  switch (e.section()) {
    case TemplateSection::Outputs: return "output";
    case TemplateSection::Rules: return "rule";
    default: return "element";
  }
}
}  // namespace

bool is_pseudo_parameter(std::string_view name) {
  static constexpr std::string_view kNames[] = {"AWS::AccountId",     "AWS::NotificationARNs", "AWS::NoValue",
                                                "AWS::Partition",     "AWS::Region",           "AWS::StackId",
                                                "AWS::StackName",     "AWS::URLSuffix"};
  for (auto n : kNames)
    if (n == name) return true;
  return false;
}

Resolver::Resolver(const Stack& stack, const std::unordered_map<std::string, const CfnElement*>& by_logical_id,
                   std::vector<Diagnostic>& diagnostics, bool* cross_stack)
    : stack_{stack}, by_logical_id_{by_logical_id}, diagnostics_{diagnostics}, cross_stack_{cross_stack} {}

void Resolver::report(const char* code, std::string message) {
  diagnostics_.push_back({code, path_ ? *path_ : std::string{}, std::move(message)});
}

Json Resolver::resolve(const Value& value, const std::string& path) {
  path_ = &path;
  Json out = resolve_value(value, 0);
  path_ = nullptr;
  return out;
}

namespace {
bool is_lazy(const Value& value) { return value.is_token() && value.token().op == TokenOp::Lazy; }
}  // namespace

Json Resolver::resolve_value(const Value& value, int depth) {
  switch (value.kind()) {
    case Value::Kind::Null: return nullptr;
    case Value::Kind::Bool: return value.as_bool();
    case Value::Kind::Integer:
    case Value::Kind::Double: return number(value);
    case Value::Kind::String: return value.as_string();
    case Value::Kind::List: {
      Json out = Json::array();
      out.get_ref<Json::array_t&>().reserve(value.as_list().size());
      for (const auto& item : value.as_list()) out.push_back(resolve_value(item, depth));
      return out;
    }
    case Value::Kind::Map: {
      Json out = Json::object();
      // ordered_json keeps entries in a vector of pair<const string, json>, which a
      // reallocation copies deeply (the const key makes the move not noexcept): reserve.
      out.get_ref<Json::object_t&>().reserve(value.as_map().size());
      for (const auto& [key, item] : value.as_map()) {
        Json resolved = resolve_value(item, depth);
        // A lazy value that produces nothing leaves its key out, as CDK drops a key
        // whose value resolves to undefined (a list that is still empty at synth).
        if (resolved.is_null() && is_lazy(item)) continue;
        out[key] = std::move(resolved);
      }
      return out;
    }
    case Value::Kind::Token: return resolve_token(value, depth);
  }
  return nullptr;
}

std::string Resolver::target_id(const CfnElement& target) {
  if (&target.stack() != &stack_) {
    report(errc::CrossStackReference,
           "refers to " + a_kind(target) + " '" + target.path() + "' of stack '" + target.stack().path() +
               "'; only Ref and Fn::GetAtt of resources and parameters can cross stacks (as exports), not " +
               element_kind(target) + "s");
  }
  return target.logical_id();
}

void Resolver::report_once(const char* code, std::string message) {
  for (auto it = diagnostics_.rbegin(); it != diagnostics_.rend() && path_ && it->path == *path_; ++it)
    if (it->code == code && it->message == message) return;
  report(code, std::move(message));
}

// A Ref or Fn::GetAtt of an element of another stack: the import of the export that
// resolve_cross_stack_references makes in the producer (its name depends only on the
// reference, so the consumer can be built first).
Json Resolver::import_reference(const TokenData& t, Json reference) {
  const std::string attribute = t.op == TokenOp::GetAtt ? t.name : std::string{};
  const std::string described = t.target->path() + "." + (attribute.empty() ? std::string{"Ref"} : attribute);
  if (auto problem = cross_stack_problem(stack_, t.target->stack(), described)) {
    report_once(problem->code.c_str(), std::move(problem->message));
    return reference;
  }
  if (cross_stack_) *cross_stack_ = true;
  Json imported = {{"Fn::ImportValue", export_name_of(*t.target, attribute)}};
  if (t.type == TokenType::List) return Json{{"Fn::Split", Json::array({"||", std::move(imported)})}};
  return imported;
}

Json Resolver::resolve_token(const Value& value, int depth) {
  if (depth > kMaxDepth) {
    report(errc::InvalidIntrinsic, "a lazy value keeps producing tokens (recursion deeper than 256)");
    return nullptr;
  }
  const TokenData& t = value.token();
  switch (t.op) {
    case TokenOp::Ref: {
      if (t.target) {
        if (!CfnResource::is_cfn_resource(*t.target) && !dynamic_cast<const CfnParameter*>(t.target)) {
          report(errc::WrongTargetKind, "Ref of " + element_kind(*t.target) + " '" + t.target->path() +
                                            "'; only resources and parameters can be referenced");
          return Json{{"Ref", t.target->logical_id()}};
        }
        if (&t.target->stack() != &stack_) return import_reference(t, Json{{"Ref", t.target->logical_id()}});
        return Json{{"Ref", t.target->logical_id()}};
      }
      if (t.name.rfind("AWS::", 0) == 0) {
        if (!is_pseudo_parameter(t.name)) report(errc::UnknownTarget, "'" + t.name + "' is not a pseudo parameter");
        return Json{{"Ref", t.name}};
      }
      auto found = by_logical_id_.find(t.name);
      if (found == by_logical_id_.end())
        report(errc::UnknownTarget, "Ref to '" + t.name + "', which is not a parameter or resource of stack '" +
                                        stack_.stack_name() + "'");
      else if (!CfnResource::is_cfn_resource(*found->second) && !dynamic_cast<const CfnParameter*>(found->second))
        report(errc::WrongTargetKind, "Ref to '" + t.name + "', which is " + a_kind(*found->second) +
                                          "; only resources and parameters can be referenced");
      return Json{{"Ref", t.name}};
    }
    case TokenOp::GetAtt: {
      std::string attribute = t.target ? t.name : t.args.at(0).as_string();
      std::string id;
      if (t.target) {
        const bool resource = CfnResource::is_cfn_resource(*t.target);
        if (!resource)
          report(errc::WrongTargetKind,
                 "Fn::GetAtt of " + element_kind(*t.target) + " '" + t.target->path() + "'; only resources have attributes");
        id = t.target->logical_id();
        if (resource && !attribute.empty() && &t.target->stack() != &stack_)
          return import_reference(t, Json{{"Fn::GetAtt", Json::array({id, attribute})}});
      } else {
        id = t.name;
        auto found = by_logical_id_.find(id);
        if (found == by_logical_id_.end())
          report(errc::UnknownTarget,
                 "Fn::GetAtt of '" + id + "', which is not a resource of stack '" + stack_.stack_name() + "'");
        else if (!CfnResource::is_cfn_resource(*found->second))
          report(errc::WrongTargetKind, "Fn::GetAtt of '" + id + "', which is " + a_kind(*found->second) +
                                            "; only resources have attributes");
      }
      if (attribute.empty()) report(errc::InvalidIntrinsic, "Fn::GetAtt of '" + id + "' needs an attribute name");
      return Json{{"Fn::GetAtt", Json::array({id, attribute})}};
    }
    case TokenOp::LogicalId: {
      if (t.target) return target_id(*t.target);
      auto found = by_logical_id_.find(t.name);
      if (found == by_logical_id_.end() || !dynamic_cast<const CfnMapping*>(found->second))
        report(errc::UnknownTarget, "mapping '" + t.name + "' does not exist in stack '" + stack_.stack_name() + "'");
      return t.name;
    }
    case TokenOp::Intrinsic: return resolve_intrinsic(t, depth);
    case TokenOp::Join: return resolve_join(t, depth);
    case TokenOp::Lazy: return resolve_value(t.lazy(), depth + 1);
  }
  return nullptr;
}

// ${Name} and ${Name.Attribute} in an Fn::Sub body are references too: each must be a
// variable of the Sub, a pseudo parameter, or a parameter or resource of the stack.
void Resolver::check_sub_references(const Value& argument) {
  const Value& body = argument.is_list() && !argument.as_list().empty() ? argument.as_list()[0] : argument;
  if (!body.is_string()) return;
  const Map* variables = argument.is_list() && argument.as_list().size() > 1 ? &argument.as_list()[1].as_map() : nullptr;
  const std::string& text = body.as_string();
  for (auto open = text.find("${"); open != std::string::npos; open = text.find("${", open + 2)) {
    if (open + 2 < text.size() && text[open + 2] == '!') continue;  // ${!Literal}
    const auto close = text.find('}', open);
    if (close == std::string::npos) return;
    const std::string name = text.substr(open + 2, close - open - 2);
    bool known = false;
    if (variables)
      for (const auto& [key, value] : *variables) known = known || key == name;
    if (known) continue;
    if (name.rfind("AWS::", 0) == 0) {
      if (!is_pseudo_parameter(name)) report(errc::UnknownTarget, "Fn::Sub: '${" + name + "}' is not a pseudo parameter");
      continue;
    }
    const auto dot = name.find('.');
    auto found = by_logical_id_.find(name.substr(0, dot));
    const bool ok = found != by_logical_id_.end() &&
                    (CfnResource::is_cfn_resource(*found->second) ||
                     (dot == std::string::npos && dynamic_cast<const CfnParameter*>(found->second)));
    if (!ok)
      report(errc::UnknownTarget, "Fn::Sub: '${" + name + "}' is not a variable of the Sub, nor a " +
                                      (dot == std::string::npos ? "parameter or resource" : "resource") + " of stack '" +
                                      stack_.stack_name() + "'");
  }
}

Json Resolver::resolve_intrinsic(const TokenData& t, int depth) {
  const Value& argument = t.args.at(0);
  auto expect_target = [&](const Value& v, auto* kind, const char* what) {
    if (v.is_token() && v.token().op == TokenOp::LogicalId && v.token().target &&
        !dynamic_cast<decltype(kind)>(v.token().target))
      report(errc::WrongTargetKind, t.name + " needs a " + what + ", but '" + v.token().target->path() + "' is " +
                                        a_kind(*v.token().target));
  };
  // A name given as a string (Fn::intrinsic) rather than an element must name an element
  // of the right kind too; checked once resolved, as the name may come from a lazy value.
  auto expect_named = [&](const Json& name, const Value* unresolved, auto* kind, const char* what) -> decltype(kind) {
    const bool by_identity =
        unresolved && unresolved->is_token() && unresolved->token().op == TokenOp::LogicalId;  // checked already
    if (by_identity || !name.is_string()) return nullptr;
    const std::string& text = name.get_ref<const std::string&>();
    auto found = by_logical_id_.find(text);
    if (found == by_logical_id_.end())
      report(errc::UnknownTarget, std::string{what} + " '" + text + "' does not exist in stack '" + stack_.stack_name() + "'");
    else if (!dynamic_cast<decltype(kind)>(found->second))
      report(errc::WrongTargetKind, t.name + " needs a " + what + ", but '" + text + "' is " + a_kind(*found->second));
    return found == by_logical_id_.end() ? nullptr : dynamic_cast<decltype(kind)>(found->second);
  };
  const List& arguments = argument.as_list();
  if (t.name == "Fn::If" && !arguments.empty())
    expect_target(arguments[0], static_cast<const CfnCondition*>(nullptr), "condition");
  else if (t.name == "Condition")
    expect_target(argument, static_cast<const CfnCondition*>(nullptr), "condition");
  if (t.name == "Fn::Sub") check_sub_references(argument);
  Json resolved = resolve_value(argument, depth + 1);
  if (t.name == "Condition")
    expect_named(resolved, &argument, static_cast<const CfnCondition*>(nullptr), "condition");
  if (t.name == "Fn::If" && resolved.is_array() && !resolved.empty())
    expect_named(resolved[0], arguments.empty() ? nullptr : &arguments[0], static_cast<const CfnCondition*>(nullptr),
                 "condition");
  if (t.name == "Fn::FindInMap" && resolved.is_array() && resolved.size() == 3) {
    const Value* mapping_ref = arguments.size() == 3 ? &arguments[0] : nullptr;
    const CfnMapping* mapping = nullptr;
    if (mapping_ref && mapping_ref->is_token() && mapping_ref->token().target) {
      expect_target(*mapping_ref, static_cast<const CfnMapping*>(nullptr), "mapping");
      mapping = dynamic_cast<const CfnMapping*>(mapping_ref->token().target);
    } else if (mapping_ref && mapping_ref->is_token() && mapping_ref->token().op == TokenOp::LogicalId) {
      // A mapping named by name (Fn::find_in_map("Name", ...)): its keys are checked too.
      if (auto found = by_logical_id_.find(mapping_ref->token().name); found != by_logical_id_.end())
        mapping = dynamic_cast<const CfnMapping*>(found->second);
    } else {
      mapping = expect_named(resolved[0], mapping_ref, static_cast<const CfnMapping*>(nullptr), "mapping");
    }
    const Json& k1 = resolved[1];
    const Json& k2 = resolved[2];
    if (mapping && is_string(k1) && is_string(k2) &&
        !mapping->try_get(k1.get_ref<const std::string&>(), k2.get_ref<const std::string&>()))
      report(errc::UnknownMappingKey, "Fn::FindInMap: mapping '" + mapping->path() + "' has no entry '" +
                                          k1.get<std::string>() + "." + k2.get<std::string>() + "'");
  }
  return Json{{t.name, std::move(resolved)}};
}

// Fn::Join as CDK writes it: nested joins with the same delimiter are flattened,
// adjacent literals are merged, and a single part stands for the whole join.
Json Resolver::resolve_join(const TokenData& t, int depth) {
  const std::string delimiter = t.args.at(0).as_string();
  Json parts = Json::array();
  auto append = [&](Json part) {
    if (part.is_object() && part.size() == 1 && part.contains("Fn::Join") && part["Fn::Join"].is_array() &&
        part["Fn::Join"].size() == 2 && part["Fn::Join"][0] == delimiter && part["Fn::Join"][1].is_array()) {
      for (auto& inner : part["Fn::Join"][1]) parts.push_back(std::move(inner));
      return;
    }
    parts.push_back(std::move(part));
  };
  for (std::size_t i = 1; i < t.args.size(); ++i) append(resolve_value(t.args[i], depth + 1));
  Json merged = Json::array();
  for (auto& part : parts) {
    if (part.is_number()) part = part.dump();
    if (part.is_string() && !merged.empty() && merged.back().is_string()) {
      merged.back() = merged.back().get<std::string>() + delimiter + part.get<std::string>();
    } else if (!(part.is_string() && part.get_ref<const std::string&>().empty() && delimiter.empty())) {
      merged.push_back(std::move(part));
    }
  }
  if (merged.empty()) return "";
  if (merged.size() == 1) return std::move(merged[0]);
  return Json{{"Fn::Join", Json::array({delimiter, std::move(merged)})}};
}

}  // namespace cdk::synth
