#include "cdk/iam/managed_policy.hpp"

#include <algorithm>

#include "cdk/errors.hpp"
#include "cdk/fn.hpp"
#include "cdk/iam/cfn_managed_policy.hpp"
#include "cdk/iam/role.hpp"
#include "cdk/stack.hpp"

namespace cdk::iam {

namespace {
void check_identity_statement(const Construct& scope, const PolicyStatement& statement) {
  const auto errors = statement.validate_for_identity_policy();
  if (!errors.empty()) throw Error(errc::IamInvalidStatement, scope.path(), errors.front());
}
}  // namespace

class ManagedPolicy::GrantPrincipal : public IPrincipal {
 public:
  explicit GrantPrincipal(ManagedPolicy& policy) : policy_{policy} {}
  PrincipalPolicyFragment policy_fragment() const override {
    throw Error(errc::IamMissingPrincipal, policy_.path(),
                "Cannot use a ManagedPolicy '" + policy_.path() + "' as the 'Principal' or 'NotPrincipal' in an IAM Policy");
  }
  bool add_to_principal_policy(const PolicyStatement& statement) override {
    policy_.add_statements({statement});
    return true;
  }

 private:
  ManagedPolicy& policy_;
};

ManagedPolicyRef ManagedPolicy::from_aws_managed_policy_name(std::string_view name) {
  return ManagedPolicyRef{"arn:" + Aws::partition() + ":iam::aws:policy/" + std::string{name}};
}

ManagedPolicyRef ManagedPolicy::from_managed_policy_arn(Value arn) { return ManagedPolicyRef{std::move(arn)}; }

ManagedPolicyRef ManagedPolicy::from_managed_policy_name(const Construct& scope, std::string_view name) {
  const Stack& stack = Stack::of(scope);
  return ManagedPolicyRef{"arn:" + stack.partition() + ":iam::" + stack.account() + ":policy/" + std::string{name}};
}

ManagedPolicy::ManagedPolicy(Construct& scope, std::string_view id, ManagedPolicyProps props)
    : Construct(scope, id), grant_principal_{std::make_shared<GrantPrincipal>(*this)} {
  if (props.document) document_ = std::move(*props.document);
  for (const auto& s : document_.statements()) check_identity_statement(*this, s);
  if (props.description && props.description->size() > 1000)
    throw Error(errc::IamDescriptionTooLong, path(), "Managed policy description must be no longer than 1000 characters.");
  CfnManagedPolicy::Props cfn{.policy_document = document_.lazy_render()};
  // CDK writes Description "" and Path "/" when not given.
  cfn.description = props.description.value_or("");
  if (props.managed_policy_name) cfn.managed_policy_name = *props.managed_policy_name;
  cfn.path = props.path.value_or("/");
  cfn.roles = ListOf<Str>(lazy(
      [this]() -> Value {
        if (roles_.empty()) return {};
        List names;
        for (const IRole* role : roles_) names.push_back(role->role_name());
        return names;
      },
      TokenType::List));
  resource_ = &add<CfnManagedPolicy>("Resource", std::move(cfn));
  for (const auto& role : props.roles)
    if (role) attach_to_role(*role);
  add_statements(std::move(props.statements));
  add_validation([this] {
    std::vector<std::string> errors;
    if (document_.is_empty()) errors.emplace_back("Managed Policy is empty. You must add statements to the policy");
    return errors;
  });
}

Value ManagedPolicy::managed_policy_arn() const { return resource_->ref(); }

void ManagedPolicy::add_statements(std::vector<PolicyStatement> statements) {
  for (const auto& s : statements) check_identity_statement(*this, s);
  document_.add_statements(std::move(statements));
}

void ManagedPolicy::attach_to_role(IRole& role) {
  if (std::find(roles_.begin(), roles_.end(), &role) != roles_.end()) return;
  roles_.push_back(&role);
}

IPrincipal& ManagedPolicy::grant_principal() { return *grant_principal_; }

}  // namespace cdk::iam
