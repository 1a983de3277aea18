// The C++ shape of the typed resource classes, for `cdkpp migrate`: which class and
// header a resource type has, its props structs and fields. It is the generator's own
// model (codegen/model.cpp, built from the pinned schemas), so the names are exactly
// those of the generated headers; a type counts only when this build of the library
// compiled it in (find_resource_type), since only then does its header exist.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "model.hpp"

namespace cdk::tools::migrate {

class TypeCatalog {
 public:
  /// `schema_dir`: the folder of the pinned schemas (codegen/schemas); empty means the
  /// CDKPP_SCHEMA_DIR environment variable, else the source tree this tool was built from.
  explicit TypeCatalog(std::string schema_dir = {});

  /// The generated class of `type_name`, or nullptr (not in the schemas, its service not
  /// built into the library, or the schemas not found).
  const codegen::ResourceType* find(const std::string& type_name);
  /// The namespace of a type's class ("ec2" for AWS::EC2::VPC).
  std::string namespace_of(const std::string& type_name);

 private:
  std::string schema_dir_;
  std::map<std::string, std::unique_ptr<codegen::Service>> services_;  // by file stem; null = none
};

/// A struct of a type by name ("Props", "TagProperty"), or nullptr.
const codegen::Struct* find_struct(const codegen::ResourceType& type, const std::string& name);

}  // namespace cdk::tools::migrate
