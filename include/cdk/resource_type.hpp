// Facts about a CloudFormation resource type, from the pinned registry schemas:
// attributes, what Ref returns, which properties force replacement, how it is tagged,
// and the shape its properties must have (checked at synth).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace cdk {

/// One node of a property schema. Nodes live in per-service tables (ShapeTable) and
/// point at each other by index, so the whole schema is constant data.
enum class ShapeKind : std::uint8_t { Any, String, Integer, Number, Boolean, Array, Object, Map, OneOf };

struct Shape {
  ShapeKind kind = ShapeKind::Any;
  bool closed = false;  // Object: properties outside `fields` are errors
  std::uint32_t item = 0;  // Array / Map: the items' shape
  std::uint32_t first = 0;  // Object: first field; OneOf: first alternative; String, Integer, Number: first enum value
  std::uint32_t count = 0;
  const char* pattern = nullptr;
  std::int64_t min_length = -1, max_length = -1;  // strings; -1 = no limit
  std::int64_t min_items = -1, max_items = -1;    // arrays
  double minimum = 0, maximum = 0;
  bool has_minimum = false, has_maximum = false;
};

struct ShapeField {
  const char* name;
  std::uint32_t shape;
  bool required;
};

/// The shapes of one service.
struct ShapeTable {
  std::span<const Shape> shapes;
  std::span<const ShapeField> fields;         // Object fields
  std::span<const std::uint32_t> alternatives;  // OneOf members
  std::span<const char* const> strings;       // enum values
};

struct TaggingInfo {
  bool taggable = false;
  bool tag_on_create = false;
  bool tag_updatable = false;
  /// The property that holds tags ("Tags"), empty when not taggable.
  std::string_view tag_property;
  /// How tags are written: a list of {Key, Value}, a map, or the auto scaling form
  /// with PropagateAtLaunch.
  enum class Format : std::uint8_t { None, KeyValueList, Map, AutoScaling } format = Format::None;
};

struct ResourceTypeInfo {
  std::string_view type_name;  // "AWS::EC2::VPC"
  std::string_view documentation_url;
  /// Attributes Fn::GetAtt accepts ("PublicDnsName", "Endpoint.Address").
  std::span<const std::string_view> attributes;
  /// What Ref returns (the primary identifier's properties).
  std::span<const std::string_view> primary_identifier;
  /// Properties whose change replaces the resource.
  std::span<const std::string_view> create_only_properties;
  std::span<const std::string_view> write_only_properties;
  TaggingInfo tagging;
  const ShapeTable* table = nullptr;
  std::uint32_t properties_shape = 0;
};

/// The facts of a resource type, or nullptr when the type is not in the pinned schemas
/// (or its service was left out of the build with CDKPP_SERVICES).
const ResourceTypeInfo* find_resource_type(std::string_view type_name);

/// Every resource type built into this library, sorted by name.
std::span<const ResourceTypeInfo* const> all_resource_types();

}  // namespace cdk
