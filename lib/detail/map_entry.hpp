// Setting a key of a Map (internal): replace the value in place, or append the entry, so
// that keys keep the order they were first set in.
#pragma once

#include <string>
#include <utility>

#include "cdk/value.hpp"

namespace cdk::detail {

inline void set_entry(Map& map, std::string key, Value value) {
  for (auto& [name, existing] : map)
    if (name == key) {
      existing = std::move(value);
      return;
    }
  map.emplace_back(std::move(key), std::move(value));
}

}  // namespace cdk::detail
