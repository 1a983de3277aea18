#include "availability_zones.hpp"

#include <variant>

#include "cdk/app.hpp"
#include "cdk/errors.hpp"
#include "cdk/fn.hpp"
#include "cdk/stack.hpp"

namespace cdk::ec2::detail {

StackAvailabilityZones stack_availability_zones(Construct& scope) {
  auto& stack = Stack::of(scope);
  const auto& env = stack.environment();
  if (!env.account || !env.region) {
    return {{Fn::select(0, Fn::get_azs()), Fn::select(1, Fn::get_azs())}, false};
  }
  const auto key = "availability-zones:account=" + *env.account + ":region=" + *env.region;
  if (auto found = scope.try_get_context(key)) {
    if (!found->is_list()) {
      throw Error(errc::InvalidContext, scope.path(), "context '" + key + "' must be a list of strings");
    }
    StackAvailabilityZones result{{}, true};
    for (const auto& zone : found->as_list()) {
      if (!zone.is_string()) {
        throw Error(errc::InvalidContext, scope.path(), "context '" + key + "' must be a list of strings");
      }
      result.zones.push_back(zone);
    }
    return result;
  }
  const std::vector<std::string> dummy{"dummy1a", "dummy1b", "dummy1c"};
  if (auto* app = scope.app()) {
    Map props{{"dummyValue", Value{dummy}}, {"account", *env.account}, {"region", *env.region}};
    if (const auto* synthesizer = std::get_if<DefaultStackSynthesizer>(&stack.synthesizer())) {
      props.emplace_back("lookupRoleArn", "arn:${AWS::Partition}:iam::" + *env.account + ":role/cdk-" +
                                              synthesizer->qualifier + "-lookup-role-" + *env.account + "-" +
                                              *env.region);
    }
    app->report_missing_context({.key = key, .provider = "availability-zones", .props = std::move(props)});
  }
  return {{dummy.begin(), dummy.end()}, false};
}

}  // namespace cdk::ec2::detail
