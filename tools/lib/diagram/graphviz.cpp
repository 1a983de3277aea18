// Rendering through Graphviz's `dot`, started with posix_spawnp: no shell ever sees the
// file names or the DOT text. The DOT goes through a private temporary folder.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cdk/errors.hpp"
#include "cdk/tools/diagram.hpp"

extern char** environ;

namespace cdk::tools {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// A folder only this process uses, removed when it goes out of scope.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string pattern = (base / "cdkpp-diagram-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      throw Error(errc::DiagramGraphvizFailed, "", "cannot make a temporary folder: " + std::string{std::strerror(errno)});
    path_ = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

std::string render_dot(std::string_view dot, const RenderOptions& options) {
  TemporaryFolder folder;
  const fs::path input = folder.path() / "diagram.dot";
  const fs::path output = folder.path() / ("diagram." + options.format);
  const fs::path messages = folder.path() / "messages.txt";
  {
    std::ofstream file(input, std::ios::binary);
    file << dot;
    if (!file.flush())
      throw Error(errc::DiagramGraphvizFailed, input.string(), "cannot write the DOT for Graphviz");
  }
  const std::string format_arg = "-T" + options.format;
  const std::string output_arg = "-o" + output.string();
  const std::string input_arg = input.string();
  std::vector<char*> argv{const_cast<char*>(options.program.c_str()), const_cast<char*>(format_arg.c_str()),
                          const_cast<char*>(output_arg.c_str()), const_cast<char*>(input_arg.c_str()), nullptr};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, messages.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, options.program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned == ENOENT || spawned == EACCES || spawned == ENOTDIR) {
    throw Error(errc::DiagramGraphvizMissing, options.program,
                "Graphviz is needed to render " + options.format + " and '" + options.program +
                    "' was not found on PATH: install it (Debian: apt-get install graphviz; macOS: brew install "
                    "graphviz), or write DOT (--format dot) and render it elsewhere");
  }
  if (spawned != 0)
    throw Error(errc::DiagramGraphvizFailed, options.program, "cannot start: " + std::string{std::strerror(spawned)});
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR)
      throw Error(errc::DiagramGraphvizFailed, options.program, "cannot wait for it: " + std::string{std::strerror(errno)});
  }
  const std::string said = trimmed(read_file(messages));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string how = WIFEXITED(status) ? "exited with status " + std::to_string(WEXITSTATUS(status))
                                              : "was killed by signal " + std::to_string(WTERMSIG(status));
    throw Error(errc::DiagramGraphvizFailed, options.program, how + (said.empty() ? "" : ": " + said));
  }
  std::error_code ec;
  if (!fs::is_regular_file(output, ec))
    throw Error(errc::DiagramGraphvizFailed, options.program, "wrote no " + options.format + (said.empty() ? "" : ": " + said));
  return read_file(output);
}

void write_file_atomically(const std::string& path, std::string_view content) {
  const fs::path target{path};
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path{"."};
  std::string temporary = (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) throw Error(errc::DiagramWriteError, path, "cannot write: " + std::string{std::strerror(errno)});
  const bool written = write_all(fd, content);
  const int saved = errno;
  // mkstemp makes the file 0600; a drawing is as readable as any file the user writes.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0 || !written) {
    ::unlink(temporary.c_str());
    throw Error(errc::DiagramWriteError, path, "cannot write: " + std::string{std::strerror(written ? errno : saved)});
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    throw Error(errc::DiagramWriteError, path, "cannot write: " + std::string{std::strerror(error)});
  }
}

}  // namespace cdk::tools
