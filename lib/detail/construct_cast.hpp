// dynamic_cast for the core construct classes, by their traits (Construct::Trait): synth
// asks "is this a stack / an element / a resource?" of every node of large trees.
#pragma once

#include <type_traits>

#include "cdk/cfn_element.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/construct.hpp"
#include "cdk/stack.hpp"
#include "cdk/stage.hpp"

namespace cdk::detail {

template <class T>
constexpr Construct::Trait trait_of() {
  using U = std::remove_const_t<T>;
  if constexpr (std::is_same_v<U, Stage>) return Construct::Trait::Stage;
  else if constexpr (std::is_same_v<U, Stack>) return Construct::Trait::Stack;
  else if constexpr (std::is_same_v<U, CfnElement>) return Construct::Trait::CfnElement;
  else if constexpr (std::is_same_v<U, CfnResource>) return Construct::Trait::CfnResource;
  else static_assert(std::is_same_v<U, Stage>, "construct_cast: T has no trait");
}

/// `node` as a T (Stage, Stack, CfnElement or CfnResource, const or not), or nullptr.
template <class T, class From>
T* construct_cast(From* node) {
  return node && node->has_trait(trait_of<T>()) ? static_cast<T*>(node) : nullptr;
}

}  // namespace cdk::detail
