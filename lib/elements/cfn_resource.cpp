#include "cdk/cfn_resource.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "cdk/cfn_condition.hpp"
#include "cdk/resource_type.hpp"
#include "cdk/tags.hpp"
#include "tags/tag_render.hpp"
#include "detail/map_entry.hpp"
#include "detail/tokens.hpp"

namespace cdk {

namespace {
const char* policy_name(CfnDeletionPolicy policy) {
  switch (policy) {
    case CfnDeletionPolicy::Delete: return "Delete";
    case CfnDeletionPolicy::Retain: return "Retain";
    case CfnDeletionPolicy::RetainExceptOnCreate: return "RetainExceptOnCreate";
    case CfnDeletionPolicy::Snapshot: return "Snapshot";
  }
  return "Delete";
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// AWS::Service::Resource (any vendor prefix), Custom::Name, or a module
// (Org::Service::Resource::MODULE). Checked by hand: std::regex costs microseconds per
// call, which adds up over 10,000 resources.
bool is_valid_type_name(std::string_view type) {
  constexpr std::string_view custom = "Custom::";
  if (type.substr(0, custom.size()) == custom) {
    auto name = type.substr(custom.size());
    if (name.empty() || name.size() > 60) return false;
    for (char c : name)
      if (!is_name_char(c) && c != '_' && c != '@' && c != '-') return false;
    return true;
  }
  std::size_t parts = 0;
  while (true) {
    std::size_t i = 0;
    while (i < type.size() && is_name_char(type[i])) ++i;
    if (i == 0) return false;
    ++parts;
    if (i == type.size()) break;
    if (type.substr(i, 2) != "::") return false;
    type.remove_prefix(i + 2);
  }
  return parts == 3 || (parts == 4 && type == "MODULE");
}
}  // namespace

CfnResource::CfnResource(Construct& scope, std::string_view id, CfnResourceProps props)
    : CfnElement(scope, id), type_{std::move(props.type)}, properties_{std::move(props.properties)} {
  add_trait(Trait::CfnResource);
}

CfnResource::~CfnResource() = default;

const TagManager* CfnResource::tag_manager() const {
  if (!tag_manager_checked_) {
    tag_manager_checked_ = true;
    if (const ResourceTypeInfo* info = find_resource_type(type_)) {
      const TaggingInfo tagging = info->tagging();
      const TagType tag_type = tagging.format == TaggingInfo::Format::KeyValueList ? TagType::Standard
                               : tagging.format == TaggingInfo::Format::Map        ? TagType::Map
                               : tagging.format == TaggingInfo::Format::AutoScaling ? TagType::AutoScalingGroup
                                                                                    : TagType::NotTaggable;
      if (tagging.taggable && !tagging.tag_property.empty() && tag_type != TagType::NotTaggable)
        tag_manager_ = std::make_shared<TagManager>(tag_type, type_);
    }
  }
  return tag_manager_.get();
}

TagManager* CfnResource::tag_manager() { return const_cast<TagManager*>(std::as_const(*this).tag_manager()); }

Value CfnResource::ref() const { return detail::ref_to(*this); }

Value CfnResource::get_att(std::string attribute, TokenType type) const {
  return detail::get_att_of(*this, std::move(attribute), type);
}

void CfnResource::set_property(std::string name, Value value) {
  detail::set_entry(properties_, std::move(name), std::move(value));
}

void CfnResource::add_depends_on(const CfnResource& target) {
  if (std::find(depends_on_.begin(), depends_on_.end(), &target) == depends_on_.end()) depends_on_.push_back(&target);
}

void CfnResource::add_override(std::string path, Value value) { overrides_.push_back({std::move(path), std::move(value)}); }
void CfnResource::add_deletion_override(std::string path) { overrides_.push_back({std::move(path), std::nullopt}); }
void CfnResource::add_property_override(std::string property_path, Value value) {
  add_override("Properties." + property_path, std::move(value));
}
void CfnResource::add_property_deletion_override(std::string property_path) {
  add_deletion_override("Properties." + property_path);
}

Value CfnResource::render_properties() const { return Value{properties_}; }

Value CfnResource::render() const {
  Map body;
  body.emplace_back("Type", Value{type_});
  Value properties = render_properties();
  if (const TagManager* tags = tag_manager(); tags && tags->has_operations())
    properties = detail::merge_tags_into(*tags, std::move(properties),
                                         find_resource_type(type_)->tagging().tag_property, path());
  if (!properties.as_map().empty() || properties.is_token()) body.emplace_back("Properties", std::move(properties));
  if (!depends_on_.empty()) {
    // A resource of another stack is a dependency between the stacks (synth adds it), as
    // in CDK, not a DependsOn.
    List ids;
    for (const auto* target : depends_on_)
      if (&target->stack() == &stack()) ids.push_back(detail::logical_id_of(*target));
    if (!ids.empty()) body.emplace_back("DependsOn", Value{std::move(ids)});
  }
  if (!options_.creation_policy.is_null()) body.emplace_back("CreationPolicy", options_.creation_policy);
  if (!options_.update_policy.is_null()) body.emplace_back("UpdatePolicy", options_.update_policy);
  if (options_.update_replace_policy)
    body.emplace_back("UpdateReplacePolicy", Value{policy_name(*options_.update_replace_policy)});
  if (options_.deletion_policy) body.emplace_back("DeletionPolicy", Value{policy_name(*options_.deletion_policy)});
  if (options_.version) body.emplace_back("Version", Value{*options_.version});
  // The cdk CLI asks for aws:cdk:path metadata (context aws:cdk:enable-path-metadata), as
  // CDK writes it, so that its diff and console show construct paths.
  auto path_metadata = try_get_context("aws:cdk:enable-path-metadata");
  if (path_metadata && path_metadata->kind() == Value::Kind::Bool && path_metadata->as_bool()) {
    Map metadata = options_.metadata;
    metadata.emplace_back("aws:cdk:path", Value{path()});
    body.emplace_back("Metadata", Value{std::move(metadata)});
  } else if (!options_.metadata.empty()) {
    body.emplace_back("Metadata", Value{options_.metadata});
  }
  if (options_.condition) body.emplace_back("Condition", detail::logical_id_of(*options_.condition));
  return Value{std::move(body)};
}

void CfnResource::validate_element(std::vector<Diagnostic>& out) const {
  CfnElement::validate_element(out);
  if (!is_valid_type_name(type_))
    out.push_back({errc::InvalidResourceType, path(),
                   "resource type '" + type_ + "' is not of the form AWS::Service::Resource or Custom::Name"});
  // Override paths are checked when they are applied (synth/overrides.cpp), where "\."
  // escapes are understood.
}

}  // namespace cdk
