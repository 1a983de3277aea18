#include "synth/assembly_staging.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <system_error>

#include "assets/fingerprint.hpp"
#include "cdk/errors.hpp"

namespace cdk::synth {

namespace fs = std::filesystem;

void AssemblyStaging::fail(const std::string& what, const std::error_code& ec) const {
  throw Error(errc::OutputDirectory, "", "cannot write the cloud assembly to '" + outdir_ + "': " + what +
                                             (ec ? " (" + ec.message() + ")" : std::string{}));
}

AssemblyStaging::AssemblyStaging(std::string outdir) : outdir_{std::move(outdir)} {
  std::error_code ec;
  // Absolute first, then normal: "." must become the folder itself, not "<cwd>/.".
  const fs::path out = fs::absolute(fs::path{outdir_}, ec).lexically_normal();
  if (ec) fail("invalid path", ec);
  target_ = out.filename().empty() ? out.parent_path() : out;
  // The folder is replaced as a whole, which must not pull the working directory away.
  if (const fs::path cwd = fs::current_path(ec); !ec) {
    const fs::path inside = cwd.lexically_relative(target_);
    if (!inside.empty() && inside.begin()->string() != "..")
      fail("it is the current directory or contains it; synth replaces the whole folder", {});
  }
  const fs::path parent = target_.parent_path();
  if (fs::exists(target_, ec) && !fs::is_directory(target_, ec)) fail("it exists and is not a directory", {});
  fs::create_directories(parent, ec);
  if (ec) fail("cannot create its parent directory", ec);

  staging_ = parent / (target_.filename().string() + ".staging." + std::to_string(::getpid()));
  fs::remove_all(staging_, ec);
  fs::create_directory(staging_, ec);
  if (ec) fail("cannot create a staging directory next to it", ec);
}

AssemblyStaging::~AssemblyStaging() {
  std::error_code ignored;
  // Without commit() the new assembly; after it, the old one (swapped out) or nothing.
  fs::remove_all(staging_, ignored);
}

void AssemblyStaging::write(const std::string& name, std::initializer_list<std::string_view> pieces) {
  const fs::path file = staging_ / name;
  if (name.find('/') != std::string::npos) {
    std::lock_guard lock{folders_};
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) fail("cannot create the folder of " + name, ec);
  }
  std::ofstream out{file, std::ios::binary};
  for (std::string_view piece : pieces) out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  out.close();
  if (!out) fail("cannot write " + name, {});
}

void AssemblyStaging::commit(const std::vector<AssemblyCopy>& copies) {
  std::error_code ec;
  for (const auto& copy : copies) {
    // Named by content hash: one staged by an earlier synth is the same and is carried over below.
    std::error_code missing;
    if (fs::exists(target_ / copy.name, missing)) continue;
    try {
      assets::copy_asset(copy.source, staging_ / copy.name);
    } catch (const std::exception& e) {
      fail("cannot stage asset '" + copy.source + "' as " + copy.name + ": " + e.what(), {});
    }
  }
  if (!fs::exists(target_)) {
    fs::rename(staging_, target_, ec);
    if (ec) fail("cannot move the new assembly into place", ec);
    return;
  }
  // Carry over what the old folder holds and the new one does not (CLI lock files,
  // assets of other runs), then swap the two folders in one step.
  std::vector<fs::path> carried;
  for (const auto& entry : fs::directory_iterator(target_)) {
    const fs::path destination = staging_ / entry.path().filename();
    if (fs::exists(destination)) continue;
    fs::rename(entry.path(), destination, ec);
    if (ec) break;
    carried.push_back(entry.path().filename());
  }
  if (!ec && ::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
    return;  // the staging path now holds the old assembly, removed on destruction
  }
  const std::error_code swap_error = ec ? ec : std::error_code{errno, std::generic_category()};
  for (const auto& name : carried) fs::rename(staging_ / name, target_ / name, ec);
  fail("cannot swap in the new assembly", swap_error);
}

}  // namespace cdk::synth
