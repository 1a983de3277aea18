// cdk::assertions::Capture: every accessor, several captures, patterns, wrong types.
#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <string>

using cdk::assertions::AssertionError;
using cdk::assertions::Capture;
using cdk::assertions::Template;
namespace Match = cdk::assertions::Match;

namespace {
const char* kTemplate = R"({"Resources": {
  "A": {"Type": "Test::R", "Properties": {"S": "alpha", "N": 3, "B": true, "L": [1, 2], "O": {"K": "v"}, "Nul": null}},
  "B": {"Type": "Test::R", "Properties": {"S": "beta", "N": 4.5, "B": false, "L": [], "O": {}}},
  "C": {"Type": "Other", "Properties": {"S": "gamma"}}
}})";
}

TEST_CASE("Capture::as_string / as_number / as_bool / as_array / as_object") {
  auto t = Template::from_string(kTemplate);
  Capture s, n, b, l, o;
  t.has_resource_properties("Test::R", {{"S", s}, {"N", n}, {"B", b}, {"L", l}, {"O", o}});
  CHECK(s.as_string() == "alpha");
  CHECK(n.as_number() == 3);
  CHECK(b.as_bool() == true);
  CHECK(l.as_array() == cdk::List{1, 2});
  CHECK(o.as_object() == cdk::Map{{"K", "v"}});
  CHECK(s.value() == cdk::Value{"alpha"});

  CHECK_THROWS_WITH_AS(s.as_number(), "Captured value is expected to be number but found string. Value is \"alpha\"", AssertionError);
  CHECK_THROWS_WITH_AS(n.as_string(), "Captured value is expected to be string but found number. Value is 3", AssertionError);
  CHECK_THROWS_WITH_AS(s.as_bool(), doctest::Contains("expected to be boolean but found string"), AssertionError);
  CHECK_THROWS_WITH_AS(o.as_array(), "Captured value is expected to be array but found object. Value is {\n  \"K\": \"v\"\n}",
                       AssertionError);
  CHECK_THROWS_WITH_AS(l.as_object(), doctest::Contains("expected to be object but found array"), AssertionError);
}

TEST_CASE("Capture::next steps through every match") {
  auto t = Template::from_string(kTemplate);
  Capture s;
  t.has_resource_properties("Test::R", {{"S", s}});
  CHECK(s.size() == 2);
  CHECK(s.as_string() == "alpha");
  CHECK(s.next());
  CHECK(s.as_string() == "beta");
  CHECK_FALSE(s.next());
  CHECK(s.as_string() == "beta");

  // Captures inside arrays, and across queries (they accumulate, as in CDK).
  Capture element;
  t.has_resource_properties("Test::R", {{"L", Match::array_with({element})}});
  CHECK(element.size() == 1);
  CHECK(element.as_number() == 1);
  t.find_resources("Other", {{"Properties", cdk::Map{{"S", element}}}});
  CHECK(element.size() == 2);
  CHECK(element.next());
  CHECK(element.as_string() == "gamma");
}

TEST_CASE("Capture records nothing from a failed match and refuses null") {
  auto t = Template::from_string(kTemplate);
  Capture s;
  CHECK_THROWS_AS(t.has_resource_properties("Test::R", {{"S", s}, {"Missing", 1}}), AssertionError);
  CHECK(s.size() == 0);
  CHECK_THROWS_WITH_AS(s.as_string(), "No value captured", AssertionError);

  Capture nul;
  CHECK_THROWS_WITH_AS(t.has_resource_properties("Test::R", {{"Nul", nul}}),
                       doctest::Contains("Can only capture non-null values. Found null at /Properties/Nul (using Capture matcher)"),
                       AssertionError);
  // A capture inside not_ never records.
  Capture inside_not;
  t.has_resource_properties("Test::R", {{"S", Match::not_(Match::object_like({{"x", inside_not}}))}});
  CHECK(inside_not.size() == 0);
}

TEST_CASE("Capture with a pattern captures only matching values") {
  auto t = Template::from_string(kTemplate);
  Capture big{Match::not_(3)};
  t.has_resource_properties("Test::R", {{"N", big}});
  CHECK(big.size() == 1);
  CHECK(big.as_number() == 4.5);

  Capture object{{{"K", "v"}}};  // a map literal is object_like
  t.has_resource_properties("Test::R", {{"O", object}});
  CHECK(object.size() == 1);
  CHECK(object.as_object() == cdk::Map{{"K", "v"}});

  Capture none{Match::string_like_regexp("^z")};
  auto check = [&] { t.has_resource_properties("Test::R", {{"S", none}}); };
  CHECK_THROWS_WITH_AS(check(), doctest::Contains(R"(String "alpha" did not match pattern "^z")"), AssertionError);
  CHECK(none.size() == 0);

  // Copies share what was captured.
  Capture original;
  Capture copy = original;
  t.has_resource_properties("Test::R", {{"S", copy}});
  CHECK(original.size() == 2);
}
