// cdk::assertions::Annotations over cdk::Annotations::of(c).add_error / add_warning / add_info.
#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/assertions/doctest.hpp>
#include <cdk/cdk.hpp>
#include <string>

using cdk::assertions::Annotations;
using cdk::assertions::AssertionError;
namespace Match = cdk::assertions::Match;

namespace {
struct Fixture {
  cdk::App app{cdk::AppProps{.outdir = "unused"}};
  cdk::Stack& stack = app.add<cdk::Stack>("S");
  cdk::Stack& other = app.add<cdk::Stack>("O");
  Fixture() {
    auto& bucket = stack.add<cdk::CfnResource>("Bucket", {.type = "AWS::S3::Bucket"});
    auto& group = stack.add<cdk::Construct>("Group");
    cdk::Annotations::of(bucket).add_warning("the bucket is public");
    cdk::Annotations::of(bucket).add_info("versioning is off");
    cdk::Annotations::of(group).add_error("no subnets left");
    cdk::Annotations::of(stack).add_warning("stack-level warning");
    cdk::Annotations::of(other).add_error("another stack's error");
  }
};
}  // namespace

TEST_CASE("Annotations::from_stack collects the messages of the stack's constructs") {
  Fixture f;
  auto a = Annotations::from_stack(f.stack);
  REQUIRE(a.messages().size() == 4);
  CHECK(a.messages()[0].id == "S");
  CHECK(a.messages()[0].level == "warning");
  CHECK(a.messages()[1].id == "S/Bucket");
  CHECK(a.messages()[1].entry.type == "aws:cdk:warning");
  CHECK(a.messages()[1].entry.data == cdk::Value{"the bucket is public"});
  CHECK(a.messages()[3].level == "error");
}

TEST_CASE("Annotations has_/has_no_/find_ error, warning and info") {
  Fixture f;
  auto a = Annotations::from_stack(f.stack);
  a.has_error("S/Group", "no subnets left");
  a.has_error("/S/Group", Match::string_like_regexp("subnets"));  // CDK's leading '/' is accepted
  a.has_error("*", Match::any_value());
  a.has_warning("S/Bucket", "the bucket is public");
  a.has_warning("*", "stack-level warning");
  a.has_info("S/Bucket", Match::string_like_regexp("^versioning"));
  a.has_no_error("S/Bucket", Match::any_value());
  a.has_no_warning("*", "another stack's error");
  a.has_no_info("S/Group", Match::any_value());

  CHECK(a.find_error("*", Match::any_value()).size() == 1);
  CHECK(a.find_warning("*", Match::any_value()).size() == 2);
  CHECK(a.find_warning("S/Bucket", Match::any_value()).at(0).entry.data == cdk::Value{"the bucket is public"});
  CHECK(a.find_info("*", "nope").empty());
  CHECK(a.find_error("*", "another stack's error").empty());  // other stacks' messages are not included
  Annotations::from_stack(f.other).has_error("O", "another stack's error");

  CHECK_THROWS_WITH_AS(a.has_warning("S/Bucket", "the bucket is private"),
                       "Stack has 2 messages at path S/Bucket (looking for warnings), but none match as expected.\n"
                       "The closest match is 0; it differs at:\n"
                       "  Expected \"the bucket is private\" but received \"the bucket is public\" at /entry/data (using "
                       "object_like matcher)\n"
                       "The 2 closest matches:\n"
                       "0 :: {\n"
                       "  \"entry\": {\n"
                       "!!   Expected \"the bucket is private\" but received \"the bucket is public\"\n"
                       "    \"data\": \"the bucket is public\",\n"
                       "    \"type\": \"aws:cdk:warning\"\n"
                       "  },\n"
                       "  \"id\": \"S/Bucket\",\n"
                       "  \"level\": \"warning\"\n"
                       "}\n"
                       "1 :: {\n"
                       "  \"entry\": {\n"
                       "!!   Expected \"the bucket is private\" but received \"versioning is off\"\n"
                       "    \"data\": \"versioning is off\",\n"
                       "    \"type\": \"aws:cdk:info\"\n"
                       "  },\n"
                       "  \"id\": \"S/Bucket\",\n"
                       "!! Expected \"warning\" but received \"info\"\n"
                       "  \"level\": \"info\"\n"
                       "}",
                       AssertionError);
  CHECK_THROWS_WITH_AS(a.has_error("S/Nope", "x"), "Stack has 0 messages at path S/Nope (looking for errors).\nNo matches found",
                       AssertionError);
  CHECK_THROWS_WITH_AS(a.has_info("*", "x"), doctest::Contains("Stack has 4 messages at path * (looking for infos)"),
                       AssertionError);
  CHECK_THROWS_WITH_AS(a.has_no_error("*", Match::any_value()),
                       "Expected no matches, but stack has 1 error message(s) as follows:\n"
                       "  [\n"
                       "    {\n"
                       "      \"level\": \"error\",\n"
                       "      \"id\": \"S/Group\",\n"
                       "      \"entry\": {\n"
                       "        \"type\": \"aws:cdk:error\",\n"
                       "        \"data\": \"no subnets left\"\n"
                       "      }\n"
                       "    }\n"
                       "  ]",
                       AssertionError);
  CHECK_THROWS_AS(a.has_no_warning("S", "stack-level warning"), AssertionError);
  CHECK_THROWS_AS(a.has_no_info("*", Match::any_value()), AssertionError);
}

TEST_CASE("the doctest helper macros report an AssertionError's message") {
  Fixture f;
  auto a = Annotations::from_stack(f.stack);
  CDKPP_CHECK(a.has_error("S/Group", "no subnets left"));
  CDKPP_REQUIRE(a.has_warning("S/Bucket", "the bucket is public"));
  CDKPP_CHECK_FAILS_WITH("Missing key 'Z'",
                         cdk::assertions::Template::from_stack(f.stack).has_resource_properties("AWS::S3::Bucket", {{"Z", 1}}));
  CDKPP_CHECK_FAILS_WITH("No value captured", cdk::assertions::Capture{}.as_string());
}
