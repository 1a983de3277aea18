// Typed classes for included resources (internal): the generator emits, for every
// resource type of the build, how to create its typed class and fill its props from a
// template's Properties (CDK's fromCloudFormation). Only CfnInclude uses it, so a program
// without CfnInclude does not link every typed class.
#pragma once

#include <string_view>

#include "cdk/cfn_resource.hpp"

namespace cdk::detail {

struct ResourceFactory {
  /// Adds the typed resource with empty props.
  CfnResource& (*create)(Construct& scope, std::string_view id);
  /// Sets the typed props from `properties`: each property that fits its typed field goes
  /// there, every other one (unknown name, a kind the field cannot hold as written) is
  /// set with set_property as written. References inside are already tokens.
  void (*set_properties)(CfnResource& resource, const Map& properties);
};

/// The factory of the typed class T (generated sources list one per type).
template <class T>
constexpr ResourceFactory factory_of() {
  return {
      [](Construct& scope, std::string_view id) -> CfnResource& {
        Map unfitted;
        return scope.add<T>(id, T::props_from_cloudformation({}, unfitted));
      },
      [](CfnResource& resource, const Map& properties) {
        Map unfitted;
        static_cast<T&>(resource).props() = T::props_from_cloudformation(properties, unfitted);
        for (auto& [name, value] : unfitted) resource.set_property(std::move(name), std::move(value));
      },
  };
}

/// The factory of a resource type, or nullptr when the build has no typed class for it.
const ResourceFactory* find_resource_factory(std::string_view type_name);

}  // namespace cdk::detail
