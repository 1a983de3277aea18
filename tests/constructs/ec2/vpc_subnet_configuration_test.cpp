// Subnet groups, CIDR allocation, internet and NAT gateways: CDK's vpc.test.ts cases,
// with the values CDK writes.
#include "vpc_support.hpp"

using namespace vpc_test;
using namespace cdk::ec2;

namespace {
std::vector<SubnetConfiguration> ingress_application_rds() {
  return {{.name = "ingress", .subnet_type = SubnetType::Public, .cidr_mask = 24},
          {.name = "application", .subnet_type = SubnetType::PrivateWithEgress, .cidr_mask = 24},
          {.name = "rds", .subnet_type = SubnetType::PrivateIsolated, .cidr_mask = 28}};
}
}  // namespace

TEST_CASE("Vpc: custom subnets get their masks in order, one per AZ") {
  cdk::App app;
  auto& stack = test_stack(app);
  stack.add<Vpc>("TheVPC", {.ip_addresses = IpAddresses::cidr("10.0.0.0/21"), .max_azs = 3,
                            .subnet_configuration = ingress_application_rds()});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::InternetGateway", 1);
  t.resource_count_is("AWS::EC2::NatGateway", 3);
  t.resource_count_is("AWS::EC2::Subnet", 9);
  for (int i = 0; i < 6; ++i) t.has_resource_properties("AWS::EC2::Subnet", {{"CidrBlock", "10.0." + std::to_string(i) + ".0/24"}});
  for (int i = 0; i < 3; ++i) t.has_resource_properties("AWS::EC2::Subnet", {{"CidrBlock", "10.0.6." + std::to_string(i * 16) + "/28"}});
  // Subnet tags as CDK sorts them: aws-cdk:subnet-name, aws-cdk:subnet-type, Name.
  t.has_resource_properties("AWS::EC2::Subnet",
                            {{"CidrBlock", "10.0.6.16/28"},
                             {"AvailabilityZone", "dummy1b"},
                             {"MapPublicIpOnLaunch", false},
                             {"Tags", Match::exact(cdk::List{cdk::Map{{"Key", "aws-cdk:subnet-name"}, {"Value", "rds"}},
                                                             cdk::Map{{"Key", "aws-cdk:subnet-type"}, {"Value", "Isolated"}},
                                                             cdk::Map{{"Key", "Name"}, {"Value", "TestStack/TheVPC/rdsSubnet2"}}})}});
}

TEST_CASE("Vpc: nat_gateways 2 of 3 AZs; the third private subnet uses a gateway of another AZ") {
  cdk::App app;
  auto& stack = test_stack(app);
  stack.add<Vpc>("TheVPC", {.ip_addresses = IpAddresses::cidr("10.0.0.0/21"), .max_azs = 3, .nat_gateways = 2,
                            .subnet_configuration = ingress_application_rds()});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::NatGateway", 2);
  t.resource_count_is("AWS::EC2::Subnet", 9);
  // The AZ without a gateway (dummy1c) takes the first gateway, as CDK's round-robin does.
  t.has_resource_properties("AWS::EC2::Route", {{"RouteTableId", ref("TheVPCapplicationSubnet1RouteTable0C50F734")},
                                                {"NatGatewayId", ref("TheVPCingressSubnet1NATGateway439153F2")}});
  t.has_resource_properties("AWS::EC2::Route", {{"RouteTableId", ref("TheVPCapplicationSubnet2RouteTable5BBAEB7F")},
                                                {"NatGatewayId", ref("TheVPCingressSubnet2NATGatewayBD1D27C5")}});
  t.has_resource_properties("AWS::EC2::Route", {{"RouteTableId", ref("TheVPCapplicationSubnet3RouteTableAB462858")},
                                                {"NatGatewayId", ref("TheVPCingressSubnet1NATGateway439153F2")}});
}

