#include "synth/template_builder.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "cdk/cfn_resource.hpp"
#include "detail/aspect_state.hpp"
#include "detail/collation.hpp"
#include "detail/construct_cast.hpp"
#include "detail/utf8.hpp"
#include "synth/cross_stack.hpp"
#include "synth/json_text.hpp"
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

// The DefaultStackSynthesizer's parameter and rule: deploying checks the bootstrap version.
Json bootstrap_parameter(const DefaultStackSynthesizer& s) {
  return {{"Type", "AWS::SSM::Parameter::Value<String>"},
          {"Default", "/cdk-bootstrap/" + s.qualifier + "/version"},
          {"Description",
           "Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter "
           "Store. [cdk:skip]"}};
}

Json bootstrap_rule() {
  return {{"Assertions",
           Json::array({{{"Assert", {{"Fn::Not", Json::array({{{"Fn::Contains", Json::array({Json::array({"1", "2", "3", "4", "5"}),
                                                                                              {{"Ref", "BootstrapVersion"}}})}}})}}},
                         {"AssertDescription",
                          "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the "
                          "CDK CLI."}}})}};
}

// Resources under `node` that belong to `stack`.
void resources_under(Construct& node, const Stack& stack, std::vector<const CfnResource*>& out) {
  for (Construct* c : node.find_all())
    if (auto* r = detail::construct_cast<const CfnResource>(c); r && &r->stack() == &stack) out.push_back(r);
}

// The resources each resource refers to (Ref and Fn::GetAtt in its properties, and
// DependsOn), in template order, for finding cycles. Collected from each body as it is
// finished, so that no template-wide tree is needed.
class ReferenceGraph {
 public:
  explicit ReferenceGraph(const std::unordered_map<std::string, const CfnElement*>& by_logical_id)
      : by_logical_id_{by_logical_id} {}

  void add(const CfnElement& resource, const Json& body) {
    // A duplicate logical id (reported) replaces the earlier body, as in the template.
    const CfnElement* self = by_logical_id_.at(resource.logical_id());
    auto [it, inserted] = edges_.try_emplace(self);
    if (inserted) order_.push_back(self);
    auto& targets = it->second;
    targets.clear();
    if (auto properties = body.find("Properties"); properties != body.end()) collect(*properties, targets);
    if (auto d = body.find("DependsOn"); d != body.end()) {
      add_target(*d, targets);
      if (d->is_array())
        for (const auto& x : *d) add_target(x, targets);
    }
  }

