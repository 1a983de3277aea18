// Intrinsic functions (cdk::Fn), pseudo parameters (cdk::Aws) and dynamic references.
// Every function returns a token Value; nothing is rendered until synth.
#pragma once

#include <optional>
#include <string>

#include "cdk/value.hpp"

namespace cdk {

class CfnCondition;
class CfnElement;
class CfnMapping;

namespace Fn {

/// {"Ref": logical_name}, checked at synth: the name must be a parameter or resource of
/// the stack (or a pseudo parameter). Prefer element.ref(), which carries identity: it
/// also works from another stack of the app (an export and Fn::ImportValue; see Stack).
Value ref(std::string logical_name);
/// {"Fn::GetAtt": [logical_name, attribute]}, checked at synth like ref().
Value get_att(std::string logical_name, std::string attribute);
/// Fn::Join; adjacent literals merge and a single part is returned as is, as CDK does.
Value join(std::string delimiter, List parts);
/// Fn::Join of a list-valued token (a List<...> parameter, Fn::split, Fn::get_azs).
Value join_list(std::string delimiter, Value list);
/// Fn::Sub with a template string and, optionally, a variables map.
Value sub(std::string body, Map variables = {});
Value base64(Value data);
Value select(int index, Value list);
Value split(std::string delimiter, Value source, std::optional<int> assumed_length = {});
/// Fn::GetAZs for a region; empty means the stack's region.
Value get_azs(Value region = "");
/// {"Fn::ImportValue": name}. References between stacks of one app need no explicit
/// import: element.ref() and attributes used in another stack are exported and imported
/// at synth (see Stack). Use this for exports of other apps, or with the value
/// Stack::export_value returns.
Value import_value(Value shared_value_to_import);
Value find_in_map(const CfnMapping& mapping, Value top_level_key, Value second_level_key);
/// Fn::FindInMap by mapping name, checked at synth.
Value find_in_map(std::string mapping_name, Value top_level_key, Value second_level_key);
Value cidr(Value ip_block, Value count, Value size_mask = {});
Value len(Value list);
Value to_json_string(Value object);
Value transform(std::string macro_name, Map parameters);

/// Condition functions; a condition argument is a CfnCondition or another condition
/// expression.
Value condition_if(const CfnCondition& condition, Value if_true, Value if_false);
Value condition_equals(Value lhs, Value rhs);
Value condition_and(List conditions);
Value condition_or(List conditions);
Value condition_not(Value condition);
/// {"Condition": name}: a reference to a named condition inside a condition expression.
Value condition(const CfnCondition& condition);

/// Rule-specific functions (CfnRule assertions).
Value contains(Value list_of_strings, Value value);
Value each_member_equals(Value list_of_strings, Value value);
Value each_member_in(Value strings_to_check, Value strings_to_match);
Value ref_all(std::string parameter_type);
Value value_of(std::string parameter_or_logical_id, std::string attribute);
Value value_of_all(std::string parameter_type, std::string attribute);

/// A general intrinsic {name: argument}, for functions added to CloudFormation later.
Value intrinsic(std::string name, Value argument);

}  // namespace Fn

/// Pseudo parameters.
namespace Aws {
Value account_id();
Value region();
Value stack_name();
Value stack_id();
Value partition();
Value url_suffix();
Value notification_arns();
Value no_value();
}  // namespace Aws

/// Services a dynamic reference can resolve from.
enum class DynamicReferenceService { Ssm, SsmSecure, SecretsManager };

/// "{{resolve:<service>:<key>}}"; the key may contain tokens.
Value dynamic_reference(DynamicReferenceService service, Value key);

}  // namespace cdk
