// Loading the stacks the tool works on: lone templates, cloud assemblies with stage
// assemblies, and the errors for everything else.
#include <doctest/doctest.h>

#include <filesystem>

#include "cdk/errors.hpp"
#include "stack_templates.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

using namespace cli_test;

TEST_CASE("a lone template is one stack named after its file") {
  const auto dir = scratch("lone");
  write(dir / "Api.template.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: !Ref D\n");
  const auto stacks = cdk::tools::load_stacks((dir / "Api.template.yaml").string());
  REQUIRE(stacks.size() == 1);
  CHECK(stacks[0].artifact_id == "Api");
  CHECK(stacks[0].stack_name == "Api");
  CHECK(stacks[0].display_name == "Api");
  CHECK(stacks[0].body["Resources"]["Q"]["Properties"]["DelaySeconds"] == cdk::synth::Json{{"Ref", "D"}});
}

TEST_CASE("an assembly lists its stacks in manifest order, stage assemblies where they are listed") {
  const auto dir = scratch("assembly");
  write(dir / "manifest.json", R"({"version": "38.0.1", "artifacts": {
    "Top": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "Top.template.json"}},
    "assembly-Prod": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-Prod"}},
    "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}}})");
  write(dir / "Top.template.json", R"({"Resources": {}})");
  write(dir / "assembly-Prod" / "manifest.json", R"({"version": "38.0.1", "artifacts": {
    "ProdApi2466CF1F": {"type": "aws:cloudformation:stack", "displayName": "Prod/Api",
      "properties": {"templateFile": "ProdApi2466CF1F.template.json", "stackName": "Prod-Api"}}}})");
  write(dir / "assembly-Prod" / "ProdApi2466CF1F.template.json", R"({"Resources": {"T": {"Type": "AWS::SNS::Topic"}}})");

  const auto stacks = cdk::tools::load_stacks(dir.string());
  REQUIRE(stacks.size() == 2);
  CHECK(stacks[0].artifact_id == "Top");
  CHECK(stacks[0].stack_name == "Top");
  CHECK(stacks[0].display_name == "Top");
  CHECK(stacks[1].artifact_id == "ProdApi2466CF1F");
  CHECK(stacks[1].stack_name == "Prod-Api");
  CHECK(stacks[1].display_name == "Prod/Api");
  CHECK(stacks[1].template_path == (dir / "assembly-Prod" / "ProdApi2466CF1F.template.json").string());
  CHECK(stacks[1].body["Resources"]["T"]["Type"] == "AWS::SNS::Topic");
}

TEST_CASE("what is not a template or an assembly is an error naming the file") {
  const auto dir = scratch("errors");
  auto e = thrown([&] { cdk::tools::load_stacks(dir.string()); });
  CHECK(e.code() == "cdk.assembly.Invalid");
  CHECK(e.path() == dir.string());

  e = thrown([&] { cdk::tools::load_stacks((dir / "missing.json").string()); });
  CHECK(e.code() == "cdk.template.ReadError");
  CHECK(std::string{e.what()} == "[cdk.template.ReadError] " + (dir / "missing.json").string() + ": cannot read the file");

  write(dir / "manifest.json", R"({"artifacts": {}})");
  e = thrown([&] { cdk::tools::load_stacks(dir.string()); });
  CHECK(e.code() == "cdk.assembly.Invalid");
  CHECK(e.path() == (dir / "manifest.json").string());

  write(dir / "manifest.json", R"({"version": "38.0.1", "artifacts": {"S": {"type": "aws:cloudformation:stack"}}})");
  e = thrown([&] { cdk::tools::load_stacks(dir.string()); });
  CHECK(std::string{e.what()} == "[cdk.assembly.Invalid] " + (dir / "manifest.json").string() + ": stack artifact 'S' names no templateFile");

  write(dir / "bad.json", "{\n  \"Resources\": {,}\n}");
  e = thrown([&] { cdk::tools::load_stacks((dir / "bad.json").string()); });
  CHECK(e.code() == "cdk.template.ParseError");
  CHECK(std::string{e.what()}.starts_with("[cdk.template.ParseError] " + (dir / "bad.json").string() + ": line 2, column 17: "));
}
