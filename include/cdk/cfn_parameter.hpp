// A template parameter: a value supplied at deploy time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/cfn_element.hpp"

namespace cdk {

/// Fields in CloudFormation's order, so designated initializers read like the template.
struct CfnParameterProps {
  /// String, Number, List<Number>, CommaDelimitedList, an AWS-specific type such as
  /// AWS::EC2::KeyPair::KeyName or List<AWS::EC2::Subnet::Id>, or an SSM type such as
  /// AWS::SSM::Parameter::Value<String>. Checked at synth.
  std::string type = "String";
  /// Default ("default" is a C++ keyword). Checked against the constraints at synth.
  std::optional<Value> default_value;
  std::vector<std::string> allowed_values;
  std::optional<std::string> allowed_pattern;
  std::optional<std::string> constraint_description;
  std::optional<std::string> description;
  std::optional<std::int64_t> max_length;
  std::optional<double> max_value;
  std::optional<std::int64_t> min_length;
  std::optional<double> min_value;
  bool no_echo = false;
};

class CfnParameter : public CfnElement {
 public:
  using Props = CfnParameterProps;

  CfnParameter(Construct& scope, std::string_view id, CfnParameterProps props = {});

  /// {"Ref": name}, typed after the parameter's type (number, list or string).
  Value ref() const;
  Value value_as_string() const;
  Value value_as_number() const;
  Value value_as_list() const;

  const CfnParameterProps& props() const { return props_; }
  CfnParameterProps& props() { return props_; }

  /// True for Number; true for List<...> and CommaDelimitedList (list-valued).
  bool is_number() const;
  bool is_list() const;

  TemplateSection section() const override { return TemplateSection::Parameters; }
  Value render() const override;
  void validate_element(std::vector<Diagnostic>& out) const override;

 private:
  CfnParameterProps props_;
};

/// True when `type` is a parameter type CloudFormation accepts.
bool is_valid_parameter_type(std::string_view type);

}  // namespace cdk
