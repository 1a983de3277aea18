// Every matcher of cdk::assertions::Match, passing and failing, with the failure text.
#include <doctest/doctest.h>

#include "assertions_support.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <functional>
#include <stdexcept>
#include <string>

using cdk::assertions::AssertionError;
using cdk::assertions::Template;
namespace Match = cdk::assertions::Match;

namespace {

using assertions_test::contains;
using assertions_test::failure;

// One resource "R" of type "Test::R" with these properties.
Template one(const std::string& properties_json) {
  return Template::from_string(R"({"Resources": {"R": {"Type": "Test::R", "Properties": )" + properties_json + "}}}");
}

}  // namespace

TEST_CASE("literals at the top of has_resource_properties match partially") {
  auto t = one(R"({"A": "x", "B": {"C": 1, "D": true}, "L": [{"K": "k", "V": "v"}]})");
  t.has_resource_properties("Test::R", {{"A", "x"}});
  t.has_resource_properties("Test::R", {{"B", cdk::Map{{"C", 1}}}});            // nested objects: partial
  t.has_resource_properties("Test::R", {{"L", cdk::List{cdk::Map{{"K", "k"}}}}});  // objects in arrays: partial
  t.has_resource_properties("Test::R", {{"B", cdk::Map{{"C", 1.0}, {"D", true}}}});  // 1 == 1.0

  auto message = failure([&] { t.has_resource_properties("Test::R", {{"A", "y"}}); });
  CHECK(contains(message, R"(Expected "y" but received "x" at /Properties/A (using object_like matcher))"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"L", cdk::List{}}}); });
  CHECK(contains(message, "Too many elements in array (expecting 0, got 1) at /Properties/L/0"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"B", cdk::Map{{"C", "1"}}}}); });
  CHECK(contains(message, "Expected type string but received number at /Properties/B/C"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"Z", 1}}); });
  CHECK(contains(message, "Missing key 'Z' at /Properties/Z"));
}

TEST_CASE("Match::object_like and Match::object_equals") {
  auto t = one(R"({"B": {"C": 1, "D": {"E": 2, "F": 3}}})");
  t.has_resource_properties("Test::R", {{"B", Match::object_like({{"C", 1}})}});
  t.has_resource_properties("Test::R", Match::object_like({{"B", cdk::Map{{"C", 1}}}}));
  t.has_resource_properties("Test::R", {{"B", Match::object_equals({{"C", 1}, {"D", cdk::Map{{"E", 2}, {"F", 3}}}})}});

  auto message = failure([&] { t.has_resource_properties("Test::R", {{"B", Match::object_equals({{"C", 1}})}}); });
  CHECK(contains(message, "Unexpected key D at /Properties/B/D (using object_equals matcher)"));
  // object_equals compares nested literal objects exactly too.
  message = failure([&] {
    t.has_resource_properties("Test::R", {{"B", Match::object_equals({{"C", 1}, {"D", cdk::Map{{"E", 2}}}})}});
  });
  CHECK(contains(message, "Unexpected key F at /Properties/B/D/F (using object_equals matcher)"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"B", Match::object_like({{"C", 2}})}}); });
  CHECK(contains(message, "Expected 2 but received 1 at /Properties/B/C (using object_like matcher)"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"B", cdk::Map{{"D", Match::object_like({{"E", "2"}})}}}}); });
  CHECK(contains(message, "Expected type string but received number at /Properties/B/D/E"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"B", cdk::Map{{"C", Match::object_like({})}}}}); });
  CHECK(contains(message, "Expected type object but received number at /Properties/B/C (using object_like matcher)"));
}

