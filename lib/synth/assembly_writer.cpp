#include "synth/assembly_writer.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "assets/fingerprint.hpp"
#include "cdk/cfn_element.hpp"
#include "detail/digest.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stage.hpp"
#include "synth/template_builder.hpp"
#include "synth/value_json.hpp"

namespace cdk::synth {

namespace fs = std::filesystem;

namespace {

// Cloud assembly schema version. Any CLI since 2024 reads it (DESIGN.md: major <= 55).
constexpr const char* kSchemaVersion = "38.0.1";
constexpr int kBootstrapVersion = 6;
constexpr int kLookupRoleBootstrapVersion = 8;

// Replaces ${AWS::AccountId} and ${AWS::Region} with the stack's literal environment.
std::string with_environment(std::string text, const Stack& stack) {
  auto replace = [&](const std::string& placeholder, const std::optional<std::string>& literal) {
    if (!literal) return;
    for (auto pos = text.find(placeholder); pos != std::string::npos; pos = text.find(placeholder, pos))
      text.replace(pos, placeholder.size(), *literal);
  };
  replace("${AWS::AccountId}", stack.environment().account);
  replace("${AWS::Region}", stack.environment().region);
  return text;
}

std::string role_arn(const DefaultStackSynthesizer& s, const Stack& stack, const std::string& role) {
  return with_environment("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-" + s.qualifier + "-" + role +
                              "-${AWS::AccountId}-${AWS::Region}",
                          stack);
}

Json metadata_of(Stack& stack) {
  Json out = Json::object();
  // The stack's own constructs, pre-order: a nested stack or a stage (with everything
  // below it) has its own artifact.
  std::vector<Construct*> nodes;
  std::vector<Construct*> pending{&stack};
  while (!pending.empty()) {
    Construct* node = pending.back();
    pending.pop_back();
    if (node != &stack && (dynamic_cast<Stack*>(node) || dynamic_cast<Stage*>(node))) continue;
    nodes.push_back(node);
    for (auto it = node->children().rbegin(); it != node->children().rend(); ++it) pending.push_back(it->get());
  }
  // Reserved so that growing never deep-copies the entries.
  out.get_ref<Json::object_t&>().reserve(nodes.size());
  for (Construct* node : nodes) {
    Json entries = Json::array();
    for (const auto& m : node->metadata()) {
      Json data = literal_to_json(m.data);
      entries.push_back({{"type", m.type}, {"data", data}});
    }
    if (auto* element = dynamic_cast<CfnElement*>(node))
      entries.push_back({{"type", "aws:cdk:logicalId"}, {"data", element->logical_id()}});
    // Paths are unique (sibling ids are), so append instead of operator[]'s linear search.
    if (!entries.empty()) out.get_ref<Json::object_t&>().emplace_back("/" + node->path(), std::move(entries));
  }
  return out;
}

// tree.json is written as text while walking the tree, each node's path built from its
// parent's: a JSON tree of every construct (tens of thousands) would cost more than all
// the templates. The layout is nlohmann's dump(1), the same as the templates.
void append_string(std::string& out, std::string_view s) {
  // Ids and paths rarely need escaping; only those that do pay for nlohmann's serializer.
  const bool plain = std::none_of(s.begin(), s.end(), [](char c) {
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
  });
  if (plain) {
    out.push_back('"');
    out.append(s);
    out.push_back('"');
  } else {
    out += Json(s).dump();
  }
}

void append_tree_node(std::string& out, const Construct& node, const std::string& path, int depth) {
  const std::string inner(depth + 1, ' ');
  out += "{\n" + inner + "\"id\": ";
  append_string(out, node.parent() ? node.id() : "App");
  out += ",\n" + inner + "\"path\": ";
  append_string(out, path);
  if (auto* r = dynamic_cast<const CfnResource*>(&node)) {
    out += ",\n" + inner + "\"attributes\": {\n" + inner + " \"aws:cdk:cloudformation:type\": ";
    append_string(out, r->cfn_resource_type());
    out += "\n" + inner + "}";
  }
  if (!node.children().empty()) {
    out += ",\n" + inner + "\"children\": {\n";
    const auto& children = node.children();
    for (std::size_t i = 0; i < children.size(); ++i) {
      out += inner + " ";
      append_string(out, children[i]->id());
      out += ": ";
      append_tree_node(out, *children[i], path.empty() ? children[i]->id() : path + "/" + children[i]->id(), depth + 2);
      out += i + 1 < children.size() ? ",\n" : "\n";
    }
    out += inner + "}";
  }
  out += "\n" + std::string(depth, ' ') + "}";
}

std::string tree_json(const App& app) {
  std::string out = "{\n \"version\": \"tree-0.1\",\n \"tree\": ";
  append_tree_node(out, app, "", 1);
  return out + "\n}";
}

}  // namespace

void finish_stack(SynthesizedStack& stack) {
  stack.template_hash = sha256_hex(stack.template_body);
  stack.metadata = metadata_of(*stack.stack);
}

std::string sha256_hex(const std::string& data) { return detail::hex_digest(detail::DigestKind::Sha256, data); }

namespace {

// One assembly: the app's, or a stage's nested one in `folder` ("assembly-Prod/", below
// the app's outdir). Its manifest lists the nested assemblies of the stages directly in
// it first, then its stacks (deploy order), then the tree (the app's only), as CDK's.
struct AssemblyPlan {
  const Stage* stage = nullptr;
  std::string folder;
  int depth = 0;  // how many folders below the app's outdir (file assets are staged there)
  std::vector<const Stage*> nested;
  std::vector<SynthesizedStack*> stacks;
};

Json stack_artifact(SynthesizedStack& synthesized, const AssemblyPlan& plan, std::vector<AssemblyFile>& files,
                    Json& artifacts) {
  Stack* stack = synthesized.stack;
  const std::string id = stack->artifact_id();
  const std::string template_file = stack->template_file();
  const std::string& hash = synthesized.template_hash;
  files.emplace_back(plan.folder + template_file, std::move(synthesized.template_body));

  Json properties = Json::object();
  properties["templateFile"] = template_file;
  if (const auto stack_tags = stack->tags(); !stack_tags.empty()) {
    Json tags = Json::object();
    for (const auto& [key, value] : stack_tags) tags[key] = value;
    properties["tags"] = std::move(tags);
  }
  properties["terminationProtection"] = stack->termination_protection();
  // Stack dependencies first, then the asset manifest, as CDK lists them.
  Json dependencies = Json::array();
  for (const Stack* dependency : stack->stack_dependencies()) dependencies.push_back(dependency->artifact_id());
  if (const auto* s = std::get_if<DefaultStackSynthesizer>(&stack->synthesizer())) {
    const std::string assets_id = id + ".assets";
    const std::string ssm = "/cdk-bootstrap/" + s->qualifier + "/version";
    const std::string bucket = with_environment("cdk-" + s->qualifier + "-assets-${AWS::AccountId}-${AWS::Region}", *stack);
    const std::string destination = (stack->environment().account ? *stack->environment().account : "current_account") +
                                    std::string{"-"} +
                                    (stack->environment().region ? *stack->environment().region : "current_region");
    // Staged assets live in the app's outdir, shared by every nested assembly (CDK's
    // assetOutdir): a nested manifest reaches them through "../".
    std::string to_outdir;
    for (int i = 0; i < plan.depth; ++i) to_outdir += "../";
    auto file_entry = [&](const std::string& display_name, const std::string& path, const char* packaging,
                          const std::string& object_key) {
      Json entry = Json::object();
      if (!display_name.empty()) entry["displayName"] = display_name;
      entry["source"] = {{"path", path}, {"packaging", packaging}};
      Json target = {{"bucketName", bucket}, {"objectKey", object_key}};
      // A known region is written out, so that the CLI publishes there.
      if (stack->environment().region) target["region"] = *stack->environment().region;
      target["assumeRoleArn"] = role_arn(*s, *stack, "file-publishing-role");
      // CDK 2.2xx keys a destination by environment and the first 8 hex digits of the
      // SHA-256 of the destination's compact JSON.
      const std::string key = destination + "-" + sha256_hex(target.dump()).substr(0, 8);
      entry["destinations"] = {{key, std::move(target)}};
      return entry;
    };
    // The stack's file assets in the order they were added, then the template, as CDK.
    Json asset_files = Json::object();
    for (const auto& asset : stack->file_assets())
      asset_files[asset.hash] =
          file_entry(asset.display_name, to_outdir + asset.staged_name,
                     asset.packaging == FileAssetPackaging::ZipDirectory ? "zip" : "file", asset.object_key);
    asset_files[hash] = file_entry(stack->stack_name() + " Template", template_file, "file", hash + ".json");
    Json assets = {{"version", kSchemaVersion}, {"files", std::move(asset_files)}, {"dockerImages", Json::object()}};
    files.emplace_back(plan.folder + assets_id + ".json", assets.dump(2));
    artifacts[assets_id] = {{"type", "cdk:asset-manifest"},
                            {"properties",
                             {{"file", assets_id + ".json"},
                              {"requiresBootstrapStackVersion", kBootstrapVersion},
                              {"bootstrapStackVersionSsmParameter", ssm}}}};
    properties["validateOnSynth"] = false;
    properties["assumeRoleArn"] = role_arn(*s, *stack, "deploy-role");
    properties["cloudFormationExecutionRoleArn"] = role_arn(*s, *stack, "cfn-exec-role");
    properties["stackTemplateAssetObjectUrl"] = "s3://" + bucket + "/" + hash + ".json";
    properties["requiresBootstrapStackVersion"] = kBootstrapVersion;
    properties["bootstrapStackVersionSsmParameter"] = ssm;
    properties["additionalDependencies"] = Json::array({assets_id});
    properties["lookupRole"] = {{"arn", role_arn(*s, *stack, "lookup-role")},
                                {"requiresBootstrapStackVersion", kLookupRoleBootstrapVersion},
                                {"bootstrapStackVersionSsmParameter", ssm}};
    dependencies.push_back(assets_id);
  }
  // Last, as CDK writes it.
  if (stack->stack_name() != id) properties["stackName"] = stack->stack_name();
  Json artifact = {{"type", "aws:cloudformation:stack"},
                   {"environment", stack->environment_string()},
                   {"properties", std::move(properties)}};
  artifact.get_ref<Json::object_t&>().reserve(6);  // + dependencies, metadata, displayName
  if (!dependencies.empty()) artifact["dependencies"] = std::move(dependencies);
  if (!synthesized.metadata.empty()) artifact["metadata"] = std::move(synthesized.metadata);
  artifact["displayName"] = stack->path();
  return artifact;
}

// The assemblies of `app`: the app's first, then every stage's in tree order.
std::vector<AssemblyPlan> plan_assemblies(App& app, std::vector<SynthesizedStack>& stacks) {
  std::vector<AssemblyPlan> plans;
  auto plan_of = [&](const Stage* stage) -> AssemblyPlan& {
    for (auto& plan : plans)
      if (plan.stage == stage) return plan;
    throw std::logic_error("cdk: a stage outside the app");  // Stage::of stays in the tree
  };
  for (Construct* node : app.find_all()) {
    auto* stage = dynamic_cast<Stage*>(node);
    if (!stage) continue;
    AssemblyPlan plan{stage, "", 0, {}, {}};
    if (stage != &app) {
      AssemblyPlan& parent = plan_of(stage->parent_stage());
      parent.nested.push_back(stage);
      plan.folder = parent.folder + stage->artifact_id() + "/";
      plan.depth = parent.depth + 1;
    }
    plans.push_back(std::move(plan));
  }
  for (auto& s : stacks) plan_of(Stage::of(*s.stack)).stacks.push_back(&s);
  return plans;
}

}  // namespace

std::vector<AssemblyFile> assemble(App& app, std::vector<SynthesizedStack> stacks, bool tree_metadata) {
  std::vector<AssemblyFile> files;
  for (AssemblyPlan& plan : plan_assemblies(app, stacks)) {
    Json artifacts = Json::object();
    // Two artifacts per stack, the nested assemblies and the tree; reserved so growing
    // never deep-copies them.
    artifacts.get_ref<Json::object_t&>().reserve(2 * plan.stacks.size() + plan.nested.size() + 1);
    for (const Stage* nested : plan.nested)
      artifacts[nested->artifact_id()] = {
          {"type", "cdk:cloud-assembly"},
          {"properties", {{"directoryName", nested->artifact_id()}, {"displayName", nested->path()}}}};
    for (SynthesizedStack* synthesized : plan.stacks) {
      Json artifact = stack_artifact(*synthesized, plan, files, artifacts);
      artifacts[synthesized->stack->artifact_id()] = std::move(artifact);
    }
    const bool root = plan.stage == &app;
    if (root && tree_metadata) {
      files.emplace_back("tree.json", tree_json(app));
      artifacts["Tree"] = {{"type", "cdk:tree"}, {"properties", {{"file", "tree.json"}}}};
    }
    Json manifest = {{"version", kSchemaVersion}, {"artifacts", std::move(artifacts)}};
    if (root && !app.missing_context().empty()) {
      // CDK's top-level "missing": the CLI performs these lookups and synthesizes again.
      Json missing = Json::array();
      for (const auto& m : app.missing_context()) {
        missing.push_back({{"key", m.key}, {"provider", m.provider}, {"props", literal_to_json(Value{m.props})}});
      }
      manifest["missing"] = std::move(missing);
    }
    files.emplace_back(plan.folder + "manifest.json", manifest.dump(2));
  }
  return files;
}

namespace {
[[noreturn]] void fail(const std::string& outdir, const std::string& what, const std::error_code& ec) {
  throw Error(errc::OutputDirectory, "", "cannot write the cloud assembly to '" + outdir + "': " + what +
                                             (ec ? " (" + ec.message() + ")" : std::string{}));
}
}  // namespace

std::vector<AssemblyCopy> asset_copies(const std::vector<SynthesizedStack>& stacks) {
  std::vector<AssemblyCopy> out;
  for (const auto& s : stacks)
    for (const auto& asset : s.stack->file_assets()) {
      bool known = false;
      for (const auto& c : out) known = known || c.name == asset.staged_name;
      if (!known) out.push_back({asset.source_path, asset.staged_name});
    }
  return out;
}

void write_atomically(const std::string& outdir, const std::vector<AssemblyFile>& files,
                      const std::vector<AssemblyCopy>& copies) {
  std::error_code ec;
  // Absolute first, then normal: "." must become the folder itself, not "<cwd>/.".
  const fs::path out = fs::absolute(fs::path{outdir}, ec).lexically_normal();
  if (ec) fail(outdir, "invalid path", ec);
  const fs::path target = out.filename().empty() ? out.parent_path() : out;
  // The folder is replaced as a whole, which must not pull the working directory away.
  if (const fs::path cwd = fs::current_path(ec); !ec) {
    const fs::path inside = cwd.lexically_relative(target);
    if (!inside.empty() && inside.begin()->string() != "..")
      fail(outdir, "it is the current directory or contains it; synth replaces the whole folder", {});
  }
  const fs::path parent = target.parent_path();
  if (fs::exists(target, ec) && !fs::is_directory(target, ec)) fail(outdir, "it exists and is not a directory", {});
  fs::create_directories(parent, ec);
  if (ec) fail(outdir, "cannot create its parent directory", ec);

  const std::string suffix = "." + std::to_string(::getpid());
  const fs::path staging = parent / (target.filename().string() + ".staging" + suffix);
  fs::remove_all(staging, ec);
  fs::create_directory(staging, ec);
  if (ec) fail(outdir, "cannot create a staging directory next to it", ec);
  try {
    for (const auto& [name, contents] : files) {
      // Nested assemblies (stages) are folders of their own.
      if (name.find('/') != std::string::npos) {
        fs::create_directories((staging / name).parent_path(), ec);
        if (ec) fail(outdir, "cannot create the folder of " + name, ec);
      }
      std::ofstream file{staging / name, std::ios::binary};
      file.write(contents.data(), static_cast<std::streamsize>(contents.size()));
      file.close();
      if (!file) fail(outdir, "cannot write " + name, {});
    }
    for (const auto& copy : copies) {
      // Named by content hash: one staged by an earlier synth is the same and is carried over below.
      std::error_code missing;
      if (fs::exists(target / copy.name, missing)) continue;
      try {
        assets::copy_asset(copy.source, staging / copy.name);
      } catch (const std::exception& e) {
        fail(outdir, "cannot stage asset '" + copy.source + "' as " + copy.name + ": " + e.what(), {});
      }
    }
    if (!fs::exists(target)) {
      fs::rename(staging, target, ec);
      if (ec) fail(outdir, "cannot move the new assembly into place", ec);
      return;
    }
    // Carry over what the old folder holds and the new one does not (CLI lock files,
    // assets of other runs), then swap the two folders in one step.
    std::vector<fs::path> carried;
    for (const auto& entry : fs::directory_iterator(target)) {
      const fs::path destination = staging / entry.path().filename();
      if (fs::exists(destination)) continue;
      fs::rename(entry.path(), destination, ec);
      if (ec) break;
      carried.push_back(entry.path().filename());
    }
    if (!ec && ::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
      fs::remove_all(staging, ec);  // now the old assembly
      return;
    }
    const std::error_code swap_error = ec ? ec : std::error_code{errno, std::generic_category()};
    for (const auto& name : carried) fs::rename(staging / name, target / name, ec);
    fail(outdir, "cannot swap in the new assembly", swap_error);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    throw;
  }
}

}  // namespace cdk::synth
