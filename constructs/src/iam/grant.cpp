#include "cdk/iam/grant.hpp"

#include "cdk/errors.hpp"

namespace cdk::iam {

Grant Grant::add_to_principal(GrantOnPrincipalOptions options) {
  if (!options.grantee) throw Error(errc::IamInvalidGrantee, "", "a grant needs a grantee");
  PolicyStatement statement{{.actions = std::move(options.actions),
                             .resources = std::move(options.resource_arns),
                             .conditions = std::move(options.conditions)}};
  Grant grant;
  if (options.grantee->grant_principal().add_to_principal_policy(statement)) grant.principal_statement_ = std::move(statement);
  return grant;
}

Grant Grant::add_to_principal(IGrantable& grantee, std::vector<Value> actions, std::vector<Value> resource_arns) {
  return add_to_principal({.grantee = grantee, .actions = std::move(actions), .resource_arns = std::move(resource_arns)});
}

}  // namespace cdk::iam
