// Reading an existing CloudFormation template: JSON, or YAML with the short-form tags
// people write by hand (!Ref, !GetAtt A.B, !Sub, ...), into the library's JSON type with
// the long forms. Shared by CfnInclude, the assertions and the cdkpp tool.
//
// Safe on any input (the parser runs under libFuzzer): every problem is a cdk::Error,
// nesting is limited (kMaxDepth in template/intrinsics.hpp), YAML aliases cannot expand
// without bound. A fuzz target needs only lib/template/*.cpp, lib/errors.cpp,
// nlohmann_json and yaml-cpp.
#pragma once

#include <string>
#include <string_view>

#include "synth/json.hpp"
#include "template/intrinsics.hpp"

namespace cdk::template_io {

/// The nesting limit (kMaxDepth), under the name the fuzz target first used.
inline constexpr int max_depth = kMaxDepth;

/// Parses and checks a template; JSON when its first non-blank character is '{', YAML
/// otherwise. Every error is a cdk::Error with `source` as its path:
///  - cdk.template.ParseError: not JSON/YAML, or invalid UTF-8 in YAML;
///    "line L, column C: ..." (1-based);
///  - cdk.template.TooDeep / cdk.template.TooManyValues: nested deeper than 64 levels; more
///    than 2,000,000 values (YAML aliases); "line L, column C: ...";
///  - cdk.template.UnknownIntrinsic: "Fn::Foo" or "!Foo";
///  - cdk.template.Malformed: a section of the wrong kind, an unknown section or
///    attribute, a resource without Type, Ref of a non-string, Fn::GetAtt of the wrong
///    shape, ...
///  The last two say where: "Resources.Vpc.Properties.CidrBlock (line 12, column 7): ...".
synth::Json parse_template(std::string_view text, std::string_view source);

/// Reads and parses the template at `path` (parse_template). A file that cannot be read
/// is [cdk.template.ReadError] at `path`.
synth::Json load_template_file(const std::string& path);

/// JSON or YAML without the template checks (manifest.json and other documents); the
/// same syntax errors and limits as parse_template.
synth::Json parse_document(std::string_view text, std::string_view source);
synth::Json load_document_file(const std::string& path);

}  // namespace cdk::template_io
