// The diff of two templates: sections entry by entry, resources property by property, and
// what CloudFormation does to each changed resource.
#include <algorithm>
#include <set>

#include "cdk/errors.hpp"
#include "cdk/resource_type.hpp"
#include "diff_internal.hpp"

namespace cdk::tools::diff_detail {

namespace {

const Json& empty_object() {
  static const Json empty = Json::object();
  return empty;
}

const Json& member_or_empty(const Json& object, const char* key) {
  if (!object.is_object()) return empty_object();
  const auto it = object.find(key);
  return it == object.end() ? empty_object() : *it;
}

std::string string_member(const Json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

ValueChange to_change(const Leaf& leaf) {
  ValueChange change;
  change.path = path_string(leaf.path);
  change.kind = leaf.kind;
  if (leaf.old_value) change.old_value = compact(*leaf.old_value);
  if (leaf.new_value) change.new_value = compact(*leaf.new_value);
  return change;
}

int severity(Impact impact) { return static_cast<int>(impact); }

Impact worst(Impact a, Impact b) { return severity(a) >= severity(b) ? a : b; }

// ---- createOnly properties ----------------------------------------------------------

// A createOnly property as path components: "Export.Name" -> {Export, Name}; "*" is any
// list element.
std::vector<std::vector<std::string>> create_only_paths(const ResourceTypeInfo* type) {
  std::vector<std::vector<std::string>> out;
  if (!type) return out;
  for (std::string_view text : type->create_only_properties()) {
    if (text.rfind("/properties/", 0) == 0) text.remove_prefix(12);
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
      const auto end = text.find_first_of("./", start);
      parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    out.push_back(std::move(parts));
  }
  return out;
}

std::string create_only_text(const std::vector<std::string>& parts) {
  std::string out = "/properties";
  for (const auto& part : parts) out += '/' + part;
  return out;
}

enum class Overlap { None, Inside, Contains };

// Whether a change at `path` is within the createOnly property `pattern` (Inside), or at a
// value that holds it (Contains; `rest` is then the part of the pattern below the change).
Overlap overlap(const std::vector<std::string>& pattern, const Path& path, std::vector<std::string>& rest) {
  std::size_t p = 0, q = 0;
  while (p < pattern.size() && q < path.size()) {
    if (std::holds_alternative<std::size_t>(path[q])) {
      if (pattern[p] == "*") ++p;  // schemas write list elements as "*", or not at all
      ++q;
      continue;
    }
    if (pattern[p] != std::get<std::string>(path[q])) return Overlap::None;
    ++p, ++q;
  }
  if (p == pattern.size()) return Overlap::Inside;
  rest.assign(pattern.begin() + static_cast<std::ptrdiff_t>(p), pattern.end());
  return Overlap::Contains;
}

void values_at(const Json* value, const std::vector<std::string>& rest, std::size_t at, std::vector<const Json*>& out) {
  if (!value) return;
  if (at == rest.size()) {
    out.push_back(value);
    return;
  }
  if (value->is_array()) {
    for (const auto& element : *value) values_at(&element, rest, rest[at] == "*" ? at + 1 : at, out);
  } else if (value->is_object() && !synth::is_intrinsic(*value)) {
    const auto it = value->find(rest[at]);
    if (it != value->end()) values_at(&*it, rest, at + 1, out);
  } else if (synth::is_intrinsic(*value)) {
    out.push_back(value);  // the whole value is decided at deploy time
  }
}

bool same_values(const std::vector<const Json*>& a, const std::vector<const Json*>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!deep_equal(*a[i], *b[i])) return false;
  return true;
}

// ---- values known only at deploy time -------------------------------------------------

bool is_parameter_or_pseudo(const std::string& name, const Json& body) {
  return name.rfind("AWS::", 0) == 0 || member_or_empty(body, "Parameters").contains(name);
}

bool sub_mentions_unknown(const std::string& text, const Json& body) {
  for (std::size_t start = text.find("${"); start != std::string::npos; start = text.find("${", start + 2)) {
    if (start + 2 < text.size() && text[start + 2] == '!') continue;  // ${!Literal}
    const auto end = text.find('}', start);
    if (end == std::string::npos) break;
    const std::string name = text.substr(start + 2, end - start - 2);
    if (is_parameter_or_pseudo(name.substr(0, name.find('.')), body)) return true;
  }
  return false;
}

// A value CloudFormation only knows at deploy time, which may turn out equal to the other
// side: parameters and pseudo parameters, imports, mappings, conditions, AZ lists, dynamic
// references. A reference to a resource is not one of them: another resource is another
// value.
bool deploy_time_value(const Json& value, const Json& body) {
  if (value.is_string()) return value.get<std::string>().find("{{resolve:") != std::string::npos;
  if (value.is_array()) {
    return std::any_of(value.begin(), value.end(), [&](const Json& v) { return deploy_time_value(v, body); });
  }
  if (!value.is_object()) return false;
  if (synth::is_intrinsic(value)) {
    const auto first = value.begin();
    const std::string& name = first.key();
    const Json& argument = first.value();
    if (name == "Ref") return argument.is_string() && is_parameter_or_pseudo(argument.get<std::string>(), body);
    if (name == "Fn::ImportValue" || name == "Fn::FindInMap" || name == "Fn::If" || name == "Fn::GetAZs" ||
        name == "Condition")
      return true;
    if (name == "Fn::Sub") {
      const Json& text = argument.is_array() && !argument.empty() ? argument[0] : argument;
      if (text.is_string() && sub_mentions_unknown(text.get<std::string>(), body)) return true;
      return argument.is_array() && argument.size() > 1 && deploy_time_value(argument[1], body);
    }
    return deploy_time_value(argument, body);
  }
  for (const auto& [key, member] : value.items())
    if (deploy_time_value(member, body)) return true;
  return false;
}

// ---- resources ------------------------------------------------------------------------

struct Context {
  const Json& old_body;
  const Json& new_body;
};

// Sets the impact of a property change from the type's createOnly properties.
void classify(ValueChange& change, const Leaf& leaf, const std::vector<std::vector<std::string>>& create_only,
              const Context& context) {
  for (const auto& pattern : create_only) {
    std::vector<std::string> rest;
    const Overlap where = overlap(pattern, leaf.path, rest);
    if (where == Overlap::None) continue;
    std::vector<const Json*> old_values, new_values;
    if (where == Overlap::Inside) {
      if (leaf.old_value) old_values.push_back(leaf.old_value);
      if (leaf.new_value) new_values.push_back(leaf.new_value);
    } else {
      values_at(leaf.old_value, rest, 0, old_values);
      values_at(leaf.new_value, rest, 0, new_values);
      if (same_values(old_values, new_values)) continue;  // the createOnly part stayed the same
    }
    const bool unknown =
        std::any_of(old_values.begin(), old_values.end(), [&](const Json* v) { return deploy_time_value(*v, context.old_body); }) ||
        std::any_of(new_values.begin(), new_values.end(), [&](const Json* v) { return deploy_time_value(*v, context.new_body); });
    const Impact impact = unknown ? Impact::MayReplace : Impact::Replace;
    // The worst impact wins; among equals the most precise createOnly path names it.
    const std::string reason = "createOnly " + create_only_text(pattern);
    if (severity(impact) > severity(change.impact) ||
        (severity(impact) == severity(change.impact) && reason.size() > change.reason.size())) {
      change.impact = impact;
      change.reason = reason;
    }
  }
}

Impact removal_impact(const Json& resource) {
  const std::string policy = string_member(resource, "DeletionPolicy");
  return policy == "Retain" || policy == "RetainExceptOnCreate" ? Impact::Orphan : Impact::Destroy;
}

void recompute_impact(ResourceChange& change) {
  if (change.kind != ChangeKind::Updated || change.type_changed()) return;
  Impact impact = change.attributes.empty() ? Impact::None : Impact::Update;
  for (const auto& property : change.properties) impact = worst(impact, property.impact);
  change.impact = impact;
}

std::string construct_path(const Json& resource) {
  return string_member(member_or_empty(resource, "Metadata"), "aws:cdk:path");
}

ResourceChange diff_resource(const std::string& id, const Json* old_resource, const Json* new_resource,
                             const Context& context) {
  ResourceChange change;
  change.logical_id = id;
  if (old_resource) change.old_type = string_member(*old_resource, "Type");
  if (new_resource) change.new_type = string_member(*new_resource, "Type");
  if (!old_resource) {
    change.kind = ChangeKind::Added;
    change.impact = Impact::Create;
    return change;
  }
  if (!new_resource) {
    change.kind = ChangeKind::Removed;
    change.impact = removal_impact(*old_resource);
    return change;
  }
  change.kind = ChangeKind::Updated;
  if (change.type_changed()) {
    // CloudFormation cannot change a type in place; like cdk diff, properties are not compared.
    change.impact = Impact::Replace;
    return change;
  }
  const ResourceTypeInfo* type = find_resource_type(change.new_type);
  change.schema_known = type != nullptr;
  const auto create_only = create_only_paths(type);

  std::vector<Leaf> leaves;
  diff_values(member_or_empty(*old_resource, "Properties"), member_or_empty(*new_resource, "Properties"), {}, leaves);
  for (const auto& leaf : leaves) {
    ValueChange property = to_change(leaf);
    classify(property, leaf, create_only, context);
    change.properties.push_back(std::move(property));
  }

  // Everything outside Type and Properties: DependsOn, Condition, policies, Metadata.
  Json old_rest = old_resource->is_object() ? *old_resource : Json::object();
  Json new_rest = new_resource->is_object() ? *new_resource : Json::object();
  for (auto* rest : {&old_rest, &new_rest}) {
    rest->erase("Type");
    rest->erase("Properties");
  }
  leaves.clear();
  diff_values(old_rest, new_rest, {}, leaves);
  for (const auto& leaf : leaves) change.attributes.push_back(to_change(leaf));
  recompute_impact(change);
  return change;
}

// ---- resources whose references to a replaced resource change ---------------------------

struct Reference {
  Path path;
  std::string target;
  const Json* value;
};

void sub_references(const std::string& text, const std::set<std::string>& targets, std::set<std::string>& found) {
  for (std::size_t start = text.find("${"); start != std::string::npos; start = text.find("${", start + 2)) {
    const auto end = text.find('}', start);
    if (end == std::string::npos) break;
    const std::string name = text.substr(start + 2, end - start - 2);
    const std::string target = name.substr(0, name.find('.'));
    if (targets.contains(target)) found.insert(target);
  }
}

void intrinsic_targets(const Json& value, const std::set<std::string>& targets, std::set<std::string>& found) {
  if (value.is_array()) {
    for (const auto& element : value) intrinsic_targets(element, targets, found);
    return;
  }
  if (!value.is_object()) return;
  for (const auto& [name, argument] : value.items()) {
    if (name == "Ref" && argument.is_string() && targets.contains(argument.get<std::string>())) {
      found.insert(argument.get<std::string>());
    } else if (name == "Fn::GetAtt" && argument.is_array() && !argument.empty() && argument[0].is_string() &&
               targets.contains(argument[0].get<std::string>())) {
      found.insert(argument[0].get<std::string>());
    } else if (name == "Fn::Sub") {
      const Json& text = argument.is_array() && !argument.empty() ? argument[0] : argument;
      if (text.is_string()) sub_references(text.get<std::string>(), targets, found);
      if (argument.is_array() && argument.size() > 1) intrinsic_targets(argument[1], targets, found);
    } else {
      intrinsic_targets(argument, targets, found);
    }
  }
}

// References to `targets` in a resource's properties, at the path of the intrinsic that
// holds them (the granularity of the property diff).
void find_references(const Json& value, const Path& path, const std::set<std::string>& targets,
                     std::vector<Reference>& out) {
  if (synth::is_intrinsic(value)) {
    std::set<std::string> found;
    intrinsic_targets(value, targets, found);
    for (const auto& target : found) out.push_back({path, target, &value});
    return;
  }
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      Path child = path;
      child.emplace_back(key);
      find_references(member, child, targets, out);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      Path child = path;
      child.emplace_back(i);
      find_references(value[i], child, targets, out);
    }
  }
}

