// The public entry points of cdk::tools diff: templates as text, stacks of a program, and
// template files or cloud assemblies paired stack by stack.
#include "cdk/tools/diff.hpp"

#include <algorithm>
#include <filesystem>

#include "cdk/errors.hpp"
#include "cdk/stack.hpp"
#include "diff_internal.hpp"
#include "stack_templates.hpp"
#include "template/parse.hpp"

namespace cdk::tools {

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::Added: return "added";
    case ChangeKind::Removed: return "removed";
    case ChangeKind::Updated: return "updated";
  }
  return "updated";
}

std::string_view to_string(Impact impact) {
  switch (impact) {
    case Impact::None: return "none";
    case Impact::Update: return "update";
    case Impact::Create: return "create";
    case Impact::Orphan: return "orphan";
    case Impact::MayReplace: return "may-replace";
    case Impact::Replace: return "replace";
    case Impact::Destroy: return "destroy";
  }
  return "none";
}

std::string_view to_string(StackDiff::Status status) {
  switch (status) {
    case StackDiff::Status::Unchanged: return "unchanged";
    case StackDiff::Status::Changed: return "changed";
    case StackDiff::Status::Added: return "added";
    case StackDiff::Status::Removed: return "removed";
  }
  return "unchanged";
}

const ValueChange* ResourceChange::property(std::string_view path) const {
  for (const auto& change : properties)
    if (change.path == path) return &change;
  return nullptr;
}

std::size_t TemplateDiff::difference_count() const {
  return template_fields.size() + parameters.size() + metadata.size() + mappings.size() + conditions.size() +
         rules.size() + resources.size() + outputs.size() + other.size();
}

namespace {

template <typename T>
const T* find_id(const std::vector<T>& items, std::string_view id) {
  for (const auto& item : items)
    if (item.id == id) return &item;
  return nullptr;
}

}  // namespace

const ResourceChange* TemplateDiff::resource(std::string_view logical_id) const {
  for (const auto& change : resources)
    if (change.logical_id == logical_id) return &change;
  return nullptr;
}

const EntryChange* TemplateDiff::parameter(std::string_view id) const { return find_id(parameters, id); }
const EntryChange* TemplateDiff::output(std::string_view id) const { return find_id(outputs, id); }

bool AssemblyDiff::empty() const {
  return std::all_of(stacks.begin(), stacks.end(), [](const StackDiff& s) { return s.status == StackDiff::Status::Unchanged; });
}

const StackDiff* AssemblyDiff::stack(std::string_view artifact_id) const {
  for (const auto& s : stacks)
    if (s.artifact_id == artifact_id) return &s;
  return nullptr;
}

TemplateDiff diff_templates(std::string_view old_template, std::string_view new_template, const DiffOptions& options) {
  return diff_detail::diff_bodies(template_io::parse_template(old_template, "old"),
                                  template_io::parse_template(new_template, "new"), options.strict);
}

TemplateDiff diff_stacks(Stack& old_stack, Stack& new_stack, const DiffOptions& options) {
  return diff_templates(old_stack.to_json(), new_stack.to_json(), options);
}

namespace {

bool names(const StackTemplate& stack, std::string_view wanted) {
  return stack.artifact_id == wanted || stack.stack_name == wanted || stack.display_name == wanted;
}

StackDiff diff_pair(const StackTemplate* old_stack, const StackTemplate* new_stack, bool strict) {
  const StackTemplate& named = new_stack ? *new_stack : *old_stack;
  StackDiff out;
  out.artifact_id = named.artifact_id;
  out.stack_name = named.stack_name;
  out.display_name = named.display_name;
  static const synth::Json nothing = synth::Json::object();
  out.diff = diff_detail::diff_bodies(old_stack ? old_stack->body : nothing, new_stack ? new_stack->body : nothing, strict);
  if (!old_stack) {
    out.status = StackDiff::Status::Added;
  } else if (!new_stack) {
    out.status = StackDiff::Status::Removed;
  } else {
    out.status = out.diff.empty() ? StackDiff::Status::Unchanged : StackDiff::Status::Changed;
  }
  return out;
}

}  // namespace

AssemblyDiff diff_paths(const std::string& old_path, const std::string& new_path, const DiffOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool old_is_assembly = fs::is_directory(old_path, ec), new_is_assembly = fs::is_directory(new_path, ec);
  auto old_stacks = load_stacks(old_path);
  auto new_stacks = load_stacks(new_path);

  if (!options.stack.empty()) {
    auto keep = [&](std::vector<StackTemplate>& stacks, bool assembly) {
      if (!assembly) return;  // a lone template is the stack asked for
      std::erase_if(stacks, [&](const StackTemplate& s) { return !names(s, options.stack); });
    };
    keep(old_stacks, old_is_assembly);
    keep(new_stacks, new_is_assembly);
    if ((old_is_assembly || new_is_assembly) && old_stacks.empty() && new_stacks.empty())
      throw Error(errc::DiffUnknownStack, options.stack, "no stack with this artifact id, name or display name on either side");
  }

  AssemblyDiff out;
  if (!old_is_assembly || !new_is_assembly) {
    // A lone template pairs with the other side's only stack.
    if (old_stacks.size() > 1 || new_stacks.size() > 1)
      throw Error(errc::DiffAmbiguousStack, old_stacks.size() > 1 ? old_path : new_path,
                  "a template compares with one stack of an assembly: choose it with --stack");
    const StackTemplate* before = old_stacks.empty() ? nullptr : &old_stacks.front();
    const StackTemplate* after = new_stacks.empty() ? nullptr : &new_stacks.front();
    if (!before && !after) return out;
    StackDiff pair = diff_pair(before, after, options.strict);
    // A template file's "id" is its file name: name the pair after the assembly's stack.
    if (before && after && new_is_assembly == false && old_is_assembly) {
      pair.artifact_id = before->artifact_id;
      pair.stack_name = before->stack_name;
      pair.display_name = before->display_name;
    }
    out.stacks.push_back(std::move(pair));
    return out;
  }
  for (const auto& after : new_stacks) {
    auto before = std::find_if(old_stacks.begin(), old_stacks.end(),
                               [&](const StackTemplate& s) { return s.artifact_id == after.artifact_id; });
    out.stacks.push_back(diff_pair(before == old_stacks.end() ? nullptr : &*before, &after, options.strict));
  }
  for (const auto& before : old_stacks) {
    const bool kept = std::any_of(new_stacks.begin(), new_stacks.end(),
                                  [&](const StackTemplate& s) { return s.artifact_id == before.artifact_id; });
    if (!kept) out.stacks.push_back(diff_pair(&before, nullptr, options.strict));
  }
  return out;
}

}  // namespace cdk::tools
