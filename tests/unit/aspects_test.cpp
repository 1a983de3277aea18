// Aspects: which constructs they visit, in which order (checked against aws-cdk-lib 2.276
// with the same tree), constructs and aspects added by aspects, visiting once across
// repeated synths, errors.
#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Fixture {
  std::string outdir = (std::filesystem::temp_directory_path() / "cdkpp-aspects-test.out").string();
  cdk::App app{cdk::AppProps{.outdir = outdir}};
  cdk::Stack& stack = app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  std::vector<std::string> log;
  ~Fixture() { std::filesystem::remove_all(outdir); }

  // An aspect that records "name:path" for each visit.
  std::shared_ptr<cdk::IAspect> logger(std::string name) {
    struct Logger : cdk::IAspect {
      std::string name;
      std::vector<std::string>* log;
      void visit(cdk::Construct& node) override { log->push_back(name + ":" + node.path()); }
    };
    auto out = std::make_shared<Logger>();
    out->name = std::move(name);
    out->log = &log;
    return out;
  }
};

cdk::CfnResource& placeholder(cdk::Construct& scope, std::string id = "R") {
  return scope.add<cdk::CfnResource>(id, {.type = "AWS::CloudFormation::WaitConditionHandle"});
}

std::vector<cdk::Diagnostic> synth_errors(cdk::App& app) {
  try {
    app.synth();
  } catch (const cdk::SynthError& e) {
    return e.diagnostics();
  }
  return {};
}

}  // namespace

TEST_CASE("aspects: priority order, inherited before own, constructs and aspects added by aspects (as CDK)") {
  Fixture f;
  auto& a = f.stack.add<cdk::Construct>("A");
  a.add<cdk::Construct>("A1");
  auto& b = f.stack.add<cdk::Construct>("B");
  placeholder(b);
  cdk::Aspects::of(a).add(f.logger("localA500"));
  cdk::Aspects::of(f.stack).add(f.logger("stack500"));
  cdk::Aspects::of(f.stack).add(f.logger("stack200"), {.priority = 200});
  cdk::Aspects::of(a).add(f.logger("localA100"), {.priority = 100});
  bool added = false;
  auto from_aspect = f.logger("fromAspect");
  cdk::Aspects::of(f.stack).add(
      [&](cdk::Construct& node) {
        f.log.push_back("adder:" + node.path());
        if (node.path() == "S/B" && !added) {
          added = true;
          node.add<cdk::Construct>("New");
          a.add<cdk::Construct>("Late");
          cdk::Aspects::of(b).add(from_aspect);
        }
      },
      {.priority = 300});
  f.app.synth();
  // What aws-cdk-lib logs for the same program (/tmp/tags/aspects1.js in the session).
  const std::vector<std::string> expected = {
      "stack200:S",          "adder:S",           "stack500:S",          "localA100:S/A",      "stack200:S/A",
      "adder:S/A",           "stack500:S/A",      "localA500:S/A",       "localA100:S/A/A1",   "stack200:S/A/A1",
      "adder:S/A/A1",        "stack500:S/A/A1",   "localA500:S/A/A1",    "stack200:S/B",       "adder:S/B",
      "localA100:S/A/Late",  "stack200:S/A/Late", "adder:S/A/Late",      "stack500:S/A/Late",  "localA500:S/A/Late",
      "stack500:S/B",        "fromAspect:S/B",    "stack200:S/B/R",      "adder:S/B/R",        "stack500:S/B/R",
      "fromAspect:S/B/R",    "stack200:S/B/New",  "adder:S/B/New",       "stack500:S/B/New",   "fromAspect:S/B/New"};
  CHECK(f.log == expected);
}

TEST_CASE("aspects: each aspect visits each construct once, however often templates are built") {
  Fixture f;
  placeholder(f.stack);
  cdk::Aspects::of(f.stack).add(f.logger("x"));
  (void)f.stack.to_json();
  (void)f.stack.to_yaml();
  (void)cdk::assertions::Template::from_stack(f.stack);
  CHECK(f.log == std::vector<std::string>{"x:S", "x:S/R"});
  f.app.synth();
  f.app.synth();
  CHECK(f.log.size() == 2);
}

TEST_CASE("aspects: constructs added after a synth are visited by the next one") {
  Fixture f;
  placeholder(f.stack);
  cdk::Aspects::of(f.stack).add(f.logger("x"));
  (void)f.stack.to_json();
  placeholder(f.stack, "Later");
  (void)f.stack.to_json();
  CHECK(f.log == std::vector<std::string>{"x:S", "x:S/R", "x:S/Later"});
}

TEST_CASE("aspects: the same aspect with the same priority is added once; on two scopes it visits once") {
  Fixture f;
  auto& inner = f.stack.add<cdk::Construct>("Inner");
  placeholder(inner);
  auto aspect = f.logger("x");
  cdk::Aspects::of(f.stack).add(aspect);
  cdk::Aspects::of(f.stack).add(aspect);
  cdk::Aspects::of(inner).add(aspect, {.priority = 100});
  CHECK(cdk::Aspects::of(f.stack).all().size() == 1);
  CHECK(cdk::Aspects::of(inner).applied().front().priority == 100);
  (void)f.stack.to_json();
  CHECK(f.log == std::vector<std::string>{"x:S", "x:S/Inner", "x:S/Inner/R"});
}

TEST_CASE("aspects: an aspect only sees its scope's subtree") {
  Fixture f;
  auto& a = f.stack.add<cdk::Construct>("A");
  placeholder(a);
  placeholder(f.stack, "Outside");
  cdk::Aspects::of(a).add(f.logger("x"));
  (void)f.stack.to_json();
  CHECK(f.log == std::vector<std::string>{"x:S/A", "x:S/A/R"});
}

