// Shared by the unit tests that inspect an error: the cdk::Error an action throws.
#pragma once

#include <doctest/doctest.h>

#include <cdk/errors.hpp>

namespace unit_test {

/// Runs `f`, which must throw cdk::Error, and returns that error for the test to check.
template <class F>
cdk::Error thrown(F&& f) {
  try {
    f();
  } catch (const cdk::Error& e) {
    return e;
  }
  FAIL("expected a cdk::Error");
  return cdk::Error("", "", "");
}

}  // namespace unit_test
