#include "diagram/construct_paths.hpp"

#include <filesystem>

#include "cdk/errors.hpp"
#include "template/parse.hpp"

namespace cdk::tools::diagram {

namespace fs = std::filesystem;
using synth::Json;

namespace {

const Json* member(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// {"/Stack/Vpc/Resource": [{"type": "aws:cdk:logicalId", "data": "VpcXXXX"}, ...], ...}
void add_logical_ids(const Json& metadata, std::map<std::string, std::string, std::less<>>& paths) {
  if (!metadata.is_object()) return;
  for (const auto& [path, entries] : metadata.items()) {
    if (!entries.is_array()) continue;
    for (const auto& entry : entries) {
      const auto* type = member(entry, "type");
      const auto* data = member(entry, "data");
      if (!type || *type != "aws:cdk:logicalId" || !data || !data->is_string()) continue;
      const std::string& id = data->get_ref<const std::string&>();
      paths.try_emplace(id, path.rfind('/', 0) == 0 ? path.substr(1) : path);
    }
  }
}

// The manifest beside the template, when it lists this template as a stack's.
void add_from_manifest(const StackTemplate& stack, std::map<std::string, std::string, std::less<>>& paths) {
  std::error_code ec;
  const fs::path template_path{stack.template_path};
  const fs::path folder = template_path.parent_path();
  const fs::path manifest_path = folder / "manifest.json";
  if (!fs::is_regular_file(manifest_path, ec)) return;
  Json manifest;
  try {
    manifest = template_io::load_document_file(manifest_path.string());
  } catch (const Error&) {
    return;  // paths are a nicety: a diagram without them is still right
  }
  const auto* artifacts = member(manifest, "artifacts");
  if (!artifacts || !artifacts->is_object()) return;
  for (const auto& [id, artifact] : artifacts->items()) {
    const auto* properties = member(artifact, "properties");
    const auto* file = properties ? member(*properties, "templateFile") : nullptr;
    if (!file || *file != template_path.filename().string()) continue;
    if (const auto* metadata = member(artifact, "metadata")) add_logical_ids(*metadata, paths);
    if (const auto* extra = member(artifact, "additionalMetadataFile"); extra && extra->is_string()) {
      try {
        add_logical_ids(template_io::load_document_file((folder / extra->get<std::string>()).string()), paths);
      } catch (const Error&) {
      }
    }
    return;
  }
}

}  // namespace

std::map<std::string, std::string, std::less<>> construct_paths(const StackTemplate& stack) {
  std::map<std::string, std::string, std::less<>> paths;
  if (const auto* resources = member(stack.body, "Resources"); resources && resources->is_object()) {
    for (const auto& [id, resource] : resources->items()) {
      const auto* metadata = member(resource, "Metadata");
      const auto* path = metadata ? member(*metadata, "aws:cdk:path") : nullptr;
      if (path && path->is_string()) paths.emplace(id, path->get<std::string>());
    }
  }
  add_from_manifest(stack, paths);
  return paths;
}

}  // namespace cdk::tools::diagram