TEST_CASE("Match::array_with finds a subsequence") {
  auto t = one(R"({"L": ["a", "b", "c", "d"], "T": [{"Key": "Name", "Value": "main"}, {"Key": "Env", "Value": "prod"}]})");
  t.has_resource_properties("Test::R", {{"L", Match::array_with({"b", "d"})}});
  t.has_resource_properties("Test::R", {{"L", Match::array_with({})}});
  t.has_resource_properties("Test::R", {{"T", Match::array_with({Match::object_like({{"Key", "Env"}})})}});
  t.has_resource_properties("Test::R", {{"T", Match::array_with({cdk::Map{{"Key", "Env"}, {"Value", "prod"}}})}});

  // Order matters.
  auto message = failure([&] { t.has_resource_properties("Test::R", {{"L", Match::array_with({"d", "b"})}}); });
  CHECK(contains(message, "Could not match array_with pattern 1. No more elements to try at /Properties/L/4"));
  CHECK(contains(message, "array_with pattern 0 matched here at /Properties/L/3"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"L", Match::array_with({"x"})}}); });
  CHECK(contains(message, R"(Could not match array_with pattern 0. This is the closest match at /Properties/L/0)"));
  CHECK(contains(message, R"(Expected "x" but received "a" at /Properties/L/0 (using array_with matcher))"));
  // As in CDK, a literal object inside array_with matches exactly; the message says how to relax it.
  message = failure([&] { t.has_resource_properties("Test::R", {{"T", Match::array_with({cdk::Map{{"Key", "Env"}}})}}); });
  CHECK(contains(message, "wrap it in Match::object_like to allow other keys"));
  CHECK(contains(message, "Unexpected key Value at /Properties/T/1/Value (using array_with matcher)"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"T", cdk::Map{{"Key", Match::array_with({"x"})}}}}); });
  CHECK(contains(message, "Expected type object but received array at /Properties/T"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"L", cdk::List{Match::array_with({"x"}), "b", "c", "d"}}}); });
  CHECK(contains(message, "Expected type array but received string at /Properties/L/0 (using array_with matcher)"));

  CHECK_THROWS_WITH_AS(Match::array_with({Match::absent()}), "Match::absent() cannot be nested within Match::array_with()",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(Match::array_with({Match::any_value()}),
                       "Match::any_value() cannot be nested within Match::array_with()", std::invalid_argument);
}

TEST_CASE("Match::array_equals needs every element, in order") {
  auto t = one(R"({"L": ["a", {"K": 1, "V": 2}]})");
  t.has_resource_properties("Test::R", {{"L", Match::array_equals({"a", cdk::Map{{"K", 1}, {"V", 2}}})}});
  t.has_resource_properties("Test::R", {{"L", Match::array_equals({"a", Match::object_like({{"K", 1}})})}});

  auto message = failure([&] { t.has_resource_properties("Test::R", {{"L", Match::array_equals({"a"})}}); });
  CHECK(contains(message, "Too many elements in array (expecting 1, got 2) at /Properties/L/1 (using array_equals matcher)"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"L", Match::array_equals({"a", cdk::Map{{"K", 1}}, "c"})}}); });
  CHECK(contains(message, "Not enough elements in array (expecting 3, got 2) at /Properties/L/2"));
  CHECK(contains(message, "Unexpected key V at /Properties/L/1/V (using array_equals matcher)"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"L", Match::array_equals({"b", cdk::Map{{"K", 1}, {"V", 2}}})}}); });
  CHECK(contains(message, R"(Expected "b" but received "a" at /Properties/L/0 (using array_equals matcher))"));
}

TEST_CASE("Match::exact compares deeply, objects included") {
  auto t = one(R"({"B": {"C": 1, "D": {"E": 2}}})");
  t.has_resource_properties("Test::R", {{"B", Match::exact({{"C", 1}, {"D", cdk::Map{{"E", 2}}}})}});
  t.has_resource_properties("Test::R", Match::exact({{"B", cdk::Map{{"C", 1}, {"D", cdk::Map{{"E", 2}}}}}}));

  auto message = failure([&] { t.has_resource_properties("Test::R", {{"B", Match::exact({{"C", 1}, {"D", cdk::Map{}}})}}); });
  CHECK(contains(message, "Unexpected key E at /Properties/B/D/E (using exact matcher)"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"B", cdk::Map{{"C", Match::exact(2)}}}}); });
  CHECK(contains(message, "Expected 2 but received 1 at /Properties/B/C (using exact matcher)"));
  CHECK_THROWS_AS(Match::exact(Match::any_value()), std::invalid_argument);
}

