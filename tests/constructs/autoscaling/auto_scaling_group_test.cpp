// AutoScalingGroup: CDK's output with the launch-template flag (the default here), CDK's
// launch configuration (opt-in), and CDK's checks (auto-scaling-group.test.ts).
#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/autoscaling.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2.hpp>
#include <cdk/ec2/launch_template.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/iam.hpp>
#include <chrono>

#include "support.hpp"

using namespace cdk::autoscaling;
using cdk::Map;
namespace Match = cdk::assertions::Match;
using cdk::assertions::Template;
namespace ec2 = cdk::ec2;
using asg_test::check_error;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

struct Fixture {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("S");
  ec2::Vpc& vpc = stack.add<ec2::Vpc>("Vpc", {.max_azs = 2});

  AutoScalingGroupProps props() {
    return {.vpc = vpc,
            .instance_type = ec2::InstanceType{"t3.micro"},
            .machine_image = ec2::MachineImage::latest_amazon_linux2023()};
  }
};

cdk::Value ref(const char* id) { return Map{{"Ref", id}}; }
cdk::Value get_att(const char* id, const char* attribute) { return Map{{"Fn::GetAtt", cdk::List{id, attribute}}}; }
cdk::Value name_tag(const char* value) { return cdk::List{Map{{"Key", "Name"}, {"Value", value}}}; }

}  // namespace

TEST_CASE("AutoScalingGroup: the default is CDK's output with the launch-template flag") {
  Fixture f;
  auto p = f.props();
  p.desired_capacity = 2;
  auto& asg = f.stack.add<AutoScalingGroup>("Asg", std::move(p));
  asg.add_user_data({"yum install -y nginx"});
  asg_test::dump(f.stack, "asg_default");
  auto t = Template::from_stack(f.stack);

  t.resource_count_is("AWS::AutoScaling::LaunchConfiguration", 0);
  t.has_resource_properties("AWS::EC2::SecurityGroup", {
      {"GroupDescription", "S/Asg/InstanceSecurityGroup"},
      {"SecurityGroupEgress", cdk::List{Map{{"CidrIp", "0.0.0.0/0"}, {"Description", "Allow all outbound traffic by default"}, {"IpProtocol", "-1"}}}},
      {"Tags", name_tag("S/Asg")},
      {"VpcId", ref("Vpc8378EB38")},
  });
  t.has_resource("AWS::IAM::Role", {{"Properties", Map{{"Tags", name_tag("S/Asg")}}}});
  CHECK(t.find_resources("AWS::IAM::Role").front().first == "AsgInstanceRole7946982D");
  t.has_resource_properties("AWS::IAM::InstanceProfile", {{"Roles", cdk::List{ref("AsgInstanceRole7946982D")}}});
  t.has_resource("AWS::EC2::LaunchTemplate", {
      {"Properties", Match::object_equals({
          {"LaunchTemplateData", Match::object_equals({
              {"IamInstanceProfile", Map{{"Arn", get_att("AsgInstanceProfileBCEDB827", "Arn")}}},
              {"ImageId", ref("SsmParameterValueawsserviceamiamazonlinuxlatestal2023amikernel61x8664C96584B6F00A464EAD1953AFF4B05118Parameter")},
              {"InstanceType", "t3.micro"},
              // The one difference from CDK (require_imdsv2 defaults to true here).
              {"MetadataOptions", Map{{"HttpTokens", "required"}}},
              {"Monitoring", Map{{"Enabled", false}}},
              {"SecurityGroupIds", cdk::List{get_att("AsgInstanceSecurityGroupC53F1492", "GroupId")}},
              {"TagSpecifications", cdk::List{Map{{"ResourceType", "instance"}, {"Tags", name_tag("S/Asg/LaunchTemplate")}},
                                              Map{{"ResourceType", "volume"}, {"Tags", name_tag("S/Asg/LaunchTemplate")}}}},
              {"UserData", Map{{"Fn::Base64", "#!/bin/bash\nyum install -y nginx"}}},
          })},
          {"TagSpecifications", cdk::List{Map{{"ResourceType", "launch-template"}, {"Tags", name_tag("S/Asg/LaunchTemplate")}}}},
      })},
      {"DependsOn", cdk::List{"AsgInstanceRole7946982D"}},
  });
  CHECK(t.find_resources("AWS::EC2::LaunchTemplate").front().first == "AsgLaunchTemplate6027899F");
  t.has_resource("AWS::AutoScaling::AutoScalingGroup", {
      {"Properties", Match::object_equals({
          {"DesiredCapacity", "2"},
          {"LaunchTemplate", Map{{"LaunchTemplateId", ref("AsgLaunchTemplate6027899F")},
                                 {"Version", get_att("AsgLaunchTemplate6027899F", "LatestVersionNumber")}}},
          {"MaxSize", "2"},
          {"MinSize", "1"},
          {"Tags", cdk::List{Map{{"Key", "Name"}, {"PropagateAtLaunch", true}, {"Value", "S/Asg"}}}},
          {"VPCZoneIdentifier", cdk::List{ref("VpcPrivateSubnet1Subnet536B997A"), ref("VpcPrivateSubnet2Subnet3788AAA1")}},
      })},
      {"UpdatePolicy", Map{{"AutoScalingScheduledAction", Map{{"IgnoreUnmodifiedGroupSizeProperties", true}}}}},
      {"CreationPolicy", Match::absent()},
  });
  CHECK(t.find_resources("AWS::AutoScaling::AutoScalingGroup").front().first == "AsgASGD1D7B4E2");
}

