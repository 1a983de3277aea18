// The fleet app of the synth benchmark: copies of a typical L2 stack, a VPC over two AZs
// with an auto scaling group that scales on CPU. Where the generated app measures the
// core (many plain resources), this measures the constructs (each stack is 29 resources
// derived from a few lines of user code). bench/cdk/vpc_asg_fleet.js is the same program
// for aws-cdk-lib.
#pragma once

#include <cstddef>

namespace cdk {
class App;
}

namespace bench {

/// Adds `copies` stacks FleetStack0, FleetStack1, ... to `app`.
void build_vpc_asg_fleet(cdk::App& app, std::size_t copies);

}  // namespace bench
