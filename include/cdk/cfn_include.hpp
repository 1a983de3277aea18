// Importing an existing CloudFormation template into a stack (CDK's CfnInclude): every
// parameter, condition, mapping, rule, resource and output of the template becomes an
// element you can read and edit, with its logical id kept.
//
//   auto& t = stack.add<cdk::CfnInclude>("Template", {.template_file = "legacy.yaml"});
//   auto& vpc = t.get_resource<cdk::ec2::CfnVPC>("Vpc");     // typed: props() from the template
//   vpc.props().cidr_block = "10.1.0.0/16";                   // changes the synthesized template
//   t.get_parameter("Env").props().default_value = "prod";
//   stack.add<cdk::CfnOutput>("VpcId", {.value = vpc.ref()}); // references work as usual
//
// What the template says is kept as references between the elements: a Ref to an
// included parameter is that CfnParameter's ref(), Fn::GetAtt is the resource's
// attribute, Fn::If / Condition / a resource's Condition point at the CfnCondition,
// Fn::FindInMap at the CfnMapping, DependsOn at the resources, and ${Name} inside Fn::Sub
// follows the element. So override_logical_id on an included element renames every use,
// and using an included element from another stack exports and imports it.
//
// Resources of the types this build generated typed classes for are created as those
// classes (get_resource<cdk::ec2::CfnVPC>), their props() filled from the template; a
// property the typed props cannot hold as written (an unknown name, a number written as
// a string, ...) stays in properties() as written, so nothing is lost. Other types are
// plain CfnResource with properties().
//
// Synthesizing the stack again gives the template back (JSON-equal; key order within a
// resource may differ), with these documented exceptions:
//  - "Fn::GetAtt": "A.B" (a string) is written in the list form ["A", "B"];
//  - the stack's own additions: with the DefaultStackSynthesizer (the default) the
//    template's BootstrapVersion parameter and CheckBootstrapVersion rule are not
//    included (the synthesizer writes its own under these logical ids); use
//    LegacyStackSynthesizer to get exactly the template's elements and nothing more.
//
// Errors (cdk::Error, thrown by the constructor at the CfnInclude's path, except that the
// template's own problems name the file, or the construct path for template_body):
//  - cdk.include.InvalidProps: neither or both of template_file and template_body, or a
//    `parameters` entry that is not a parameter of the template;
//  - cdk.template.ReadError / ParseError / Malformed / UnknownIntrinsic / TooDeep /
//    TooManyValues (see lib/template/parse.hpp): the template cannot be read or is not a
//    well-formed template;
//  - cdk.include.UnknownReference: a Ref, Fn::GetAtt, Fn::If, Condition, Fn::FindInMap,
//    DependsOn or ${Name} in Fn::Sub names something the template does not declare (the
//    message gives where, e.g. "Resources.Vpc.Properties.CidrBlock: ...");
//  - cdk.include.Unsupported: what has no element class here and would be lost: a
//    Hooks section, Fn::ForEach loops (AWS::LanguageExtensions), a Transform with
//    parameters;
//  - cdk.include.UnknownElement: get_resource("Nope") and the other accessors;
//  - cdk.include.WrongType: get_resource<T> of a resource of another type.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cdk/cfn_resource.hpp"
#include "cdk/construct.hpp"

namespace cdk {

class CfnCondition;
class CfnMapping;
class CfnOutput;
class CfnParameter;
class CfnRule;

struct CfnIncludeProps {
  /// Path of a JSON or YAML template (relative to the current directory). Exactly one of
  /// template_file and template_body.
  std::string template_file;
  /// The template's text, JSON or YAML.
  std::string template_body;
  /// Keep the template's logical ids (default). When false, each element gets the id
  /// CDK allocates from its construct path (e.g. TemplateVpc1A2B3C4D), as CDK's
  /// preserveLogicalIds: false.
  bool preserve_logical_ids = true;
  /// Parameters to replace by a value (CDK's `parameters`): every Ref to one, and ${Name}
  /// in Fn::Sub for a string value, becomes the value, and the parameter is left out.
  std::vector<std::pair<std::string, Value>> parameters;
};

class CfnInclude : public Construct {
 public:
  using Props = CfnIncludeProps;

  CfnInclude(Construct& scope, std::string_view id, CfnIncludeProps props);
  ~CfnInclude() override;

  /// The included resource with this logical id (as written in the template).
  CfnResource& get_resource(std::string_view logical_id) const;
  /// The included resource as its typed class, e.g. get_resource<cdk::ec2::CfnVPC>("Vpc").
  template <class T>
  T& get_resource(std::string_view logical_id) const {
    CfnResource& resource = get_resource(logical_id);
    if (auto* typed = dynamic_cast<T*>(&resource)) return *typed;
    wrong_type(logical_id, resource, T::CFN_RESOURCE_TYPE_NAME);
  }
  CfnParameter& get_parameter(std::string_view logical_id) const;
  CfnCondition& get_condition(std::string_view logical_id) const;
  CfnMapping& get_mapping(std::string_view logical_id) const;
  CfnOutput& get_output(std::string_view logical_id) const;
  CfnRule& get_rule(std::string_view logical_id) const;

  /// Logical ids of each section as the template lists them.
  std::vector<std::string> resource_ids() const;
  std::vector<std::string> parameter_ids() const;

  /// The included elements by section (defined in the library).
  struct Elements;

 private:
  [[noreturn]] void wrong_type(std::string_view logical_id, const CfnResource& resource, std::string_view wanted) const;

  std::unique_ptr<Elements> elements_;
};

}  // namespace cdk
