// Checks a resource's rendered Properties against the shape from its registry schema:
// required properties, unknown properties (from overrides or set_property), value kinds,
// enums, patterns, lengths, ranges and item counts. Intrinsics are skipped: a token's
// value is only known at deploy time.
#pragma once

#include <string>
#include <vector>

#include "cdk/errors.hpp"
#include "cdk/resource_type.hpp"
#include "synth/json.hpp"

namespace cdk::synth {

/// Appends one diagnostic per problem, at `construct_path`, naming the property path
/// ("Properties.Tags[0].Key").
void validate_properties(const ResourceTypeInfo& type, const Json* properties, const std::string& construct_path,
                         std::vector<Diagnostic>& diagnostics);

}  // namespace cdk::synth
