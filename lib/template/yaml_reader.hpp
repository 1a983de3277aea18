// CloudFormation YAML to JSON: short-form tags (!Ref, !GetAtt A.B, !Sub, ...) become
// their long form; plain scalars are typed as YAML 1.1 (PyYAML, cfn-lint) types them.
// Used by parse_template (template/parse.hpp) and the assertions (Template::from_yaml).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synth/json.hpp"

namespace cdk::template_io {

/// A problem in YAML text. what() is "line L, column C: <detail>" (1-based); `code` is
/// the errc code parse_template reports it with.
class YamlError : public std::invalid_argument {
 public:
  YamlError(const char* code, int line, int column, const std::string& detail);
  const char* code;
  int line, column;
  std::string detail;
};

/// Throws YamlError on malformed YAML, an unknown short-form tag, a non-scalar map key,
/// invalid UTF-8, nesting deeper than kMaxDepth or more than kMaxNodes values.
synth::Json yaml_to_json(std::string_view text);

/// Where the node at `path` (map keys and list indices, as template checks name them)
/// starts in `text`: 1-based line and column. A short-form tag's long name ("Fn::If")
/// names the tagged node itself. nullopt when the text does not parse or has no such node.
std::optional<std::pair<int, int>> yaml_position(std::string_view text, const std::vector<std::string>& path);

}  // namespace cdk::template_io
