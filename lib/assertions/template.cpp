#include "cdk/assertions/template.hpp"

#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "assertions/engine.hpp"
#include "assertions/section.hpp"
#include "template/yaml_reader.hpp"
#include "cdk/stack.hpp"
#include "synth/template_builder.hpp"
#include "synth/value_json.hpp"

namespace cdk::assertions {

namespace detail {
struct TemplateData {
  Json json;
};
}  // namespace detail

using detail::Entry;
using detail::Json;
using detail::MatchResult;

namespace {

const Json* section_of(const Json& json, const char* name) {
  if (!json.is_object()) return nullptr;
  auto found = json.find(name);
  return found != json.end() && found->is_object() ? &*found : nullptr;
}

std::vector<Entry> resources_of_type(const Json& json, std::string_view type) {
  std::vector<Entry> out;
  if (const Json* resources = section_of(json, "Resources")) {
    for (auto it = resources->begin(); it != resources->end(); ++it) {
      if (!it->is_object()) continue;
      auto t = it->find("Type");
      if (t != it->end() && t->is_string() && t->get_ref<const std::string&>() == type) out.push_back({it.key(), &*it});
    }
  }
  return out;
}

std::vector<Entry> entries_named(const Json& json, const char* section, std::string_view logical_id) {
  std::vector<Entry> out;
  if (const Json* s = section_of(json, section))
    for (auto it = s->begin(); it != s->end(); ++it)
      if (logical_id == "*" || it.key() == logical_id) out.push_back({it.key(), &*it});
  return out;
}

// "AWS::EC2::VPC (1), AWS::EC2::Subnet (4)": what a mistyped resource type might have meant.
std::string resource_types(const Json& json) {
  std::vector<std::pair<std::string, std::size_t>> counts;
  if (const Json* resources = section_of(json, "Resources")) {
    for (const auto& resource : *resources) {
      auto t = resource.is_object() ? resource.find("Type") : resource.end();
      if (!resource.is_object() || t == resource.end() || !t->is_string()) continue;
      const auto& name = t->get_ref<const std::string&>();
      auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == name; });
      if (it == counts.end()) counts.emplace_back(name, 1);
      else ++it->second;
    }
  }
  if (counts.empty()) return "the template has no resources";
  std::string out = "resource types in the template: ";
  for (std::size_t i = 0; i < counts.size(); ++i)
    out += (i ? ", " : "") + counts[i].first + " (" + std::to_string(counts[i].second) + ")";
  return out;
}

std::string id_list(const std::vector<Entry>& entries) {
  std::string out;
  for (std::size_t i = 0; i < entries.size() && i < 20; ++i) out += (i ? ", " : "") + entries[i].id;
  if (entries.size() > 20) out += ", ...";
  return out;
}

// Properties tested as CDK does: object_like({"Properties": props}) over each resource,
// where a resource without Properties counts as having empty ones (unless `props` is
// Match::absent(), which asks exactly that Properties be missing).
struct PropertiesTester {
  Value wrapped;
  bool amend;
  std::deque<Json> amended;  // copies of resources that had no Properties

  explicit PropertiesTester(const Pattern& props)
      : wrapped{Map{{"Properties", props.value()}}}, amend{!detail::is_absent_matcher(props.value())} {}

  MatchResult operator()(const Json* resource) {
    if (amend && resource->is_object() && !resource->contains("Properties")) {
      Json copy = *resource;
      copy["Properties"] = Json::object();
      resource = &amended.emplace_back(std::move(copy));
    }
    return detail::test_object("object_like", wrapped.as_map(), resource, true);
  }
};

detail::SectionMatch match_properties(const Json& json, std::string_view type, const Pattern& props,
                                      std::shared_ptr<PropertiesTester>& tester, bool all_failures = false) {
  tester = std::make_shared<PropertiesTester>(props);
  return detail::match_section(resources_of_type(json, type), [&](const Json* r) { return (*tester)(r); }, all_failures);
}

detail::Tester top_level(const Pattern& props) {
  return [&props](const Json* entry) { return detail::test_top_level(props.value(), entry); };
}

Map to_map(const std::vector<Entry>& entries) {
  Map out;
  out.reserve(entries.size());
  for (const auto& e : entries) out.emplace_back(e.id, synth::json_to_value(*e.value));
  return out;
}

void all_check(const Json& json, std::string_view type, const detail::SectionMatch& result) {
  if (result.analyzed == 0)
    throw AssertionError("Template has 0 resource(s) with type " + std::string{type} + " (" + resource_types(json) + ").");
  if (result.failures.empty()) return;
  std::string out = "Template has " + std::to_string(result.analyzed) + " resource(s) with type " + std::string{type} +
                    ", but " +
                    (result.matches.empty() ? std::string{"none"} : "only " + std::to_string(result.matches.size())) +
                    " match as expected.\nThe following resources do not match the given definition:";
  for (const auto& [id, r] : result.failures) out += "\n\t" + id;
  const auto& [id, closest] = result.failures.front();
  out += "\n" + id + " differs at:" + detail::format_differences(closest) + "\n" + id + " :: " + closest.render_mismatch();
  throw AssertionError(out);
}

