// A CloudFormation resource of any type. The typed classes (cdk::ec2::CfnInstance, ...)
// build on it; use it directly for custom resources and types outside the schemas.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/cfn_element.hpp"

namespace cdk {

class CfnCondition;
class TagManager;

enum class CfnDeletionPolicy {
  Delete,
  Retain,
  /// Retain, unless the stack's creation fails (DeletionPolicy only).
  RetainExceptOnCreate,
  Snapshot,
  /// Misspelt: CloudFormation has no such policy; written as RetainExceptOnCreate.
  RetainExceptOnDelete [[deprecated("use RetainExceptOnCreate")]] = RetainExceptOnCreate,
};

/// Resource attributes beside Type and Properties.
struct CfnResourceOptions {
  /// Create the resource only when this condition holds.
  const CfnCondition* condition = nullptr;
  Value creation_policy;
  std::optional<CfnDeletionPolicy> deletion_policy;
  Map metadata;  // e.g. {"AWS::CloudFormation::Init", ...}
  Value update_policy;
  std::optional<CfnDeletionPolicy> update_replace_policy;
  std::optional<std::string> version;
};

struct CfnResourceProps {
  /// e.g. "AWS::EC2::Instance" or "Custom::Thing".
  std::string type;
  Map properties;
};

class CfnResource : public CfnElement {
 public:
  using Props = CfnResourceProps;

  CfnResource(Construct& scope, std::string_view id, CfnResourceProps props);
  ~CfnResource() override;

  /// Whether `construct` is a CfnResource (CDK's CfnResource.isCfnResource).
  static bool is_cfn_resource(const Construct& construct) { return construct.has_trait(Trait::CfnResource); }

  const std::string& cfn_resource_type() const { return type_; }

  /// {"Ref": logical id}
  Value ref() const;
  /// {"Fn::GetAtt": [logical id, attribute]}
  Value get_att(std::string attribute, TokenType type = TokenType::String) const;

  /// The properties given at construction (or set later). Typed subclasses render their
  /// props struct and then these, so set_property works as an escape hatch on them too.
  Map& properties() { return properties_; }
  const Map& properties() const { return properties_; }
  void set_property(std::string name, Value value);

  CfnResourceOptions& options() { return options_; }
  const CfnResourceOptions& options() const { return options_; }

  /// The tags of a resource whose type the schemas mark taggable (cdk/tags.hpp; what
  /// Tags::of reaches), nullptr for other types. Tags given in the props are merged with
  /// it when the resource is rendered, once a tag operation was applied.
  TagManager* tag_manager();
  const TagManager* tag_manager() const;

  /// DependsOn: this resource is created after `target`.
  void add_depends_on(const CfnResource& target);
  const std::vector<const CfnResource*>& depends_on() const { return depends_on_; }

  /// Escape hatches with CDK's syntax: a dotted path into the rendered resource
  /// ("Properties.Tags.0.Value"; "\." for a literal dot). Applied after rendering.
  void add_override(std::string path, Value value);
  void add_deletion_override(std::string path);
  void add_property_override(std::string property_path, Value value);
  void add_property_deletion_override(std::string property_path);

  struct Override {
    std::string path;
    std::optional<Value> value;  // nullopt = delete
  };
  const std::vector<Override>& overrides() const { return overrides_; }

  TemplateSection section() const override { return TemplateSection::Resources; }
  Value render() const override;
  void validate_element(std::vector<Diagnostic>& out) const override;

 protected:
  /// The Properties object; typed classes override this to render their props struct.
  virtual Value render_properties() const;

 private:
  std::string type_;
  Map properties_;
  CfnResourceOptions options_;
  std::vector<const CfnResource*> depends_on_;
  std::vector<Override> overrides_;
  mutable std::shared_ptr<TagManager> tag_manager_;
  mutable bool tag_manager_checked_ = false;
};

}  // namespace cdk
