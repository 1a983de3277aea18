// The cloud assembly App::synth writes: manifest.json, templates, asset manifests,
// tree.json; CDK_OUTDIR; determinism; atomic replacement and failure behaviour.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include <cdk/cdk.hpp>
#include <nlohmann/json.hpp>

#include "synth/assembly_writer.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A unique folder under the system's temporary directory, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> counter{0};
    path = fs::temp_directory_path() /
           ("cdkpp-assembly-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
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

void write_file(const fs::path& p, const std::string& contents) {
  std::ofstream out{p, std::ios::binary};
  out << contents;
}

json read_json(const fs::path& p) { return json::parse(read_file(p)); }

// Every regular file below `dir`, by relative path, with its contents.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) out[fs::relative(entry.path(), dir).string()] = read_file(entry.path());
  return out;
}

bool has_staging_leftovers(const fs::path& parent) {
  for (const auto& entry : fs::directory_iterator(parent))
    if (entry.path().filename().string().find(".staging.") != std::string::npos) return true;
  return false;
}

cdk::CfnResource& topic(cdk::Construct& scope, std::string_view id, cdk::Map properties = {}) {
  return scope.add<cdk::CfnResource>(id, {.type = "AWS::SNS::Topic", .properties = std::move(properties)});
}

// A small two-stack app.
void populate(cdk::App& app) {
  auto& producer = app.add<cdk::Stack>("Producer");
  auto& consumer = app.add<cdk::Stack>(
      "Consumer", {.env = {.account = "123456789012", .region = "eu-west-1"}, .synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& t = topic(producer, "Topic", {{"TopicName", "yes"}});
  producer.add<cdk::CfnOutput>("Name", {.value = t.get_att("TopicName"), .export_name = cdk::Value{"ProducerTopicName"}});
  topic(consumer, "Topic", {{"TopicName", cdk::Fn::import_value("ProducerTopicName")}});
  consumer.add_stack_dependency(producer);
}

// Runs `body` with std::cerr captured.
template <class F>
std::string capture_cerr(F&& body) {
  std::stringstream captured;
  auto* old = std::cerr.rdbuf(captured.rdbuf());
  try {
    body();
  } catch (...) {
    std::cerr.rdbuf(old);
    throw;
  }
  std::cerr.rdbuf(old);
  return captured.str();
}

// Sets an environment variable for the scope's lifetime.
struct EnvVar {
  std::string name;
  std::optional<std::string> saved;
  EnvVar(std::string n, const std::string& value) : name{std::move(n)} {
    if (const char* v = std::getenv(name.c_str())) saved = v;
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~EnvVar() {
    if (saved)
      ::setenv(name.c_str(), saved->c_str(), 1);
    else
      ::unsetenv(name.c_str());
  }
};

}  // namespace

TEST_SUITE("cloud assembly") {

TEST_CASE("manifest.json: version, one artifact per stack, template files") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "cdk.out"}};
  populate(app);
  const auto assembly = app.synth();
  const fs::path out = dir.path / "cdk.out";
  CHECK(assembly.directory == dir / "cdk.out");
  REQUIRE(assembly.stacks.size() == 2);
  CHECK(assembly.stacks[0].artifact_id == "Producer");
  CHECK(assembly.stacks[1].artifact_id == "Consumer");
  CHECK(assembly.stacks[1].environment == "aws://123456789012/eu-west-1");
  CHECK(assembly.stacks[0].template_file == "Producer.template.json");

  const json manifest = read_json(out / "manifest.json");
  const std::string version = manifest["version"];
  std::smatch m;
  REQUIRE(std::regex_match(version, m, std::regex{R"(^(\d+)\.(\d+)\.(\d+)$)"}));
  CHECK(std::stoi(m[1]) <= 55);

  const json& artifacts = manifest["artifacts"];
  const json& producer = artifacts["Producer"];
  CHECK(producer["type"] == "aws:cloudformation:stack");
  CHECK(producer["environment"] == "aws://unknown-account/unknown-region");
  CHECK(producer["properties"]["templateFile"] == "Producer.template.json");
  CHECK(producer["properties"]["terminationProtection"] == false);
  CHECK_FALSE(producer["properties"].contains("stackName"));
  CHECK_FALSE(producer["properties"].contains("tags"));
  CHECK(producer["displayName"] == "Producer");
  CHECK(producer["metadata"]["/Producer/Topic"] == json::parse(R"([{"type": "aws:cdk:logicalId", "data": "Topic"}])"));

  const json& consumer = artifacts["Consumer"];
  CHECK(consumer["type"] == "aws:cloudformation:stack");
  CHECK(consumer["environment"] == "aws://123456789012/eu-west-1");
  CHECK(consumer["properties"]["templateFile"] == "Consumer.template.json");
  CHECK(consumer["dependencies"] == json::array({"Producer"}));

  // The template files hold exactly what to_json() gives.
  for (auto* stack : app.stacks()) {
    CAPTURE(stack->artifact_id());
    CHECK(read_file(out / stack->template_file()) == stack->to_json());
  }
  CHECK_FALSE(has_staging_leftovers(dir.path));
}

