// CloudFormation's limits, checked at synth: 500 resources, 200 parameters, 200 outputs,
// 200 mappings, 1,000,000-byte template body, 1024-byte description.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <cdk/cdk.hpp>
#include <nlohmann/json.hpp>

namespace {

using cdk::Diagnostic;

cdk::AppProps limits_app_props() { return cdk::AppProps{.outdir = "unused-synth-limits"}; }
cdk::StackProps legacy_stack() { return cdk::StackProps{.synthesizer = cdk::LegacyStackSynthesizer{}}; }

std::vector<Diagnostic> limit_errors(cdk::Stack& stack) {
  try {
    stack.to_json();
  } catch (const cdk::SynthError& e) {
    return e.diagnostics();
  }
  return {};
}

void expect_only(cdk::Stack& stack, const Diagnostic& expected) {
  auto errors = limit_errors(stack);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == expected.code);
  CHECK(errors[0].path == expected.path);
  CHECK(errors[0].message == expected.message);
}

void add_handles(cdk::Stack& stack, int count) {
  for (int i = 0; i < count; ++i)
    stack.add<cdk::CfnResource>("H" + std::to_string(i), {.type = "AWS::CloudFormation::WaitConditionHandle"});
}

}  // namespace

TEST_SUITE("synth limits") {

TEST_CASE("500 resources are fine, 501 are not") {
  cdk::App app{limits_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy_stack());
  add_handles(stack, 500);
  CHECK(limit_errors(stack).empty());
  CHECK(nlohmann::json::parse(stack.to_json())["Resources"].size() == 500);
  stack.add<cdk::CfnResource>("OneMore", {.type = "AWS::CloudFormation::WaitConditionHandle"});
  expect_only(stack, {cdk::errc::TooManyResources, "S", "stack 'S' has 501 resources; CloudFormation allows 500"});
}

TEST_CASE("200 parameters are fine, 201 are not") {
  cdk::App app{limits_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy_stack());
  add_handles(stack, 1);
  for (int i = 0; i < 200; ++i) stack.add<cdk::CfnParameter>("P" + std::to_string(i));
  CHECK(limit_errors(stack).empty());
  stack.add<cdk::CfnParameter>("P200");
  expect_only(stack, {cdk::errc::TooManyParameters, "S", "stack 'S' has 201 parameters; CloudFormation allows 200"});
}

TEST_CASE("the DefaultStackSynthesizer's BootstrapVersion parameter counts against the limit") {
  cdk::App app{limits_app_props()};
  auto& stack = app.add<cdk::Stack>("S");
  add_handles(stack, 1);
  for (int i = 0; i < 199; ++i) stack.add<cdk::CfnParameter>("P" + std::to_string(i));
  CHECK(limit_errors(stack).empty());
  stack.add<cdk::CfnParameter>("P199");
  expect_only(stack, {cdk::errc::TooManyParameters, "S", "stack 'S' has 201 parameters; CloudFormation allows 200"});
}

TEST_CASE("200 outputs are fine, 201 are not") {
  cdk::App app{limits_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy_stack());
  add_handles(stack, 1);
  for (int i = 0; i < 200; ++i) stack.add<cdk::CfnOutput>("O" + std::to_string(i), {.value = "v"});
  CHECK(limit_errors(stack).empty());
  stack.add<cdk::CfnOutput>("O200", {.value = "v"});
  expect_only(stack, {cdk::errc::TooManyOutputs, "S", "stack 'S' has 201 outputs; CloudFormation allows 200"});
}

TEST_CASE("200 mappings are fine, 201 are not") {
  cdk::App app{limits_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy_stack());
  add_handles(stack, 1);
  for (int i = 0; i < 200; ++i)
    stack.add<cdk::CfnMapping>("M" + std::to_string(i), {.mapping = {{"k", cdk::Map{{"v", "x"}}}}});
  CHECK(limit_errors(stack).empty());
  stack.add<cdk::CfnMapping>("M200", {.mapping = {{"k", cdk::Map{{"v", "x"}}}}});
  expect_only(stack, {cdk::errc::TooManyMappings, "S", "stack 'S' has 201 mappings; CloudFormation allows 200"});
}

TEST_CASE("several limits at once are all reported") {
  cdk::App app{limits_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy_stack());
  add_handles(stack, 501);
  for (int i = 0; i < 201; ++i) stack.add<cdk::CfnOutput>("O" + std::to_string(i), {.value = "v"});
  for (int i = 0; i < 201; ++i) stack.add<cdk::CfnParameter>("P" + std::to_string(i));
  auto errors = limit_errors(stack);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].code == cdk::errc::TooManyResources);
  CHECK(errors[1].code == cdk::errc::TooManyParameters);
  CHECK(errors[2].code == cdk::errc::TooManyOutputs);
}

