// AutoScalingGroup, as aws-cdk-lib's auto-scaling-group.ts with the launch-template flag
// (its own LaunchTemplate), or its launch configuration on request.
#include "cdk/autoscaling/auto_scaling_group.hpp"

#include "cdk/autoscaling/cfn_auto_scaling_group.hpp"
#include "cdk/autoscaling/cfn_launch_configuration.hpp"
#include "cdk/ec2/cfn_security_group.hpp"
#include "cdk/ec2/launch_template.hpp"
#include "cdk/ec2/security_group.hpp"
#include "cdk/ec2/vpc.hpp"
#include "cdk/errors.hpp"
#include "cdk/fn.hpp"
#include "cdk/tags.hpp"
#include "cdk/iam/cfn_instance_profile.hpp"
#include "cdk/iam/cfn_role.hpp"
#include "cdk/iam/instance_profile.hpp"
#include "cdk/iam/policy_statement.hpp"
#include "cdk/iam/role.hpp"
#include "cdk/stack.hpp"

namespace cdk::autoscaling {

/// The group's CfnInstanceProfile seen as an instance profile, as CDK's
/// InstanceProfile.fromInstanceProfileAttributes gives it to the launch template.
struct AutoScalingGroup::ImportedProfile : iam::IInstanceProfile {
  iam::CfnInstanceProfile* profile;
  iam::IRole* role_;
  ImportedProfile(iam::CfnInstanceProfile* p, iam::IRole* r) : profile{p}, role_{r} {}
  Value instance_profile_name() const override { return profile->ref(); }
  Value instance_profile_arn() const override { return profile->attr_arn(); }
  iam::IRole* role() const override { return role_; }
};

namespace {

const char* to_string(TerminationPolicy policy) {
  switch (policy) {
    case TerminationPolicy::AllocationStrategy: return "AllocationStrategy";
    case TerminationPolicy::ClosestToNextInstanceHour: return "ClosestToNextInstanceHour";
    case TerminationPolicy::Default: return "Default";
    case TerminationPolicy::NewestInstance: return "NewestInstance";
    case TerminationPolicy::OldestInstance: return "OldestInstance";
    case TerminationPolicy::OldestLaunchConfiguration: return "OldestLaunchConfiguration";
    case TerminationPolicy::OldestLaunchTemplate: return "OldestLaunchTemplate";
  }
  return "";
}

const char* to_string(GroupMetric metric) {
  switch (metric) {
    case GroupMetric::MinSize: return "GroupMinSize";
    case GroupMetric::MaxSize: return "GroupMaxSize";
    case GroupMetric::DesiredCapacity: return "GroupDesiredCapacity";
    case GroupMetric::InServiceInstances: return "GroupInServiceInstances";
    case GroupMetric::PendingInstances: return "GroupPendingInstances";
    case GroupMetric::StandbyInstances: return "GroupStandbyInstances";
    case GroupMetric::TerminatingInstances: return "GroupTerminatingInstances";
    case GroupMetric::TotalInstances: return "GroupTotalInstances";
  }
  return "";
}

[[noreturn]] void launch_error(const std::string& path, const std::string& message) {
  throw Error(errc::AsgLaunchSettings, path, message);
}

void verify_no_launch_config_prop(const AutoScalingGroupProps& props, const std::string& path) {
  auto fail = [&](const char* name) {
    launch_error(path, std::string{"Setting '"} + name + "' must not be set when 'launchTemplate' or 'mixedInstancesPolicy' is set");
  };
  if (props.machine_image) fail("machineImage");
  if (props.instance_type) fail("instanceType");
  if (props.role) fail("role");
  if (props.user_data) fail("userData");
  if (props.security_group) fail("securityGroup");
  if (props.key_name) fail("keyName");
  if (props.key_pair) fail("keyPair");
  if (props.use_launch_configuration) fail("useLaunchConfiguration");
}

}  // namespace


AutoScalingGroup::AutoScalingGroup(Construct& scope, std::string_view id, AutoScalingGroupProps props)
    : Construct(scope, id) {
  const std::string where = path();
  if (!props.vpc) throw Error(errc::AsgLaunchSettings, where, "'vpc' is required");
  if (props.init_options && !props.init) {
    throw Error(errc::AsgInit, where, "Setting 'initOptions' requires that 'init' is also set");
  }

  std::optional<ec2::UserData> user_data_for_config;
  autoscaling::CfnLaunchConfiguration* launch_config = nullptr;
  if (props.launch_template) {
    verify_no_launch_config_prop(props, where);
    auto& lt = *props.launch_template;
    if (!lt.instance_type()) launch_error(where, "Setting 'launchTemplate' requires its 'instanceType' to be set");
    if (lt.image_id().is_null()) launch_error(where, "Setting 'launchTemplate' requires its 'machineImage' to be set");
    launch_template_ = &lt;
    role_ = lt.role();
    os_type_ = lt.os_type();
  } else {
    if (!props.machine_image) {
      launch_error(where, "Setting 'machineImage' is required when 'launchTemplate' and 'mixedInstancesPolicy' is not set");
    }
    if (!props.instance_type) {
      launch_error(where, "Setting 'instanceType' is required when 'launchTemplate' and 'mixedInstancesPolicy' is not set");
    }
    if (props.key_name && props.key_pair) launch_error(where, "Cannot specify both of 'keyName' and 'keyPair'; prefer 'keyPair'");

    // CDK's Tags.of(this).add('Name', path): the group (PropagateAtLaunch) and the taggable
    // resources below it (security group, role, alarms of its scaling policies).
    Tags::of(*this).add("Name", where);
    ec2::ISecurityGroup* group = props.security_group.get();
    if (!group) {
      auto& created = add<ec2::SecurityGroup>("InstanceSecurityGroup",
                                              {.vpc = props.vpc, .allow_all_outbound = props.allow_all_outbound});
      group = &created;
    }
    role_ = props.role.get();
    if (!role_) {
      auto& created = add<iam::Role>("InstanceRole", {.assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"}});
      role_ = &created;
    }
    auto& profile = add<iam::CfnInstanceProfile>("InstanceProfile", {.roles = {role_->role_name()}});

    if (!props.use_launch_configuration) {
      profile_ = std::make_unique<ImportedProfile>(&profile, role_);
      ec2::LaunchTemplateProps lt{
          .instance_type = props.instance_type,
          .machine_image = props.machine_image,
          .user_data = props.user_data,
          .use_image_user_data = true,
          .instance_profile = profile_.get(),
          .security_group = group,
          .key_pair = props.key_pair,
          .key_name = props.key_name,
          .block_devices = props.block_devices,
          .require_imdsv2 = props.require_imdsv2,
          .detailed_monitoring = props.instance_monitoring == Monitoring::Detailed,
          .associate_public_ip_address = props.associate_public_ip_address,
      };
      if (props.spot_price) lt.spot_options = ec2::LaunchTemplateSpotOptions{.max_price = std::stod(*props.spot_price)};
      launch_template_ = &add<ec2::LaunchTemplate>("LaunchTemplate", std::move(lt));
      os_type_ = launch_template_->os_type();
    } else {
      if (props.key_pair) launch_error(where, "Can only use 'keyPair' with a launch template, not a launch configuration");
      connections_.emplace(ec2::ConnectionsProps{.security_groups = {group}});
      launch_configuration_groups_.push_back(group);
      auto image = props.machine_image->get_image(*this);
      os_type_ = image.os_type;
      user_data_ = props.user_data ? *props.user_data : image.user_data;
      ec2::UserData user_data = *user_data_;
      CfnLaunchConfiguration::Props lc{.image_id = image.image_id, .instance_type = props.instance_type->to_string()};
      if (props.associate_public_ip_address) lc.associate_public_ip_address = *props.associate_public_ip_address;
      if (!props.block_devices.empty()) {
        std::vector<CfnLaunchConfiguration::BlockDeviceMappingProperty> mappings;
        for (const auto& device : props.block_devices) {
          CfnLaunchConfiguration::BlockDeviceMappingProperty m{.device_name = device.device_name};
          // CDK: a suppressed mapping is {DeviceName, NoDevice: true} and nothing else.
          if (!device.mapping_enabled) m.no_device = true;
          else if (device.volume.is_ebs()) {
            const auto& o = device.volume.ebs_options();
            if (o.delete_on_termination) m.ebs.delete_on_termination = *o.delete_on_termination;
            if (o.encrypted) m.ebs.encrypted = *o.encrypted;
            if (o.iops) m.ebs.iops = *o.iops;
            if (device.volume.snapshot_id()) m.ebs.snapshot_id = *device.volume.snapshot_id();
            if (o.throughput) m.ebs.throughput = *o.throughput;
            if (device.volume.volume_size()) m.ebs.volume_size = *device.volume.volume_size();
            if (o.volume_type) m.ebs.volume_type = ec2::to_string(*o.volume_type);
          }
          if (device.mapping_enabled && device.volume.virtual_name()) m.virtual_name = *device.volume.virtual_name();
          mappings.push_back(std::move(m));
        }
        lc.block_device_mappings = std::move(mappings);
      }
      lc.iam_instance_profile = profile.ref();
      if (props.instance_monitoring) lc.instance_monitoring = *props.instance_monitoring == Monitoring::Detailed;
      if (props.key_name) lc.key_name = *props.key_name;
      if (props.require_imdsv2) lc.metadata_options.http_tokens = "required";
      lc.security_groups = ListOf<Str>{std::vector<Str>{Str{group->security_group_id()}}};
      if (props.spot_price) lc.spot_price = *props.spot_price;
      lc.user_data = lazy([user_data] { return Fn::base64(user_data.render()); }, TokenType::String);
      launch_config = &add<CfnLaunchConfiguration>("LaunchConfig", std::move(lc));
      launch_config->add_dependency(role_->node());
    }
  }

  // Capacities, checked as CDK checks them (plus negative values, which CloudFormation
  // rejects at deploy).
  const std::optional<int> desired = props.desired_capacity;
  const int min = props.min_capacity.value_or(1);
  const int max = props.max_capacity ? *props.max_capacity : desired ? *desired : std::max(min, 1);
  if (min < 0 || max < 0 || (desired && *desired < 0)) {
    throw Error(errc::AsgCapacity, where, "capacities must not be negative");
  }
  if (min > max) {
    throw Error(errc::AsgCapacity, where,
                "minCapacity (" + std::to_string(min) + ") should be <= maxCapacity (" + std::to_string(max) + ")");
  }
  if (desired && *desired < min) {
    throw Error(errc::AsgCapacity, where,
                "Should have minCapacity (" + std::to_string(min) + ") <= desiredCapacity (" + std::to_string(*desired) + ")");
  }
  if (desired && max < *desired) {
    throw Error(errc::AsgCapacity, where,
                "Should have desiredCapacity (" + std::to_string(*desired) + ") <= maxCapacity (" + std::to_string(max) + ")");
  }
  if (props.max_instance_lifetime) {
    auto s = props.max_instance_lifetime->count();
    if (s != 0 && (s < 86400 || s > 31536000)) {
      throw Error(errc::AsgMaxInstanceLifetime, where, "maxInstanceLifetime must be between 1 and 365 days (inclusive)");
    }
  }

  auto selected = props.vpc->select_subnets(props.vpc_subnets);
  if (!selected.has_public && props.associate_public_ip_address == true) {
    throw Error(errc::AsgPublicIp, where,
                "To set 'associatePublicIpAddress: true' you must select Public subnets (vpcSubnets: { subnetType: "
                "SubnetType.PUBLIC })");
  }

  CfnAutoScalingGroup::Props cfn{.max_size = std::to_string(max), .min_size = std::to_string(min)};
  if (props.auto_scaling_group_name) cfn.auto_scaling_group_name = *props.auto_scaling_group_name;
  if (props.capacity_rebalance) cfn.capacity_rebalance = *props.capacity_rebalance;
  if (props.cooldown) cfn.cooldown = std::to_string(props.cooldown->count());
  if (props.default_instance_warmup) cfn.default_instance_warmup = static_cast<long long>(props.default_instance_warmup->count());
  if (desired) cfn.desired_capacity = std::to_string(*desired);
  if (props.health_check) {
    if (props.health_check->grace_period) {
      cfn.health_check_grace_period = static_cast<long long>(props.health_check->grace_period->count());
    }
    cfn.health_check_type = props.health_check->type;
  }
  if (launch_config) {
    cfn.launch_configuration_name = launch_config->ref();
  } else {
    cfn.launch_template.launch_template_id = launch_template_->launch_template_id();
    cfn.launch_template.version = launch_template_->latest_version_number();
  }
  if (props.max_instance_lifetime) cfn.max_instance_lifetime = static_cast<long long>(props.max_instance_lifetime->count());
  if (!props.group_metrics.empty()) {
    std::vector<CfnAutoScalingGroup::MetricsCollectionProperty> collection;
    for (const auto& group : props.group_metrics) {
      CfnAutoScalingGroup::MetricsCollectionProperty m{.granularity = "1Minute"};
      if (!group.metrics.empty()) {
        std::vector<Str> names;
        for (auto metric : group.metrics) names.emplace_back(to_string(metric));
        m.metrics = std::move(names);
      }
      collection.push_back(std::move(m));
    }
    cfn.metrics_collection = std::move(collection);
  }
  if (props.new_instances_protected_from_scale_in) cfn.new_instances_protected_from_scale_in = *props.new_instances_protected_from_scale_in;
  if (!props.termination_policies.empty()) {
    std::vector<Str> names;
    for (auto policy : props.termination_policies) names.emplace_back(to_string(policy));
    cfn.termination_policies = std::move(names);
  }
  cfn.vpc_zone_identifier = ListOf<Str>{std::vector<Str>(selected.subnet_ids.begin(), selected.subnet_ids.end())};
  resource_ = &add<CfnAutoScalingGroup>("ASG", std::move(cfn));

  // CreationPolicy and UpdatePolicy.
  auto& options = resource_->options();
  if (props.signals) {
    // A group that starts with no instances would wait for signals nobody sends (CDK
    // writes Count 0 and CloudFormation times out).
    if (props.signals->count(min, desired) < 1) {
      throw Error(errc::AsgSignals, where, "signals need at least one instance to signal, but the group starts with none (minCapacity 0, no desiredCapacity)");
    }
    options.creation_policy = props.signals->render_creation_policy(min, desired);
    has_signals_ = true;
  }
  Map update;
  if (props.update_policy) update = props.update_policy->render(options.creation_policy);
  if (props.ignore_unmodified_size_properties) {
    update.emplace_back("AutoScalingScheduledAction", Map{{"IgnoreUnmodifiedGroupSizeProperties", true}});
  }
  if (!update.empty()) options.update_policy = Value{std::move(update)};
  if (props.signals && !props.init) {
    // cfn-signal needs SignalResource; init grants it itself.
    add_to_role_policy(iam::PolicyStatement{{.actions = {"cloudformation:SignalResource"}, .resources = {Aws::stack_id()}}});
  }
  if (props.init) apply_cloud_formation_init(*props.init, props.init_options.value_or(InitOptions{}));
}

AutoScalingGroup::~AutoScalingGroup() = default;

Value AutoScalingGroup::auto_scaling_group_name() const { return resource_->ref(); }

Value AutoScalingGroup::auto_scaling_group_arn() const {
  const Stack& stack = Stack::of(*this);
  return "arn:" + stack.partition() + ":autoscaling:" + stack.region() + ":" + stack.account() +
         ":autoScalingGroup:*:autoScalingGroupName/" + auto_scaling_group_name();
}

ec2::UserData& AutoScalingGroup::user_data() {
  if (user_data_) return *user_data_;
  if (launch_template_ && launch_template_->user_data()) return *launch_template_->user_data();
  throw Error(errc::AsgLaunchSettings, path(), "The provided launch template does not expose its user data.");
}

void AutoScalingGroup::add_user_data(std::vector<Value> commands) { user_data().add_commands(std::move(commands)); }

iam::IRole& AutoScalingGroup::role() {
  if (role_) return *role_;
  throw Error(errc::AsgLaunchSettings, path(), "The provided launch template does not expose or does not define its role.");
}

void AutoScalingGroup::add_to_role_policy(const iam::PolicyStatement& statement) { role().add_to_principal_policy(statement); }

void AutoScalingGroup::add_security_group(ec2::ISecurityGroup& security_group) {
  if (launch_template_ && !connections_) {
    if (launch_template_ != nullptr && profile_) {
      launch_template_->add_security_group(security_group);
      return;
    }
    throw Error(errc::AsgLaunchSettings, path(),
                "You cannot add security groups when the Auto Scaling Group is created from a Launch Template.");
  }
  connections_->add_security_group(security_group);
  launch_configuration_groups_.push_back(&security_group);
  std::vector<Str> ids;
  for (auto* group : launch_configuration_groups_) ids.emplace_back(group->security_group_id());
  for (const auto& child : children()) {
    if (auto* lc = dynamic_cast<CfnLaunchConfiguration*>(child.get())) lc->props().security_groups = ListOf<Str>{ids};
  }
}

void AutoScalingGroup::apply_cloud_formation_init(const ec2::CloudFormationInit& init, const InitOptions& options) {
  if (!has_signals_) {
    throw Error(errc::AsgInit, path(),
                "When applying CloudFormationInit, you must also configure signals by supplying 'signals' at "
                "instantiation time.");
  }
  init.attach(*resource_, ec2::AttachInitOptions::from(options, &role(), &user_data(), os_type_));
}

void AutoScalingGroup::protect_new_instances_from_scale_in() {
  resource_->props().new_instances_protected_from_scale_in = true;
}

ec2::Connections& AutoScalingGroup::connections() {
  if (connections_) return *connections_;
  if (launch_template_) return launch_template_->connections();
  throw Error(errc::AsgLaunchSettings, path(),
              "AutoScalingGroup can only be used as IConnectable if it is not created from an imported Launch Template.");
}

iam::IPrincipal& AutoScalingGroup::grant_principal() { return role(); }

namespace {
// The scale_on_* shortcuts: target tracking of one of the group's predefined metrics.
MetricTargetTrackingProps predefined_target(const BaseTargetTrackingProps& base, PredefinedMetric metric, double target) {
  MetricTargetTrackingProps m;
  static_cast<BaseTargetTrackingProps&>(m) = base;
  m.predefined_metric = metric;
  m.target_value = target;
  return m;
}
}  // namespace

TargetTrackingScalingPolicy& AutoScalingGroup::scale_on_cpu_utilization(std::string_view id, CpuUtilizationScalingProps props) {
  return scale_to_track_metric(
      id, predefined_target(props, PredefinedMetric::AsgAverageCpuUtilization, props.target_utilization_percent));
}

TargetTrackingScalingPolicy& AutoScalingGroup::scale_on_incoming_bytes(std::string_view id, NetworkUtilizationScalingProps props) {
  return scale_to_track_metric(id, predefined_target(props, PredefinedMetric::AsgAverageNetworkIn, props.target_bytes_per_second));
}

TargetTrackingScalingPolicy& AutoScalingGroup::scale_on_outgoing_bytes(std::string_view id, NetworkUtilizationScalingProps props) {
  return scale_to_track_metric(id, predefined_target(props, PredefinedMetric::AsgAverageNetworkOut, props.target_bytes_per_second));
}

TargetTrackingScalingPolicy& AutoScalingGroup::scale_to_track_metric(std::string_view id, MetricTargetTrackingProps props) {
  TargetTrackingScalingPolicyProps p;
  static_cast<MetricTargetTrackingProps&>(p) = std::move(props);
  p.auto_scaling_group = this;
  return add<TargetTrackingScalingPolicy>("ScalingPolicy" + std::string{id}, std::move(p));
}

ScheduledAction& AutoScalingGroup::scale_on_schedule(std::string_view id, BasicScheduledActionProps props) {
  ScheduledActionProps p;
  static_cast<BasicScheduledActionProps&>(p) = std::move(props);
  p.auto_scaling_group = this;
  return add<ScheduledAction>("ScheduledAction" + std::string{id}, std::move(p));
}

StepScalingPolicy& AutoScalingGroup::scale_on_metric(std::string_view id, BasicStepScalingPolicyProps props) {
  StepScalingPolicyProps p;
  static_cast<BasicStepScalingPolicyProps&>(p) = std::move(props);
  p.auto_scaling_group = this;
  return add<StepScalingPolicy>(id, std::move(p));
}

}  // namespace cdk::autoscaling