TEST_CASE("a partly specified environment") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  topic(app.add<cdk::Stack>("A", {.env = {.account = "123456789012"}}), "T");
  topic(app.add<cdk::Stack>("B", {.env = {.region = "us-west-2"}}), "T");
  app.synth();
  const json manifest = read_json(dir.path / "out" / "manifest.json");
  CHECK(manifest["artifacts"]["A"]["environment"] == "aws://123456789012/unknown-region");
  CHECK(manifest["artifacts"]["B"]["environment"] == "aws://unknown-account/us-west-2");
}

TEST_CASE("stack properties: tags, termination protection, stack name") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  auto& stack = app.add<cdk::Stack>("S", {.stack_name = "my-stack-name",
                                          .synthesizer = cdk::LegacyStackSynthesizer{},
                                          .tags = {{"team", "core"}, {"env", "prod"}},
                                          .termination_protection = true});
  auto& same = app.add<cdk::Stack>("Same", {.stack_name = "Same", .synthesizer = cdk::LegacyStackSynthesizer{}});
  topic(stack, "T");
  topic(same, "T");
  const auto assembly = app.synth();
  CHECK(assembly.stacks[0].stack_name == "my-stack-name");
  const json props = read_json(dir.path / "out" / "manifest.json")["artifacts"]["S"]["properties"];
  CHECK(props["stackName"] == "my-stack-name");
  CHECK(props["terminationProtection"] == true);
  CHECK(props["tags"] == json::parse(R"({"team": "core", "env": "prod"})"));
  const auto ordered = nlohmann::ordered_json::parse(read_file(dir.path / "out" / "manifest.json"));
  // Sorted by key, as CDK's tag manager gives them.
  CHECK(ordered["artifacts"]["S"]["properties"]["tags"].dump() == R"({"env":"prod","team":"core"})");
  CHECK(props["templateFile"] == "S.template.json");
  const json same_props = read_json(dir.path / "out" / "manifest.json")["artifacts"]["Same"]["properties"];
  CHECK_FALSE(same_props.contains("stackName"));
}

TEST_CASE("dependencies between stacks") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  // Declared consumer first: deploy order still puts the producer first.
  auto& c = app.add<cdk::Stack>("C", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& b = app.add<cdk::Stack>("B", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& a = app.add<cdk::Stack>("A", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& ct = topic(c, "T");
  auto& bt = topic(b, "T");
  topic(a, "T");
  b.add_stack_dependency(a);
  ct.add_dependency(bt);  // a construct dependency across stacks is a stack dependency
  const auto assembly = app.synth();
  REQUIRE(assembly.stacks.size() == 3);
  CHECK(assembly.stacks[0].artifact_id == "A");
  CHECK(assembly.stacks[1].artifact_id == "B");
  CHECK(assembly.stacks[2].artifact_id == "C");
  const json artifacts = read_json(dir.path / "out" / "manifest.json")["artifacts"];
  CHECK(artifacts["B"]["dependencies"] == json::array({"A"}));
  CHECK(artifacts["C"]["dependencies"] == json::array({"B"}));
  CHECK_FALSE(artifacts["A"].contains("dependencies"));
  // A cross-stack construct dependency is not a DependsOn in the template.
  CHECK(read_file(dir.path / "out" / "C.template.json").find("DependsOn") == std::string::npos);
}

TEST_CASE("stack dependency cycles are errors") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  auto& a = app.add<cdk::Stack>("A", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& b = app.add<cdk::Stack>("B", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  topic(a, "T");
  topic(b, "T");
  SUBCASE("through add_stack_dependency") {
    a.add_stack_dependency(b);
    b.add_stack_dependency(a);
  }
  SUBCASE("through construct dependencies") {
    a.add_dependency(b);
    b.add_dependency(a);
  }
  try {
    app.synth();
    FAIL("synth should have failed");
  } catch (const cdk::SynthError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].code == cdk::errc::DependencyCycle);
    CHECK(e.diagnostics()[0].path == "B");
    CHECK(e.diagnostics()[0].message == "stacks depend on each other in a cycle: A -> B -> A");
  }
  CHECK_FALSE(fs::exists(dir.path / "out"));
}

TEST_CASE("a stack cannot depend on itself") {
  cdk::App app{cdk::AppProps{.outdir = "unused-assembly"}};
  auto& a = app.add<cdk::Stack>("A");
  try {
    a.add_stack_dependency(a);
    FAIL("add_stack_dependency should have thrown");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == cdk::errc::DependencyCycle);
    CHECK(e.path() == "A");
    CHECK(std::string{e.what()} == "[cdk.resource.DependencyCycle] A: a stack cannot depend on itself");
  }
}

