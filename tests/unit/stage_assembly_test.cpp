// Synth of stages: the nested cloud assemblies (manifest artifacts of type
// cdk:cloud-assembly, assembly-<id>/ folders with their own manifest, templates and asset
// manifests), deploy order per assembly, and the stage rules of stack dependencies.
// Expected values were measured with aws-cdk-lib 2.276 for the same programs.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <cdk/cdk.hpp>
#include <nlohmann/json.hpp>

#include "error_support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> counter{0};
    path = fs::temp_directory_path() / ("cdkpp-stage-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::string read_file(const fs::path& p) {
  std::ifstream in{p, std::ios::binary};
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

json read_json(const fs::path& p) { return json::parse(read_file(p)); }

// The keys of the object at `pointer` in the file, in the file's order (json sorts them).
std::vector<std::string> keys(const fs::path& file, const std::string& pointer = "/artifacts") {
  const auto ordered = nlohmann::ordered_json::parse(read_file(file));
  std::vector<std::string> out;
  for (const auto& [key, value] : ordered.at(nlohmann::ordered_json::json_pointer{pointer}).items()) out.push_back(key);
  return out;
}

cdk::CfnResource& handle(cdk::Construct& scope, std::string_view id = "H") {
  return scope.add<cdk::CfnResource>(id, {.type = "AWS::CloudFormation::WaitConditionHandle"});
}

cdk::Stack& stack(cdk::Construct& scope, std::string_view id, cdk::StackProps props = {}) {
  auto& s = scope.add<cdk::Stack>(id, std::move(props));
  handle(s);
  return s;
}

const cdk::StackProps kLegacy{.synthesizer = cdk::LegacyStackSynthesizer{}};

using unit_test::thrown;

}  // namespace

