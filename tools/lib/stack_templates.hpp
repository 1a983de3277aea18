// The stacks the cdkpp tool works on: a single template file, or every stack of a cloud
// assembly (a cdk.out folder), stage assemblies included.
#pragma once

#include <string>
#include <vector>

#include "synth/json.hpp"

namespace cdk::tools {

struct StackTemplate {
  std::string artifact_id;    // manifest artifact id; for a lone template its file name up to the first '.'
  std::string stack_name;     // the CloudFormation stack name ("Prod-Api")
  std::string display_name;   // what `cdk ls` prints ("Prod/Api")
  std::string template_path;  // the file the template was read from
  synth::Json body;
};

/// `path` is a template file (JSON or YAML) or a cloud assembly folder (one holding
/// manifest.json). Stacks come in manifest order, each stage's nested assembly where its
/// artifact is listed. Errors: [cdk.template.ReadError], [cdk.template.ParseError],
/// [cdk.assembly.Invalid] (no manifest, or a manifest that is not a cloud assembly's).
std::vector<StackTemplate> load_stacks(const std::string& path);

}  // namespace cdk::tools
