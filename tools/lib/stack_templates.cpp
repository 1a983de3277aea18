#include "stack_templates.hpp"

#include <filesystem>

#include "cdk/errors.hpp"
#include "template/parse.hpp"

namespace cdk::tools {

namespace fs = std::filesystem;

namespace {

const synth::Json* member(const synth::Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string string_member(const synth::Json& object, const char* key) {
  const auto* value = member(object, key);
  return value && value->is_string() ? value->get<std::string>() : std::string{};
}

void load_assembly(const fs::path& folder, std::vector<StackTemplate>& out) {
  const fs::path manifest_path = folder / "manifest.json";
  std::error_code ec;
  if (!fs::is_regular_file(manifest_path, ec))
    throw Error(errc::AssemblyInvalid, folder.string(), "not a cloud assembly: there is no manifest.json");
  const synth::Json manifest = template_io::load_document_file(manifest_path.string());
  const auto* artifacts = member(manifest, "artifacts");
  if (!member(manifest, "version") || (artifacts && !artifacts->is_object()))
    throw Error(errc::AssemblyInvalid, manifest_path.string(), "not a cloud assembly manifest: it needs \"version\" and \"artifacts\"");
  if (!artifacts) return;
  for (const auto& [id, artifact] : artifacts->items()) {
    const std::string type = string_member(artifact, "type");
    const auto* properties = member(artifact, "properties");
    if (type == "cdk:cloud-assembly") {
      const std::string directory = properties ? string_member(*properties, "directoryName") : std::string{};
      if (directory.empty())
        throw Error(errc::AssemblyInvalid, manifest_path.string(), "artifact '" + id + "' names no directoryName");
      load_assembly(folder / directory, out);
    } else if (type == "aws:cloudformation:stack") {
      const std::string file = properties ? string_member(*properties, "templateFile") : std::string{};
      if (file.empty())
        throw Error(errc::AssemblyInvalid, manifest_path.string(), "stack artifact '" + id + "' names no templateFile");
      StackTemplate stack;
      stack.artifact_id = id;
      stack.stack_name = properties ? string_member(*properties, "stackName") : std::string{};
      if (stack.stack_name.empty()) stack.stack_name = id;
      stack.display_name = string_member(artifact, "displayName");
      if (stack.display_name.empty()) stack.display_name = id;
      stack.template_path = (folder / file).string();
      stack.body = template_io::load_template_file(stack.template_path);
      out.push_back(std::move(stack));
    }
  }
}

}  // namespace

std::vector<StackTemplate> load_stacks(const std::string& path) {
  std::error_code ec;
  std::vector<StackTemplate> out;
  if (fs::is_directory(path, ec)) {
    load_assembly(path, out);
    return out;
  }
  StackTemplate stack;
  // "NewsBlogStack.template.json" is the stack NewsBlogStack.
  const std::string file_name = fs::path{path}.filename().string();
  stack.artifact_id = file_name.substr(0, file_name.find('.'));
  stack.stack_name = stack.artifact_id;
  stack.display_name = stack.artifact_id;
  stack.template_path = path;
  stack.body = template_io::load_template_file(path);
  out.push_back(std::move(stack));
  return out;
}

}  // namespace cdk::tools
