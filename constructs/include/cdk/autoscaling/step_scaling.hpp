// Step scaling (CDK's StepScalingPolicy): the steps are normalized into intervals of the
// metric, and a lower and/or upper CloudWatch alarm triggers a StepScaling policy, with
// the thresholds and adjustments aws-cdk-lib computes.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cdk/autoscaling/cfn_fwd.hpp"
#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk::cloudwatch {
class CfnAlarm;
}

namespace cdk::autoscaling {

class AutoScalingGroup;

/// A CloudWatch metric (the part of CDK's cloudwatch.Metric that alarms need).
struct Metric {
  std::string namespace_;
  std::string metric_name;
  /// Dimension name -> value, e.g. {"AutoScalingGroupName", asg.auto_scaling_group_name()}.
  std::vector<std::pair<std::string, Value>> dimensions;
  /// "Average" (default), "Minimum", "Maximum", "Sum", "SampleCount", "p99", ...
  std::string statistic = "Average";
  /// Default 5 minutes.
  std::chrono::seconds period = std::chrono::minutes{5};
};

enum class AdjustmentType { ChangeInCapacity, PercentChangeInCapacity, ExactCapacity };
enum class MetricAggregationType { Average, Minimum, Maximum };

/// A step: when the metric is in [lower, upper), change the capacity by `change`. Give at
/// least one bound; the others are inferred from the neighbouring steps.
struct ScalingInterval {
  std::optional<double> lower;
  std::optional<double> upper;
  int change = 0;
};

struct BasicStepScalingPolicyProps {
  Metric metric;
  /// At least 2 and at most 40 steps.
  std::vector<ScalingInterval> scaling_steps;
  /// Default ChangeInCapacity.
  std::optional<AdjustmentType> adjustment_type;
  std::optional<std::chrono::seconds> cooldown;
  std::optional<std::chrono::seconds> estimated_instance_warmup;
  /// Default: from the metric's statistic.
  std::optional<MetricAggregationType> metric_aggregation_type;
  std::optional<int> min_adjustment_magnitude;
  /// Default 1.
  std::optional<int> evaluation_periods;
  /// Needs evaluation_periods.
  std::optional<int> datapoints_to_alarm;
};

struct StepScalingPolicyProps : BasicStepScalingPolicyProps {
  AutoScalingGroup* auto_scaling_group = nullptr;
};

class StepScalingPolicy : public Construct {
 public:
  using Props = StepScalingPolicyProps;
  StepScalingPolicy(Construct& scope, std::string_view id, StepScalingPolicyProps props);

  /// The policies and alarms ("LowerPolicy", "LowerAlarm", "UpperPolicy", "UpperAlarm");
  /// null when the steps need no such side.
  CfnScalingPolicy* lower_policy() const { return lower_policy_; }
  CfnScalingPolicy* upper_policy() const { return upper_policy_; }
  cloudwatch::CfnAlarm* lower_alarm() const { return lower_alarm_; }
  cloudwatch::CfnAlarm* upper_alarm() const { return upper_alarm_; }

 private:
  CfnScalingPolicy* lower_policy_ = nullptr;
  CfnScalingPolicy* upper_policy_ = nullptr;
  cloudwatch::CfnAlarm* lower_alarm_ = nullptr;
  cloudwatch::CfnAlarm* upper_alarm_ = nullptr;
};

}  // namespace cdk::autoscaling
