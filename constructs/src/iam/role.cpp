#include "cdk/iam/role.hpp"

#include <algorithm>

#include "cdk/errors.hpp"
#include "cdk/iam/cfn_role.hpp"
#include "cdk/iam/policy.hpp"

namespace cdk::iam {

namespace {

void check_role_name(const Construct& role, const std::optional<std::string>& name) {
  // CDK's /^[\w+=,.@-]{1,64}$/, written out: a std::regex costs more to build than a
  // small synth's whole IAM work.
  const auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view{"_+=,.@-"}.find(c) != std::string_view::npos;
  };
  if (name && (name->empty() || name->size() > 64 || !std::all_of(name->begin(), name->end(), allowed)))
    throw Error(errc::IamInvalidRoleName, role.path(),
                "Invalid roleName. The name must be a string of characters consisting of upper and lowercase "
                "alphanumeric characters with no spaces. You can also include any of the following characters: "
                "_+=,.@-. Length must be between 1 and 64 characters.");
}

void check_path(const Construct& role, const std::optional<std::string>& path) {
  if (!path) return;
  if (path->empty() || path->size() > 512)
    throw Error(errc::IamInvalidPath, role.path(),
                "Role path must be between 1 and 512 characters. The provided role path is " +
                    std::to_string(path->size()) + " characters.");
  const bool slash_only = *path == "/";
  const bool wrapped = path->size() >= 3 && path->front() == '/' && path->back() == '/' &&
                       std::all_of(path->begin() + 1, path->end() - 1, [](char c) {
                         return static_cast<unsigned char>(c) >= 0x21 && static_cast<unsigned char>(c) <= 0x7F;
                       });
  if (!slash_only && !wrapped)
    throw Error(errc::IamInvalidPath, role.path(),
                "Role path must be either a slash or valid characters (alphanumerics and symbols) surrounded by "
                "slashes. Valid characters are unicode characters in [\\u0021-\\u007F]. However, " +
                    *path + " is provided.");
}

void check_max_session_duration(const Construct& role, const std::optional<std::chrono::seconds>& duration) {
  if (!duration) return;
  const auto seconds = duration->count();
  if (seconds < 3600 || seconds > 43200)
    throw Error(errc::IamInvalidMaxSessionDuration, role.path(),
                "maxSessionDuration is set to " + std::to_string(seconds) +
                    ", but must be >= 3600sec (1hr) and <= 43200sec (12hrs)");
}

// The trust policy: one statement per principal, as CDK's createAssumeRolePolicy (a
// CompositePrincipal adds one for each of its principals).
void add_assume_role_statements(PolicyDocument& doc, const Principal& principal,
                                const std::vector<std::string>& external_ids) {
  if (auto* composite = dynamic_cast<const CompositePrincipal*>(&*principal)) {
    for (const auto& p : composite->principals()) add_assume_role_statements(doc, p, external_ids);
    return;
  }
  PolicyStatement statement{{.actions = {principal->assume_role_action()}, .principals = {principal}}};
  if (!external_ids.empty()) {
    Value ids = external_ids.size() == 1 ? Value{external_ids.front()} : Value{external_ids};
    statement.add_condition("StringEquals", Map{{"sts:ExternalId", ids}});
  }
  doc.add_statements({std::move(statement)});
}

}  // namespace

Grant IRole::grant(IGrantable& grantee, std::vector<Value> actions) {
  return Grant::add_to_principal({.grantee = grantee, .actions = std::move(actions), .resource_arns = {role_arn()}});
}

Grant IRole::grant_pass_role(IGrantable& grantee) { return grant(grantee, {"iam:PassRole"}); }

Grant IRole::grant_assume_role(IGrantable& grantee) {
  const IPrincipal& principal = grantee.grant_principal();
  if (dynamic_cast<const ServicePrincipal*>(&principal) || dynamic_cast<const AccountPrincipal*>(&principal))
    throw Error(errc::IamInvalidGrantee, node().path(),
                "Cannot use a service or account principal with grantAssumeRole, use assumeRolePolicy instead.");
  return grant(grantee, {"sts:AssumeRole"});
}

Role::Role(Construct& scope, std::string_view id, RoleProps props) : Construct(scope, id) {
  if (!props.assumed_by)
    throw Error(errc::IamMissingPrincipal, path(), "a role needs assumed_by, the principal that can assume it");
  check_role_name(*this, props.role_name);
  check_path(*this, props.path);
  check_max_session_duration(*this, props.max_session_duration);
  if (props.description && props.description->size() > 1000)
    throw Error(errc::IamDescriptionTooLong, path(), "Role description must be no longer than 1000 characters.");
  add_assume_role_statements(assume_role_policy_, props.assumed_by, props.external_ids);
  for (const auto& [name, doc] : props.inline_policies) {
    const auto errors = doc.validate_for_identity_policy();
    if (!errors.empty()) throw Error(errc::IamInvalidStatement, path(), "inline policy '" + name + "': " + errors.front());
  }
  for (const auto& policy : props.managed_policies) add_managed_policy(policy);
  inline_policies_ = std::move(props.inline_policies);

  CfnRole::Props cfn{.assume_role_policy_document = assume_role_policy_.lazy_render()};
  if (props.description && !props.description->empty()) cfn.description = *props.description;
  cfn.managed_policy_arns = ListOf<Str>(lazy(
      [this]() -> Value {
        if (managed_policies_.empty()) return {};
        List arns;
        for (const auto& p : managed_policies_) arns.push_back(p.managed_policy_arn());
        return arns;
      },
      TokenType::List));
  if (props.max_session_duration) cfn.max_session_duration = static_cast<long long>(props.max_session_duration->count());
  if (props.path) cfn.path = *props.path;
  if (props.permissions_boundary) cfn.permissions_boundary = props.permissions_boundary->managed_policy_arn();
  if (!inline_policies_.empty()) {
    std::vector<CfnRole::PolicyProperty> policies;
    for (const auto& [name, doc] : inline_policies_)
      policies.push_back({.policy_document = doc.lazy_render(), .policy_name = name});
    cfn.policies = std::move(policies);
  }
  if (props.role_name) cfn.role_name = *props.role_name;
  resource_ = &add<CfnRole>("Resource", std::move(cfn));

  add_validation([this] { return assume_role_policy_.validate_for_resource_policy(); });
}

Value Role::role_arn() const { return resource_->attr_arn(); }
Value Role::role_name() const { return resource_->ref(); }
Value Role::role_id() const { return resource_->attr_role_id(); }

PrincipalPolicyFragment Role::policy_fragment() const { return ArnPrincipal{role_arn()}.policy_fragment(); }

bool Role::add_to_principal_policy(const PolicyStatement& statement) {
  if (!default_policy_) {
    default_policy_ = &add<Policy>("DefaultPolicy");
    attach_inline_policy(*default_policy_);
  }
  default_policy_->add_statements({statement});
  return true;
}

void Role::attach_inline_policy(Policy& policy) {
  if (std::find(attached_policies_.begin(), attached_policies_.end(), &policy) != attached_policies_.end()) return;
  attached_policies_.push_back(&policy);
  policy.attach_to_role(*this);
}

void Role::add_managed_policy(const ManagedPolicyRef& policy) {
  const Value arn = policy.managed_policy_arn();
  for (const auto& p : managed_policies_)
    if (p.managed_policy_arn() == arn) return;
  managed_policies_.push_back(policy);
}

}  // namespace cdk::iam
