#include "cdk/cfn_output.hpp"

#include <algorithm>

#include "cdk/cfn_condition.hpp"
#include "cdk/fn.hpp"
#include "detail/tokens.hpp"

namespace cdk {

CfnOutput::CfnOutput(Construct& scope, std::string_view id, CfnOutputProps props)
    : CfnElement(scope, id), props_{std::move(props)} {}

Value CfnOutput::import_value() const {
  if (!props_.export_name)
    throw Error(errc::InvalidOutput, path(), "import_value() needs an output with an export_name");
  return Fn::import_value(*props_.export_name);
}

Value CfnOutput::render() const {
  Map body;
  if (props_.description) body.emplace_back("Description", Value{*props_.description});
  body.emplace_back("Value", props_.value);
  if (props_.export_name) body.emplace_back("Export", Value{Map{{"Name", *props_.export_name}}});
  if (props_.condition) body.emplace_back("Condition", detail::logical_id_of(*props_.condition));
  return Value{std::move(body)};
}

void CfnOutput::validate_element(std::vector<Diagnostic>& out) const {
  CfnElement::validate_element(out);
  if (props_.value.is_null()) out.push_back({errc::InvalidOutput, path(), "an output needs a value"});
  if (props_.description && props_.description->size() > 1024)
    out.push_back({errc::InvalidOutput, path(), "description is longer than CloudFormation's 1024 bytes"});
  if (props_.export_name && props_.export_name->is_string()) {
    const auto& name = props_.export_name->as_string();
    if (name.empty() || name.size() > 255)
      out.push_back({errc::InvalidOutput, path(), "export name must be 1 to 255 characters"});
    // CloudFormation's (and CDK's) rule for export names.
    const bool allowed = std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '-';
    });
    if (!allowed)
      out.push_back({errc::InvalidOutput, path(), "export name must only include letters, digits, ':' and '-' (got '" + name + "')"});
  }
}

}  // namespace cdk
