// AWS::IAM::Policy: an inline policy attached to roles (a role's DefaultPolicy is one).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/borrowed.hpp"
#include "cdk/construct.hpp"
#include "cdk/iam/cfn_fwd.hpp"
#include "cdk/iam/policy_document.hpp"
#include "cdk/iam/principal.hpp"

namespace cdk::iam {

class IRole;

struct PolicyProps {
  /// PolicyName; default: the last 128 characters of the policy resource's logical id,
  /// as CDK does (InstanceRoleDefaultPolicy1531605C).
  std::optional<std::string> policy_name;
  /// Roles the policy is attached to (more with attach_to_role).
  std::vector<Borrowed<IRole>> roles;
  /// Statements of the policy (more with add_statements).
  std::vector<PolicyStatement> statements;
  /// Report an empty or unattached policy at synth instead of leaving it out. Default: false.
  bool force = false;
  /// Starting document; statements are added to it.
  std::optional<PolicyDocument> document;
};

/// An inline policy. As in CDK, a policy without statements or without roles is left out
/// of the template (unless `force`), so a role's DefaultPolicy appears with its first
/// statement.
class Policy : public Construct, public IGrantable {
 public:
  using Props = PolicyProps;

  Policy(Construct& scope, std::string_view id, PolicyProps props = {});

  /// Statements must name actions and resources and no principals (identity policy);
  /// otherwise cdk.iam.InvalidStatement is thrown with this policy's path.
  void add_statements(std::vector<PolicyStatement> statements);
  void attach_to_role(IRole& role);
  /// PolicyName (a token for the default name). Taking it puts the policy in the template
  /// even when empty, and an empty or unattached policy is then reported at synth.
  Value policy_name();
  PolicyDocument& document() { return document_; }
  const PolicyDocument& document() const { return document_; }
  const std::vector<IRole*>& roles() const { return roles_; }
  /// The policy as a principal: statements granted to it are added to it.
  IPrincipal& grant_principal() override;
  /// The AWS::IAM::Policy resource, or nullptr while the policy is left out (no
  /// statements or no roles yet).
  CfnPolicy* cfn_policy() { return resource_; }
  const CfnPolicy* cfn_policy() const { return resource_; }

 private:
  class GrantPrincipal;
  void create_resource_when_needed();
  PolicyDocument document_;
  std::vector<IRole*> roles_;
  Value policy_name_;
  bool force_ = false;
  bool referenced_ = false;
  CfnPolicy* resource_ = nullptr;
  std::shared_ptr<IPrincipal> grant_principal_;
};

}  // namespace cdk::iam
