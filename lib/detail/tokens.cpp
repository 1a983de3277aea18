#include "detail/tokens.hpp"

namespace cdk::detail {

namespace {
Value make(TokenOp op, TokenType type, const CfnElement& element, std::string name) {
  auto data = std::make_shared<TokenData>();
  data->op = op;
  data->type = type;
  data->target = &element;
  data->name = std::move(name);
  return Value::make_token(std::move(data));
}
}  // namespace

Value ref_to(const CfnElement& element, TokenType type) { return make(TokenOp::Ref, type, element, {}); }
Value get_att_of(const CfnElement& element, std::string attribute, TokenType type) {
  return make(TokenOp::GetAtt, type, element, std::move(attribute));
}
Value logical_id_of(const CfnElement& element) { return make(TokenOp::LogicalId, TokenType::String, element, {}); }

}  // namespace cdk::detail
