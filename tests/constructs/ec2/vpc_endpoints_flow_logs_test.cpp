// Gateway endpoints and flow logs, with the resources CDK writes for the same calls.
#include <cdk/ec2/cfn_flow_log.hpp>
#include <cdk/ec2/cfn_vpc_endpoint.hpp>

#include <cdk/iam/policy_statement.hpp>
#include <cdk/iam/role.hpp>

#include "vpc_support.hpp"

using namespace vpc_test;
using namespace cdk::ec2;
namespace errc = cdk::errc;

namespace {
cdk::Value service_name(const std::string& service) {
  return cdk::Map{{"Fn::Join", cdk::List{"", cdk::List{"com.amazonaws.", cdk::Map{{"Ref", "AWS::Region"}}, "." + service}}}};
}
cdk::Value get_att(const std::string& id, const std::string& attribute) {
  return cdk::Map{{"Fn::GetAtt", cdk::List{id, attribute}}};
}
}  // namespace

TEST_CASE("Gateway endpoint: every route table by default (private, public, isolated)") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("VpcCustomSubnets");
  auto& vpc = stack.add<Vpc>("Vpc", {.max_azs = 1,
                                     .subnet_configuration = std::vector<SubnetConfiguration>{
                                         {.name = "Ingress", .subnet_type = SubnetType::Public},
                                         {.name = "Application", .subnet_type = SubnetType::PrivateWithEgress},
                                         {.name = "Database", .subnet_type = SubnetType::PrivateIsolated}}});
  auto& endpoint = vpc.add_gateway_endpoint("S3", {.service = GatewayVpcEndpointAwsService::S3});
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::EC2::VPCEndpoint",
                 {{"Properties", Match::exact(cdk::Map{
                                     {"RouteTableIds", cdk::List{ref("VpcApplicationSubnet1RouteTable774D192A"),
                                                                 ref("VpcIngressSubnet1RouteTable4A2F04D4"),
                                                                 ref("VpcDatabaseSubnet1RouteTableE76EC08D")}},
                                     {"ServiceName", service_name("s3")},
                                     {"Tags", cdk::List{cdk::Map{{"Key", "Name"}, {"Value", "VpcCustomSubnets/Vpc"}}}},
                                     {"VpcEndpointType", "Gateway"},
                                     {"VpcId", ref("Vpc8378EB38")}})}});
  CHECK(endpoint.vpc_endpoint_id() == endpoint.cfn_vpc_endpoint().ref());
  CHECK(endpoint.cfn_vpc_endpoint().logical_id() == "VpcS3A5408339");
}

TEST_CASE("Gateway endpoint: DynamoDB in selected subnets, from the props") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Endpoints");
  stack.add<Vpc>("Vpc", {.gateway_endpoints = {{"Dynamo", {.service = GatewayVpcEndpointAwsService::DynamoDB,
                                                           .subnets = {{.subnet_type = SubnetType::PrivateWithEgress}}}}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::VPCEndpoint",
                            {{"RouteTableIds", Match::exact(cdk::List{ref("VpcPrivateSubnet1RouteTableB2C5B500"),
                                                                      ref("VpcPrivateSubnet2RouteTableA678073B")})},
                             {"ServiceName", service_name("dynamodb")},
                             {"Tags", name_tag("Endpoints/Vpc")}});
}

TEST_CASE("Gateway endpoint: a selection with no subnets is an error") {
  cdk::App app;
  auto& stack = test_stack(app);
  auto& vpc = stack.add<Vpc>("Vpc", {.nat_gateways = 0});
  CHECK_VPC_ERROR(vpc.add_gateway_endpoint("S3", {.service = GatewayVpcEndpointAwsService::S3,
                                                  .subnets = {{.subnet_type = SubnetType::PrivateWithEgress}}}),
                  errc::Ec2NoSubnetsMatch, "TestStack/Vpc", "there are no 'Private' subnet groups");
}

TEST_CASE("Flow log: CloudWatch Logs by default, with a log group and a role as CDK creates them") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("VpcCustomSubnets");
  stack.add<Vpc>("Vpc", {.flow_logs = {{"FlowLog", {}}}});
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::EC2::FlowLog",
                 {{"Properties", Match::exact(cdk::Map{
                                     {"DeliverLogsPermissionArn", get_att("VpcFlowLogIAMRole6A475D41", "Arn")},
                                     {"LogDestinationType", "cloud-watch-logs"},
                                     {"LogGroupName", ref("VpcFlowLogLogGroup7B5C56B9")},
                                     {"ResourceId", ref("Vpc8378EB38")},
                                     {"ResourceType", "VPC"},
                                     {"Tags", cdk::List{cdk::Map{{"Key", "Name"}, {"Value", "VpcCustomSubnets/Vpc/FlowLog"}}}},
                                     {"TrafficType", "ALL"}})}});
  t.has_resource("AWS::Logs::LogGroup",
                 {{"Properties", Match::exact(cdk::Map{
                                     {"RetentionInDays", 731},
                                     {"Tags", cdk::List{cdk::Map{{"Key", "Name"}, {"Value", "VpcCustomSubnets/Vpc/FlowLog"}}}}})},
                  {"DeletionPolicy", "Retain"},
                  {"UpdateReplacePolicy", "Retain"}});
  t.has_resource_properties(
      "AWS::IAM::Role",
      Match::exact(cdk::Map{
          {"AssumeRolePolicyDocument",
           cdk::Map{{"Statement", cdk::List{cdk::Map{{"Action", "sts:AssumeRole"},
                                                     {"Effect", "Allow"},
                                                     {"Principal", cdk::Map{{"Service", "vpc-flow-logs.amazonaws.com"}}}}}},
                    {"Version", "2012-10-17"}}},
          {"Tags", cdk::List{cdk::Map{{"Key", "Name"}, {"Value", "VpcCustomSubnets/Vpc/FlowLog"}}}}}));
  t.has_resource_properties(
      "AWS::IAM::Policy",
      Match::exact(cdk::Map{
          {"PolicyDocument",
           cdk::Map{{"Statement", cdk::List{cdk::Map{{"Action", cdk::List{"logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"}},
                                                     {"Effect", "Allow"},
                                                     {"Resource", get_att("VpcFlowLogLogGroup7B5C56B9", "Arn")}}}},
                    {"Version", "2012-10-17"}}},
          {"PolicyName", "VpcFlowLogIAMRoleDefaultPolicy406FB995"},
          {"Roles", cdk::List{ref("VpcFlowLogIAMRole6A475D41")}}}));
}