TEST_CASE("Match::absent") {
  auto t = one(R"({"A": "x", "N": null})");
  t.has_resource_properties("Test::R", {{"Z", Match::absent()}});
  auto message = failure([&] { t.has_resource_properties("Test::R", {{"A", Match::absent()}}); });
  CHECK(contains(message, R"(Received "x", but key should be absent at /Properties/A (using absent matcher))"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"N", Match::absent()}}); });
  CHECK(contains(message, "Received null, but key should be absent"));

  // Properties themselves absent: only resources without Properties match.
  auto bare = Template::from_string(R"({"Resources": {"A": {"Type": "T"}, "B": {"Type": "U", "Properties": {}}}})");
  bare.has_resource_properties("T", Match::absent());
  message = failure([&] { bare.has_resource_properties("U", Match::absent()); });
  CHECK(contains(message, "Received {}, but key should be absent at /Properties (using absent matcher)"));
  // Without Properties, a resource counts as having empty ones.
  bare.has_resource_properties("T", {{"X", Match::absent()}});
}

TEST_CASE("Match::any_value") {
  auto t = one(R"({"A": "x", "N": null, "L": []})");
  t.has_resource_properties("Test::R", {{"A", Match::any_value()}, {"L", Match::any_value()}});
  auto message = failure([&] { t.has_resource_properties("Test::R", {{"N", Match::any_value()}}); });
  CHECK(contains(message, "Expected a value but found none at /Properties/N (using any_value matcher)"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"Z", Match::any_value()}}); });
  CHECK(contains(message, "Missing key 'Z' at /Properties/Z (using object_like matcher)"));
}

TEST_CASE("Match::not_") {
  auto t = one(R"({"A": "x", "B": {"C": 1, "D": 2}})");
  t.has_resource_properties("Test::R", {{"A", Match::not_("y")}});
  t.has_resource_properties("Test::R", {{"B", Match::not_({{"C", 1}})}});  // a literal inside not_ compares exactly
  t.has_resource_properties("Test::R", {{"A", Match::not_(Match::string_like_regexp("^y"))}});

  auto message = failure([&] { t.has_resource_properties("Test::R", {{"A", Match::not_("x")}}); });
  CHECK(contains(message, R"(Found unexpected match: "x" at /Properties/A (using not_ matcher))"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"B", Match::not_(Match::object_like({{"C", 1}}))}}); });
  CHECK(contains(message, "Found unexpected match: {\n  \"C\": 1,\n  \"D\": 2\n}"));
}

TEST_CASE("Match::serialized_json parses a JSON string") {
  auto t = one(R"({"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"}]}", "Bad": "{x", "N": 3})");
  t.has_resource_properties("Test::R", {{"Policy", Match::serialized_json(Match::object_like({{"Version", "2012-10-17"}}))}});
  t.has_resource_properties(
      "Test::R", {{"Policy", Match::serialized_json({{"Version", "2012-10-17"}, {"Statement", cdk::List{cdk::Map{{"Effect", "Allow"}}}}})}});

  // A literal is compared exactly.
  auto message = failure([&] { t.has_resource_properties("Test::R", {{"Policy", Match::serialized_json({{"Version", "2012-10-17"}})}}); });
  CHECK(contains(message, "Encoded JSON value does not match at /Properties/Policy (using serialized_json matcher)"));
  CHECK(contains(message, "Unexpected key Statement at /Properties/Policy/Statement (using serialized_json matcher)"));
  CHECK(contains(message, "\"Policy\": \"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\"}]}\" <*> {"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"Bad", Match::serialized_json(Match::any_value())}}); });
  CHECK(contains(message, "Invalid JSON string: {x at /Properties/Bad"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"N", Match::serialized_json(Match::any_value())}}); });
  CHECK(contains(message, "Expected JSON as a string but found number at /Properties/N"));
}

TEST_CASE("Match::string_like_regexp searches the string") {
  auto t = one(R"({"Name": "my-bucket-123", "Multi": "first\nsecond", "N": 5})");
  t.has_resource_properties("Test::R", {{"Name", Match::string_like_regexp("bucket")}});
  t.has_resource_properties("Test::R", {{"Name", Match::string_like_regexp(R"(^my-\w+-\d+$)")}});
  t.has_resource_properties("Test::R", {{"Multi", Match::string_like_regexp("^second$")}});  // multiline, as in CDK

  auto message = failure([&] { t.has_resource_properties("Test::R", {{"Name", Match::string_like_regexp("^bucket")}}); });
  CHECK(contains(message, R"(String "my-bucket-123" did not match pattern "^bucket" at /Properties/Name (using string_like_regexp matcher))"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"N", Match::string_like_regexp("5")}}); });
  CHECK(contains(message, "Expected a string, but got number at /Properties/N"));
  CHECK_THROWS_AS(Match::string_like_regexp("(unclosed"), std::invalid_argument);
}

