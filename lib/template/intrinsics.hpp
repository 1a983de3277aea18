// The intrinsic functions CloudFormation knows, and the limits every template reader
// honours (shared by the YAML reader, the template checks and CfnInclude).
#pragma once

#include <cstddef>
#include <string_view>

namespace cdk::template_io {

/// Nesting deeper than this (maps and lists inside each other) is an error
/// [cdk.template.TooDeep], not a stack overflow: templates nest far less (a policy
/// condition inside a statement inside a document inside a property is about 8), and
/// every reader of the result recurses.
inline constexpr int kMaxDepth = 64;

/// YAML aliases can expand a small text into a huge tree ("billion laughs"); a template
/// of more values than this is an error [cdk.template.TooManyValues].
inline constexpr std::size_t kMaxNodes = 2'000'000;

/// "Ref", "Condition", or a function "Fn::Join", ... that CloudFormation (with the
/// AWS::LanguageExtensions transform and the rule functions) knows.
bool is_known_intrinsic(std::string_view name);

/// The long name of a YAML short-form tag without its '!': "Ref" -> "Ref",
/// "GetAtt" -> "Fn::GetAtt"; empty when CloudFormation has no such short form.
std::string_view long_form_of_tag(std::string_view tag);

}  // namespace cdk::template_io
