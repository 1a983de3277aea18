// Tags::of: merge with the tags given in props, priorities, include/exclude, remove, the
// map and list formats, stack tags in the manifest. Expected values are what aws-cdk-lib
// 2.276 synthesizes for the same program (/tmp/tags/tags2.js in the session).
#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ssm/cfn_document.hpp>
#include <cdk/ssm/cfn_parameter.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

using cdk::assertions::Template;
namespace Match = cdk::assertions::Match;
using Json = nlohmann::ordered_json;

namespace {

struct Fixture {
  std::string outdir = (std::filesystem::temp_directory_path() / "cdkpp-tags-test.out").string();
  cdk::App app{cdk::AppProps{.outdir = outdir}};
  ~Fixture() { std::filesystem::remove_all(outdir); }

  Json manifest() {
    std::ifstream in{outdir + "/manifest.json"};
    return Json::parse(in);
  }
};

Json template_of(cdk::Stack& stack) { return Json::parse(stack.to_json()); }

template <class F>
void check_error(F&& f, const std::string& code, const std::string& path) {
  try {
    f();
    FAIL("no error thrown, expected " << code);
  } catch (const cdk::Error& e) {
    CHECK(e.code() == code);
    CHECK(e.path() == path);
  }
}

}  // namespace

TEST_CASE("tags: Tags::of merges with the props' tags, by priority, in each resource's format (as CDK)") {
  Fixture f;
  auto& s = f.app.add<cdk::Stack>("S", {.tags = {{"Zeta", "z"}, {"Team", "given"}}});
  auto& other = f.app.add<cdk::Stack>("Other");
  other.add<cdk::ssm::CfnParameter>("P", {.type = "String", .value = "x"});
  s.add<cdk::ssm::CfnParameter>("P", {.tags = {{"Given", "g"}, {"Env", "given"}}, .type = "String", .value = "x"});
  s.add<cdk::ssm::CfnDocument>("D", {.content = cdk::Map{{"schemaVersion", "2.2"}},
                                      .tags = {{.key = "Env", .value = "given"}, {.key = "Keep", .value = "k"}}});
  s.add<cdk::CfnResource>("C", {.type = "AWS::CloudFormation::WaitConditionHandle"});
  cdk::Tags::of(s).add("Env", "aspect");
  cdk::Tags::of(s).add("Team", "aspect-team", {.exclude_resource_types = {"AWS::SSM::Document"}});
  cdk::Tags::of(s).add("Region", cdk::Aws::region());
  cdk::Tags::of(s).remove("Keep", {.priority = 40});  // below the props' 50: kept
  cdk::Tags::of(f.app).add("App", "a");
  f.app.synth();

  const Json t = template_of(s);
  CHECK(t["Resources"]["P"]["Properties"] == Json::parse(R"({"Tags":{"App":"a","Env":"aspect","Given":"g",
      "Region":{"Ref":"AWS::Region"},"Team":"aspect-team"},"Type":"String","Value":"x"})"));
  CHECK(t["Resources"]["D"]["Properties"] == Json::parse(R"({"Content":{"schemaVersion":"2.2"},"Tags":[
      {"Key":"App","Value":"a"},{"Key":"Env","Value":"aspect"},{"Key":"Keep","Value":"k"},
      {"Key":"Region","Value":{"Ref":"AWS::Region"}}]})"));
  CHECK_FALSE(t["Resources"]["C"].contains("Properties"));
  CHECK(template_of(other)["Resources"]["P"]["Properties"]["Tags"] == Json::parse(R"({"App":"a"})"));

  // Stack tags: sorted, the aspect's Team (100) over the props' (50); a deploy-time value
  // cannot be a stack tag: left out with a warning (CDK writes the unresolved token).
  const Json m = f.manifest();
  CHECK(m["artifacts"]["S"]["properties"]["tags"] ==
        Json::parse(R"({"App":"a","Env":"aspect","Team":"aspect-team","Zeta":"z"})"));
  CHECK(m["artifacts"]["Other"]["properties"]["tags"] == Json::parse(R"({"App":"a"})"));
  bool warned = false;
  for (const auto& entry : s.metadata())
    if (entry.type == "aws:cdk:warning" && entry.data.as_string().find("ignoring stack tag 'Region'") == 0) warned = true;
  CHECK(warned);
}

