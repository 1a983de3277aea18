// Facts about a CloudFormation resource type, from the pinned registry schemas:
// attributes, what Ref returns, which properties force replacement, how it is tagged,
// and the shape its properties must have (checked at synth).
//
// The generated tables hold no pointers: strings are offsets into one character pool per
// service and nodes refer to each other by index, so they are read-only data that the
// loader neither relocates nor copies. Read them through the accessors below.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string_view>

namespace cdk {

class ShapeTable;

/// A string stored in a ShapeTable's character pool (ShapeTable::string resolves it).
struct PooledString {
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
};

/// `count` consecutive entries of a ShapeTable's string list, from `first`.
struct PooledStringList {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
};

/// A read-only list of strings from a ShapeTable: size(), operator[], and iteration
/// (std::find works), each element a std::string_view.
class StringList {
 public:
  class iterator {
   public:
    using iterator_concept = std::forward_iterator_tag;
    using iterator_category = std::input_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using reference = std::string_view;

    constexpr iterator() = default;
    constexpr iterator(std::string_view pool, const PooledString* at) : pool_{pool}, at_{at} {}
    constexpr std::string_view operator*() const { return pool_.substr(at_->offset, at_->size); }
    constexpr iterator& operator++() {
      ++at_;
      return *this;
    }
    constexpr iterator operator++(int) {
      iterator before = *this;
      ++at_;
      return before;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) { return a.at_ == b.at_; }

   private:
    std::string_view pool_;
    const PooledString* at_ = nullptr;
  };

  constexpr StringList() = default;
  constexpr StringList(std::string_view pool, std::span<const PooledString> items) : pool_{pool}, items_{items} {}

  constexpr std::size_t size() const { return items_.size(); }
  constexpr bool empty() const { return items_.empty(); }
  constexpr std::string_view operator[](std::size_t i) const { return pool_.substr(items_[i].offset, items_[i].size); }
  constexpr iterator begin() const { return {pool_, items_.data()}; }
  constexpr iterator end() const { return {pool_, items_.data() + items_.size()}; }

 private:
  std::string_view pool_;
  std::span<const PooledString> items_;
};

/// One node of a property schema. Nodes live in per-service tables (ShapeTable) and
/// refer to each other by index.
enum class ShapeKind : std::uint8_t { Any, String, Integer, Number, Boolean, Array, Object, Map, OneOf };

struct Shape {
  ShapeKind kind = ShapeKind::Any;
  bool closed = false;  // Object: properties outside its fields are errors
  std::uint32_t item = 0;  // Array / Map: the items' shape
  std::uint32_t first = 0;  // Object: first field; OneOf: first alternative; String, Integer, Number: first enum value
  std::uint32_t count = 0;
  PooledString pattern;  // String: a regular expression, empty when none (ShapeTable::pattern)
  std::int64_t min_length = -1, max_length = -1;  // strings; -1 = no limit
  std::int64_t min_items = -1, max_items = -1;    // arrays
  double minimum = 0, maximum = 0;
  bool has_minimum = false, has_maximum = false;
};

/// A property of an Object shape; its name is ShapeTable::name(field).
struct ShapeField {
  PooledString name;
  std::uint32_t shape = 0;
  bool required = false;
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

/// The facts of one resource type as the generated tables store them (strings in the
/// pool of the type's ShapeTable); ResourceTypeInfo reads them.
struct ResourceTypeData {
  PooledString type_name;
  PooledString documentation_url;
  PooledStringList attributes, primary_identifier, create_only_properties, write_only_properties;
  bool taggable = false, tag_on_create = false, tag_updatable = false;
  TaggingInfo::Format tag_format = TaggingInfo::Format::None;
  PooledString tag_property;
  std::uint32_t properties_shape = 0;
};

/// The shapes, strings and type facts of one service.
class ShapeTable {
 public:
  constexpr ShapeTable(std::string_view pool, std::span<const Shape> shapes, std::span<const ShapeField> fields,
                       std::span<const std::uint32_t> alternatives, std::span<const PooledString> strings,
                       std::span<const ResourceTypeData> types)
      : pool_{pool}, shapes_{shapes}, fields_{fields}, alternatives_{alternatives}, strings_{strings}, types_{types} {}

  constexpr std::string_view string(PooledString s) const { return pool_.substr(s.offset, s.size); }
  constexpr StringList strings(PooledStringList list) const { return {pool_, strings_.subspan(list.first, list.count)}; }

  constexpr std::span<const Shape> shapes() const { return shapes_; }
  constexpr const Shape& shape(std::uint32_t index) const { return shapes_[index]; }
  /// Object: its properties.
  constexpr std::span<const ShapeField> fields(const Shape& object) const { return fields_.subspan(object.first, object.count); }
  constexpr std::string_view name(const ShapeField& field) const { return string(field.name); }
  /// OneOf: the indices of its alternatives.
  constexpr std::span<const std::uint32_t> alternatives(const Shape& one_of) const {
    return alternatives_.subspan(one_of.first, one_of.count);
  }
  /// String, Integer, Number: the allowed values as written in the schema (empty: any).
  constexpr StringList enum_values(const Shape& shape) const { return strings({shape.first, shape.count}); }
  /// String: the regular expression (Java syntax, as the registry writes it), empty when none.
  constexpr std::string_view pattern(const Shape& shape) const { return string(shape.pattern); }

  constexpr const ResourceTypeData& type(std::uint32_t index) const { return types_[index]; }

 private:
  std::string_view pool_;
  std::span<const Shape> shapes_;
  std::span<const ShapeField> fields_;
  std::span<const std::uint32_t> alternatives_;
  std::span<const PooledString> strings_;
  std::span<const ResourceTypeData> types_;
};

/// The facts of one resource type (`Cfn<Name>::type_info()`, find_resource_type). One
/// object per type, with a stable address.
class ResourceTypeInfo {
 public:
  constexpr ResourceTypeInfo(const ShapeTable& table, std::uint32_t index) : table_{&table}, index_{index} {}

  /// "AWS::EC2::VPC"
  constexpr std::string_view type_name() const { return table_->string(data().type_name); }
  constexpr std::string_view documentation_url() const { return table_->string(data().documentation_url); }
  /// Attributes Fn::GetAtt accepts ("PublicDnsName", "Endpoint.Address").
  constexpr StringList attributes() const { return table_->strings(data().attributes); }
  /// What Ref returns (the primary identifier's properties).
  constexpr StringList primary_identifier() const { return table_->strings(data().primary_identifier); }
  /// Properties whose change replaces the resource.
  constexpr StringList create_only_properties() const { return table_->strings(data().create_only_properties); }
  constexpr StringList write_only_properties() const { return table_->strings(data().write_only_properties); }
  constexpr TaggingInfo tagging() const {
    const auto& d = data();
    return {d.taggable, d.tag_on_create, d.tag_updatable, table_->string(d.tag_property), d.tag_format};
  }
  /// The shapes of the type's service, and the shape of its Properties in it.
  constexpr const ShapeTable& table() const { return *table_; }
  constexpr std::uint32_t properties_shape() const { return data().properties_shape; }

 private:
  constexpr const ResourceTypeData& data() const { return table_->type(index_); }

  const ShapeTable* table_;
  std::uint32_t index_;
};

/// The facts of a resource type, or nullptr when the type is not in the pinned schemas
/// (or its service was left out of the build with CDKPP_SERVICES).
const ResourceTypeInfo* find_resource_type(std::string_view type_name);

/// Every resource type built into this library, sorted by name.
std::span<const ResourceTypeInfo* const> all_resource_types();

}  // namespace cdk
