#include "synth/json_text.hpp"

#include <algorithm>

namespace cdk::synth {

void append_json_string(std::string& out, std::string_view s) {
  // Ids, paths and types rarely need escaping; only those that do pay for nlohmann's
  // serializer. Bytes >= 0x80 go through it too, which checks that they are UTF-8.
  const bool plain = std::none_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return c == '"' || c == '\\' || u < 0x20 || u >= 0x80;
  });
  if (plain) {
    out.push_back('"');
    out.append(s);
    out.push_back('"');
  } else {
    out += Json(s).dump();
  }
}

JsonTextWriter::JsonTextWriter(std::string& out)
    : serializer_{nlohmann::detail::output_adapter<char>(out), ' ', nlohmann::detail::error_handler_t::strict} {}

void JsonTextWriter::append(const Json& json, int indent, int depth) {
  serializer_.dump(json, /*pretty_print=*/true, /*ensure_ascii=*/false, static_cast<unsigned>(indent),
                   static_cast<unsigned>(depth * indent));
}

void append_json_at_depth(std::string& out, const Json& json, int indent, int depth) {
  JsonTextWriter{out}.append(json, indent, depth);
}

}  // namespace cdk::synth
