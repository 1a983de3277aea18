// Rendering a resource's tag property through its TagManager (lib only).
#pragma once

#include <string>
#include <string_view>

#include "cdk/tags.hpp"

namespace cdk::detail {

/// The tag property's new value: `given` (the props' tags as rendered) merged with the
/// manager's operations; null when no tag is left. Throws cdk.tags.InvalidTagProperty when
/// `given` is a token.
Value render_tag_property(const TagManager& manager, const Value& given, const std::string& path);

/// `properties` (a resource's rendered Properties) with `property` replaced by
/// render_tag_property, or inserted in name order.
Value merge_tags_into(const TagManager& manager, Value properties, std::string_view property, const std::string& path);

}  // namespace cdk::detail
