// The availability zones of a stack, as CDK's Stack.availabilityZones gives them.
#pragma once

#include <vector>

#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk::ec2::detail {

struct StackAvailabilityZones {
  std::vector<Value> zones;
  /// True when `zones` are the region's real names (from the context), so given AZs can
  /// be checked against them.
  bool resolved = false;
};

/// Environment-agnostic stack (account or region unknown): Fn::Select 0 and 1 of
/// Fn::GetAZs "". Otherwise the context key
/// "availability-zones:account=<a>:region=<r>"; when it is missing, CDK's dummy AZs
/// (dummy1a, dummy1b, dummy1c) and a missing-context report for the manifest.
StackAvailabilityZones stack_availability_zones(Construct& scope);

}  // namespace cdk::ec2::detail
