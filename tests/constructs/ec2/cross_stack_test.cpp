// L2 constructs across stacks: a VPC and a load balancer's group in a network stack, a
// web group in a compute stack that admits the load balancer. The templates are what
// aws-cdk-lib 2.276 writes for the same program (/tmp/xref/p7.js).
#include <doctest/doctest.h>

#include <cdk/ec2.hpp>

#include "compute_support.hpp"

using namespace cdk::ec2;
using compute_test::expect_resources_except;
using compute_test::Template;

TEST_CASE("SecurityGroup: a rule admitting a group of another stack imports its id; the VPC id is imported too") {
  cdk::App app{cdk::AppProps{.outdir = "unused-ec2-xref"}};
  auto& network = app.add<cdk::Stack>("Network");
  auto& vpc = network.add<Vpc>("Vpc", {.max_azs = 1,
                                       .nat_gateways = 0,
                                       .subnet_configuration = std::vector<SubnetConfiguration>{
                                           {.name = "Public", .subnet_type = SubnetType::Public}}});
  auto& lb = network.add<SecurityGroup>("LbSg", {.vpc = vpc});
  auto& compute = app.add<cdk::Stack>("Compute");
  auto& web = compute.add<SecurityGroup>("WebSg", {.vpc = vpc});
  web.connections().allow_from(lb, Port::tcp(443));

  expect_resources_except(compute, "Vpc", R"({
    "WebSg75AA54D5": {"Type": "AWS::EC2::SecurityGroup", "Properties": {
      "GroupDescription": "Compute/WebSg",
      "SecurityGroupEgress": [{"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default", "IpProtocol": "-1"}],
      "VpcId": {"Fn::ImportValue": "Network:ExportsOutputRefVpc8378EB38272D6E3A"}}},
    "WebSgfromNetworkLbSg3E2DCFE9443D08A5905": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {
      "Description": "from NetworkLbSg3E2DCFE9:443", "FromPort": 443,
      "GroupId": {"Fn::GetAtt": ["WebSg75AA54D5", "GroupId"]}, "IpProtocol": "tcp",
      "SourceSecurityGroupId": {"Fn::ImportValue": "Network:ExportsOutputFnGetAttLbSg2402C069GroupId489F5D06"},
      "ToPort": 443}}})");
  compute_test::expect_section(network, "Outputs", R"({
    "ExportsOutputRefVpc8378EB38272D6E3A": {"Value": {"Ref": "Vpc8378EB38"},
      "Export": {"Name": "Network:ExportsOutputRefVpc8378EB38272D6E3A"}},
    "ExportsOutputFnGetAttLbSg2402C069GroupId489F5D06": {"Value": {"Fn::GetAtt": ["LbSg2402C069", "GroupId"]},
      "Export": {"Name": "Network:ExportsOutputFnGetAttLbSg2402C069GroupId489F5D06"}}})");
  CHECK(compute.stack_dependencies() == std::vector<cdk::Stack*>{&network});
  // The network stack's own rule-free group is unchanged.
  Template::from_stack(network).has_resource_properties("AWS::EC2::SecurityGroup", {{"GroupDescription", "Network/LbSg"}});
}