TEST_CASE("aspects: they may add constructs to the locked tree; afterwards the tree is locked") {
  Fixture f;
  cdk::Aspects::of(f.stack).add([](cdk::Construct& node) {
    if (dynamic_cast<cdk::Stack*>(&node) && !node.try_find_child("Added")) placeholder(node, "Added");
  });
  f.app.synth();
  CHECK(f.stack.try_find_child("Added"));
  try {
    placeholder(f.stack, "TooLate");
    FAIL("expected cdk.construct.Locked");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == cdk::errc::Locked);
    CHECK(e.path() == "S/TooLate");
  }
}

TEST_CASE("aspects: a user-written check reports an error annotation and synth fails with the path") {
  Fixture f;
  auto& good = f.stack.add<cdk::CfnResource>(
      "Good", {.type = "AWS::EC2::Volume", .properties = {{"AvailabilityZone", "us-east-1a"}, {"Size", 8}, {"Encrypted", true}}});
  f.stack.add<cdk::CfnResource>("Bad", {.type = "AWS::EC2::Volume", .properties = {{"AvailabilityZone", "us-east-1a"}, {"Size", 8}}});
  (void)good;
  // The check as a user writes it: volumes must say Encrypted: true.
  struct RequireEncryptedVolumes : cdk::IAspect {
    void visit(cdk::Construct& node) override {
      auto* resource = dynamic_cast<cdk::CfnResource*>(&node);
      if (!resource || resource->cfn_resource_type() != "AWS::EC2::Volume") return;
      for (const auto& [name, value] : resource->properties())
        if (name == "Encrypted" && value.kind() == cdk::Value::Kind::Bool && value.as_bool()) return;
      cdk::Annotations::of(node).add_error("EBS volumes must be encrypted (Encrypted: true)");
    }
  };
  cdk::Aspects::of(f.app).add(std::make_shared<RequireEncryptedVolumes>(), {.priority = cdk::AspectPriority::Readonly});
  const auto errors = synth_errors(f.app);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "cdk.annotation.Error");
  CHECK(errors[0].path == "S/Bad");
  CHECK(errors[0].message == "EBS volumes must be encrypted (Encrypted: true)");
  CHECK_FALSE(std::filesystem::exists(f.outdir));
}

TEST_CASE("aspects: an error thrown by a visit is a synth error; the other aspects still run") {
  Fixture f;
  placeholder(f.stack);
  cdk::Aspects::of(f.stack).add([](cdk::Construct& node) {
    if (node.id() == "R") throw cdk::Error("user.Rejected", node.path(), "not allowed");
  });
  cdk::Aspects::of(f.stack).add(f.logger("after"));
  const auto errors = synth_errors(f.app);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "user.Rejected");
  CHECK(errors[0].path == "S/R");
  CHECK(f.log == std::vector<std::string>{"after:S", "after:S/R"});
}

TEST_CASE("aspects: errors") {
  Fixture f;
  auto& scope = f.stack.add<cdk::Construct>("Scope");
  placeholder(scope);

  SUBCASE("negative priority") {
    try {
      cdk::Aspects::of(scope).add(f.logger("x"), {.priority = -1});
      FAIL("expected an error");
    } catch (const cdk::Error& e) {
      CHECK(e.code() == cdk::errc::AspectInvalidPriority);
      CHECK(e.path() == "S/Scope");
    }
  }
  SUBCASE("null aspect") {
    try {
      cdk::Aspects::of(scope).add(std::shared_ptr<cdk::IAspect>{});
      FAIL("expected an error");
    } catch (const cdk::Error& e) {
      CHECK(e.code() == cdk::errc::AspectInvalid);
      CHECK(e.path() == "S/Scope");
    }
  }
  SUBCASE("an aspect cannot remove constructs") {
    cdk::Aspects::of(f.stack).add([&](cdk::Construct& node) {
      if (&node == &scope) node.try_remove_child("R");
    });
    const auto errors = synth_errors(f.app);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == cdk::errc::Locked);
    CHECK(errors[0].path == "S/Scope/R");
  }
  SUBCASE("aspects that keep adding aspects") {
    // Each visit of the scope adds a new aspect, which visits the scope and adds another.
    std::function<void(cdk::Construct&)> spawn = [&](cdk::Construct& node) {
      if (&node == &scope) cdk::Aspects::of(scope).add(spawn);
    };
    cdk::Aspects::of(scope).add(spawn);
    const auto errors = synth_errors(f.app);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == cdk::errc::AspectInfiniteLoop);
    CHECK(errors[0].path == "");
  }
  SUBCASE("an aspect added by an aspect with a lower priority number than one that already ran") {
    cdk::Aspects::of(scope).add([&](cdk::Construct& node) {
      if (&node == &scope) cdk::Aspects::of(scope).add(f.logger("early"), {.priority = 100});
    });
    const auto errors = synth_errors(f.app);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == cdk::errc::AspectPriorityOrder);
    CHECK(errors[0].path == "S/Scope");
  }
}

TEST_CASE("aspects: a nested Stage only sees its own aspects, as in CDK") {
  Fixture f;
  auto& prod = f.app.add<cdk::Stage>("Prod");
  auto& api = prod.add<cdk::Stack>("Api", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  placeholder(api);
  placeholder(f.stack);
  cdk::Aspects::of(f.app).add(f.logger("app"));
  cdk::Aspects::of(prod).add(f.logger("prod"));
  // The stack's stage runs its aspects for Template::from_stack / to_json.
  (void)api.to_json();
  CHECK(f.log == std::vector<std::string>{"prod:Prod", "prod:Prod/Api", "prod:Prod/Api/R"});
  f.log.clear();
  f.app.synth();
  CHECK(f.log == std::vector<std::string>{"app:", "app:S", "app:S/R"});
}