TEST_CASE("AutoScalingGroup: use_launch_configuration is CDK's output without the flag") {
  Fixture f;
  auto p = f.props();
  p.desired_capacity = 2;
  p.use_launch_configuration = true;
  p.require_imdsv2 = false;
  auto& asg = f.stack.add<AutoScalingGroup>("Asg", std::move(p));
  asg.add_user_data({"yum install -y nginx"});
  asg_test::dump(f.stack, "asg_launch_configuration");
  auto t = Template::from_stack(f.stack);
  t.resource_count_is("AWS::EC2::LaunchTemplate", 0);
  t.has_resource("AWS::AutoScaling::LaunchConfiguration", {
      {"Properties", Match::object_equals({
          {"IamInstanceProfile", ref("AsgInstanceProfileBCEDB827")},
          {"ImageId", ref("SsmParameterValueawsserviceamiamazonlinuxlatestal2023amikernel61x8664C96584B6F00A464EAD1953AFF4B05118Parameter")},
          {"InstanceType", "t3.micro"},
          {"SecurityGroups", cdk::List{get_att("AsgInstanceSecurityGroupC53F1492", "GroupId")}},
          {"UserData", Map{{"Fn::Base64", "#!/bin/bash\nyum install -y nginx"}}},
      })},
      {"DependsOn", cdk::List{"AsgInstanceRole7946982D"}},
  });
  CHECK(t.find_resources("AWS::AutoScaling::LaunchConfiguration").front().first == "AsgLaunchConfig6D4F96BB");
  t.has_resource_properties("AWS::AutoScaling::AutoScalingGroup", {
      {"LaunchConfigurationName", ref("AsgLaunchConfig6D4F96BB")},
      {"LaunchTemplate", Match::absent()},
      {"DesiredCapacity", "2"},
  });
}

