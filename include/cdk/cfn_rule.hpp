// A template rule: assertions on parameter values, checked by CloudFormation before a
// stack is created or updated.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cdk/cfn_element.hpp"

namespace cdk {

struct CfnRuleAssertion {
  /// A condition expression built from Fn::contains, Fn::each_member_in, ... .
  Value assert_;
  std::string assert_description;
};

struct CfnRuleProps {
  std::vector<CfnRuleAssertion> assertions;
  /// When present, the assertions apply only if this expression is true.
  Value rule_condition;
};

class CfnRule : public CfnElement {
 public:
  using Props = CfnRuleProps;

  CfnRule(Construct& scope, std::string_view id, CfnRuleProps props = {});

  void add_assertion(Value condition, std::string description);

  TemplateSection section() const override { return TemplateSection::Rules; }
  Value render() const override;
  void validate_element(std::vector<Diagnostic>& out) const override;

 private:
  CfnRuleProps props_;
};

}  // namespace cdk