TEST_CASE("DefaultStackSynthesizer: asset manifest and bootstrap properties") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  auto& agnostic = app.add<cdk::Stack>("Agnostic");
  auto& pinned = app.add<cdk::Stack>("Pinned", {.env = {.account = "123456789012", .region = "eu-west-1"},
                                                .synthesizer = cdk::DefaultStackSynthesizer{.qualifier = "custom123"}});
  topic(agnostic, "T");
  topic(pinned, "T");
  app.synth();
  const fs::path out = dir.path / "out";
  const json artifacts = read_json(out / "manifest.json")["artifacts"];

  // Template: BootstrapVersion parameter and CheckBootstrapVersion rule.
  const json tmpl = read_json(out / "Agnostic.template.json");
  CHECK(tmpl["Parameters"]["BootstrapVersion"]["Type"] == "AWS::SSM::Parameter::Value<String>");
  CHECK(tmpl["Parameters"]["BootstrapVersion"]["Default"] == "/cdk-bootstrap/hnb659fds/version");
  CHECK(tmpl["Rules"].contains("CheckBootstrapVersion"));
  CHECK(read_json(out / "Pinned.template.json")["Parameters"]["BootstrapVersion"]["Default"] ==
        "/cdk-bootstrap/custom123/version");

  const json& assets_artifact = artifacts["Agnostic.assets"];
  CHECK(assets_artifact["type"] == "cdk:asset-manifest");
  CHECK(assets_artifact["properties"]["file"] == "Agnostic.assets.json");
  CHECK(assets_artifact["properties"]["requiresBootstrapStackVersion"] == 6);
  CHECK(assets_artifact["properties"]["bootstrapStackVersionSsmParameter"] == "/cdk-bootstrap/hnb659fds/version");

  const json& stack = artifacts["Agnostic"];
  CHECK(stack["dependencies"] == json::array({"Agnostic.assets"}));
  const json& p = stack["properties"];
  CHECK(p["assumeRoleArn"] ==
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-deploy-role-${AWS::AccountId}-${AWS::Region}");
  CHECK(p["cloudFormationExecutionRoleArn"] ==
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-cfn-exec-role-${AWS::AccountId}-${AWS::Region}");
  CHECK(p["requiresBootstrapStackVersion"] == 6);
  CHECK(p["bootstrapStackVersionSsmParameter"] == "/cdk-bootstrap/hnb659fds/version");
  CHECK(p["additionalDependencies"] == json::array({"Agnostic.assets"}));
  CHECK(p["lookupRole"]["arn"] ==
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-lookup-role-${AWS::AccountId}-${AWS::Region}");

  // The asset manifest publishes the template file under its SHA-256.
  const std::string body = read_file(out / "Agnostic.template.json");
  CHECK(cdk::synth::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string hash = cdk::synth::sha256_hex(body);
  CHECK(p["stackTemplateAssetObjectUrl"] == "s3://cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/" + hash + ".json");
  const json assets = read_json(out / "Agnostic.assets.json");
  REQUIRE(assets["files"].contains(hash));
  const json& file = assets["files"][hash];
  CHECK(file["source"] == json::parse(R"({"path": "Agnostic.template.json", "packaging": "file"})"));
  // Keyed as CDK 2.2xx: environment, then 8 hex digits of the destination's SHA-256.
  REQUIRE(file["destinations"].size() == 1);
  const json& destination = file["destinations"].begin().value();
  // (of the JSON as written: key order matters, so read it in order)
  const auto ordered = nlohmann::ordered_json::parse(read_file(out / "Agnostic.assets.json"));
  CHECK(file["destinations"].begin().key() ==
        "current_account-current_region-" +
            cdk::synth::sha256_hex(ordered["files"][hash]["destinations"].begin().value().dump()).substr(0, 8));
  CHECK(destination["bucketName"] == "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}");
  CHECK(destination["objectKey"] == hash + ".json");
  CHECK(destination["assumeRoleArn"] ==
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-file-publishing-role-${AWS::AccountId}-${AWS::Region}");

  // A literal environment is written into the role ARNs, the bucket and the destination.
  const json& pinned_props = artifacts["Pinned"]["properties"];
  CHECK(pinned_props["assumeRoleArn"] ==
        "arn:${AWS::Partition}:iam::123456789012:role/cdk-custom123-deploy-role-123456789012-eu-west-1");
  const json pinned_assets = read_json(out / "Pinned.assets.json");
  const std::string pinned_hash = cdk::synth::sha256_hex(read_file(out / "Pinned.template.json"));
  const json& pinned_destinations = pinned_assets["files"][pinned_hash]["destinations"];
  CHECK(pinned_destinations.begin().key().rfind("123456789012-eu-west-1-", 0) == 0);
  CHECK(pinned_destinations.begin().value()["bucketName"] ==
        "cdk-custom123-assets-123456789012-eu-west-1");
}

TEST_CASE("LegacyStackSynthesizer: no asset manifest, no bootstrap properties") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  topic(app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}}), "T");
  app.synth();
  const fs::path out = dir.path / "out";
  const json artifacts = read_json(out / "manifest.json")["artifacts"];
  CHECK_FALSE(artifacts.contains("S.assets"));
  CHECK_FALSE(fs::exists(out / "S.assets.json"));
  const json& p = artifacts["S"]["properties"];
  for (const char* key : {"assumeRoleArn", "cloudFormationExecutionRoleArn", "stackTemplateAssetObjectUrl",
                          "requiresBootstrapStackVersion", "bootstrapStackVersionSsmParameter", "lookupRole"})
    CHECK_FALSE(p.contains(key));
  CHECK_FALSE(artifacts["S"].contains("dependencies"));
  const json tmpl = read_json(out / "S.template.json");
  CHECK_FALSE(tmpl.contains("Parameters"));
  CHECK_FALSE(tmpl.contains("Rules"));
  CHECK(tmpl == json::parse(R"({"Resources": {"T": {"Type": "AWS::SNS::Topic"}}})"));
}

