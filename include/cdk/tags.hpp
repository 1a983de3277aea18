// Tags on every taggable resource of a subtree (CDK's Tags.of(scope).add / remove).
//
//   cdk::Tags::of(app).add("CostCenter", "1234");
//   cdk::Tags::of(stack).add("Name", "web", {.include_resource_types = {"AWS::EC2::Instance"}});
//   cdk::Tags::of(vpc).remove("Name", {.exclude_resource_types = {"AWS::EC2::VPC"}});
//
// Tags::of adds a Tag (or RemoveTag) aspect, which at synth gives the tag to each taggable
// construct below the scope: every CfnResource whose type the pinned schemas mark taggable
// (find_resource_type(type)->tagging()), each Stack (its tags go to the cloud assembly's
// manifest, which the CLI passes to CloudFormation at deploy, as CDK without the
// explicitStackTags flag: exclude "aws:cdk:stack" to tag only the resources), and L2
// constructs that implement ITaggable.
//
// Each of them holds a TagManager. When tags are rendered the manager merges, per key:
// the tags given in the resource's own props (priority 50), then the Tag / RemoveTag
// operations in the order the aspects ran; an operation wins over what is there when its
// priority is at least as high (Tag default 100, RemoveTag 200). The result is sorted by
// key as JavaScript's localeCompare orders them and written in the shape the resource's
// schema wants: a list of {Key, Value}, a map, or auto scaling's {Key, PropagateAtLaunch,
// Value}. A resource no Tag or RemoveTag reached keeps its props' tags exactly as given.
//
// Stack tags cannot hold deploy-time values (tokens): such a tag is left out of the
// manifest with a warning on the stack. Tags::of does not reach into nested Stages (as
// CDK): tag a stage itself to tag its stacks.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cdk/aspects.hpp"
#include "cdk/value.hpp"

namespace cdk {

/// How a resource writes its tags (CDK's TagType).
enum class TagType {
  /// [{"Key": k, "Value": v}, ...]
  Standard,
  /// [{"Key": k, "PropagateAtLaunch": b, "Value": v}, ...] (AWS::AutoScaling::AutoScalingGroup)
  AutoScalingGroup,
  /// {k: v, ...}
  Map,
  /// Stack tags: a list of {Key, Value} in the manifest.
  KeyValue,
  NotTaggable,
};

struct TagProps {
  /// Higher or equal priority wins. Default: 100 for Tags::add, 200 for Tags::remove
  /// (tags given in a resource's props have 50).
  std::optional<int> priority;
  /// Only these CloudFormation types ("AWS::EC2::Instance"; "aws:cdk:stack" for stacks).
  /// Empty: every type.
  std::vector<std::string> include_resource_types;
  /// Never these types.
  std::vector<std::string> exclude_resource_types;
  /// Auto scaling groups: also tag the instances they launch (PropagateAtLaunch).
  bool apply_to_launched_instances = true;
};

/// One tag as a TagManager holds it.
struct TagEntry {
  std::string key;
  Value value;
  int priority = 0;
  bool apply_to_launched_instances = true;
};

/// The tags of one taggable construct (CDK's TagManager).
class TagManager {
 public:
  /// `resource_type` is what include/exclude_resource_types match ("AWS::EC2::VPC",
  /// "aws:cdk:stack").
  TagManager(TagType type, std::string resource_type);

  /// The manager of a taggable construct: a CfnResource of a taggable type, a Stack, or
  /// an ITaggable; nullptr otherwise.
  static TagManager* of(Construct& construct);

  /// Sets a tag unless one with a higher priority is there (CDK's setTag).
  void set_tag(std::string key, Value value, int priority = 0, bool apply_to_launched_instances = true);
  /// Removes a tag unless one with a higher priority is there (CDK's removeTag).
  void remove_tag(std::string key, int priority);

  /// Whether a tag aspect with these include/exclude lists applies to this resource type.
  bool apply_tag_aspect_here(const std::vector<std::string>& include, const std::vector<std::string>& exclude) const;

  /// True once set_tag or remove_tag was called.
  bool has_operations() const { return !operations_.empty(); }

  /// The tags after merging `external` (tags given in props, priority 50) with the
  /// operations, sorted by key as localeCompare does.
  std::vector<TagEntry> tags(const std::vector<TagEntry>& external = {}) const;

  /// The tags formatted for the resource's tag property: a List or Map Value, or null
  /// when there are none.
  Value render(const std::vector<TagEntry>& external = {}) const;

  TagType tag_type() const { return type_; }
  const std::string& resource_type() const { return resource_type_; }

 private:
  struct Operation {
    bool remove = false;
    TagEntry tag;
  };
  TagType type_;
  std::string resource_type_;
  std::vector<Operation> operations_;
};

/// A construct with tags of its own that is not a CfnResource (an L2 that renders its
/// tags itself, like ec2::LaunchTemplate's tag specifications).
class ITaggable {
 public:
  virtual ~ITaggable() = default;
  virtual TagManager& tag_manager() = 0;
};

/// The aspect behind Tags::add.
class Tag : public IAspect {
 public:
  /// cdk.tags.InvalidKey for an empty key, one longer than 128 characters or one starting
  /// with "aws:" (reserved by AWS); cdk.tags.InvalidValue for a value that is neither a
  /// string nor a token, or longer than 256 characters.
  Tag(std::string key, Value value, TagProps props = {});
  void visit(Construct& node) override;

  const std::string& key() const { return key_; }
  const Value& value() const { return value_; }

 private:
  std::string key_;
  Value value_;
  TagProps props_;
};

/// The aspect behind Tags::remove.
class RemoveTag : public IAspect {
 public:
  explicit RemoveTag(std::string key, TagProps props = {});
  void visit(Construct& node) override;

  const std::string& key() const { return key_; }

 private:
  std::string key_;
  TagProps props_;
};

/// Tags of every taggable construct in a scope.
class Tags {
 public:
  static Tags of(Construct& scope) { return Tags{scope}; }

  /// Adds the tag to every taggable construct in the scope (a Tag aspect with
  /// AspectPriority::Default, as CDK without the aspectPrioritiesMutating flag). Errors
  /// (with the scope's path) as Tag's constructor.
  void add(std::string key, Value value, TagProps props = {});
  /// Removes the tag from every taggable construct in the scope.
  void remove(std::string key, TagProps props = {});

 private:
  explicit Tags(Construct& scope) : scope_{scope} {}
  Construct& scope_;
};

}  // namespace cdk
