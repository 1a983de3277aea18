#include "synth/assembly_writer.hpp"

#include <stdexcept>
#include <unordered_map>

#include "cdk/cfn_element.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stage.hpp"
#include "detail/construct_cast.hpp"
#include "detail/digest.hpp"
#include "synth/json_text.hpp"
#include "synth/value_json.hpp"

namespace cdk::synth {

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

// The depth of an artifact's "metadata" value in manifest.json (the manifest, its
// artifacts, the artifact); finish_stack writes it as text at that depth.
constexpr int kMetadataDepth = 3;
constexpr int kManifestIndent = 2;

// The manifest's per-path metadata of a stack, as dump(2) writes it kMetadataDepth
// levels deep; "" when there is none. Written as text on the threads that build the
// templates: as a JSON tree (one entry per construct) it cost more than the templates.
std::string metadata_text(Stack& stack) {
  // The stack's own constructs, pre-order: a nested stack or a stage (with everything
  // below it) has its own artifact.
  std::vector<Construct*> nodes;
  std::vector<Construct*> pending{&stack};
  while (!pending.empty()) {
    Construct* node = pending.back();
    pending.pop_back();
    if (node != &stack && (Stack::is_stack(*node) || Stage::is_stage(*node))) continue;
    nodes.push_back(node);
    for (auto it = node->children().rbegin(); it != node->children().rend(); ++it) pending.push_back(it->get());
  }
  const auto margin = [](int depth) { return std::string(static_cast<std::size_t>(depth * kManifestIndent), ' '); };
  const std::string path_margin = margin(kMetadataDepth + 1), entry_margin = margin(kMetadataDepth + 2),
                    field_margin = margin(kMetadataDepth + 3);
  std::string out;
  auto append_entry = [&](bool first, std::string_view type, auto&& append_data) {
    out += first ? "\n" : ",\n";
    out += entry_margin;
    out += "{\n";
    out += field_margin;
    out += "\"type\": ";
    append_json_string(out, type);
    out += ",\n";
    out += field_margin;
    out += "\"data\": ";
    append_data();
    out += '\n';
    out += entry_margin;
    out += '}';
  };
  for (Construct* node : nodes) {
    auto* element = detail::construct_cast<CfnElement>(node);
    if (node->metadata().empty() && !element) continue;
    out += out.empty() ? "{\n" : ",\n";
    out += path_margin;
    std::string path = node->path();
    path.insert(path.begin(), '/');
    append_json_string(out, path);
    out += ": [";
    bool first = true;
    for (const auto& m : node->metadata()) {
      append_entry(first, m.type, [&] { append_json_at_depth(out, literal_to_json(m.data), kManifestIndent, kMetadataDepth + 3); });
      first = false;
    }
    if (element) append_entry(first, "aws:cdk:logicalId", [&] { append_json_string(out, element->logical_id()); });
    out += '\n';
    out += path_margin;
    out += ']';
  }
  if (!out.empty()) {
    out += '\n';
    out += margin(kMetadataDepth);
    out += '}';
  }
  return out;
}

// tree.json is written as text while walking the tree: a JSON tree of every construct
// (tens of thousands) would cost more than all the templates. The layout is nlohmann's
// dump(1), the same as the templates. The nodes of stacks are written by finish_stack on
// the threads that build the templates, and spliced in (`prebuilt`).
using PrebuiltNodes = std::unordered_map<const Construct*, const std::string*>;

void append_tree_node(std::string& out, const Construct& node, int depth, const PrebuiltNodes& prebuilt) {
  const auto indent = [&](int d) { out.append(static_cast<std::size_t>(d), ' '); };
  out += "{\n";
  indent(depth + 1);
  out += "\"id\": ";
  append_json_string(out, node.parent() ? node.id() : "App");
  out += ",\n";
  indent(depth + 1);
  out += "\"path\": ";
  append_json_string(out, node.path());
  if (auto* r = detail::construct_cast<const CfnResource>(&node)) {
    out += ",\n";
    indent(depth + 1);
    out += "\"attributes\": {\n";
    indent(depth + 2);
    out += "\"aws:cdk:cloudformation:type\": ";
    append_json_string(out, r->cfn_resource_type());
    out += "\n";
    indent(depth + 1);
    out += "}";
  }
  if (!node.children().empty()) {
    out += ",\n";
    indent(depth + 1);
    out += "\"children\": {\n";
    const auto& children = node.children();
    for (std::size_t i = 0; i < children.size(); ++i) {
      indent(depth + 2);
      append_json_string(out, children[i]->id());
      out += ": ";
      if (auto done = prebuilt.find(children[i].get()); done != prebuilt.end())
        out += *done->second;
      else
        append_tree_node(out, *children[i], depth + 2, prebuilt);
      out += i + 1 < children.size() ? ",\n" : "\n";
    }
    indent(depth + 1);
    out += "}";
  }
  out += "\n";
  indent(depth);
  out += "}";
}

// The tree.json node of `stack` and everything below it, as deep as it is in tree.json;
// "" when a stack or a stage is below it (building theirs may add to what is below).
std::string stack_tree_node(Stack& stack) {
  for (Construct* node : stack.find_all())
    if (node != &stack && (Stack::is_stack(*node) || Stage::is_stage(*node))) return "";
  int level = 0;
  for (const Construct* parent = stack.parent(); parent; parent = parent->parent()) ++level;
  std::string out;
  append_tree_node(out, stack, 1 + 2 * level, {});  // the app's node is at depth 1
  return out;
}

// The folder of the assembly `stage` has, relative to the app's: "" for the app,
// "assembly-Prod/" for a stage Prod, and so on down.
std::string assembly_folder(const Stage& stage) {
  if (!stage.parent_stage()) return "";
  return assembly_folder(*stage.parent_stage()) + stage.artifact_id() + "/";
}

}  // namespace

