#include <ostream>

#include "cdk/tools/diff.hpp"
#include "commands.hpp"

namespace cdk::cli {

namespace {

constexpr std::string_view usage =
    "usage: cdkpp diff [options] <old> <new>\n\n"
    "Compares two templates (JSON or YAML) or two cloud assemblies (cdk.out folders, stage\n"
    "assemblies included; stacks pair up by artifact id) the way `cdk diff` does: resources\n"
    "added, removed and changed down to the property, whether CloudFormation updates each\n"
    "changed resource in place or replaces it, and IAM and security-group changes in tables.\n\n"
    "  --stack <id>         only this stack (artifact id, stack name or display name)\n"
    "  --json               the machine-readable report (schema cdkpp-diff/1)\n"
    "  --quiet, -q          say nothing about stacks without differences\n"
    "  --security-only      only the IAM and security-group changes\n"
    "  --strict             keep what cdk diff hides: AWS::CDK::Metadata, the\n"
    "                       CheckBootstrapVersion rule, aws:cdk:path metadata\n"
    "  --color=<when>       auto (default: on a terminal unless NO_COLOR), always, never\n\n"
    "Exit codes: 0 no differences, 1 differences, 2 failure (bad usage or input).\n";

int run(std::span<const std::string_view> argv, Io& io) {
  static constexpr Args::Option options[] = {{"--stack", "", true},   {"--json", "", false},
                                             {"--quiet", "-q", false}, {"--security-only", "", false},
                                             {"--strict", "", false},  {"--color", "", true}};
  const Args args{argv, options};
  if (args.positionals().size() != 2) throw UsageError{"diff takes two templates or cloud assemblies: <old> <new>"};
  const bool colour = use_colour(args, io);  // checks --color before any work
  tools::DiffOptions diff_options;
  diff_options.strict = args.flag("--strict");
  diff_options.stack = args.value("--stack").value_or("");
  const auto diff = tools::diff_paths(args.positionals()[0], args.positionals()[1], diff_options);
  if (args.flag("--json")) {
    io.out << tools::to_json(diff) << '\n';
  } else {
    tools::render_text(io.out, diff,
                       {.colour = colour, .quiet = args.flag("--quiet"), .security_only = args.flag("--security-only")});
  }
  return diff.empty() ? Ok : Findings;
}

}  // namespace

Command diff_command() { return {"diff", "compare templates or cloud assemblies, with replacements", usage, run}; }

}  // namespace cdk::cli
