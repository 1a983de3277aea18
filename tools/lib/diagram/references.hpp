// What a template value refers to: the targets of Ref, Fn::GetAtt, the ${X} and ${X.Attr}
// of Fn::Sub, and the export names read by Fn::ImportValue, in document order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "synth/json.hpp"

namespace cdk::tools::diagram {

struct Reference {
  enum class Kind { Ref, GetAtt, Sub, Import };
  Kind kind = Kind::Ref;
  std::string target;     // a logical id (pseudo parameters such as AWS::Region are left out)
  std::string attribute;  // Fn::GetAtt's or ${X.Attr}'s attribute, else ""
  const synth::Json* import_name = nullptr;  // Kind::Import: the value given to Fn::ImportValue
};

/// Appends the references found anywhere inside `value` to `out`, in document order.
/// Condition names (Fn::If's first argument, {"Condition": ...}) are not references to
/// elements that are drawn, and are skipped.
void collect_references(const synth::Json& value, std::vector<Reference>& out);

/// The string a value is at deploy time when it can be known from the template alone: a
/// literal, Fn::Join and Fn::Sub of literals, and Ref AWS::StackName / ${AWS::StackName},
/// which is `stack_name`. Export names are written this way.
std::optional<std::string> static_string(const synth::Json& value, const std::string& stack_name);

}  // namespace cdk::tools::diagram