TEST_CASE("Vpc: subnets without a mask share what the masked ones leave") {
  cdk::App app;
  auto& stack = test_stack(app);
  stack.add<Vpc>("TheVPC", {.max_azs = 2,
                            .subnet_configuration = std::vector<SubnetConfiguration>{
                                {.name = "Public", .subnet_type = SubnetType::Public, .cidr_mask = 24},
                                {.name = "Private", .subnet_type = SubnetType::PrivateWithEgress},
                                {.name = "Isolated", .subnet_type = SubnetType::PrivateIsolated}}});
  auto t = Template::from_stack(stack);
  // 65536 - 512 addresses left for four subnets: /19 each, the first aligned up to 10.0.32.0.
  const std::vector<std::pair<std::string, std::string>> expected{
      {"TheVPCPublicSubnet1Subnet770D4FF2", "10.0.0.0/24"},     {"TheVPCPublicSubnet2Subnet73F96DA9", "10.0.1.0/24"},
      {"TheVPCPrivateSubnet1Subnet571D3690", "10.0.32.0/19"},   {"TheVPCPrivateSubnet2SubnetCC3D7013", "10.0.64.0/19"},
      {"TheVPCIsolatedSubnet1SubnetCC3EE328", "10.0.96.0/19"},  {"TheVPCIsolatedSubnet2Subnet96816D61", "10.0.128.0/19"}};
  t.resource_count_is("AWS::EC2::Subnet", expected.size());
  for (const auto& [id, cidr] : expected) {
    const auto found = t.find_resources("AWS::EC2::Subnet", with_props({{"CidrBlock", cidr}}));
    REQUIRE(found.size() == 1);
    CHECK(found[0].first == id);
  }
}

TEST_CASE("Vpc: reserved groups keep their space and create nothing") {
  cdk::App app;
  auto& stack = test_stack(app);
  stack.add<Vpc>("TheVPC", {.ip_addresses = IpAddresses::cidr("10.0.0.0/16"), .max_azs = 3,
                            .subnet_configuration = std::vector<SubnetConfiguration>{
                                {.name = "ingress", .subnet_type = SubnetType::Public, .cidr_mask = 24},
                                {.name = "reserved", .subnet_type = SubnetType::PrivateWithEgress, .cidr_mask = 24, .reserved = true},
                                {.name = "rds", .subnet_type = SubnetType::PrivateWithEgress, .cidr_mask = 24}}});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::Subnet", 6);
  for (int i = 0; i < 3; ++i) t.has_resource_properties("AWS::EC2::Subnet", {{"CidrBlock", "10.0." + std::to_string(i) + ".0/24"}});
  for (int i = 3; i < 6; ++i) CHECK(t.find_resources("AWS::EC2::Subnet", with_props({{"CidrBlock", "10.0." + std::to_string(i) + ".0/24"}})).empty());
  for (int i = 6; i < 9; ++i) t.has_resource_properties("AWS::EC2::Subnet", {{"CidrBlock", "10.0." + std::to_string(i) + ".0/24"}});
}

TEST_CASE("Vpc: which gateways exist") {
  SUBCASE("only isolated subnets: no internet gateway, no NAT") {
    cdk::App app;
    auto& stack = test_stack(app);
    auto& vpc = stack.add<Vpc>("TheVPC", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                              {.name = "Isolated", .subnet_type = SubnetType::PrivateIsolated}}});
    auto t = Template::from_stack(stack);
    t.resource_count_is("AWS::EC2::InternetGateway", 0);
    t.resource_count_is("AWS::EC2::VPCGatewayAttachment", 0);
    t.resource_count_is("AWS::EC2::NatGateway", 0);
    t.has_resource_properties("AWS::EC2::Subnet", {{"MapPublicIpOnLaunch", false}});
    CHECK(vpc.internet_gateway_id().is_null());
    CHECK(vpc.internet_connectivity_established().empty());
  }
  SUBCASE("public and isolated: an internet gateway, no NAT") {
    cdk::App app;
    auto& stack = test_stack(app);
    stack.add<Vpc>("TheVPC", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                  {.name = "Public", .subnet_type = SubnetType::Public},
                                  {.name = "Isolated", .subnet_type = SubnetType::PrivateIsolated}}});
    auto t = Template::from_stack(stack);
    t.resource_count_is("AWS::EC2::InternetGateway", 1);
    t.resource_count_is("AWS::EC2::NatGateway", 0);
  }
  SUBCASE("create_internet_gateway false: neither") {
    cdk::App app;
    auto& stack = test_stack(app);
    stack.add<Vpc>("TheVPC", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                  {.name = "Public", .subnet_type = SubnetType::Public},
                                  {.name = "Isolated", .subnet_type = SubnetType::PrivateIsolated}},
                              .create_internet_gateway = false});
    auto t = Template::from_stack(stack);
    t.resource_count_is("AWS::EC2::InternetGateway", 0);
    t.resource_count_is("AWS::EC2::NatGateway", 0);
    t.resource_count_is("AWS::EC2::Route", 0);
  }
  SUBCASE("only reserved public or egress groups: no internet gateway") {
    for (auto type : {SubnetType::Public, SubnetType::PrivateWithEgress}) {
      cdk::App app;
      auto& stack = test_stack(app);
      stack.add<Vpc>("TheVPC", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                    {.name = "isolated", .subnet_type = SubnetType::PrivateIsolated},
                                    {.name = "reserved", .subnet_type = type, .reserved = true}}});
      auto t = Template::from_stack(stack);
      t.resource_count_is("AWS::EC2::InternetGateway", 0);
      t.resource_count_is("AWS::EC2::VPCGatewayAttachment", 0);
    }
  }
  SUBCASE("nat_gateways 0: public and isolated by default") {
    cdk::App app;
    auto& stack = test_stack(app);
    stack.add<Vpc>("VPC", {.nat_gateways = 0});
    auto t = Template::from_stack(stack);
    t.resource_count_is("AWS::EC2::NatGateway", 0);
    t.has_resource_properties("AWS::EC2::Subnet", {{"Tags", Match::array_with({cdk::Map{{"Key", "aws-cdk:subnet-type"}, {"Value", "Isolated"}}})}});
    t.has_resource_properties("AWS::EC2::Subnet", {{"Tags", Match::array_with({cdk::Map{{"Key", "aws-cdk:subnet-name"}, {"Value", "Isolated"}}})}});
  }
  SUBCASE("nat_gateways 0 with private subnets with egress: allowed (custom egress)") {
    cdk::App app;
    auto& stack = test_stack(app);
    stack.add<Vpc>("VPC", {.nat_gateways = 0,
                           .subnet_configuration = std::vector<SubnetConfiguration>{
                               {.name = "public", .subnet_type = SubnetType::Public},
                               {.name = "private", .subnet_type = SubnetType::PrivateWithEgress}}});
    auto t = Template::from_stack(stack);
    t.resource_count_is("AWS::EC2::InternetGateway", 1);
    t.resource_count_is("AWS::EC2::NatGateway", 0);
  }
}

