// Step scaling as aws-cdk-lib computes it (step-scaling-policy.ts and
// aws-autoscaling-common's interval-utils.ts: normalizeIntervals, findAlarmThresholds).
#include "cdk/autoscaling/step_scaling.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "cdk/autoscaling/auto_scaling_group.hpp"
#include "cdk/autoscaling/cfn_scaling_policy.hpp"
#include "cdk/cloudwatch/cfn_alarm.hpp"
#include "cdk/errors.hpp"

namespace cdk::autoscaling {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct Interval {
  double lower = 0;
  double upper = 0;
  std::optional<int> change;  // none = no scaling in this interval
};

std::string format(double d) {
  if (std::isinf(d)) return "Infinity";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", d);
  return buffer;
}

std::vector<Interval> order_and_complete(std::vector<ScalingInterval> steps, const std::string& path) {
  for (const auto& step : steps) {
    if (!step.lower && !step.upper) {
      throw Error(errc::AsgScaling, path, "Must supply at least one of 'upper' or 'lower' for every scaling step");
    }
  }
  std::stable_sort(steps.begin(), steps.end(), [](const ScalingInterval& a, const ScalingInterval& b) {
    return a.lower.value_or(*a.upper) < b.lower.value_or(*b.upper);
  });
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
      if (steps[i].upper && !steps[i + 1].lower) {
        steps[i + 1].lower = steps[i].upper;
        changed = true;
      }
    }
    for (std::size_t i = steps.size() - 1; i >= 1; --i) {
      if (steps[i].lower && !steps[i - 1].upper) {
        steps[i - 1].upper = steps[i].lower;
        changed = true;
      }
    }
  }
  if (!steps.front().lower) steps.front().lower = 0;
  if (!steps.back().upper) steps.back().upper = kInfinity;
  std::vector<Interval> out;
  for (const auto& step : steps) {
    if (!step.lower || !step.upper) throw Error(errc::AsgScaling, path, "Could not determine the lower and upper bounds of a step");
    out.push_back({*step.lower, *step.upper, step.change});
  }
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i].lower < out[i + 1].upper && out[i].upper > out[i + 1].lower) {
      throw Error(errc::AsgScaling, path,
                  "Two intervals overlap: [" + format(out[i].lower) + ", " + format(out[i].upper) + ") and [" +
                      format(out[i + 1].lower) + ", " + format(out[i + 1].upper) + ")");
    }
  }
  return out;
}

std::vector<Interval> normalize(std::vector<ScalingInterval> steps, bool changes_are_absolute, const std::string& path) {
  auto full = order_and_complete(std::move(steps), path);
  // Gaps in the number line become no-change intervals.
  if (full.front().lower != 0) full.insert(full.begin(), Interval{0, full.front().lower, std::nullopt});
  if (full.back().upper != kInfinity) full.push_back(Interval{full.back().upper, kInfinity, std::nullopt});
  for (std::size_t i = 1; i < full.size();) {
    if (full[i - 1].upper < full[i].lower) full.insert(full.begin() + static_cast<long>(i), Interval{full[i - 1].upper, full[i].lower, std::nullopt});
    else ++i;
  }
  if (!changes_are_absolute) {
    for (auto& interval : full) {
      if (interval.change == 0) interval.change.reset();
    }
  }
  for (std::size_t i = 0; i + 1 < full.size();) {
    if (!full[i].change && !full[i + 1].change) {
      full[i].upper = full[i + 1].upper;
      full.erase(full.begin() + static_cast<long>(i) + 1);
    } else {
      ++i;
    }
  }
  if (std::count_if(full.begin(), full.end(), [](const Interval& x) { return !x.change; }) > 1) {
    throw Error(errc::AsgScaling, path, "Can have at most one no-change interval");
  }
  return full;
}

const char* to_string(AdjustmentType type) {
  switch (type) {
    case AdjustmentType::ChangeInCapacity: return "ChangeInCapacity";
    case AdjustmentType::PercentChangeInCapacity: return "PercentChangeInCapacity";
    case AdjustmentType::ExactCapacity: return "ExactCapacity";
  }
  return "";
}

const char* to_string(MetricAggregationType type) {
  switch (type) {
    case MetricAggregationType::Average: return "Average";
    case MetricAggregationType::Minimum: return "Minimum";
    case MetricAggregationType::Maximum: return "Maximum";
  }
  return "";
}

Value number(double d) {
  if (std::floor(d) == d && std::abs(d) < 9e15) return Value{static_cast<long long>(d)};
  return Value{d};
}

}  // namespace

