#include "cdk/tools/diagram.hpp"

#include "diagram/model.hpp"
#include "stack_templates.hpp"

namespace cdk::tools {

std::string diagram_dot(const std::vector<std::string>& inputs, const DiagramOptions& options) {
  std::vector<StackTemplate> stacks;
  for (const auto& input : inputs) {
    auto loaded = load_stacks(input);
    for (auto& stack : loaded) stacks.push_back(std::move(stack));
  }
  return diagram::to_dot(diagram::build_diagram(stacks, options), options);
}

}  // namespace cdk::tools
