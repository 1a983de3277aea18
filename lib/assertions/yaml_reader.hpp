// CloudFormation YAML to JSON: short-form tags (!Ref, !GetAtt A.B, !Sub, !If, ...) become
// their long form; plain scalars are typed as YAML 1.1 (PyYAML, cfn-lint) types them.
#pragma once

#include <string_view>

#include "synth/json.hpp"

namespace cdk::assertions::detail {

/// Throws std::invalid_argument on malformed YAML.
cdk::synth::Json yaml_to_json(std::string_view text);

}  // namespace cdk::assertions::detail
