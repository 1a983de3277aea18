// Aspects::add and their invocation, with CDK's rules (core/lib/private/synthesis.ts,
// invokeAspectsV2): repeated passes over the tree until no aspect has anything left to
// visit; a pass starts over as soon as an aspect adds another aspect.
#include "cdk/aspects.hpp"

#include <algorithm>
#include <string>

#include "cdk/app.hpp"
#include "cdk/errors.hpp"
#include "detail/aspect_state.hpp"

#if __has_include("cdk/stage.hpp")
#include "cdk/stage.hpp"
#define CDKPP_HAS_STAGE 1
#endif

namespace cdk {

namespace detail {

AspectState& AspectAccess::state(Construct& node) {
  if (!node.aspects_) node.aspects_ = std::make_shared<AspectState>();
  return *node.aspects_;
}

AspectState* AspectAccess::find(const Construct& node) { return node.aspects_.get(); }

}  // namespace detail

namespace {

using detail::AspectAccess;
using detail::AspectState;

// A function given to Aspects::add.
class FunctionAspect : public IAspect {
 public:
  explicit FunctionAspect(std::function<void(Construct&)> visit) : visit_{std::move(visit)} {}
  void visit(Construct& node) override { visit_(node); }

 private:
  std::function<void(Construct&)> visit_;
};

bool is_stage(const Construct& node) {
#ifdef CDKPP_HAS_STAGE
  return dynamic_cast<const Stage*>(&node) != nullptr;
#else
  return dynamic_cast<const App*>(&node) != nullptr;
#endif
}

// Thrown out of a pass for an error that stops the invocation (CDK throws there too).
struct StopInvocation {};

enum class PassResult { Nothing, Invoked, Restart };

class Invoker {
 public:
  Invoker(Construct& stage_root, std::vector<Diagnostic>& diagnostics)
      : root_{stage_root}, tree_{AspectAccess::state(stage_root.root())}, diagnostics_{diagnostics} {}

  void run() {
    if (tree_.revision == 0) return;  // no aspect was ever added to this tree
    try {
      for (int pass = 0; pass <= 101; ++pass) {
        if (visit(root_, {}) == PassResult::Nothing) return;
      }
      diagnostics_.push_back({errc::AspectInfiniteLoop, root_.path(),
                              "aspects kept adding constructs or aspects for more than 100 passes over the tree; "
                              "check that no aspect adds what it (or another aspect) then reacts to again"});
    } catch (const StopInvocation&) {
    }
  }

 private:
  // One construct: its aspects (inherited and own, by priority), then its children.
  PassResult visit(Construct& node, const std::vector<AspectApplication>& inherited) {
    PassResult result = PassResult::Nothing;
    const auto revision_at_start = tree_.revision;
    std::vector<AspectApplication> here = inherited;
    if (const AspectState* own = AspectAccess::find(node)) here.insert(here.end(), own->applied.begin(), own->applied.end());
    // Stable: at equal priority, inherited ones (first in `here`) before the node's own,
    // each in the order added.
    std::stable_sort(here.begin(), here.end(), [](const auto& a, const auto& b) { return a.priority < b.priority; });

    for (const auto& application : here) {
      auto& invoked = AspectAccess::state(node).invoked;
      if (std::any_of(invoked.begin(), invoked.end(), [&](const auto& i) { return i.aspect == application.aspect; })) continue;
      if (!invoked.empty() && invoked.back().priority > application.priority) {
        const auto& last = invoked.back();
        diagnostics_.push_back(
            {errc::AspectPriorityOrder, node.path(),
             "cannot invoke an aspect with priority " + std::to_string(application.priority) + " (added at '" +
                 application.construct->path() + "'): an aspect with priority " + std::to_string(last.priority) +
                 " (added at '" + last.construct->path() +
                 "') already visited this construct; aspects added while aspects run must not have a lower priority "
                 "number than those that already ran"});
        throw StopInvocation{};
      }
      invoked.push_back(application);  // before the visit: an aspect that throws is not retried
      try {
        application.aspect->visit(node);
      } catch (const Error& e) {
        diagnostics_.push_back(e.diagnostic());
      }
      result = PassResult::Invoked;
      if (tree_.revision != revision_at_start) return PassResult::Restart;
    }

    // The children as they are now: constructs an aspect adds below are seen in this pass,
    // those added elsewhere in the next one.
    std::vector<Construct*> children;
    children.reserve(node.children().size());
    for (const auto& child : node.children()) children.push_back(child.get());
    for (Construct* child : children) {
      if (is_stage(*child)) continue;  // a nested stage runs its own aspects
      const PassResult child_result = visit(*child, here);
      if (child_result != PassResult::Nothing) result = child_result;
      if (result == PassResult::Restart) break;
    }
    return result;
  }

  Construct& root_;
  AspectState& tree_;
  std::vector<Diagnostic>& diagnostics_;
};

// Nested stages below `node` (not inside another nested stage), in tree order.
void nested_stages(Construct& node, std::vector<Construct*>& out) {
  for (const auto& child : node.children()) {
    if (is_stage(*child)) out.push_back(child.get());
    else nested_stages(*child, out);
  }
}

void invoke_stage(Construct& stage, std::vector<Diagnostic>& diagnostics) {
  std::vector<Construct*> stages;
  nested_stages(stage, stages);
  for (Construct* nested : stages) invoke_stage(*nested, diagnostics);
  Invoker{stage, diagnostics}.run();
}

}  // namespace

void Aspects::add(std::shared_ptr<IAspect> aspect, AspectOptions options) {
  if (!aspect) throw Error(errc::AspectInvalid, scope_.path(), "an aspect cannot be null");
  if (options.priority < 0)
    throw Error(errc::AspectInvalidPriority, scope_.path(),
                "aspect priority must not be negative, got " + std::to_string(options.priority));
  auto& state = AspectAccess::state(scope_);
  for (const auto& a : state.applied)
    if (a.aspect == aspect && a.priority == options.priority) return;
  state.applied.push_back({&scope_, std::move(aspect), options.priority});
  ++AspectAccess::state(scope_.root()).revision;
}

void Aspects::add(std::function<void(Construct&)> visit, AspectOptions options) {
  if (!visit) throw Error(errc::AspectInvalid, scope_.path(), "an aspect cannot be an empty function");
  add(std::make_shared<FunctionAspect>(std::move(visit)), options);
}

std::vector<std::shared_ptr<IAspect>> Aspects::all() const {
  std::vector<std::shared_ptr<IAspect>> out;
  if (const auto* state = AspectAccess::find(scope_))
    for (const auto& a : state->applied) out.push_back(a.aspect);
  return out;
}

std::vector<AspectApplication> Aspects::applied() const {
  if (const auto* state = AspectAccess::find(scope_)) return state->applied;
  return {};
}

namespace detail {

void invoke_aspects(Construct& root, std::vector<Diagnostic>& diagnostics) {
  AspectState& tree = AspectAccess::state(root.root());
  if (tree.revision == 0) return;
  // A locked tree accepts the constructs that aspects add.
  const bool was_invoking = tree.invoking;
  tree.invoking = true;
  try {
    invoke_stage(root, diagnostics);
  } catch (...) {
    tree.invoking = was_invoking;
    throw;
  }
  tree.invoking = was_invoking;
}

void invoke_aspects_of_stage(Construct& node, std::vector<Diagnostic>& diagnostics) {
  Construct* stage = &node;
  while (stage->parent() && !is_stage(*stage)) stage = stage->parent();
  invoke_aspects(*stage, diagnostics);
}

}  // namespace detail

}  // namespace cdk
