// An element of a CloudFormation template (resource, parameter, output, condition,
// mapping, rule). Its logical id comes from its path below the stack, as in CDK.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cdk/construct.hpp"
#include "cdk/errors.hpp"

namespace cdk {

enum class TemplateSection : std::uint8_t { Parameters, Rules, Mappings, Conditions, Resources, Outputs };

class CfnElement : public Construct {
 public:
  CfnElement(Construct& scope, std::string_view id);

  /// Whether `construct` is a CfnElement (CDK's CfnElement.isCfnElement).
  static bool is_cfn_element(const Construct& construct) { return construct.has_trait(Trait::CfnElement); }

  /// The logical id in the template: override_logical_id's value, or the id CDK would
  /// allocate for this path.
  const std::string& logical_id() const { return logical_id_; }
  /// Replaces the allocated logical id. Checked at synth: [A-Za-z0-9]{1,255}, unique.
  void override_logical_id(std::string logical_id);
  Stack& stack() const { return *stack_; }

  virtual TemplateSection section() const = 0;
  /// The element's body with tokens unresolved; synth resolves it against the stack.
  virtual Value render() const = 0;
  /// Checks of the element's own declaration, reported at synth.
  virtual void validate_element(std::vector<Diagnostic>& out) const;

 private:
  Stack* stack_;
  std::string logical_id_;
};

}  // namespace cdk