TEST_CASE("AutoScalingGroup: every option, as CDK renders it") {
  Fixture f;
  auto p = f.props();
  p.vpc_subnets = {.subnet_type = ec2::SubnetType::Public};
  p.min_capacity = 1;
  p.max_capacity = 4;
  p.desired_capacity = 2;
  p.cooldown = minutes{5};
  p.health_check = HealthCheck::elb({.grace = minutes{2}});
  p.signals = Signals::wait_for_all({.min_success_percentage = 50, .timeout = minutes{10}});
  p.update_policy = UpdatePolicy::rolling_update({.max_batch_size = 1, .min_instances_in_service = 1, .pause_time = minutes{10}});
  p.init = ec2::CloudFormationInit::from_elements({ec2::InitPackage::yum("nginx"), ec2::InitService::enable("nginx")});
  p.block_devices = {{.device_name = "/dev/xvda", .volume = BlockDeviceVolume::ebs(20)}};
  p.associate_public_ip_address = true;
  p.group_metrics = {GroupMetrics::all()};
  p.termination_policies = {TerminationPolicy::OldestInstance};
  p.new_instances_protected_from_scale_in = true;
  p.max_instance_lifetime = std::chrono::hours{24 * 7};
  auto& asg = f.stack.add<AutoScalingGroup>("Asg", std::move(p));
  asg.scale_on_cpu_utilization("Cpu", {.target_utilization_percent = 50});
  asg.scale_on_incoming_bytes("In", {.target_bytes_per_second = 1000});
  NetworkUtilizationScalingProps out{.target_bytes_per_second = 1000};
  out.disable_scale_in = true;
  out.cooldown = seconds{60};
  out.estimated_instance_warmup = seconds{120};
  asg.scale_on_outgoing_bytes("Out", out);
  asg.scale_on_schedule("Morning", {.schedule = Schedule::cron({.minute = "0", .hour = "8"}), .min_capacity = 2});
  asg.scale_on_schedule("Night", {.schedule = Schedule::expression("0 20 * * *"), .time_zone = "Europe/Paris",
                                  .max_capacity = 1, .desired_capacity = 1});
  f.stack.add<cdk::CfnOutput>("Name", {.value = asg.auto_scaling_group_name()});
  f.stack.add<cdk::CfnOutput>("Arn", {.value = asg.auto_scaling_group_arn()});
  asg_test::dump(f.stack, "asg_full");
  auto t = Template::from_stack(f.stack);

  t.has_resource("AWS::AutoScaling::AutoScalingGroup", {
      {"Properties", Match::object_equals({
          {"Cooldown", "300"},
          {"DesiredCapacity", "2"},
          {"HealthCheckGracePeriod", 120},
          {"HealthCheckType", "ELB"},
          {"LaunchTemplate", Match::any_value()},
          {"MaxInstanceLifetime", 604800},
          {"MaxSize", "4"},
          {"MetricsCollection", cdk::List{Map{{"Granularity", "1Minute"}}}},
          {"MinSize", "1"},
          {"NewInstancesProtectedFromScaleIn", true},
          {"Tags", Match::any_value()},
          {"TerminationPolicies", cdk::List{"OldestInstance"}},
          {"VPCZoneIdentifier", cdk::List{ref("VpcPublicSubnet1Subnet5C2D37C4"), ref("VpcPublicSubnet2Subnet691E08A3")}},
      })},
      {"CreationPolicy", Map{{"AutoScalingCreationPolicy", Map{{"MinSuccessfulInstancesPercent", 50}}},
                             {"ResourceSignal", Map{{"Count", 2}, {"Timeout", "PT10M"}}}}},
      {"UpdatePolicy", Match::object_equals({
          {"AutoScalingRollingUpdate", Match::object_equals({
              {"MaxBatchSize", 1},
              {"MinInstancesInService", 1},
              {"SuspendProcesses", cdk::List{"HealthCheck", "ReplaceUnhealthy", "AZRebalance", "AlarmNotification", "ScheduledActions", "InstanceRefresh"}},
              {"MinSuccessfulInstancesPercent", 50},
              {"WaitOnResourceSignals", true},
              {"PauseTime", "PT10M"},
          })},
          {"AutoScalingScheduledAction", Map{{"IgnoreUnmodifiedGroupSizeProperties", true}}},
      })},
      {"Metadata", Map{{"AWS::CloudFormation::Init", Match::object_equals({
          {"configSets", Map{{"default", cdk::List{"config"}}}},
          {"config", Map{{"packages", Map{{"yum", Map{{"nginx", cdk::List{}}}}}},
                         {"services", Map{{"sysvinit", Map{{"nginx", Map{{"enabled", true}, {"ensureRunning", true}}}}}}}}},
      })}}},
  });
  // The launch template: public IP on the network interface (which then holds the security
  // groups), encrypted block device, IMDSv2, and the cfn-init lines with CDK's fingerprint.
  t.has_resource_properties("AWS::EC2::LaunchTemplate", {{"LaunchTemplateData", Map{
      {"BlockDeviceMappings", cdk::List{Map{{"DeviceName", "/dev/xvda"}, {"Ebs", Map{{"Encrypted", true}, {"VolumeSize", 20}}}}}},
      {"MetadataOptions", Map{{"HttpTokens", "required"}}},
      {"NetworkInterfaces", cdk::List{Map{{"AssociatePublicIpAddress", true}, {"DeviceIndex", 0},
                                          {"Groups", cdk::List{get_att("AsgInstanceSecurityGroupC53F1492", "GroupId")}}}}},
      {"SecurityGroupIds", Match::absent()},
      {"UserData", Map{{"Fn::Base64", Map{{"Fn::Join", cdk::List{"", cdk::List{
          "#!/bin/bash\n# fingerprint: 8f6231e3fee96865\n(\n  set +e\n  /opt/aws/bin/cfn-init -v --region ", ref("AWS::Region"),
          " --stack ", ref("AWS::StackName"), " --resource AsgASGD1D7B4E2 -c default\n  /opt/aws/bin/cfn-signal -e $? --region ",
          ref("AWS::Region"), " --stack ", ref("AWS::StackName"), " --resource AsgASGD1D7B4E2\n  cat /var/log/cfn-init.log >&2\n)"}}}}}}},
  }}});
  t.has_resource("AWS::EC2::LaunchTemplate", {{"DependsOn", cdk::List{"AsgInstanceRoleDefaultPolicy16A5BCED", "AsgInstanceRole7946982D"}}});
  t.has_resource_properties("AWS::IAM::Policy", {
      {"PolicyDocument", Map{{"Statement", cdk::List{Map{
          {"Action", cdk::List{"cloudformation:DescribeStackResource", "cloudformation:SignalResource"}},
          {"Effect", "Allow"},
          {"Resource", ref("AWS::StackId")}}}}, {"Version", "2012-10-17"}}},
      {"Roles", cdk::List{ref("AsgInstanceRole7946982D")}},
  });

  // Scaling.
  t.resource_count_is("AWS::AutoScaling::ScalingPolicy", 3);
  auto policies = t.find_resources("AWS::AutoScaling::ScalingPolicy");
  CHECK(policies[0].first == "AsgScalingPolicyCpu89550E50");
  CHECK(policies[1].first == "AsgScalingPolicyInAD7B4B2A");
  CHECK(policies[2].first == "AsgScalingPolicyOut23F98FEA");
  t.has_resource_properties("AWS::AutoScaling::ScalingPolicy", Match::object_equals({
      {"AutoScalingGroupName", ref("AsgASGD1D7B4E2")},
      {"PolicyType", "TargetTrackingScaling"},
      {"TargetTrackingConfiguration", Map{{"PredefinedMetricSpecification", Map{{"PredefinedMetricType", "ASGAverageCPUUtilization"}}},
                                         {"TargetValue", 50}}},
  }));
  t.has_resource_properties("AWS::AutoScaling::ScalingPolicy", Match::object_equals({
      {"AutoScalingGroupName", ref("AsgASGD1D7B4E2")},
      {"Cooldown", "60"},
      {"EstimatedInstanceWarmup", 120},
      {"PolicyType", "TargetTrackingScaling"},
      {"TargetTrackingConfiguration", Map{{"DisableScaleIn", true},
                                         {"PredefinedMetricSpecification", Map{{"PredefinedMetricType", "ASGAverageNetworkOut"}}},
                                         {"TargetValue", 1000}}},
  }));
  t.has_resource_properties("AWS::AutoScaling::ScheduledAction", Match::object_equals({
      {"AutoScalingGroupName", ref("AsgASGD1D7B4E2")}, {"MinSize", 2}, {"Recurrence", "0 8 * * *"}}));
  t.has_resource_properties("AWS::AutoScaling::ScheduledAction", Match::object_equals({
      {"AutoScalingGroupName", ref("AsgASGD1D7B4E2")}, {"DesiredCapacity", 1}, {"MaxSize", 1},
      {"Recurrence", "0 20 * * *"}, {"TimeZone", "Europe/Paris"}}));
  auto actions = t.find_resources("AWS::AutoScaling::ScheduledAction");
  CHECK(actions[0].first == "AsgScheduledActionMorning20EDB002");
  CHECK(actions[1].first == "AsgScheduledActionNight4C9864A3");

  t.has_output("Arn", {{"Value", Map{{"Fn::Join", cdk::List{"", cdk::List{
      "arn:", ref("AWS::Partition"), ":autoscaling:", ref("AWS::Region"), ":", ref("AWS::AccountId"),
      ":autoScalingGroup:*:autoScalingGroupName/", ref("AsgASGD1D7B4E2")}}}}}});
}

