// The folder a new cloud assembly is written into before it replaces the old one.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cdk::synth {

/// A file asset copied into the assembly: the source (file or directory) and its name
/// in the assembly (asset.<hash>[.ext]).
struct AssemblyCopy {
  std::string source;
  std::string name;
};

/// A sibling of the output folder (`<outdir>.staging.<pid>`) that the assembly's files are
/// written into as they are made, then swapped in by commit() in one atomic step. One
/// destroyed without commit() is removed, so a failed synth leaves the old assembly as it
/// was. Throws Error (cdk.synth.OutputDirectory) on I/O failure.
class AssemblyStaging {
 public:
  /// Checks `outdir` (not a file, not the current directory or one containing it) and
  /// creates the staging folder.
  explicit AssemblyStaging(std::string outdir);
  ~AssemblyStaging();
  AssemblyStaging(const AssemblyStaging&) = delete;
  AssemblyStaging& operator=(const AssemblyStaging&) = delete;

  /// Writes the file `name` (relative to the assembly; "a/b" for nested assemblies) as
  /// the concatenation of `pieces`. Threads may write different files at once.
  void write(const std::string& name, std::initializer_list<std::string_view> pieces);

  /// Stages `copies` and puts the new assembly in place of the old. Entries of the old
  /// folder that the new one does not contain (lock files of the CLI, stale files) are
  /// carried over; an asset already staged there (its name is its content hash) is
  /// reused instead of copied again.
  void commit(const std::vector<AssemblyCopy>& copies);

 private:
  [[noreturn]] void fail(const std::string& what, const std::error_code& ec) const;

  std::string outdir_;  // as given, for messages
  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::mutex folders_;  // creating nested assemblies' folders
};

}  // namespace cdk::synth
