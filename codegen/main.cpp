// cdkpp_codegen: generates the typed resource classes (L1) from the pinned schemas.
//
//   cdkpp_codegen --schemas <dir> --out <dir> [--services aws_ec2,aws_s3] [--types AWS::EC2::VPC,...]
//                 [--tests <dir>]
//
// --types keeps only the named types (the committed goldens in codegen/golden are made so).
// Writes <out>/include/cdk/<service>/cfn_<type>.hpp, cfn.hpp and cfn_fwd.hpp per service,
// <out>/src/<service>.cpp (classes) and <service>_schema.cpp (type facts, shapes) per
// service, <out>/src/registry.cpp, <out>/src/factories.cpp (CfnInclude's typed classes), and with --tests one instantiation test per service. Files whose contents did not change are not rewritten, so a rebuild
// after a generator change recompiles only what changed.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "emit.hpp"

namespace fs = std::filesystem;

namespace {

void write_if_changed(const fs::path& path, const std::string& contents) {
  std::ifstream in{path, std::ios::binary};
  if (in) {
    std::ostringstream existing;
    existing << in.rdbuf();
    if (existing.str() == contents) return;
  }
  fs::create_directories(path.parent_path());
  std::ofstream out{path, std::ios::binary};
  out << contents;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::set<std::string> split(const std::string& list) {
  std::set<std::string> out;
  std::stringstream s{list};
  for (std::string item; std::getline(s, item, ',');)
    if (!item.empty()) out.insert(item);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path schemas, out, tests;
  std::string services_arg = "all";
  std::string types_arg;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--schemas") schemas = argv[i + 1];
    else if (flag == "--out") out = argv[i + 1];
    else if (flag == "--services") services_arg = argv[i + 1];
    else if (flag == "--tests") tests = argv[i + 1];
    else if (flag == "--types") types_arg = argv[i + 1];
    else {
      std::cerr << "cdkpp_codegen: unknown option " << flag << "\n";
      return 2;
    }
  }
  if (schemas.empty() || out.empty()) {
    std::cerr << "usage: cdkpp_codegen --schemas <dir> --out <dir> [--services a,b|all] [--tests <dir>]\n";
    return 2;
  }
  try {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(schemas))
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    const auto wanted = split(services_arg);
    const auto wanted_types = split(types_arg);
    std::vector<codegen::RegistryService> registry;
    std::size_t type_count = 0;
    for (const auto& file : files) {
      const std::string stem = file.stem().string();
      if (!wanted.count("all") && !wanted.count(stem)) continue;
      std::ifstream in{file};
      auto schemas = codegen::Json::parse(in);
      if (!wanted_types.empty()) {
        for (auto it = schemas.begin(); it != schemas.end();)
          it = wanted_types.count(it.key()) ? std::next(it) : schemas.erase(it);
        if (schemas.empty()) continue;
      }
      const auto service = codegen::build_service(stem, schemas);
      for (const auto& type : service.types)
        write_if_changed(out / "include" / type.header, codegen::emit_type_header(service, type));
      write_if_changed(out / "include" / "cdk" / service.ns / "cfn.hpp", codegen::emit_service_header(service));
      write_if_changed(out / "include" / "cdk" / service.ns / "cfn_fwd.hpp", codegen::emit_forward_header(service));
      write_if_changed(out / "src" / (stem + ".cpp"), codegen::emit_service_source(service));
      write_if_changed(out / "src" / (stem + "_schema.cpp"), codegen::emit_schema_source(service));
      if (!tests.empty()) write_if_changed(tests / ("instantiate_" + stem + ".cpp"), codegen::emit_instantiation_test(service));
      auto& entry = registry.emplace_back(codegen::RegistryService{stem, {}});
      for (const auto& type : service.types) entry.type_names.push_back(type.type_name);
      type_count += service.types.size();
    }
    write_if_changed(out / "src" / "registry.cpp", codegen::emit_registry(registry));
    write_if_changed(out / "src" / "factories.cpp", codegen::emit_factories(registry));
    std::cout << "cdkpp_codegen: " << type_count << " resource types in " << registry.size() << " services\n";
  } catch (const std::exception& e) {
    std::cerr << "cdkpp_codegen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