TEST_CASE("tree.json") {
  TempDir dir;
  SUBCASE("written by default") {
    cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
    auto& stack = app.add<cdk::Stack>("S");
    auto& group = stack.add<cdk::Construct>("Group");
    topic(group, "Resource");
    app.synth();
    const json tree = read_json(dir.path / "out" / "tree.json");
    CHECK(tree["version"] == "tree-0.1");
    CHECK(tree["tree"]["id"] == "App");
    CHECK(tree["tree"]["path"] == "");
    const json& s = tree["tree"]["children"]["S"];
    CHECK(s["id"] == "S");
    CHECK(s["path"] == "S");
    const json& r = s["children"]["Group"]["children"]["Resource"];
    CHECK(r["path"] == "S/Group/Resource");
    CHECK(r["attributes"]["aws:cdk:cloudformation:type"] == "AWS::SNS::Topic");
    const json manifest = read_json(dir.path / "out" / "manifest.json");
    CHECK(manifest["artifacts"]["Tree"] == json::parse(R"({"type": "cdk:tree", "properties": {"file": "tree.json"}})"));
  }
  SUBCASE("not written when tree_metadata is off") {
    cdk::App app{cdk::AppProps{.outdir = dir / "out", .tree_metadata = false}};
    topic(app.add<cdk::Stack>("S"), "T");
    app.synth();
    CHECK_FALSE(fs::exists(dir.path / "out" / "tree.json"));
    CHECK_FALSE(read_json(dir.path / "out" / "manifest.json")["artifacts"].contains("Tree"));
  }
}

