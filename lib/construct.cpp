#include "cdk/construct.hpp"

#include <algorithm>

#include "cdk/app.hpp"
#include "cdk/errors.hpp"
#include "detail/aspect_state.hpp"
#include "detail/map_entry.hpp"
#include "detail/utf8.hpp"

namespace cdk {

Construct::Construct(std::string_view id) : id_{id} {}

Construct::Construct(Construct& scope, std::string_view id) : id_{id} {
  auto where = [&] { return scope.path().empty() ? id_ : scope.path() + "/" + id_; };
  if (id.empty())
    throw Error(errc::EmptyId, scope.path(), "a construct id cannot be empty (only the app's root has no id)");
  if (id.find('/') != std::string_view::npos)
    throw Error(errc::InvalidId, where(), "construct id '" + id_ + "' cannot contain '/' (it separates path components)");
  // Ids end up in paths, which templates and manifests (JSON) carry.
  if (!detail::is_valid_utf8(id))
    throw Error(errc::InvalidId, scope.path(), "a construct id must be valid UTF-8");
  if (scope.try_find_child(id))
    throw Error(errc::DuplicateId, where(), "there is already a construct with id '" + id_ + "' in " +
                                                (scope.path().empty() ? std::string{"the app"} : scope.path()));
  if (scope.locked())
    throw Error(errc::Locked, where(), "cannot add construct '" + id_ + "' while the app is synthesizing");
  // Parent ownership starts now, before the derived constructor runs, so children keep
  // insertion order even when a construct's constructor adds siblings. If that
  // constructor throws, ~Construct gives ownership back (see below).
  path_ = where();
  parent_ = &scope;
  scope.children_.emplace_back(this);
}

Construct::~Construct() {
  for (auto it = children_.rbegin(); it != children_.rend(); ++it) {
    (*it)->parent_ = nullptr;
    it->reset();
  }
  // Only a construct whose constructor threw still has a parent here: its memory is being
  // freed by the failed new-expression, so the parent must not delete it again.
  if (parent_) {
    auto& siblings = parent_->children_;
    auto self = std::find_if(siblings.begin(), siblings.end(), [this](const auto& p) { return p.get() == this; });
    if (self != siblings.end()) {
      self->release();
      siblings.erase(self);
    }
  }
}

Construct* Construct::try_find_child(std::string_view id) const {
  for (const auto& child : children_)
    if (child->id_ == id) return child.get();
  return nullptr;
}

bool Construct::try_remove_child(std::string_view id) {
  auto found = std::find_if(children_.begin(), children_.end(), [&](const auto& c) { return c->id_ == id; });
  if (found == children_.end()) return false;
  if (locked()) throw Error(errc::Locked, (*found)->path(), "cannot remove a construct while the app is synthesizing");
  // Aspects walk the tree while they run; a construct removed under them would dangle.
  if (const auto* state = root().aspects_.get(); state && state->invoking)
    throw Error(errc::Locked, (*found)->path(), "cannot remove a construct while aspects run (aspects may only add)");
  (*found)->parent_ = nullptr;  // so that ~Construct leaves the siblings alone
  children_.erase(found);
  return true;
}

Construct& Construct::root() {
  Construct* node = this;
  while (node->parent_) node = node->parent_;
  return *node;
}

std::vector<Construct*> Construct::find_all() {
  std::vector<Construct*> out;
  std::vector<Construct*> pending{this};
  while (!pending.empty()) {
    Construct* node = pending.back();
    pending.pop_back();
    out.push_back(node);
    for (auto it = node->children_.rbegin(); it != node->children_.rend(); ++it) pending.push_back(it->get());
  }
  return out;
}

App* Construct::app() {
  for (Construct* node = this; node; node = node->parent_)
    if (auto* app = dynamic_cast<App*>(node)) return app;
  return nullptr;
}

void Construct::add_dependency(Construct& target) {
  if (std::find(dependencies_.begin(), dependencies_.end(), &target) == dependencies_.end())
    dependencies_.push_back(&target);
}

void Construct::add_metadata(std::string type, Value data) { metadata_.push_back({std::move(type), std::move(data)}); }

void Construct::add_validation(std::function<std::vector<std::string>()> validate) {
  validations_.push_back(std::move(validate));
}

std::vector<std::string> Construct::validate() const {
  std::vector<std::string> out;
  for (const auto& validation : validations_) {
    auto errors = validation();
    out.insert(out.end(), errors.begin(), errors.end());
  }
  return out;
}

std::optional<Value> Construct::try_get_context(std::string_view key) const {
  for (const Construct* node = this; node; node = node->parent_)
    for (const auto& [name, value] : node->context_)
      if (name == key) return value;
  return std::nullopt;
}

void Construct::set_context(std::string key, Value value) {
  if (!children_.empty())
    throw Error(errc::InvalidContext, path(), "context can only be set before children are added (key '" + key + "')");
  detail::set_entry(context_, std::move(key), std::move(value));
}

bool Construct::locked() const {
  const Construct* node = this;
  while (node->parent_) node = node->parent_;
  return node->locked_ && !(node->aspects_ && node->aspects_->invoking);
}

}  // namespace cdk
