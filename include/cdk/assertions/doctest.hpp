// doctest helpers for cdk::assertions: a failed assertion is reported as a test failure
// with its whole message (closest matches, differences) instead of "unexpected exception".
//
//   CDKPP_CHECK(t.has_resource_properties("AWS::EC2::VPC", {{"CidrBlock", "10.0.0.0/16"}}));
//   CDKPP_REQUIRE(t.resource_count_is("AWS::EC2::Subnet", 4));
//   CDKPP_CHECK_FAILS_WITH("Missing key 'CidrBlock'", t.has_resource_properties(...));
//
// Include it after <doctest/doctest.h> (it includes it too).
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "cdk/assertions.hpp"

/// Runs the statement; an AssertionError becomes a non-fatal failure (the test goes on).
#define CDKPP_CHECK(...)                                                 \
  do {                                                                   \
    try {                                                                \
      __VA_ARGS__;                                                       \
    } catch (const ::cdk::assertions::AssertionError& cdkpp_error_) {    \
      FAIL_CHECK(std::string{cdkpp_error_.what()});                                   \
    }                                                                    \
  } while (false)

/// Runs the statement; an AssertionError ends the test case.
#define CDKPP_REQUIRE(...)                                               \
  do {                                                                   \
    try {                                                                \
      __VA_ARGS__;                                                       \
    } catch (const ::cdk::assertions::AssertionError& cdkpp_error_) {    \
      FAIL(std::string{cdkpp_error_.what()});                                         \
    }                                                                    \
  } while (false)

/// The statement must throw an AssertionError whose message contains `text`.
#define CDKPP_CHECK_FAILS_WITH(text, ...)                                                  \
  do {                                                                                     \
    try {                                                                                  \
      __VA_ARGS__;                                                                         \
      FAIL_CHECK("expected an AssertionError from: " #__VA_ARGS__);                        \
    } catch (const ::cdk::assertions::AssertionError& cdkpp_error_) {                      \
      const std::string cdkpp_message_ = cdkpp_error_.what();                              \
      CHECK_MESSAGE(cdkpp_message_.find(text) != std::string::npos,                        \
                    "the failure message does not contain \"" << (text) << "\":\n"          \
                                                              << cdkpp_message_);         \
    }                                                                                      \
  } while (false)
