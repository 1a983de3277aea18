// Stages: naming of stages and of the stacks in them, environments, Stage::of and the
// errors of stage construction. Every expected value was measured with aws-cdk-lib 2.276
// for the same program (no feature flags).
#include <doctest/doctest.h>

#include <string>

#include <cdk/cdk.hpp>

#include "error_support.hpp"

namespace {

const std::string kOutdir = "unused-stage-assembly";

using unit_test::thrown;

}  // namespace

TEST_CASE("stack names and artifact ids in stages") {
  cdk::App app{cdk::AppProps{.outdir = kOutdir}};
  auto& net = app.add<cdk::Stack>("Net");
  auto& prod = app.add<cdk::Stage>("Prod");
  auto& api = prod.add<cdk::Stack>("Api");
  auto& inner = prod.add<cdk::Construct>("Group").add<cdk::Stack>("Inner");
  auto& eu = prod.add<cdk::Stage>("Eu", {.stage_name = "Europe"});
  auto& web = eu.add<cdk::Stack>("Web");
  auto& named = eu.add<cdk::Stack>("Named", {.stack_name = "my-named"});

  CHECK(net.stack_name() == "Net");
  CHECK(net.artifact_id() == "Net");
  CHECK(api.stack_name() == "Prod-Api");
  CHECK(api.artifact_id() == "ProdApi2466CF1F");
  CHECK(api.template_file() == "ProdApi2466CF1F.template.json");
  CHECK(inner.stack_name() == "Prod-GroupInner92CB7A4B");
  CHECK(inner.artifact_id() == "ProdGroupInner2304E324");
  CHECK(web.stack_name() == "Prod-Europe-Web");
  CHECK(web.artifact_id() == "ProdEuWebDAB33A8F");
  CHECK(named.stack_name() == "my-named");
  CHECK(named.artifact_id() == "ProdEuNamedC7C81C40");

  CHECK(app.stage_name().empty());
  CHECK(app.artifact_id().empty());
  CHECK(prod.stage_name() == "Prod");
  CHECK(prod.artifact_id() == "assembly-Prod");
  CHECK(eu.stage_name() == "Prod-Europe");
  CHECK(eu.artifact_id() == "assembly-Prod-Eu");
  CHECK(prod.outdir() == kOutdir + "/assembly-Prod");
  CHECK(eu.outdir() == kOutdir + "/assembly-Prod/assembly-Prod-Eu");
}

TEST_CASE("stage names: empty names, trailing dashes, other characters") {
  cdk::App app{cdk::AppProps{.outdir = kOutdir}};
  auto& dash = app.add<cdk::Stage>("St-");
  CHECK(dash.artifact_id() == "assembly-St");
  CHECK(dash.stage_name() == "St-");
  auto& p = app.add<cdk::Stage>("P", {.stage_name = "x"});
  auto& q = p.add<cdk::Stage>("Q_1.a", {.stage_name = ""});
  CHECK(q.artifact_id() == "assembly-P-Q_1.a");
  CHECK(q.stage_name() == "x");  // an empty name adds nothing
  auto& s = q.add<cdk::Stack>("S");
  CHECK(s.stack_name() == "x-S");
  CHECK(s.artifact_id() == "PQ1aS0B2C0FD2");
  auto& top = app.add<cdk::Stage>("Top", {.stage_name = ""});
  CHECK(top.add<cdk::Stack>("S").stack_name() == "S");
}

TEST_CASE("stack names from the ids below the stage: Default, Resource, repeats, long ids") {
  cdk::App app{cdk::AppProps{.outdir = kOutdir}};
  auto& g = app.add<cdk::Construct>("G");
  auto& d = g.add<cdk::Construct>("Default").add<cdk::Stack>("Default");
  CHECK(d.stack_name() == "G");
  CHECK(d.artifact_id() == "G");
  auto& p = app.add<cdk::Stage>("P", {.stage_name = "x"});
  auto& r = p.add<cdk::Construct>("Resource").add<cdk::Stack>("Api");
  CHECK(r.stack_name() == "x-ApiDD70361B");
  CHECK(r.artifact_id() == "PApi2B7879FF");
  auto& twice = p.add<cdk::Construct>("Api").add<cdk::Stack>("Api");
  CHECK(twice.stack_name() == "x-ApiF1A3B7F9");
  CHECK(twice.artifact_id() == "PApi518158D9");
  const std::string a100(100, 'A');
  auto& long_ids = p.add<cdk::Construct>(a100).add<cdk::Stack>(a100);
  // The second id repeats the first: it is left out of the readable part.
  CHECK(long_ids.stack_name() == "x-" + a100 + "3E007BE7");
  CHECK(long_ids.artifact_id() == "P" + a100 + "13D58164");
  // Over 120 readable characters: the middle is cut out (60 + 60), as CDK does.
  auto& ab = app.add<cdk::Construct>(std::string(100, 'a')).add<cdk::Stack>(std::string(100, 'b'));
  CHECK(ab.stack_name() == std::string(60, 'a') + std::string(60, 'b') + "A25F79C2");
  CHECK(ab.artifact_id() == ab.stack_name());
  auto& b120 = p.add<cdk::Stack>(std::string(120, 'B'));
  CHECK(b120.stack_name() == "x-" + std::string(120, 'B'));
  CHECK(b120.artifact_id() == "P" + std::string(119, 'B') + "861E9700");
  // The stage's prefix is not counted by the unique name: the name is too long.
  const auto e = thrown([&] { p.add<cdk::Stack>(std::string(127, 'C')); });
  CHECK(e.code() == cdk::errc::InvalidStackName);
  CHECK(e.path() == "P/" + std::string(127, 'C'));
}

