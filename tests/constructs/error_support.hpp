// Shared by the construct tests of every module: an action must throw cdk::Error with an
// exact code at an exact construct path.
#pragma once

#include <doctest/doctest.h>

#include <cdk/errors.hpp>
#include <string>

namespace construct_test {

/// Runs `f`, which must throw cdk::Error with `code` at `path` ("" for values outside the
/// tree).
template <class F>
void check_error(F&& f, const std::string& code, const std::string& path = "") {
  try {
    f();
    FAIL("no error thrown, expected " << code);
  } catch (const cdk::Error& e) {
    CHECK(e.code() == code);
    CHECK(e.path() == path);
  }
}

}  // namespace construct_test