std::string sha256_hex(const std::string& data) { return detail::hex_digest(detail::DigestKind::Sha256, data); }

std::string tree_json(const App& app, const std::vector<SynthesizedStack>& stacks) {
  PrebuiltNodes prebuilt;
  std::size_t size = 256;
  for (const auto& s : stacks)
    if (!s.tree_node.empty()) {
      prebuilt.emplace(s.stack, &s.tree_node);
      size += s.tree_node.size();
    }
  std::string out;
  out.reserve(size + size / 8);
  out += "{\n \"version\": \"tree-0.1\",\n \"tree\": ";
  append_tree_node(out, app, 1, prebuilt);
  out += "\n}";
  return out;
}

void finish_stack(SynthesizedStack& stack, const TemplateText& text, AssemblyStaging* staging, bool tree_metadata) {
  detail::Digest digest{detail::DigestKind::Sha256};
  digest.update(text.head).update(text.resources).update(text.tail);
  stack.template_hash = digest.hex_final();
  if (staging)
    staging->write(assembly_folder(*Stage::of(*stack.stack)) + stack.stack->template_file(),
                   {text.head, text.resources, text.tail});
  stack.metadata = metadata_text(*stack.stack);
  if (tree_metadata) stack.tree_node = stack_tree_node(*stack.stack);
}

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

// An entry of a manifest's "artifacts": its body, then, for a stack, its metadata (text
// already, from finish_stack) and its display name, which come last.
struct Artifact {
  std::string id;
  Json body;
  const std::string* metadata = nullptr;
  const std::string* display_name = nullptr;
};

