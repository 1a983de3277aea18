// Writes a cloud assembly (manifest.json, templates, asset manifests, tree.json).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cdk/app.hpp"
#include "cdk/stack.hpp"
#include "synth/json.hpp"

namespace cdk::synth {

/// One file of the assembly: a name relative to the assembly folder and its contents.
using AssemblyFile = std::pair<std::string, std::string>;

struct SynthesizedStack {
  Stack* stack = nullptr;
  std::string template_body;  // rendered at once, so only one stack's JSON tree is alive
  std::string template_hash;  // SHA-256 of template_body
  Json metadata;              // the manifest's per-path metadata of the stack
};

/// Fills in a stack's hash and metadata; independent per stack, so synth does it on the
/// threads that built the templates.
void finish_stack(SynthesizedStack& stack);

/// A file asset copied into the assembly: the source (file or directory) and its name
/// in the assembly (asset.<hash>[.ext]).
struct AssemblyCopy {
  std::string source;
  std::string name;
};

/// The files of an assembly, in memory; `stacks` are in deploy order.
std::vector<AssemblyFile> assemble(App& app, std::vector<SynthesizedStack> stacks, bool tree_metadata);

/// The file assets of `stacks` to stage, each once.
std::vector<AssemblyCopy> asset_copies(const std::vector<SynthesizedStack>& stacks);

/// Replaces the folder `outdir` with `files` and `copies` in one atomic step (write a
/// sibling folder, then swap). Entries of the old folder that the new assembly does not
/// contain (lock files of the CLI, stale files) are carried over; an asset already staged
/// there (its name is its content hash) is reused instead of copied again. Throws Error
/// on I/O failure, leaving the old folder as it was.
void write_atomically(const std::string& outdir, const std::vector<AssemblyFile>& files,
                      const std::vector<AssemblyCopy>& copies = {});

/// Lower-case hex SHA-256 of `data` (OpenSSL).
std::string sha256_hex(const std::string& data);

}  // namespace cdk::synth
