#include "cdk/iam/policy_document.hpp"

#include <string>

namespace cdk::iam {

PolicyDocument::PolicyDocument(PolicyDocumentProps props) : assign_sids_{props.assign_sids} {
  add_statements(std::move(props.statements));
}

void PolicyDocument::add_statements(std::vector<PolicyStatement> statements) {
  for (auto& s : statements) statements_.push_back(std::move(s));
}

Value PolicyDocument::render() const {
  if (statements_.empty()) return {};
  // Identical statements are written once (CDK's PostProcessPolicyDocument).
  List rendered;
  for (const auto& statement : statements_) {
    Value json = statement.to_statement_json();
    bool seen = false;
    for (const auto& r : rendered) seen = seen || r == json;
    if (!seen) rendered.push_back(std::move(json));
  }
  if (assign_sids_) {
    for (std::size_t i = 0; i < rendered.size(); ++i) {
      Map m = rendered[i].as_map();
      bool has_sid = false;
      for (const auto& [key, value] : m) has_sid = has_sid || key == "Sid";
      if (!has_sid) m.emplace_back("Sid", std::to_string(i));
      rendered[i] = Value{std::move(m)};
    }
  }
  return Value{Map{{"Statement", Value{std::move(rendered)}}, {"Version", "2012-10-17"}}};
}

Value PolicyDocument::lazy_render() const {
  return lazy([this] { return render(); });
}

namespace {
template <class Check>
std::vector<std::string> collect(const std::vector<PolicyStatement>& statements, Check check) {
  std::vector<std::string> out;
  for (const auto& s : statements)
    for (auto& e : (s.*check)()) out.push_back(std::move(e));
  return out;
}
}  // namespace

std::vector<std::string> PolicyDocument::validate_for_any_policy() const {
  return collect(statements_, &PolicyStatement::validate_for_any_policy);
}
std::vector<std::string> PolicyDocument::validate_for_identity_policy() const {
  return collect(statements_, &PolicyStatement::validate_for_identity_policy);
}
std::vector<std::string> PolicyDocument::validate_for_resource_policy() const {
  return collect(statements_, &PolicyStatement::validate_for_resource_policy);
}

}  // namespace cdk::iam
