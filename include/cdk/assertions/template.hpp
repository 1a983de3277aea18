// Assertions over a CloudFormation template (CDK's `Template`).
//
//   auto t = cdk::assertions::Template::from_stack(stack);
//   t.resource_count_is("AWS::EC2::NatGateway", 2);
//   t.has_resource_properties("AWS::EC2::VPC", {{"CidrBlock", "10.0.0.0/16"}});
//
// Every check throws cdk::assertions::AssertionError on failure; its message names the
// closest candidates and shows, path by path, where they differ.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "cdk/assertions/error.hpp"
#include "cdk/assertions/match.hpp"
#include "cdk/value.hpp"

namespace cdk {
class Stack;
}

namespace cdk::assertions {

namespace detail {
struct TemplateData;
}

class Template {
 public:
  /// The template `stack` synthesizes (the same as stack.to_json()); throws
  /// cdk::SynthError when the stack is invalid.
  static Template from_stack(Stack& stack);
  /// A template written as JSON text.
  static Template from_string(std::string_view json);
  /// A template written as YAML text, with CloudFormation's short-form tags (!Ref,
  /// !GetAtt A.B, !Sub, !If, !Join, ...). Plain scalars are typed as YAML 1.1 does.
  static Template from_yaml(std::string_view yaml);
  /// A template given as a value (CDK's Template.fromJSON).
  static Template from_value(const Value& template_value);
  /// A template file: JSON when it starts with '{', YAML otherwise.
  static Template from_file(const std::string& path);

  /// The whole template.
  Value to_value() const;
  /// The whole template as JSON text, formatted as stack.to_json() writes it.
  std::string to_json_string() const;

  // -- Resources -------------------------------------------------------------------------

  /// Exactly `count` resources have type `type`.
  void resource_count_is(std::string_view type, std::size_t count) const;
  /// Exactly `count` resources of type `type` have Properties matching `props`.
  void resource_properties_count_is(std::string_view type, const Pattern& props, std::size_t count) const;
  /// Some resource of type `type` matches `props` as a whole (Type, Properties,
  /// DependsOn, DeletionPolicy, ...), partially unless a matcher says otherwise.
  void has_resource(std::string_view type, const Pattern& props) const;
  /// Some resource of type `type` has Properties matching `props` (partially, as
  /// object_like, unless `props` is another matcher).
  void has_resource_properties(std::string_view type, const Pattern& props) const;
  /// Every resource of type `type` matches `props` as a whole (and there is at least one).
  void all_resources(std::string_view type, const Pattern& props) const;
  /// Every resource of type `type` has Properties matching `props` (and there is one).
  void all_resources_properties(std::string_view type, const Pattern& props) const;
  /// The resources of type `type` that match `props` as a whole: logical id -> resource.
  Map find_resources(std::string_view type, const Pattern& props = {}) const;

  // -- Other sections; `logical_id` "*" means every entry of the section --------------------

  void has_parameter(std::string_view logical_id, const Pattern& props) const;
  Map find_parameters(std::string_view logical_id, const Pattern& props = {}) const;
  void has_output(std::string_view logical_id, const Pattern& props) const;
  Map find_outputs(std::string_view logical_id, const Pattern& props = {}) const;
  void has_mapping(std::string_view logical_id, const Pattern& props) const;
  Map find_mappings(std::string_view logical_id, const Pattern& props = {}) const;
  void has_condition(std::string_view logical_id, const Pattern& props) const;
  Map find_conditions(std::string_view logical_id, const Pattern& props = {}) const;

  /// The whole template matches `expected` (partially, as object_like, unless a matcher
  /// says otherwise).
  void template_matches(const Pattern& expected) const;

  // -- Snapshots -------------------------------------------------------------------------

  /// The template equals the one committed in `path` (JSON, or YAML for .yaml / .yml;
  /// key order does not matter). When the environment variable CDKPP_UPDATE_SNAPSHOTS is
  /// set (to anything but "" or "0"), the file is (re)written instead and the check
  /// passes; a missing file fails with a hint to set it.
  void matches_snapshot(const std::string& path) const;

  Template(const Template&) = default;
  Template(Template&&) noexcept = default;
  Template& operator=(const Template&) = default;
  Template& operator=(Template&&) noexcept = default;
  ~Template();

 private:
  explicit Template(std::shared_ptr<const detail::TemplateData> data);
  std::shared_ptr<const detail::TemplateData> data_;
};

}  // namespace cdk::assertions
