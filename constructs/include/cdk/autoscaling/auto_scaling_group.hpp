// AutoScalingGroup (CDK's autoscaling.AutoScalingGroup): a fleet of instances in a VPC.
//
// By default the group gets its own launch template ("LaunchTemplate"), security group
// ("InstanceSecurityGroup"), role ("InstanceRole") and instance profile, exactly as CDK
// writes them with @aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig;
// CDK's default without that flag, a launch configuration, is deprecated by AWS and draws
// a cfn-lint warning, so it is an opt-in here (use_launch_configuration).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/autoscaling/cfn_fwd.hpp"
#include "cdk/autoscaling/policies.hpp"
#include "cdk/autoscaling/scaling.hpp"
#include "cdk/autoscaling/step_scaling.hpp"
#include "cdk/borrowed.hpp"
#include "cdk/construct.hpp"
#include "cdk/ec2/block_device.hpp"
#include "cdk/ec2/cloudformation_init.hpp"
#include "cdk/ec2/connections.hpp"
#include "cdk/ec2/instance_type.hpp"
#include "cdk/ec2/key_pair.hpp"
#include "cdk/ec2/machine_image.hpp"
#include "cdk/ec2/subnet.hpp"
#include "cdk/ec2/user_data.hpp"
#include "cdk/iam/principal.hpp"
#include "cdk/value.hpp"

namespace cdk::iam {
class IRole;
class PolicyStatement;
}  // namespace cdk::iam

namespace cdk::ec2 {
class IVpc;
class ISecurityGroup;
class LaunchTemplate;
}  // namespace cdk::ec2

namespace cdk::autoscaling {

using ec2::BlockDevice;
using ec2::BlockDeviceVolume;

enum class Monitoring { Basic, Detailed };

enum class TerminationPolicy {
  AllocationStrategy, ClosestToNextInstanceHour, Default, NewestInstance, OldestInstance,
  OldestLaunchConfiguration, OldestLaunchTemplate,
};

enum class GroupMetric {
  MinSize, MaxSize, DesiredCapacity, InServiceInstances, PendingInstances, StandbyInstances,
  TerminatingInstances, TotalInstances,
};

/// Group metrics collected every minute; no metrics means all of them.
struct GroupMetrics {
  std::vector<GroupMetric> metrics;
  static GroupMetrics all() { return {}; }
};

/// What init does at boot (CDK's ApplyCloudFormationInitOptions).
struct InitOptions {
  /// Default {"default"}.
  std::vector<std::string> config_sets;
  bool embed_fingerprint = true;
  bool print_log = true;
  bool ignore_failures = false;
  bool include_url = false;
  bool include_role = false;
};

struct AutoScalingGroupProps {
  /// Required.
  Borrowed<const ec2::IVpc> vpc;
  /// Default: the VPC's default selection (private subnets with egress, else isolated,
  /// else public), as CDK.
  ec2::SubnetSelection vpc_subnets;
  /// Required unless launch_template is given (and then not allowed).
  std::optional<ec2::InstanceType> instance_type;
  /// Required unless launch_template is given (and then not allowed).
  std::optional<ec2::MachineImage> machine_image;
  /// An existing launch template to launch from; with it, instance_type, machine_image,
  /// role, user_data, security_group and key_pair must not be given.
  Borrowed<ec2::LaunchTemplate> launch_template;
  /// Opt in to CDK's launch configuration (AWS::AutoScaling::LaunchConfiguration, exactly
  /// CDK's default output) instead of a launch template. Default false.
  bool use_launch_configuration = false;
  /// Default: a new role "InstanceRole" assumed by ec2.amazonaws.com.
  Borrowed<iam::IRole> role;
  /// Default: the machine image's user data.
  std::optional<ec2::UserData> user_data;
  /// Default: a new group "InstanceSecurityGroup".
  Borrowed<ec2::ISecurityGroup> security_group;
  /// For the new security group. Default true.
  bool allow_all_outbound = true;
  Borrowed<const ec2::IKeyPair> key_pair;
  std::optional<std::string> key_name;
  /// Default 1.
  std::optional<int> min_capacity;
  /// Default: desired_capacity, else max(min_capacity, 1).
  std::optional<int> max_capacity;
  /// Default: none (the group starts at min_capacity). Rendered as a string, like CDK.
  std::optional<int> desired_capacity;
  std::optional<std::chrono::seconds> cooldown;
  std::optional<HealthCheck> health_check;
  /// CreationPolicy: wait for instances to signal success (needed with init).
  std::optional<Signals> signals;
  std::optional<UpdatePolicy> update_policy;
  /// AutoScalingScheduledAction IgnoreUnmodifiedGroupSizeProperties. Default true.
  bool ignore_unmodified_size_properties = true;
  /// CloudFormation Init run at boot; needs signals.
  std::optional<ec2::CloudFormationInit> init;
  std::optional<InitOptions> init_options;
  std::vector<BlockDevice> block_devices;
  /// Needs public subnets.
  std::optional<bool> associate_public_ip_address;
  std::vector<GroupMetrics> group_metrics;
  std::vector<TerminationPolicy> termination_policies;
  std::optional<bool> new_instances_protected_from_scale_in;
  /// 0 (none) or 1..365 days.
  std::optional<std::chrono::seconds> max_instance_lifetime;
  /// Instances accept IMDSv2 only (HttpTokens required). Default TRUE: a safer default
  /// than CDK's (false); set false to opt out.
  bool require_imdsv2 = true;
  /// Default: basic (Monitoring Enabled false on the launch template, as CDK).
  std::optional<Monitoring> instance_monitoring;
  std::optional<std::string> auto_scaling_group_name;
  std::optional<std::chrono::seconds> default_instance_warmup;
  std::optional<bool> capacity_rebalance;
  /// Spot instances at this maximum price (e.g. "0.05").
  std::optional<std::string> spot_price;
};

class AutoScalingGroup : public Construct, public ec2::IConnectable, public iam::IGrantable {
 public:
  using Props = AutoScalingGroupProps;