TEST_SUITE("stages") {

TEST_CASE("nested assemblies: artifacts, folders, manifests") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  stack(app, "Net");
  auto& prod = app.add<cdk::Stage>("Prod", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& api = stack(prod, "Api");
  auto& inner = stack(prod.add<cdk::Construct>("Group"), "Inner", {.env = {.region = "us-east-1"}});
  inner.add_stack_dependency(api);
  auto& eu = prod.add<cdk::Stage>("Eu", {.stage_name = "Europe"});
  stack(eu, "Web");
  stack(eu, "Named", {.stack_name = "my-named"});
  auto& dev = app.add<cdk::Stage>("Dev");
  stack(dev, "Api");
  app.synth();
  const fs::path out = dir.path / "out";

  // The app's manifest: the stages' assemblies first, then its own stacks, then the tree.
  const json root = read_json(out / "manifest.json");
  CHECK(keys(out / "manifest.json") == std::vector<std::string>{"assembly-Prod", "assembly-Dev", "Net.assets", "Net", "Tree"});
  CHECK(root["artifacts"]["assembly-Prod"] == json::parse(R"({"type": "cdk:cloud-assembly",
      "properties": {"directoryName": "assembly-Prod", "displayName": "Prod"}})"));
  CHECK(root["artifacts"]["assembly-Dev"] == json::parse(R"({"type": "cdk:cloud-assembly",
      "properties": {"directoryName": "assembly-Dev", "displayName": "Dev"}})"));
  CHECK(root["version"] == read_json(out / "assembly-Prod" / "manifest.json")["version"]);
  CHECK(fs::exists(out / "tree.json"));

  // The stage's own manifest, with its nested stage's assembly and its stacks.
  const json prod_manifest = read_json(out / "assembly-Prod" / "manifest.json");
  const json& artifacts = prod_manifest["artifacts"];
  CHECK(keys(out / "assembly-Prod" / "manifest.json") == std::vector<std::string>{"assembly-Prod-Eu", "ProdApi2466CF1F.assets", "ProdApi2466CF1F",
                                                    "ProdGroupInner2304E324.assets", "ProdGroupInner2304E324"});
  CHECK(artifacts["assembly-Prod-Eu"]["properties"] == json::parse(R"({"directoryName": "assembly-Prod-Eu", "displayName": "Prod/Eu"})"));
  const json& api_artifact = artifacts["ProdApi2466CF1F"];
  CHECK(api_artifact["type"] == "aws:cloudformation:stack");
  CHECK(api_artifact["environment"] == "aws://123456789012/eu-west-1");
  CHECK(api_artifact["displayName"] == "Prod/Api");
  CHECK(api_artifact["properties"]["templateFile"] == "ProdApi2466CF1F.template.json");
  CHECK(api_artifact["properties"]["stackName"] == "Prod-Api");
  CHECK(keys(out / "assembly-Prod" / "manifest.json", "/artifacts/ProdApi2466CF1F/properties").back() == "stackName");  // last, as CDK writes it
  CHECK(api_artifact["properties"]["assumeRoleArn"] ==
        "arn:${AWS::Partition}:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-eu-west-1");
  CHECK(api_artifact["dependencies"] == json::array({"ProdApi2466CF1F.assets"}));
  CHECK(artifacts["ProdApi2466CF1F.assets"]["properties"]["file"] == "ProdApi2466CF1F.assets.json");
  const json& inner_artifact = artifacts["ProdGroupInner2304E324"];
  CHECK(inner_artifact["environment"] == "aws://123456789012/us-east-1");
  CHECK(inner_artifact["properties"]["stackName"] == "Prod-GroupInner92CB7A4B");
  // Stack dependencies first, then the asset manifest.
  CHECK(inner_artifact["dependencies"] == json::array({"ProdApi2466CF1F", "ProdGroupInner2304E324.assets"}));
  CHECK(fs::exists(out / "assembly-Prod" / "ProdApi2466CF1F.template.json"));
  CHECK(fs::exists(out / "assembly-Prod" / "ProdApi2466CF1F.assets.json"));
  CHECK_FALSE(fs::exists(out / "assembly-Prod" / "tree.json"));  // the app's only
  CHECK_FALSE(fs::exists(out / "ProdApi2466CF1F.template.json"));

  // A stage in a stage: a folder in its parent's folder.
  const fs::path eu_dir = out / "assembly-Prod" / "assembly-Prod-Eu";
  const json eu_manifest = read_json(eu_dir / "manifest.json");
  CHECK(keys(eu_dir / "manifest.json") == std::vector<std::string>{"ProdEuWebDAB33A8F.assets", "ProdEuWebDAB33A8F",
                                                                   "ProdEuNamedC7C81C40.assets", "ProdEuNamedC7C81C40"});
  CHECK(eu_manifest["artifacts"]["ProdEuWebDAB33A8F"]["properties"]["stackName"] == "Prod-Europe-Web");
  CHECK(eu_manifest["artifacts"]["ProdEuWebDAB33A8F"]["displayName"] == "Prod/Eu/Web");
  CHECK(eu_manifest["artifacts"]["ProdEuNamedC7C81C40"]["properties"]["stackName"] == "my-named");
  CHECK(fs::exists(eu_dir / "ProdEuWebDAB33A8F.template.json"));
  const json web_assets = read_json(eu_dir / "ProdEuWebDAB33A8F.assets.json");
  for (const auto& [hash, entry] : web_assets["files"].items()) {
    CHECK(entry["displayName"] == "Prod-Europe-Web Template");
    CHECK(entry["source"]["path"] == "ProdEuWebDAB33A8F.template.json");
    for (const auto& [key, destination] : entry["destinations"].items()) {
      CHECK(key.rfind("123456789012-eu-west-1-", 0) == 0);
      CHECK(destination["region"] == "eu-west-1");
      CHECK(destination["bucketName"] == "cdk-hnb659fds-assets-123456789012-eu-west-1");
    }
  }

  const json dev_manifest = read_json(out / "assembly-Dev" / "manifest.json");
  CHECK(dev_manifest["artifacts"]["DevApi52A53550"]["environment"] == "aws://unknown-account/unknown-region");
  CHECK(dev_manifest["artifacts"]["DevApi52A53550"]["properties"]["stackName"] == "Dev-Api");
}

TEST_CASE("the CloudAssembly synth returns describes every assembly") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  auto& prod = app.add<cdk::Stage>("Prod");
  // Declared before the stack it depends on: deploy order puts the dependency first.
  auto& web = stack(prod, "Web", kLegacy);
  auto& db = stack(prod, "Db", kLegacy);
  web.add_stack_dependency(db);
  auto& eu = prod.add<cdk::Stage>("Eu");
  stack(eu, "Api", kLegacy);
  stack(app, "Top", kLegacy);
  const auto assembly = app.synth();
  CHECK(assembly.directory == dir / "out");
  CHECK(assembly.artifact_id.empty());
  REQUIRE(assembly.stacks.size() == 1);
  CHECK(assembly.stacks[0].display_name == "Top");
  REQUIRE(assembly.nested.size() == 1);
  const auto& p = assembly.nested[0];
  CHECK(p.artifact_id == "assembly-Prod");
  CHECK(p.display_name == "Prod");
  CHECK(p.directory == dir / "out" + "/assembly-Prod");
  REQUIRE(p.stacks.size() == 2);
  CHECK(p.stacks[0].stack_name == "Prod-Db");
  CHECK(p.stacks[1].stack_name == "Prod-Web");
  CHECK(p.stacks[1].artifact_id == "ProdWebF45B1510");
  CHECK(p.stacks[1].template_file == "ProdWebF45B1510.template.json");
  REQUIRE(p.nested.size() == 1);
  CHECK(p.nested[0].directory == dir / "out" + "/assembly-Prod/assembly-Prod-Eu");
  CHECK(p.nested[0].stacks.at(0).display_name == "Prod/Eu/Api");
  std::vector<std::string> all;
  for (const auto& s : assembly.all_stacks()) all.push_back(s.display_name);
  CHECK(all == std::vector<std::string>{"Top", "Prod/Db", "Prod/Web", "Prod/Eu/Api"});
  // The manifest lists the stage's stacks in deploy order, with the dependency.
  const json manifest = read_json(dir.path / "out" / "assembly-Prod" / "manifest.json");
  CHECK(keys(dir.path / "out" / "assembly-Prod" / "manifest.json") == std::vector<std::string>{"assembly-Prod-Eu", "ProdDb194869D6", "ProdWebF45B1510"});
  CHECK(manifest["artifacts"]["ProdWebF45B1510"]["dependencies"] == json::array({"ProdDb194869D6"}));
  // Each stack's template is written once, in its stage's folder.
  CHECK(read_file(dir.path / "out" / "assembly-Prod" / "ProdWebF45B1510.template.json") == web.to_json());
}

