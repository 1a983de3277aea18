#include "vpc_asg_fleet.hpp"

#include <string>

#include <cdk/autoscaling.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2.hpp>

namespace bench {

void build_vpc_asg_fleet(cdk::App& app, std::size_t copies) {
  using namespace cdk::ec2;
  for (std::size_t i = 0; i < copies; ++i) {
    auto& stack = app.add<cdk::Stack>("FleetStack" + std::to_string(i));
    auto& vpc = stack.add<Vpc>("Vpc", {.max_azs = 2});
    auto& group = stack.add<cdk::autoscaling::AutoScalingGroup>("Asg", {
        .vpc = vpc,
        .instance_type = InstanceType::of(InstanceClass::Burstable3, InstanceSize::Micro),
        .machine_image = MachineImage::latest_amazon_linux2023(),
        .min_capacity = 1,
        .max_capacity = 4,
        .desired_capacity = 2,
    });
    group.scale_on_cpu_utilization("Cpu", {.target_utilization_percent = 50});
    stack.add<cdk::CfnOutput>("GroupName", {.value = group.auto_scaling_group_name()});
  }
}

}  // namespace bench
