// The construct tree: ids, paths, order, lookups, errors, context, validations, metadata.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <unistd.h>

#include "model_support.hpp"

using cdk::Construct;
using cdk::Value;

namespace {

std::string unused_outdir() {
  return (std::filesystem::temp_directory_path() / ("cdkpp-construct-test-" + std::to_string(::getpid()))).string();
}

std::vector<std::string> paths_of(const std::vector<Construct*>& nodes) {
  std::vector<std::string> out;
  for (auto* n : nodes) out.push_back(n->path());
  return out;
}

// Runs `f`, which must throw cdk::Error, and returns what it threw.
template <class F>
cdk::Error error_from(F&& f) {
  try {
    f();
  } catch (const cdk::Error& e) {
    return e;
  }
  FAIL("expected a cdk::Error");
  return cdk::Error("", "", "");
}

// A construct whose constructor adds a child and then fails.
struct Exploding : Construct {
  struct Props {
    bool add_child = true;
  };
  Exploding(Construct& scope, std::string_view id, Props props) : Construct(scope, id) {
    if (props.add_child) add<Construct>("Child").add<Construct>("Grandchild");
    throw std::runtime_error("boom");
  }
};

}  // namespace

TEST_CASE("construct: ids and paths") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto& stack = app.add<cdk::Stack>("S");
  auto& a = stack.add<Construct>("A");
  auto& b = a.add<Construct>("B");
  CHECK(app.id().empty());
  CHECK(app.path().empty());
  CHECK(stack.path() == "S");
  CHECK(a.id() == "A");
  CHECK(b.path() == "S/A/B");
  CHECK(b.parent() == &a);
  CHECK(a.parent() == &stack);
  CHECK(app.parent() == nullptr);
  CHECK(&b.root() == &app);
  CHECK(b.app() == &app);
  CHECK(stack.try_find_child("A") == &a);
  CHECK(stack.try_find_child("B") == nullptr);
  // Ids may hold any character but '/'.
  CHECK(a.add<Construct>("my-thing.v1 (x)").path() == "S/A/my-thing.v1 (x)");
}

TEST_CASE("construct: a free-standing root has no app") {
  cdk::RootConstruct root;
  auto& c = root.add<Construct>("C");
  CHECK(c.path() == "C");
  CHECK(c.app() == nullptr);
  CHECK(&c.root() == &root);
  CHECK_FALSE(c.locked());
}

TEST_CASE("construct: children keep insertion order and find_all is pre-order") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto& stack = app.add<cdk::Stack>("S");
  auto& z = stack.add<Construct>("Z");
  z.add<Construct>("Z2");
  z.add<Construct>("Z1");
  auto& a = stack.add<Construct>("A");
  a.add<Construct>("A1");
  stack.add<Construct>("M");
  REQUIRE(stack.children().size() == 3);
  CHECK(stack.children()[0]->id() == "Z");
  CHECK(stack.children()[1]->id() == "A");
  CHECK(stack.children()[2]->id() == "M");
  CHECK(paths_of(stack.find_all()) == std::vector<std::string>{"S", "S/Z", "S/Z/Z2", "S/Z/Z1", "S/A", "S/A/A1", "S/M"});
  CHECK(paths_of(app.find_all()).front().empty());  // the app itself comes first
  CHECK(app.find_all().size() == 8);
}

TEST_CASE("construct: try_remove_child removes a child and its subtree (CDK's tryRemoveChild)") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto& stack = app.add<cdk::Stack>("S");
  auto& a = stack.add<Construct>("A");
  a.add<Construct>("A1");
  stack.add<Construct>("B");
  CHECK(stack.try_remove_child("A"));
  CHECK_FALSE(stack.try_remove_child("A"));
  CHECK_FALSE(stack.try_remove_child("Nope"));
  CHECK(paths_of(stack.find_all()) == std::vector<std::string>{"S", "S/B"});
  stack.add<Construct>("A");  // the id is free again
  CHECK(stack.children().size() == 2);
}