TEST_CASE("a stage without stacks has an empty assembly; an app of stages needs no stack of its own") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out", .tree_metadata = false}};
  app.add<cdk::Stage>("Empty");
  stack(app.add<cdk::Stage>("Prod"), "Api", kLegacy);
  app.synth();
  const json root = read_json(dir.path / "out" / "manifest.json");
  CHECK(keys(dir.path / "out" / "manifest.json") == std::vector<std::string>{"assembly-Empty", "assembly-Prod"});
  const json empty = read_json(dir.path / "out" / "assembly-Empty" / "manifest.json");
  CHECK(empty["artifacts"] == json::object());
}

TEST_CASE("an app whose stages hold no stack is still an app without stacks") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  app.add<cdk::Stage>("Empty");
  try {
    app.synth();
    FAIL("synth should have failed");
  } catch (const cdk::SynthError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].code == cdk::errc::NoStack);
  }
}

TEST_CASE("file assets of stacks in stages are staged once in the app's outdir") {
  TempDir dir;
  fs::create_directories(dir.path / "site");
  std::ofstream{dir.path / "site" / "index.html"} << "hello\n";
  std::ofstream{dir.path / "file.txt"} << "data\n";
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  auto& prod = app.add<cdk::Stage>("Prod", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& api = stack(prod, "Api");
  api.add_file_asset({.source_path = dir / "site", .packaging = cdk::FileAssetPackaging::ZipDirectory, .display_name = "Site"});
  api.add_file_asset({.source_path = dir / "file.txt", .display_name = "File"});
  auto& web = stack(prod.add<cdk::Stage>("Eu"), "Web");
  web.add_file_asset({.source_path = dir / "site", .packaging = cdk::FileAssetPackaging::ZipDirectory, .display_name = "Site"});
  app.synth();
  const fs::path out = dir.path / "out";
  const std::string site = "380e07d9bf0e2810f93a05aab866c1b2032c6a814bb9c6f9e34461522a15b39f";
  const std::string file = "f10e94cbef1f0467f9a8537f5f7477926ed880cf0108f1df7c08242ea51b74ca";
  CHECK(fs::is_directory(out / ("asset." + site)));
  CHECK(fs::exists(out / ("asset." + file + ".txt")));
  CHECK_FALSE(fs::exists(out / "assembly-Prod" / ("asset." + site)));
  // The asset manifests reach them from their folder, as CDK's (entries equal to CDK's).
  const json api_assets = read_json(out / "assembly-Prod" / "ProdApi2466CF1F.assets.json");
  CHECK(api_assets["files"][site] == json::parse(R"({
      "displayName": "Site",
      "source": {"path": "../asset.380e07d9bf0e2810f93a05aab866c1b2032c6a814bb9c6f9e34461522a15b39f", "packaging": "zip"},
      "destinations": {"123456789012-eu-west-1-54ced48b": {
          "bucketName": "cdk-hnb659fds-assets-123456789012-eu-west-1",
          "objectKey": "380e07d9bf0e2810f93a05aab866c1b2032c6a814bb9c6f9e34461522a15b39f.zip",
          "region": "eu-west-1",
          "assumeRoleArn": "arn:${AWS::Partition}:iam::123456789012:role/cdk-hnb659fds-file-publishing-role-123456789012-eu-west-1"}}})"));
  CHECK(api_assets["files"][file]["source"]["path"] == "../asset." + file + ".txt");
  CHECK(api_assets["files"][file]["destinations"].contains("123456789012-eu-west-1-bbfc9b56"));
  const json web_assets = read_json(out / "assembly-Prod" / "assembly-Prod-Eu" / "ProdEuWebDAB33A8F.assets.json");
  CHECK(web_assets["files"][site]["source"]["path"] == "../../asset." + site);
}

TEST_CASE("synth again replaces the nested assemblies") {
  TempDir dir;
  {
    cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
    stack(app.add<cdk::Stage>("Prod"), "Api", kLegacy);
    app.synth();
  }
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  stack(app.add<cdk::Stage>("Prod"), "Web", kLegacy);
  app.synth();
  const fs::path prod = dir.path / "out" / "assembly-Prod";
  CHECK(fs::exists(prod / "ProdWebF45B1510.template.json"));
  CHECK_FALSE(fs::exists(prod / "ProdApi2466CF1F.template.json"));
  CHECK(keys(prod / "manifest.json") == std::vector<std::string>{"ProdWebF45B1510"});
}

TEST_CASE("a failed synth writes no nested assembly") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  auto& prod = app.add<cdk::Stage>("Prod");
  stack(prod, "Api", kLegacy);
  prod.add<cdk::Stack>("Empty", kLegacy);  // no resources
  CHECK_THROWS_AS(app.synth(), cdk::SynthError);
  CHECK_FALSE(fs::exists(dir.path / "out"));
}

