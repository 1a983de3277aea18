// Writes a cloud assembly (manifest.json, templates, asset manifests, tree.json).
#pragma once

#include <string>
#include <vector>

#include "cdk/app.hpp"
#include "cdk/stack.hpp"
#include "synth/assembly_staging.hpp"
#include "synth/template_builder.hpp"

namespace cdk::synth {

struct SynthesizedStack {
  Stack* stack = nullptr;
  std::string template_hash;  // SHA-256 of the template as written
  std::string metadata;       // the manifest's per-path metadata of the stack, as text
  std::string tree_node;      // the stack's node in tree.json, or "" (tree_json walks it)
};

/// Writes a stack's template into `staging` (when given) and fills in its hash, metadata
/// and, with `tree_metadata`, its node of tree.json. Independent per stack, so synth does
/// it on the threads that build the templates, as soon as each is built.
void finish_stack(SynthesizedStack& stack, const TemplateText& text, AssemblyStaging* staging, bool tree_metadata);

/// tree.json: every construct of the app, with its path and CloudFormation type; the
/// nodes of `stacks` as finish_stack wrote them.
std::string tree_json(const App& app, const std::vector<SynthesizedStack>& stacks);

/// Writes the manifests and asset manifests into `staging`; `stacks` are in deploy order,
/// their templates written by finish_stack. With `tree_metadata`, the app's manifest
/// lists tree.json (tree_json's text, which the caller writes).
void write_manifests(App& app, std::vector<SynthesizedStack>& stacks, bool tree_metadata, AssemblyStaging& staging);

/// Lower-case hex SHA-256 of `data` (OpenSSL).
std::string sha256_hex(const std::string& data);

/// The file assets of `stacks` to stage, each once.
std::vector<AssemblyCopy> asset_copies(const std::vector<SynthesizedStack>& stacks);

}  // namespace cdk::synth
