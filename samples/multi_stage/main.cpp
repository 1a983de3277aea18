// Two environments of one application: stages Dev and Prod, each with a network stack
// (a VPC over two AZs) and a compute stack (an auto scaling group in that VPC's private
// subnets, reading a versioned data bucket). Prod is bigger: two NAT gateways instead of
// one, t3.small instead of t3.micro, two to four instances instead of one or two; its
// data is retained when the stack goes, Dev's is deleted. Every taggable resource of a
// stage carries its project and environment tags.
//
// The compute stack uses the network stack's VPC as if it were its own: cdkpp exports
// the VPC and subnet ids from Dev-Network, imports them into Dev-Compute and deploys the
// network first. The same program for aws-cdk-lib is cdk/app.js (the test
// sample.multi_stage.cdk_reference compares the two assemblies).
#include <array>

#include <cdk/autoscaling.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2.hpp>
#include <cdk/s3.hpp>

namespace {
struct EnvironmentSize {
  const char* stage;
  const char* tag;
  int nat_gateways;
  cdk::ec2::InstanceSize instance_size;
  int min_capacity, max_capacity;
  cdk::RemovalPolicy data_removal;
};
}  // namespace

int main(int argc, char** argv) {
  using namespace cdk::ec2;
  constexpr std::array environments{
      EnvironmentSize{"Dev", "dev", 1, InstanceSize::Micro, 1, 2, cdk::RemovalPolicy::Destroy},
      EnvironmentSize{"Prod", "prod", 2, InstanceSize::Small, 2, 4, cdk::RemovalPolicy::Retain},
  };

  cdk::App app{argc, argv};
  for (const auto& env : environments) {
    auto& stage = app.add<cdk::Stage>(env.stage);
    // Tagged per stage: as in CDK, aspects (and so tags) of the app stop at a stage.
    cdk::Tags::of(stage).add("project", "multi-stage");
    cdk::Tags::of(stage).add("environment", env.tag);

    auto& network = stage.add<cdk::Stack>("Network");
    auto& vpc = network.add<Vpc>("Vpc", {.max_azs = 2, .nat_gateways = env.nat_gateways});

    auto& compute = stage.add<cdk::Stack>("Compute");
    auto& data = compute.add<cdk::s3::Bucket>("Data", {.versioned = true});
    cdk::RemovalPolicies::of(data).apply(env.data_removal);
    auto& web = compute.add<cdk::autoscaling::AutoScalingGroup>("Web", {
        .vpc = vpc,
        .instance_type = InstanceType::of(InstanceClass::Burstable3, env.instance_size),
        .machine_image = MachineImage::latest_amazon_linux2023(),
        .min_capacity = env.min_capacity,
        .max_capacity = env.max_capacity,
    });
    data.grant_read(web);
    compute.add<cdk::CfnOutput>("WebGroupName", {.value = web.auto_scaling_group_name()});
  }
  return app.synth_main();
}