TEST_CASE("Flow log: to S3, rejected traffic, one-minute aggregation") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("FlowS3");
  auto& vpc = stack.add<Vpc>("Vpc", {.nat_gateways = 0});
  auto& log = vpc.add_flow_log("ToS3", {.traffic_type = FlowLogTrafficType::Reject,
                                        .destination = FlowLogDestination::to_s3("arn:aws:s3:::my-flow-logs", "vpc/"),
                                        .max_aggregation_interval = FlowLogMaxAggregationInterval::OneMinute});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::FlowLog",
                            Match::exact(cdk::Map{{"LogDestination", "arn:aws:s3:::my-flow-logs/vpc/"},
                                                  {"LogDestinationType", "s3"},
                                                  {"MaxAggregationInterval", 60},
                                                  {"ResourceId", ref("Vpc8378EB38")},
                                                  {"ResourceType", "VPC"},
                                                  {"Tags", cdk::List{cdk::Map{{"Key", "Name"}, {"Value", "FlowS3/Vpc/ToS3"}}}},
                                                  {"TrafficType", "REJECT"}}));
  t.resource_count_is("AWS::IAM::Role", 0);
  t.resource_count_is("AWS::Logs::LogGroup", 0);
  CHECK(log.flow_log_id() == log.cfn_flow_log().ref());
  CHECK(log.cfn_flow_log().logical_id() == "VpcToS3FlowLogD2AD9289");
}

TEST_CASE("Flow log: an existing log group and role are used as given") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& vpc = stack.add<Vpc>("Vpc", {.nat_gateways = 0});
  vpc.add_flow_log("Log", {.destination = FlowLogDestination::to_cloud_watch_logs(cdk::Value{"my-group"},
                                                                                  cdk::Value{"arn:aws:iam::123456789012:role/flow"})});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::IAM::Role", 0);
  t.resource_count_is("AWS::IAM::Policy", 0);
  t.resource_count_is("AWS::Logs::LogGroup", 0);
  t.has_resource_properties("AWS::EC2::FlowLog", {{"LogGroupName", "my-group"},
                                                  {"DeliverLogsPermissionArn", "arn:aws:iam::123456789012:role/flow"}});
}

TEST_CASE("Flow log: the created role is an iam::Role that can be given more") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& vpc = stack.add<Vpc>("Vpc", {.nat_gateways = 0});
  auto& log = vpc.add_flow_log("Log");
  REQUIRE(log.iam_role() != nullptr);
  CHECK(log.iam_role()->path() == "S/Vpc/Log/IAMRole");
  log.iam_role()->add_to_policy(cdk::iam::PolicyStatement{{.actions = {"kms:Encrypt"}, .resources = {"*"}}});
  Template::from_stack(stack).has_resource_properties(
      "AWS::IAM::Policy",
      {{"PolicyDocument", Match::object_like({{"Statement", Match::array_with({cdk::Map{{"Action", "kms:Encrypt"}, {"Effect", "Allow"}, {"Resource", "*"}}})}})}});
  CHECK(vpc.add_flow_log("ToS3", {.destination = FlowLogDestination::to_s3("arn:aws:s3:::b")}).iam_role() == nullptr);
}
