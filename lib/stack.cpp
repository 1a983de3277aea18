#include "cdk/stack.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "cdk/app.hpp"
#include "cdk/cfn_element.hpp"
#include "cdk/errors.hpp"
#include "cdk/fn.hpp"
#include "cdk/logical_id.hpp"
#include "cdk/stage.hpp"
#include "detail/digest.hpp"
#include "detail/stages.hpp"
#include "cdk/tags.hpp"
#include "synth/template_builder.hpp"

namespace cdk {

namespace {
// Ids from below `container` (a stage, or the root) down to the stack.
std::vector<std::string> ids_below(const Construct& stack, const Construct* container) {
  std::vector<std::string> ids;
  for (const Construct* node = &stack; node && node != container && node->parent(); node = node->parent())
    ids.push_back(node->id());
  return {ids.rbegin(), ids.rend()};
}

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

std::string alnum_only(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_alnum(c)) out.push_back(c);
  return out;
}

// CDK's makeUniqueResourceName (core/lib/private/unique-resource-name): like the logical
// id, but the readable part is cut in its middle to fit `max_length` with the hash.
std::string unique_resource_name(const std::vector<std::string>& all, std::size_t max_length) {
  std::vector<std::string> components;
  for (const auto& c : all)
    if (c != "Default") components.push_back(c);
  if (components.size() == 1) {
    std::string single = alnum_only(components.front());
    if (single.size() <= max_length) return single;
  }
  std::string joined;
  for (const auto& c : components) joined += (joined.empty() ? "" : "/") + c;
  std::string hash = detail::hex_digest(detail::DigestKind::Md5, joined).substr(0, 8);
  for (char& c : hash) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string human;
  std::string previous;
  for (std::size_t i = 0; i < components.size(); ++i) {
    // Skip a component the previous one already ends with ("VPC" after "NewsBlogVPC").
    const auto& c = components[i];
    if (i > 0 && previous.size() >= c.size() && previous.compare(previous.size() - c.size(), c.size(), c) == 0) continue;
    previous = c;
    if (c != "Resource") human += alnum_only(c);
  }
  const std::size_t max_human = max_length - hash.size();
  if (human.size() > max_human) human = human.substr(0, max_human / 2) + human.substr(human.size() - max_human / 2);
  return human + hash;
}

// CDK's makeStackName: a single id as it is, otherwise a unique name of at most 128.
std::string make_stack_name(const std::vector<std::string>& ids) {
  if (ids.size() == 1 && ids.front().size() <= 128) return ids.front();
  return unique_resource_name(ids, 128);
}

// The artifact id keeps [A-Za-z0-9_.-] and turns anything else into '_', as CDK's.
std::string artifact_id_of(std::string name) {
  for (char& c : name)
    if (!is_alnum(c) && c != '_' && c != '-' && c != '.') c = '_';
  return name;
}

// Plain character checks rather than std::regex: building a regex costs more than a
// small synth's other start-up work.
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return is_lower(c) || (c >= 'A' && c <= 'Z'); }
bool all_of(std::string_view s, bool (*pred)(char)) { return !s.empty() && std::all_of(s.begin(), s.end(), pred); }

// ^\d{12}$
bool is_account(std::string_view s) { return s.size() == 12 && all_of(s, is_digit); }

// ^[a-z]{2}(-[a-z]+)+-\d+$, as us-east-1 or us-gov-west-1
bool is_region(std::string_view s) {
  const auto first = s.find('-'), last = s.rfind('-');
  if (first != 2 || last == first || !all_of(s.substr(0, 2), is_lower) || !all_of(s.substr(last + 1), is_digit)) return false;
  for (auto at = first; at < last;) {
    const auto next = s.find('-', at + 1);
    if (!all_of(s.substr(at + 1, next - at - 1), is_lower)) return false;
    at = next;
  }
  return true;
}

// ^[A-Za-z][A-Za-z0-9-]*$
bool is_stack_name(std::string_view s) {
  return !s.empty() && is_letter(s.front()) &&
         std::all_of(s.begin(), s.end(), [](char c) { return is_letter(c) || is_digit(c) || c == '-'; });
}

void check_environment(const Environment& env, const std::string& path) {
  if (env.account && !is_account(*env.account))
    throw Error(errc::InvalidEnvironment, path, "account '" + *env.account + "' must be 12 digits");
  if (env.region && !is_region(*env.region))
    throw Error(errc::InvalidEnvironment, path, "region '" + *env.region + "' is not a region name such as us-east-1");
}
}  // namespace

