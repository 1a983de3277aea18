// Turns Values into CloudFormation JSON for one stack: tokens become Ref, Fn::GetAtt and
// the other intrinsics, every target is checked, and problems are collected.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cdk/errors.hpp"
#include "cdk/value.hpp"
#include "synth/json.hpp"

namespace cdk {
class CfnElement;
class Stack;
}  // namespace cdk

namespace cdk::synth {

class Resolver {
 public:
  /// `by_logical_id` names every element of the stack, for references made by name.
  /// `cross_stack`, when given, is set to true on the first reference to an element of
  /// another stack.
  Resolver(const Stack& stack, const std::unordered_map<std::string, const CfnElement*>& by_logical_id,
           std::vector<Diagnostic>& diagnostics, bool* cross_stack = nullptr);

  /// Resolves `value`; errors are reported at `path` (the element being rendered).
  Json resolve(const Value& value, const std::string& path);

 private:
  Json resolve_token(const Value& value, int depth);
  Json resolve_value(const Value& value, int depth);
  Json resolve_join(const detail::TokenData& token, int depth);
  Json resolve_intrinsic(const detail::TokenData& token, int depth);
  void check_sub_references(const Value& argument);
  /// The logical id of a same-stack target; reports foreign targets.
  std::string target_id(const CfnElement& target);
  Json import_reference(const detail::TokenData& token, Json reference);
  void report(const char* code, std::string message);
  /// report(), unless the element being resolved has this diagnostic already.
  void report_once(const char* code, std::string message);

  const Stack& stack_;
  const std::unordered_map<std::string, const CfnElement*>& by_logical_id_;
  std::vector<Diagnostic>& diagnostics_;
  bool* cross_stack_ = nullptr;
  const std::string* path_ = nullptr;
};

/// Pseudo parameters CloudFormation knows.
bool is_pseudo_parameter(std::string_view name);

}  // namespace cdk::synth
