// Where a stack deploys: an AWS account and region. Shared by Stack and Stage.
#pragma once

#include <optional>
#include <string>

namespace cdk {

/// Where a stack deploys. Leave both empty for an environment-agnostic stack, which
/// resolves account and region at deploy time (AWS::AccountId / AWS::Region). A field
/// left empty on a stack takes the value of its Stage (as in CDK), if any.
struct Environment {
  std::optional<std::string> account;
  std::optional<std::string> region;
};

}  // namespace cdk
