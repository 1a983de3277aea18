#include "cdk/removal_policy.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <string_view>

#include "cdk/aspects.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/errors.hpp"

namespace cdk {

namespace {

// The types CloudFormation can snapshot on deletion (CDK's list in cfn-resource.ts).
constexpr std::array<std::string_view, 8> kSnapshotTypes = {
    "AWS::DocDB::DBCluster",         "AWS::EC2::Volume",       "AWS::ElastiCache::CacheCluster",
    "AWS::ElastiCache::ReplicationGroup", "AWS::Neptune::DBCluster", "AWS::RDS::DBCluster",
    "AWS::RDS::DBInstance",          "AWS::Redshift::Cluster"};

bool listed(const std::vector<std::string>& types, const std::string& type) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

class RemovalPolicyAspect : public IAspect {
 public:
  RemovalPolicyAspect(RemovalPolicy policy, RemovalPolicyProps props, bool only_missing)
      : policy_{policy}, props_{std::move(props)}, only_missing_{only_missing} {}

  void visit(Construct& node) override {
    auto* resource = dynamic_cast<CfnResource*>(&node);
    if (!resource) return;
    const std::string& type = resource->cfn_resource_type();
    if (listed(props_.exclude_resource_types, type)) return;
    if (!props_.apply_to_resource_types.empty() && !listed(props_.apply_to_resource_types, type)) return;
    if (only_missing_ && (resource->options().deletion_policy || resource->options().update_replace_policy)) return;
    apply_removal_policy(*resource, policy_);
  }

 private:
  RemovalPolicy policy_;
  RemovalPolicyProps props_;
  bool only_missing_;
};

void check_priority(const Construct& scope, const std::optional<int>& priority) {
  if (priority && *priority < 0)
    throw Error(errc::AspectInvalidPriority, scope.path(),
                "removal policy priority must not be negative, got " + std::to_string(*priority));
}

}  // namespace

void apply_removal_policy(CfnResource& resource, RemovalPolicy policy, RemovalPolicyOptions options) {
  CfnDeletionPolicy deletion = CfnDeletionPolicy::Delete;
  CfnDeletionPolicy update_replace = CfnDeletionPolicy::Delete;
  switch (policy) {
    case RemovalPolicy::Destroy: break;
    case RemovalPolicy::Retain: deletion = update_replace = CfnDeletionPolicy::Retain; break;
    case RemovalPolicy::RetainOnUpdateOrDelete:
      deletion = CfnDeletionPolicy::RetainExceptOnCreate;
      update_replace = CfnDeletionPolicy::Retain;
      break;
    case RemovalPolicy::Snapshot:
      if (std::find(kSnapshotTypes.begin(), kSnapshotTypes.end(), resource.cfn_resource_type()) == kSnapshotTypes.end())
        throw Error(errc::SnapshotNotSupported, resource.path(),
                    resource.cfn_resource_type() +
                        " has no snapshots: CloudFormation would ignore a Snapshot removal policy (use Retain)");
      deletion = update_replace = CfnDeletionPolicy::Snapshot;
      break;
  }
  resource.options().deletion_policy = deletion;
  if (options.apply_to_update_replace_policy) resource.options().update_replace_policy = update_replace;
}

void RemovalPolicies::apply(RemovalPolicy policy, RemovalPolicyProps props) {
  check_priority(scope_, props.priority);
  // CDK's defaults without flags: Default for RemovalPolicies, Mutating for the Missing kind.
  const int priority = props.priority.value_or(only_missing_ ? AspectPriority::Mutating : AspectPriority::Default);
  Aspects::of(scope_).add(std::make_shared<RemovalPolicyAspect>(policy, std::move(props), only_missing_),
                          {.priority = priority});
}

}  // namespace cdk
