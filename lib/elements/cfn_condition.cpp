#include "cdk/cfn_condition.hpp"

#include "cdk/fn.hpp"

namespace cdk {

CfnCondition::CfnCondition(Construct& scope, std::string_view id, CfnConditionProps props)
    : CfnElement(scope, id), expression_{std::move(props.expression)} {}

Value CfnCondition::if_(Value if_true, Value if_false) const {
  return Fn::condition_if(*this, std::move(if_true), std::move(if_false));
}

Value CfnCondition::render() const { return expression_; }

void CfnCondition::validate_element(std::vector<Diagnostic>& out) const {
  CfnElement::validate_element(out);
  if (expression_.is_null())
    out.push_back({errc::InvalidIntrinsic, path(), "a condition needs an expression (Fn::condition_equals, ...)"});
  else if (!expression_.is_token())
    out.push_back({errc::InvalidIntrinsic, path(), "a condition's expression must be a condition function, not a literal"});
}

}  // namespace cdk
