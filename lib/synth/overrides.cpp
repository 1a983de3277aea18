#include "synth/overrides.hpp"

#include <algorithm>
#include <cctype>

namespace cdk::synth {

namespace {
bool is_index(const std::string& s) {
  return !s.empty() && s.size() < 10 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}
// Objects merge key by key, as CDK's deepMerge does; anything else replaces.
void merge_into(Json& target, Json value) {
  if (target.is_object() && value.is_object()) {
    for (auto& [key, item] : value.items()) {
      if (target.contains(key))
        merge_into(target[key], std::move(item));
      else
        target[key] = std::move(item);
    }
    return;
  }
  target = std::move(value);
}
}  // namespace

std::vector<std::string> split_override_path(const std::string& path) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '\\' && i + 1 < path.size()) {
      // As CDK's splitOnPeriods: a backslash takes the next character literally ("\\." is
      // a dot inside a key, "\\\\" a backslash).
      parts.back().push_back(path[i + 1]);
      ++i;
    } else if (path[i] == '.') {
      parts.emplace_back();
    } else {
      parts.back().push_back(path[i]);
    }
  }
  return parts;
}

std::optional<std::string> apply_override(Json& body, const std::string& path, std::optional<Json> value) {
  const auto parts = split_override_path(path);
  for (const auto& p : parts)
    if (p.empty()) return "override path '" + path + "' has an empty component";
  Json* node = &body;
  std::vector<Json*> chain;  // the containers walked through, for pruning after a deletion
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    chain.push_back(node);
    const std::string& part = parts[i];
    if (node->is_array()) {
      if (!is_index(part) || std::stoul(part) >= node->size())
        return "override path '" + path + "': '" + part + "' is not an index of the array there (size " +
               std::to_string(node->size()) + ")";
      node = &(*node)[std::stoul(part)];
      continue;
    }
    if (!node->is_object()) *node = Json::object();
    if (!node->contains(part)) {
      if (!value) return std::nullopt;  // deleting something that is not there is a no-op
      (*node)[part] = Json::object();
    }
    node = &(*node)[part];
  }
  const std::string& last = parts.back();
  if (node->is_array()) {
    if (!is_index(last) || std::stoul(last) >= node->size())
      return "override path '" + path + "': '" + last + "' is not an index of the array there";
    if (value)
      merge_into((*node)[std::stoul(last)], std::move(*value));
    else
      node->erase(std::stoul(last));
    return std::nullopt;
  }
  if (!node->is_object()) *node = Json::object();
  if (value) {
    merge_into((*node)[last], std::move(*value));
    return std::nullopt;
  }
  node->erase(last);
  // CDK's deepMerge drops an object that a deletion left empty, up the path (deleting the
  // only property removes "Properties" too); the resource itself always stays.
  for (std::size_t i = chain.size(); i-- > 0 && node->is_object() && node->empty();) {
    Json* parent = chain[i];
    if (!parent->is_object()) break;  // an element of an array stays where it is
    parent->erase(parts[i]);
    node = parent;
  }
  return std::nullopt;
}

}  // namespace cdk::synth
