// One statement of an IAM policy document.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cdk/iam/principal.hpp"
#include "cdk/value.hpp"

namespace cdk::iam {

enum class Effect { Allow, Deny };

struct PolicyStatementProps {
  /// Sid; default: none.
  std::optional<std::string> sid;
  /// Default: Allow.
  Effect effect = Effect::Allow;
  /// "service:Action" or "*" (wildcards allowed in the action name); tokens are not
  /// checked. An invalid action throws cdk.iam.InvalidAction.
  std::vector<Value> actions;
  std::vector<Value> not_actions;
  std::vector<Principal> principals;
  std::vector<Principal> not_principals;
  /// ARNs (literals or tokens), "*" for all.
  std::vector<Value> resources;
  std::vector<Value> not_resources;
  /// {"<operator>": {"<key>": value}}, e.g. {{"Bool", Map{{"aws:SecureTransport", "false"}}}}.
  Map conditions;
};

/// A statement, held by value: adding it to a policy copies it, so change a statement
/// before adding it (CDK keeps a reference and freezes it at synth).
///
/// Rendered as CDK renders it (keys Action, NotAction, Condition, Effect, Principal,
/// NotPrincipal, Resource, NotResource, Sid; duplicates removed; a single action,
/// resource or principal value is written as a string, several as a list).
class PolicyStatement {
 public:
  PolicyStatement(PolicyStatementProps props = {});

  void add_actions(std::vector<Value> actions);
  void add_not_actions(std::vector<Value> actions);
  void add_principals(std::vector<Principal> principals);
  void add_not_principals(std::vector<Principal> principals);
  void add_resources(std::vector<Value> resources);
  void add_not_resources(std::vector<Value> resources);
  /// Resource "*".
  void add_all_resources() { add_resources({"*"}); }
  /// Principal {"AWS": "*"}.
  void add_any_principal();
  void add_service_principal(std::string service);
  void add_aws_account_principal(Value account_id);
  void add_arn_principal(Value arn);
  /// Adds or merges a condition: add_condition("StringEquals", Map{{"aws:SourceAccount", "123"}}).
  void add_condition(const std::string& op, const Value& condition);
  void add_conditions(const Map& conditions);
  void set_sid(std::optional<std::string> sid) { sid_ = std::move(sid); }
  void set_effect(Effect effect) { effect_ = effect; }

  Effect effect() const { return effect_; }
  const std::optional<std::string>& sid() const { return sid_; }
  const std::vector<Value>& actions() const { return actions_; }
  const std::vector<Value>& not_actions() const { return not_actions_; }
  const std::vector<Value>& resources() const { return resources_; }
  const std::vector<Value>& not_resources() const { return not_resources_; }
  const Map& conditions() const { return conditions_; }
  bool has_principal() const { return !principals_.empty() || !not_principals_.empty(); }
  bool has_resource() const { return !resources_.empty() || !not_resources_.empty(); }

  /// The statement as it goes into a template (tokens unresolved).
  Value to_statement_json() const;

  /// CDK's checks, as messages (empty when valid).
  std::vector<std::string> validate_for_any_policy() const;
  std::vector<std::string> validate_for_identity_policy() const;
  std::vector<std::string> validate_for_resource_policy() const;

 private:
  using PrincipalMap = std::vector<std::pair<std::string, std::vector<Value>>>;
  void add_principal_fragment(PrincipalMap& into, const IPrincipal& principal);

  std::optional<std::string> sid_;
  Effect effect_ = Effect::Allow;
  std::vector<Value> actions_;
  std::vector<Value> not_actions_;
  PrincipalMap principals_;
  PrincipalMap not_principals_;
  std::vector<Value> resources_;
  std::vector<Value> not_resources_;
  Map conditions_;
};

}  // namespace cdk::iam
