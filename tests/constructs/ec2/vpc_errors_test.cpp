// Bad input to Vpc and its helpers: each a cdk::Error with a stable code and the path of
// the construct at fault (CDK's vpc.test.ts error cases, and the ones CDK leaves to
// CloudFormation).
#include "vpc_support.hpp"

using namespace vpc_test;
using namespace cdk::ec2;
namespace errc = cdk::errc;

TEST_CASE("Vpc errors: invalid CIDR") {
  for (const char* cidr : {"10.0.0.0", "10.0.0/16", "10.0.0.256/16", "foo", "10.0.0.0/15", "10.0.0.0/29", "10.0.0.0/33", ""}) {
    cdk::App app;
    auto& stack = test_stack(app);
    CAPTURE(cidr);
    CHECK_VPC_ERROR(stack.add<Vpc>("VPC", {.ip_addresses = IpAddresses::cidr(cidr)}), errc::Ec2InvalidCidr,
                    "TestStack/VPC", "is not a valid VPC CIDR range");
    CHECK(stack.try_find_child("VPC") == nullptr);  // nothing half-built is left in the tree
  }
  cdk::App app;
  auto& stack = test_stack(app);
  CHECK_VPC_ERROR(stack.add<Vpc>("VPC", {.ip_addresses = IpAddresses::cidr("10.0.0.1/16")}), errc::Ec2InvalidCidr,
                  "TestStack/VPC", "did you mean '10.0.0.0/16'?");
}

TEST_CASE("Vpc errors: subnets that do not fit in the VPC CIDR") {
  cdk::App app;
  auto& stack = test_stack(app);
  // Three AZs of /24 public subnets cannot fit in a /24.
  CHECK_VPC_ERROR(stack.add<Vpc>("A", {.ip_addresses = IpAddresses::cidr("10.0.0.0/24"),
                                       .subnet_configuration = std::vector<SubnetConfiguration>{
                                           {.name = "Public", .subnet_type = SubnetType::Public, .cidr_mask = 24}}}),
                  errc::Ec2SubnetsDoNotFit, "TestStack/A", "no room for PublicSubnet2 (/24)");
  // The even split of a /28 over six subnets would be smaller than /28.
  CHECK_VPC_ERROR(stack.add<Vpc>("B", {.ip_addresses = IpAddresses::cidr("10.0.0.0/28")}), errc::Ec2SubnetsDoNotFit,
                  "TestStack/B", "do not fit in the VPC CIDR 10.0.0.0/28");
  // Masked groups take space first; what is left is too small for the rest.
  CHECK_VPC_ERROR(stack.add<Vpc>("C", {.ip_addresses = IpAddresses::cidr("10.0.0.0/22"), .max_azs = 2,
                                       .subnet_configuration = std::vector<SubnetConfiguration>{
                                           {.name = "Big", .subnet_type = SubnetType::Public, .cidr_mask = 23},
                                           {.name = "Rest", .subnet_type = SubnetType::PrivateIsolated, .cidr_mask = 24}}}),
                  errc::Ec2SubnetsDoNotFit, "TestStack/C", "no room for RestSubnet1");
}

TEST_CASE("Vpc errors: cidr_mask out of range") {
  for (int mask : {15, 29, 0, 32}) {
    cdk::App app;
    auto& stack = test_stack(app);
    CAPTURE(mask);
    CHECK_VPC_ERROR(stack.add<Vpc>("VPC", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                               {.name = "Public", .subnet_type = SubnetType::Public, .cidr_mask = mask}}}),
                    errc::Ec2CidrMaskOutOfRange, "TestStack/VPC", "must be between 16 and 28");
  }
}

TEST_CASE("Vpc errors: duplicate subnet group names") {
  cdk::App app;
  auto& stack = test_stack(app);
  CHECK_VPC_ERROR(stack.add<Vpc>("VPC", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                             {.name = "App", .subnet_type = SubnetType::Public},
                                             {.name = "App", .subnet_type = SubnetType::PrivateIsolated}}}),
                  errc::Ec2DuplicateSubnetGroupName, "TestStack/VPC", "'App' is used twice");
}

