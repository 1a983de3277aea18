#include <doctest/doctest.h>

#include <cdk/cdk.hpp>

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
