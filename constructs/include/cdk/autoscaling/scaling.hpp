// Scaling of an auto scaling group: target tracking policies on the predefined metrics
// and scheduled actions (CDK's TargetTrackingScalingPolicy, ScheduledAction, Schedule).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "cdk/autoscaling/cfn_fwd.hpp"
#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk::autoscaling {

class AutoScalingGroup;

enum class PredefinedMetric {
  AsgAverageCpuUtilization,   // ASGAverageCPUUtilization
  AsgAverageNetworkIn,        // ASGAverageNetworkIn
  AsgAverageNetworkOut,       // ASGAverageNetworkOut
  AlbRequestCountPerTarget,   // ALBRequestCountPerTarget (needs a resource label)
};
const char* to_string(PredefinedMetric metric);

struct BaseTargetTrackingProps {
  /// Never scale in. Default false.
  std::optional<bool> disable_scale_in;
  /// Seconds between scaling activities. Default: the group's.
  std::optional<std::chrono::seconds> cooldown;
  /// Seconds until a new instance counts in the metric. Default: the group's.
  std::optional<std::chrono::seconds> estimated_instance_warmup;
};

struct CpuUtilizationScalingProps : BaseTargetTrackingProps {
  double target_utilization_percent = 0;
};

struct NetworkUtilizationScalingProps : BaseTargetTrackingProps {
  double target_bytes_per_second = 0;
};

struct MetricTargetTrackingProps : BaseTargetTrackingProps {
  PredefinedMetric predefined_metric = PredefinedMetric::AsgAverageCpuUtilization;
  double target_value = 0;
  /// For ALBRequestCountPerTarget.
  std::optional<std::string> resource_label;
};

struct TargetTrackingScalingPolicyProps : MetricTargetTrackingProps {
  AutoScalingGroup* auto_scaling_group = nullptr;
};

class TargetTrackingScalingPolicy : public Construct {
 public:
  using Props = TargetTrackingScalingPolicyProps;
  TargetTrackingScalingPolicy(Construct& scope, std::string_view id, TargetTrackingScalingPolicyProps props);
  /// {"Ref": policy} (the policy ARN).
  Value scaling_policy_arn() const;
  CfnScalingPolicy& cfn_scaling_policy() { return *resource_; }

 private:
  CfnScalingPolicy* resource_ = nullptr;
};

struct CronOptions {
  std::optional<std::string> minute;
  std::optional<std::string> hour;
  std::optional<std::string> day;
  std::optional<std::string> month;
  /// Not together with `day`.
  std::optional<std::string> week_day;
};

/// A recurrence in cron syntax (UTC unless the action has a time zone).
class Schedule {
 public:
  /// "minute hour day month week_day"; unset fields are "*".
  static Schedule cron(CronOptions options);
  static Schedule expression(std::string expression) { return Schedule{std::move(expression)}; }
  const std::string& expression_string() const { return expression_; }

 private:
  explicit Schedule(std::string expression) : expression_{std::move(expression)} {}
  std::string expression_;
};

struct BasicScheduledActionProps {
  Schedule schedule = Schedule::expression("* * * * *");
  /// e.g. "Europe/Paris". Default: UTC.
  std::optional<std::string> time_zone;
  /// ISO 8601 start / end times, e.g. "2026-01-01T00:00:00Z".
  std::optional<std::string> start_time;
  std::optional<std::string> end_time;
  /// At least one of the three capacities is required.
  std::optional<int> min_capacity;
  std::optional<int> max_capacity;
  std::optional<int> desired_capacity;
};

struct ScheduledActionProps : BasicScheduledActionProps {
  AutoScalingGroup* auto_scaling_group = nullptr;
};

class ScheduledAction : public Construct {
 public:
  using Props = ScheduledActionProps;
  ScheduledAction(Construct& scope, std::string_view id, ScheduledActionProps props);
  CfnScheduledAction& cfn_scheduled_action() { return *resource_; }

 private:
  CfnScheduledAction* resource_ = nullptr;
};

}  // namespace cdk::autoscaling
