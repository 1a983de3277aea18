// The machine-readable diff, schema "cdkpp-diff/1" (documented in the README). Fields are
// only added in later versions of the same schema; values keep their JSON form.
#include "cdk/tools/diff.hpp"
#include "diff_internal.hpp"

namespace cdk::tools {

namespace {

using synth::Json;

Json value(const std::string& compact_json) {
  return Json::parse(compact_json, nullptr, false);
}

void put_values(Json& out, const std::string& old_value, const std::string& new_value) {
  if (!old_value.empty()) out["old"] = value(old_value);
  if (!new_value.empty()) out["new"] = value(new_value);
}

Json value_change(const ValueChange& c, bool with_impact) {
  Json out = {{"path", c.path}, {"change", to_string(c.kind)}};
  put_values(out, c.old_value, c.new_value);
  if (with_impact) out["impact"] = to_string(c.impact);
  if (!c.reason.empty()) out["reason"] = c.reason;
  if (!c.replaced_reference.empty()) out["replacedReference"] = c.replaced_reference;
  return out;
}

Json entries(const std::vector<EntryChange>& changes) {
  Json out = Json::array();
  for (const auto& c : changes) {
    Json entry = {{"id", c.id}, {"change", to_string(c.kind)}};
    put_values(entry, c.old_value, c.new_value);
    Json details = Json::array();
    for (const auto& d : c.details) details.push_back(value_change(d, false));
    entry["details"] = std::move(details);
    if (!c.old_export.empty() || !c.new_export.empty()) {
      Json exported = Json::object();
      put_values(exported, c.old_export, c.new_export);
      entry["export"] = std::move(exported);
    }
    out.push_back(std::move(entry));
  }
  return out;
}

Json resources(const std::vector<ResourceChange>& changes) {
  Json out = Json::array();
  for (const auto& r : changes) {
    Json resource = {{"logicalId", r.logical_id},
                     {"constructPath", r.construct_path.empty() ? Json() : Json(r.construct_path)},
                     {"change", to_string(r.kind)},
                     {"oldType", r.old_type.empty() ? Json() : Json(r.old_type)},
                     {"newType", r.new_type.empty() ? Json() : Json(r.new_type)},
                     {"impact", to_string(r.impact)},
                     {"schemaKnown", r.schema_known}};
    Json properties = Json::array(), attributes = Json::array();
    for (const auto& p : r.properties) properties.push_back(value_change(p, true));
    for (const auto& a : r.attributes) attributes.push_back(value_change(a, false));
    resource["properties"] = std::move(properties);
    resource["attributes"] = std::move(attributes);
    out.push_back(std::move(resource));
  }
  return out;
}

Json security(const TemplateDiff& diff) {
  Json statements = Json::array(), policies = Json::array(), rules = Json::array();
  for (const auto& s : diff.iam_statements)
    statements.push_back({{"change", to_string(s.kind)}, {"resource", s.resource}, {"effect", s.effect},
                          {"action", s.action}, {"principal", s.principal}, {"condition", s.condition},
                          {"source", s.source}});
  for (const auto& p : diff.managed_policies)
    policies.push_back({{"change", to_string(p.kind)}, {"resource", p.resource}, {"arn", p.arn}});
  for (const auto& r : diff.security_group_rules)
    rules.push_back({{"change", to_string(r.kind)}, {"group", r.group}, {"direction", r.direction},
                     {"protocol", r.protocol}, {"peer", r.peer}, {"source", r.source}});
  return {{"iamStatements", statements}, {"managedPolicies", policies}, {"securityGroupRules", rules}};
}

}  // namespace

std::string to_json(const AssemblyDiff& diff) {
  Json stacks = Json::array();
  std::size_t differing = 0;
  for (const auto& stack : diff.stacks) {
    if (stack.status != StackDiff::Status::Unchanged) ++differing;
    const TemplateDiff& d = stack.diff;
    stacks.push_back({{"id", stack.artifact_id},
                      {"stackName", stack.stack_name},
                      {"displayName", stack.display_name},
                      {"status", to_string(stack.status)},
                      {"differenceCount", d.difference_count()},
                      {"template", entries(d.template_fields)},
                      {"parameters", entries(d.parameters)},
                      {"metadata", entries(d.metadata)},
                      {"mappings", entries(d.mappings)},
                      {"conditions", entries(d.conditions)},
                      {"rules", entries(d.rules)},
                      {"resources", resources(d.resources)},
                      {"outputs", entries(d.outputs)},
                      {"other", entries(d.other)},
                      {"security", security(d)}});
  }
  const Json out = {{"schema", "cdkpp-diff/1"},
                    {"differences", differing > 0},
                    {"stacksWithDifferences", differing},
                    {"stacks", stacks}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace cdk::tools
