// Renders one stack into a CloudFormation template and checks it.
#pragma once

#include <string>
#include <vector>

#include "cdk/errors.hpp"
#include "cdk/stack.hpp"
#include "synth/json.hpp"

namespace cdk::synth {

/// The stack's template; every problem found goes to `diagnostics`. With `rendered`, also
/// the template as written (render_json), which the size check computes anyway. With
/// `cross_stack`, set to true when the stack refers to an element of another stack (its
/// imports are written; the producer's exports need resolve_cross_stack_references).
Json build_template(Stack& stack, std::vector<Diagnostic>& diagnostics, std::string* rendered = nullptr,
                    bool* cross_stack = nullptr);

/// Node validations (add_validation) of `root` and its subtree, without nested stacks'
/// contents when `stop_at_stacks` is set.
void collect_validations(Construct& root, std::vector<Diagnostic>& diagnostics);

/// build_template plus the validations of the stack's subtree; throws SynthError.
Json build_template_or_throw(Stack& stack);

/// JSON as CDK writes it (one-space indentation), with a trailing newline omitted.
std::string render_json(const Json& json);
/// YAML 1.1 that CloudFormation reads.
std::string render_yaml(const Json& json, const YamlOptions& options);

}  // namespace cdk::synth
