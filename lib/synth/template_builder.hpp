// Renders one stack into a CloudFormation template and checks it.
#pragma once

#include <string>
#include <vector>

#include "cdk/errors.hpp"
#include "cdk/stack.hpp"
#include "synth/json.hpp"

namespace cdk::synth {

/// A template as written (render_json's layout) in three pieces: what comes before the
/// resources, the resources (nearly all of a template, never copied), what comes after.
/// Reused from stack to stack, its strings keep their memory.
struct TemplateText {
  std::string head, resources, tail;

  std::size_t size() const { return head.size() + resources.size() + tail.size(); }
  std::string joined() const { return head + resources + tail; }
};

/// The stack's template as written to the cloud assembly, built element by element
/// without a JSON tree of the whole template, into `text` (empty if a string is not
/// UTF-8); every problem found goes to `diagnostics`. With `cross_stack`, set to true when
/// the stack refers to an element of another stack (its imports are written; the
/// producer's exports need resolve_cross_stack_references).
void build_template_text(Stack& stack, std::vector<Diagnostic>& diagnostics, TemplateText& text,
                         bool* cross_stack = nullptr);

/// The same template as a JSON tree, with the same checks.
Json build_template(Stack& stack, std::vector<Diagnostic>& diagnostics);

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
