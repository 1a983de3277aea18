// What happens to a resource when it leaves the stack or the stack is deleted (CDK's
// RemovalPolicy), written as DeletionPolicy and UpdateReplacePolicy; for one resource
// (apply_removal_policy) or every resource of a subtree (RemovalPolicies::of).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cdk {

class CfnResource;
class Construct;

enum class RemovalPolicy {
  /// Delete the resource (DeletionPolicy/UpdateReplacePolicy Delete).
  Destroy,
  /// Keep it in the account, orphaned (Retain).
  Retain,
  /// Keep a snapshot of its data (Snapshot). Only for the types CloudFormation snapshots:
  /// AWS::DocDB::DBCluster, AWS::EC2::Volume, AWS::ElastiCache::CacheCluster,
  /// AWS::ElastiCache::ReplicationGroup, AWS::Neptune::DBCluster, AWS::RDS::DBCluster,
  /// AWS::RDS::DBInstance, AWS::Redshift::Cluster; others are cdk.resource.SnapshotNotSupported
  /// (CDK with its recommended validateSnapshotRemovalPolicy flag; without it CDK warns
  /// and CloudFormation ignores the policy).
  Snapshot,
  /// Retain, except when the stack's creation fails (DeletionPolicy RetainExceptOnCreate,
  /// UpdateReplacePolicy Retain).
  RetainOnUpdateOrDelete,
};

struct RemovalPolicyOptions {
  /// Also set UpdateReplacePolicy (what happens to the old resource on replacement).
  bool apply_to_update_replace_policy = true;
};

/// Sets the resource's DeletionPolicy and UpdateReplacePolicy as CDK's applyRemovalPolicy.
/// Throws cdk.resource.SnapshotNotSupported (with the resource's path) for Snapshot on a
/// type that has no snapshots.
void apply_removal_policy(CfnResource& resource, RemovalPolicy policy, RemovalPolicyOptions options = {});

/// Which resources of a subtree RemovalPolicies applies to.
struct RemovalPolicyProps {
  /// Only resources of these CloudFormation types. Empty: every type.
  std::vector<std::string> apply_to_resource_types;
  /// Never resources of these types.
  std::vector<std::string> exclude_resource_types;
  /// The aspect's priority. Default: AspectPriority::Default (500) for RemovalPolicies,
  /// AspectPriority::Mutating (200) for MissingRemovalPolicies, as CDK without flags.
  std::optional<int> priority;
};

/// The removal policy of every resource in a scope (CDK's RemovalPolicies): an aspect that
/// calls apply_removal_policy on each CfnResource below the scope, replacing what was set
/// before (also by the constructs themselves). The last aspect to run wins: give a higher
/// priority number to the one that should.
class RemovalPolicies {
 public:
  static RemovalPolicies of(Construct& scope) { return RemovalPolicies{scope, false}; }

  void apply(RemovalPolicy policy, RemovalPolicyProps props = {});
  void destroy(RemovalPolicyProps props = {}) { apply(RemovalPolicy::Destroy, std::move(props)); }
  void retain(RemovalPolicyProps props = {}) { apply(RemovalPolicy::Retain, std::move(props)); }
  void snapshot(RemovalPolicyProps props = {}) { apply(RemovalPolicy::Snapshot, std::move(props)); }
  void retain_on_update_or_delete(RemovalPolicyProps props = {}) {
    apply(RemovalPolicy::RetainOnUpdateOrDelete, std::move(props));
  }

 protected:
  RemovalPolicies(Construct& scope, bool only_missing) : scope_{scope}, only_missing_{only_missing} {}

 private:
  Construct& scope_;
  bool only_missing_;
};

/// The same, only for resources that have no DeletionPolicy or UpdateReplacePolicy yet
/// (CDK's MissingRemovalPolicies).
class MissingRemovalPolicies : public RemovalPolicies {
 public:
  static MissingRemovalPolicies of(Construct& scope) { return MissingRemovalPolicies{scope}; }

 private:
  explicit MissingRemovalPolicies(Construct& scope) : RemovalPolicies{scope, true} {}
};

}  // namespace cdk
