#include <ostream>

#include "cdk/tools/diagram.hpp"
#include "commands.hpp"

namespace cdk::cli {

namespace {

constexpr std::string_view usage =
    "usage: cdkpp diagram [options] <cdk.out folder | template>...\n\n"
    "Draws the resources of the stacks and their references as a Graphviz diagram: DOT,\n"
    "or SVG (PNG, PDF) rendered by Graphviz's `dot` when it is on PATH.\n\n"
    "Drawn: a box per stack (and per stage holding several), a box per construct holding\n"
    "several resources (from the aws:cdk:path metadata or the assembly's manifest), VPCs,\n"
    "public and private subnets and auto scaling groups styled as in AWS's drawings; edges\n"
    "for Ref, Fn::GetAtt and Fn::Sub (solid), DependsOn (dashed), Fn::ImportValue between\n"
    "stacks (blue); parameters and outputs. Hidden unless --all: CDKMetadata, the\n"
    "BootstrapVersion parameter, the outputs CDK adds for cross-stack references, and\n"
    "subnet route table associations and gateway attachments, drawn as plain edges.\n\n"
    "  --stack <id>[,<id>...]   only these stacks (artifact id, stack name or display name)\n"
    "  --format dot|svg|png|pdf what to write (default: from -o's extension, else dot)\n"
    "  -o, --output <file>      write there (atomically) instead of to standard output\n"
    "  --all                    also draw what is hidden by default\n"
    "  --no-parameters          leave parameters out\n"
    "  --no-outputs             leave outputs out\n"
    "  --no-depends-on          leave DependsOn edges out\n"
    "  --direction BT|TB|LR|RL  where references point (default BT: what is referenced\n"
    "                           above what refers to it)\n"
    "  --title <text>           a caption for the drawing\n"
    "  --graphviz <program>     the dot program to run (default: dot, looked up on PATH)\n\n"
    "Errors: cdk.diagram.UnknownStack, cdk.diagram.GraphvizMissing (Graphviz is not\n"
    "installed), cdk.diagram.GraphvizFailed, cdk.diagram.WriteError, and those of reading\n"
    "templates and assemblies. Exit code 0 when drawn, 2 otherwise.\n";

std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) items.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

tools::DiagramDirection direction_of(const std::string& text) {
  if (text == "BT") return tools::DiagramDirection::BottomTop;
  if (text == "TB") return tools::DiagramDirection::TopBottom;
  if (text == "LR") return tools::DiagramDirection::LeftRight;
  if (text == "RL") return tools::DiagramDirection::RightLeft;
  throw UsageError{"--direction is one of BT, TB, LR, RL, not '" + text + "'"};
}

std::string format_of(const Args& args, const std::optional<std::string>& output) {
  if (auto format = args.value("--format")) {
    if (*format != "dot" && *format != "svg" && *format != "png" && *format != "pdf")
      throw UsageError{"--format is one of dot, svg, png, pdf, not '" + *format + "'"};
    return *format;
  }
  if (output) {
    const std::size_t dot = output->rfind('.');
    const std::string extension = dot == std::string::npos ? "" : output->substr(dot + 1);
    if (extension == "svg" || extension == "png" || extension == "pdf") return extension;
  }
  return "dot";
}

int run(std::span<const std::string_view> argv, Io& io) {
  static constexpr Args::Option options[] = {
      {"--stack", "", true},          {"--format", "", true},      {"--output", "-o", true},
      {"--all", "", false},           {"--no-parameters", "", false}, {"--no-outputs", "", false},
      {"--no-depends-on", "", false}, {"--direction", "", true},   {"--title", "", true},
      {"--graphviz", "", true},
  };
  const Args args{argv, options};
  if (args.positionals().empty()) throw UsageError{"diagram takes one or more cloud assembly folders or templates"};
  tools::DiagramOptions diagram;
  if (auto stacks = args.value("--stack")) {
    diagram.stacks = comma_list(*stacks);
    if (diagram.stacks.empty()) throw UsageError{"--stack needs a stack id"};
  }
  diagram.all = args.flag("--all");
  diagram.parameters = !args.flag("--no-parameters");
  diagram.outputs = !args.flag("--no-outputs");
  diagram.depends_on = !args.flag("--no-depends-on");
  if (auto direction = args.value("--direction")) diagram.direction = direction_of(*direction);
  if (auto title = args.value("--title")) diagram.title = *title;
  const auto output = args.value("--output");
  const std::string format = format_of(args, output);

  std::string text = tools::diagram_dot(args.positionals(), diagram);
  if (format != "dot") {
    tools::RenderOptions render;
    render.format = format;
    if (auto program = args.value("--graphviz")) render.program = *program;
    text = tools::render_dot(text, render);
  }
  if (output) {
    tools::write_file_atomically(*output, text);
  } else {
    io.out << text;
    io.out.flush();
  }
  return Ok;
}

}  // namespace

Command diagram_command() { return {"diagram", "draw the stacks' resources and references (DOT, SVG)", usage, run}; }

}  // namespace cdk::cli
