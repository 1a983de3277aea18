// Helpers the cdkpp tool's tests share: scratch folders, small files, and the cdk::Error a
// call throws.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../unit/error_support.hpp"

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

/// The cdk::Error `f` throws (the unit tests' helper).
using unit_test::thrown;

}  // namespace cli_test
