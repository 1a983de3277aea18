#include <ostream>

#include "commands.hpp"
#include "stack_templates.hpp"

namespace cdk::cli {

namespace {

constexpr std::string_view usage =
    "usage: cdkpp ls [--long] [--json] <cdk.out folder | template>\n\n"
    "Lists the stacks of a cloud assembly, stage assemblies included, in manifest order,\n"
    "the way `cdk ls` prints them: the display name, then the stack name when it differs.\n\n"
    "  --long   also the artifact id, the number of resources and the template file\n"
    "  --json   one JSON object per stack, in an array\n";

int run(std::span<const std::string_view> argv, Io& io) {
  static constexpr Args::Option options[] = {{"--long", "-l", false}, {"--json", "", false}};
  const Args args{argv, options};
  if (args.positionals().size() != 1) throw UsageError{"ls takes one cloud assembly folder or template"};
  const auto stacks = tools::load_stacks(args.positionals()[0]);
  if (args.flag("--json")) {
    synth::Json out = synth::Json::array();
    for (const auto& stack : stacks) {
      const auto resources = stack.body.find("Resources");
      out.push_back({{"id", stack.artifact_id},
                     {"stackName", stack.stack_name},
                     {"displayName", stack.display_name},
                     {"templateFile", stack.template_path},
                     {"resources", resources != stack.body.end() && resources->is_object() ? resources->size() : 0}});
    }
    io.out << out.dump(2) << '\n';
    return Ok;
  }
  for (const auto& stack : stacks) {
    io.out << stack.display_name;
    if (stack.display_name != stack.stack_name) io.out << " (" << stack.stack_name << ')';
    if (args.flag("--long")) {
      const auto resources = stack.body.find("Resources");
      const std::size_t count = resources != stack.body.end() && resources->is_object() ? resources->size() : 0;
      io.out << "  id=" << stack.artifact_id << "  resources=" << count << "  " << stack.template_path;
    }
    io.out << '\n';
  }
  return Ok;
}

}  // namespace

Command ls_command() { return {"ls", "list the stacks of a cloud assembly", usage, run}; }

}  // namespace cdk::cli