TEST_CASE("construct: Stack::of finds the closest stack") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto& outer = app.add<cdk::Stack>("Outer");
  auto& group = outer.add<Construct>("Group");
  auto& inner = group.add<cdk::Stack>("Inner");
  auto& deep = inner.add<Construct>("Deep");
  CHECK(&cdk::Stack::of(outer) == &outer);
  CHECK(&cdk::Stack::of(group) == &outer);
  CHECK(&cdk::Stack::of(deep) == &inner);
  CHECK(&cdk::Stack::of(inner) == &inner);

  auto& loose = app.add<Construct>("Loose");
  auto e = error_from([&] { (void)cdk::Stack::of(loose); });
  CHECK(e.code() == cdk::errc::NoStack);
  CHECK(e.path() == "Loose");
  CHECK(std::string{e.what()} == "[cdk.construct.NoStack] Loose: construct is not inside a Stack");
}

TEST_CASE("construct: app.stacks() lists stacks in tree order, nested ones included") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto& b = app.add<cdk::Stack>("B");
  auto& a = app.add<cdk::Stack>("A");
  auto& nested = b.add<cdk::Stack>("N");
  CHECK(app.stacks() == std::vector<cdk::Stack*>{&b, &nested, &a});
  // A stack below another construct gets a unique artifact id, as CDK names it.
  CHECK(nested.artifact_id() == cdk::make_logical_id({"B", "N"}));
  CHECK(nested.artifact_id().size() == 10);  // "BN" and an 8-digit hash
  CHECK(nested.stack_name() == nested.artifact_id());
  CHECK(a.artifact_id() == "A");
}

TEST_CASE("construct: an empty id is an error") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto& stack = app.add<cdk::Stack>("S");
  auto e = error_from([&] { stack.add<Construct>(""); });
  CHECK(e.code() == cdk::errc::EmptyId);
  CHECK(e.path() == "S");
  CHECK(std::string{e.what()} ==
        "[cdk.construct.EmptyId] S: a construct id cannot be empty (only the app's root has no id)");
  CHECK(stack.children().empty());

  auto at_root = error_from([&] { app.add<cdk::Stack>(""); });
  CHECK(at_root.code() == cdk::errc::EmptyId);
  CHECK(std::string{at_root.what()} ==
        "[cdk.construct.EmptyId] a construct id cannot be empty (only the app's root has no id)");
}

TEST_CASE("construct: an id with '/' is an error") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto& stack = app.add<cdk::Stack>("S");
  auto e = error_from([&] { stack.add<Construct>("a/b"); });
  CHECK(e.code() == cdk::errc::InvalidId);
  CHECK(e.path() == "S/a/b");
  CHECK(e.diagnostic().message == "construct id 'a/b' cannot contain '/' (it separates path components)");
  CHECK(stack.children().empty());
}

TEST_CASE("construct: a duplicate id is an error that names the scope") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto& stack = app.add<cdk::Stack>("NewsBlogStack");
  auto& vpc = stack.add<Construct>("Vpc");
  auto e = error_from([&] { stack.add<cdk::CfnResource>("Vpc", {.type = "AWS::EC2::VPC"}); });
  CHECK(e.code() == cdk::errc::DuplicateId);
  CHECK(e.path() == "NewsBlogStack/Vpc");
  CHECK(std::string{e.what()} ==
        "[cdk.construct.DuplicateId] NewsBlogStack/Vpc: there is already a construct with id 'Vpc' in NewsBlogStack");
  REQUIRE(stack.children().size() == 1);
  CHECK(stack.children()[0].get() == &vpc);

  auto top = error_from([&] { app.add<cdk::Stack>("NewsBlogStack"); });
  CHECK(top.code() == cdk::errc::DuplicateId);
  CHECK(top.diagnostic().message == "there is already a construct with id 'NewsBlogStack' in the app");

  // The same id under different parents is fine.
  CHECK_NOTHROW(vpc.add<Construct>("Vpc"));
}

