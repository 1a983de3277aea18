#include "cdk/iam/policy.hpp"

#include <algorithm>

#include "cdk/errors.hpp"
#include "cdk/iam/cfn_policy.hpp"
#include "cdk/iam/role.hpp"

namespace cdk::iam {

namespace {
constexpr std::size_t kMaxPolicyNameLength = 128;

// Statements of an identity policy: actions, resources, no principals.
void check_identity_statement(const Construct& scope, const PolicyStatement& statement) {
  const auto errors = statement.validate_for_identity_policy();
  if (!errors.empty()) throw Error(errc::IamInvalidStatement, scope.path(), errors.front());
}
}  // namespace

// Statements granted to a Policy go into it (CDK's PolicyGrantPrincipal); a policy cannot
// be the Principal of a statement.
class Policy::GrantPrincipal : public IPrincipal {
 public:
  explicit GrantPrincipal(Policy& policy) : policy_{policy} {}
  PrincipalPolicyFragment policy_fragment() const override {
    throw Error(errc::IamMissingPrincipal, policy_.path(),
                "Cannot use a Policy '" + policy_.path() + "' as the 'Principal' or 'NotPrincipal' in an IAM Policy");
  }
  bool add_to_principal_policy(const PolicyStatement& statement) override {
    policy_.add_statements({statement});
    return true;
  }

 private:
  Policy& policy_;
};

Policy::Policy(Construct& scope, std::string_view id, PolicyProps props)
    : Construct(scope, id), force_{props.force}, grant_principal_{std::make_shared<GrantPrincipal>(*this)} {
  if (props.document) document_ = std::move(*props.document);
  for (const auto& s : document_.statements()) check_identity_statement(*this, s);
  if (props.policy_name) {
    if (props.policy_name->empty() || props.policy_name->size() > kMaxPolicyNameLength)
      throw Error(errc::IamInvalidPolicyName, path(), "policy name must be 1 to 128 characters, got " +
                                                          std::to_string(props.policy_name->size()));
    policy_name_ = *props.policy_name;
  } else {
    // CDK: the last 128 characters of the resource's logical id (normally all of it).
    policy_name_ = lazy(
        [this]() -> Value {
          const std::string& id = resource_->logical_id();
          return id.size() > kMaxPolicyNameLength ? id.substr(id.size() - kMaxPolicyNameLength) : id;
        },
        TokenType::String);
  }
  for (const auto& role : props.roles)
    if (role) attach_to_role(*role);
  add_statements(std::move(props.statements));
  create_resource_when_needed();
  add_validation([this] {
    std::vector<std::string> errors;
    if (!resource_) return errors;  // left out of the template
    if (document_.is_empty())
      errors.emplace_back(force_ ? "Policy created with force=true is empty. You must add statements to the policy"
                                 : "This Policy has been referenced by a resource, so it must contain at least one statement.");
    if (roles_.empty())
      errors.emplace_back(force_ ? "Policy created with force=true must be attached to at least one principal: user, group or role"
                                 : "This Policy has been referenced by a resource, so it must be attached to at least one user, group or role.");
    return errors;
  });
}

// CDK leaves an empty or unattached policy out of the template unless it is forced or
// referenced; here the resource is created once the policy is complete.
void Policy::create_resource_when_needed() {
  if (resource_ || !(force_ || referenced_ || (!document_.is_empty() && !roles_.empty()))) return;
  resource_ = &add<CfnPolicy>(
      "Resource", {.policy_document = document_.lazy_render(),
                   .policy_name = policy_name_,
                   .roles = ListOf<Str>(lazy(
                       [this]() -> Value {
                         if (roles_.empty()) return {};
                         List names;
                         for (const IRole* role : roles_) names.push_back(role->role_name());
                         return names;
                       },
                       TokenType::List))});
}

void Policy::add_statements(std::vector<PolicyStatement> statements) {
  for (const auto& s : statements) check_identity_statement(*this, s);
  document_.add_statements(std::move(statements));
  create_resource_when_needed();
}

void Policy::attach_to_role(IRole& role) {
  if (std::find(roles_.begin(), roles_.end(), &role) != roles_.end()) return;
  roles_.push_back(&role);
  role.attach_inline_policy(*this);
  create_resource_when_needed();
}

Value Policy::policy_name() {
  // Referenced: the policy must be in the template (and is checked at synth).
  referenced_ = true;
  create_resource_when_needed();
  return policy_name_;
}

IPrincipal& Policy::grant_principal() { return *grant_principal_; }

}  // namespace cdk::iam
