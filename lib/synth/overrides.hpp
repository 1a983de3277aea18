// CDK's escape-hatch overrides: a dotted path into a rendered resource.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "synth/json.hpp"

namespace cdk::synth {

/// Splits "A.B\.C.0" into {"A", "B.C", "0"}.
std::vector<std::string> split_override_path(const std::string& path);

/// Sets (or, for nullopt, deletes) the value at `path` inside `body`, creating objects on
/// the way as CDK does; a numeric component indexes into an existing array. Returns a
/// description of the problem when the path cannot be applied.
std::optional<std::string> apply_override(Json& body, const std::string& path, std::optional<Json> value);

}  // namespace cdk::synth