TEST_CASE("a stack dependency cannot cross a stage boundary") {
  cdk::App app{cdk::AppProps{.outdir = "unused-stage-assembly"}};
  auto& net = stack(app, "Net");
  auto& prod = app.add<cdk::Stage>("Prod");
  auto& api = stack(prod, "Api");
  auto& web = stack(prod.add<cdk::Stage>("Eu"), "Web");
  SUBCASE("from a stage to the app") {
    const auto e = thrown([&] { api.add_stack_dependency(net); });
    CHECK(e.code() == cdk::errc::CrossStageDependency);
    CHECK(e.path() == "Prod/Api");
    CHECK(std::string{e.what()} ==
          "[cdk.stage.CrossStageDependency] Prod/Api: a dependency from 'Prod/Api' (in Stage 'Prod') to 'Net' (in "
          "the App) cannot cross stage boundaries");
  }
  SUBCASE("from the app to a stage") {
    const auto e = thrown([&] { net.add_stack_dependency(api); });
    CHECK(e.code() == cdk::errc::CrossStageDependency);
    CHECK(e.path() == "Net");
    CHECK(e.diagnostic().message ==
          "a dependency from 'Net' (in the App) to 'Prod/Api' (in Stage 'Prod') cannot cross stage boundaries");
  }
  SUBCASE("from a nested stage to its parent") {
    const auto e = thrown([&] { web.add_stack_dependency(api); });
    CHECK(e.code() == cdk::errc::CrossStageDependency);
    CHECK(e.path() == "Prod/Eu/Web");
    CHECK(e.diagnostic().message ==
          "a dependency from 'Prod/Eu/Web' (in Stage 'Prod/Eu') to 'Prod/Api' (in Stage 'Prod') cannot cross stage "
          "boundaries");
  }
  CHECK(api.stack_dependencies().empty());
  CHECK(net.stack_dependencies().empty());
  CHECK(web.stack_dependencies().empty());
}

