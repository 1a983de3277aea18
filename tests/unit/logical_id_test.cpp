#include <doctest/doctest.h>

#include <cdk/cdk.hpp>

#include "error_support.hpp"

TEST_CASE("logical ids follow CDK's algorithm (DESIGN.md section 3)") {
  CHECK(cdk::make_logical_id({"NewsBlogVPC", "Resource"}) == "NewsBlogVPCC925B703");
  CHECK(cdk::make_logical_id({"NewsBlogVPC", "PublicSubnet1", "Subnet"}) == "NewsBlogVPCPublicSubnet1Subnet17D32EFA");
  CHECK(cdk::make_logical_id({"Foo", "Default", "Bar"}) == "FooBarCFC0D4D9");
  CHECK(cdk::make_logical_id({"my-bucket.name_1"}) == "mybucketname1");
}

TEST_CASE("elements get their logical id from their path below the stack") {
  cdk::App app{cdk::AppProps{.outdir = "unused"}};
  auto& stack = app.add<cdk::Stack>("S");
  auto& group = stack.add<cdk::Construct>("NewsBlogVPC");
  auto& resource = group.add<cdk::CfnResource>("Resource", {.type = "AWS::EC2::VPC"});
  CHECK(resource.logical_id() == "NewsBlogVPCC925B703");
}

TEST_CASE("an element whose path below the stack is only 'Default' has no logical id: an error at once, with its path") {
  const auto bare = unit_test::thrown([] { cdk::make_logical_id({"Default", "Default"}); });
  CHECK(bare.code() == "cdk.element.InvalidLogicalId");

  cdk::App app{cdk::AppProps{.outdir = "unused"}};
  auto& stack = app.add<cdk::Stack>("S");
  auto& group = stack.add<cdk::Construct>("Default");
  const auto e = unit_test::thrown([&] { group.add<cdk::CfnResource>("Default", {.type = "AWS::SNS::Topic"}); });
  CHECK(e.code() == "cdk.element.InvalidLogicalId");
  CHECK(e.path() == "S/Default/Default");
  CHECK(std::string{e.what()}.find("every component is 'Default'") != std::string::npos);
  // The tree is left as it was: the same id can be used again for something valid.
  CHECK(group.children().empty());
  CHECK(group.add<cdk::Construct>("Default").path() == "S/Default/Default");
}
