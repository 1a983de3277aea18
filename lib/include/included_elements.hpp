// Elements as CfnInclude creates them (internal): what the typed props of a parameter or
// output cannot hold as written (AllowedValues of numbers, MaxLength written as a
// string, ...) is written back as it was.
#pragma once

#include "cdk/cfn_parameter.hpp"
#include "detail/map_entry.hpp"

namespace cdk::detail {

class IncludedParameter : public CfnParameter {
 public:
  IncludedParameter(Construct& scope, std::string_view id, CfnParameterProps props, Map as_written)
      : CfnParameter(scope, id, std::move(props)), as_written_{std::move(as_written)} {}

  Value render() const override {
    Value body = CfnParameter::render();
    if (as_written_.empty()) return body;
    Map out = body.as_map();
    for (const auto& [key, value] : as_written_) set_entry(out, key, value);
    return Value{std::move(out)};
  }

 private:
  Map as_written_;
};

}  // namespace cdk::detail
