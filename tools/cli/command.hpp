// What every sub-command of the cdkpp tool shares: its entry in the command table, the
// streams it writes to, its exit codes and a small option parser.
#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cdk::cli {

/// Exit codes, as diff(1) and most linters use them.
enum Exit : int {
  Ok = 0,        // done; nothing differs, nothing wrong
  Findings = 1,  // the answer is "yes, something": templates differ, a template has problems
  Failure = 2,   // the command could not do its job: bad usage, unreadable or malformed input
};

struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;  // colour by default only on a terminal
};

/// Options of one invocation: `--name value`, `--name=value`, `--flag`, `-o value`, and
/// positionals. Unknown options are usage errors.
class Args {
 public:
  struct Option {
    std::string_view name;         // "--json"
    std::string_view short_name;   // "-o", or empty
    bool takes_value = false;
  };

  /// Throws UsageError on an unknown option or a missing value.
  Args(std::span<const std::string_view> argv, std::span<const Option> options);

  bool flag(std::string_view name) const { return values_.contains(std::string{name}); }
  std::optional<std::string> value(std::string_view name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::map<std::string, std::string, std::less<>> values_;
  std::vector<std::string> positionals_;
};

/// A mistake in how the command was called; main prints it with the command's usage.
struct UsageError {
  std::string message;
};

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `cdkpp --help`
  std::string_view usage;    // the command's --help text
  int (*run)(std::span<const std::string_view> args, Io& io);
};

/// Whether to colour output: --color=always|never|auto (auto: only on a terminal, and
/// never when NO_COLOR is set).
bool use_colour(const Args& args, const Io& io);

}  // namespace cdk::cli