TEST_CASE("the template body may be at most 1,000,000 bytes as written") {
  cdk::App app{limits_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy_stack());
  auto& r = stack.add<cdk::CfnResource>("A", {.type = "Custom::Topic", .properties = {{"TopicName", ""}}});
  const std::size_t overhead = stack.to_json().size();

  SUBCASE("exactly 1,000,000 bytes is fine") {
    r.set_property("TopicName", std::string(1'000'000 - overhead, 'x'));
    CHECK(stack.to_json().size() == 1'000'000);
    CHECK(limit_errors(stack).empty());
  }
  SUBCASE("1,000,001 bytes is not") {
    r.set_property("TopicName", std::string(1'000'001 - overhead, 'x'));
    expect_only(stack, {cdk::errc::TemplateTooLarge, "S", "template is 1000001 bytes; CloudFormation allows 1,000,000"});
  }
  SUBCASE("the size counts the indentation of the written file, not a compact form") {
    // 100,000 one-character list items: about 400 KB compact, over 1 MB as written
    // (each item is a line of its own, indented).
    r.set_property("TopicName", cdk::Value{std::vector<std::string>(1000, "x")});
    const std::size_t written_1000 = stack.to_json().size();
    const std::size_t compact_1000 = nlohmann::json::parse(stack.to_json()).dump().size();
    CHECK(compact_1000 + 100 * 1000 / 100 * 5 < written_1000);  // at least 5 bytes more per item
    r.set_property("TopicName", cdk::Value{std::vector<std::string>(100'000, "x")});
    auto errors = limit_errors(stack);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == cdk::errc::TemplateTooLarge);
    CHECK(errors[0].path == "S");
  }
}

TEST_CASE("the template description may be at most 1024 bytes") {
  cdk::App app{limits_app_props()};
  SUBCASE("1024 bytes through StackProps is fine") {
    auto& stack = app.add<cdk::Stack>("S", {.description = std::string(1024, 'd'), .synthesizer = cdk::LegacyStackSynthesizer{}});
    add_handles(stack, 1);
    CHECK(limit_errors(stack).empty());
    CHECK(nlohmann::json::parse(stack.to_json())["Description"] == std::string(1024, 'd'));
  }
  SUBCASE("1025 bytes is not") {
    auto& stack = app.add<cdk::Stack>("S", {.description = std::string(1025, 'd'), .synthesizer = cdk::LegacyStackSynthesizer{}});
    add_handles(stack, 1);
    expect_only(stack, {cdk::errc::DescriptionTooLong, "S", "template description is 1025 bytes; CloudFormation allows 1024"});
  }
  SUBCASE("bytes, not characters: 513 two-byte characters are too many") {
    auto& stack = app.add<cdk::Stack>("S", legacy_stack());
    add_handles(stack, 1);
    std::string text;
    for (int i = 0; i < 513; ++i) text += "\xC3\xA9";  // U+00E9
    stack.template_options().description = text;
    expect_only(stack, {cdk::errc::DescriptionTooLong, "S", "template description is 1026 bytes; CloudFormation allows 1024"});
  }
}

TEST_CASE("limits of single elements") {
  cdk::App app{limits_app_props()};
  auto& stack = app.add<cdk::Stack>("S", legacy_stack());
  add_handles(stack, 1);
  SUBCASE("output description") {
    stack.add<cdk::CfnOutput>("O", {.value = "v", .description = std::string(1025, 'd')});
    expect_only(stack, {cdk::errc::InvalidOutput, "S/O", "description is longer than CloudFormation's 1024 bytes"});
  }
  SUBCASE("output description at the limit") {
    stack.add<cdk::CfnOutput>("O", {.value = "v", .description = std::string(1024, 'd')});
    CHECK(limit_errors(stack).empty());
  }
  SUBCASE("parameter description") {
    stack.add<cdk::CfnParameter>("P", {.description = std::string(4001, 'd')});
    expect_only(stack, {cdk::errc::InvalidParameter, "S/P", "description is longer than CloudFormation's 4000 characters"});
  }
  SUBCASE("export name") {
    stack.add<cdk::CfnOutput>("O", {.value = "v", .export_name = cdk::Value{std::string(256, 'e')}});
    expect_only(stack, {cdk::errc::InvalidOutput, "S/O", "export name must be 1 to 255 characters"});
  }
}

}  // TEST_SUITE
