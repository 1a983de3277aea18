#include "cdk/cfn_element.hpp"

#include "cdk/logical_id.hpp"
#include "cdk/stack.hpp"

namespace cdk {

namespace {
// Path components from just below the stack down to `element`.
std::vector<std::string> components_below(const Construct& element, const Stack& stack) {
  std::vector<std::string> out;
  for (const Construct* node = &element; node && node != &stack; node = node->parent()) out.push_back(node->id());
  return {out.rbegin(), out.rend()};
}

// make_logical_id's error, at the element's path.
std::string allocate_logical_id(const Construct& element, const Stack& stack) {
  try {
    return make_logical_id(components_below(element, stack));
  } catch (const Error& e) {
    throw Error(e.code(), element.path(), e.diagnostic().message);
  }
}
}  // namespace

CfnElement::CfnElement(Construct& scope, std::string_view id)
    : Construct(scope, id), stack_{&Stack::of(scope)}, logical_id_{allocate_logical_id(*this, *stack_)} {
  add_trait(Trait::CfnElement);
}

void CfnElement::override_logical_id(std::string logical_id) { logical_id_ = std::move(logical_id); }

void CfnElement::validate_element(std::vector<Diagnostic>& out) const {
  if (!is_valid_logical_id(logical_id_))
    out.push_back({errc::InvalidLogicalId, path(),
                   "logical id '" + logical_id_ + "' must be 1 to 255 characters of [A-Za-z0-9]"});
}

}  // namespace cdk