TEST_CASE("CDK_OUTDIR is honoured; an explicit outdir wins") {
  TempDir dir;
  EnvVar env{"CDK_OUTDIR", dir / "from-env"};
  SUBCASE("from the environment") {
    cdk::App app;
    CHECK(app.outdir() == dir / "from-env");
    topic(app.add<cdk::Stack>("S"), "T");
    app.synth();
    CHECK(fs::exists(dir.path / "from-env" / "manifest.json"));
  }
  SUBCASE("AppProps.outdir wins") {
    cdk::App app{cdk::AppProps{.outdir = dir / "explicit"}};
    CHECK(app.outdir() == dir / "explicit");
  }
  SUBCASE("--outdir on the command line wins") {
    std::string program = "app", flag = "--outdir", value = dir / "cli";
    char* argv[] = {program.data(), flag.data(), value.data(), nullptr};
    cdk::App app{3, argv};
    CHECK(app.outdir() == dir / "cli");
  }
  SUBCASE("an empty CDK_OUTDIR means the default") {
    EnvVar empty{"CDK_OUTDIR", ""};
    cdk::App app;
    CHECK(app.outdir() == "cdk.out");
  }
}

TEST_CASE("output is byte-identical across runs") {
  TempDir dir;
  auto run = [&](const std::string& outdir) {
    cdk::App app{cdk::AppProps{.outdir = outdir}};
    populate(app);
    app.synth();
    return snapshot(outdir);
  };
  const auto first = run(dir / "one");
  const auto second = run(dir / "two");
  CHECK(first.size() >= 5);  // manifest, tree, two templates, an asset manifest
  CHECK(first == second);
  const auto again = run(dir / "one");  // over an existing assembly
  CHECK(again == first);

  SUBCASE("synth twice on one app") {
    cdk::App app{cdk::AppProps{.outdir = dir / "three"}};
    populate(app);
    app.synth();
    const auto once = snapshot(dir / "three");
    app.synth();
    CHECK(snapshot(dir / "three") == once);
    CHECK(once == first);
  }
}

TEST_CASE("stacks built on several threads give the same assembly and errors as on one") {
  TempDir dir;
  auto run = [&](const std::string& outdir, bool parallel, bool broken) {
    cdk::App app{cdk::AppProps{.outdir = outdir, .parallel_synth = parallel}};
    for (int i = 0; i < 8; ++i) {
      auto& stack = app.add<cdk::Stack>("Stack" + std::to_string(i));
      auto& topic = stack.add<cdk::CfnResource>("Topic", {.type = "Custom::Topic"});
      stack.add<cdk::CfnOutput>("Arn", {.value = broken ? cdk::Fn::ref("Missing" + std::to_string(i)) : topic.ref()});
    }
    std::string errors;
    try {
      app.synth();
    } catch (const cdk::SynthError& e) {
      errors = e.what();
    }
    return std::make_pair(snapshot(outdir), errors);
  };
  const auto serial = run(dir / "serial", false, false);
  const auto parallel = run(dir / "parallel", true, false);
  CHECK(serial.first.size() >= 10);
  CHECK(serial == parallel);

  // Errors come in deploy order, whichever thread found them first.
  const auto serial_errors = run(dir / "serial-broken", false, true).second;
  CHECK(serial_errors.find("Stack0/Arn") < serial_errors.find("Stack7/Arn"));
  CHECK(run(dir / "parallel-broken", true, true).second == serial_errors);
}

TEST_CASE("a failed synth writes nothing and leaves an earlier assembly untouched") {
  TempDir dir;
  const std::string outdir = dir / "cdk.out";
  {
    cdk::App good{cdk::AppProps{.outdir = outdir}};
    populate(good);
    good.synth();
  }
  const auto before = snapshot(outdir);
  REQUIRE(before.count("manifest.json") == 1);
  const auto mtime = fs::last_write_time(fs::path{outdir} / "manifest.json");

  cdk::App bad{cdk::AppProps{.outdir = outdir}};
  auto& stack = bad.add<cdk::Stack>("Producer");
  topic(stack, "Topic", {{"TopicName", cdk::Fn::ref("Missing")}});
  topic(bad.add<cdk::Stack>("Other"), "T");
  CHECK_THROWS_AS(bad.synth(), cdk::SynthError);
  CHECK(snapshot(outdir) == before);
  CHECK(fs::last_write_time(fs::path{outdir} / "manifest.json") == mtime);
  CHECK_FALSE(fs::exists(fs::path{outdir} / "Other.template.json"));
  CHECK_FALSE(has_staging_leftovers(dir.path));

  SUBCASE("into a folder that does not exist yet: nothing is created") {
    cdk::App bad2{cdk::AppProps{.outdir = dir / "fresh"}};
    topic(bad2.add<cdk::Stack>("S"), "T", {{"TopicName", cdk::Fn::ref("Missing")}});
    CHECK_THROWS_AS(bad2.synth(), cdk::SynthError);
    CHECK_FALSE(fs::exists(dir.path / "fresh"));
    CHECK_FALSE(has_staging_leftovers(dir.path));
  }
}

