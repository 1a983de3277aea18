// A template output, optionally exported for other stacks (Fn::ImportValue).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cdk/cfn_element.hpp"

namespace cdk {

class CfnCondition;

struct CfnOutputProps {
  Value value;
  const CfnCondition* condition = nullptr;
  std::optional<std::string> description;
  std::optional<Value> export_name;
};

class CfnOutput : public CfnElement {
 public:
  using Props = CfnOutputProps;

  CfnOutput(Construct& scope, std::string_view id, CfnOutputProps props);

  /// Fn::ImportValue of this output's export name (requires export_name).
  Value import_value() const;

  const CfnOutputProps& props() const { return props_; }
  CfnOutputProps& props() { return props_; }

  TemplateSection section() const override { return TemplateSection::Outputs; }
  Value render() const override;
  void validate_element(std::vector<Diagnostic>& out) const override;

 private:
  CfnOutputProps props_;
};

}  // namespace cdk
