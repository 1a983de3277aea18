// A VPC with a custom subnet layout: 10.10.0.0/16 over two AZs, a public "Ingress" group
// (/24), a private "Application" group with egress (/20) through a single NAT gateway, a
// "Reserved" range kept free for later (/24, nothing created), an isolated "Database"
// group (/26), an S3 gateway endpoint in every route table, and a flow log to
// CloudWatch Logs. The same program in CDK gives the same template.
#include <cdk/cdk.hpp>
#include <cdk/ec2.hpp>

int main(int argc, char** argv) {
  using namespace cdk::ec2;
  cdk::App app{argc, argv};
  auto& stack = app.add<cdk::Stack>("VpcCustomSubnets");

  auto& vpc = stack.add<Vpc>("Vpc", {
      .ip_addresses = IpAddresses::cidr("10.10.0.0/16"),
      .max_azs = 2,
      .nat_gateways = 1,
      .subnet_configuration = std::vector<SubnetConfiguration>{
          {.name = "Ingress", .subnet_type = SubnetType::Public, .cidr_mask = 24},
          {.name = "Application", .subnet_type = SubnetType::PrivateWithEgress, .cidr_mask = 20},
          {.name = "Reserved", .subnet_type = SubnetType::PrivateIsolated, .cidr_mask = 24, .reserved = true},
          {.name = "Database", .subnet_type = SubnetType::PrivateIsolated, .cidr_mask = 26},
      },
      .gateway_endpoints = {{"S3", {.service = GatewayVpcEndpointAwsService::S3}}},
      .flow_logs = {{"FlowLog", {}}},
  });

  stack.add<cdk::CfnOutput>("VpcId", {.value = vpc.vpc_id()});
  return app.synth_main();
}
