// Tags as CDK's tag manager renders them: sorted by key the way JavaScript's
// localeCompare orders them ("aws-cdk:subnet-name" before "Name").
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "cdk/typed.hpp"

namespace cdk::ec2::detail {

using TagList = std::vector<std::pair<std::string, std::string>>;

/// localeCompare for ASCII keys: case-insensitive first, then lower case before upper.
inline bool tag_key_less(const std::string& a, const std::string& b) {
  const auto n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = std::tolower(static_cast<unsigned char>(a[i]));
    const auto y = std::tolower(static_cast<unsigned char>(b[i]));
    if (x != y) return x < y;
  }
  if (a.size() != b.size()) return a.size() < b.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return std::islower(static_cast<unsigned char>(a[i])) != 0;
  }
  return false;
}

/// The Tags property of a typed resource class (T is its TagProperty).
template <class T>
ListOf<T> render_tags(TagList tags) {
  std::stable_sort(tags.begin(), tags.end(), [](const auto& a, const auto& b) { return tag_key_less(a.first, b.first); });
  std::vector<T> out;
  for (auto& [key, value] : tags) out.push_back(T{.key = key, .value = value});
  return ListOf<T>{std::move(out)};
}

}  // namespace cdk::ec2::detail