TEST_CASE("a construct dependency across stages is a synth error at the construct") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  auto& prod = app.add<cdk::Stage>("Prod");
  auto& api = stack(prod, "Api", kLegacy);
  auto& web = stack(prod.add<cdk::Stage>("Eu"), "Web", kLegacy);
  web.children().front()->add_dependency(api);
  try {
    app.synth();
    FAIL("synth should have failed");
  } catch (const cdk::SynthError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].code == cdk::errc::CrossStageDependency);
    CHECK(e.diagnostics()[0].path == "Prod/Eu/Web/H");
    CHECK(e.diagnostics()[0].message ==
          "a dependency from 'Prod/Eu/Web/H' (in Stage 'Prod/Eu') to 'Prod/Api' (in Stage 'Prod') cannot cross stage "
          "boundaries");
  }
  CHECK_FALSE(fs::exists(dir.path / "out"));
}

TEST_CASE("a construct cannot depend on the stack it is in, nor on a stage above it") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  auto& prod = app.add<cdk::Stage>("Prod");
  auto& t = stack(prod, "T", kLegacy);
  auto& r = *t.children().front();
  cdk::Diagnostic expected;
  SUBCASE("its stack") {
    r.add_dependency(t);
    expected = {cdk::errc::DependencyOnParent, "Prod/T/H", "'Prod/T/H' cannot depend on its parent stack 'Prod/T', which contains it"};
  }
  SUBCASE("its stage") {
    t.add_dependency(prod);
    expected = {cdk::errc::DependencyOnParent, "Prod/T", "'Prod/T' cannot depend on its parent stage 'Prod', which contains it"};
  }
  SUBCASE("the app") {
    auto& top = stack(app, "Top", kLegacy);
    top.children().front()->add_dependency(app);
    expected = {cdk::errc::DependencyOnParent, "Top/H", "'Top/H' cannot depend on its parent the App, which contains it"};
  }
  try {
    app.synth();
    FAIL("synth should have failed");
  } catch (const cdk::SynthError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].code == expected.code);
    CHECK(e.diagnostics()[0].path == expected.path);
    CHECK(e.diagnostics()[0].message == expected.message);
  }
}