bool covers(const std::string& outer, const std::string& inner) {
  if (outer.empty()) return true;
  if (inner.rfind(outer, 0) != 0) return false;
  return inner.size() == outer.size() || inner[outer.size()] == '.' || inner[outer.size()] == '[';
}

// A replaced resource gets a new physical id (and new attributes): every resource that
// refers to it is updated, and replaced when the reference is in a createOnly property,
// which may replace the resources referring to that one in turn (cdk diff does the same
// by rewriting the references and diffing again).
void propagate_replacements(const Json& old_resources, const Json& new_resources, std::vector<ResourceChange>& changes,
                            const Context& context) {
  std::set<std::string> replaced;
  for (const auto& change : changes)
    if (change.kind == ChangeKind::Updated && change.impact == Impact::Replace) replaced.insert(change.logical_id);
  std::set<std::string> done;  // resources whose references to `replaced` were applied
  bool grew = !replaced.empty();
  while (grew) {
    grew = false;
    for (const auto& [id, resource] : new_resources.items()) {
      if (!old_resources.contains(id) || replaced.contains(id)) continue;
      const std::string type = string_member(resource, "Type");
      if (type != string_member(old_resources[id], "Type")) continue;
      std::vector<Reference> references;
      find_references(member_or_empty(resource, "Properties"), {}, replaced, references);
      if (references.empty()) continue;
      auto it = std::find_if(changes.begin(), changes.end(), [&id = id](const ResourceChange& c) { return c.logical_id == id; });
      if (it == changes.end()) {
        ResourceChange change;
        change.logical_id = id;
        change.kind = ChangeKind::Updated;
        change.old_type = change.new_type = type;
        change.construct_path = construct_path(resource);
        changes.push_back(std::move(change));
        it = std::prev(changes.end());
      }
      const ResourceTypeInfo* info = find_resource_type(type);
      it->schema_known = info != nullptr;
      const auto create_only = create_only_paths(info);
      for (const auto& reference : references) {
        const std::string key = id + '\n' + path_string(reference.path) + '\n' + reference.target;
        if (!done.insert(key).second) continue;
        bool create_only_reference = false;
        for (const auto& pattern : create_only) {
          std::vector<std::string> rest;
          if (overlap(pattern, reference.path, rest) != Overlap::None) create_only_reference = true;
        }
        const Impact impact = create_only_reference ? Impact::Replace : Impact::Update;
        const std::string reason = "references " + reference.target + ", which is replaced";
        const std::string where = path_string(reference.path);
        auto existing = std::find_if(it->properties.begin(), it->properties.end(),
                                     [&](const ValueChange& p) { return covers(p.path, where) || covers(where, p.path); });
        if (existing != it->properties.end()) {
          if (severity(impact) > severity(existing->impact)) {
            existing->impact = impact;
            existing->reason = reason;
          }
          continue;
        }
        ValueChange property;
        property.path = where;
        property.kind = ChangeKind::Updated;
        property.old_value = property.new_value = compact(*reference.value);
        property.impact = impact;
        property.reason = reason;
        property.replaced_reference = reference.target;
        it->properties.push_back(std::move(property));
      }
      recompute_impact(*it);
      if (it->impact == Impact::Replace && replaced.insert(id).second) grew = true;
    }
  }
  (void)context;
}

