// Reading an existing CloudFormation template: JSON, or YAML with the short-form tags
// people write by hand (!Ref, !GetAtt A.B, !Sub, ...), into the library's JSON type with
// the long forms. Shared by CfnInclude, the assertions and the cdkpp tool.
#pragma once

#include <string>
#include <string_view>

#include "synth/json.hpp"

namespace cdk::template_io {

/// Templates nest far less than this (a policy condition inside a statement inside a
/// document inside a property is about 8); deeper input is an error, not a stack overflow.
inline constexpr int max_depth = 64;

/// Parses `text`; JSON when its first non-blank character is '{', YAML otherwise.
/// Throws cdk::Error [cdk.template.ParseError] with `source` as the path and
/// "line L, column C: ..." (1-based) in the message.
synth::Json parse_template(std::string_view text, std::string_view source);

/// Reads and parses the file at `path`. A file that cannot be read is
/// [cdk.template.ReadError] at `path`.
synth::Json load_template_file(const std::string& path);

}  // namespace cdk::template_io