TEST_CASE("allowed dependencies: a stack in a stack on the outer one, a construct on its parent construct") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  auto& t = stack(app, "T", kLegacy);
  auto& s = stack(t, "S", kLegacy);
  s.add_dependency(t);  // S is no part of T's template: a plain stack dependency
  auto& group = t.add<cdk::Construct>("Group");
  handle(group, "G");
  handle(group.add<cdk::Construct>("Inner"), "I").add_dependency(group);
  app.synth();
  const json manifest = read_json(dir.path / "out" / "manifest.json");
  CHECK(manifest["artifacts"]["TSB8FF28C0"]["dependencies"] == json::array({"T"}));
  const json tt = read_json(dir.path / "out" / "T.template.json");
  CHECK(tt["Resources"]["GroupInnerI5429EF3C"]["DependsOn"] == json::array({"GroupG681665B8"}));
}

TEST_CASE("dependencies inside a stage: construct dependencies, cycles naming every stack") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  auto& prod = app.add<cdk::Stage>("Prod");
  auto& a = stack(prod, "A", kLegacy);
  auto& b = stack(prod, "B", kLegacy);
  auto& c = stack(prod, "C", kLegacy);
  SUBCASE("a construct dependency between stacks of a stage") {
    a.children().front()->add_dependency(*b.children().front());
    app.synth();
    const json manifest = read_json(dir.path / "out" / "assembly-Prod" / "manifest.json");
    CHECK(manifest["artifacts"]["ProdA299A9AA1"]["dependencies"] == json::array({"ProdBF3C4D0C3"}));
    CHECK(keys(dir.path / "out" / "assembly-Prod" / "manifest.json") == std::vector<std::string>{"ProdBF3C4D0C3", "ProdA299A9AA1", "ProdCC4715756"});
  }
  SUBCASE("a cycle of three stacks") {
    a.add_stack_dependency(b);
    b.add_stack_dependency(c);
    c.add_stack_dependency(a);
    try {
      app.synth();
      FAIL("synth should have failed");
    } catch (const cdk::SynthError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(e.diagnostics()[0].code == cdk::errc::DependencyCycle);
      CHECK(e.diagnostics()[0].path == "Prod/C");
      CHECK(e.diagnostics()[0].message == "stacks depend on each other in a cycle: Prod-A -> Prod-B -> Prod-C -> Prod-A");
    }
    CHECK_FALSE(fs::exists(dir.path / "out"));
  }
}

TEST_CASE("a stage inside a stack: its stacks are in its assembly, not in the stack's template or metadata") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  auto& host = stack(app, "Host");
  auto& inner = host.add<cdk::Stage>("Inner");
  auto& s = stack(inner, "S");
  // A construct of the stage outside its stacks, with a dependency: it is in no stack.
  inner.add<cdk::Construct>("Loose").add_dependency(s);
  app.synth();
  const fs::path out = dir.path / "out";
  CHECK(keys(out / "manifest.json") == std::vector<std::string>{"assembly-Host-Inner", "Host.assets", "Host", "Tree"});
  const json root = read_json(out / "manifest.json");
  CHECK(root["artifacts"]["assembly-Host-Inner"]["properties"]["displayName"] == "Host/Inner");
  CHECK(keys(out / "manifest.json", "/artifacts/Host/metadata") == std::vector<std::string>{"/Host/H"});
  const json nested = read_json(out / "assembly-Host-Inner" / "manifest.json");
  CHECK(nested["artifacts"]["HostInnerS78CD267B"]["properties"]["stackName"] == "Inner-S");
  CHECK(nested["artifacts"]["HostInnerS78CD267B"]["metadata"].contains("/Host/Inner/S/H"));
  CHECK(json::parse(host.to_json())["Resources"].size() == 1);
}

TEST_CASE("templates of stacks in stages: to_json and the assertions") {
  cdk::App app{cdk::AppProps{.outdir = "unused-stage-assembly"}};
  auto& api = stack(app.add<cdk::Stage>("Prod", {.env = {.account = "123456789012", .region = "eu-west-1"}}), "Api");
  CHECK(api.region().as_string() == "eu-west-1");
  CHECK(api.account().as_string() == "123456789012");
  const json t = json::parse(api.to_json());
  CHECK(t["Resources"]["H"]["Type"] == "AWS::CloudFormation::WaitConditionHandle");
}

}  // TEST_SUITE
