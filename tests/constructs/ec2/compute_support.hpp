// Helpers of the ec2 security and compute tests: compare a synthesized section with the
// JSON CDK wrote for the same program, and catch cdk::Error with its code and path.
#pragma once

#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <functional>
#include <string>
#include <string_view>

namespace compute_test {

namespace Match = cdk::assertions::Match;
using cdk::assertions::Template;

/// The template's `section` ("Resources", "Parameters", ...) equals `json` exactly (key
/// order aside), as CDK wrote it.
inline void expect_section(cdk::Stack& stack, const std::string& section, std::string_view json) {
  auto expected = Template::from_string("{\"" + section + "\": " + std::string{json} + "}").to_value();
  Template::from_stack(stack).template_matches(
      cdk::Value{cdk::Map{{section, Match::exact(expected.as_map().front().second)}}});
}

/// The resources whose logical ids do not start with `skip_prefix` (the VPC's, tested with
/// the VPC) equal `json` exactly.
inline void expect_resources_except(cdk::Stack& stack, const std::string& skip_prefix, std::string_view json) {
  cdk::Map kept;
  const cdk::Value synthesized = Template::from_stack(stack).to_value();
  for (const auto& [key, section] : synthesized.as_map())
    if (key == "Resources")
      for (const auto& [id, body] : section.as_map())
        if (id.rfind(skip_prefix, 0) != 0) kept.emplace_back(id, body);
  auto expected = Template::from_string("{\"Resources\": " + std::string{json} + "}").to_value();
  Template::from_value(cdk::Value{cdk::Map{{"Resources", cdk::Value{kept}}}})
      .template_matches(cdk::Value{cdk::Map{{"Resources", Match::exact(expected.as_map().front().second)}}});
}

/// A resource, for stacks that test only parameters, mappings or outputs.
inline void placeholder(cdk::Stack& stack) {
  stack.add<cdk::CfnResource>("Placeholder", {.type = "AWS::CloudFormation::WaitConditionHandle"});
}

inline void expect_resources(cdk::Stack& stack, std::string_view json) { expect_section(stack, "Resources", json); }

/// Runs `f`, which must throw cdk::Error with this code and path; returns its message.
inline std::string expect_error(const std::function<void()>& f, std::string_view code, std::string_view path) {
  try {
    f();
  } catch (const cdk::Error& e) {
    CHECK(e.code() == code);
    CHECK(e.path() == path);
    return e.what();
  }
  FAIL("no cdk::Error thrown, expected " << code);
  return {};
}

}  // namespace compute_test
