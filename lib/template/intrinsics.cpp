#include "template/intrinsics.hpp"

namespace cdk::template_io {

namespace {
// Fn:: functions; each also has a short form !<Name>.
constexpr std::string_view kFunctions[] = {
    "Fn::And",          "Fn::Base64",   "Fn::Cidr",        "Fn::Contains",     "Fn::EachMemberEquals",
    "Fn::EachMemberIn", "Fn::Equals",   "Fn::FindInMap",   "Fn::GetAZs",       "Fn::GetAtt",
    "Fn::If",           "Fn::ImportValue", "Fn::Join",     "Fn::Length",       "Fn::Not",
    "Fn::Or",           "Fn::RefAll",   "Fn::Select",      "Fn::Split",        "Fn::Sub",
    "Fn::ToJsonString", "Fn::Transform", "Fn::ValueOf",    "Fn::ValueOfAll",
};
}  // namespace

bool is_known_intrinsic(std::string_view name) {
  if (name == "Ref" || name == "Condition") return true;
  // AWS::LanguageExtensions: "Fn::ForEach::<LoopName>" keys.
  if (name.substr(0, 13) == "Fn::ForEach::" && name.size() > 13) return true;
  for (auto f : kFunctions)
    if (f == name) return true;
  return false;
}

std::string_view long_form_of_tag(std::string_view tag) {
  if (tag == "Ref" || tag == "Condition") return tag;
  for (auto f : kFunctions)
    if (f.substr(4) == tag) return f;
  return {};
}

}  // namespace cdk::template_io
