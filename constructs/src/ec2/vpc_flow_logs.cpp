// CDK's FlowLog. With a CloudWatch Logs destination and nothing given, it creates what
// CDK creates: "IAMRole" (assumed by vpc-flow-logs.amazonaws.com) with a "DefaultPolicy"
// that lets it write to "LogGroup" (retention 731 days, retained on delete).
#include "cdk/ec2/vpc_flow_logs.hpp"

#include "cdk/ec2/cfn_flow_log.hpp"
#include "cdk/ec2/vpc.hpp"
#include "cdk/fn.hpp"
#include "cdk/errors.hpp"
#include "cdk/iam/cfn_role.hpp"
#include "cdk/iam/policy_statement.hpp"
#include "cdk/iam/principal.hpp"
#include "cdk/iam/role.hpp"
#include "cdk/logs/cfn_log_group.hpp"
#include "cdk/tags.hpp"

namespace cdk::ec2 {

FlowLogDestination FlowLogDestination::to_cloud_watch_logs(std::optional<Value> log_group_name,
                                                           std::optional<Value> iam_role_arn) {
  FlowLogDestination d;
  d.type_ = Type::CloudWatchLogs;
  d.log_group_name_ = std::move(log_group_name);
  d.iam_role_arn_ = std::move(iam_role_arn);
  return d;
}

FlowLogDestination FlowLogDestination::to_s3(Value bucket_arn, std::optional<std::string> key_prefix) {
  FlowLogDestination d;
  d.type_ = Type::S3;
  d.bucket_arn_ = std::move(bucket_arn);
  d.key_prefix_ = std::move(key_prefix);
  return d;
}

namespace {

const char* traffic_type_name(FlowLogTrafficType type) {
  switch (type) {
    case FlowLogTrafficType::Accept: return "ACCEPT";
    case FlowLogTrafficType::Reject: return "REJECT";
    case FlowLogTrafficType::All: break;
  }
  return "ALL";
}

}  // namespace

FlowLog::FlowLog(Construct& scope, std::string_view id, FlowLogProps props) : Construct(scope, id) {
  if (!props.vpc) throw Error(errc::Ec2InvalidFlowLog, path(), "a flow log needs a vpc");
  // CDK's Tags.of(flowLog).add("Name", path): the flow log, its role and log group.
  Tags::of(*this).add("Name", path());
  const auto destination = props.destination.value_or(FlowLogDestination::to_cloud_watch_logs());

  CfnFlowLog::Props cfn{.resource_id = props.vpc->vpc_id(), .resource_type = "VPC"};
  if (destination.type() == FlowLogDestination::Type::CloudWatchLogs) {
    Value role_arn;
    iam::Role* role = nullptr;
    if (destination.iam_role_arn()) {
      role_arn = *destination.iam_role_arn();
    } else {
      role = &add<iam::Role>("IAMRole", {.assumed_by = iam::ServicePrincipal{"vpc-flow-logs.amazonaws.com"}});
      role_arn = role->role_arn();
      role_ = role;
    }
    Value log_group_name;
    Value log_group_arn;
    if (destination.log_group_name()) {
      log_group_name = *destination.log_group_name();
      log_group_arn = "arn:" + Aws::partition() + ":logs:" + Aws::region() + ":" + Aws::account_id() +
                      ":log-group:" + log_group_name + ":*";
    } else {
      auto& holder = add<Construct>("LogGroup");
      auto& group = holder.add<logs::CfnLogGroup>(
          "Resource", {.retention_in_days = 731});
      group.options().deletion_policy = CfnDeletionPolicy::Retain;
      group.options().update_replace_policy = CfnDeletionPolicy::Retain;
      log_group_name = group.ref();
      log_group_arn = group.get_att("Arn");
    }
    // CDK's grant: the role may write to the log group (its DefaultPolicy).
    if (role != nullptr) {
      role->add_to_policy(iam::PolicyStatement{{.actions = {"logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"},
                                                .resources = {log_group_arn}}});
    }
    cfn.deliver_logs_permission_arn = role_arn;
    cfn.log_destination_type = "cloud-watch-logs";
    cfn.log_group_name = log_group_name;
  } else {
    cfn.log_destination_type = "s3";
    cfn.log_destination = destination.key_prefix() ? *destination.bucket_arn() + "/" + *destination.key_prefix()
                                                   : *destination.bucket_arn();
  }
  if (props.max_aggregation_interval) cfn.max_aggregation_interval = static_cast<int>(*props.max_aggregation_interval);
  cfn.traffic_type = traffic_type_name(props.traffic_type.value_or(FlowLogTrafficType::All));
  resource_ = &add<CfnFlowLog>("FlowLog", std::move(cfn));
}

Value FlowLog::flow_log_id() const { return resource_->ref(); }

}  // namespace cdk::ec2
