// An auto scaling group with a launch template in a VPC: two t3.micro instances that
// install and start nginx through CloudFormation Init, signal success with cfn-signal
// (the group waits for the signals on creation and on each rolling update), and scale
// on CPU. The template is CDK's for the same program with the launch-template flag
// (@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig), except that
// the instances require IMDSv2 (MetadataOptions HttpTokens "required").
#include <chrono>

#include <cdk/autoscaling.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2.hpp>

int main(int argc, char** argv) {
  using namespace cdk::ec2;
  namespace autoscaling = cdk::autoscaling;
  using std::chrono::minutes;

  cdk::App app{argc, argv};
  auto& stack = app.add<cdk::Stack>("AsgLaunchTemplate");
  auto& vpc = stack.add<Vpc>("Vpc", {.max_azs = 2});

  auto& fleet = stack.add<autoscaling::AutoScalingGroup>("Fleet", {
      .vpc = vpc,
      .instance_type = InstanceType::of(InstanceClass::Burstable3, InstanceSize::Micro),
      .machine_image = MachineImage::latest_amazon_linux2023(),
      .min_capacity = 2,
      .max_capacity = 4,
      .signals = autoscaling::Signals::wait_for_min_capacity({.timeout = minutes{10}}),
      .update_policy = autoscaling::UpdatePolicy::rolling_update({.max_batch_size = 1, .min_instances_in_service = 1}),
      .init = CloudFormationInit::from_elements({
          InitPackage::yum("nginx"),
          InitFile::from_string("/usr/share/nginx/html/index.html", "<h1>Hello from cdkpp</h1>\n"),
          InitService::enable("nginx"),
      }),
  });
  fleet.scale_on_cpu_utilization("Cpu", {.target_utilization_percent = 50});

  stack.add<cdk::CfnOutput>("FleetName", {.value = fleet.auto_scaling_group_name()});
  return app.synth_main();
}
