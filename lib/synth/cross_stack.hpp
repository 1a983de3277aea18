// References between stacks of one app, as CDK resolves them (core/lib/private/refs.ts):
// a Ref or Fn::GetAtt of an element of another stack becomes an Output with an Export in
// the producer ("<stackName>:ExportsOutput..."), Fn::ImportValue in the consumer, and a
// dependency of the consumer stack on the producer.
//
// Templates are built in parallel, one stack per thread, so the exports must exist before
// any template is built: resolve_cross_stack_references runs first and creates them; the
// resolver then only looks them up (find_export), which reads the tree and never changes it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cdk/errors.hpp"
#include "cdk/value.hpp"

namespace cdk {
class CfnElement;
class CfnOutput;
class Construct;
class Stack;
}  // namespace cdk

namespace cdk::synth {

/// The elements' bodies (CfnElement::render()) the pass rendered, per stack in element
/// order, handed to the template builder so that synth renders each element once.
class RenderedBodies {
 public:
  using Bodies = std::vector<std::pair<const CfnElement*, Value>>;

  /// The next cached body if it is `element`'s (taking it out), else element.render().
  /// Elements must be asked for in the order of Stack::elements(); elements added since
  /// the pass (the exports) are rendered then.
  Value take(const Stack& stack, const CfnElement& element);

 private:
  friend RenderedBodies resolve_cross_stack_references(Construct&, std::vector<Diagnostic>&, bool);
  struct PerStack {
    Stack* stack;
    Bodies bodies;
    std::size_t next = 0;
  };
  std::vector<PerStack> stacks_;  // tree order
  // Stack -> index in stacks_; only read while templates are built (one thread per stack).
  std::unordered_map<const Stack*, std::size_t> index_;
};

/// Finds every Ref / Fn::GetAtt token whose target is in another stack (in the rendered
/// bodies of all elements under `root`, resource overrides included), creates the export
/// outputs in the producers, and makes each consumer stack depend on its producers; a
/// DependsOn on a resource of another stack becomes a stack dependency too. A dependency
/// that would close a cycle is not added and is reported at the consuming element
/// (cdk.resolve.ReferenceCycle). Problems the resolver reports for the reference itself
/// (across apps, environments or stages) are left to it. Idempotent: running it again
/// finds the outputs it created before. Stacks are scanned on one thread per core when
/// `parallel` (lazy values then run on those threads, as in the template builder).
RenderedBodies resolve_cross_stack_references(Construct& root, std::vector<Diagnostic>& diagnostics,
                                              bool parallel = false);

/// Why `consumer` cannot import from `producer` (code and message, no path), or nothing
/// when it can. `reference` names what is referenced, "Producer/Bucket.Arn". Without
/// `check_environment`, only whether the stacks may depend on each other (a DependsOn).
std::optional<Diagnostic> cross_stack_problem(const Stack& consumer, const Stack& producer, const std::string& reference,
                                              bool check_environment = true);

/// The export output created for a Ref (`attribute` empty) or Fn::GetAtt of `target` in
/// its stack, or nullptr.
const CfnOutput* find_export(const CfnElement& target, const std::string& attribute);

/// What a consumer writes for an export: {"Fn::ImportValue": name}, wrapped in
/// Fn::Split on "||" for a list-valued reference (the export joins the list with "||").
Value import_of(const CfnOutput& output, bool list);

}  // namespace cdk::synth
