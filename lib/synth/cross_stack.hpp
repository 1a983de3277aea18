// References between stacks of one app, as CDK resolves them (core/lib/private/refs.ts):
// a Ref or Fn::GetAtt of an element of another stack becomes an Output with an Export in
// the producer ("<stackName>:ExportsOutput..."), Fn::ImportValue in the consumer, and a
// dependency of the consumer stack on the producer.
//
// Templates are built in parallel, one stack per thread. The resolver writes a consumer's
// imports on its own (export names are a function of the reference) and flags that it met
// a cross-stack reference; only then does App::synth run resolve_cross_stack_references,
// which creates the producers' exports and the stack dependencies, and build again. An
// app without cross-stack references pays nothing for them.
#pragma once

#include <optional>
#include <string>
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

/// Finds every Ref / Fn::GetAtt token whose target is in another stack (in the rendered
/// bodies of all elements under `root`, resource overrides included), creates the export
/// outputs in the producers, and makes each consumer stack depend on its producers; a
/// DependsOn on a resource of another stack becomes a stack dependency too. A dependency
/// that would close a cycle is not added and is reported at the consuming element
/// (cdk.resolve.ReferenceCycle). Problems the resolver reports for the reference itself
/// (across apps, environments or stages) are left to it. Idempotent: running it again
/// finds the outputs it created before.
///
/// It renders every element, so App::synth runs it only when building the templates met
/// a cross-stack reference (build_template's `cross_stack` flag), then builds again the
/// stacks it returns: those that gained exports (each once).
std::vector<Stack*> resolve_cross_stack_references(Construct& root, std::vector<Diagnostic>& diagnostics);

/// Why `consumer` cannot import from `producer` (code and message, no path), or nothing
/// when it can. `reference` names what is referenced, "Producer/Bucket.Arn". Without
/// `check_environment`, only whether the stacks may depend on each other (a DependsOn).
std::optional<Diagnostic> cross_stack_problem(const Stack& consumer, const Stack& producer, const std::string& reference,
                                              bool check_environment = true);

/// The name of the export made for a Ref (`attribute` empty) or Fn::GetAtt of `target`:
/// "<stackName>:" + the logical id of Exports/Output<reference as JSON>, cut to 255
/// characters from the front, as CDK names it. A pure function of its arguments, so a
/// consumer can be built before its producer.
std::string export_name_of(const CfnElement& target, const std::string& attribute);

/// What a consumer writes for an export: {"Fn::ImportValue": name}, wrapped in
/// Fn::Split on "||" for a list-valued reference (the export joins the list with "||").
Value import_of(const CfnOutput& output, bool list);

}  // namespace cdk::synth
