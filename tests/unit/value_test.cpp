// Values: literal kinds, equality, tokens inside literals, concatenation, lazy values.
#include <doctest/doctest.h>

#include <memory>
#include <stdexcept>

#include "error_support.hpp"
#include "model_support.hpp"

using cdk::List;
using cdk::Map;
using cdk::Value;
using model_test::Json;

TEST_CASE("value: every literal kind keeps its kind and content") {
  CHECK(Value{}.kind() == Value::Kind::Null);
  CHECK(Value{nullptr}.is_null());
  CHECK(Value{true}.kind() == Value::Kind::Bool);
  CHECK(Value{true}.as_bool());
  CHECK(Value{42}.kind() == Value::Kind::Integer);
  CHECK(Value{42LL}.as_integer() == 42);
  CHECK(Value{7u}.as_integer() == 7);
  CHECK(Value{9000000000LL}.as_integer() == 9000000000LL);
  CHECK(Value{2.5}.kind() == Value::Kind::Double);
  CHECK(Value{2.5}.as_double() == 2.5);
  CHECK(Value{3}.as_double() == 3.0);  // integers read as doubles too
  CHECK(Value{3}.is_number());
  CHECK(Value{"text"}.kind() == Value::Kind::String);
  CHECK(Value{std::string{"s"}}.as_string() == "s");
  CHECK(Value{std::string_view{"v"}}.as_string() == "v");

  Value list{List{1, "two", true}};
  REQUIRE(list.is_list());
  REQUIRE(list.as_list().size() == 3);
  CHECK(list.as_list()[1].as_string() == "two");

  Value strings{std::vector<std::string>{"a", "b"}};
  REQUIRE(strings.is_list());
  CHECK(strings.as_list() == List{"a", "b"});

  Value map{Map{{"Z", 1}, {"A", 2}}};
  REQUIRE(map.is_map());
  // Insertion order, not sorted: templates keep the order they were declared in.
  CHECK(map.as_map()[0].first == "Z");
  CHECK(map.as_map()[1].first == "A");
}

TEST_CASE("value: accessors of the wrong kind are harmless, token() of a literal throws") {
  CHECK(Value{"x"}.as_list().empty());
  CHECK(Value{1}.as_map().empty());
  CHECK_THROWS_AS((void)Value{"x"}.token(), std::logic_error);
  CHECK(Value{"x"}.token_type() == cdk::TokenType::Any);
}

TEST_CASE("value: equality") {
  CHECK(Value{} == Value{nullptr});
  CHECK(Value{1} == Value{1});
  CHECK(Value{1} == Value{1.0});  // numbers compare by value, as in JSON
  CHECK_FALSE(Value{1} == Value{2});
  CHECK_FALSE(Value{1} == Value{"1"});
  CHECK_FALSE(Value{true} == Value{1});
  CHECK(Value{"a"} == Value{std::string{"a"}});
  CHECK(Value{List{1, "a"}} == Value{List{1, "a"}});
  CHECK_FALSE(Value{List{1, "a"}} == Value{List{"a", 1}});
  CHECK(Value{Map{{"k", 1}}} == Value{Map{{"k", 1}}});
  CHECK_FALSE(Value{Map{{"k", 1}}} == Value{Map{{"k", 2}}});
  CHECK_FALSE(Value{Map{{"a", 1}, {"b", 2}}} == Value{Map{{"b", 2}, {"a", 1}}});  // order is content
  CHECK_FALSE(Value{List{}} == Value{Map{}});
}

TEST_CASE("value: tokens compare by identity of what they denote") {
  model_test::Fixture f;
  auto& a = f.stack.add<cdk::CfnResource>("A", {.type = "AWS::SNS::Topic"});
  auto& b = f.stack.add<cdk::CfnResource>("B", {.type = "AWS::SNS::Topic"});
  CHECK(a.ref() == a.ref());
  CHECK_FALSE(a.ref() == b.ref());
  CHECK_FALSE(a.ref() == a.get_att("TopicName"));
  CHECK(a.get_att("TopicName") == a.get_att("TopicName"));
  CHECK_FALSE(a.get_att("TopicName") == a.get_att("TopicArn"));
  CHECK(cdk::Aws::region() == cdk::Aws::region());
  CHECK_FALSE(cdk::Aws::region() == cdk::Aws::account_id());
  CHECK_FALSE(a.ref() == Value{"A"});

  // Two lazies never compare equal (their result is unknown until synth), but a copy is
  // the same value.
  Value l1 = cdk::lazy([] { return Value{"x"}; });
  Value l2 = cdk::lazy([] { return Value{"x"}; });
  Value copy = l1;
  CHECK(l1 == copy);
  CHECK_FALSE(l1 == l2);
}

