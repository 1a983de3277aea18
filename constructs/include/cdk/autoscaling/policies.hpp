// Health checks, signals (CreationPolicy) and update policies (UpdatePolicy) of an auto
// scaling group, rendered as aws-cdk-lib renders them.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "cdk/value.hpp"

namespace cdk::autoscaling {

/// ISO 8601 duration as CDK's Duration.toIsoString writes it: PT5M, PT1H30M, P1D.
std::string iso_duration(std::chrono::seconds duration);

struct HealthCheckOptions {
  /// Seconds after launch before health checks start. Default: none (EC2's 0 / 300).
  std::optional<std::chrono::seconds> grace;
};

class HealthCheck {
 public:
  static HealthCheck ec2(HealthCheckOptions options = {}) { return {"EC2", options.grace}; }
  static HealthCheck elb(HealthCheckOptions options = {}) { return {"ELB", options.grace}; }
  std::string type;
  std::optional<std::chrono::seconds> grace_period;
};

struct SignalsOptions {
  /// 0..100: the share of instances that must signal success.
  std::optional<double> min_success_percentage;
  /// How long to wait for the signals. Default: CloudFormation's (PT5M).
  std::optional<std::chrono::seconds> timeout;
};

/// How many instances must signal success before the group's creation (or update)
/// completes: CreationPolicy.ResourceSignal. Send them with init (cfn-signal) or
/// UserData::add_signal_on_exit_command.
class Signals {
 public:
  /// As many signals as the desired capacity (or the minimum when none is given).
  static Signals wait_for_all(SignalsOptions options = {});
  /// As many signals as the minimum capacity.
  static Signals wait_for_min_capacity(SignalsOptions options = {});
  /// `count` signals.
  static Signals wait_for_count(int count, SignalsOptions options = {});

  /// The number of signals waited for, given the group's capacities.
  int count(int min_capacity, std::optional<int> desired_capacity) const;
  /// {AutoScalingCreationPolicy?, ResourceSignal: {Count, Timeout?}}
  Value render_creation_policy(int min_capacity, std::optional<int> desired_capacity) const;
  const SignalsOptions& options() const { return options_; }

 private:
  enum class Kind { All, MinCapacity, Count };
  Signals(Kind kind, int count, SignalsOptions options) : kind_{kind}, count_{count}, options_{options} {}
  Kind kind_;
  int count_;
  SignalsOptions options_;
};

enum class ScalingProcess {
  Launch, Terminate, HealthCheck, ReplaceUnhealthy, AzRebalance, AlarmNotification, ScheduledActions,
  AddToLoadBalancer, InstanceRefresh,
};
const char* to_string(ScalingProcess process);

struct RollingUpdateOptions {
  /// Instances replaced at once. Default: CloudFormation's (1).
  std::optional<int> max_batch_size;
  /// Default: CloudFormation's (0).
  std::optional<int> min_instances_in_service;
  /// 0..100. Default: the signals' min_success_percentage.
  std::optional<double> min_success_percentage;
  /// Default: the signals' timeout.
  std::optional<std::chrono::seconds> pause_time;
  /// Default: HealthCheck, ReplaceUnhealthy, AZRebalance, AlarmNotification,
  /// ScheduledActions, InstanceRefresh (CDK's).
  std::optional<std::vector<ScalingProcess>> suspend_processes;
  /// Default: true when signals are configured.
  std::optional<bool> wait_on_resource_signals;
};

class UpdatePolicy {
 public:
  /// A new group replaces the old one (AutoScalingReplacingUpdate WillReplace).
  static UpdatePolicy replacing_update();
  /// Instances are replaced in batches (AutoScalingRollingUpdate).
  static UpdatePolicy rolling_update(RollingUpdateOptions options = {});

  /// The UpdatePolicy attribute given the group's CreationPolicy (may be null).
  Map render(const Value& creation_policy) const;

 private:
  UpdatePolicy(bool rolling, RollingUpdateOptions options) : rolling_{rolling}, options_{std::move(options)} {}
  bool rolling_;
  RollingUpdateOptions options_;
};

}  // namespace cdk::autoscaling
