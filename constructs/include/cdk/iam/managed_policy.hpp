// Managed policies: AWS managed ones by name (value references), and customer managed
// ones (AWS::IAM::ManagedPolicy).
#pragma once

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

/// A managed policy, known by its ARN.
class IManagedPolicy {
 public:
  virtual ~IManagedPolicy() = default;
  virtual Value managed_policy_arn() const = 0;
};

/// A managed policy held by value in props (`RoleProps::managed_policies`): an AWS
/// managed policy, one imported by ARN, or a ManagedPolicy construct's ARN.
class ManagedPolicyRef : public IManagedPolicy {
 public:
  explicit ManagedPolicyRef(Value arn) : arn_{std::move(arn)} {}
  ManagedPolicyRef(const IManagedPolicy& policy) : arn_{policy.managed_policy_arn()} {}  // NOLINT: implicit
  Value managed_policy_arn() const override { return arn_; }

 private:
  Value arn_;
};

struct ManagedPolicyProps {
  /// ManagedPolicyName; default: CloudFormation generates one.
  std::optional<std::string> managed_policy_name;
  /// Description; default: "" (written, as CDK).
  std::optional<std::string> description;
  /// Path; default: "/" (written, as CDK).
  std::optional<std::string> path;
  /// Roles the policy is attached to (more with attach_to_role).
  std::vector<Borrowed<IRole>> roles;
  /// Statements of the policy (more with add_statements).
  std::vector<PolicyStatement> statements;
  /// Starting document; statements are added to it.
  std::optional<PolicyDocument> document;
};

/// AWS::IAM::ManagedPolicy. An empty document is reported at synth, as CDK does.
class ManagedPolicy : public Construct, public IManagedPolicy, public IGrantable {
 public:
  using Props = ManagedPolicyProps;

  /// arn:${AWS::Partition}:iam::aws:policy/<name>, e.g. "AmazonSSMManagedInstanceCore"
  /// or "service-role/AmazonEC2RoleforSSM".
  static ManagedPolicyRef from_aws_managed_policy_name(std::string_view name);
  static ManagedPolicyRef from_managed_policy_arn(Value arn);
  /// A customer managed policy of the stack's account: arn:...:iam::<account>:policy/<name>.
  static ManagedPolicyRef from_managed_policy_name(const Construct& scope, std::string_view name);

  ManagedPolicy(Construct& scope, std::string_view id, ManagedPolicyProps props = {});

  Value managed_policy_arn() const override;  // Ref
  void add_statements(std::vector<PolicyStatement> statements);
  void attach_to_role(IRole& role);
  PolicyDocument& document() { return document_; }
  const PolicyDocument& document() const { return document_; }
  IPrincipal& grant_principal() override;
  CfnManagedPolicy& cfn_managed_policy() { return *resource_; }

 private:
  class GrantPrincipal;
  PolicyDocument document_;
  std::vector<IRole*> roles_;
  CfnManagedPolicy* resource_ = nullptr;
  std::shared_ptr<IPrincipal> grant_principal_;
};

}  // namespace cdk::iam
