// Principals: who a policy statement is about (the "Principal" of a statement), and who
// can be granted permissions (IGrantable).
//
// Principals that are plain values (ServicePrincipal, ArnPrincipal, AccountPrincipal,
// AnyPrincipal, CompositePrincipal) are copied freely; a construct that is a principal
// (Role) is referenced. Both fit `Principal`, the holder used in props and statements.
#pragma once

#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "cdk/value.hpp"

namespace cdk::iam {

class IPrincipal;
class PolicyStatement;

/// What a principal contributes to a statement: {"Service": ["ec2.amazonaws.com"]} and,
/// for some principals, conditions. Keys and values keep insertion order.
struct PrincipalPolicyFragment {
  std::vector<std::pair<std::string, std::vector<Value>>> principal_json;
  /// Conditions as in a statement: {"StringEquals": {"sts:ExternalId": "x"}}.
  Map conditions;
};

/// Something that can be granted permissions (a role, an instance, an auto scaling group).
class IGrantable {
 public:
  virtual ~IGrantable() = default;
  /// The principal that receives the permissions.
  virtual IPrincipal& grant_principal() = 0;
};

/// A principal: renders into a statement's Principal, and may hold an identity policy.
class IPrincipal : public IGrantable {
 public:
  /// The principal itself.
  IPrincipal& grant_principal() override { return *this; }
  virtual PrincipalPolicyFragment policy_fragment() const = 0;
  /// Adds `statement` to the principal's own policy (a role's DefaultPolicy). Returns
  /// false when the principal has no policy of its own (a service, an account), as CDK's
  /// addToPrincipalPolicy reports statementAdded false.
  virtual bool add_to_principal_policy(const PolicyStatement& statement) = 0;
  /// The action of an assume-role statement for this principal.
  virtual std::string assume_role_action() const { return "sts:AssumeRole"; }
};

/// A principal held in props and statements: a copy of a value principal, or a reference
/// to a construct principal (Role), which must outlive the holder (the tree owns it).
class Principal {
 public:
  Principal() = default;
  template <class P, class D = std::decay_t<P>,
            class = std::enable_if_t<std::is_base_of_v<IPrincipal, D> && !std::is_same_v<D, Principal>>>
  Principal(P&& principal) {  // NOLINT: implicit on purpose, `.assumed_by = ServicePrincipal{...}`
    if constexpr (std::is_copy_constructible_v<D> && !std::is_abstract_v<D>) {
      ptr_ = std::make_shared<D>(std::forward<P>(principal));
    } else {
      static_assert(std::is_lvalue_reference_v<P>, "a construct principal is referenced, pass an lvalue");
      ptr_ = std::shared_ptr<IPrincipal>(std::shared_ptr<void>{}, &principal);  // not owned
    }
  }

  explicit operator bool() const { return ptr_ != nullptr; }
  IPrincipal& get() const { return *ptr_; }
  IPrincipal* operator->() const { return ptr_.get(); }
  IPrincipal& operator*() const { return *ptr_; }

 private:
  std::shared_ptr<IPrincipal> ptr_;
};

/// A principal that is a value: it has no policy of its own.
class PrincipalBase : public IPrincipal {
 public:
  bool add_to_principal_policy(const PolicyStatement&) override { return false; }
};

/// An AWS service: {"Service": "ec2.amazonaws.com"}.
class ServicePrincipal : public PrincipalBase {
 public:
  explicit ServicePrincipal(std::string service) : service_{std::move(service)} {}
  const std::string& service() const { return service_; }
  PrincipalPolicyFragment policy_fragment() const override;

 private:
  std::string service_;
};

/// An IAM entity by ARN: {"AWS": "<arn>"}.
class ArnPrincipal : public PrincipalBase {
 public:
  explicit ArnPrincipal(Value arn) : arn_{std::move(arn)} {}
  const Value& arn() const { return arn_; }
  PrincipalPolicyFragment policy_fragment() const override;

 private:
  Value arn_;
};

/// Every identity of an account: {"AWS": "arn:${Partition}:iam::<account>:root"}.
class AccountPrincipal : public PrincipalBase {
 public:
  explicit AccountPrincipal(Value account_id) : account_id_{std::move(account_id)} {}
  const Value& account_id() const { return account_id_; }
  PrincipalPolicyFragment policy_fragment() const override;

 private:
  Value account_id_;
};

/// Anyone: {"AWS": "*"}.
class AnyPrincipal : public PrincipalBase {
 public:
  PrincipalPolicyFragment policy_fragment() const override;
};

/// Several principals in one statement (their fragments merged), e.g. a role assumable by
/// two services.
class CompositePrincipal : public PrincipalBase {
 public:
  CompositePrincipal(std::vector<Principal> principals);
  void add_principals(std::vector<Principal> principals);
  const std::vector<Principal>& principals() const { return principals_; }
  PrincipalPolicyFragment policy_fragment() const override;

 private:
  std::vector<Principal> principals_;
};

}  // namespace cdk::iam