TEST_CASE("literal scalars: strings, numbers, booleans, null") {
  auto t = one(R"({"S": "s", "I": 42, "D": 1.5, "B": false, "N": null, "Big": 18446744073709551615})");
  t.has_resource_properties("Test::R", {{"S", "s"}, {"I", 42}, {"D", 1.5}, {"B", false}, {"N", nullptr}});
  t.has_resource_properties("Test::R", {{"I", 42.0}});
  auto message = failure([&] { t.has_resource_properties("Test::R", {{"B", true}}); });
  CHECK(contains(message, "Expected true but received false at /Properties/B"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"I", 43}}); });
  CHECK(contains(message, "Expected 43 but received 42"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"N", "null"}}); });
  CHECK(contains(message, "Expected type string but received null"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"S", nullptr}}); });
  CHECK(contains(message, "Expected type null but received string"));
  message = failure([&] { t.has_resource_properties("Test::R", {{"Big", -1}}); });
  CHECK(contains(message, "Expected -1 but received 18446744073709551615"));
}

TEST_CASE("tokens in a pattern match their CloudFormation form") {
  cdk::App app{cdk::AppProps{.outdir = "unused"}};
  auto& stack = app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& vpc = stack.add<cdk::CfnResource>("Vpc", {.type = "AWS::EC2::VPC", .properties = {{"CidrBlock", "10.0.0.0/16"}}});
  auto& other = stack.add<cdk::CfnResource>("Other", {.type = "AWS::EC2::VPC", .properties = {{"CidrBlock", "10.1.0.0/16"}}});
  stack.add<cdk::CfnResource>("Subnet", {.type = "Custom::Subnet",
                                         .properties = {{"VpcId", vpc.ref()},
                                                        {"Arn", vpc.get_att("Arn")},
                                                        {"Name", cdk::Aws::stack_name() + "-subnet"}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("Custom::Subnet", {{"VpcId", vpc.ref()}, {"Arn", vpc.get_att("Arn")}});
  t.has_resource_properties("Custom::Subnet", {{"Name", cdk::Aws::stack_name() + "-subnet"}});
  t.has_resource_properties("Custom::Subnet", {{"VpcId", cdk::Map{{"Ref", "Vpc"}}}});
  auto message = failure([&] { t.has_resource_properties("Custom::Subnet", {{"VpcId", other.ref()}}); });
  CHECK(contains(message, R"(Expected "Other" but received "Vpc" at /Properties/VpcId/Ref)"));
}

TEST_CASE("a matcher cannot be synthesized into a real template") {
  cdk::App app{cdk::AppProps{.outdir = "unused"}};
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<cdk::CfnResource>("R", {.type = "AWS::S3::Bucket", .properties = {{"BucketName", Match::any_value()}}});
  CHECK_THROWS_WITH_AS(stack.to_json(),
                       doctest::Contains("a Match::any_value matcher is a test pattern and cannot be synthesized"),
                       cdk::Error);
}

TEST_CASE("Match::is_matcher and Match::name_of") {
  CHECK(Match::is_matcher(Match::object_like({})));
  CHECK(Match::is_matcher(cdk::assertions::Capture{}));
  CHECK_FALSE(Match::is_matcher(cdk::Value{"x"}));
  CHECK_FALSE(Match::is_matcher(cdk::lazy([] { return cdk::Value{1}; })));
  CHECK(Match::name_of(Match::array_with({})) == "array_with");
  CHECK(Match::name_of(Match::not_(1)) == "not_");
  CHECK(Match::name_of(Match::serialized_json(1)) == "serialized_json");
  CHECK(Match::name_of(Match::string_like_regexp("x")) == "string_like_regexp");
  CHECK(Match::name_of(Match::object_equals({})) == "object_equals");
  CHECK(Match::name_of(Match::array_equals({})) == "array_equals");
  CHECK(Match::name_of(Match::exact(1)) == "exact");
  CHECK(Match::name_of(cdk::Value{"x"}).empty());
}
