#include "cdk/stack.hpp"

#include <algorithm>
#include <string_view>

#include "cdk/app.hpp"
#include "cdk/cfn_element.hpp"
#include "cdk/errors.hpp"
#include "cdk/fn.hpp"
#include "cdk/logical_id.hpp"
#include "synth/template_builder.hpp"

namespace cdk {

namespace {
// Stack ids from the app (or the enclosing stage) down to the stack.
std::vector<std::string> ids_to(const Construct& stack) {
  std::vector<std::string> ids;
  for (const Construct* node = &stack; node && node->parent(); node = node->parent()) ids.push_back(node->id());
  return {ids.rbegin(), ids.rend()};
}

std::string make_stack_name(const std::vector<std::string>& ids) {
  if (ids.size() == 1) return ids.front();
  std::string name = make_logical_id(ids);
  if (name.size() > 128) name = name.substr(0, 120) + name.substr(name.size() - 8);
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
  const auto ids = ids_to(*this);
  artifact_id_ = make_stack_name(ids);
  stack_name_ = props_.stack_name.value_or(artifact_id_);
  if (stack_name_.size() > 128 || !is_stack_name(stack_name_))
    throw Error(errc::InvalidStackName, path(),
                "stack name '" + stack_name_ +
                    "' must start with a letter and hold only letters, digits and '-' (at most 128 characters)");
  check_environment(props_.env, path());
  if (props_.description) template_options_.description = props_.description;
}

Stack& Stack::of(const Construct& construct) {
  for (const Construct* node = &construct; node; node = node->parent())
    if (auto* stack = dynamic_cast<const Stack*>(node)) return const_cast<Stack&>(*stack);
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
  if (std::find(stack_dependencies_.begin(), stack_dependencies_.end(), &other) == stack_dependencies_.end())
    stack_dependencies_.push_back(&other);
}

std::vector<CfnElement*> Stack::elements() {
  std::vector<CfnElement*> out;
  std::vector<Construct*> pending;
  for (auto it = children().rbegin(); it != children().rend(); ++it) pending.push_back(it->get());
  while (!pending.empty()) {
    Construct* node = pending.back();
    pending.pop_back();
    if (dynamic_cast<Stack*>(node)) continue;  // a nested stack has its own template
    if (auto* element = dynamic_cast<CfnElement*>(node)) out.push_back(element);
    for (auto it = node->children().rbegin(); it != node->children().rend(); ++it) pending.push_back(it->get());
  }
  return out;
}

std::string Stack::to_json() { return synth::render_json(synth::build_template_or_throw(*this)); }

std::string Stack::to_yaml(YamlOptions options) {
  return synth::render_yaml(synth::build_template_or_throw(*this), options);
}

}  // namespace cdk
