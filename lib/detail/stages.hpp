// Stage rules used by synth (lib/app.cpp) and Stack: dependencies stay inside a stage;
// what synth wrote, assembly by assembly.
#pragma once

#include <optional>
#include <vector>

#include "cdk/app.hpp"
#include "cdk/errors.hpp"

namespace cdk::detail {

/// CDK's rule (core/lib/private/deps): `source` may depend on `target` only when both are
/// in the same stage. Otherwise a cdk.stage.CrossStageDependency at the source's path.
std::optional<Diagnostic> check_same_stage(const Construct& source, const Construct& target);

/// check_same_stage, then CDK's rule that a construct cannot depend on the stack it is
/// in, or on a stage above it: cdk.construct.DependencyOnParent at the source's path.
std::optional<Diagnostic> check_dependency(const Construct& source, const Construct& target);

/// The assemblies synth writes for `app`, each with its stacks in the order of
/// `deploy_order` (stacks of every stage, dependencies first).
CloudAssembly describe_assembly(App& app, const std::vector<Stack*>& deploy_order);

}  // namespace cdk::detail
