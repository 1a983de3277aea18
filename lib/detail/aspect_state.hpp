// What a construct remembers about aspects: those added to it, those that visited it
// (so that a second synth does not visit again), and on the root the tree's revision and
// whether aspects are running (a locked tree then still accepts new constructs).
#pragma once

#include <cstdint>
#include <vector>

#include "cdk/aspects.hpp"
#include "cdk/errors.hpp"

namespace cdk::detail {

struct AspectState {
  std::vector<AspectApplication> applied;
  std::vector<AspectApplication> invoked;
  // Root only.
  std::uint64_t revision = 0;
  bool invoking = false;
};

/// Reaches Construct's private aspect state (lib only).
struct AspectAccess {
  static AspectState& state(Construct& node);
  static AspectState* find(const Construct& node);
};

/// Runs the aspects of `root` (an App, Stage or any root) and of each Stage nested in it,
/// as CDK's synthesis does: nested stages first, each with only its own aspects. Errors
/// thrown by aspects and CDK's ordering errors go to `diagnostics`.
void invoke_aspects(Construct& root, std::vector<Diagnostic>& diagnostics);

/// invoke_aspects for the stage that holds `node` (the closest Stage or App above it, else
/// the tree's root), as CDK's Template.fromStack synthesizes the stack's stage.
void invoke_aspects_of_stage(Construct& node, std::vector<Diagnostic>& diagnostics);

}  // namespace cdk::detail
