// A non-owning, nullable reference to a construct held in props: `.vpc = vpc` reads like
// CDK, while the construct stays owned by its parent in the tree.
#pragma once

#include <cstddef>
#include <type_traits>

namespace cdk {

/// Points at an object owned elsewhere (normally by the construct tree). Converts from a
/// reference or a pointer to T or to anything derived from T, so props fields of type
/// `Borrowed<const IVpc>` accept a `Vpc&`. Empty by default; test with `if (props.vpc)`.
template <class T>
class Borrowed {
 public:
  Borrowed() = default;
  Borrowed(std::nullptr_t) {}
  template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
  Borrowed(U& object) : ptr_{&object} {}
  template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
  Borrowed(U* object) : ptr_{object} {}

  explicit operator bool() const { return ptr_ != nullptr; }
  T* get() const { return ptr_; }
  T* operator->() const { return ptr_; }
  T& operator*() const { return *ptr_; }

  friend bool operator==(Borrowed a, Borrowed b) { return a.ptr_ == b.ptr_; }

 private:
  T* ptr_ = nullptr;
};

}  // namespace cdk
