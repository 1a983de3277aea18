// TagManager: the merge of props tags and Tag / RemoveTag operations, and the formats
// (CDK's tag-manager.ts).
#include <algorithm>

#include "cdk/cfn_resource.hpp"
#include "cdk/errors.hpp"
#include "cdk/stack.hpp"
#include "cdk/tags.hpp"
#include "detail/collation.hpp"
#include "tags/tag_render.hpp"

namespace cdk {

namespace {
constexpr int kExternalPriority = 50;

const Value* entry(const Map& map, std::string_view key) {
  for (const auto& [k, v] : map)
    if (k == key) return &v;
  return nullptr;
}
}  // namespace

TagManager::TagManager(TagType type, std::string resource_type) : type_{type}, resource_type_{std::move(resource_type)} {}

TagManager* TagManager::of(Construct& construct) {
  if (auto* resource = dynamic_cast<CfnResource*>(&construct)) return resource->tag_manager();
  if (auto* stack = dynamic_cast<Stack*>(&construct)) return &stack->tag_manager();
  if (auto* taggable = dynamic_cast<ITaggable*>(&construct)) return &taggable->tag_manager();
  return nullptr;
}

void TagManager::set_tag(std::string key, Value value, int priority, bool apply_to_launched_instances) {
  operations_.push_back({false, {std::move(key), std::move(value), priority, apply_to_launched_instances}});
}

void TagManager::remove_tag(std::string key, int priority) {
  operations_.push_back({true, {std::move(key), Value{}, priority, true}});
}

bool TagManager::apply_tag_aspect_here(const std::vector<std::string>& include,
                                       const std::vector<std::string>& exclude) const {
  if (std::find(exclude.begin(), exclude.end(), resource_type_) != exclude.end()) return false;
  if (!include.empty() && std::find(include.begin(), include.end(), resource_type_) == include.end()) return false;
  return true;
}

std::vector<TagEntry> TagManager::tags(const std::vector<TagEntry>& external) const {
  // Insertion order does not matter (the result is sorted); priorities outlive removals.
  std::vector<TagEntry> tags;
  std::vector<std::pair<std::string, int>> priorities;
  auto priority_of = [&](const std::string& key) -> int& {
    for (auto& [k, p] : priorities)
      if (k == key) return p;
    priorities.emplace_back(key, 0);
    return priorities.back().second;
  };
  auto set = [&](const TagEntry& tag) {
    int& current = priority_of(tag.key);
    if (tag.priority < current) return;
    current = tag.priority;
    auto it = std::find_if(tags.begin(), tags.end(), [&](const TagEntry& t) { return t.key == tag.key; });
    if (it == tags.end()) tags.push_back(tag);
    else *it = tag;
  };
  for (TagEntry tag : external) {
    tag.priority = kExternalPriority;
    set(tag);
  }
  for (const auto& op : operations_) {
    if (!op.remove) {
      set(op.tag);
      continue;
    }
    int& current = priority_of(op.tag.key);
    if (op.tag.priority < current) continue;
    current = op.tag.priority;
    tags.erase(std::remove_if(tags.begin(), tags.end(), [&](const TagEntry& t) { return t.key == op.tag.key; }), tags.end());
  }
  std::stable_sort(tags.begin(), tags.end(), [](const TagEntry& a, const TagEntry& b) { return detail::locale_less(a.key, b.key); });
  return tags;
}

Value TagManager::render(const std::vector<TagEntry>& external) const {
  const auto sorted = tags(external);
  if (sorted.empty()) return Value{};
  if (type_ == TagType::Map) {
    Map out;
    for (const auto& t : sorted) out.emplace_back(t.key, t.value);
    return Value{std::move(out)};
  }
  List out;
  for (const auto& t : sorted) {
    if (type_ == TagType::AutoScalingGroup)
      out.push_back(Map{{"Key", t.key}, {"PropagateAtLaunch", t.apply_to_launched_instances}, {"Value", t.value}});
    else
      out.push_back(Map{{"Key", t.key}, {"Value", t.value}});
  }
  return Value{std::move(out)};
}

namespace detail {

Value render_tag_property(const TagManager& manager, const Value& given, const std::string& path) {
  std::vector<TagEntry> external;
  List dynamic;  // entries that are not plain tags (a token in place of a tag): kept after the others
  const bool map_format = manager.tag_type() == TagType::Map;
  auto invalid = [&](const char* expected) {
    return Error(errc::TagsInvalidTagProperty, path,
                 std::string{"the tags given in the props must be "} + expected +
                     " to be merged with Tags::of (not a token); set them as literals or do not tag this resource");
  };
  if (!given.is_null()) {
    if (map_format) {
      if (given.kind() != Value::Kind::Map) throw invalid("a map of key to value");
      for (const auto& [key, value] : given.as_map()) external.push_back({key, value});
    } else {
      if (given.kind() != Value::Kind::List) throw invalid("a list of {Key, Value}");
      for (const auto& item : given.as_list()) {
        const Value* key = item.kind() == Value::Kind::Map ? entry(item.as_map(), "Key") : nullptr;
        const Value* value = item.kind() == Value::Kind::Map ? entry(item.as_map(), "Value") : nullptr;
        const Value* propagate = item.kind() == Value::Kind::Map ? entry(item.as_map(), "PropagateAtLaunch") : nullptr;
        const bool plain = key && key->is_string() && value &&
                           (manager.tag_type() != TagType::AutoScalingGroup ||
                            (propagate && propagate->kind() == Value::Kind::Bool));
        if (!plain) {
          dynamic.push_back(item);
          continue;
        }
        external.push_back({key->as_string(), *value, 0, propagate ? propagate->as_bool() : true});
      }
    }
  }
  Value rendered = manager.render(external);
  if (dynamic.empty()) return rendered;
  List out = rendered.is_null() ? List{} : rendered.as_list();
  out.insert(out.end(), dynamic.begin(), dynamic.end());
  return Value{std::move(out)};
}

Value merge_tags_into(const TagManager& manager, Value properties, std::string_view property, const std::string& path) {
  if (properties.kind() != Value::Kind::Map) {
    if (!properties.is_null())
      throw Error(errc::TagsInvalidTagProperty, path, "the resource's properties are a token; Tags::of cannot add tags to them");
    properties = Value{Map{}};
  }
  Map map = properties.as_map();
  auto it = std::find_if(map.begin(), map.end(), [&](const auto& e) { return e.first == property; });
  Value tags = render_tag_property(manager, it == map.end() ? Value{} : it->second, path);
  if (it != map.end()) {
    if (tags.is_null()) map.erase(it);
    else it->second = std::move(tags);
  } else if (!tags.is_null()) {
    // Where the typed classes put it: properties are in name order.
    auto at = std::find_if(map.begin(), map.end(), [&](const auto& e) { return e.first > property; });
    map.emplace(at, std::string{property}, std::move(tags));
  }
  return Value{std::move(map)};
}

}  // namespace detail

}  // namespace cdk