TEST_CASE("AutoScalingGroup: signals without init grant SignalResource; rolling update follows the signals") {
  Fixture f;
  auto p = f.props();
  p.min_capacity = 2;
  p.signals = Signals::wait_for_min_capacity();
  p.update_policy = UpdatePolicy::rolling_update();
  f.stack.add<AutoScalingGroup>("Asg2", std::move(p));
  auto t = Template::from_stack(f.stack);
  t.has_resource("AWS::AutoScaling::AutoScalingGroup", {
      {"CreationPolicy", Match::object_equals({{"ResourceSignal", Map{{"Count", 2}}}})},
      {"UpdatePolicy", Match::object_equals({
          {"AutoScalingRollingUpdate", Match::object_equals({
              {"SuspendProcesses", cdk::List{"HealthCheck", "ReplaceUnhealthy", "AZRebalance", "AlarmNotification", "ScheduledActions", "InstanceRefresh"}},
              {"WaitOnResourceSignals", true}})},
          {"AutoScalingScheduledAction", Map{{"IgnoreUnmodifiedGroupSizeProperties", true}}}})},
  });
  t.has_resource_properties("AWS::IAM::Policy", {
      {"PolicyDocument", Map{{"Statement", cdk::List{Map{{"Action", "cloudformation:SignalResource"}, {"Effect", "Allow"},
                                                         {"Resource", ref("AWS::StackId")}}}}}},
      {"PolicyName", "Asg2InstanceRoleDefaultPolicy929584CA"},
  });
}

