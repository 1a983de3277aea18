// cdkpp: the command-line tool over templates and cloud assemblies. `cdkpp --help` lists
// the sub-commands; each has its own --help.
#include <unistd.h>

#include <iostream>
#include <string_view>
#include <vector>

#include "cdk/errors.hpp"
#include "commands.hpp"

namespace {

using namespace cdk::cli;

std::vector<Command> all_commands() { return {ls_command(), validate_command(), migrate_command(), diagram_command(), diff_command()}; }

void print_help(std::ostream& out, const std::vector<Command>& commands) {
  out << "usage: cdkpp <command> [options] [arguments]\n\n"
         "Tools for CloudFormation templates and cloud assemblies (cdk.out folders).\n\n"
         "commands:\n";
  for (const auto& command : commands) {
    out << "  " << command.name << std::string(12 - std::min<std::size_t>(command.name.size(), 11), ' ')
        << command.summary << '\n';
  }
  out << "\n`cdkpp <command> --help` describes a command.\n"
         "Exit codes: 0 done and nothing found, 1 differences or problems found, 2 failure.\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  Io io{std::cout, std::cerr, static_cast<bool>(isatty(STDOUT_FILENO))};
  const auto commands = all_commands();
  if (args.empty()) {
    print_help(std::cerr, commands);
    return Failure;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help(std::cout, commands);
    return Ok;
  }
  if (args[0] == "--version") {
    std::cout << "cdkpp " CDKPP_VERSION "\n";
    return Ok;
  }
  for (const auto& command : commands) {
    if (command.name != args[0]) continue;
    const std::span<const std::string_view> rest{args.begin() + 1, args.end()};
    if (!rest.empty() && (rest[0] == "--help" || rest[0] == "-h")) {
      std::cout << command.usage;
      return Ok;
    }
    try {
      return command.run(rest, io);
    } catch (const UsageError& e) {
      std::cerr << "cdkpp " << command.name << ": " << e.message << "\n\n" << command.usage;
      return Failure;
    } catch (const cdk::Error& e) {
      std::cerr << "cdkpp " << command.name << ": " << e.what() << '\n';
      return Failure;
    } catch (const std::exception& e) {
      std::cerr << "cdkpp " << command.name << ": " << e.what() << '\n';
      return Failure;
    }
  }
  std::cerr << "cdkpp: unknown command '" << args[0] << "'\n\n";
  print_help(std::cerr, commands);
  return Failure;
}
