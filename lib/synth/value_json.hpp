// Conversions between literal Values and JSON (context, metadata).
#pragma once

#include "cdk/value.hpp"
#include "synth/json.hpp"

namespace cdk::synth {

/// A Value without resolution; tokens become null (they have no meaning outside a stack).
Json literal_to_json(const Value& value);
Value json_to_value(const Json& json);

}  // namespace cdk::synth