std::vector<ResourceChange> diff_resources(const Json& old_resources, const Json& new_resources, const Context& context) {
  std::vector<ResourceChange> changes;
  for (const auto& [id, resource] : old_resources.items()) {
    const auto other = new_resources.find(id);
    if (other == new_resources.end()) {
      changes.push_back(diff_resource(id, &resource, nullptr, context));
      changes.back().construct_path = construct_path(resource);
    }
  }
  for (const auto& [id, resource] : new_resources.items()) {
    const auto other = old_resources.find(id);
    if (other != old_resources.end() && deep_equal(*other, resource)) continue;
    auto change = diff_resource(id, other == old_resources.end() ? nullptr : &*other, &resource, context);
    if (change.kind == ChangeKind::Updated && !change.type_changed() && change.properties.empty() &&
        change.attributes.empty())
      continue;
    changes.push_back(std::move(change));
  }
  propagate_replacements(old_resources, new_resources, changes, context);
  // cdk diff's order: removed, added, updated; template order within each (propagated
  // changes were appended).
  auto position = [](const Json& resources, const std::string& id) {
    std::size_t i = 0;
    for (const auto& [key, value] : resources.items()) {
      if (key == id) return i;
      ++i;
    }
    return i;
  };
  auto sort_key = [&](const ResourceChange& c) {
    const int rank = c.kind == ChangeKind::Removed ? 0 : c.kind == ChangeKind::Added ? 1 : 2;
    return std::pair{rank, position(c.kind == ChangeKind::Removed ? old_resources : new_resources, c.logical_id)};
  };
  std::stable_sort(changes.begin(), changes.end(),
                   [&](const ResourceChange& a, const ResourceChange& b) { return sort_key(a) < sort_key(b); });
  return changes;
}