  void check(std::vector<Diagnostic>& diagnostics) {
    enum class Mark { None, Active, Done };
    std::unordered_map<const CfnElement*, Mark> marks;
    std::vector<const CfnElement*> stack;
    // One cycle per search from an unvisited resource, so separate cycles are all reported.
    std::function<bool(const CfnElement*)> visit = [&](const CfnElement* id) -> bool {
      marks[id] = Mark::Active;
      stack.push_back(id);
      bool found = false;
      for (const CfnElement* next : edges_[id]) {
        if (marks[next] == Mark::Active) {
          std::string cycle;
          auto from = std::find(stack.begin(), stack.end(), next);
          for (auto it = from; it != stack.end(); ++it) cycle += (*it)->logical_id() + " -> ";
          cycle += next->logical_id();
          diagnostics.push_back({errc::DependencyCycle, next->path(), "resources depend on each other in a cycle: " + cycle});
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
    for (const CfnElement* id : order_)
      if (marks[id] == Mark::None) visit(id);
  }

 private:
  // A string naming a resource of this template is an edge; any other name is not.
  void add_target(const Json& name, std::vector<const CfnElement*>& targets) const {
    if (!name.is_string()) return;
    auto found = by_logical_id_.find(name.get_ref<const std::string&>());
    if (found != by_logical_id_.end() && found->second->section() == TemplateSection::Resources)
      targets.push_back(found->second);
  }

  void collect(const Json& j, std::vector<const CfnElement*>& targets) const {
    if (j.is_object()) {
      if (j.size() == 1) {
        auto it = j.begin();
        if (it.key() == "Ref") add_target(it.value(), targets);
        if (it.key() == "Fn::GetAtt" && it.value().is_array() && !it.value().empty()) add_target(it.value()[0], targets);
      }
      for (const auto& [key, value] : j.items()) collect(value, targets);
    } else if (j.is_array()) {
      for (const auto& value : j) collect(value, targets);
    }
  }

  const std::unordered_map<std::string, const CfnElement*>& by_logical_id_;
  std::unordered_map<const CfnElement*, std::vector<const CfnElement*>> edges_;
  std::vector<const CfnElement*> order_;
};

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

// The members of a template that are not elements, in the order CDK writes them
// around the sections: format version, description and metadata first, the transform
// between the conditions and the resources.
struct TemplateTop {
  std::optional<Json> format_version, description, metadata, transform;
};

// Collects a template as a JSON tree (Stack::to_json, to_yaml, the assertions library).
class TreeSink {
 public:
  explicit TreeSink(const std::vector<CfnElement*>& elements) {
    // ordered_json keeps entries as pair<const string, json>, which a reallocation copies
    // deeply (the const key makes the move not noexcept): reserve each section up front.
    std::size_t counts[6] = {};
    for (const CfnElement* e : elements) ++counts[static_cast<int>(e->section())];
    for (int i = 0; i < 6; ++i) {
      sections_[i] = Json::object();
      sections_[i].get_ref<Json::object_t&>().reserve(counts[i] + 2);
    }
  }

  // `first`: no element of this section had this logical id before. The first appends
  // (operator[] would scan the section); a duplicate, already reported, replaces the
  // earlier body.
  void add(TemplateSection section, const std::string& logical_id, Json body, bool first) {
    auto& entries = sections_[static_cast<int>(section)];
    if (first)
      entries.get_ref<Json::object_t&>().emplace_back(logical_id, std::move(body));
    else
      entries[logical_id] = std::move(body);
  }

  void finish(TemplateTop top) {
    Json& out = template_;
    if (top.format_version) out["AWSTemplateFormatVersion"] = std::move(*top.format_version);
    if (top.description) out["Description"] = std::move(*top.description);
    if (top.metadata) out["Metadata"] = std::move(*top.metadata);
    for (auto section : {TemplateSection::Parameters, TemplateSection::Rules, TemplateSection::Mappings,
                         TemplateSection::Conditions})
      if (!sections_[static_cast<int>(section)].empty())
        out[section_name(section)] = std::move(sections_[static_cast<int>(section)]);
    if (top.transform) out["Transform"] = std::move(*top.transform);
    out["Resources"] = std::move(sections_[static_cast<int>(TemplateSection::Resources)]);
    if (auto& outputs = sections_[static_cast<int>(TemplateSection::Outputs)]; !outputs.empty())
      out["Outputs"] = std::move(outputs);
  }

  Json take() { return std::move(template_); }

 private:
  Json sections_[6];
  Json template_ = Json::object();
};

// Writes a template as text (render_json's layout) element by element, so that only one
// element's JSON tree is alive at a time: what App::synth writes to the assembly.
class TextSink {
 public:
  TextSink(const Stack& stack, TemplateText& out) : stack_{stack}, out_{out} {
    out_.head.clear();
    out_.resources.clear();
    out_.tail.clear();
  }

  // `path`: the element's, for a string that is not UTF-8.
  void add(TemplateSection section, const std::string& logical_id, const Json& body, const std::string& path) {
    const int i = static_cast<int>(section);
    std::string& entries = section == TemplateSection::Resources ? out_.resources : sections_[i];
    if (!writers_[i]) writers_[i] = std::make_unique<JsonTextWriter>(entries);
    const std::size_t before = entries.size();
    try {
      entries += entries.empty() ? "  " : ",\n  ";
      append_json_string(entries, logical_id);
      entries += ": ";
      writers_[i]->append(body, kIndent, 2);
    } catch (const Json::type_error&) {
      entries.resize(before);
      report_invalid_utf8(section, path);
    }
  }

  void finish(const TemplateTop& top) {
    std::string* out = &out_.head;
    bool first = true;
    auto member = [&](const char* key) {
      *out += first ? "\n " : ",\n ";
      first = false;
      *out += '"';
      *out += key;
      *out += "\": ";
    };
    auto value = [&](const char* key, const std::optional<Json>& json, int position) {
      if (!json) return;
      const std::size_t before = out->size();
      const bool was_first = first;
      try {
        member(key);
        append_json_at_depth(*out, *json, kIndent, 1);
      } catch (const Json::type_error&) {
        out->resize(before);
        first = was_first;
        invalid_utf8_.emplace_back(position, invalid_utf8(stack_.path()));
      }
    };
    auto section = [&](TemplateSection s) {
      const std::string& entries = sections_[static_cast<int>(s)];
      if (entries.empty()) return;
      member(section_name(s));
      *out += "{\n";
      *out += entries;
      *out += "\n }";
    };
    *out += '{';
    value("AWSTemplateFormatVersion", top.format_version, kBeforeSections);
    value("Description", top.description, kBeforeSections);
    value("Metadata", top.metadata, kBeforeSections);
    for (auto s : {TemplateSection::Parameters, TemplateSection::Rules, TemplateSection::Mappings,
                   TemplateSection::Conditions})
      section(s);
    value("Transform", top.transform, kTransform);
    // Always written, even empty; its entries are out_.resources itself.
    member("Resources");
    if (out_.resources.empty()) {
      *out += "{}";
    } else {
      *out += "{\n";
      out = &out_.tail;
      *out += "\n }";
    }
    section(TemplateSection::Outputs);
    *out += "\n}";
    if (!invalid_utf8_.empty()) {
      out_.head.clear();
      out_.resources.clear();
      out_.tail.clear();
    }
  }

  /// The template's size in bytes as written.
  std::size_t size() const { return out_.size(); }

  /// Strings that are not UTF-8, which JSON cannot carry: one per element (or the stack,
  /// for its own members) holding one, in template order (after finish()).
  std::vector<Diagnostic> invalid_utf8() {
    // In the order of the template, as a reader meets them.
    std::stable_sort(invalid_utf8_.begin(), invalid_utf8_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Diagnostic> out;
    for (const auto& [position, diagnostic] : invalid_utf8_) out.push_back(diagnostic);
    return out;
  }

 private:
  static constexpr int kIndent = 1;  // CDK's JSON layout
  // Where a member is in the template, for the order of problems: the members before the
  // sections, then each section (TemplateSection's order), the transform just before the
  // resources.
  static constexpr int kBeforeSections = -1;
  static constexpr int kTransform = static_cast<int>(TemplateSection::Resources) * 2 - 1;
  static int position_of(TemplateSection s) { return static_cast<int>(s) * 2; }

  static Diagnostic invalid_utf8(const std::string& path) {
    return {errc::InvalidUtf8, path, "a string is not valid UTF-8 (templates are JSON, which must be)"};
  }
  void report_invalid_utf8(TemplateSection section, const std::string& path) {
    invalid_utf8_.emplace_back(position_of(section), invalid_utf8(path));
  }

  const Stack& stack_;
  TemplateText& out_;
  std::string sections_[6];  // entries of the sections but Resources (out_.resources)
  std::unique_ptr<JsonTextWriter> writers_[6];
  std::vector<std::pair<int, Diagnostic>> invalid_utf8_;
};

}  // namespace

void collect_validations(Construct& root, std::vector<Diagnostic>& diagnostics) {
  for (Construct* node : root.find_all())
    for (auto& message : node->validate()) diagnostics.push_back({errc::Validation, node->path(), std::move(message)});
}

namespace {

// The template of `stack`, written by `text` (always: its size is checked, and it finds
// strings that are not UTF-8) and collected by `tree` when given. Every problem found
// goes to `diagnostics`.
void build(Stack& stack, std::vector<Diagnostic>& diagnostics, bool* cross_stack, TextSink& text, TreeSink* tree) {
  const auto elements = stack.elements();
  std::unordered_map<std::string, const CfnElement*> by_logical_id;
  for (const CfnElement* e : elements) {
    auto [it, inserted] = by_logical_id.emplace(e->logical_id(), e);
    if (!inserted)
      diagnostics.push_back({errc::DuplicateLogicalId, e->path(),
                             "logical id '" + e->logical_id() + "' is already used by '" + it->second->path() + "'"});
  }

  Resolver resolver{stack, by_logical_id, diagnostics, cross_stack};
  std::size_t counts[6] = {};  // distinct logical ids per section
  auto add = [&](TemplateSection section, const std::string& logical_id, Json body, const std::string& path, bool first) {
    if (first) ++counts[static_cast<int>(section)];
    text.add(section, logical_id, body, path);
    if (tree) tree->add(section, logical_id, std::move(body), first);
  };

  // DependsOn from add_depends_on and from construct-level dependencies, per resource.
  std::unordered_map<const CfnResource*, std::vector<const CfnResource*>> depends_on;
  for (const CfnElement* e : elements)
    if (auto* r = detail::construct_cast<const CfnResource>(e)) {
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
    if (node->dependencies().empty() || Stack::is_stack(*node)) continue;
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
      if (!Stack::is_stack(*target)) resources_under(*target, stack, targets);
      // A construct that depends on its own child pairs a resource with itself; CDK skips
      // that pair (deps.ts: source === target), it is no cycle.
      for (auto* s : sources)
        for (auto* t : targets)
          if (s != t) depends_on[s].push_back(t);
    }
  }

  ReferenceGraph references{by_logical_id};
  for (const CfnElement* e : elements) {
    e->validate_element(diagnostics);
    Json body = resolver.resolve(e->render(), e->path());
    if (auto* r = detail::construct_cast<const CfnResource>(e)) {
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
    if (e->section() == TemplateSection::Resources) references.add(*e, body);
    // A duplicate logical id (reported) replaces the body of the same id in its section.
    const CfnElement* holder = by_logical_id.at(e->logical_id());
    add(e->section(), e->logical_id(), std::move(body), e->path(), holder == e || holder->section() != e->section());
  }

  if (const auto* s = std::get_if<DefaultStackSynthesizer>(&stack.synthesizer());
      s && s->generate_bootstrap_version_rule) {
    if (by_logical_id.count("BootstrapVersion") || by_logical_id.count("CheckBootstrapVersion")) {
      diagnostics.push_back({errc::DuplicateLogicalId, stack.path(),
                             "'BootstrapVersion' and 'CheckBootstrapVersion' are reserved by the DefaultStackSynthesizer"});
    } else {
      add(TemplateSection::Parameters, "BootstrapVersion", bootstrap_parameter(*s), stack.path(), true);
      add(TemplateSection::Rules, "CheckBootstrapVersion", bootstrap_rule(), stack.path(), true);
    }
  }

  const auto& options = stack.template_options();
  TemplateTop top;
  if (options.template_format_version) top.format_version = *options.template_format_version;
  if (options.description) {
    top.description = *options.description;
    if (options.description->size() > kMaxDescriptionBytes)
      diagnostics.push_back({errc::DescriptionTooLong, stack.path(),
                             "template description is " + std::to_string(options.description->size()) +
                                 " bytes; CloudFormation allows 1024"});
  }
  if (!options.metadata.empty()) top.metadata = resolver.resolve(Value{options.metadata}, stack.path());
  if (options.transforms.size() == 1) top.transform = options.transforms.front();
  if (options.transforms.size() > 1) top.transform = options.transforms;
  references.check(diagnostics);

  const std::size_t resource_count = counts[static_cast<int>(TemplateSection::Resources)];
  auto limit = [&](TemplateSection section, std::size_t max, const char* code, const char* what) {
    const std::size_t count = counts[static_cast<int>(section)];
    if (count > max)
      diagnostics.push_back({code, stack.path(),
                             "stack '" + stack.stack_name() + "' has " + std::to_string(count) + " " + what +
                                 "; CloudFormation allows " + std::to_string(max)});
  };
  limit(TemplateSection::Resources, kMaxResources, errc::TooManyResources, "resources");
  limit(TemplateSection::Parameters, kMaxParameters, errc::TooManyParameters, "parameters");
  limit(TemplateSection::Outputs, kMaxOutputs, errc::TooManyOutputs, "outputs");
  limit(TemplateSection::Mappings, kMaxMappings, errc::TooManyMappings, "mappings");
  if (resource_count == 0)
    diagnostics.push_back({errc::EmptyTemplate, stack.path(),
                           "stack '" + stack.stack_name() +
                               "' has no resources; CloudFormation needs at least one (a placeholder such as "
                               "AWS::CloudFormation::WaitConditionHandle will do)"});
  text.finish(top);
  if (tree) tree->finish(std::move(top));
  for (auto& d : text.invalid_utf8()) diagnostics.push_back(std::move(d));
  // The body CloudFormation receives is the file as written (indented), not a compact form.
  if (const std::size_t size = text.size(); resource_count <= kMaxResources && size > kMaxTemplateBytes)
    diagnostics.push_back({errc::TemplateTooLarge, stack.path(),
                           "template is " + std::to_string(size) + " bytes; CloudFormation allows 1,000,000"});
}

}  // namespace

void build_template_text(Stack& stack, std::vector<Diagnostic>& diagnostics, TemplateText& text, bool* cross_stack) {
  TextSink sink{stack, text};
  build(stack, diagnostics, cross_stack, sink, nullptr);
}

Json build_template(Stack& stack, std::vector<Diagnostic>& diagnostics) {
  TemplateText text;
  TextSink sink{stack, text};
  TreeSink tree{stack.elements()};
  build(stack, diagnostics, nullptr, sink, &tree);
  return tree.take();
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
