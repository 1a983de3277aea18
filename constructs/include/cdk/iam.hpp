// IAM constructs (aws-cdk-lib's aws-iam): principals, policy statements and documents,
// roles, policies, managed policies, instance profiles and grants.
#pragma once

#include "cdk/iam/grant.hpp"
#include "cdk/iam/instance_profile.hpp"
#include "cdk/iam/managed_policy.hpp"
#include "cdk/iam/policy.hpp"
#include "cdk/iam/policy_document.hpp"
#include "cdk/iam/policy_statement.hpp"
#include "cdk/iam/principal.hpp"
#include "cdk/iam/role.hpp"
