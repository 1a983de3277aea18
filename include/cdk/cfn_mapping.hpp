// A two-level lookup table (Mappings section), read with Fn::FindInMap.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cdk/cfn_element.hpp"

namespace cdk {

struct CfnMappingProps {
  /// top-level key -> (second-level key -> value), in insertion order.
  std::vector<std::pair<std::string, Map>> mapping;
};

class CfnMapping : public CfnElement {
 public:
  using Props = CfnMappingProps;

  CfnMapping(Construct& scope, std::string_view id, CfnMappingProps props = {});

  void set_value(std::string top_level_key, std::string second_level_key, Value value);
  /// Fn::FindInMap; literal keys are checked against the mapping at synth.
  Value find_in_map(Value top_level_key, Value second_level_key) const;
  /// The literal entry, or nullptr.
  const Value* try_get(std::string_view top_level_key, std::string_view second_level_key) const;

  const std::vector<std::pair<std::string, Map>>& mapping() const { return props_.mapping; }

  TemplateSection section() const override { return TemplateSection::Mappings; }
  Value render() const override;
  void validate_element(std::vector<Diagnostic>& out) const override;

 private:
  CfnMappingProps props_;
};

}  // namespace cdk
