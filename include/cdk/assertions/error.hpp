// The exception every failed assertion throws. It derives from std::runtime_error, so a
// failure shows up with its full message under doctest, GoogleTest or Catch2 alike.
#pragma once

#include <stdexcept>
#include <string>

namespace cdk::assertions {

/// A template, annotation, capture or snapshot did not match what a test expected.
/// what() says what was expected, what was found and, for the closest candidates, where
/// they differ.
class AssertionError : public std::runtime_error {
 public:
  explicit AssertionError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace cdk::assertions