TEST_CASE("a stage inside a stack still belongs to the app") {
  cdk::App app{cdk::AppProps{.outdir = kOutdir}};
  auto& host = app.add<cdk::Stack>("Host");
  auto& inner = host.add<cdk::Stage>("Inner");
  CHECK(cdk::Stage::of(inner) == &app);
  auto& s = inner.add<cdk::Stack>("S");
  CHECK(s.stack_name() == "Inner-S");
  CHECK(s.artifact_id() == "HostInnerS78CD267B");
  CHECK(&cdk::Stack::of(s) == &s);
  // A construct in the stage but outside any of its stacks is in no stack: the stage
  // stops the search, the outer stack is not its stack.
  auto& loose = inner.add<cdk::Construct>("Loose");
  const auto e = thrown([&] { cdk::Stack::of(loose); });
  CHECK(e.code() == cdk::errc::NoStack);
  CHECK(e.path() == "Host/Inner/Loose");
}

TEST_CASE("Stage::of finds the closest enclosing stage") {
  cdk::App app{cdk::AppProps{.outdir = kOutdir}};
  auto& prod = app.add<cdk::Stage>("Prod");
  auto& eu = prod.add<cdk::Stage>("Eu");
  auto& stack = eu.add<cdk::Stack>("S");
  auto& child = stack.add<cdk::Construct>("C");
  CHECK(cdk::Stage::of(child) == &eu);
  CHECK(cdk::Stage::of(stack) == &eu);
  CHECK(cdk::Stage::of(eu) == &prod);  // a stage's own Stage::of is its parent, as in CDK
  CHECK(cdk::Stage::of(prod) == &app);
  CHECK(cdk::Stage::of(app) == nullptr);
  CHECK(eu.parent_stage() == &prod);
  CHECK(app.parent_stage() == nullptr);
  cdk::RootConstruct root;
  CHECK(cdk::Stage::of(root.add<cdk::Construct>("X")) == nullptr);
}

TEST_CASE("a stage's environment is the default of its stacks, field by field") {
  cdk::App app{cdk::AppProps{.outdir = kOutdir}};
  auto& prod = app.add<cdk::Stage>("Prod", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& api = prod.add<cdk::Stack>("Api");
  CHECK(api.environment_string() == "aws://123456789012/eu-west-1");
  auto& us = prod.add<cdk::Stack>("Us", {.env = {.region = "us-east-1"}});
  CHECK(us.environment_string() == "aws://123456789012/us-east-1");
  auto& eu = prod.add<cdk::Stage>("Eu", {.env = {.region = "eu-central-1"}});
  CHECK(eu.environment().account == "123456789012");
  CHECK(eu.environment().region == "eu-central-1");
  CHECK(eu.add<cdk::Stack>("Web").environment_string() == "aws://123456789012/eu-central-1");
  auto& dev = app.add<cdk::Stage>("Dev");
  CHECK(dev.add<cdk::Stack>("Api").environment_string() == "aws://unknown-account/unknown-region");
  // An invalid account given to the stage is reported on its stacks.
  auto& bad = app.add<cdk::Stage>("Bad", {.env = {.account = "12"}});
  const auto e = thrown([&] { bad.add<cdk::Stack>("S"); });
  CHECK(e.code() == cdk::errc::InvalidEnvironment);
  CHECK(e.path() == "Bad/S");
}

TEST_CASE("stage errors") {
  cdk::App app{cdk::AppProps{.outdir = kOutdir}};
  SUBCASE("a stage name must start with a letter") {
    const auto e = thrown([&] { app.add<cdk::Stage>("1a"); });
    CHECK(e.code() == cdk::errc::InvalidStageName);
    CHECK(e.path() == "1a");
    CHECK(std::string{e.what()} ==
          "[cdk.stage.InvalidName] 1a: invalid stage name '1a': a stage name must start with a letter and hold only "
          "letters, digits, '-', '_' and '.'");
    CHECK(app.children().empty());
  }
  SUBCASE("and hold only letters, digits, '-', '_', '.'") {
    auto& p = app.add<cdk::Stage>("P");
    const auto e = thrown([&] { p.add<cdk::Stage>("a b"); });
    CHECK(e.code() == cdk::errc::InvalidStageName);
    CHECK(e.path() == "P/a b");
  }
  SUBCASE("a nested stage has no outdir of its own") {
    auto& p = app.add<cdk::Stage>("P");
    const auto e = thrown([&] { p.add<cdk::Stage>("N", {.outdir = "elsewhere"}); });
    CHECK(e.code() == cdk::errc::OutdirForNestedStage);
    CHECK(e.path() == "P/N");
    CHECK(std::string{e.what()} ==
          "[cdk.stage.OutdirForNestedStage] P/N: outdir cannot be set on a nested stage; it is written to its "
          "parent's outdir as assembly-P-N");
  }
  SUBCASE("a stage directly in the app is nested too") {
    const auto e = thrown([&] { app.add<cdk::Stage>("N", {.outdir = "elsewhere"}); });
    CHECK(e.code() == cdk::errc::OutdirForNestedStage);
    CHECK(e.path() == "N");
  }
}

TEST_CASE("a free-standing stage keeps its own outdir") {
  cdk::RootConstruct root;
  auto& stage = root.add<cdk::Stage>("S", {.outdir = "somewhere"});
  CHECK(stage.outdir() == "somewhere");
  CHECK(stage.parent_stage() == nullptr);
  CHECK(stage.stage_name() == "S");
  CHECK(stage.add<cdk::Stack>("A").stack_name() == "S-A");
}