TEST_CASE("AutoScalingGroup: wait_for_count and replacing update from a given launch template") {
  Fixture f;
  auto& sg = f.stack.add<ec2::SecurityGroup>("SG", {.vpc = f.vpc});
  auto& lt = f.stack.add<ec2::LaunchTemplate>("LT", {.instance_type = ec2::InstanceType{"t3.micro"},
                                                      .machine_image = ec2::MachineImage::latest_amazon_linux2023(),
                                                      .security_group = sg});
  auto& asg = f.stack.add<AutoScalingGroup>("Asg", {.vpc = f.vpc, .launch_template = lt, .update_policy = UpdatePolicy::replacing_update()});
  CHECK(&asg.connections() == &lt.connections());
  auto t = Template::from_stack(f.stack);
  t.resource_count_is("AWS::IAM::Role", 0);
  t.has_resource("AWS::AutoScaling::AutoScalingGroup", {
      {"Properties", Match::object_equals({
          {"LaunchTemplate", Map{{"LaunchTemplateId", ref("LTC4631592")}, {"Version", get_att("LTC4631592", "LatestVersionNumber")}}},
          {"MaxSize", "1"},
          {"MinSize", "1"},
          {"VPCZoneIdentifier", cdk::List{ref("VpcPrivateSubnet1Subnet536B997A"), ref("VpcPrivateSubnet2Subnet3788AAA1")}},
      })},
      {"UpdatePolicy", Match::object_equals({{"AutoScalingReplacingUpdate", Map{{"WillReplace", true}}},
                                             {"AutoScalingScheduledAction", Map{{"IgnoreUnmodifiedGroupSizeProperties", true}}}})},
  });
  CHECK(Signals::wait_for_count(3).render_creation_policy(1, 2) == cdk::Value{Map{{"ResourceSignal", Map{{"Count", 3}}}}});
  CHECK(Signals::wait_for_all().render_creation_policy(1, 2) == cdk::Value{Map{{"ResourceSignal", Map{{"Count", 2}}}}});
  CHECK(Signals::wait_for_all().render_creation_policy(3, std::nullopt) == cdk::Value{Map{{"ResourceSignal", Map{{"Count", 3}}}}});
}

