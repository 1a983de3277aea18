// Helpers shared by the ec2 networking tests.
#pragma once

#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2.hpp>
#include <functional>
#include <optional>
#include <string>

namespace vpc_test {

namespace Match = cdk::assertions::Match;
using cdk::assertions::Template;

/// CDK's getTestStack(): account 123456789012, region us-east-1, no AZ context (so the
/// dummy AZs dummy1a..c).
inline cdk::Stack& test_stack(cdk::App& app, std::string id = "TestStack") {
  return app.add<cdk::Stack>(id, {.env = {.account = "123456789012", .region = "us-east-1"}});
}

/// The cdk::Error `action` throws (fails the test when it throws nothing).
inline std::optional<cdk::Error> error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const cdk::Error& e) {
    return e;
  }
  FAIL_CHECK("expected a cdk::Error");
  return std::nullopt;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Checks code, path and a part of the message.
#define CHECK_VPC_ERROR(action, expected_code, expected_path, message_part)          \
  do {                                                                              \
    auto vpc_test_error_ = ::vpc_test::error_of([&] { action; });                    \
    REQUIRE(vpc_test_error_);                                                       \
    CHECK(vpc_test_error_->code() == std::string{expected_code});                   \
    CHECK(vpc_test_error_->path() == std::string{expected_path});                   \
    CHECK_MESSAGE(::vpc_test::contains(vpc_test_error_->what(), message_part), vpc_test_error_->what()); \
  } while (false)

/// A Name tag (the other tags may come before it).
inline cdk::Value name_tag(const std::string& value) {
  return Match::array_with({cdk::Map{{"Key", "Name"}, {"Value", value}}});
}

inline cdk::Value ref(const std::string& logical_id) { return cdk::Map{{"Ref", logical_id}}; }

}  // namespace vpc_test

namespace vpc_test {
/// A find_resources pattern on the Properties (find_resources matches whole resources).
inline cdk::Value with_props(cdk::Map properties) {
  return cdk::Map{{"Properties", Match::object_like(std::move(properties))}};
}
}  // namespace vpc_test
