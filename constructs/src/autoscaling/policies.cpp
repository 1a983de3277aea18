// Signals and update policies, key for key as aws-cdk-lib renders them.
#include "cdk/autoscaling/policies.hpp"

#include <cmath>

#include "cdk/errors.hpp"

namespace cdk::autoscaling {

namespace {

std::optional<double> check_percentage(std::optional<double> x) {
  if (x && (*x < 0 || *x > 100)) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%g", *x);
    throw Error(errc::AsgSignals, "", std::string{"Expected: a percentage 0..100, got: "} + buffer);
  }
  return x;
}

Value number(double d) {
  if (std::floor(d) == d) return Value{static_cast<long long>(d)};
  return Value{d};
}

const Value* find(const Value& map, const std::string& key) {
  if (!map.is_map()) return nullptr;
  for (const auto& [k, v] : map.as_map()) {
    if (k == key) return &v;
  }
  return nullptr;
}

}  // namespace

std::string iso_duration(std::chrono::seconds duration) {
  long long s = duration.count();
  if (s == 0) return "PT0S";
  std::string out = "P";
  long long days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60, seconds = s % 60;
  if (days) out += std::to_string(days) + "D";
  if (hours || minutes || seconds) out += "T";
  if (hours) out += std::to_string(hours) + "H";
  if (minutes) out += std::to_string(minutes) + "M";
  if (seconds) out += std::to_string(seconds) + "S";
  return out;
}

Signals Signals::wait_for_all(SignalsOptions options) {
  check_percentage(options.min_success_percentage);
  return {Kind::All, 0, options};
}
Signals Signals::wait_for_min_capacity(SignalsOptions options) {
  check_percentage(options.min_success_percentage);
  return {Kind::MinCapacity, 0, options};
}
Signals Signals::wait_for_count(int count, SignalsOptions options) {
  check_percentage(options.min_success_percentage);
  if (count < 1) throw Error(errc::AsgSignals, "", "waitForCount needs a count of at least 1, got " + std::to_string(count));
  return {Kind::Count, count, options};
}

int Signals::count(int min_capacity, std::optional<int> desired_capacity) const {
  return kind_ == Kind::Count ? count_ : kind_ == Kind::All ? desired_capacity.value_or(min_capacity) : min_capacity;
}

Value Signals::render_creation_policy(int min_capacity, std::optional<int> desired_capacity) const {
  const int count = this->count(min_capacity, desired_capacity);
  Map policy;
  if (options_.min_success_percentage) {
    policy.emplace_back("AutoScalingCreationPolicy",
                        Map{{"MinSuccessfulInstancesPercent", number(*options_.min_success_percentage)}});
  }
  Map signal{{"Count", count}};
  if (options_.timeout) signal.emplace_back("Timeout", iso_duration(*options_.timeout));
  policy.emplace_back("ResourceSignal", Value{std::move(signal)});
  return Value{std::move(policy)};
}

const char* to_string(ScalingProcess process) {
  switch (process) {
    case ScalingProcess::Launch: return "Launch";
    case ScalingProcess::Terminate: return "Terminate";
    case ScalingProcess::HealthCheck: return "HealthCheck";
    case ScalingProcess::ReplaceUnhealthy: return "ReplaceUnhealthy";
    case ScalingProcess::AzRebalance: return "AZRebalance";
    case ScalingProcess::AlarmNotification: return "AlarmNotification";
    case ScalingProcess::ScheduledActions: return "ScheduledActions";
    case ScalingProcess::AddToLoadBalancer: return "AddToLoadBalancer";
    case ScalingProcess::InstanceRefresh: return "InstanceRefresh";
  }
  return "";
}

UpdatePolicy UpdatePolicy::replacing_update() { return {false, {}}; }

UpdatePolicy UpdatePolicy::rolling_update(RollingUpdateOptions options) {
  check_percentage(options.min_success_percentage);
  if (options.max_batch_size && *options.max_batch_size < 1) {
    throw Error(errc::AsgUpdatePolicy, "", "maxBatchSize must be at least 1, got " + std::to_string(*options.max_batch_size));
  }
  if (options.min_instances_in_service && *options.min_instances_in_service < 0) {
    throw Error(errc::AsgUpdatePolicy, "",
                "minInstancesInService must not be negative, got " + std::to_string(*options.min_instances_in_service));
  }
  if (options.pause_time && options.pause_time->count() > 3600) {
    throw Error(errc::AsgUpdatePolicy, "", "pauseTime must be at most one hour (PT1H)");
  }
  return {true, std::move(options)};
}

Map UpdatePolicy::render(const Value& creation_policy) const {
  if (!rolling_) return Map{{"AutoScalingReplacingUpdate", Map{{"WillReplace", true}}}};
  const Value* signal = find(creation_policy, "ResourceSignal");
  const Value* creation = find(creation_policy, "AutoScalingCreationPolicy");
  Map update;
  if (options_.max_batch_size) update.emplace_back("MaxBatchSize", *options_.max_batch_size);
  if (options_.min_instances_in_service) update.emplace_back("MinInstancesInService", *options_.min_instances_in_service);
  std::vector<std::string> processes;
  if (options_.suspend_processes) {
    for (auto p : *options_.suspend_processes) processes.emplace_back(to_string(p));
  } else {
    for (auto p : {ScalingProcess::HealthCheck, ScalingProcess::ReplaceUnhealthy, ScalingProcess::AzRebalance,
                   ScalingProcess::AlarmNotification, ScalingProcess::ScheduledActions, ScalingProcess::InstanceRefresh}) {
      processes.emplace_back(to_string(p));
    }
  }
  update.emplace_back("SuspendProcesses", Value{processes});
  if (options_.min_success_percentage) {
    update.emplace_back("MinSuccessfulInstancesPercent", number(*options_.min_success_percentage));
  } else if (const Value* percent = creation ? find(*creation, "MinSuccessfulInstancesPercent") : nullptr) {
    update.emplace_back("MinSuccessfulInstancesPercent", *percent);
  }
  if (options_.wait_on_resource_signals) update.emplace_back("WaitOnResourceSignals", *options_.wait_on_resource_signals);
  else if (signal) update.emplace_back("WaitOnResourceSignals", true);
  if (options_.pause_time) update.emplace_back("PauseTime", iso_duration(*options_.pause_time));
  else if (const Value* timeout = signal ? find(*signal, "Timeout") : nullptr) update.emplace_back("PauseTime", *timeout);
  return Map{{"AutoScalingRollingUpdate", Value{std::move(update)}}};
}

}  // namespace cdk::autoscaling
