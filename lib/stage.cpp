#include "cdk/stage.hpp"

#include <functional>

#include "cdk/app.hpp"
#include "cdk/errors.hpp"
#include "cdk/stack.hpp"
#include "detail/stages.hpp"

namespace cdk {

namespace {
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// CDK's /^[a-z][a-z0-9\-\_\.]*$/i
bool is_stage_name(std::string_view id) {
  if (id.empty() || !is_letter(id.front())) return false;
  for (char c : id)
    if (!is_letter(c) && !is_digit(c) && c != '-' && c != '_' && c != '.') return false;
  return true;
}
}  // namespace

Stage::Stage(std::string_view id) : Construct(id) { add_trait(Trait::Stage); }

Stage::Stage(Construct& scope, std::string_view id, StageProps props) : Construct(scope, id) {
  add_trait(Trait::Stage);
  if (!is_stage_name(this->id()))
    throw Error(errc::InvalidStageName, path(),
                "invalid stage name '" + this->id() +
                    "': a stage name must start with a letter and hold only letters, digits, '-', '_' and '.'");
  parent_stage_ = Stage::of(*this);
  if (parent_stage_ && props.outdir)
    throw Error(errc::OutdirForNestedStage, path(),
                "outdir cannot be set on a nested stage; it is written to its parent's outdir as " + artifact_id());
  env_.account = props.env.account ? props.env.account : parent_stage_ ? parent_stage_->env_.account : std::nullopt;
  env_.region = props.env.region ? props.env.region : parent_stage_ ? parent_stage_->env_.region : std::nullopt;
  const std::string own = props.stage_name.value_or(this->id());
  stage_name_ = parent_stage_ && !parent_stage_->stage_name_.empty()
                    ? (own.empty() ? parent_stage_->stage_name_ : parent_stage_->stage_name_ + "-" + own)
                    : own;
  outdir_ = parent_stage_ ? parent_stage_->outdir_ + "/" + artifact_id() : props.outdir.value_or("");
}

Stage* Stage::of(const Construct& construct) {
  for (Construct* node = construct.parent(); node; node = node->parent())
    if (is_stage(*node)) return static_cast<Stage*>(node);
  return nullptr;
}

std::string Stage::artifact_id() const {
  std::string p = path();
  if (p.empty()) return "";
  for (char& c : p)
    if (c == '/') c = '-';
  // CDK trims leading and trailing '-' (ids cannot hold '/', so only ids ending in '-').
  const auto first = p.find_first_not_of('-');
  const auto last = p.find_last_not_of('-');
  return "assembly-" + (first == std::string::npos ? std::string{} : p.substr(first, last - first + 1));
}

std::vector<StackArtifact> CloudAssembly::all_stacks() const {
  std::vector<StackArtifact> out = stacks;
  for (const auto& inner : nested) {
    auto more = inner.all_stacks();
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

namespace detail {

namespace {
// The stage a construct is in; a stage is in itself (CDK's dependencyContainerPath).
const Stage* stage_containing(const Construct& c) {
  if (auto* stage = dynamic_cast<const Stage*>(&c)) return stage;
  return Stage::of(c);
}

std::string describe(const Stage* stage) {
  if (!stage) return "an unrooted construct tree";
  return stage->parent_stage() ? "Stage '" + stage->path() + "'" : "the App";
}
}  // namespace

std::optional<Diagnostic> check_same_stage(const Construct& source, const Construct& target) {
  const Stage* from = stage_containing(source);
  const Stage* to = stage_containing(target);
  if (from == to) return std::nullopt;
  return Diagnostic{errc::CrossStageDependency, source.path(),
                    "a dependency from '" + source.path() + "' (in " + describe(from) + ") to '" + target.path() +
                        "' (in " + describe(to) + ") cannot cross stage boundaries"};
}

std::optional<Diagnostic> check_dependency(const Construct& source, const Construct& target) {
  if (auto crossing = check_same_stage(source, target)) return crossing;
  // CDK's validateNoParentChildDependency: the stack a construct is in, or a stage above
  // it, contains the construct and everything it would wait for.
  bool parent = false;
  const char* kind = "stack";
  if (auto* stage = dynamic_cast<const Stage*>(&target)) {
    kind = "stage";
    for (const Construct* node = source.parent(); node && !parent; node = node->parent()) parent = node == stage;
  } else if (dynamic_cast<const Stack*>(&target) && !dynamic_cast<const Stack*>(&source) &&
             !dynamic_cast<const Stage*>(&source)) {
    // The closest stack (or stage) above: a stack in a stack is no part of the outer one.
    for (const Construct* node = source.parent(); node; node = node->parent())
      if (dynamic_cast<const Stack*>(node) || dynamic_cast<const Stage*>(node)) {
        parent = node == &target;
        break;
      }
  }
  if (!parent) return std::nullopt;
  const std::string name = target.path().empty() ? std::string{"the App"} : std::string{kind} + " '" + target.path() + "'";
  return Diagnostic{errc::DependencyOnParent, source.path(),
                    "'" + source.path() + "' cannot depend on its parent " + name + ", which contains it"};
}

CloudAssembly describe_assembly(App& app, const std::vector<Stack*>& deploy_order) {
  std::function<CloudAssembly(const Stage&)> describe_stage = [&](const Stage& stage) {
    CloudAssembly out{stage.outdir(), {}, stage.artifact_id(), stage.path(), {}};
    for (Stack* s : deploy_order)
      if (Stage::of(*s) == &stage)
        out.stacks.push_back({s->artifact_id(), s->stack_name(), s->template_file(), s->environment_string(), s->path()});
    for (Construct* node : const_cast<Stage&>(stage).find_all())
      if (Stage::is_stage(*node) && static_cast<Stage*>(node)->parent_stage() == &stage)
        out.nested.push_back(describe_stage(*static_cast<Stage*>(node)));
    return out;
  };
  return describe_stage(app);
}

}  // namespace detail

}  // namespace cdk
