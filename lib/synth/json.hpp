// The JSON type used inside the library (never in public headers): insertion-ordered so
// templates keep the order they were declared in.
#pragma once

#include <cmath>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace cdk::synth {
using Json = nlohmann::ordered_json;

/// {"Ref": ...}, {"Condition": ...} or {"Fn::...": ...}: a value decided at deploy time.
inline bool is_intrinsic(const Json& j) {
  if (!j.is_object() || j.size() != 1) return false;
  const auto& key = j.begin().key();
  return key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0;
}

/// A number as CDK writes it: JavaScript prints 2.0 as 2, so integral doubles become integers.
inline Json number_json(double d) {
  if (std::isfinite(d) && std::floor(d) == d && std::abs(d) < 9.0e15) return static_cast<std::int64_t>(d);
  return d;
}
}  // namespace cdk::synth
