// What changes between two CloudFormation templates or two cloud assemblies, the way
// `cdk diff` reports it: per stack, the template's sections entry by entry, resources
// added, removed and changed down to the property, whether CloudFormation updates each
// changed resource in place or replaces it (from the registry schemas' createOnly
// properties), and the IAM and security-group changes called out on their own.
//
// Values are carried as compact JSON text so this header needs no JSON library: people
// assert on diffs in their own tests, e.g.
//   auto d = cdk::tools::diff_stacks(before, after);
//   CHECK(d.resource("VpcC925B703")->impact == cdk::tools::Impact::Replace);
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace cdk {
class Stack;
}

namespace cdk::tools {

enum class ChangeKind { Added, Removed, Updated };

/// What a change does to the deployed resource, mildest first (CDK's ResourceImpact).
enum class Impact {
  None,        // nothing happens to the physical resource
  Update,      // updated in place
  Create,      // a new resource is created
  Orphan,      // removed from the stack but kept (DeletionPolicy Retain)
  MayReplace,  // replaced if a value only known at deploy time differs
  Replace,     // a new physical resource replaces the old one
  Destroy,     // deleted
};

/// "added", "removed", "updated"
std::string_view to_string(ChangeKind kind);
/// "none", "update", "create", "orphan", "may-replace", "replace", "destroy"
std::string_view to_string(Impact impact);

/// One difference inside an entry: a property, a nested field, a list element.
struct ValueChange {
  /// Where, from the entry: "CidrBlock", "Tags[1].Value", "Export.Name"; for a resource's
  /// attributes it starts with the attribute ("DependsOn", "Metadata.Foo").
  std::string path;
  ChangeKind kind = ChangeKind::Updated;
  std::string old_value;  // compact JSON; empty when added
  std::string new_value;  // compact JSON; empty when removed
  /// Properties only: Update, MayReplace or Replace.
  Impact impact = Impact::Update;
  /// Why it replaces or updates: "createOnly /properties/CidrBlock",
  /// "references VpcC925B703, which is replaced". Empty for a plain update.
  std::string reason;
  /// Set when the template value did not change but refers to a replaced resource
  /// (old_value == new_value): CloudFormation updates or replaces it all the same.
  std::string replaced_reference;
};

/// An entry of a section other than Resources: a parameter, mapping, condition, rule,
/// output, template Metadata key, or template-level field (Description, ...).
struct EntryChange {
  std::string id;
  ChangeKind kind = ChangeKind::Updated;
  std::string old_value;  // compact JSON of the whole entry; empty when added
  std::string new_value;  // empty when removed
  std::vector<ValueChange> details;  // updates: what changed inside, as in resources
  /// Outputs: the export name (compact JSON) before and after, empty when none. A removed
  /// or renamed export fails the deployment while another stack still imports it.
  std::string old_export, new_export;
};

struct ResourceChange {
  std::string logical_id;
  /// The construct path from the aws:cdk:path metadata ("Vpc/Resource"), empty when none.
  std::string construct_path;
  ChangeKind kind = ChangeKind::Updated;
  std::string old_type, new_type;  // empty on the side the resource is missing from
  Impact impact = Impact::Update;
  std::vector<ValueChange> properties;
  /// DependsOn, Condition, DeletionPolicy, UpdateReplacePolicy, UpdatePolicy,
  /// CreationPolicy, Metadata and anything else outside Properties.
  std::vector<ValueChange> attributes;
  /// False when the type is not in the schemas built into this library: replacement
  /// cannot be told, property changes are shown as updates.
  bool schema_known = true;

