// The structure CloudFormation requires of a template, checked after parsing: known
// sections of the right kinds, resources with a Type, known intrinsic functions with
// arguments of the right shape.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "synth/json.hpp"

namespace cdk::template_io {

struct TemplateProblem {
  const char* code;               // errc::TemplateMalformed or errc::TemplateUnknownIntrinsic
  std::vector<std::string> path;  // {"Resources", "Vpc", "Properties", "CidrBlock"}
  std::string message;
};

/// The first problem of `root` in document order, or nullopt.
std::optional<TemplateProblem> check_template(const synth::Json& root);

/// "Resources.Vpc.Properties.Tags.0.Key"
std::string dotted(const std::vector<std::string>& path);

}  // namespace cdk::template_io
