// `cdkpp migrate`: a CloudFormation template turned into a C++ program that uses this
// library (typed resource classes, parameters, conditions, mappings, outputs, rules,
// intrinsics) and synthesizes a template JSON-equal to the input.
#pragma once

#include <string>
#include <vector>

#include "synth/json.hpp"

namespace cdk::tools::migrate {

struct Options {
  /// The template's file name, shown in the generated program's banner.
  std::string source;
  /// The stack's construct id (and so its artifact id and template file name). Default:
  /// default_stack_id(source).
  std::string stack_id;
  /// The pinned schemas (codegen/schemas); default: see TypeCatalog.
  std::string schema_dir;
};

struct Result {
  std::string code;
  /// What the program does not reproduce exactly (e.g. a parameter's numeric
  /// AllowedValues, written as strings); empty when the round trip is exact.
  std::vector<std::string> notes;
};

/// The program for `tpl`. Throws cdk::Error [cdk.migrate.InvalidTemplate] when the
/// template is malformed (a section that is not an object, a resource without a Type)
/// and [cdk.migrate.Unsupported] for what the library cannot declare (the same logical
/// id in two sections, a Transform that is not a macro name).
Result migrate_template(const synth::Json& tpl, const Options& options);

/// "NewsBlogStack" for ".../NewsBlogStack.template.json", "my-app" for "my-app.yaml";
/// "MigratedStack" when nothing usable is left.
std::string default_stack_id(const std::string& path);

}  // namespace cdk::tools::migrate