TEST_CASE("construct: a constructor that throws leaves the tree as it was") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<Construct>("Before");
  CHECK_THROWS_WITH_AS(stack.add<Exploding>("Bad"), "boom", std::runtime_error);
  REQUIRE(stack.children().size() == 1);
  CHECK(stack.children()[0]->id() == "Before");
  CHECK(stack.try_find_child("Bad") == nullptr);
  // The id is free again, and the tree still works.
  auto& again = stack.add<Construct>("Bad");
  CHECK(again.path() == "S/Bad");
  CHECK(stack.find_all().size() == 3);
}

TEST_CASE("construct: an element outside a stack is refused without changing the tree") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto e = error_from([&] { app.add<cdk::CfnResource>("Loose", {.type = "AWS::SNS::Topic"}); });
  CHECK(e.code() == cdk::errc::NoStack);
  CHECK(e.path().empty());  // Stack::of(app): the app's path
  CHECK(app.children().empty());
  CHECK(app.stacks().empty());
}

TEST_CASE("construct: adding during synth is refused (cdk.construct.Locked)") {
  const auto outdir = unused_outdir();
  std::filesystem::remove_all(outdir);
  cdk::App app{cdk::AppProps{.outdir = outdir}};
  auto& stack = app.add<cdk::Stack>("S");
  model_test::add_placeholder(stack);
  std::optional<cdk::Error> during;
  stack.add_validation([&]() -> std::vector<std::string> {
    try {
      stack.add<Construct>("Late");
    } catch (const cdk::Error& e) {
      during = e;
    }
    return {"keep this synth from writing anything"};
  });
  CHECK_FALSE(app.locked());
  CHECK_THROWS_AS(app.synth(), cdk::SynthError);
  REQUIRE(during.has_value());
  CHECK(during->code() == cdk::errc::Locked);
  CHECK(during->path() == "S/Late");
  CHECK(during->diagnostic().message == "cannot add construct 'Late' while the app is synthesizing");
  CHECK(stack.try_find_child("Late") == nullptr);
  CHECK(app.locked());
  CHECK(stack.locked());
  // Still locked afterwards: the tree that was synthesized is the tree.
  CHECK(error_from([&] { stack.add<Construct>("After"); }).code() == cdk::errc::Locked);
  CHECK_FALSE(std::filesystem::exists(outdir));
}

TEST_CASE("construct: context is inherited from the closest ancestor that sets it") {
  cdk::App app{cdk::AppProps{.context = {{"env", "app"}, {"only-app", 1}}, .outdir = unused_outdir()}};
  auto& stack = app.add<cdk::Stack>("S");
  stack.set_context("env", "stack");
  stack.set_context("env", "stack2");  // set twice: the last value wins
  auto& group = stack.add<Construct>("G");
  group.set_context("flag", true);
  auto& leaf = group.add<Construct>("Leaf");

  CHECK(app.try_get_context("env") == Value{"app"});
  CHECK(stack.try_get_context("env") == Value{"stack2"});
  CHECK(leaf.try_get_context("env") == Value{"stack2"});
  CHECK(leaf.try_get_context("flag") == Value{true});
  CHECK_FALSE(stack.try_get_context("flag").has_value());
  CHECK(leaf.try_get_context("only-app") == Value{1});
  CHECK_FALSE(leaf.try_get_context("missing").has_value());
}

TEST_CASE("construct: context can only be set before children are added") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<Construct>("C");
  auto e = error_from([&] { stack.set_context("k", 1); });
  CHECK(e.code() == cdk::errc::InvalidContext);
  CHECK(e.path() == "S");
  CHECK(e.diagnostic().message == "context can only be set before children are added (key 'k')");
}