// manifest.json as dump(2) writes it, with the stacks' metadata spliced in.
std::string manifest_text(const std::vector<Artifact>& artifacts, const Json* missing) {
  std::size_t size = 256;
  for (const auto& artifact : artifacts) size += 1024 + (artifact.metadata ? artifact.metadata->size() : 0);
  std::string out;
  out.reserve(size);
  out += "{\n  \"version\": ";
  append_json_string(out, kSchemaVersion);
  out += ",\n  \"artifacts\": ";
  if (artifacts.empty()) out += "{}";
  for (std::size_t i = 0; i < artifacts.size(); ++i) {
    out += i == 0 ? "{\n    " : ",\n    ";
    append_json_string(out, artifacts[i].id);
    out += ": ";
    append_json_at_depth(out, artifacts[i].body, kManifestIndent, 2);
    if (artifacts[i].display_name) {
      constexpr std::string_view kClose = "\n    }";  // the body's, at depth 2
      out.resize(out.size() - kClose.size());
      if (!artifacts[i].metadata->empty()) {
        out += ",\n      \"metadata\": ";
        out += *artifacts[i].metadata;
      }
      out += ",\n      \"displayName\": ";
      append_json_string(out, *artifacts[i].display_name);
      out += kClose;
    }
  }
  if (!artifacts.empty()) out += "\n  }";
  if (missing) {
    out += ",\n  \"missing\": ";
    append_json_at_depth(out, *missing, kManifestIndent, 1);
  }
  out += "\n}";
  return out;
}

Artifact stack_artifact(SynthesizedStack& synthesized, const AssemblyPlan& plan, AssemblyStaging& staging,
                        std::vector<Artifact>& artifacts) {
  Stack* stack = synthesized.stack;
  const std::string id = stack->artifact_id();
  const std::string template_file = stack->template_file();
  const std::string& hash = synthesized.template_hash;

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
    staging.write(plan.folder + assets_id + ".json", {assets.dump(2)});
    artifacts.push_back({assets_id,
                         {{"type", "cdk:asset-manifest"},
                          {"properties",
                           {{"file", assets_id + ".json"},
                            {"requiresBootstrapStackVersion", kBootstrapVersion},
                            {"bootstrapStackVersionSsmParameter", ssm}}}}});
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
  if (!dependencies.empty()) artifact["dependencies"] = std::move(dependencies);
  // Then metadata (text already) and displayName, written after the body.
  return {id, std::move(artifact), &synthesized.metadata, &stack->path()};
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
    auto* stage = detail::construct_cast<Stage>(node);
    if (!stage) continue;
    AssemblyPlan plan{stage, assembly_folder(*stage), 0, {}, {}};
    if (stage != &app) {
      AssemblyPlan& parent = plan_of(stage->parent_stage());
      parent.nested.push_back(stage);
      plan.depth = parent.depth + 1;
    }
    plans.push_back(std::move(plan));
  }
  for (auto& s : stacks) plan_of(Stage::of(*s.stack)).stacks.push_back(&s);
  return plans;
}

}  // namespace

void write_manifests(App& app, std::vector<SynthesizedStack>& stacks, bool tree_metadata, AssemblyStaging& staging) {
  for (AssemblyPlan& plan : plan_assemblies(app, stacks)) {
    std::vector<Artifact> artifacts;
    for (const Stage* nested : plan.nested)
      artifacts.push_back({nested->artifact_id(),
                           {{"type", "cdk:cloud-assembly"},
                            {"properties", {{"directoryName", nested->artifact_id()}, {"displayName", nested->path()}}}}});
    for (SynthesizedStack* synthesized : plan.stacks) {
      Artifact artifact = stack_artifact(*synthesized, plan, staging, artifacts);
      artifacts.push_back(std::move(artifact));
    }
    const bool root = plan.stage == &app;
    if (root && tree_metadata)
      artifacts.push_back({"Tree", {{"type", "cdk:tree"}, {"properties", {{"file", "tree.json"}}}}});
    // CDK's top-level "missing": the CLI performs these lookups and synthesizes again.
    Json missing = Json::array();
    if (root)
      for (const auto& m : app.missing_context())
        missing.push_back({{"key", m.key}, {"provider", m.provider}, {"props", literal_to_json(Value{m.props})}});
    staging.write(plan.folder + "manifest.json", {manifest_text(artifacts, missing.empty() ? nullptr : &missing)});
  }
}

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

}  // namespace cdk::synth
