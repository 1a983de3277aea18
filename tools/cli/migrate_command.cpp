#include <fstream>
#include <ostream>

#include "cdk/errors.hpp"
#include "commands.hpp"
#include "migrate/migrate.hpp"
#include "template/parse.hpp"

namespace cdk::cli {

namespace {

constexpr std::string_view usage =
    "usage: cdkpp migrate [-o file.cpp] [--stack-name Name] [--schemas dir] <template>\n\n"
    "Writes a C++ program that declares the template's stack with this library: typed\n"
    "resource classes (generic cdk::CfnResource for types outside this build), parameters,\n"
    "mappings, conditions, rules, outputs, and intrinsics as cdk::Fn calls and .ref() /\n"
    "attr_*() of the elements they name. Built and run, the program synthesizes a template\n"
    "equal to the input (JSON equality). The template is JSON, or YAML with short forms.\n\n"
    "  -o, --output FILE   write the program to FILE instead of standard output\n"
    "  --stack-name NAME   the stack's id (and template file name); default: the template's\n"
    "                      file name without .template.json / .yaml\n"
    "  --schemas DIR       the pinned resource schemas (codegen/schemas); default:\n"
    "                      $CDKPP_SCHEMA_DIR, else the source tree cdkpp was built from\n\n"
    "Exit codes: 0 the program reproduces the template, 1 written, but with differences\n"
    "listed on standard error (\"note: ...\"), 2 failure (unreadable or malformed template,\n"
    "[cdk.migrate.InvalidTemplate]; something the library cannot declare,\n"
    "[cdk.migrate.Unsupported]; the output file cannot be written, [cdk.migrate.WriteError]).\n";

int run(std::span<const std::string_view> argv, Io& io) {
  static constexpr Args::Option options[] = {
      {"--output", "-o", true}, {"--stack-name", "", true}, {"--schemas", "", true}};
  const Args args{argv, options};
  if (args.positionals().size() != 1) throw UsageError{"migrate takes one template"};
  const std::string path = args.positionals()[0];
  const auto tpl = template_io::load_template_file(path);
  const auto result = tools::migrate::migrate_template(
      tpl, {.source = path, .stack_id = args.value("--stack-name").value_or(""),
            .schema_dir = args.value("--schemas").value_or("")});
  for (const auto& note : result.notes) io.err << "cdkpp migrate: note: " << note << '\n';
  if (auto file = args.value("--output")) {
    std::ofstream out{*file, std::ios::binary};
    out << result.code;
    if (!out) throw Error(errc::MigrateWrite, *file, "cannot write the program");
  } else {
    io.out << result.code;
  }
  return result.notes.empty() ? Ok : Findings;
}

}  // namespace

Command migrate_command() { return {"migrate", "turn a template into a C++ program using cdkpp", usage, run}; }

}  // namespace cdk::cli
