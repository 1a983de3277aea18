// The generator's model of a resource type: C++ types for every property, nested
// structs in declaration order, and the constant shape tables used at synth.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace codegen {

using Json = nlohmann::json;

/// One field of a generated struct.
struct Field {
  std::string cfn_name;   // "CidrBlock"
  std::string cpp_name;   // "cidr_block"
  std::string cpp_type;   // "Str", "ListOf<TagProperty>", "Required<Str>"
  bool required = false;
  bool is_struct = false;  // a nested struct (rendered unless empty)
};

struct Struct {
  std::string name;  // "TagProperty" or "Props"
  std::vector<Field> fields;
};

/// One cdk::Shape, as the generator builds it.
struct ShapeData {
  std::string kind = "Any";  // a cdk::ShapeKind enumerator
  bool closed = false;
  unsigned item = 0, first = 0, count = 0;
  std::string pattern;  // empty = none
  long long min_length = -1, max_length = -1, min_items = -1, max_items = -1;
  bool has_minimum = false, has_maximum = false;
  double minimum = 0, maximum = 0;
};

struct ShapeFieldData {
  std::string name;
  unsigned shape;
  bool required;
};

/// The shapes of one service, shared by all its types.
struct ShapeTables {
  std::vector<ShapeData> shapes;
  std::vector<ShapeFieldData> fields;
  std::vector<unsigned> alternatives;
  std::vector<std::string> strings;  // enum values
};

struct Attribute {
  std::string name;       // "Endpoint.Address"
  std::string accessor;   // "attr_endpoint_address"
  std::string token_type; // "String", "Number", "List"
};

struct ResourceType {
  std::string type_name;    // AWS::EC2::VPC
  std::string name;         // VPC
  std::string class_name;   // CfnVPC
  std::string header;       // cdk/ec2/cfn_vpc.hpp
  std::string documentation_url;
  std::vector<Struct> structs;  // nested structs, dependencies first, then Props last
  std::vector<Attribute> attributes;
  std::vector<std::string> primary_identifier, create_only, write_only;
  std::string tag_property, tag_format;
  bool taggable = false, tag_on_create = false, tag_updatable = false;
  unsigned properties_shape = 0;
  bool has_required = false;
};

struct Service {
  std::string file_stem;   // aws_ec2
  std::string ns;          // ec2
  std::vector<ResourceType> types;
  ShapeTables tables;
};

/// Builds the model of every type in one service schema file.
Service build_service(const std::string& file_stem, const Json& schemas);

/// "EnableDnsHostnames" -> "enable_dns_hostnames", "IPv6CidrBlock" -> "ipv6_cidr_block".
std::string snake_case(const std::string& name);

/// `name` made a usable C++ identifier: a leading digit gets '_' in front, a keyword (or a
/// name that clashes with common macros) '_' behind. Shared with `cdkpp migrate`.
std::string identifier(std::string name);

/// A C++ string literal for `s`.
std::string cpp_string(const std::string& s);

}  // namespace codegen