// ---- other sections ---------------------------------------------------------------------

std::string export_name(const Json& output) {
  const Json& exported = member_or_empty(output, "Export");
  const auto name = exported.find("Name");
  return name == exported.end() ? std::string{} : compact(*name);
}

EntryChange entry_change(const std::string& id, const Json* old_value, const Json* new_value) {
  EntryChange change;
  change.id = id;
  change.kind = !old_value ? ChangeKind::Added : !new_value ? ChangeKind::Removed : ChangeKind::Updated;
  if (old_value) change.old_value = compact(*old_value);
  if (new_value) change.new_value = compact(*new_value);
  if (old_value && new_value) {
    std::vector<Leaf> leaves;
    diff_values(*old_value, *new_value, {}, leaves);
    for (const auto& leaf : leaves) change.details.push_back(to_change(leaf));
  }
  return change;
}

std::vector<EntryChange> diff_entries(const Json& old_section, const Json& new_section) {
  std::vector<EntryChange> removed, added, updated;
  if (!old_section.is_object() || !new_section.is_object()) {
    // Not a map of entries (a malformed section): one change of the whole.
    updated.push_back(entry_change("", &old_section, &new_section));
    return updated;
  }
  for (const auto& [id, value] : old_section.items())
    if (!new_section.contains(id)) removed.push_back(entry_change(id, &value, nullptr));
  for (const auto& [id, value] : new_section.items()) {
    const auto other = old_section.find(id);
    if (other == old_section.end()) {
      added.push_back(entry_change(id, nullptr, &value));
    } else if (!deep_equal(*other, value)) {
      updated.push_back(entry_change(id, &*other, &value));
    }
  }
  removed.insert(removed.end(), added.begin(), added.end());
  removed.insert(removed.end(), updated.begin(), updated.end());
  return removed;
}