TEST_CASE("files in the old folder that the new assembly does not produce survive") {
  TempDir dir;
  const fs::path out = dir.path / "cdk.out";
  {
    cdk::App app{cdk::AppProps{.outdir = out.string()}};
    populate(app);
    app.synth();
  }
  write_file(out / "read.1234.1.lock", "lock");
  fs::create_directories(out / "asset.abc");
  write_file(out / "asset.abc" / "index.js", "exports.x = 1;");
  write_file(out / "manifest.json", "stale");  // produced again: replaced

  cdk::App app{cdk::AppProps{.outdir = out.string()}};
  populate(app);
  app.synth();
  CHECK(read_file(out / "read.1234.1.lock") == "lock");
  CHECK(read_file(out / "asset.abc" / "index.js") == "exports.x = 1;");
  CHECK(read_json(out / "manifest.json")["artifacts"].contains("Producer"));
  CHECK_FALSE(has_staging_leftovers(dir.path));
}

TEST_CASE("a trailing slash on the outdir") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out/"}};
  topic(app.add<cdk::Stack>("S"), "T");
  app.synth();
  CHECK(fs::is_directory(dir.path / "out"));
  CHECK(fs::exists(dir.path / "out" / "manifest.json"));
  CHECK_FALSE(has_staging_leftovers(dir.path));
}

TEST_CASE("outdir paths are normalized; the working directory itself is refused") {
  TempDir dir;
  fs::create_directories(dir.path / "work" / "sub");
  write_file(dir.path / "work" / "keep.txt", "mine");
  const fs::path saved = fs::current_path();
  fs::current_path(dir.path / "work");
  auto synth_to = [](const std::string& outdir) {
    cdk::App app{cdk::AppProps{.outdir = outdir}};
    topic(app.add<cdk::Stack>("S"), "T");
    app.synth();
  };
  SUBCASE("dots inside the path") {
    synth_to("sub/./x/../out");
    CHECK(fs::exists(dir.path / "work" / "sub" / "out" / "manifest.json"));
    CHECK_FALSE(fs::exists(dir.path / "work" / "sub" / "x"));
  }
  for (const std::string outdir : {".", "./", "sub/..", "..", "../work"}) {
    CAPTURE(outdir);
    try {
      synth_to(outdir);
      FAIL("synth should have failed");
    } catch (const cdk::Error& e) {
      CHECK(e.code() == cdk::errc::OutputDirectory);
      CHECK(std::string{e.what()} == "[cdk.app.OutputDirectory] cannot write the cloud assembly to '" + outdir +
                                         "': it is the current directory or contains it; synth replaces the whole folder");
    }
  }
  CHECK(fs::current_path() == dir.path / "work");
  CHECK(read_file(dir.path / "work" / "keep.txt") == "mine");
  CHECK_FALSE(fs::exists(dir.path / "work" / "manifest.json"));
  CHECK_FALSE(has_staging_leftovers(dir.path));
  CHECK_FALSE(has_staging_leftovers(dir.path / "work"));
  fs::current_path(saved);
}

TEST_CASE("an outdir that is a file, or whose parent is a file, is an error") {
  TempDir dir;
  write_file(dir.path / "file", "not a folder");
  SUBCASE("outdir is a file") {
    cdk::App app{cdk::AppProps{.outdir = dir / "file"}};
    topic(app.add<cdk::Stack>("S"), "T");
    try {
      app.synth();
      FAIL("synth should have failed");
    } catch (const cdk::Error& e) {
      CHECK(e.code() == cdk::errc::OutputDirectory);
      CHECK(std::string{e.what()} ==
            "[cdk.app.OutputDirectory] cannot write the cloud assembly to '" + (dir / "file") + "': it exists and is not a directory");
    }
  }
  SUBCASE("the parent is a file") {
    cdk::App app{cdk::AppProps{.outdir = dir / "file/out"}};
    topic(app.add<cdk::Stack>("S"), "T");
    try {
      app.synth();
      FAIL("synth should have failed");
    } catch (const cdk::Error& e) {
      CHECK(e.code() == cdk::errc::OutputDirectory);
      CHECK(std::string{e.what()}.rfind("[cdk.app.OutputDirectory] cannot write the cloud assembly to '" + (dir / "file/out") + "': ", 0) == 0);
    }
  }
  CHECK(read_file(dir.path / "file") == "not a folder");
  CHECK_FALSE(has_staging_leftovers(dir.path));
}