Json parse_json(std::string_view text, const std::string& what) {
  try {
    return Json::parse(text);
  } catch (const Json::exception& e) {
    throw std::invalid_argument("cdk::assertions::Template: " + what + " is not valid JSON: " + e.what());
  }
}

bool update_snapshots() {
  const char* v = std::getenv("CDKPP_UPDATE_SNAPSHOTS");
  return v && *v && std::string_view{v} != "0" && std::string_view{v} != "false";
}

bool is_yaml_path(const std::string& path) {
  const auto ext = std::filesystem::path{path}.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

std::string read_file(const std::string& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) throw std::invalid_argument("cdk::assertions::Template: cannot read '" + path + "'");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Json parse_any(const std::string& text, const std::string& what) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '{') return parse_json(text, what);
  try {
    return template_io::yaml_to_json(text);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("cdk::assertions::Template: " + what + ": " + e.what());
  }
}

std::string abridged_json(const Json& j) {
  std::string s = j.dump();
  return s.size() > 120 ? s.substr(0, 117) + "..." : s;
}

// Differences between the snapshot and the template, key order ignored.
void diff(const Json& expected, const Json& actual, const std::string& path, std::vector<std::string>& out) {
  const std::string at = path.empty() ? "/" : path;
  if (expected.is_object() && actual.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      auto found = actual.find(it.key());
      if (found == actual.end()) out.push_back(path + "/" + it.key() + ": only in the snapshot: " + abridged_json(*it));
      else diff(*it, *found, path + "/" + it.key(), out);
    }
    for (auto it = actual.begin(); it != actual.end(); ++it)
      if (!expected.contains(it.key())) out.push_back(path + "/" + it.key() + ": only in the template: " + abridged_json(*it));
    return;
  }
  if (expected.is_array() && actual.is_array()) {
    const std::size_t n = std::min(expected.size(), actual.size());
    for (std::size_t i = 0; i < n; ++i) diff(expected[i], actual[i], path + "/" + std::to_string(i), out);
    if (expected.size() != actual.size())
      out.push_back(at + ": the snapshot has " + std::to_string(expected.size()) + " elements, the template " +
                    std::to_string(actual.size()));
    return;
  }
  const bool both_numbers = expected.is_number() && actual.is_number();
  if (both_numbers ? expected.get<double>() != actual.get<double>() : expected != actual)
    out.push_back(at + ": snapshot has " + abridged_json(expected) + ", template has " + abridged_json(actual));
}

}  // namespace

Template::Template(std::shared_ptr<const detail::TemplateData> data) : data_{std::move(data)} {}
Template::~Template() = default;

Template Template::from_stack(Stack& stack) {
  return Template{std::make_shared<detail::TemplateData>(detail::TemplateData{synth::build_template_or_throw(stack)})};
}
Template Template::from_string(std::string_view json) {
  return Template{std::make_shared<detail::TemplateData>(detail::TemplateData{parse_json(json, "the template string")})};
}
Template Template::from_yaml(std::string_view yaml) {
  try {
    return Template{std::make_shared<detail::TemplateData>(detail::TemplateData{template_io::yaml_to_json(yaml)})};
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string{"cdk::assertions::Template: "} + e.what());
  }
}
Template Template::from_value(const Value& template_value) {
  if (template_value.contains_token())
    throw std::invalid_argument("cdk::assertions::Template::from_value: the template holds tokens; use from_stack");
  return Template{std::make_shared<detail::TemplateData>(detail::TemplateData{synth::literal_to_json(template_value)})};
}
Template Template::from_file(const std::string& path) {
  return Template{std::make_shared<detail::TemplateData>(detail::TemplateData{parse_any(read_file(path), "'" + path + "'")})};
}

Value Template::to_value() const { return synth::json_to_value(data_->json); }
std::string Template::to_json_string() const { return synth::render_json(data_->json); }

void Template::resource_count_is(std::string_view type, std::size_t count) const {
  const auto found = resources_of_type(data_->json, type);
  if (found.size() == count) return;
  std::string message = "Expected " + std::to_string(count) + " resources of type " + std::string{type} + " but found " +
                        std::to_string(found.size());
  message += found.empty() ? " (" + resource_types(data_->json) + ")" : ": " + id_list(found);
  throw AssertionError(message);
}

void Template::resource_properties_count_is(std::string_view type, const Pattern& props, std::size_t count) const {
  std::shared_ptr<PropertiesTester> tester;
  if (match_properties(data_->json, type, props, tester).matches.size() == count) return;
  const auto result = match_properties(data_->json, type, props, tester, true);  // with every failure
  std::string message = "Expected " + std::to_string(count) + " resources of type " + std::string{type} +
                        " with matching properties but found " + std::to_string(result.matches.size());
  if (!result.matches.empty()) message += ": " + id_list(result.matches);
  message += " (" + std::to_string(result.analyzed) + " of that type in the template)";
  if (result.matches.size() < count && !result.failures.empty()) {
    const auto& [id, closest] = result.failures.front();
    message += "\nThe closest of the others is " + id + "; it differs at:" + detail::format_differences(closest);
  }
  throw AssertionError(message);
}