TEST_CASE("tags: include and exclude types, aws:cdk:stack, priorities, remove") {
  Fixture f;
  auto& s = f.app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  s.add<cdk::ssm::CfnParameter>("P", {.type = "String", .value = "x"});
  s.add<cdk::ssm::CfnDocument>("D", {.content = cdk::Map{{"schemaVersion", "2.2"}}});

  SUBCASE("include") {
    cdk::Tags::of(s).add("Only", "doc", {.include_resource_types = {"AWS::SSM::Document"}});
    const Json t = template_of(s);
    CHECK_FALSE(t["Resources"]["P"]["Properties"].contains("Tags"));
    CHECK(t["Resources"]["D"]["Properties"]["Tags"] == Json::parse(R"([{"Key":"Only","Value":"doc"}])"));
    CHECK(s.tags().empty());
  }
  SUBCASE("the stack only") {
    cdk::Tags::of(s).add("Stack", "only", {.include_resource_types = {"aws:cdk:stack"}});
    const Json t = template_of(s);
    CHECK_FALSE(t["Resources"]["D"]["Properties"].contains("Tags"));
    CHECK(s.tags() == std::vector<std::pair<std::string, std::string>>{{"Stack", "only"}});
  }
  SUBCASE("a higher or equal priority wins, whatever the order") {
    cdk::Tags::of(s).add("Low", "low", {.priority = 10});
    cdk::Tags::of(s).add("Low", "lower-later", {.priority = 5});
    cdk::Tags::of(s).add("Eq", "first", {.priority = 10});
    cdk::Tags::of(s).add("Eq", "second", {.priority = 10});
    CHECK(template_of(s)["Resources"]["P"]["Properties"]["Tags"] == Json::parse(R"({"Eq":"second","Low":"low"})"));
  }
  SUBCASE("remove (priority 200) beats add (100), at any scope") {
    auto& inner = s.add<cdk::Construct>("Inner");
    inner.add<cdk::ssm::CfnParameter>("P", {.tags = {{"Name", "given"}}, .type = "String", .value = "y"});
    cdk::Tags::of(inner).remove("Name");
    cdk::Tags::of(s).add("Name", "n");
    const Json t = template_of(s);
    CHECK(t["Resources"]["P"]["Properties"]["Tags"] == Json::parse(R"({"Name":"n"})"));
    // No tag left: no Tags property at all, as CDK.
    CHECK_FALSE(t["Resources"]["InnerPB787688A"]["Properties"].contains("Tags"));
  }
  SUBCASE("a remove with a lower priority than the add does nothing") {
    cdk::Tags::of(s).remove("Name", {.priority = 50});
    cdk::Tags::of(s).add("Name", "n");
    CHECK(template_of(s)["Resources"]["D"]["Properties"]["Tags"] == Json::parse(R"([{"Key":"Name","Value":"n"}])"));
  }
}

TEST_CASE("tags: keys sorted as JavaScript's localeCompare, also when only a remove reached the resource") {
  Fixture f;
  auto& s = f.app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& tagged = s.add<cdk::ssm::CfnDocument>(
      "D", {.content = cdk::Map{{"schemaVersion", "2.2"}},
            .tags = {{.key = "b", .value = "1"}, {.key = "B", .value = "2"}, {.key = "a1", .value = "5"},
                     {.key = "a-b", .value = "4"}, {.key = "a_b", .value = "3"}}});
  auto& untouched = s.add<cdk::Construct>("Untouched");
  untouched.add<cdk::ssm::CfnDocument>("D", {.content = cdk::Map{{"schemaVersion", "2.2"}},
                                             .tags = {{.key = "b", .value = "1"}, {.key = "a", .value = "2"}}});
  cdk::Tags::of(s).add("Env", "e", {.exclude_resource_types = {}});
  cdk::Tags::of(untouched).remove("Env");  // removes what the stack's tag would add, nothing else
  (void)tagged;
  const Json t = template_of(s);
  CHECK(t["Resources"]["D"]["Properties"]["Tags"] ==
        Json::parse(R"([{"Key":"a_b","Value":"3"},{"Key":"a-b","Value":"4"},{"Key":"a1","Value":"5"},
                        {"Key":"b","Value":"1"},{"Key":"B","Value":"2"},{"Key":"Env","Value":"e"}])"));
  // Through the tag manager (CDK sorts these too).
  CHECK(t["Resources"]["UntouchedDA9BF9D07"]["Properties"]["Tags"] ==
        Json::parse(R"([{"Key":"a","Value":"2"},{"Key":"b","Value":"1"}])"));
}

