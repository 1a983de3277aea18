// What happens to a resource when it leaves the stack or the stack is deleted (CDK's
// RemovalPolicy), written as DeletionPolicy and UpdateReplacePolicy.
#pragma once

namespace cdk {

class CfnResource;

enum class RemovalPolicy {
  /// Delete the resource (DeletionPolicy/UpdateReplacePolicy Delete).
  Destroy,
  /// Keep it in the account, orphaned (Retain).
  Retain,
  /// Keep a snapshot of its data, for resources that support it (Snapshot).
  Snapshot,
};

/// Sets the resource's DeletionPolicy and UpdateReplacePolicy as CDK's applyRemovalPolicy.
void apply_removal_policy(CfnResource& resource, RemovalPolicy policy);

}  // namespace cdk
