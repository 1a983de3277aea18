// The JSON type used inside the library (never in public headers): insertion-ordered so
// templates keep the order they were declared in.
#pragma once

#include <nlohmann/json.hpp>

namespace cdk::synth {
using Json = nlohmann::ordered_json;
}
