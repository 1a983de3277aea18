// A named condition; resources, outputs and Fn::If refer to it by identity.
#pragma once

#include <string_view>

#include "cdk/cfn_element.hpp"

namespace cdk {

struct CfnConditionProps {
  /// A condition expression: Fn::condition_equals, _and, _or, _not, or condition().
  Value expression;
};

class CfnCondition : public CfnElement {
 public:
  using Props = CfnConditionProps;

  CfnCondition(Construct& scope, std::string_view id, CfnConditionProps props);

  /// Fn::If on this condition.
  Value if_(Value if_true, Value if_false) const;

  const Value& expression() const { return expression_; }
  void set_expression(Value expression) { expression_ = std::move(expression); }

  TemplateSection section() const override { return TemplateSection::Conditions; }
  Value render() const override;
  void validate_element(std::vector<Diagnostic>& out) const override;

 private:
  Value expression_;
};

}  // namespace cdk