TEST_CASE("AutoScalingGroup: capacities default as CDK's") {
  Fixture f;
  auto p = f.props();
  p.min_capacity = 3;
  f.stack.add<AutoScalingGroup>("A", std::move(p));
  p = f.props();
  p.min_capacity = 0;
  f.stack.add<AutoScalingGroup>("B", std::move(p));
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::AutoScaling::AutoScalingGroup", {{"MinSize", "3"}, {"MaxSize", "3"}, {"DesiredCapacity", Match::absent()}});
  t.has_resource_properties("AWS::AutoScaling::AutoScalingGroup", {{"MinSize", "0"}, {"MaxSize", "1"}});
}

TEST_CASE("AutoScalingGroup: add_security_group and protect_new_instances_from_scale_in") {
  Fixture f;
  auto& extra = f.stack.add<ec2::SecurityGroup>("Extra", {.vpc = f.vpc});
  auto& asg = f.stack.add<AutoScalingGroup>("Asg", f.props());
  asg.add_security_group(extra);
  asg.protect_new_instances_from_scale_in();
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::LaunchTemplate", {{"LaunchTemplateData", Map{{"SecurityGroupIds", cdk::List{
      get_att("AsgInstanceSecurityGroupC53F1492", "GroupId"), get_att("Extra6C4EAC05", "GroupId")}}}}});
  t.has_resource_properties("AWS::AutoScaling::AutoScalingGroup", {{"NewInstancesProtectedFromScaleIn", true}});
}

