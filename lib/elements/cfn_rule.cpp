#include "cdk/cfn_rule.hpp"

namespace cdk {

CfnRule::CfnRule(Construct& scope, std::string_view id, CfnRuleProps props)
    : CfnElement(scope, id), props_{std::move(props)} {}

void CfnRule::add_assertion(Value condition, std::string description) {
  props_.assertions.push_back({std::move(condition), std::move(description)});
}

Value CfnRule::render() const {
  Map body;
  if (!props_.rule_condition.is_null()) body.emplace_back("RuleCondition", props_.rule_condition);
  List assertions;
  for (const auto& a : props_.assertions) {
    Map entry{{"Assert", a.assert_}};
    if (!a.assert_description.empty()) entry.emplace_back("AssertDescription", Value{a.assert_description});
    assertions.emplace_back(std::move(entry));
  }
  body.emplace_back("Assertions", Value{std::move(assertions)});
  return Value{std::move(body)};
}

void CfnRule::validate_element(std::vector<Diagnostic>& out) const {
  CfnElement::validate_element(out);
  if (props_.assertions.empty()) out.push_back({errc::InvalidRule, path(), "a rule needs at least one assertion"});
  for (const auto& a : props_.assertions)
    if (a.assert_.is_null()) out.push_back({errc::InvalidRule, path(), "an assertion needs a condition"});
}

}  // namespace cdk
