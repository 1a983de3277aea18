#include "cdk/fn.hpp"

#include <algorithm>

#include "cdk/cfn_condition.hpp"
#include "cdk/cfn_mapping.hpp"
#include "cdk/errors.hpp"

namespace cdk {

namespace {
using detail::TokenData;
using detail::TokenOp;

Value token(TokenOp op, TokenType type, const CfnElement* target, std::string name, List args = {}) {
  auto data = std::make_shared<TokenData>();
  data->op = op;
  data->type = type;
  data->target = target;
  data->name = std::move(name);
  data->args = std::move(args);
  return Value::make_token(std::move(data));
}

Value call(std::string name, Value argument, TokenType type = TokenType::Any) {
  return token(TokenOp::Intrinsic, type, nullptr, std::move(name), List{std::move(argument)});
}

Value logical_id_of(const CfnElement& element) { return token(TokenOp::LogicalId, TokenType::String, &element, {}); }
}  // namespace

namespace Fn {

Value ref(std::string logical_name) { return token(TokenOp::Ref, TokenType::Any, nullptr, std::move(logical_name)); }

Value get_att(std::string logical_name, std::string attribute) {
  return token(TokenOp::GetAtt, TokenType::Any, nullptr, std::move(logical_name), List{Value{std::move(attribute)}});
}

Value join(std::string delimiter, List parts) {
  bool literal = true;
  for (const auto& part : parts) literal = literal && !part.contains_token() && part.is_string();
  if (literal) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? delimiter : "") + parts[i].as_string();
    return Value{out};
  }
  List args;
  args.reserve(parts.size() + 1);
  args.emplace_back(std::move(delimiter));
  for (auto& part : parts) args.push_back(std::move(part));
  return token(TokenOp::Join, TokenType::String, nullptr, "Fn::Join", std::move(args));
}

Value join_list(std::string delimiter, Value list) {
  return call("Fn::Join", List{Value{std::move(delimiter)}, std::move(list)}, TokenType::String);
}

Value sub(std::string body, Map variables) {
  if (variables.empty()) return call("Fn::Sub", Value{std::move(body)}, TokenType::String);
  return call("Fn::Sub", List{Value{std::move(body)}, Value{std::move(variables)}}, TokenType::String);
}

Value base64(Value data) { return call("Fn::Base64", std::move(data), TokenType::String); }

Value select(int index, Value list) { return call("Fn::Select", List{Value{index}, std::move(list)}); }

Value split(std::string delimiter, Value source, std::optional<int> assumed_length) {
  (void)assumed_length;  // CDK uses it only to pre-split tokens; the template is the same
  return call("Fn::Split", List{Value{std::move(delimiter)}, std::move(source)}, TokenType::List);
}

Value get_azs(Value region) { return call("Fn::GetAZs", std::move(region), TokenType::List); }

Value import_value(Value shared_value_to_import) {
  return call("Fn::ImportValue", std::move(shared_value_to_import), TokenType::String);
}

Value find_in_map(const CfnMapping& mapping, Value top_level_key, Value second_level_key) {
  return call("Fn::FindInMap", List{logical_id_of(mapping), std::move(top_level_key), std::move(second_level_key)});
}

Value find_in_map(std::string mapping_name, Value top_level_key, Value second_level_key) {
  return call("Fn::FindInMap", List{token(TokenOp::LogicalId, TokenType::String, nullptr, std::move(mapping_name)),
                                    std::move(top_level_key), std::move(second_level_key)});
}

Value cidr(Value ip_block, Value count, Value size_mask) {
  List args{std::move(ip_block), std::move(count)};
  if (!size_mask.is_null()) args.push_back(std::move(size_mask));
  return call("Fn::Cidr", Value{std::move(args)}, TokenType::List);
}

Value len(Value list) { return call("Fn::Length", std::move(list), TokenType::Number); }

Value to_json_string(Value object) { return call("Fn::ToJsonString", std::move(object), TokenType::String); }

