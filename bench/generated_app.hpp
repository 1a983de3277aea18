// A generated app of N resources, for the synth benchmark: what a large real app looks
// like to the synthesizer (nested constructs with hashed logical ids, parameters, a
// mapping, a condition, outputs, and Refs / GetAtts / joins between the elements).
#pragma once

#include <cstddef>

namespace cdk {
class App;
}

namespace bench {

/// Resources per stack: CloudFormation's limit.
inline constexpr std::size_t kResourcesPerStack = 500;

/// Adds ceil(resources / 500) stacks holding `resources` resources in all to `app`.
void build_generated_app(cdk::App& app, std::size_t resources);

}  // namespace bench