TEST_CASE("value: contains_token looks inside lists and maps") {
  CHECK_FALSE(Value{"x"}.contains_token());
  CHECK_FALSE(Value{List{1, Map{{"a", "b"}}}}.contains_token());
  CHECK(cdk::Aws::region().contains_token());
  CHECK(Value{List{1, cdk::Aws::region()}}.contains_token());
  CHECK(Value{Map{{"a", List{Map{{"deep", cdk::Aws::stack_name()}}}}}}.contains_token());
}

TEST_CASE("value: concatenating literals gives a literal") {
  Value v = Value{"arn:"} + "aws";
  REQUIRE(v.is_string());
  CHECK(v.as_string() == "arn:aws");
  CHECK((Value{"port "} + Value{80}).as_string() == "port 80");
  CHECK((Value{"on="} + Value{true}).as_string() == "on=true");
  CHECK((std::string{"a"} + Value{"b"} + std::string{"c"}).as_string() == "abc");
  CHECK((Value{"x"} + Value{}).as_string() == "x");
}

TEST_CASE("value: numbers in a concatenation read as JavaScript prints them") {
  // CDK concatenates in JavaScript, so a number becomes its JS string form.
  CHECK((Value{""} + Value{2.0}).as_string() == "2");
  CHECK((Value{""} + Value{2.5}).as_string() == "2.5");
  CHECK((Value{""} + Value{0.1}).as_string() == "0.1");
  CHECK((Value{""} + Value{-3}).as_string() == "-3");
  CHECK((Value{""} + Value{1e-7}).as_string() == "1e-7");
  CHECK((Value{""} + Value{0.000001}).as_string() == "0.000001");
  CHECK((Value{""} + Value{1.5e20}).as_string() == "150000000000000000000");
  CHECK((Value{""} + Value{1e21}).as_string() == "1e+21");
  CHECK((Value{""} + Value{123456.789}).as_string() == "123456.789");
}

TEST_CASE("value: concatenating a token gives one flat Fn::Join with an empty delimiter") {
  model_test::Fixture f;
  Value arn = Value{"arn:"} + cdk::Aws::partition() + ":s3:::bucket";
  REQUIRE(arn.is_token());
  CHECK(arn.token_type() == cdk::TokenType::String);
  CHECK(model_test::resolve(f.stack, arn) ==
        Json::parse(R"({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::bucket"]]})"));
}

TEST_CASE("value: adjacent literals merge and nested concatenations flatten") {
  model_test::Fixture f;
  // (("a" + region) + "b") + "c": the two trailing literals become one part.
  Value v = Value{"a"} + cdk::Aws::region() + "b" + "c";
  CHECK(model_test::resolve(f.stack, v) == Json::parse(R"({"Fn::Join": ["", ["a", {"Ref": "AWS::Region"}, "bc"]]})"));

  // Two concatenations joined: still one Fn::Join, no Fn::Join inside a Fn::Join.
  Value left = Value{"x-"} + cdk::Aws::account_id() + "-";
  Value right = Value{"y-"} + cdk::Aws::region();
  CHECK(model_test::resolve(f.stack, left + right) ==
        Json::parse(R"({"Fn::Join": ["", ["x-", {"Ref": "AWS::AccountId"}, "-y-", {"Ref": "AWS::Region"}]]})"));

  // A literal on the left of a concatenation token merges with the token's first part.
  CHECK(model_test::resolve(f.stack, Value{"pre"} + right) ==
        Json::parse(R"({"Fn::Join": ["", ["prey-", {"Ref": "AWS::Region"}]]})"));

  // token + token
  CHECK(model_test::resolve(f.stack, cdk::Aws::account_id() + cdk::Aws::region()) ==
        Json::parse(R"({"Fn::Join": ["", [{"Ref": "AWS::AccountId"}, {"Ref": "AWS::Region"}]]})"));

  // Concatenating with an empty string does not leave an empty part behind.
  CHECK(model_test::resolve(f.stack, Value{""} + cdk::Aws::region() + "") == Json::parse(R"({"Ref": "AWS::Region"})"));
}

