// Target tracking policies and scheduled actions (target-tracking-scaling-policy.ts,
// scheduled-action.ts, schedule.ts).
#include "cdk/autoscaling/scaling.hpp"

#include <cmath>

#include "cdk/autoscaling/auto_scaling_group.hpp"
#include "cdk/autoscaling/cfn_scaling_policy.hpp"
#include "cdk/autoscaling/cfn_scheduled_action.hpp"
#include "cdk/errors.hpp"

namespace cdk::autoscaling {

const char* to_string(PredefinedMetric metric) {
  switch (metric) {
    case PredefinedMetric::AsgAverageCpuUtilization: return "ASGAverageCPUUtilization";
    case PredefinedMetric::AsgAverageNetworkIn: return "ASGAverageNetworkIn";
    case PredefinedMetric::AsgAverageNetworkOut: return "ASGAverageNetworkOut";
    case PredefinedMetric::AlbRequestCountPerTarget: return "ALBRequestCountPerTarget";
  }
  return "";
}

namespace {
Value number(double d) {
  if (std::floor(d) == d) return Value{static_cast<long long>(d)};
  return Value{d};
}
}  // namespace

TargetTrackingScalingPolicy::TargetTrackingScalingPolicy(Construct& scope, std::string_view id,
                                                         TargetTrackingScalingPolicyProps props)
    : Construct(scope, id) {
  if (!props.auto_scaling_group) throw Error(errc::AsgScaling, path(), "a target tracking policy needs its auto scaling group");
  if (props.predefined_metric == PredefinedMetric::AlbRequestCountPerTarget && !props.resource_label) {
    throw Error(errc::AsgScaling, path(), "When tracking the ALBRequestCountPerTarget metric, the ALB identifier must be supplied in resourceLabel");
  }
  CfnScalingPolicy::TargetTrackingConfigurationProperty config;
  if (props.disable_scale_in) config.disable_scale_in = *props.disable_scale_in;
  config.predefined_metric_specification.predefined_metric_type = to_string(props.predefined_metric);
  if (props.resource_label) config.predefined_metric_specification.resource_label = *props.resource_label;
  config.target_value = Num{number(props.target_value)};

  CfnScalingPolicy::Props cfn{.auto_scaling_group_name = props.auto_scaling_group->auto_scaling_group_name(),
                              .policy_type = "TargetTrackingScaling",
                              .target_tracking_configuration = std::move(config)};
  if (props.cooldown) cfn.cooldown = std::to_string(props.cooldown->count());
  if (props.estimated_instance_warmup) cfn.estimated_instance_warmup = static_cast<long long>(props.estimated_instance_warmup->count());
  resource_ = &add<CfnScalingPolicy>("Resource", std::move(cfn));
}

Value TargetTrackingScalingPolicy::scaling_policy_arn() const { return resource_->ref(); }

Schedule Schedule::cron(CronOptions options) {
  if (options.week_day && options.day) {
    throw Error(errc::AsgSchedule, "", "Cannot supply both 'day' and 'weekDay', use at most one");
  }
  auto or_star = [](const std::optional<std::string>& s) { return s.value_or("*"); };
  return Schedule{or_star(options.minute) + " " + or_star(options.hour) + " " + or_star(options.day) + " " +
                  or_star(options.month) + " " + or_star(options.week_day)};
}

ScheduledAction::ScheduledAction(Construct& scope, std::string_view id, ScheduledActionProps props) : Construct(scope, id) {
  if (!props.auto_scaling_group) throw Error(errc::AsgSchedule, path(), "a scheduled action needs its auto scaling group");
  if (!props.min_capacity && !props.max_capacity && !props.desired_capacity) {
    throw Error(errc::AsgSchedule, path(), "At least one of minCapacity, maxCapacity, or desiredCapacity is required");
  }
  CfnScheduledAction::Props cfn{.auto_scaling_group_name = props.auto_scaling_group->auto_scaling_group_name()};
  if (props.desired_capacity) cfn.desired_capacity = *props.desired_capacity;
  if (props.end_time) cfn.end_time = *props.end_time;
  if (props.max_capacity) cfn.max_size = *props.max_capacity;
  if (props.min_capacity) cfn.min_size = *props.min_capacity;
  cfn.recurrence = props.schedule.expression_string();
  if (props.start_time) cfn.start_time = *props.start_time;
  if (props.time_zone) cfn.time_zone = *props.time_zone;
  resource_ = &add<CfnScheduledAction>("Resource", std::move(cfn));
}

}  // namespace cdk::autoscaling
