// Comparing JSON values: equality without key order, leaf-level differences, and the
// normalization cdk diff applies before comparing.
#include <algorithm>

#include "diff_internal.hpp"

namespace cdk::tools::diff_detail {

bool deep_equal(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) return a == b;  // 1 and 1.0 are the same number
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (const auto& [key, value] : a.items()) {
      const auto other = b.find(key);
      if (other == b.end() || !deep_equal(value, *other)) return false;
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!deep_equal(a[i], b[i])) return false;
    return true;
  }
  return a == b;
}

std::string compact(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string path_string(const Path& path) {
  std::string out;
  for (const auto& segment : path) {
    if (const auto* key = std::get_if<std::string>(&segment)) {
      if (!out.empty()) out += '.';
      out += *key;
    } else {
      out += '[' + std::to_string(std::get<std::size_t>(segment)) + ']';
    }
  }
  return out;
}

namespace {

Path child(const Path& prefix, Segment segment) {
  Path path = prefix;
  path.push_back(std::move(segment));
  return path;
}

// Pairs of indices (old, new) of a longest common subsequence of equal elements.
std::vector<std::pair<std::size_t, std::size_t>> common_elements(const Json& a, const Json& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> length(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      length[i][j] = deep_equal(a[i], b[j]) ? length[i + 1][j + 1] + 1 : std::max(length[i + 1][j], length[i][j + 1]);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (deep_equal(a[i], b[j])) {
      pairs.emplace_back(i++, j++);
    } else if (length[i + 1][j] >= length[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return pairs;
}

void diff_lists(const Json& a, const Json& b, const Path& prefix, std::vector<Leaf>& out) {
  auto pairs = common_elements(a, b);
  pairs.emplace_back(a.size(), b.size());  // sentinel closing the last gap
  std::size_t i = 0, j = 0;
  for (const auto& [next_i, next_j] : pairs) {
    // The gap before the next common element: elements at the same place are updates of
    // each other, the rest are removals and additions.
    while (i < next_i && j < next_j) {
      diff_values(a[i], b[j], child(prefix, j), out);
      ++i, ++j;
    }
    for (; i < next_i; ++i) out.push_back({child(prefix, i), ChangeKind::Removed, &a[i], nullptr});
    for (; j < next_j; ++j) out.push_back({child(prefix, j), ChangeKind::Added, nullptr, &b[j]});
    ++i, ++j;
  }
}

}  // namespace

void diff_values(const Json& a, const Json& b, Path prefix, std::vector<Leaf>& out) {
  if (deep_equal(a, b)) return;
  if (a.is_object() && b.is_object() && !synth::is_intrinsic(a) && !synth::is_intrinsic(b)) {
    for (const auto& [key, value] : a.items()) {
      const auto other = b.find(key);
      if (other == b.end()) {
        out.push_back({child(prefix, key), ChangeKind::Removed, &value, nullptr});
      } else {
        diff_values(value, *other, child(prefix, key), out);
      }
    }
    for (const auto& [key, value] : b.items())
      if (!a.contains(key)) out.push_back({child(prefix, key), ChangeKind::Added, nullptr, &value});
    return;
  }
  if (a.is_array() && b.is_array()) {
    diff_lists(a, b, prefix, out);
    return;
  }
  out.push_back({std::move(prefix), ChangeKind::Updated, &a, &b});
}

namespace {

void normalize_value(Json& value) {
  if (value.is_object()) {
    for (auto& [key, member] : value.items()) {
      if (key == "Fn::GetAtt" && member.is_string()) {
        const std::string text = member.get<std::string>();
        const auto dot = text.find('.');
        member = dot == std::string::npos ? Json::array({text}) : Json::array({text.substr(0, dot), text.substr(dot + 1)});
      } else {
        normalize_value(member);
      }
    }
  } else if (value.is_array()) {
    for (auto& element : value) normalize_value(element);
  }
}

}  // namespace

Json normalize_template(const Json& body, bool strict) {
  Json out = body;
  normalize_value(out);
  auto resources = out.find("Resources");
  if (resources != out.end() && resources->is_object()) {
    Json kept = Json::object();
    for (auto& [id, resource] : resources->items()) {
      if (!resource.is_object()) {
        kept[id] = resource;
        continue;
      }
      const auto type = resource.find("Type");
      if (!strict && type != resource.end() && *type == "AWS::CDK::Metadata") continue;
      auto depends_on = resource.find("DependsOn");
      if (depends_on != resource.end()) {
        if (depends_on->is_string()) *depends_on = Json::array({*depends_on});
        if (depends_on->is_array() && std::all_of(depends_on->begin(), depends_on->end(), [](const Json& j) { return j.is_string(); }))
          std::sort(depends_on->begin(), depends_on->end());
      }
      auto metadata = resource.find("Metadata");
      if (!strict && metadata != resource.end() && metadata->is_object()) {
        metadata->erase("aws:cdk:path");
        if (metadata->empty()) resource.erase("Metadata");
      }
      kept[id] = resource;
    }
    *resources = std::move(kept);
  }
  auto rules = out.find("Rules");
  if (!strict && rules != out.end() && rules->is_object()) {
    rules->erase("CheckBootstrapVersion");
    if (rules->empty()) out.erase("Rules");
  }
  return out;
}

}  // namespace cdk::tools::diff_detail
