// The construct tree: every construct has an id, a parent that owns it, and children in
// insertion order. Children are created with `parent.add<T>(id, {.prop = ...})`, which
// returns a reference owned by the parent.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cdk/value.hpp"

namespace cdk {

class App;
class Stack;
namespace detail {
struct AspectState;
struct AspectAccess;
class SynthUnlock;
}  // namespace detail

/// A construct's props when it has none.
struct NoProps {};

/// A piece of metadata attached to a construct (shown in tree.json and the manifest).
struct MetadataEntry {
  std::string type;  // e.g. "aws:cdk:warning"
  Value data;
};

class Construct {
 public:
  using Props = NoProps;

  Construct(Construct& scope, std::string_view id);
  Construct(Construct& scope, std::string_view id, NoProps) : Construct(scope, id) {}
  Construct(const Construct&) = delete;
  Construct& operator=(const Construct&) = delete;
  virtual ~Construct();

  /// Adds a child of type T. T::Props is taken by value so that designated initializers
  /// work: `stack.add<CfnParameter>("Name", {.type = "String"})`.
  template <class T>
  T& add(std::string_view id, typename T::Props props = {}) {
    // Construct's constructor checks the id and hands ownership of the new object to *this.
    return *new T(*this, id, std::move(props));
  }

  const std::string& id() const { return id_; }
  /// What the core classes mark their constructs as (CDK marks them with symbols, for
  /// Stack.isStack and the like): telling them apart costs no dynamic_cast, which adds up
  /// on trees of tens of thousands of constructs. See Stack::is_stack and friends.
  enum class Trait : std::uint8_t { Stage = 1, Stack = 2, CfnElement = 4, CfnResource = 8 };
  bool has_trait(Trait trait) const { return (traits_ & static_cast<std::uint8_t>(trait)) != 0; }

  /// Path from the app: ids joined with '/', without the app's own (empty) id.
  const std::string& path() const { return path_; }
  Construct* parent() const { return parent_; }
  const std::vector<std::unique_ptr<Construct>>& children() const { return children_; }
  Construct* try_find_child(std::string_view id) const;
  /// Removes and destroys the child with this id (CDK's tryRemoveChild); false when there
  /// is none. Nothing may refer to it any more. Not allowed while synthesizing, nor from
  /// an aspect (cdk.construct.Locked).
  bool try_remove_child(std::string_view id);
  /// The root of the tree (normally an App).
  Construct& root();
  /// This construct and every descendant, pre-order, in insertion order.
  std::vector<Construct*> find_all();

  /// The closest App above (or this), or nullptr for a free-standing tree.
  App* app();

  /// Every element under `this` will be created after every element under `target`
  /// (DependsOn in the same stack; a dependency of the stack in another stack). Checked
  /// at synth, as in CDK: both must be in the same stage (cdk.stage.CrossStageDependency),
  /// and `target` cannot be the stack `this` is in, nor a stage above it
  /// (cdk.construct.DependencyOnParent).
  void add_dependency(Construct& target);
  const std::vector<Construct*>& dependencies() const { return dependencies_; }

  void add_metadata(std::string type, Value data);
  const std::vector<MetadataEntry>& metadata() const { return metadata_; }

  /// Validation run at synth; each returned string is reported as an error at this path.
  void add_validation(std::function<std::vector<std::string>()> validate);
  std::vector<std::string> validate() const;

  /// Context: the value set on this construct or the closest ancestor, or the app's
  /// context (cdk.json, CDK_CONTEXT_JSON). Values are JSON-like.
  std::optional<Value> try_get_context(std::string_view key) const;
  /// Sets context for this subtree; only allowed before children are added.
  void set_context(std::string key, Value value);

  /// True once synth has started; the tree can no longer change (except by aspects,
  /// which run first).
  bool locked() const;

 protected:
  /// The root of a tree (App or a free-standing root for tests).
  explicit Construct(std::string_view id);
  void add_trait(Trait trait) { traits_ |= static_cast<std::uint8_t>(trait); }

 private:
  std::string id_;
  std::string path_;  // fixed with the parent and id; synth asks for it many times per construct
  Construct* parent_ = nullptr;
  std::vector<std::unique_ptr<Construct>> children_;
  std::vector<Construct*> dependencies_;
  std::vector<MetadataEntry> metadata_;
  std::vector<std::function<std::vector<std::string>()>> validations_;
  std::vector<std::pair<std::string, Value>> context_;
  bool locked_ = false;  // only meaningful on the root
  std::uint8_t traits_ = 0;
  std::shared_ptr<detail::AspectState> aspects_;  // cdk/aspects.hpp; created on first use

  friend class App;
  friend struct detail::AspectAccess;
  // Synth passes that add elements (cross-stack exports) while the tree is locked.
  friend class detail::SynthUnlock;
};

/// A free-standing root for constructs used outside an App (mostly tests).
class RootConstruct : public Construct {
 public:
  RootConstruct() : Construct(std::string_view{}) {}
};

}  // namespace cdk