TEST_CASE("AutoScalingGroup: bad input") {
  Fixture f;
  auto with = [&](auto change) {
    return [&f, change] {
      auto p = f.props();
      change(p);
      f.stack.add<AutoScalingGroup>("Bad", std::move(p));
    };
  };
  check_error(with([](auto& p) { p.min_capacity = 5; p.max_capacity = 2; }), "cdk.autoscaling.Capacity", "S/Bad");
  check_error(with([](auto& p) { p.min_capacity = 2; p.desired_capacity = 1; }), "cdk.autoscaling.Capacity", "S/Bad");
  check_error(with([](auto& p) { p.max_capacity = 2; p.desired_capacity = 3; }), "cdk.autoscaling.Capacity", "S/Bad");
  check_error(with([](auto& p) { p.min_capacity = -1; }), "cdk.autoscaling.Capacity", "S/Bad");
  check_error(with([](auto& p) { p.max_instance_lifetime = std::chrono::hours{1}; }), "cdk.autoscaling.MaxInstanceLifetime", "S/Bad");
  check_error(with([](auto& p) { p.associate_public_ip_address = true; }), "cdk.autoscaling.PublicIp", "S/Bad");
  check_error(with([](auto& p) { p.machine_image.reset(); }), "cdk.autoscaling.LaunchSettings", "S/Bad");
  check_error(with([](auto& p) { p.instance_type.reset(); }), "cdk.autoscaling.LaunchSettings", "S/Bad");
  check_error(with([](auto& p) { p.init_options = InitOptions{}; }), "cdk.autoscaling.Init", "S/Bad");
  check_error(with([](auto& p) { p.init = ec2::CloudFormationInit::from_elements({ec2::InitCommand::shell_command("true")}); }),
              "cdk.autoscaling.Init", "S/Bad");
  check_error([] { Signals::wait_for_all({.min_success_percentage = 101}); }, "cdk.autoscaling.Signals", "");
  check_error([] { Signals::wait_for_count(0); }, "cdk.autoscaling.Signals", "");
  check_error(with([](auto& p) { p.min_capacity = 0; p.signals = Signals::wait_for_all(); }), "cdk.autoscaling.Signals", "S/Bad");
  check_error([] { UpdatePolicy::rolling_update({.max_batch_size = 0}); }, "cdk.autoscaling.UpdatePolicy", "");
  check_error([] { UpdatePolicy::rolling_update({.min_instances_in_service = -1}); }, "cdk.autoscaling.UpdatePolicy", "");
  check_error([] { UpdatePolicy::rolling_update({.min_success_percentage = -5}); }, "cdk.autoscaling.Signals", "");
  check_error([] { UpdatePolicy::rolling_update({.pause_time = std::chrono::hours{2}}); }, "cdk.autoscaling.UpdatePolicy", "");
  check_error([] { Schedule::cron({.day = "1", .week_day = "MON"}); }, "cdk.autoscaling.Schedule", "");

  auto& lt = f.stack.add<ec2::LaunchTemplate>("LT", {.instance_type = ec2::InstanceType{"t3.micro"},
                                                      .machine_image = ec2::MachineImage::latest_amazon_linux2023()});
  check_error([&] { f.stack.add<AutoScalingGroup>("WithType", {.vpc = f.vpc, .instance_type = ec2::InstanceType{"t3.micro"}, .launch_template = lt}); },
              "cdk.autoscaling.LaunchSettings", "S/WithType");
  check_error([&] { f.stack.add<AutoScalingGroup>("WithImage", {.vpc = f.vpc, .machine_image = ec2::MachineImage::latest_amazon_linux2023(), .launch_template = lt}); },
              "cdk.autoscaling.LaunchSettings", "S/WithImage");
  auto& bare = f.stack.add<ec2::LaunchTemplate>("Bare");
  check_error([&] { f.stack.add<AutoScalingGroup>("FromBare", {.vpc = f.vpc, .launch_template = bare}); },
              "cdk.autoscaling.LaunchSettings", "S/FromBare");
  auto& from_lt = f.stack.add<AutoScalingGroup>("FromLt", {.vpc = f.vpc, .launch_template = lt});
  check_error([&] { from_lt.role(); }, "cdk.autoscaling.LaunchSettings", "S/FromLt");
  check_error([&] { from_lt.user_data(); }, "cdk.autoscaling.LaunchSettings", "S/FromLt");
  check_error([&] { f.stack.add<AutoScalingGroup>("SignalsNoRole", {.vpc = f.vpc, .launch_template = lt, .signals = Signals::wait_for_all()}); },
              "cdk.autoscaling.LaunchSettings", "S/SignalsNoRole");
  auto& asg = f.stack.add<AutoScalingGroup>("NoSched", f.props());
  check_error([&] { asg.scale_on_schedule("X", {.schedule = Schedule::expression("0 8 * * *")}); }, "cdk.autoscaling.Schedule",
              "S/NoSched/ScheduledActionX");
}