TEST_CASE("Vpc errors: NAT gateways without public subnets") {
  cdk::App app;
  auto& stack = test_stack(app);
  CHECK_VPC_ERROR(stack.add<Vpc>("A", {.nat_gateways = 1,
                                       .subnet_configuration = std::vector<SubnetConfiguration>{
                                           {.name = "egress", .subnet_type = SubnetType::PrivateWithEgress}}}),
                  errc::Ec2NatGatewaysWithoutPublicSubnets, "TestStack/A", "NAT gateways need a PUBLIC subnet group");
  // A reserved public group does not count.
  CHECK_VPC_ERROR(stack.add<Vpc>("B", {.nat_gateways = 1,
                                       .subnet_configuration = std::vector<SubnetConfiguration>{
                                           {.name = "public", .subnet_type = SubnetType::Public, .reserved = true},
                                           {.name = "egress", .subnet_type = SubnetType::PrivateWithEgress}}}),
                  errc::Ec2NatGatewaysWithoutPublicSubnets, "TestStack/B", "NAT gateways need a PUBLIC subnet group");
  // Private subnets with egress ask for one NAT gateway per AZ by default.
  CHECK_VPC_ERROR(stack.add<Vpc>("C", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                           {.name = "egress", .subnet_type = SubnetType::PrivateWithEgress}}}),
                  errc::Ec2NatGatewaysWithoutPublicSubnets, "TestStack/C", "or set nat_gateways to 0");
}

TEST_CASE("Vpc errors: nat_gateway_subnets must select public subnets") {
  cdk::App app;
  auto& stack = test_stack(app);
  CHECK_VPC_ERROR(stack.add<Vpc>("VPC", {.nat_gateway_subnets = SubnetSelection{.subnet_type = SubnetType::PrivateWithEgress}}),
                  errc::Ec2NatPlacementNotPublic, "TestStack/VPC", "non-public subnet 'TestStack/VPC/PrivateSubnet1'");
  CHECK_VPC_ERROR(stack.add<Vpc>("W", {.nat_gateway_subnets = SubnetSelection{.subnet_group_name = "Nope"}}),
                  errc::Ec2NoSubnetsMatch, "TestStack/W", "no subnet groups with name 'Nope'");
}

TEST_CASE("Vpc errors: max_azs together with availability_zones") {
  cdk::App app;
  auto& stack = test_stack(app);
  CHECK_VPC_ERROR(stack.add<Vpc>("VPC", {.max_azs = 1, .availability_zones = std::vector<std::string>{"dummy1a"}}),
                  errc::Ec2MaxAzsWithAvailabilityZones, "TestStack/VPC", "not both");
}

TEST_CASE("Vpc errors: availability zones that the region does not have") {
  cdk::App app{{.context = {{"availability-zones:account=123456789012:region=us-east-1",
                             cdk::Value{std::vector<std::string>{"us-east-1a", "us-east-1b", "us-east-1c"}}}}}};
  auto& stack = test_stack(app);
  CHECK_VPC_ERROR(stack.add<Vpc>("VPC", {.availability_zones = std::vector<std::string>{"us-east-1a", "us-east-1ainvalid"}}),
                  errc::Ec2AvailabilityZoneNotInStack, "TestStack/VPC",
                  "'us-east-1ainvalid' is not one of the stack's availability zones (us-east-1a,us-east-1b,us-east-1c)");
}

TEST_CASE("Vpc errors: DNS hostnames without DNS support") {
  cdk::App app;
  auto& stack = test_stack(app);
  CHECK_VPC_ERROR(stack.add<Vpc>("VPC", {.enable_dns_hostnames = true, .enable_dns_support = false}),
                  errc::Ec2DnsHostnamesWithoutDnsSupport, "TestStack/VPC", "DNS support must be enabled");
}

TEST_CASE("Vpc errors: map_public_ip_on_launch on a non-public group") {
  for (auto type : {SubnetType::PrivateWithEgress, SubnetType::PrivateIsolated}) {
    cdk::App app;
    auto& stack = test_stack(app);
    CHECK_VPC_ERROR(stack.add<Vpc>("VPC", {.max_azs = 1,
                                           .subnet_configuration = std::vector<SubnetConfiguration>{
                                               {.name = "public", .subnet_type = SubnetType::Public},
                                               {.name = "private", .subnet_type = type, .map_public_ip_on_launch = true}}}),
                    errc::Ec2MapPublicIpNotAllowed, "TestStack/VPC", "'private' is not public");
  }
}

TEST_CASE("Subnet errors: a route with both destinations") {
  cdk::App app;
  auto& stack = test_stack(app);
  auto& vpc = stack.add<Vpc>("VPC");
  CHECK_VPC_ERROR(vpc.private_subnet_constructs()[0]->add_route(
                      "R", {.destination_cidr_block = cdk::Value{"10.1.0.0/16"},
                            .destination_ipv6_cidr_block = cdk::Value{"::/0"},
                            .router_type = RouterType::TransitGateway,
                            .router_id = "tgw-1"}),
                  errc::Ec2InvalidRoute, "TestStack/VPC/PrivateSubnet1", "cannot specify both");
}
