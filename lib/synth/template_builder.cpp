#include "synth/template_builder.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "cdk/cfn_resource.hpp"
#include "detail/aspect_state.hpp"
#include "detail/collation.hpp"
#include "detail/utf8.hpp"
#include "synth/cross_stack.hpp"
#include "synth/overrides.hpp"
#include "synth/resolver.hpp"
#include "synth/schema_validation.hpp"

namespace cdk::synth {

namespace {

constexpr std::size_t kMaxResources = 500;
constexpr std::size_t kMaxParameters = 200;
constexpr std::size_t kMaxOutputs = 200;
constexpr std::size_t kMaxMappings = 200;
constexpr std::size_t kMaxTemplateBytes = 1'000'000;
constexpr std::size_t kMaxDescriptionBytes = 1024;

const char* section_name(TemplateSection s) {
  switch (s) {
    case TemplateSection::Parameters: return "Parameters";
    case TemplateSection::Rules: return "Rules";
    case TemplateSection::Mappings: return "Mappings";
    case TemplateSection::Conditions: return "Conditions";
    case TemplateSection::Resources: return "Resources";
    case TemplateSection::Outputs: return "Outputs";
  }
  return "Resources";
}

using detail::locale_less;

void add_bootstrap_elements(const DefaultStackSynthesizer& s, Json& parameters, Json& rules) {
  const std::string ssm = "/cdk-bootstrap/" + s.qualifier + "/version";
  parameters["BootstrapVersion"] = {
      {"Type", "AWS::SSM::Parameter::Value<String>"},
      {"Default", ssm},
      {"Description",
       "Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter "
       "Store. [cdk:skip]"}};
  rules["CheckBootstrapVersion"] = {
      {"Assertions",
       Json::array({{{"Assert", {{"Fn::Not", Json::array({{{"Fn::Contains", Json::array({Json::array({"1", "2", "3", "4", "5"}),
                                                                                         {{"Ref", "BootstrapVersion"}}})}}})}}},
                     {"AssertDescription",
                      "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the "
                      "CDK CLI."}}})}};
}

// Resources under `node` that belong to `stack`.
void resources_under(Construct& node, const Stack& stack, std::vector<const CfnResource*>& out) {
  for (Construct* c : node.find_all())
    if (auto* r = dynamic_cast<const CfnResource*>(c); r && &r->stack() == &stack) out.push_back(r);
}

// Logical ids a resource refers to (Ref, Fn::GetAtt, DependsOn), for cycle detection.
void collect_references(const Json& j, std::vector<std::string>& out) {
  if (j.is_object()) {
    if (j.size() == 1) {
      auto it = j.begin();
      if (it.key() == "Ref" && it.value().is_string()) out.push_back(it.value().get<std::string>());
      if (it.key() == "Fn::GetAtt" && it.value().is_array() && !it.value().empty() && it.value()[0].is_string())
        out.push_back(it.value()[0].get<std::string>());
    }
    for (const auto& [key, value] : j.items()) collect_references(value, out);
  } else if (j.is_array()) {
    for (const auto& value : j) collect_references(value, out);
  }
}

void check_cycles(const Json& resources, const std::unordered_map<std::string, std::string>& paths,
                  std::vector<Diagnostic>& diagnostics) {
  std::unordered_map<std::string, std::vector<std::string>> edges;
  // ordered_json::contains is a linear scan; a set keeps this linear in the template size.
  std::unordered_set<std::string> resource_ids;
  for (const auto& [id, body] : resources.items()) resource_ids.insert(id);
  for (const auto& [id, body] : resources.items()) {
    std::vector<std::string> refs;
    if (body.contains("Properties")) collect_references(body["Properties"], refs);
    if (body.contains("DependsOn")) {
      const Json& d = body["DependsOn"];
      if (d.is_string()) refs.push_back(d.get<std::string>());
      for (const auto& x : d)
        if (x.is_string()) refs.push_back(x.get<std::string>());
    }
    auto& list = edges[id];
    for (auto& r : refs)
      if (resource_ids.count(r)) list.push_back(std::move(r));
  }
  enum class Mark { None, Active, Done };
  std::unordered_map<std::string, Mark> marks;
  std::vector<std::string> stack;
  // One cycle per search from an unvisited resource, so separate cycles are all reported.
  std::function<bool(const std::string&)> visit = [&](const std::string& id) -> bool {
    marks[id] = Mark::Active;
    stack.push_back(id);
    bool found = false;
    for (const auto& next : edges[id]) {
      if (marks[next] == Mark::Active) {
        std::string cycle;
        auto from = std::find(stack.begin(), stack.end(), next);
        for (auto it = from; it != stack.end(); ++it) cycle += *it + " -> ";
        cycle += next;
        auto path = paths.find(next);
        diagnostics.push_back({errc::DependencyCycle, path == paths.end() ? "" : path->second,
                               "resources depend on each other in a cycle: " + cycle});
        found = true;
        break;
      }
      if (marks[next] == Mark::None && visit(next)) {
        found = true;
        break;
      }
    }
    stack.pop_back();
    marks[id] = Mark::Done;
    return found;
  };
  for (const auto& [id, body] : resources.items())
    if (marks[id] == Mark::None) visit(id);
}

// Type, Properties, DependsOn, then the other attributes, as CDK orders a resource.
Json with_depends_on(Json body, const std::vector<std::string>& depends_on) {
  if (depends_on.empty()) {
    // render() wrote DependsOn from add_depends_on; what is left after dropping a
    // dependency on the resource itself (reported separately) is nothing.
    body.erase("DependsOn");
    return body;
  }
  Json out = Json::object();
  out.get_ref<Json::object_t&>().reserve(body.size() + 1);
  for (auto& [key, value] : body.items()) {
    if (key == "DependsOn") continue;
    out[key] = std::move(value);
    if (key == "Properties" || (key == "Type" && !body.contains("Properties"))) out["DependsOn"] = depends_on;
  }
  return out;
}

bool has_invalid_utf8(const Json& j) {
  if (j.is_string()) return !detail::is_valid_utf8(j.get_ref<const std::string&>());
  if (j.is_array()) return std::any_of(j.begin(), j.end(), has_invalid_utf8);
  if (j.is_object())
    for (const auto& [key, value] : j.items())
      if (!detail::is_valid_utf8(key) || has_invalid_utf8(value)) return true;
  return false;
}

// render_json, or "" and a diagnostic per element (or the stack, for its own sections)
// holding a string that is not UTF-8, which JSON cannot carry. Searched for only when
// writing fails, so that valid templates pay nothing.
std::string render_or_report(const Json& out, const Stack& stack, const std::unordered_map<std::string, std::string>& paths,
                             std::vector<Diagnostic>& diagnostics) {
  try {
    return render_json(out);
  } catch (const Json::type_error&) {
    const std::size_t before = diagnostics.size();
    auto report = [&](const std::string& path) {
      diagnostics.push_back({errc::InvalidUtf8, path, "a string is not valid UTF-8 (templates are JSON, which must be)"});
    };
    for (const auto& [key, section] : out.items()) {
      const bool of_elements = key == "Parameters" || key == "Rules" || key == "Mappings" || key == "Conditions" ||
                               key == "Resources" || key == "Outputs";
      if (!of_elements) {
        if (has_invalid_utf8(section)) report(stack.path());
        continue;
      }
      for (const auto& [logical_id, body] : section.items()) {
        if (!detail::is_valid_utf8(logical_id) || has_invalid_utf8(body)) {
          const auto path = paths.find(logical_id);
          report(path == paths.end() ? stack.path() : path->second);
        }
      }
    }
    if (diagnostics.size() == before) report(stack.path());
    return "";
  }
}

}  // namespace

void collect_validations(Construct& root, std::vector<Diagnostic>& diagnostics) {
  for (Construct* node : root.find_all())
    for (auto& message : node->validate()) diagnostics.push_back({errc::Validation, node->path(), std::move(message)});
}

Json build_template(Stack& stack, std::vector<Diagnostic>& diagnostics, std::string* rendered, bool* cross_stack) {
  const auto elements = stack.elements();
  std::unordered_map<std::string, const CfnElement*> by_logical_id;
  std::unordered_map<std::string, std::string> paths;
  for (const CfnElement* e : elements) {
    auto [it, inserted] = by_logical_id.emplace(e->logical_id(), e);
    if (!inserted)
      diagnostics.push_back({errc::DuplicateLogicalId, e->path(),
                             "logical id '" + e->logical_id() + "' is already used by '" + it->second->path() + "'"});
    paths.emplace(e->logical_id(), e->path());
  }

  Resolver resolver{stack, by_logical_id, diagnostics, cross_stack};
  Json sections[6];
  for (auto& s : sections) s = Json::object();
  // ordered_json keeps entries as pair<const string, json>, which a reallocation copies
  // deeply (the const key makes the move not noexcept): reserve each section up front.
  {
    std::size_t counts[6] = {};
    for (const CfnElement* e : elements) ++counts[static_cast<int>(e->section())];
    for (int i = 0; i < 6; ++i) sections[i].get_ref<Json::object_t&>().reserve(counts[i] + 2);
  }
  auto& parameters = sections[static_cast<int>(TemplateSection::Parameters)];
  auto& rules = sections[static_cast<int>(TemplateSection::Rules)];
  auto& resources = sections[static_cast<int>(TemplateSection::Resources)];

  // DependsOn from add_depends_on and from construct-level dependencies, per resource.
  std::unordered_map<const CfnResource*, std::vector<const CfnResource*>> depends_on;
  for (const CfnElement* e : elements)
    if (auto* r = dynamic_cast<const CfnResource*>(e)) {
      auto& targets = depends_on[r];
      // One on a resource of another stack became a stack dependency (cross_stack.cpp).
      for (const CfnResource* t : r->depends_on()) {
        if (&t->stack() == &stack)
          targets.push_back(t);
        else if (cross_stack)
          *cross_stack = true;
      }
    }
  for (Construct* node : stack.find_all()) {
    if (node->dependencies().empty() || dynamic_cast<Stack*>(node)) continue;
    // Constructs of a stage inside this stack (in none of its stacks) belong to no stack.
    const Stack* owner = nullptr;
    try {
      owner = &Stack::of(*node);
    } catch (const Error&) {
      continue;
    }
    if (owner != &stack) continue;
    std::vector<const CfnResource*> sources;
    resources_under(*node, stack, sources);
    for (Construct* target : node->dependencies()) {
      std::vector<const CfnResource*> targets;
      if (!dynamic_cast<Stack*>(target)) resources_under(*target, stack, targets);
      // A construct that depends on its own child pairs a resource with itself; CDK skips
      // that pair (deps.ts: source === target), it is no cycle.
      for (auto* s : sources)
        for (auto* t : targets)
          if (s != t) depends_on[s].push_back(t);
    }
  }

  for (const CfnElement* e : elements) {
    e->validate_element(diagnostics);
    Json body = resolver.resolve(e->render(), e->path());
    if (auto* r = dynamic_cast<const CfnResource*>(e)) {
      auto& targets = depends_on[r];
      std::sort(targets.begin(), targets.end(), [](auto* a, auto* b) { return locale_less(a->path(), b->path()); });
      targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
      std::vector<std::string> ids;
      for (auto* t : targets) {
        if (t == r) {
          diagnostics.push_back({errc::DependencyCycle, r->path(), "a resource cannot depend on itself"});
          continue;
        }
        ids.push_back(t->logical_id());
      }
      body = with_depends_on(std::move(body), ids);
      for (const auto& o : r->overrides()) {
        std::optional<Json> value;
        if (o.value) value = resolver.resolve(*o.value, e->path());
        if (auto problem = apply_override(body, o.path, std::move(value)))
          diagnostics.push_back({errc::InvalidOverride, e->path(), *problem});
      }
      // Checked after overrides, so that what is written is what is checked.
      if (const ResourceTypeInfo* type = find_resource_type(r->cfn_resource_type())) {
        auto properties = body.find("Properties");
        validate_properties(*type, properties == body.end() ? nullptr : &*properties, e->path(), diagnostics);
      }
    }
    // The first element with a logical id appends (operator[] would scan the section);
    // a duplicate, already reported, replaces the earlier body as before.
    auto& section = sections[static_cast<int>(e->section())];
    if (by_logical_id.at(e->logical_id()) == e)
      section.get_ref<Json::object_t&>().emplace_back(e->logical_id(), std::move(body));
    else
      section[e->logical_id()] = std::move(body);
  }

  if (const auto* s = std::get_if<DefaultStackSynthesizer>(&stack.synthesizer());
      s && s->generate_bootstrap_version_rule) {
    if (by_logical_id.count("BootstrapVersion") || by_logical_id.count("CheckBootstrapVersion"))
      diagnostics.push_back({errc::DuplicateLogicalId, stack.path(),
                             "'BootstrapVersion' and 'CheckBootstrapVersion' are reserved by the DefaultStackSynthesizer"});
    else
      add_bootstrap_elements(*s, parameters, rules);
  }

  const auto& options = stack.template_options();
  Json out = Json::object();
  if (options.template_format_version) out["AWSTemplateFormatVersion"] = *options.template_format_version;
  if (options.description) {
    out["Description"] = *options.description;
    if (options.description->size() > kMaxDescriptionBytes)
      diagnostics.push_back({errc::DescriptionTooLong, stack.path(),
                             "template description is " + std::to_string(options.description->size()) +
                                 " bytes; CloudFormation allows 1024"});
  }
  if (!options.metadata.empty()) out["Metadata"] = resolver.resolve(Value{options.metadata}, stack.path());
  for (auto section : {TemplateSection::Parameters, TemplateSection::Rules, TemplateSection::Mappings,
                       TemplateSection::Conditions}) {
    if (!sections[static_cast<int>(section)].empty())
      out[section_name(section)] = std::move(sections[static_cast<int>(section)]);
  }
  if (options.transforms.size() == 1) out["Transform"] = options.transforms.front();
  if (options.transforms.size() > 1) out["Transform"] = options.transforms;
  check_cycles(resources, paths, diagnostics);
  const std::size_t resource_count = resources.size();
  out["Resources"] = std::move(resources);
  auto& outputs = sections[static_cast<int>(TemplateSection::Outputs)];
  const std::size_t output_count = outputs.size();
  if (!outputs.empty()) out["Outputs"] = std::move(outputs);

  auto limit = [&](std::size_t count, std::size_t max, const char* code, const char* what) {
    if (count > max)
      diagnostics.push_back({code, stack.path(),
                             "stack '" + stack.stack_name() + "' has " + std::to_string(count) + " " + what +
                                 "; CloudFormation allows " + std::to_string(max)});
  };
  limit(resource_count, kMaxResources, errc::TooManyResources, "resources");
  limit(out.contains("Parameters") ? out["Parameters"].size() : 0, kMaxParameters, errc::TooManyParameters, "parameters");
  limit(output_count, kMaxOutputs, errc::TooManyOutputs, "outputs");
  limit(out.contains("Mappings") ? out["Mappings"].size() : 0, kMaxMappings, errc::TooManyMappings, "mappings");
  if (resource_count == 0)
    diagnostics.push_back({errc::EmptyTemplate, stack.path(),
                           "stack '" + stack.stack_name() +
                               "' has no resources; CloudFormation needs at least one (a placeholder such as "
                               "AWS::CloudFormation::WaitConditionHandle will do)"});
  if (resource_count <= kMaxResources) {
    // The body CloudFormation receives is the file as written (indented), not a compact form.
    std::string body = render_or_report(out, stack, paths, diagnostics);
    const std::size_t size = body.size();
    if (rendered) *rendered = std::move(body);
    if (size > kMaxTemplateBytes)
      diagnostics.push_back({errc::TemplateTooLarge, stack.path(),
                             "template is " + std::to_string(size) + " bytes; CloudFormation allows 1,000,000"});
  }
  if (rendered && resource_count > kMaxResources) *rendered = render_or_report(out, stack, paths, diagnostics);
  return out;
}

Json build_template_or_throw(Stack& stack) {
  std::vector<Diagnostic> diagnostics;
  detail::invoke_aspects_of_stage(stack, diagnostics);
  collect_validations(stack, diagnostics);
  // The same template App::synth writes: exports for references from the other stacks of
  // the tree, imports for this one's. Only this stack's problems are reported.
  std::vector<Diagnostic> references;
  resolve_cross_stack_references(stack.root(), references);
  const std::string prefix = stack.path() + "/";
  for (auto& d : references)
    if (d.path.compare(0, prefix.size(), prefix) == 0) diagnostics.push_back(std::move(d));
  Json out = build_template(stack, diagnostics);
  if (!diagnostics.empty()) throw SynthError(std::move(diagnostics));
  return out;
}

std::string render_json(const Json& json) { return json.dump(1); }

}  // namespace cdk::synth
