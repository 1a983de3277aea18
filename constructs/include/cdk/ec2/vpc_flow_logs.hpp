// VPC flow logs (CDK's FlowLog): to CloudWatch Logs (a new log group and a role that
// CloudWatch Logs delivery assumes, unless given) or to an S3 bucket.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cdk/borrowed.hpp"
#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk::iam {
class Role;
}

namespace cdk::ec2 {

class CfnFlowLog;
class IVpc;

/// Which traffic is logged.
enum class FlowLogTrafficType { Accept, All, Reject };

/// The longest time a flow is captured before it is written.
enum class FlowLogMaxAggregationInterval { OneMinute = 60, TenMinutes = 600 };

/// Where the flow log is delivered.
class FlowLogDestination {
 public:
  enum class Type { CloudWatchLogs, S3 };

  /// CloudWatch Logs. Default: a new log group (retention two years, retained on
  /// delete, as CDK's LogGroup) and a new IAM role that vpc-flow-logs assumes.
  static FlowLogDestination to_cloud_watch_logs(std::optional<Value> log_group_name = {},
                                                std::optional<Value> iam_role_arn = {});
  /// An existing S3 bucket by ARN, optionally under a key prefix.
  static FlowLogDestination to_s3(Value bucket_arn, std::optional<std::string> key_prefix = {});

  Type type() const { return type_; }
  const std::optional<Value>& log_group_name() const { return log_group_name_; }
  const std::optional<Value>& iam_role_arn() const { return iam_role_arn_; }
  const std::optional<Value>& bucket_arn() const { return bucket_arn_; }
  const std::optional<std::string>& key_prefix() const { return key_prefix_; }

 private:
  Type type_ = Type::CloudWatchLogs;
  std::optional<Value> log_group_name_;
  std::optional<Value> iam_role_arn_;
  std::optional<Value> bucket_arn_;
  std::optional<std::string> key_prefix_;
};

/// A flow log as Vpc::add_flow_log and VpcProps::flow_logs take it.
struct FlowLogOptions {
  /// Default FlowLogTrafficType::All.
  std::optional<FlowLogTrafficType> traffic_type;
  /// Default FlowLogDestination::to_cloud_watch_logs().
  std::optional<FlowLogDestination> destination;
  /// Default: CloudFormation's (600 seconds); not written.
  std::optional<FlowLogMaxAggregationInterval> max_aggregation_interval;
};

struct FlowLogProps {
  /// The VPC whose traffic is logged (ResourceType VPC).
  Borrowed<const IVpc> vpc;
  std::optional<FlowLogTrafficType> traffic_type;
  std::optional<FlowLogDestination> destination;
  std::optional<FlowLogMaxAggregationInterval> max_aggregation_interval;
};

/// AWS::EC2::FlowLog ("FlowLog" below it), with "LogGroup" and "IAMRole" for a
/// CloudWatch Logs destination that does not name them.
class FlowLog : public Construct {
 public:
  using Props = FlowLogProps;

  FlowLog(Construct& scope, std::string_view id, FlowLogProps props);

  /// {"Ref": flow log}
  Value flow_log_id() const;
  CfnFlowLog& cfn_flow_log() const { return *resource_; }
  /// The role created for a CloudWatch Logs destination ("IAMRole"), or nullptr when
  /// one was given or the destination is S3.
  iam::Role* iam_role() const { return role_; }

 private:
  CfnFlowLog* resource_ = nullptr;
  iam::Role* role_ = nullptr;
};

}  // namespace cdk::ec2