TEST_CASE("synth_main: 0 and the assembly on success; 1 and every error on stderr otherwise") {
  TempDir dir;
  SUBCASE("success") {
    cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
    topic(app.add<cdk::Stack>("S"), "T");
    int rc = -1;
    const std::string err = capture_cerr([&] { rc = app.synth_main(); });
    CHECK(rc == 0);
    CHECK(err.find("error") == std::string::npos);
    CHECK(fs::exists(dir.path / "out" / "manifest.json"));
  }
  SUBCASE("failure") {
    cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
    auto& s = app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
    topic(s, "A", {{"TopicName", cdk::Fn::ref("Nope")}});
    s.add<cdk::CfnParameter>("P", {.type = "Bogus"});
    topic(app.add<cdk::Stack>("Empty", {.synthesizer = cdk::LegacyStackSynthesizer{}}), "X").override_logical_id("x-y");
    int rc = -1;
    const std::string err = capture_cerr([&] { rc = app.synth_main(); });
    CHECK(rc == 1);
    CAPTURE(err);
    CHECK(err.find("error: [cdk.resolve.UnknownTarget] S/A: Ref to 'Nope', which is not a parameter or resource of stack 'S'\n") !=
          std::string::npos);
    CHECK(err.find("error: [cdk.parameter.InvalidType] S/P: parameter type 'Bogus'") != std::string::npos);
    CHECK(err.find("error: [cdk.element.InvalidLogicalId] Empty/X: logical id 'x-y'") != std::string::npos);
    CHECK(err.find("3 error(s)") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path / "out"));
  }
  SUBCASE("an output directory problem") {
    write_file(dir.path / "file", "x");
    cdk::App app{cdk::AppProps{.outdir = dir / "file"}};
    topic(app.add<cdk::Stack>("S"), "T");
    int rc = -1;
    const std::string err = capture_cerr([&] { rc = app.synth_main(); });
    CHECK(rc == 1);
    CHECK(err.find("error: [cdk.app.OutputDirectory]") != std::string::npos);
  }
}

namespace {
// Records its destruction.
struct Probe : cdk::Construct {
  Probe(cdk::Construct& scope, std::string_view id, bool& destroyed) : Construct(scope, id), destroyed_{destroyed} {}
  ~Probe() override { destroyed_ = true; }
  bool& destroyed_;
};
}  // namespace

TEST_CASE("after synth_main the App leaves its constructs to the system; after synth it frees them") {
  TempDir dir;
  // Synthesizes an app holding a Probe, with synth_main() or synth(), and destroys it.
  auto probe_destroyed = [&](bool with_synth_main) {
    bool destroyed = false;
    {
      cdk::App app{cdk::AppProps{.outdir = dir / (with_synth_main ? "main" : "synth")}};
      auto& stack = app.add<cdk::Stack>("S");
      topic(stack, "T");
      new Probe(stack, "Probe", destroyed);  // owned by the stack from here
      if (with_synth_main) {
        int rc = -1;
        capture_cerr([&] { rc = app.synth_main(); });
        CHECK(rc == 0);
      } else {
        app.synth();
      }
    }
    return destroyed;
  };
  CHECK_FALSE(probe_destroyed(true));
  CHECK(probe_destroyed(false));
}

TEST_CASE("an app without stacks is an error") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir / "out"}};
  try {
    app.synth();
    FAIL("synth should have failed");
  } catch (const cdk::SynthError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].code == cdk::errc::NoStack);
    CHECK(e.diagnostics()[0].message == "the app has no stacks; add one with app.add<cdk::Stack>(id)");
  }
  CHECK_FALSE(fs::exists(dir.path / "out"));
}

}  // TEST_SUITE