void Template::has_resource(std::string_view type, const Pattern& props) const {
  const auto result = detail::match_section(resources_of_type(data_->json, type), top_level(props));
  if (!result.matches.empty()) return;
  std::string message = detail::format_section_failure("resources with type " + std::string{type}, result);
  if (result.analyzed == 0) message += " (" + resource_types(data_->json) + ")";
  throw AssertionError(message);
}

void Template::has_resource_properties(std::string_view type, const Pattern& props) const {
  std::shared_ptr<PropertiesTester> tester;
  const auto result = match_properties(data_->json, type, props, tester);
  if (!result.matches.empty()) return;
  std::string message = detail::format_section_failure("resources with type " + std::string{type}, result);
  if (result.analyzed == 0) message += " (" + resource_types(data_->json) + ")";
  throw AssertionError(message);
}

void Template::all_resources(std::string_view type, const Pattern& props) const {
  all_check(data_->json, type, detail::match_section(resources_of_type(data_->json, type), top_level(props), true));
}

void Template::all_resources_properties(std::string_view type, const Pattern& props) const {
  std::shared_ptr<PropertiesTester> tester;
  all_check(data_->json, type, match_properties(data_->json, type, props, tester, true));
}

Map Template::find_resources(std::string_view type, const Pattern& props) const {
  return to_map(detail::match_section(resources_of_type(data_->json, type), top_level(props)).matches);
}

namespace {
void has_in_section(const Json& json, const char* section, const char* qualifier, std::string_view logical_id,
                    const Pattern& props) {
  const auto result = detail::match_section(entries_named(json, section, logical_id), top_level(props));
  if (result.matches.empty())
    throw AssertionError(detail::format_section_failure(std::string{qualifier} + " " + std::string{logical_id}, result));
}
Map find_in_section(const Json& json, const char* section, std::string_view logical_id, const Pattern& props) {
  return to_map(detail::match_section(entries_named(json, section, logical_id), top_level(props)).matches);
}
}  // namespace

void Template::has_parameter(std::string_view id, const Pattern& props) const {
  has_in_section(data_->json, "Parameters", "parameters named", id, props);
}
Map Template::find_parameters(std::string_view id, const Pattern& props) const {
  return find_in_section(data_->json, "Parameters", id, props);
}
void Template::has_output(std::string_view id, const Pattern& props) const {
  has_in_section(data_->json, "Outputs", "outputs named", id, props);
}
Map Template::find_outputs(std::string_view id, const Pattern& props) const {
  return find_in_section(data_->json, "Outputs", id, props);
}
void Template::has_mapping(std::string_view id, const Pattern& props) const {
  has_in_section(data_->json, "Mappings", "mappings with logicalId", id, props);
}
Map Template::find_mappings(std::string_view id, const Pattern& props) const {
  return find_in_section(data_->json, "Mappings", id, props);
}
void Template::has_condition(std::string_view id, const Pattern& props) const {
  has_in_section(data_->json, "Conditions", "conditions with logicalId", id, props);
}
Map Template::find_conditions(std::string_view id, const Pattern& props) const {
  return find_in_section(data_->json, "Conditions", id, props);
}

void Template::template_matches(const Pattern& expected) const {
  detail::QueryScope scope;
  MatchResult result = detail::test_top_level(expected.value(), &data_->json);
  result.finished();
  if (!result.has_failed()) return;
  std::string message = "Template did not match as expected. The following mismatches were found:";
  for (const auto& line : result.to_human_strings()) message += "\n\t" + line;
  throw AssertionError(message);
}

void Template::matches_snapshot(const std::string& path) const {
  const bool yaml = is_yaml_path(path);
  if (update_snapshots()) {
    const std::filesystem::path file{path};
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    std::ofstream out{path, std::ios::binary | std::ios::trunc};
    out << (yaml ? synth::render_yaml(data_->json, YamlOptions{.short_form = true}) : synth::render_json(data_->json) + "\n");
    if (!out) throw AssertionError("cannot write snapshot '" + path + "'");
    return;
  }
  if (!std::filesystem::exists(path))
    throw AssertionError("Snapshot '" + path + "' does not exist; run the test with CDKPP_UPDATE_SNAPSHOTS=1 to create it");
  const Json expected = yaml ? template_io::yaml_to_json(read_file(path)) : parse_json(read_file(path), "snapshot '" + path + "'");
  std::vector<std::string> differences;
  diff(expected, data_->json, "", differences);
  if (differences.empty()) return;
  std::string message = "Template does not match snapshot '" + path + "' (" + std::to_string(differences.size()) +
                        " difference" + (differences.size() == 1 ? "" : "s") +
                        "; if the change is intended, run the test with CDKPP_UPDATE_SNAPSHOTS=1 to update it):";
  for (std::size_t i = 0; i < differences.size() && i < 50; ++i) message += "\n  " + differences[i];
  if (differences.size() > 50) message += "\n  ... and " + std::to_string(differences.size() - 50) + " more";
  throw AssertionError(message);
}

}  // namespace cdk::assertions
