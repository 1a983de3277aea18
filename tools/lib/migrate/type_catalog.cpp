#include "migrate/type_catalog.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cdk/resource_type.hpp"

#ifndef CDKPP_SCHEMA_DIR
#define CDKPP_SCHEMA_DIR ""
#endif

namespace cdk::tools::migrate {

namespace {

// "AWS::EC2::VPC" -> "aws_ec2", the schema file (and generator service) of the type.
std::string file_stem(const std::string& type_name) {
  const auto first = type_name.find("::");
  const auto last = type_name.rfind("::");
  if (first == std::string::npos || last == first) return {};
  std::string stem = type_name.substr(0, first) + "_" + type_name.substr(first + 2, last - first - 2);
  std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) { return std::tolower(c); });
  return stem;
}

}  // namespace

TypeCatalog::TypeCatalog(std::string schema_dir) : schema_dir_{std::move(schema_dir)} {
  if (schema_dir_.empty()) {
    const char* env = std::getenv("CDKPP_SCHEMA_DIR");
    schema_dir_ = env && *env ? env : CDKPP_SCHEMA_DIR;
  }
}

const codegen::ResourceType* TypeCatalog::find(const std::string& type_name) {
  if (!find_resource_type(type_name)) return nullptr;
  const std::string stem = file_stem(type_name);
  if (stem.empty()) return nullptr;
  auto [it, inserted] = services_.try_emplace(stem);
  if (inserted) {
    const auto path = std::filesystem::path{schema_dir_} / (stem + ".json");
    std::ifstream in{path};
    if (in) {
      try {
        it->second = std::make_unique<codegen::Service>(codegen::build_service(stem, codegen::Json::parse(in)));
      } catch (const std::exception&) {
        it->second.reset();  // an unreadable schema: generic resources, still equivalent
      }
    }
  }
  if (!it->second) return nullptr;
  for (const auto& type : it->second->types)
    if (type.type_name == type_name) return &type;
  return nullptr;
}

std::string TypeCatalog::namespace_of(const std::string& type_name) {
  const std::string stem = file_stem(type_name);
  return stem.rfind("aws_", 0) == 0 ? stem.substr(4) : stem;
}

const codegen::Struct* find_struct(const codegen::ResourceType& type, const std::string& name) {
  for (const auto& s : type.structs)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace cdk::tools::migrate