TEST_CASE("tags: L1 tags with no Tags::of are written exactly as given") {
  Fixture f;
  auto& s = f.app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  s.add<cdk::ssm::CfnDocument>("D", {.content = cdk::Map{{"schemaVersion", "2.2"}},
                                      .tags = {{.key = "b", .value = "1"}, {.key = "a", .value = "2"}}});
  CHECK(template_of(s)["Resources"]["D"]["Properties"]["Tags"] ==
        Json::parse(R"([{"Key":"b","Value":"1"},{"Key":"a","Value":"2"}])"));
}

TEST_CASE("tags: a tag in the props given as a token is kept after the merged ones") {
  Fixture f;
  auto& s = f.app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& d = s.add<cdk::CfnResource>(
      "D", {.type = "AWS::SSM::Document",
            .properties = {{"Content", cdk::Map{{"schemaVersion", "2.2"}}},
                           {"Tags", cdk::List{cdk::Value{cdk::Map{{"Key", "z"}, {"Value", "1"}}}, cdk::Aws::no_value()}}}});
  (void)d;
  cdk::Tags::of(s).add("A", "a");
  CHECK(template_of(s)["Resources"]["D"]["Properties"]["Tags"] ==
        Json::parse(R"([{"Key":"A","Value":"a"},{"Key":"z","Value":"1"},{"Ref":"AWS::NoValue"}])"));
}

TEST_CASE("tags: errors") {
  Fixture f;
  auto& s = f.app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& scope = s.add<cdk::Construct>("Scope");
  check_error([&] { cdk::Tags::of(scope).add("", "v"); }, cdk::errc::TagsInvalidKey, "S/Scope");
  check_error([&] { cdk::Tags::of(scope).add(std::string(129, 'k'), "v"); }, cdk::errc::TagsInvalidKey, "S/Scope");
  check_error([&] { cdk::Tags::of(scope).add("aws:cloudformation:stack-name", "v"); }, cdk::errc::TagsInvalidKey,
              "S/Scope");
  check_error([&] { cdk::Tags::of(scope).add("k", std::string(257, 'v')); }, cdk::errc::TagsInvalidValue, "S/Scope");
  check_error([&] { cdk::Tags::of(scope).add("k", 42); }, cdk::errc::TagsInvalidValue, "S/Scope");
  check_error([&] { cdk::Tags::of(scope).add("k", "v", {.priority = -1}); }, cdk::errc::TagsInvalidPriority, "S/Scope");
  check_error([&] { cdk::Tags::of(scope).remove(""); }, cdk::errc::TagsInvalidKey, "S/Scope");
  check_error([&] { cdk::Tag("", "v"); }, cdk::errc::TagsInvalidKey, "");

  SUBCASE("props' tags that are a token cannot be merged") {
    scope.add<cdk::CfnResource>("D", {.type = "AWS::SSM::Parameter",
                                      .properties = {{"Type", "String"}, {"Value", "x"},
                                                     {"Tags", cdk::Fn::intrinsic("Fn::If", cdk::List{"Cond", cdk::Map{{"a", "b"}}, cdk::Aws::no_value()})}}});
    cdk::Tags::of(scope).add("k", "v");
    check_error([&] { (void)s.to_json(); }, cdk::errc::TagsInvalidTagProperty, "S/Scope/D");
  }
}
