#include "synth/value_json.hpp"

namespace cdk::synth {

Json literal_to_json(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::Bool: return value.as_bool();
    case Value::Kind::Integer: return value.as_integer();
    case Value::Kind::Double: return value.as_double();
    case Value::Kind::String: return value.as_string();
    case Value::Kind::List: {
      Json out = Json::array();
      for (const auto& item : value.as_list()) out.push_back(literal_to_json(item));
      return out;
    }
    case Value::Kind::Map: {
      Json out = Json::object();
      for (const auto& [key, item] : value.as_map()) out[key] = literal_to_json(item);
      return out;
    }
    default: return nullptr;
  }
}

Value json_to_value(const Json& json) {
  switch (json.type()) {
    case Json::value_t::boolean: return json.get<bool>();
    case Json::value_t::number_integer: return json.get<std::int64_t>();
    case Json::value_t::number_unsigned: return static_cast<std::int64_t>(json.get<std::uint64_t>());
    case Json::value_t::number_float: return json.get<double>();
    case Json::value_t::string: return json.get<std::string>();
    case Json::value_t::array: {
      List out;
      for (const auto& item : json) out.push_back(json_to_value(item));
      return out;
    }
    case Json::value_t::object: {
      Map out;
      for (const auto& [key, item] : json.items()) out.emplace_back(key, json_to_value(item));
      return out;
    }
    default: return {};
  }
}

}  // namespace cdk::synth
