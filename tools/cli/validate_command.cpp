#include <ostream>

#include "cdk/app.hpp"
#include "cdk/cfn_include.hpp"
#include "cdk/errors.hpp"
#include "cdk/stack.hpp"
#include "commands.hpp"
#include "stack_templates.hpp"

namespace cdk::cli {

namespace {

constexpr std::string_view usage =
    "usage: cdkpp validate [--quiet] <template | cdk.out folder>...\n\n"
    "Checks templates with the library's own checks: the template is read as CfnInclude\n"
    "reads it (syntax, sections, intrinsic functions, references to undeclared elements)\n"
    "and synthesized again, which checks logical ids, CloudFormation's limits and every\n"
    "resource's properties against its registry schema (required, unknown, kinds, enums,\n"
    "patterns, lengths, ranges). Prints one line per problem:\n\n"
    "  <file>: [code] <logical id>: message\n\n"
    "  --quiet  print nothing when a template is valid\n\n"
    "Exit code: 0 all valid, 1 problems found, 2 a file could not be read.\n";

// Element paths in the diagnostics are "<stack>/Template/<logical id>"; a person reading
// a template knows the logical id.
std::string logical_path(const std::string& path) {
  constexpr std::string_view prefix = "Validate/Template/";
  if (path.starts_with(prefix)) return path.substr(prefix.size());
  if (path == "Validate/Template" || path == "Validate") return "";
  return path;
}

void print(const Diagnostic& d, const std::string& file, std::ostream& out) {
  out << file << ": " << Diagnostic{d.code, logical_path(d.path), d.message}.to_string() << '\n';
}

// The problems of one template; none when it synthesizes again.
std::vector<Diagnostic> check(const tools::StackTemplate& stack) {
  App app;
  // The legacy synthesizer adds nothing, so the template is checked as it is written.
  auto& target = app.add<Stack>("Validate", {.synthesizer = LegacyStackSynthesizer{}});
  try {
    target.add<CfnInclude>("Template", {.template_file = stack.template_path});
    (void)target.to_json();
  } catch (const SynthError& e) {
    return e.diagnostics();
  } catch (const Error& e) {
    return {e.diagnostic()};
  }
  return {};
}

int run(std::span<const std::string_view> argv, Io& io) {
  static constexpr Args::Option options[] = {{"--quiet", "-q", false}};
  const Args args{argv, options};
  if (args.positionals().empty()) throw UsageError{"validate takes at least one template or cloud assembly folder"};
  bool problems = false;
  for (const auto& path : args.positionals()) {
    std::vector<tools::StackTemplate> stacks;
    try {
      stacks = tools::load_stacks(path);
    } catch (const Error& e) {
      // A template that does not parse is invalid; a missing file or folder is a failure.
      if (e.code() == errc::TemplateRead || e.code() == errc::AssemblyInvalid) throw;
      io.out << e.diagnostic().path << ": " << Diagnostic{e.code(), "", e.diagnostic().message}.to_string() << '\n';
      problems = true;
      continue;
    }
    for (const auto& stack : stacks) {
      const auto diagnostics = check(stack);
      for (const auto& d : diagnostics) print(d, stack.template_path, io.out);
      if (diagnostics.empty() && !args.flag("--quiet")) io.out << stack.template_path << ": valid\n";
      problems = problems || !diagnostics.empty();
    }
  }
  return problems ? Findings : Ok;
}

}  // namespace

Command validate_command() { return {"validate", "check templates with the library's own checks", usage, run}; }

}  // namespace cdk::cli
