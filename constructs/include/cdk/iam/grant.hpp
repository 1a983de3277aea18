// Grants: the statement a resource adds to a principal's policy to give it access.
#pragma once

#include <optional>
#include <vector>

#include "cdk/borrowed.hpp"
#include "cdk/iam/policy_statement.hpp"
#include "cdk/iam/principal.hpp"

namespace cdk::iam {

struct GrantOnPrincipalOptions {
  /// Who gets the permissions (required).
  Borrowed<IGrantable> grantee;
  std::vector<Value> actions;
  /// The ARNs the actions apply to.
  std::vector<Value> resource_arns;
  /// Conditions of the statement; default: none.
  Map conditions;
};

/// The result of a grant: the statement added to the grantee's policy, if it has one.
class Grant {
 public:
  /// Adds {Effect Allow, actions, resource_arns} to the grantee's principal policy (a
  /// role's DefaultPolicy). A grantee without a policy of its own (a service principal)
  /// gets nothing, and the grant reports success() false, as CDK's does.
  static Grant add_to_principal(GrantOnPrincipalOptions options);
  static Grant add_to_principal(IGrantable& grantee, std::vector<Value> actions, std::vector<Value> resource_arns);

  bool success() const { return principal_statement_.has_value(); }
  const std::optional<PolicyStatement>& principal_statement() const { return principal_statement_; }

 private:
  std::optional<PolicyStatement> principal_statement_;
};

}  // namespace cdk::iam