TEST_CASE("value: a join with a different delimiter stays nested inside a concatenation") {
  model_test::Fixture f;
  Value joined = cdk::Fn::join(",", {cdk::Aws::region(), "b"});
  CHECK(model_test::resolve(f.stack, Value{"list="} + joined) ==
        Json::parse(R"({"Fn::Join": ["", ["list=", {"Fn::Join": [",", [{"Ref": "AWS::Region"}, "b"]]}]]})"));
}

TEST_CASE("value: lists and maps cannot be concatenated: a cdk::Error with its code") {
  const auto list = unit_test::thrown([] { (void)(Value{List{"a"}} + Value{"b"}); });
  CHECK(list.code() == "cdk.value.InvalidConcatenation");
  CHECK(std::string{list.what()}.find("a list cannot be concatenated") != std::string::npos);
  const Value map{Map{{"k", 1}}};
  const auto with_map = unit_test::thrown([&] { (void)(Value{"a"} + map); });
  CHECK(with_map.code() == "cdk.value.InvalidConcatenation");
  CHECK(std::string{with_map.what()}.find("a map cannot be concatenated") != std::string::npos);
  CHECK(unit_test::thrown([] { (void)(cdk::Aws::region() + Value{List{"a"}}); }).code() == "cdk.value.InvalidConcatenation");
}

TEST_CASE("value: a lazy value is computed at synth, not when it is created") {
  model_test::Fixture f;
  int calls = 0;
  Value v = cdk::lazy([&calls] {
    ++calls;
    return Value{"computed"};
  });
  CHECK(v.is_token());
  CHECK(calls == 0);
  CHECK(model_test::resolve(f.stack, v) == "computed");
  CHECK(calls == 1);
}

TEST_CASE("value: a lazy value may produce tokens, and keeps its declared type") {
  model_test::Fixture f;
  auto& topic = f.stack.add<cdk::CfnResource>("Topic", {.type = "AWS::SNS::Topic"});
  Value v = cdk::lazy([&topic] { return Value{"arn-"} + topic.ref(); }, cdk::TokenType::String);
  CHECK(v.token_type() == cdk::TokenType::String);
  CHECK(cdk::lazy([] { return Value{List{}}; }, cdk::TokenType::List).token_type() == cdk::TokenType::List);
  CHECK(model_test::resolve(f.stack, v) == Json::parse(R"({"Fn::Join": ["", ["arn-", {"Ref": "Topic"}]]})"));

  // A lazy inside a concatenation is flattened into the join once it has produced.
  Value nested = Value{"x:"} + cdk::lazy([] { return Value{"y:"} + cdk::Aws::region(); });
  CHECK(model_test::resolve(f.stack, nested) == Json::parse(R"({"Fn::Join": ["", ["x:y:", {"Ref": "AWS::Region"}]]})"));
}

TEST_CASE("value: a list filled after it was handed out (the lazy pattern constructs use)") {
  model_test::Fixture f;
  auto items = std::make_shared<std::vector<std::string>>();
  auto& res = f.stack.add<cdk::CfnResource>(
      "Group", {.type = "Custom::SecurityGroup",
                .properties = {{"GroupDescription", "g"},
                               {"Names", cdk::lazy([items] { return Value{*items}; }, cdk::TokenType::List)}}});
  (void)res;
  items->push_back("first");
  items->push_back("second");
  auto t = model_test::template_of(f.stack);
  CHECK(t["Resources"]["Group"]["Properties"]["Names"] == Json::parse(R"(["first", "second"])"));
}

TEST_CASE("value: a lazy value that keeps producing lazies is an error, not a hang") {
  model_test::Fixture f;
  std::function<Value()> again;
  again = [&again] { return cdk::lazy(again); };
  auto r = model_test::resolve_in(f.stack, cdk::lazy(again));
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == cdk::errc::InvalidIntrinsic);
  CHECK(r.diagnostics[0].path == "S/Probe");
  CHECK(r.diagnostics[0].message == "a lazy value keeps producing tokens (recursion deeper than 256)");
}

TEST_CASE("value: values are cheap shared copies that do not alias on change") {
  Value a{List{1, 2}};
  Value b = a;
  b = Value{List{3}};
  CHECK(a.as_list().size() == 2);
  CHECK(b.as_list().size() == 1);
}