TEST_CASE("construct: CDK_CONTEXT_JSON is read by the app and wins over AppProps context") {
  ::setenv("CDK_CONTEXT_JSON", R"({"env": "cli", "n": 3, "list": ["a", "b"], "obj": {"k": "v"}, "yes": true})", 1);
  std::optional<cdk::App> app;
  app.emplace(cdk::AppProps{.context = {{"env", "props"}, {"mine", "kept"}}, .outdir = unused_outdir()});
  ::unsetenv("CDK_CONTEXT_JSON");
  auto& stack = app->add<cdk::Stack>("S");
  CHECK(stack.try_get_context("env") == Value{"cli"});
  CHECK(stack.try_get_context("mine") == Value{"kept"});
  CHECK(stack.try_get_context("n") == Value{3});
  CHECK(stack.try_get_context("list") == Value{std::vector<std::string>{"a", "b"}});
  CHECK(stack.try_get_context("obj") == Value{cdk::Map{{"k", "v"}}});
  CHECK(stack.try_get_context("yes") == Value{true});
  // AppProps order first, then keys only the CLI knows, in its order.
  REQUIRE(app->context().size() == 6);
  CHECK(app->context()[0].first == "env");
  CHECK(app->context()[1].first == "mine");
}

TEST_CASE("construct: CDK_CONTEXT_JSON that is not a JSON object is an error") {
  ::setenv("CDK_CONTEXT_JSON", "[1, 2", 1);
  auto e = error_from([] { cdk::App app{cdk::AppProps{.outdir = unused_outdir()}}; });
  ::unsetenv("CDK_CONTEXT_JSON");
  CHECK(e.code() == cdk::errc::InvalidContext);
  CHECK(std::string{e.what()} == "[cdk.app.InvalidContext] CDK_CONTEXT_JSON is not a JSON object");
}

TEST_CASE("construct: --context on the command line wins, --outdir sets the output") {
  ::setenv("CDK_CONTEXT_JSON", R"({"env": "json"})", 1);
  std::string a0 = "prog", a1 = "--context", a2 = "env=cmd", a3 = "--outdir", a4 = "/tmp/elsewhere";
  char* argv[] = {a0.data(), a1.data(), a2.data(), a3.data(), a4.data()};
  std::optional<cdk::App> app;
  app.emplace(5, argv);
  ::unsetenv("CDK_CONTEXT_JSON");
  CHECK(app->try_get_context("env") == Value{"cmd"});
  CHECK(app->outdir() == "/tmp/elsewhere");

  std::string bad = "novalue";
  char* bad_argv[] = {a0.data(), a1.data(), bad.data()};
  auto e = error_from([&] { cdk::App other{3, bad_argv}; });
  CHECK(e.code() == cdk::errc::InvalidContext);
  CHECK(e.diagnostic().message == "--context expects key=value, got 'novalue'");
}

TEST_CASE("construct: node validations are reported at synth with the construct path") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto& stack = app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  model_test::add_placeholder(stack);
  auto& thing = stack.add<Construct>("Thing");
  auto& other = thing.add<Construct>("Other");
  int runs = 0;
  thing.add_validation([&runs]() -> std::vector<std::string> {
    ++runs;
    return {"first problem", "second problem"};
  });
  other.add_validation([] { return std::vector<std::string>{"nested problem"}; });
  CHECK(runs == 0);  // validations run at synth, not when added
  CHECK(thing.validate() == std::vector<std::string>{"first problem", "second problem"});

  auto errors = model_test::synth_errors(stack);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].code == cdk::errc::Validation);
  CHECK(errors[0].path == "S/Thing");
  CHECK(errors[0].message == "first problem");
  CHECK(errors[1].message == "second problem");
  CHECK(errors[2].path == "S/Thing/Other");
  CHECK(errors[2].to_string() == "[cdk.construct.Validation] S/Thing/Other: nested problem");

  // app.synth() reports them all together too, and writes nothing.
  try {
    app.synth();
    FAIL("synth must fail");
  } catch (const cdk::SynthError& e) {
    REQUIRE(e.diagnostics().size() == 3);
    // what() lists every diagnostic on its own line (the first line's format is the
    // synth tests' business).
    const std::string what = e.what();
    CHECK(what.substr(what.find("3 errors:")) ==
          "3 errors:\n"
          "  [cdk.construct.Validation] S/Thing: first problem\n"
          "  [cdk.construct.Validation] S/Thing: second problem\n"
          "  [cdk.construct.Validation] S/Thing/Other: nested problem");
  }
  CHECK_FALSE(std::filesystem::exists(app.outdir()));
}

