// Helpers shared by the assertions tests.
#pragma once

#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <functional>
#include <string>

namespace assertions_test {

// What the check threw (it must throw an AssertionError).
inline std::string failure(const std::function<void()>& check) {
  try {
    check();
  } catch (const cdk::assertions::AssertionError& e) {
    return e.what();
  }
  FAIL_CHECK("the check passed, but it should have failed");
  return "";
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace assertions_test
