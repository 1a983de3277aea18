// An IAM policy document: a list of statements, rendered as
// {"Statement": [...], "Version": "2012-10-17"}.
#pragma once

#include <vector>

#include "cdk/iam/policy_statement.hpp"
#include "cdk/value.hpp"

namespace cdk::iam {

struct PolicyDocumentProps {
  std::vector<PolicyStatement> statements;
  /// Give every statement without a Sid its index as Sid ("0", "1", ...). Default: false.
  bool assign_sids = false;
};

/// A value; a construct that holds one (Role, Policy) renders it at synth, so statements
/// added until then are included. Identical statements are written once, as CDK does
/// (CDK merges similar statements only under its minimizePolicies feature flag, which
/// is off by default; so does cdkpp).
class PolicyDocument {
 public:
  PolicyDocument(PolicyDocumentProps props = {});

  void add_statements(std::vector<PolicyStatement> statements);
  const std::vector<PolicyStatement>& statements() const { return statements_; }
  bool is_empty() const { return statements_.empty(); }
  std::size_t statement_count() const { return statements_.size(); }

  /// The document with tokens unresolved; null when it has no statements.
  Value render() const;
  /// A token that renders this document at synth: the document must outlive the synth
  /// (a construct's member does).
  Value lazy_render() const;

  std::vector<std::string> validate_for_any_policy() const;
  std::vector<std::string> validate_for_identity_policy() const;
  std::vector<std::string> validate_for_resource_policy() const;

 private:
  std::vector<PolicyStatement> statements_;
  bool assign_sids_ = false;
};

}  // namespace cdk::iam