Stack::Stack(Construct& scope, std::string_view id, StackProps props) : Construct(scope, id), props_{std::move(props)} {
  add_trait(Trait::Stack);
  // As CDK (without feature flags): the name is the stage's name, '-' and the ids below
  // the stage ("Prod-Api"); the artifact id (and template file) comes from the ids below
  // the app ("ProdApi2466CF1F"), so it is unique in the whole assembly.
  const Stage* stage = Stage::of(*this);
  artifact_id_ = artifact_id_of(make_stack_name(ids_below(*this, nullptr)));
  if (props_.stack_name) {
    stack_name_ = *props_.stack_name;
  } else {
    const std::string prefix = stage && !stage->stage_name().empty() ? stage->stage_name() + "-" : "";
    stack_name_ = prefix + make_stack_name(ids_below(*this, stage));
  }
  // The stage's environment is the default of each field.
  if (stage) {
    if (!props_.env.account) props_.env.account = stage->environment().account;
    if (!props_.env.region) props_.env.region = stage->environment().region;
  }
  if (stack_name_.size() > 128 || !is_stack_name(stack_name_))
    throw Error(errc::InvalidStackName, path(),
                "stack name '" + stack_name_ +
                    "' must start with a letter and hold only letters, digits and '-' (at most 128 characters)");
  check_environment(props_.env, path());
  if (props_.description) template_options_.description = props_.description;
}

Stack& Stack::of(const Construct& construct) {
  for (const Construct* node = &construct; node; node = node->parent()) {
    if (is_stack(*node)) return const_cast<Stack&>(static_cast<const Stack&>(*node));
    if (Stage::is_stage(*node)) break;  // a stage (or the app) is above every stack
  }
  throw Error(errc::NoStack, construct.path(), "construct is not inside a Stack");
}

std::string Stack::environment_string() const {
  return "aws://" + props_.env.account.value_or("unknown-account") + "/" + props_.env.region.value_or("unknown-region");
}

Value Stack::account() const { return props_.env.account ? Value{*props_.env.account} : Aws::account_id(); }
Value Stack::region() const { return props_.env.region ? Value{*props_.env.region} : Aws::region(); }
Value Stack::partition() const { return Aws::partition(); }
Value Stack::url_suffix() const { return Aws::url_suffix(); }

void Stack::add_stack_dependency(Stack& other) {
  if (&other == this) throw Error(errc::DependencyCycle, path(), "a stack cannot depend on itself");
  if (auto crossing = detail::check_same_stage(*this, other)) throw Error(std::move(*crossing));
  if (std::find(stack_dependencies_.begin(), stack_dependencies_.end(), &other) == stack_dependencies_.end())
    stack_dependencies_.push_back(&other);
}

TagManager& Stack::tag_manager() {
  if (!tag_manager_) tag_manager_ = std::make_shared<TagManager>(TagType::KeyValue, "aws:cdk:stack");
  return *tag_manager_;
}

std::vector<std::pair<std::string, std::string>> Stack::tags() const {
  std::vector<TagEntry> given;
  for (const auto& [key, value] : props_.tags) given.push_back({key, Value{value}});
  // Sorted and one per key, as CDK's tag manager gives them, also without Tags::of.
  const TagManager none{TagType::KeyValue, "aws:cdk:stack"};
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& tag : (tag_manager_ ? *tag_manager_ : none).tags(given))
    if (tag.value.is_string()) out.emplace_back(std::move(tag.key), tag.value.as_string());
  return out;
}

std::vector<CfnElement*> Stack::elements() {
  std::vector<CfnElement*> out;
  std::vector<Construct*> pending;
  for (auto it = children().rbegin(); it != children().rend(); ++it) pending.push_back(it->get());
  while (!pending.empty()) {
    Construct* node = pending.back();
    pending.pop_back();
    // A nested stack has its own template; a stage's stacks are in their own assembly.
    if (is_stack(*node) || Stage::is_stage(*node)) continue;
    if (CfnElement::is_cfn_element(*node)) out.push_back(static_cast<CfnElement*>(node));
    for (auto it = node->children().rbegin(); it != node->children().rend(); ++it) pending.push_back(it->get());
  }
  return out;
}

std::string Stack::to_json() { return synth::render_json(synth::build_template_or_throw(*this)); }

std::string Stack::to_yaml(YamlOptions options) {
  return synth::render_yaml(synth::build_template_or_throw(*this), options);
}

}  // namespace cdk