StepScalingPolicy::StepScalingPolicy(Construct& scope, std::string_view id, StepScalingPolicyProps props)
    : Construct(scope, id) {
  const std::string where = path();
  if (!props.auto_scaling_group) throw Error(errc::AsgScaling, where, "a step scaling policy needs its auto scaling group");
  const auto count = props.scaling_steps.size();
  if (count < 2) throw Error(errc::AsgScaling, where, "You must supply at least 2 intervals for autoscaling");
  if (count > 40) throw Error(errc::AsgScaling, where, "'scalingSteps' can have at most 40 steps, got " + std::to_string(count));
  if (props.evaluation_periods && *props.evaluation_periods < 1) {
    throw Error(errc::AsgScaling, where, "evaluationPeriods cannot be less than 1, got: " + std::to_string(*props.evaluation_periods));
  }
  if (props.datapoints_to_alarm) {
    if (!props.evaluation_periods) throw Error(errc::AsgScaling, where, "evaluationPeriods must be set if datapointsToAlarm is set");
    if (*props.datapoints_to_alarm < 1) {
      throw Error(errc::AsgScaling, where, "datapointsToAlarm cannot be less than 1, got: " + std::to_string(*props.datapoints_to_alarm));
    }
    if (*props.evaluation_periods < *props.datapoints_to_alarm) {
      throw Error(errc::AsgScaling, where, "datapointsToAlarm must be less than or equal to evaluationPeriods");
    }
  }
  const auto adjustment = props.adjustment_type.value_or(AdjustmentType::ChangeInCapacity);
  auto intervals = normalize(props.scaling_steps, adjustment == AdjustmentType::ExactCapacity, where);

  // findAlarmThresholds
  std::optional<std::size_t> lower_index, upper_index;
  auto gap = std::find_if(intervals.begin(), intervals.end(), [](const Interval& x) { return !x.change; });
  if (gap != intervals.end()) {
    auto g = static_cast<std::size_t>(gap - intervals.begin());
    if (g > 0) lower_index = g - 1;
    if (g + 1 < intervals.size()) upper_index = g + 1;
  } else if (intervals.size() == 1) {
    upper_index = 0;
  } else {
    lower_index = intervals.size() / 2 - 1;
    upper_index = intervals.size() / 2;
  }

  const Metric& metric = props.metric;
  MetricAggregationType aggregation = props.metric_aggregation_type.value_or(
      metric.statistic == "Minimum" ? MetricAggregationType::Minimum
      : metric.statistic == "Maximum" ? MetricAggregationType::Maximum
                                      : MetricAggregationType::Average);
  // The alarms get the group's tags (Name) through its Tags::of when the policy is below it.

  auto make_policy = [&](const char* child, std::vector<CfnScalingPolicy::StepAdjustmentProperty> steps) {
    // CDK's StepScalingAction holds the CfnScalingPolicy as "Resource" (logical ids).
    auto& policy = add<Construct>(child).add<CfnScalingPolicy>("Resource", {.auto_scaling_group_name = props.auto_scaling_group->auto_scaling_group_name()});
    policy.props().adjustment_type = to_string(adjustment);
    if (props.cooldown) policy.props().cooldown = std::to_string(props.cooldown->count());
    if (props.estimated_instance_warmup) policy.props().estimated_instance_warmup = static_cast<long long>(props.estimated_instance_warmup->count());
    policy.props().metric_aggregation_type = to_string(aggregation);
    if (props.min_adjustment_magnitude) policy.props().min_adjustment_magnitude = *props.min_adjustment_magnitude;
    policy.props().policy_type = "StepScaling";
    policy.props().step_adjustments = std::move(steps);
    return &policy;
  };
  auto make_alarm = [&](const char* child, CfnScalingPolicy& policy, const char* description, const char* comparison,
                        double threshold) {
    std::vector<cloudwatch::CfnAlarm::DimensionProperty> dimensions;
    for (const auto& [name, value] : metric.dimensions) dimensions.push_back({.name = name, .value = value});
    cloudwatch::CfnAlarm::Props alarm{
        .alarm_actions = ListOf<Str>{std::vector<Str>{Str{policy.ref()}}},
        .alarm_description = description,
        .comparison_operator = comparison,
    };
    if (props.datapoints_to_alarm) alarm.datapoints_to_alarm = *props.datapoints_to_alarm;
    if (!dimensions.empty()) alarm.dimensions = std::move(dimensions);
    alarm.evaluation_periods = props.evaluation_periods.value_or(1);
    alarm.metric_name = metric.metric_name;
    alarm.namespace_ = metric.namespace_;
    alarm.period = static_cast<long long>(metric.period.count());
    alarm.statistic = metric.statistic;
    alarm.threshold = Num{number(threshold)};
    return &add<Construct>(child).add<cloudwatch::CfnAlarm>("Resource", std::move(alarm));
  };

  if (lower_index) {
    const double threshold = intervals[*lower_index].upper;
    std::vector<CfnScalingPolicy::StepAdjustmentProperty> steps;
    for (std::size_t i = *lower_index + 1; i-- > 0;) {
      CfnScalingPolicy::StepAdjustmentProperty step;
      if (i != 0) step.metric_interval_lower_bound = Num{number(intervals[i].lower - threshold)};
      step.metric_interval_upper_bound = Num{number(intervals[i].upper - threshold)};
      step.scaling_adjustment = *intervals[i].change;
      steps.push_back(std::move(step));
    }
    lower_policy_ = make_policy("LowerPolicy", std::move(steps));
    lower_alarm_ = make_alarm("LowerAlarm", *lower_policy_, "Lower threshold scaling alarm", "LessThanOrEqualToThreshold", threshold);
  }
  if (upper_index) {
    const double threshold = intervals[*upper_index].lower;
    std::vector<CfnScalingPolicy::StepAdjustmentProperty> steps;
    for (std::size_t i = *upper_index; i < intervals.size(); ++i) {
      CfnScalingPolicy::StepAdjustmentProperty step;
      step.metric_interval_lower_bound = Num{number(intervals[i].lower - threshold)};
      if (i != intervals.size() - 1) step.metric_interval_upper_bound = Num{number(intervals[i].upper - threshold)};
      step.scaling_adjustment = *intervals[i].change;
      steps.push_back(std::move(step));
    }
    upper_policy_ = make_policy("UpperPolicy", std::move(steps));
    upper_alarm_ = make_alarm("UpperAlarm", *upper_policy_, "Upper threshold scaling alarm", "GreaterThanOrEqualToThreshold", threshold);
  }
}

}  // namespace cdk::autoscaling
