// Roles that exist outside the stack (Role::from_role_arn / from_role_name).
#include <algorithm>

#include "cdk/errors.hpp"
#include "cdk/fn.hpp"
#include "cdk/iam/policy.hpp"
#include "cdk/iam/role.hpp"
#include "cdk/stack.hpp"

namespace cdk::iam {

namespace {

// The role name is what follows the last '/' of the ARN's resource part; for a token
// ARN, CDK's split of a slash-resource ARN (the first path component, see CDK's note on
// roles with paths).
Value role_name_of(const Value& arn) {
  if (arn.is_string()) {
    const std::string& text = arn.as_string();
    return text.substr(text.rfind('/') + 1);
  }
  // "arn:" + partition + ...":role/name": CDK parses such a string at the text level.
  if (arn.is_token() && arn.token().op == detail::TokenOp::Join && arn.token().args.size() > 2) {
    const auto& args = arn.token().args;
    std::string tail;  // the literal text after the last token
    for (auto it = args.rbegin(); it != args.rend() - 1 && it->is_string(); ++it) tail = it->as_string() + tail;
    if (args[1].is_string() && args[1].as_string().rfind("arn:", 0) == 0 && tail.find('/') != std::string::npos)
      return tail.substr(tail.rfind('/') + 1);
  }
  return Fn::select(1, Fn::split("/", Fn::select(5, Fn::split(":", arn))));
}

class ImportedRole : public Construct, public IRole {
 public:
  struct Props {
    Value arn;
    FromRoleArnOptions options;
  };
  ImportedRole(Construct& scope, std::string_view id, Props props)
      : Construct(scope, id), arn_{std::move(props.arn)}, name_{role_name_of(arn_)}, options_{std::move(props.options)} {}

  Value role_arn() const override { return arn_; }
  Value role_name() const override { return name_; }
  Construct& node() override { return *this; }
  PrincipalPolicyFragment policy_fragment() const override { return ArnPrincipal{arn_}.policy_fragment(); }

  bool add_to_principal_policy(const PolicyStatement& statement) override {
    // An immutable import pretends the statement was added (CDK's ImmutableRole).
    if (!options_.is_mutable) return true;
    if (!policy_) {
      policy_ = &add<Policy>(options_.default_policy_name);
      attach_inline_policy(*policy_);
    }
    policy_->add_statements({statement});
    return true;
  }

  void attach_inline_policy(Policy& policy) override {
    if (!options_.is_mutable) return;
    if (std::find(attached_.begin(), attached_.end(), &policy) != attached_.end()) return;
    attached_.push_back(&policy);
    policy.attach_to_role(*this);
  }

  // The policies of a role outside the stack cannot be changed from here (CDK ignores it too).
  void add_managed_policy(const ManagedPolicyRef&) override {}

 private:
  Value arn_;
  Value name_;
  FromRoleArnOptions options_;
  Policy* policy_ = nullptr;
  std::vector<Policy*> attached_;
};

}  // namespace

IRole& Role::from_role_arn(Construct& scope, std::string_view id, Value role_arn, FromRoleArnOptions options) {
  return scope.add<ImportedRole>(id, {.arn = std::move(role_arn), .options = std::move(options)});
}

IRole& Role::from_role_name(Construct& scope, std::string_view id, std::string role_name, FromRoleArnOptions options) {
  const Stack& stack = Stack::of(scope);
  return from_role_arn(scope, id, "arn:" + stack.partition() + ":iam::" + stack.account() + ":role/" + role_name,
                       std::move(options));
}

}  // namespace cdk::iam
