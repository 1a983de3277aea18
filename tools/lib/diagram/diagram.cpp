#include "cdk/tools/diagram.hpp"

#include <set>

#include "diagram/model.hpp"
#include "stack_templates.hpp"

namespace cdk::tools {

std::string diagram_dot(const std::vector<std::string>& inputs, const DiagramOptions& options) {
  std::vector<StackTemplate> stacks;
  for (const auto& input : inputs) {
    auto loaded = load_stacks(input);
    for (auto& stack : loaded) stacks.push_back(std::move(stack));
  }
  // Two inputs may hold stacks of one name (two cdk.out folders of an app): the display
  // name is what node ids start with, so the later ones are told apart.
  std::set<std::string> seen;
  for (auto& stack : stacks) {
    std::string name = stack.display_name;
    for (int n = 2; !seen.insert(name).second; ++n) name = stack.display_name + " (" + std::to_string(n) + ")";
    stack.display_name = name;
  }
  return diagram::to_dot(diagram::build_diagram(stacks, options), options);
}

}  // namespace cdk::tools
