#include "cdk/assertions/annotations.hpp"

#include "assertions/engine.hpp"
#include "assertions/section.hpp"
#include "cdk/stack.hpp"
#include "synth/value_json.hpp"

namespace cdk::assertions {

using detail::Json;

namespace {

void collect(const Construct& node, std::vector<SynthesisMessage>& out) {
  for (const auto& m : node.metadata()) {
    const char* level = m.type == "aws:cdk:error"     ? "error"
                        : m.type == "aws:cdk:warning" ? "warning"
                        : m.type == "aws:cdk:info"    ? "info"
                                                      : nullptr;
    if (level) out.push_back({node.path(), level, m});
  }
  for (const auto& child : node.children()) collect(*child, out);
}

std::string_view normalized(std::string_view path) {
  if (path.size() > 1 && path.front() == '/') path.remove_prefix(1);
  return path;
}

Json to_json(const SynthesisMessage& m) {
  return Json{{"level", m.level},
              {"id", m.id},
              {"entry", {{"type", m.entry.type}, {"data", synth::literal_to_json(m.entry.data)}}}};
}

struct Query {
  std::vector<Json> jsons;  // one per candidate message
  std::vector<const SynthesisMessage*> messages;
  std::vector<detail::Entry> entries;
  detail::SectionMatch result;

  Query(const std::vector<SynthesisMessage>& all, std::string_view path, const char* level, const Pattern& message) {
    path = normalized(path);
    for (const auto& m : all)
      if (path == "*" || m.id == path) messages.push_back(&m);
    jsons.reserve(messages.size());
    for (std::size_t i = 0; i < messages.size(); ++i) {
      jsons.push_back(to_json(*messages[i]));
      entries.push_back({std::to_string(i), &jsons.back()});
    }
    const Map pattern{{"level", level}, {"entry", Map{{"data", message.value()}}}};
    result = detail::match_section(entries, [&](const Json* m) { return detail::test_object("object_like", pattern, m, true); });
  }

  std::vector<SynthesisMessage> matches() const {
    std::vector<SynthesisMessage> out;
    for (const auto& e : result.matches) out.push_back(*messages[std::stoul(e.id)]);
    return out;
  }
};

void has(const std::vector<SynthesisMessage>& all, std::string_view path, const char* level, const Pattern& message) {
  Query q{all, path, level, message};
  if (!q.result.matches.empty()) return;
  throw AssertionError(detail::format_section_failure(
      std::string{"messages at path "} + std::string{normalized(path)} + " (looking for " + level + "s)", q.result, "Stack"));
}

void has_no(const std::vector<SynthesisMessage>& all, std::string_view path, const char* level, const Pattern& message) {
  Query q{all, path, level, message};
  if (q.result.matches.empty()) return;
  Json matches = Json::array();
  for (const auto& e : q.result.matches) matches.push_back(*e.value);
  throw AssertionError("Expected no matches, but stack has " + std::to_string(q.result.matches.size()) + " " + level +
                       " message(s) as follows:\n" + detail::indent_lines(matches.dump(2)));
}

}  // namespace

Annotations Annotations::from_stack(const Stack& stack) {
  std::vector<SynthesisMessage> messages;
  collect(stack, messages);
  return Annotations{std::move(messages)};
}

void Annotations::has_error(std::string_view path, const Pattern& message) const { has(messages_, path, "error", message); }
void Annotations::has_no_error(std::string_view path, const Pattern& message) const { has_no(messages_, path, "error", message); }
std::vector<SynthesisMessage> Annotations::find_error(std::string_view path, const Pattern& message) const {
  return Query{messages_, path, "error", message}.matches();
}
void Annotations::has_warning(std::string_view path, const Pattern& message) const { has(messages_, path, "warning", message); }
void Annotations::has_no_warning(std::string_view path, const Pattern& message) const {
  has_no(messages_, path, "warning", message);
}
std::vector<SynthesisMessage> Annotations::find_warning(std::string_view path, const Pattern& message) const {
  return Query{messages_, path, "warning", message}.matches();
}
void Annotations::has_info(std::string_view path, const Pattern& message) const { has(messages_, path, "info", message); }
void Annotations::has_no_info(std::string_view path, const Pattern& message) const { has_no(messages_, path, "info", message); }
std::vector<SynthesisMessage> Annotations::find_info(std::string_view path, const Pattern& message) const {
  return Query{messages_, path, "info", message}.matches();
}

}  // namespace cdk::assertions