TEST_CASE("AutoScalingGroup: step scaling on a metric, with CDK's thresholds and adjustments") {
  Fixture f;
  auto& asg = f.stack.add<AutoScalingGroup>("Asg", f.props());
  asg.scale_on_metric("Step", {
      .metric = {.namespace_ = "AWS/EC2", .metric_name = "CPUUtilization",
                 .dimensions = {{"AutoScalingGroupName", asg.auto_scaling_group_name()}}},
      .scaling_steps = {{.upper = 10, .change = -1}, {.lower = 50, .change = +1}, {.lower = 70, .change = +3}},
      .adjustment_type = AdjustmentType::ChangeInCapacity,
  });
  asg_test::dump(f.stack, "asg_step");
  auto t = Template::from_stack(f.stack);
  auto policies = t.find_resources("AWS::AutoScaling::ScalingPolicy");
  REQUIRE(policies.size() == 2);
  CHECK(policies[0].first == "AsgStepLowerPolicy6754FEF6");
  CHECK(policies[1].first == "AsgStepUpperPolicy1D5B5A5C");
  t.has_resource_properties("AWS::AutoScaling::ScalingPolicy", Match::object_equals({
      {"AdjustmentType", "ChangeInCapacity"},
      {"AutoScalingGroupName", ref("AsgASGD1D7B4E2")},
      {"MetricAggregationType", "Average"},
      {"PolicyType", "StepScaling"},
      {"StepAdjustments", cdk::List{Map{{"MetricIntervalUpperBound", 0}, {"ScalingAdjustment", -1}}}},
  }));
  t.has_resource_properties("AWS::AutoScaling::ScalingPolicy", {
      {"StepAdjustments", cdk::List{Map{{"MetricIntervalLowerBound", 0}, {"MetricIntervalUpperBound", 20}, {"ScalingAdjustment", 1}},
                                    Map{{"MetricIntervalLowerBound", 20}, {"ScalingAdjustment", 3}}}},
  });
  auto alarms = t.find_resources("AWS::CloudWatch::Alarm");
  REQUIRE(alarms.size() == 2);
  CHECK(alarms[0].first == "AsgStepLowerAlarmD5EE724C");
  CHECK(alarms[1].first == "AsgStepUpperAlarm7C0CF957");
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_equals({
      {"AlarmActions", cdk::List{ref("AsgStepLowerPolicy6754FEF6")}},
      {"AlarmDescription", "Lower threshold scaling alarm"},
      {"ComparisonOperator", "LessThanOrEqualToThreshold"},
      {"Dimensions", cdk::List{Map{{"Name", "AutoScalingGroupName"}, {"Value", ref("AsgASGD1D7B4E2")}}}},
      {"EvaluationPeriods", 1},
      {"MetricName", "CPUUtilization"},
      {"Namespace", "AWS/EC2"},
      {"Period", 300},
      {"Statistic", "Average"},
      {"Tags", name_tag("S/Asg")},
      {"Threshold", 10},
  }));
  t.has_resource_properties("AWS::CloudWatch::Alarm", {
      {"AlarmActions", cdk::List{ref("AsgStepUpperPolicy1D5B5A5C")}},
      {"ComparisonOperator", "GreaterThanOrEqualToThreshold"},
      {"Threshold", 50},
  });

  auto steps = [&](std::vector<ScalingInterval> s) {
    return [&f, &asg, s] { asg.scale_on_metric("Bad", {.metric = {.namespace_ = "N", .metric_name = "M"}, .scaling_steps = s}); };
  };
  check_error(steps({{.upper = 10, .change = -1}}), "cdk.autoscaling.Scaling", "S/Asg/Bad");
  check_error(steps({{.change = 1}, {.lower = 5, .change = 2}}), "cdk.autoscaling.Scaling", "S/Asg/Bad");
  check_error(steps({{.lower = 0, .upper = 20, .change = 1}, {.lower = 10, .upper = 30, .change = 2}}), "cdk.autoscaling.Scaling", "S/Asg/Bad");
  check_error(steps({{.upper = 10, .change = -1}, {.lower = 20, .upper = 30, .change = 1}, {.lower = 40, .upper = 50, .change = 2}}),
              "cdk.autoscaling.Scaling", "S/Asg/Bad");
}
