#include "cdk/iam/policy_statement.hpp"

#include <algorithm>
#include <string_view>

#include "cdk/errors.hpp"

namespace cdk::iam {

namespace {

void append_unique(std::vector<Value>& into, std::vector<Value> values) {
  for (auto& v : values)
    if (std::find(into.begin(), into.end(), v) == into.end()) into.push_back(std::move(v));
}

// CDK's check, /^(\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*]+)$/: "*" or "<service>:<action>", the
// action name may hold wildcards. Written out rather than as a std::regex, whose
// construction alone costs more than the rest of a small synth's IAM work.
bool is_valid_action(std::string_view action) {
  if (action == "*") return true;
  const auto colon = action.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == action.size()) return false;
  const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  return std::all_of(action.begin(), action.begin() + colon, [&](char c) { return alnum(c) || c == '-'; }) &&
         std::all_of(action.begin() + colon + 1, action.end(), [&](char c) { return alnum(c) || c == '*'; });
}

void check_actions(const std::vector<Value>& actions) {
  for (const auto& action : actions) {
    if (action.contains_token()) continue;
    if (!action.is_string() || !is_valid_action(action.as_string())) {
      const std::string text = action.is_string() ? action.as_string() : std::string{"<not a string>"};
      throw Error(errc::IamInvalidAction, "",
                  "Action '" + text +
                      "' is invalid. An action string consists of a service namespace, a colon, and the name of an "
                      "action. Action names can include wildcards.");
    }
  }
}

// A single value is written as itself, several as a list (CDK's _norm).
Value norm_list(const std::vector<Value>& values) {
  if (values.size() == 1) return values.front();
  return List(values.begin(), values.end());
}

}  // namespace

PolicyStatement::PolicyStatement(PolicyStatementProps props) : sid_{std::move(props.sid)}, effect_{props.effect} {
  add_actions(std::move(props.actions));
  add_not_actions(std::move(props.not_actions));
  add_principals(std::move(props.principals));
  add_not_principals(std::move(props.not_principals));
  add_resources(std::move(props.resources));
  add_not_resources(std::move(props.not_resources));
  add_conditions(props.conditions);
}

void PolicyStatement::add_actions(std::vector<Value> actions) {
  check_actions(actions);
  append_unique(actions_, std::move(actions));
}

void PolicyStatement::add_not_actions(std::vector<Value> actions) {
  check_actions(actions);
  append_unique(not_actions_, std::move(actions));
}

void PolicyStatement::add_principal_fragment(PrincipalMap& into, const IPrincipal& principal) {
  const PrincipalPolicyFragment fragment = principal.policy_fragment();
  for (const auto& [key, values] : fragment.principal_json) {
    auto it = std::find_if(into.begin(), into.end(), [&key = key](const auto& e) { return e.first == key; });
    if (it == into.end()) it = into.insert(into.end(), {key, {}});
    append_unique(it->second, values);
  }
  add_conditions(fragment.conditions);
}

void PolicyStatement::add_principals(std::vector<Principal> principals) {
  for (const auto& p : principals)
    if (p) add_principal_fragment(principals_, *p);
}

void PolicyStatement::add_not_principals(std::vector<Principal> principals) {
  for (const auto& p : principals)
    if (p) add_principal_fragment(not_principals_, *p);
}

void PolicyStatement::add_resources(std::vector<Value> resources) { append_unique(resources_, std::move(resources)); }

void PolicyStatement::add_not_resources(std::vector<Value> resources) {
  append_unique(not_resources_, std::move(resources));
}

void PolicyStatement::add_any_principal() { add_principals({AnyPrincipal{}}); }
void PolicyStatement::add_service_principal(std::string service) { add_principals({ServicePrincipal{std::move(service)}}); }
void PolicyStatement::add_aws_account_principal(Value account_id) { add_principals({AccountPrincipal{std::move(account_id)}}); }
void PolicyStatement::add_arn_principal(Value arn) { add_principals({ArnPrincipal{std::move(arn)}}); }

// A condition operator's entries merge into the existing ones, later keys winning, as
// CDK's addCondition ({...existing, ...value}).
void PolicyStatement::add_condition(const std::string& op, const Value& condition) {
  if (!condition.is_map() && !condition.is_token())
    throw Error(errc::IamInvalidCondition, "",
                "the condition for '" + op + "' must be a map of condition keys to values, e.g. {\"aws:SecureTransport\": \"false\"}");
  auto it = std::find_if(conditions_.begin(), conditions_.end(), [&](const auto& e) { return e.first == op; });
  if (it == conditions_.end() || !it->second.is_map() || !condition.is_map()) {
    if (it == conditions_.end())
      conditions_.emplace_back(op, condition);
    else
      it->second = condition;
    return;
  }
  Map merged = it->second.as_map();
  for (const auto& [key, value] : condition.as_map()) {
    auto m = std::find_if(merged.begin(), merged.end(), [&key = key](const auto& e) { return e.first == key; });
    if (m == merged.end())
      merged.emplace_back(key, value);
    else
      m->second = value;
  }
  it->second = Value{std::move(merged)};
}

void PolicyStatement::add_conditions(const Map& conditions) {
  for (const auto& [op, condition] : conditions) add_condition(op, condition);
}

Value PolicyStatement::to_statement_json() const {
  auto principal_json = [](const PrincipalMap& principals) {
    Map out;
    for (const auto& [key, values] : principals)
      if (!values.empty()) out.emplace_back(key, norm_list(values));
    return out;
  };
  Map out;
  if (!actions_.empty()) out.emplace_back("Action", norm_list(actions_));
  if (!not_actions_.empty()) out.emplace_back("NotAction", norm_list(not_actions_));
  if (!conditions_.empty()) out.emplace_back("Condition", Value{conditions_});
  out.emplace_back("Effect", effect_ == Effect::Allow ? "Allow" : "Deny");
  if (!principals_.empty()) out.emplace_back("Principal", principal_json(principals_));
  if (!not_principals_.empty()) out.emplace_back("NotPrincipal", principal_json(not_principals_));
  if (!resources_.empty()) out.emplace_back("Resource", norm_list(resources_));
  if (!not_resources_.empty()) out.emplace_back("NotResource", norm_list(not_resources_));
  if (sid_) out.emplace_back("Sid", *sid_);
  return Value{std::move(out)};
}

std::vector<std::string> PolicyStatement::validate_for_any_policy() const {
  std::vector<std::string> errors;
  if (actions_.empty() && not_actions_.empty())
    errors.emplace_back("A PolicyStatement must specify at least one 'action' or 'notAction'.");
  return errors;
}

std::vector<std::string> PolicyStatement::validate_for_identity_policy() const {
  auto errors = validate_for_any_policy();
  if (has_principal())
    errors.emplace_back("A PolicyStatement used in an identity-based policy cannot specify any IAM principals.");
  if (!has_resource())
    errors.emplace_back("A PolicyStatement used in an identity-based policy must specify at least one resource.");
  return errors;
}

std::vector<std::string> PolicyStatement::validate_for_resource_policy() const {
  auto errors = validate_for_any_policy();
  if (!has_principal())
    errors.emplace_back("A PolicyStatement used in a resource-based policy must specify at least one IAM principal.");
  return errors;
}

}  // namespace cdk::iam