TEST_CASE("Vpc: map_public_ip_on_launch") {
  for (std::optional<bool> map : {std::optional<bool>{}, std::optional<bool>{true}, std::optional<bool>{false}}) {
    cdk::App app;
    auto& stack = test_stack(app);
    stack.add<Vpc>("VPC", {.max_azs = 1,
                           .subnet_configuration = std::vector<SubnetConfiguration>{
                               {.name = "ingress", .subnet_type = SubnetType::Public, .cidr_mask = 24, .map_public_ip_on_launch = map}}});
    auto t = Template::from_stack(stack);
    t.resource_count_is("AWS::EC2::Subnet", 1);
    t.resource_count_is("AWS::EC2::NatGateway", 0);
    t.has_resource_properties("AWS::EC2::Subnet", {{"MapPublicIpOnLaunch", map.value_or(true)}});
  }
}

TEST_CASE("Vpc: one NAT gateway serves every private subnet") {
  cdk::App app;
  auto& stack = test_stack(app);
  stack.add<Vpc>("VPC", {.nat_gateways = 1});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::Subnet", 6);
  t.resource_count_is("AWS::EC2::Route", 6);
  t.resource_count_is("AWS::EC2::NatGateway", 1);
  CHECK(t.find_resources("AWS::EC2::Route", with_props({{"NatGatewayId", ref("VPCPublicSubnet1NATGatewayE0556630")}})).size() == 3);
}

TEST_CASE("Vpc: nat_gateway_subnets places the gateways in a named public group") {
  cdk::App app;
  auto& stack = test_stack(app);
  stack.add<Vpc>("VPC", {.nat_gateway_subnets = SubnetSelection{.subnet_group_name = "egress"},
                         .subnet_configuration = std::vector<SubnetConfiguration>{
                             {.name = "ingress", .subnet_type = SubnetType::Public, .cidr_mask = 24},
                             {.name = "egress", .subnet_type = SubnetType::Public, .cidr_mask = 24},
                             {.name = "private", .subnet_type = SubnetType::PrivateWithEgress, .cidr_mask = 24}}});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::NatGateway", 3);
  for (int i = 1; i < 4; ++i) {
    const auto subnet = "VPCegressSubnet" + std::to_string(i);
    CHECK(t.find_resources("AWS::EC2::NatGateway", with_props({{"Tags", name_tag("TestStack/VPC/egressSubnet" + std::to_string(i))}})).size() == 1);
  }
  t.has_resource_properties("AWS::EC2::Subnet",
                            {{"Tags", Match::array_with({cdk::Map{{"Key", "aws-cdk:subnet-name"}, {"Value", "egress"}},
                                                         cdk::Map{{"Key", "Name"}, {"Value", "TestStack/VPC/egressSubnet1"}}})}});
}