// An output whose value refers to a replaced resource changes at deploy time although its
// template text does not; when it is exported, CloudFormation refuses that change while
// another stack imports it.
void mark_outputs_of_replaced(const Json& old_body, const Json& new_body, TemplateDiff& diff) {
  std::set<std::string> replaced;
  for (const auto& change : diff.resources)
    if (change.kind == ChangeKind::Updated && change.impact == Impact::Replace) replaced.insert(change.logical_id);
  if (replaced.empty()) return;
  const Json& old_outputs = member_or_empty(old_body, "Outputs");
  for (const auto& [id, output] : member_or_empty(new_body, "Outputs").items()) {
    if (!old_outputs.contains(id) || !output.is_object() || !output.contains("Value")) continue;
    const Json holder = {{"Value", output["Value"]}};  // paths start at "Value"
    std::vector<Reference> references;
    find_references(holder, {}, replaced, references);
    if (references.empty()) continue;
    auto it = std::find_if(diff.outputs.begin(), diff.outputs.end(), [&id = id](const EntryChange& c) { return c.id == id; });
    if (it == diff.outputs.end()) {
      EntryChange change;
      change.id = id;
      change.kind = ChangeKind::Updated;
      change.old_value = compact(old_outputs[id]);
      change.new_value = compact(output);
      change.old_export = export_name(old_outputs[id]);
      change.new_export = export_name(output);
      diff.outputs.push_back(std::move(change));
      it = std::prev(diff.outputs.end());
    }
    for (const auto& reference : references) {
      const std::string where = path_string(reference.path);
      const bool covered = std::any_of(it->details.begin(), it->details.end(),
                                       [&](const ValueChange& d) { return covers(d.path, where) && !d.path.empty(); });
      if (covered) continue;
      ValueChange detail;
      detail.path = where;
      detail.kind = ChangeKind::Updated;
      detail.old_value = detail.new_value = compact(*reference.value);
      detail.replaced_reference = reference.target;
      detail.reason = "references " + reference.target + ", which is replaced";
      if (!it->new_export.empty()) detail.reason += ": the exported value changes, which fails while another stack imports it";
      it->details.push_back(std::move(detail));
    }
  }
}

}  // namespace

