// Helpers shared by the autoscaling tests.
#pragma once

#include <doctest/doctest.h>

#include "error_support.hpp"

#include <cdk/errors.hpp>
#include <cstdlib>
#include <fstream>
#include <string>

#include <cdk/stack.hpp>

namespace asg_test {

using construct_test::check_error;

/// Writes the stack's template to $CDKPP_TEST_DUMP/<name>.json when that is set (to diff
/// against CDK's output by hand).
inline void dump(cdk::Stack& stack, const std::string& name) {
  if (const char* dir = std::getenv("CDKPP_TEST_DUMP")) std::ofstream{std::string{dir} + "/" + name + ".json"} << stack.to_json();
}

}  // namespace asg_test