  AutoScalingGroup(Construct& scope, std::string_view id, AutoScalingGroupProps props);
  ~AutoScalingGroup() override;

  /// {"Ref": group}
  Value auto_scaling_group_name() const;
  /// arn:<partition>:autoscaling:<region>:<account>:autoScalingGroup:*:autoScalingGroupName/<name>
  Value auto_scaling_group_arn() const;
  ec2::OperatingSystemType os_type() const { return os_type_; }

  /// The instances' user data (the launch template's); throws when the group was made
  /// from a launch template without user data.
  ec2::UserData& user_data();
  void add_user_data(std::vector<Value> commands);
  /// The instances' role; throws when the group was made from a launch template without.
  iam::IRole& role();
  void add_to_role_policy(const iam::PolicyStatement& statement);
  /// Adds a security group to the instances (not for a group made from a launch template).
  void add_security_group(ec2::ISecurityGroup& security_group);
  /// Runs `init` at boot (the metadata on the group, cfn-init in the user data); the
  /// group must have signals.
  void apply_cloud_formation_init(const ec2::CloudFormationInit& init, const InitOptions& options = {});
  void protect_new_instances_from_scale_in();

  ec2::Connections& connections() override;
  iam::IPrincipal& grant_principal() override;

  // Scaling, as CDK names the children: ScalingPolicy<id>, ScheduledAction<id>.
  TargetTrackingScalingPolicy& scale_on_cpu_utilization(std::string_view id, CpuUtilizationScalingProps props);
  TargetTrackingScalingPolicy& scale_on_incoming_bytes(std::string_view id, NetworkUtilizationScalingProps props);
  TargetTrackingScalingPolicy& scale_on_outgoing_bytes(std::string_view id, NetworkUtilizationScalingProps props);
  TargetTrackingScalingPolicy& scale_to_track_metric(std::string_view id, MetricTargetTrackingProps props);
  ScheduledAction& scale_on_schedule(std::string_view id, BasicScheduledActionProps props);
  /// Step scaling on a metric: CloudWatch alarms and StepScaling policies (child `id`).
  StepScalingPolicy& scale_on_metric(std::string_view id, BasicStepScalingPolicyProps props);

  CfnAutoScalingGroup& cfn_auto_scaling_group() { return *resource_; }
  /// The group's own or given launch template, or nullptr (launch configuration).
  ec2::LaunchTemplate* launch_template() { return launch_template_; }

 private:
  struct ImportedProfile;

  CfnAutoScalingGroup* resource_ = nullptr;
  ec2::LaunchTemplate* launch_template_ = nullptr;
  std::optional<ec2::Connections> connections_;  // launch configuration only
  std::vector<ec2::ISecurityGroup*> launch_configuration_groups_;
  std::optional<ec2::UserData> user_data_;  // launch configuration only
  iam::IRole* role_ = nullptr;
  ec2::OperatingSystemType os_type_ = ec2::OperatingSystemType::Unknown;
  std::unique_ptr<ImportedProfile> profile_;
  bool has_signals_ = false;
};

}  // namespace cdk::autoscaling
