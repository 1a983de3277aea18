// Tokens that point at elements (internal).
#pragma once

#include "cdk/cfn_element.hpp"
#include "cdk/value.hpp"

namespace cdk::detail {

Value ref_to(const CfnElement& element, TokenType type = TokenType::String);
Value get_att_of(const CfnElement& element, std::string attribute, TokenType type);
/// The element's logical id as a plain string, resolved at synth.
Value logical_id_of(const CfnElement& element);

}  // namespace cdk::detail
