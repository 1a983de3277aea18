// Helpers the cdkpp tool's tests share: scratch folders, small files, and the cdk::Error a
// call throws.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cdk/errors.hpp"

namespace cli_test {

/// An empty folder of its own under the temporary directory.
inline std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("cdkpp_cli_tests_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void write(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream{path} << text;
}

inline std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The cdk::Error `f` throws; fails the test when it throws none.
template <class F>
cdk::Error thrown(F&& f) {
  try {
    f();
  } catch (const cdk::Error& e) {
    return e;
  }
  FAIL("no cdk::Error was thrown");
  return cdk::Error{"", "", ""};
}

}  // namespace cli_test