Value transform(std::string macro_name, Map parameters) {
  return call("Fn::Transform", Map{{"Name", Value{std::move(macro_name)}}, {"Parameters", Value{std::move(parameters)}}});
}

Value condition_if(const CfnCondition& condition, Value if_true, Value if_false) {
  return call("Fn::If", List{logical_id_of(condition), std::move(if_true), std::move(if_false)});
}
Value condition_equals(Value lhs, Value rhs) { return call("Fn::Equals", List{std::move(lhs), std::move(rhs)}); }
namespace {
// CloudFormation takes 2 to 10 conditions in Fn::And / Fn::Or. As CDK does, a single
// condition stands for itself and longer lists are combined in groups of 10.
Value combine_conditions(const char* name, List conditions) {
  if (conditions.empty())
    throw Error(errc::InvalidIntrinsic, "", std::string{name} + " needs at least one condition");
  if (conditions.size() == 1) return std::move(conditions.front());
  if (conditions.size() <= 10) return call(name, Value{std::move(conditions)});
  List groups;
  for (std::size_t i = 0; i < conditions.size(); i += 10) {
    const auto end = std::min(conditions.size(), i + 10);
    groups.push_back(combine_conditions(name, List(conditions.begin() + static_cast<std::ptrdiff_t>(i),
                                                   conditions.begin() + static_cast<std::ptrdiff_t>(end))));
  }
  return combine_conditions(name, std::move(groups));
}
}  // namespace

Value condition_and(List conditions) { return combine_conditions("Fn::And", std::move(conditions)); }
Value condition_or(List conditions) { return combine_conditions("Fn::Or", std::move(conditions)); }
Value condition_not(Value condition) { return call("Fn::Not", List{std::move(condition)}); }
Value condition(const CfnCondition& condition) { return call("Condition", logical_id_of(condition)); }

Value contains(Value list_of_strings, Value value) {
  return call("Fn::Contains", List{std::move(list_of_strings), std::move(value)});
}
Value each_member_equals(Value list_of_strings, Value value) {
  return call("Fn::EachMemberEquals", List{std::move(list_of_strings), std::move(value)});
}
Value each_member_in(Value strings_to_check, Value strings_to_match) {
  return call("Fn::EachMemberIn", List{std::move(strings_to_check), std::move(strings_to_match)});
}
Value ref_all(std::string parameter_type) { return call("Fn::RefAll", Value{std::move(parameter_type)}, TokenType::List); }
Value value_of(std::string parameter_or_logical_id, std::string attribute) {
  return call("Fn::ValueOf", List{Value{std::move(parameter_or_logical_id)}, Value{std::move(attribute)}});
}
Value value_of_all(std::string parameter_type, std::string attribute) {
  return call("Fn::ValueOfAll", List{Value{std::move(parameter_type)}, Value{std::move(attribute)}}, TokenType::List);
}

Value intrinsic(std::string name, Value argument) { return call(std::move(name), std::move(argument)); }

}  // namespace Fn

namespace Aws {
namespace {
Value pseudo(const char* name, TokenType type = TokenType::String) { return token(TokenOp::Ref, type, nullptr, name); }
}  // namespace
Value account_id() { return pseudo("AWS::AccountId"); }
Value region() { return pseudo("AWS::Region"); }
Value stack_name() { return pseudo("AWS::StackName"); }
Value stack_id() { return pseudo("AWS::StackId"); }
Value partition() { return pseudo("AWS::Partition"); }
Value url_suffix() { return pseudo("AWS::URLSuffix"); }
Value notification_arns() { return pseudo("AWS::NotificationARNs", TokenType::List); }
Value no_value() { return pseudo("AWS::NoValue", TokenType::Any); }
}  // namespace Aws

Value dynamic_reference(DynamicReferenceService service, Value key) {
  const char* name = service == DynamicReferenceService::Ssm         ? "ssm"
                     : service == DynamicReferenceService::SsmSecure ? "ssm-secure"
                                                                     : "secretsmanager";
  return Value{std::string{"{{resolve:"} + name + ":"} + key + Value{"}}"};
}

}  // namespace cdk