  bool type_changed() const { return kind == ChangeKind::Updated && old_type != new_type; }
  /// The change of the property at `path` ("CidrBlock", "Tags[0].Value"), or nullptr.
  const ValueChange* property(std::string_view path) const;
};

/// A row of the "IAM Statement Changes" table. Values are rendered the way cdk diff
/// renders them: references as ${LogicalId} / ${LogicalId.Attribute}, lists one per line.
struct IamStatementChange {
  ChangeKind kind = ChangeKind::Added;  // Added or Removed
  std::string resource, effect, action, principal, condition;
  std::string source;  // logical id of the resource the statement is in
};

/// A row of the "IAM Policy Changes" table: a managed policy attached to or detached from
/// a role, user or group.
struct ManagedPolicyChange {
  ChangeKind kind = ChangeKind::Added;
  std::string resource;  // "${RoleLogicalId}"
  std::string arn;
};

/// A row of the "Security Group Changes" table.
struct SecurityGroupRuleChange {
  ChangeKind kind = ChangeKind::Added;
  std::string group;      // "${Sg.GroupId}"
  std::string direction;  // "In" or "Out"
  std::string protocol;   // "TCP 443", "Everything", "ICMP 8--1"
  std::string peer;       // "0.0.0.0/0", "${Other.GroupId}", "pl-123"
  std::string source;     // logical id of the resource the rule is in
};

/// The differences of one template.
struct TemplateDiff {
  std::vector<EntryChange> template_fields;  // AWSTemplateFormatVersion, Description, Transform
  std::vector<EntryChange> parameters, metadata, mappings, conditions, rules;
  std::vector<ResourceChange> resources;  // removed, then added, then updated (template order within each)
  std::vector<EntryChange> outputs;
  std::vector<EntryChange> other;  // top-level keys CloudFormation does not define
  std::vector<IamStatementChange> iam_statements;
  std::vector<ManagedPolicyChange> managed_policies;
  std::vector<SecurityGroupRuleChange> security_group_rules;

  /// Nothing differs (the security tables only summarise resource changes).
  bool empty() const { return difference_count() == 0; }
  /// Entries that differ: template fields, section entries and resources.
  std::size_t difference_count() const;
  bool has_security_changes() const {
    return !iam_statements.empty() || !managed_policies.empty() || !security_group_rules.empty();
  }
  const ResourceChange* resource(std::string_view logical_id) const;
  const EntryChange* parameter(std::string_view id) const;
  const EntryChange* output(std::string_view id) const;
};

struct StackDiff {
  std::string artifact_id, stack_name, display_name;
  enum class Status { Unchanged, Changed, Added, Removed } status = Status::Unchanged;
  TemplateDiff diff;  // an added stack is diffed against an empty template, a removed one the other way
};

/// "unchanged", "changed", "added", "removed"
std::string_view to_string(StackDiff::Status status);

struct AssemblyDiff {
  std::vector<StackDiff> stacks;  // the new side's order, then stacks only the old side has
  bool empty() const;
  const StackDiff* stack(std::string_view artifact_id) const;
};

struct DiffOptions {
  /// Keep what cdk diff hides as CDK bookkeeping: AWS::CDK::Metadata resources, the
  /// CheckBootstrapVersion rule and the aws:cdk:path key of resource Metadata.
  /// Default false, as `cdk diff` without --strict.
  bool strict = false;
  /// Only the stack with this artifact id, stack name or display name (empty: all).
  std::string stack;
};

/// Two templates as text (JSON, or YAML with short-form tags). Errors:
/// [cdk.template.ParseError], [cdk.template.Malformed] (and the parser's other checks).
TemplateDiff diff_templates(std::string_view old_template, std::string_view new_template,
                            const DiffOptions& options = {});

/// Two stacks of programs built with this library (each synthesized with to_json()).
TemplateDiff diff_stacks(Stack& old_stack, Stack& new_stack, const DiffOptions& options = {});

/// Two template files or cloud assembly folders. Assemblies pair stacks by artifact id; a
/// lone template pairs with the other side's only stack, or with options.stack.
/// Errors: those of cdk::tools::load_stacks, [cdk.diff.UnknownStack] (options.stack
/// names no stack on either side), [cdk.diff.AmbiguousStack] (a template against an
/// assembly of several stacks without options.stack).
AssemblyDiff diff_paths(const std::string& old_path, const std::string& new_path, const DiffOptions& options = {});

struct RenderOptions {
  bool colour = false;  // ANSI colours, as on a terminal
  bool quiet = false;   // say nothing about stacks without differences
  bool security_only = false;  // only the IAM and security-group tables
};

/// The human-readable report (cdk diff's layout).
void render_text(std::ostream& out, const AssemblyDiff& diff, const RenderOptions& options = {});
void render_text(std::ostream& out, const TemplateDiff& diff, const RenderOptions& options = {});

/// The machine-readable report (schema "cdkpp-diff/1", described in the README).
std::string to_json(const AssemblyDiff& diff);

}  // namespace cdk::tools