TEST_CASE("construct: metadata keeps its order; an error annotation fails synth") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto& stack = app.add<cdk::Stack>("S");
  model_test::add_placeholder(stack);
  auto& c = stack.add<Construct>("C");
  c.add_metadata("custom:b", 1);
  c.add_metadata("custom:a", Value{cdk::Map{{"k", "v"}}});
  REQUIRE(c.metadata().size() == 2);
  CHECK(c.metadata()[0].type == "custom:b");
  CHECK(c.metadata()[1].data == Value{cdk::Map{{"k", "v"}}});

  cdk::Annotations::of(c).add_warning("careful");
  cdk::Annotations::of(c).add_error("broken");
  CHECK(c.metadata()[2].type == "aws:cdk:warning");
  try {
    app.synth();
    FAIL("synth must fail");
  } catch (const cdk::SynthError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.code() == "cdk.annotation.Error");
    CHECK(std::string{e.what()} == "[cdk.annotation.Error] S/C: broken");
  }
}

TEST_CASE("construct: dependencies are recorded once") {
  cdk::RootConstruct root;
  auto& a = root.add<Construct>("A");
  auto& b = root.add<Construct>("B");
  a.add_dependency(b);
  a.add_dependency(b);
  REQUIRE(a.dependencies().size() == 1);
  CHECK(a.dependencies()[0] == &b);
  CHECK(b.dependencies().empty());
}

TEST_CASE("construct: stack names and environments are checked when the stack is created") {
  cdk::App app{cdk::AppProps{.outdir = unused_outdir()}};
  auto bad_name = error_from([&] { app.add<cdk::Stack>("S", {.stack_name = "1-starts-with-digit"}); });
  CHECK(bad_name.code() == cdk::errc::InvalidStackName);
  CHECK(bad_name.path() == "S");
  CHECK(bad_name.diagnostic().message ==
        "stack name '1-starts-with-digit' must start with a letter and hold only letters, digits and '-' (at most 128 "
        "characters)");
  CHECK(app.children().empty());

  auto bad_account = error_from([&] { app.add<cdk::Stack>("S", {.env = {.account = "12345"}}); });
  CHECK(bad_account.code() == cdk::errc::InvalidEnvironment);
  CHECK(bad_account.diagnostic().message == "account '12345' must be 12 digits");
  for (const char* region : {"us_east_1", "useast-1", "us-east", "us-1", "us-East-1", "us-east-1a"}) {
    auto bad_region = error_from([&] { app.add<cdk::Stack>("S", {.env = {.region = region}}); });
    CHECK(bad_region.code() == cdk::errc::InvalidEnvironment);
    CHECK(bad_region.diagnostic().message ==
          "region '" + std::string{region} + "' is not a region name such as us-east-1");
  }
  CHECK(app.add<cdk::Stack>("Gov", {.env = {.region = "us-gov-west-1"}}).environment_string() ==
        "aws://unknown-account/us-gov-west-1");

  auto& ok = app.add<cdk::Stack>("S", {.env = {.account = "123456789012", .region = "us-east-1"}});
  CHECK(ok.environment_string() == "aws://123456789012/us-east-1");
  CHECK(app.add<cdk::Stack>("T").environment_string() == "aws://unknown-account/unknown-region");
  CHECK(app.add<cdk::Stack>("U", {.stack_name = "custom-name"}).stack_name() == "custom-name");
}
