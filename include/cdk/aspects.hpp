// Aspects: visitors applied to every construct of a subtree before synthesis (CDK's
// Aspects.of(scope).add). Tags, removal policies and user checks such as "every volume
// is encrypted" are aspects.
//
//   struct RequireEncryption : cdk::IAspect {
//     void visit(cdk::Construct& node) override { ... cdk::Annotations::of(node).add_error("..."); }
//   };
//   cdk::Aspects::of(stack).add(std::make_shared<RequireEncryption>());
//   cdk::Aspects::of(stack).add([](cdk::Construct& node) { ... }, {.priority = cdk::AspectPriority::Readonly});
//
// When they run: at the start of App::synth (the tree is locked, but aspects may still add
// constructs), and in Stack::to_json / to_yaml / assertions::Template::from_stack. The rules
// are CDK's (v2 "aspect stabilization", its default without feature flags):
// - an aspect added to a scope visits that scope and every construct below it, a Stage
//   excepted: a nested Stage (and what it holds) only sees the aspects added inside it;
// - on each construct the aspects run by priority, lower numbers first; at equal priority
//   the ones inherited from above run before the construct's own, then in the order added;
// - each aspect visits each construct once, however often synthesis runs; constructs
//   added by an aspect (and aspects added by an aspect) are visited in further passes
//   until nothing new happens (at most 100 passes: cdk.aspect.InfiniteLoop);
// - an aspect that reaches a construct after one of higher priority number already
//   visited it (possible only when aspects are added while aspects run) is an error,
//   cdk.aspect.PriorityOrder, as in CDK.
// An exception (cdk::Error) thrown by a visit is reported as a synth error; the other
// aspects still run.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "cdk/construct.hpp"

namespace cdk {

/// A visitor of constructs. Held by shared_ptr: the same aspect object may be added to
/// several scopes and still visits each construct once.
class IAspect {
 public:
  virtual ~IAspect() = default;
  virtual void visit(Construct& node) = 0;
};

/// CDK's suggested priorities (AspectPriority).
struct AspectPriority {
  /// For aspects that change the tree (tags, removal policies use Default as CDK does
  /// without the aspectPrioritiesMutating flag).
  static constexpr int Mutating = 200;
  /// What Aspects::add uses when no priority is given.
  static constexpr int Default = 500;
  /// For aspects that only read the tree (checks, reports).
  static constexpr int Readonly = 1000;
};

struct AspectOptions {
  /// Lower runs first; must not be negative (cdk.aspect.InvalidPriority). Default:
  /// AspectPriority::Default.
  int priority = AspectPriority::Default;
};

/// An aspect as added to a scope.
struct AspectApplication {
  Construct* construct = nullptr;  // the scope it was added to
  std::shared_ptr<IAspect> aspect;
  int priority = AspectPriority::Default;
};

class Aspects {
 public:
  /// The aspects of `scope` (cheap; holds a reference to the scope).
  static Aspects of(Construct& scope) { return Aspects{scope}; }

  /// Adds an aspect to the scope. Adding the same aspect object with the same priority
  /// again does nothing. Allowed while aspects run (the new one runs in a further pass).
  void add(std::shared_ptr<IAspect> aspect, AspectOptions options = {});
  /// A function as an aspect: `add([](Construct& c) { ... })`. Each call adds a new aspect.
  void add(std::function<void(Construct&)> visit, AspectOptions options = {});

  /// The aspects added directly to this scope, in the order added.
  std::vector<std::shared_ptr<IAspect>> all() const;
  /// The same with their priorities.
  std::vector<AspectApplication> applied() const;

 private:
  explicit Aspects(Construct& scope) : scope_{scope} {}
  Construct& scope_;
};

}  // namespace cdk