TemplateDiff diff_bodies(const Json& old_raw, const Json& new_raw, bool strict) {
  for (const Json* body : {&old_raw, &new_raw})
    if (!body->is_object())
      throw Error(errc::TemplateMalformed, body == &old_raw ? "old" : "new",
                  "a template is a mapping of sections, not " + std::string{body->type_name()});
  const Json old_body = normalize_template(old_raw, strict);
  const Json new_body = normalize_template(new_raw, strict);
  const Context context{old_body, new_body};
  TemplateDiff diff;

  static const char* const fields[] = {"AWSTemplateFormatVersion", "Description", "Transform"};
  for (const char* field : fields) {
    const auto a = old_body.find(field);
    const auto b = new_body.find(field);
    const Json* old_value = a == old_body.end() ? nullptr : &*a;
    const Json* new_value = b == new_body.end() ? nullptr : &*b;
    if (!old_value && !new_value) continue;
    if (old_value && new_value && deep_equal(*old_value, *new_value)) continue;
    diff.template_fields.push_back(entry_change(field, old_value, new_value));
  }
  diff.parameters = diff_entries(member_or_empty(old_body, "Parameters"), member_or_empty(new_body, "Parameters"));
  diff.metadata = diff_entries(member_or_empty(old_body, "Metadata"), member_or_empty(new_body, "Metadata"));
  diff.mappings = diff_entries(member_or_empty(old_body, "Mappings"), member_or_empty(new_body, "Mappings"));
  diff.conditions = diff_entries(member_or_empty(old_body, "Conditions"), member_or_empty(new_body, "Conditions"));
  diff.rules = diff_entries(member_or_empty(old_body, "Rules"), member_or_empty(new_body, "Rules"));
  diff.outputs = diff_entries(member_or_empty(old_body, "Outputs"), member_or_empty(new_body, "Outputs"));
  for (auto& output : diff.outputs) {
    const Json& old_outputs = member_or_empty(old_body, "Outputs");
    const Json& new_outputs = member_or_empty(new_body, "Outputs");
    if (old_outputs.contains(output.id)) output.old_export = export_name(old_outputs[output.id]);
    if (new_outputs.contains(output.id)) output.new_export = export_name(new_outputs[output.id]);
  }

  const Json& old_resources = member_or_empty(old_body, "Resources");
  const Json& new_resources = member_or_empty(new_body, "Resources");
  if (old_resources.is_object() && new_resources.is_object()) {
    diff.resources = diff_resources(old_resources, new_resources, context);
    // Construct paths come from the templates as written (normalizing drops them).
    const Json& raw_old = member_or_empty(old_raw, "Resources");
    const Json& raw_new = member_or_empty(new_raw, "Resources");
    for (auto& change : diff.resources) {
      if (raw_new.contains(change.logical_id)) change.construct_path = construct_path(raw_new[change.logical_id]);
      if (change.construct_path.empty() && raw_old.contains(change.logical_id))
        change.construct_path = construct_path(raw_old[change.logical_id]);
    }
  }

  mark_outputs_of_replaced(old_body, new_body, diff);

  static const std::set<std::string> known = {"AWSTemplateFormatVersion", "Description", "Transform", "Parameters",
                                              "Metadata", "Mappings", "Conditions", "Rules", "Resources", "Outputs"};
  Json old_other = Json::object(), new_other = Json::object();
  for (const auto& [key, value] : old_body.items())
    if (!known.contains(key)) old_other[key] = value;
  for (const auto& [key, value] : new_body.items())
    if (!known.contains(key)) new_other[key] = value;
  if (!(old_resources.is_object() && new_resources.is_object()) && !deep_equal(old_resources, new_resources)) {
    old_other["Resources"] = old_resources;
    new_other["Resources"] = new_resources;
  }
  diff.other = diff_entries(old_other, new_other);

  collect_security_changes(old_body, new_body, diff);
  return diff;
}

}  // namespace cdk::tools::diff_detail
