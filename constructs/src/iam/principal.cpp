#include "cdk/iam/principal.hpp"

#include "cdk/fn.hpp"

namespace cdk::iam {

namespace {
// Appends `source` to `target` key by key, keeping first-seen key order (CDK's mergePrincipal).
void merge_fragment(PrincipalPolicyFragment& target, const PrincipalPolicyFragment& source) {
  for (const auto& [key, values] : source.principal_json) {
    auto it = target.principal_json.begin();
    while (it != target.principal_json.end() && it->first != key) ++it;
    if (it == target.principal_json.end()) {
      target.principal_json.emplace_back(key, values);
    } else {
      it->second.insert(it->second.end(), values.begin(), values.end());
    }
  }
  for (const auto& entry : source.conditions) target.conditions.push_back(entry);
}
}  // namespace

PrincipalPolicyFragment ServicePrincipal::policy_fragment() const { return {{{"Service", {Value{service_}}}}, {}}; }

PrincipalPolicyFragment ArnPrincipal::policy_fragment() const { return {{{"AWS", {arn_}}}, {}}; }

PrincipalPolicyFragment AccountPrincipal::policy_fragment() const {
  // Literal parts joined first, so a literal account gives one flat join.
  return {{{"AWS", {"arn:" + Aws::partition() + (":iam::" + account_id_ + ":root")}}}, {}};
}

PrincipalPolicyFragment AnyPrincipal::policy_fragment() const { return {{{"AWS", {Value{"*"}}}}, {}}; }

CompositePrincipal::CompositePrincipal(std::vector<Principal> principals) { add_principals(std::move(principals)); }

void CompositePrincipal::add_principals(std::vector<Principal> principals) {
  for (auto& p : principals)
    if (p) principals_.push_back(std::move(p));
}

PrincipalPolicyFragment CompositePrincipal::policy_fragment() const {
  PrincipalPolicyFragment out;
  for (const auto& p : principals_) merge_fragment(out, p->policy_fragment());
  return out;
}

}  // namespace cdk::iam
