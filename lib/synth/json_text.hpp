// Pieces of JSON written as text, in the layout of nlohmann's dump(indent): for files
// written piece by piece rather than built as one JSON tree first (templates, tree.json,
// the manifest).
#pragma once

#include <string>
#include <string_view>

#include "synth/json.hpp"

namespace cdk::synth {

/// Appends `s` as a JSON string. Throws Json::type_error if `s` is not UTF-8, as dump() does.
void append_json_string(std::string& out, std::string_view s);

/// Appends JSON to one string as json.dump(indent) would write it `depth` levels deep
/// (every line after the first indented by depth * indent more spaces), without a
/// temporary copy. The string must outlive the writer.
class JsonTextWriter {
 public:
  explicit JsonTextWriter(std::string& out);

  /// Throws Json::type_error for a string that is not UTF-8, as dump() does; what was
  /// appended before the throw is left in the string.
  void append(const Json& json, int indent, int depth);

 private:
  // nlohmann's own serializer (what dump() uses), for its `current_indent`, which dump()
  // does not expose.
  nlohmann::detail::serializer<Json> serializer_;
};

/// JsonTextWriter{out}.append(json, indent, depth).
void append_json_at_depth(std::string& out, const Json& json, int indent, int depth);

}  // namespace cdk::synth
