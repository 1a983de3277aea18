// Helpers of the s3 tests: fixtures and temporary folders.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace s3_test {

namespace fs = std::filesystem;

/// tests/constructs/s3/fixtures/<name>
inline std::string fixture(const std::string& name) { return (fs::path{CDKPP_TEST_DIR} / "fixtures" / name).string(); }

/// A unique folder under the system's temporary directory, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> counter{0};
    path = fs::temp_directory_path() / ("cdkpp-s3-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

inline std::string read_file(const fs::path& p) {
  std::ifstream in{p, std::ios::binary};
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const fs::path& p, const std::string& contents) {
  std::ofstream out{p, std::ios::binary};
  out << contents;
}

}  // namespace s3_test
