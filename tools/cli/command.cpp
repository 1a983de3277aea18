#include "command.hpp"

#include <cstdlib>

namespace cdk::cli {

Args::Args(std::span<const std::string_view> argv, std::span<const Option> options) {
  bool only_positionals = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string_view arg = argv[i];
    if (only_positionals || arg.size() < 2 || arg[0] != '-') {
      positionals_.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positionals = true;
      continue;
    }
    const auto equals = arg.find('=');
    const std::string_view name = arg.substr(0, equals);
    const Option* match = nullptr;
    for (const auto& option : options)
      if (option.name == name || (!option.short_name.empty() && option.short_name == name)) match = &option;
    if (!match) throw UsageError{"unknown option '" + std::string{name} + "'"};
    std::string value;
    if (match->takes_value) {
      if (equals != std::string_view::npos) {
        value = arg.substr(equals + 1);
      } else if (i + 1 < argv.size()) {
        value = argv[++i];
      } else {
        throw UsageError{"option '" + std::string{name} + "' needs a value"};
      }
    } else if (equals != std::string_view::npos) {
      throw UsageError{"option '" + std::string{name} + "' takes no value"};
    }
    values_[std::string{match->name}] = std::move(value);
  }
}

std::optional<std::string> Args::value(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

bool use_colour(const Args& args, const Io& io) {
  const std::string mode = args.value("--color").value_or("auto");
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") throw UsageError{"--color takes always, never or auto, not '" + mode + "'"};
  const char* no_colour = std::getenv("NO_COLOR");
  return io.out_is_terminal && !(no_colour && *no_colour);
}

}  // namespace cdk::cli
