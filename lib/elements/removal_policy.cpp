#include "cdk/removal_policy.hpp"

#include "cdk/cfn_resource.hpp"

namespace cdk {

void apply_removal_policy(CfnResource& resource, RemovalPolicy policy) {
  const CfnDeletionPolicy cfn = policy == RemovalPolicy::Destroy  ? CfnDeletionPolicy::Delete
                                : policy == RemovalPolicy::Retain ? CfnDeletionPolicy::Retain
                                                                  : CfnDeletionPolicy::Snapshot;
  resource.options().deletion_policy = cfn;
  resource.options().update_replace_policy = cfn;
}

}  // namespace cdk