TEST_CASE("Vpc: routes, NAT gateways and their DependsOn as CDK writes them") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("VpcDefault");
  stack.add<Vpc>("Vpc");
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::EC2::Route", {{"Properties", Match::object_like({{"GatewayId", ref("VpcIGWD7BA715C")}})},
                                     {"DependsOn", cdk::List{"VpcVPCGWBF912B6E"}}});
  t.has_resource("AWS::EC2::NatGateway",
                 {{"Properties", Match::object_like({{"SubnetId", ref("VpcPublicSubnet1Subnet5C2D37C4")},
                                                     {"AllocationId", cdk::Map{{"Fn::GetAtt", cdk::List{"VpcPublicSubnet1EIPD7E02669", "AllocationId"}}}}})},
                  {"DependsOn", cdk::List{"VpcPublicSubnet1DefaultRoute3DA9E72A", "VpcPublicSubnet1RouteTableAssociation97140677"}}});
  t.has_resource("AWS::EC2::Route", {{"Properties", Match::object_like({{"NatGatewayId", ref("VpcPublicSubnet1NATGateway4D7517AA")}})},
                                     {"DependsOn", Match::absent()}});
  t.has_resource_properties("AWS::EC2::EIP", {{"Domain", "vpc"}, {"Tags", name_tag("VpcDefault/Vpc/PublicSubnet1")}});
  t.has_resource_properties("AWS::EC2::RouteTable", {{"Tags", name_tag("VpcDefault/Vpc/PrivateSubnet2")}});
}

TEST_CASE("Subnet: add_route to the internet gateway from an isolated subnet") {
  cdk::App app;
  auto& stack = test_stack(app);
  auto& vpc = stack.add<Vpc>("TheVPC", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                            {.name = "isolated", .subnet_type = SubnetType::PrivateIsolated},
                                            {.name = "public", .subnet_type = SubnetType::Public}}});
  vpc.isolated_subnet_constructs()[0]->add_route(
      "TheRoute", {.destination_cidr_block = cdk::Value{"8.8.8.8/32"}, .router_type = RouterType::Gateway, .router_id = vpc.internet_gateway_id()});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::InternetGateway", 1);
  t.has_resource_properties("AWS::EC2::Route", {{"DestinationCidrBlock", "8.8.8.8/32"}, {"GatewayId", ref("TheVPCIGWFA25CC08")}});
}

TEST_CASE("Vpc: literal AZs carry a cfn-lint exception for W3010; tokens do not") {
  cdk::App app;
  auto& region = test_stack(app);
  region.add<Vpc>("Vpc");
  Template::from_stack(region).all_resources(
      "AWS::EC2::Subnet", {{"Metadata", cdk::Map{{"cfn-lint", cdk::Map{{"config", cdk::Map{{"ignore_checks", cdk::List{"W3010"}}}}}}}}});
  auto& agnostic = app.add<cdk::Stack>("Agnostic");
  agnostic.add<Vpc>("Vpc");
  Template::from_stack(agnostic).all_resources("AWS::EC2::Subnet", {{"Metadata", Match::absent()}});
}

TEST_CASE("Vpc: reserved_azs keep each group's space for AZs added later") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("ReservedAz");
  auto& vpc = stack.add<Vpc>("Vpc", {.max_azs = 2, .reserved_azs = 1});
  CHECK(vpc.availability_zones().size() == 2);
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::Subnet", 4);
  t.resource_count_is("AWS::EC2::NatGateway", 2);
  // Three AZs' worth of /19s per group; the third of each is left free.
  const std::vector<std::pair<std::string, std::string>> expected{
      {"VpcPublicSubnet1Subnet5C2D37C4", "10.0.0.0/19"}, {"VpcPublicSubnet2Subnet691E08A3", "10.0.32.0/19"},
      {"VpcPrivateSubnet1Subnet536B997A", "10.0.96.0/19"}, {"VpcPrivateSubnet2Subnet3788AAA1", "10.0.128.0/19"}};
  for (const auto& [id, cidr] : expected) {
    const auto found = t.find_resources("AWS::EC2::Subnet", with_props({{"CidrBlock", cidr}}));
    REQUIRE(found.size() == 1);
    CHECK(found[0].first == id);
  }
}
