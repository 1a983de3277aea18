// Tags::of and the Tag / RemoveTag aspects (CDK's tag-aspect.ts).
#include "cdk/tags.hpp"

#include "cdk/annotations.hpp"
#include "cdk/errors.hpp"
#include "cdk/stack.hpp"

namespace cdk {

namespace {
constexpr int kTagPriority = 100;
constexpr int kRemoveTagPriority = 200;

void check_key(const std::string& key, const std::string& path) {
  if (key.empty()) throw Error(errc::TagsInvalidKey, path, "a tag key cannot be empty");
  if (key.size() > 128)
    throw Error(errc::TagsInvalidKey, path, "tag key '" + key.substr(0, 40) + "...' is " + std::to_string(key.size()) +
                                                " characters; AWS allows 128");
  if (key.size() >= 4 && (key[0] == 'a' || key[0] == 'A') && (key[1] == 'w' || key[1] == 'W') &&
      (key[2] == 's' || key[2] == 'S') && key[3] == ':')
    throw Error(errc::TagsInvalidKey, path, "tag key '" + key + "': the prefix 'aws:' is reserved for AWS's own tags");
}

void check_value(const std::string& key, const Value& value, const std::string& path) {
  if (value.is_token()) return;
  if (!value.is_string())
    throw Error(errc::TagsInvalidValue, path, "the value of tag '" + key + "' must be a string or a token");
  if (value.as_string().size() > 256)
    throw Error(errc::TagsInvalidValue, path, "the value of tag '" + key + "' is " +
                                                  std::to_string(value.as_string().size()) + " characters; AWS allows 256");
}

void check_priority(const std::optional<int>& priority, const std::string& path) {
  if (priority && *priority < 0)
    throw Error(errc::TagsInvalidPriority, path, "tag priority must not be negative, got " + std::to_string(*priority));
}
}  // namespace

Tag::Tag(std::string key, Value value, TagProps props) : key_{std::move(key)}, value_{std::move(value)}, props_{std::move(props)} {
  check_key(key_, "");
  check_value(key_, value_, "");
  check_priority(props_.priority, "");
}

void Tag::visit(Construct& node) {
  TagManager* manager = TagManager::of(node);
  if (!manager || !manager->apply_tag_aspect_here(props_.include_resource_types, props_.exclude_resource_types)) return;
  if (dynamic_cast<Stack*>(&node) && value_.is_token()) {
    // Stack tags go to the manifest, which cannot hold a deploy-time value (CDK warns too).
    Annotations::of(node).add_warning("ignoring stack tag '" + key_ +
                                      "': its value is a deploy-time value, which stack tags cannot hold; apply it to "
                                      "resources only (exclude_resource_types = {\"aws:cdk:stack\"})");
    return;
  }
  manager->set_tag(key_, value_, props_.priority.value_or(kTagPriority), props_.apply_to_launched_instances);
}

RemoveTag::RemoveTag(std::string key, TagProps props) : key_{std::move(key)}, props_{std::move(props)} {
  if (key_.empty()) throw Error(errc::TagsInvalidKey, "", "a tag key cannot be empty");
  check_priority(props_.priority, "");
}

void RemoveTag::visit(Construct& node) {
  TagManager* manager = TagManager::of(node);
  if (!manager || !manager->apply_tag_aspect_here(props_.include_resource_types, props_.exclude_resource_types)) return;
  manager->remove_tag(key_, props_.priority.value_or(kRemoveTagPriority));
}

void Tags::add(std::string key, Value value, TagProps props) {
  const std::string path = scope_.path();
  check_key(key, path);
  check_value(key, value, path);
  check_priority(props.priority, path);
  Aspects::of(scope_).add(std::make_shared<Tag>(std::move(key), std::move(value), std::move(props)));
}

void Tags::remove(std::string key, TagProps props) {
  const std::string path = scope_.path();
  if (key.empty()) throw Error(errc::TagsInvalidKey, path, "a tag key cannot be empty");
  check_priority(props.priority, path);
  Aspects::of(scope_).add(std::make_shared<RemoveTag>(std::move(key), std::move(props)));
}

}  // namespace cdk
