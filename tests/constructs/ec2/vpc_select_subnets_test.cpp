// IVpc::select_subnets as CDK's selectSubnets: the default (private with egress, else
// isolated, else public), by type, by group name, by AZ, one per AZ, explicit subnets.
#include <cdk/ec2/cfn_route_table.hpp>
#include <cdk/ec2/cfn_subnet.hpp>

#include "vpc_support.hpp"

using namespace vpc_test;
using namespace cdk::ec2;
namespace errc = cdk::errc;

namespace {
std::vector<SubnetConfiguration> three_groups() {
  return {{.name = "Public", .subnet_type = SubnetType::Public},
          {.name = "Private", .subnet_type = SubnetType::PrivateWithEgress},
          {.name = "Isolated", .subnet_type = SubnetType::PrivateIsolated}};
}
std::vector<const ISubnet*> as_isubnets(const std::vector<Subnet*>& subnets) { return {subnets.begin(), subnets.end()}; }
}  // namespace

TEST_CASE("select_subnets: the default is the private subnets") {
  cdk::App app;
  auto& stack = test_stack(app);
  auto& vpc = stack.add<Vpc>("VPC");
  const auto selected = vpc.select_subnets();
  CHECK(selected.subnets == vpc.private_subnets());
  CHECK_FALSE(selected.has_public);
  REQUIRE(selected.subnet_ids.size() == 3);
  CHECK(selected.subnet_ids[0] == vpc.private_subnet_constructs()[0]->subnet_id());
  CHECK(selected.availability_zones == std::vector<cdk::Value>{"dummy1a", "dummy1b", "dummy1c"});
  // Each private subnet reaches the internet once its route table association and NAT route exist.
  CHECK(selected.internet_connectivity_established.size() == 6);
}

TEST_CASE("select_subnets: the default falls back to isolated, then public") {
  cdk::App app;
  auto& stack = test_stack(app);
  auto& isolated = stack.add<Vpc>("Isolated", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                                   {.name = "Public", .subnet_type = SubnetType::Public},
                                                   {.name = "Isolated", .subnet_type = SubnetType::PrivateIsolated}}});
  CHECK(isolated.select_subnets().subnets == isolated.isolated_subnets());
  auto& pub = stack.add<Vpc>("Public", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                            {.name = "Public", .subnet_type = SubnetType::Public}}});
  const auto selected = pub.select_subnets();
  CHECK(selected.subnets == pub.public_subnets());
  CHECK(selected.has_public);
}

TEST_CASE("select_subnets: by type and by group name") {
  cdk::App app;
  auto& stack = test_stack(app);
  auto& vpc = stack.add<Vpc>("VPC", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                         {.name = "Public", .subnet_type = SubnetType::Public},
                                         {.name = "DMZ", .subnet_type = SubnetType::Public},
                                         {.name = "Isolated", .subnet_type = SubnetType::PrivateIsolated}},
                                     .create_internet_gateway = false});
  CHECK(vpc.select_subnets({.subnet_type = SubnetType::Public}).subnets.size() == 6);
  CHECK(vpc.select_subnets({.subnet_type = SubnetType::PrivateIsolated}).subnets == vpc.isolated_subnets());
  const auto dmz = vpc.select_subnets({.subnet_group_name = "DMZ"});
  REQUIRE(dmz.subnets.size() == 3);
  CHECK(dmz.subnets[0]->subnet_construct().path() == "TestStack/VPC/DMZSubnet1");
  CHECK(dmz.has_public);
}

TEST_CASE("select_subnets: by AZ and one per AZ") {
  cdk::App app;
  auto& stack = test_stack(app);
  auto& vpc = stack.add<Vpc>("VPC", {.subnet_configuration = three_groups()});
  const auto in_b = vpc.select_subnets({.subnet_type = SubnetType::PrivateWithEgress, .availability_zones = std::vector<cdk::Value>{"dummy1b"}});
  REQUIRE(in_b.subnets.size() == 1);
  CHECK(in_b.subnets[0] == vpc.private_subnets()[1]);

  // All groups by name would give several per AZ; one_per_az keeps the first of each.
  auto& two_public = stack.add<Vpc>("Two", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                                {.name = "A", .subnet_type = SubnetType::Public},
                                                {.name = "B", .subnet_type = SubnetType::Public}}});
  const auto one = two_public.select_subnets({.subnet_type = SubnetType::Public, .one_per_az = true});
  REQUIRE(one.subnets.size() == 3);
  for (int i = 0; i < 3; ++i) CHECK(one.subnets[i]->subnet_construct().id() == "ASubnet" + std::to_string(i + 1));
}

TEST_CASE("select_subnets: explicit subnets are taken as given") {
  cdk::App app;
  auto& stack = test_stack(app);
  auto& vpc = stack.add<Vpc>("VPC");
  auto& imported = Subnet::from_subnet_attributes(stack, "Imported", {.subnet_id = "subnet-1234", .availability_zone = cdk::Value{"dummy1a"}});
  const auto selected = vpc.select_subnets({.subnets = std::vector<cdk::Borrowed<const ISubnet>>{*vpc.public_subnet_constructs()[1], imported}});
  REQUIRE(selected.subnets.size() == 2);
  CHECK(selected.subnet_ids[1] == cdk::Value{"subnet-1234"});
  CHECK(selected.availability_zones == std::vector<cdk::Value>{"dummy1b", "dummy1a"});
  CHECK(selected.has_public);
}

TEST_CASE("select_subnets errors") {
  cdk::App app;
  auto& stack = test_stack(app);
  auto& vpc = stack.add<Vpc>("VPC", {.subnet_configuration = std::vector<SubnetConfiguration>{
                                         {.name = "Isolated", .subnet_type = SubnetType::PrivateIsolated}}});
  CHECK_VPC_ERROR(vpc.select_subnets({.subnet_type = SubnetType::Public}), errc::Ec2NoSubnetsMatch, "TestStack/VPC",
                  "there are no 'Public' subnet groups in this VPC. Available types: Isolated");
  CHECK_VPC_ERROR(vpc.select_subnets({.subnet_group_name = "Db"}), errc::Ec2NoSubnetsMatch, "TestStack/VPC",
                  "there are no subnet groups with name 'Db' in this VPC. Available names: Isolated");
  CHECK_VPC_ERROR(vpc.select_subnets({.availability_zones = std::vector<cdk::Value>{"us-west-2a"}}), errc::Ec2NoSubnetsMatch,
                  "TestStack/VPC", "no subnet of this VPC is in the selected availability zones");
  CHECK_VPC_ERROR(vpc.select_subnets({.subnet_type = SubnetType::PrivateIsolated, .subnet_group_name = "Isolated"}),
                  errc::Ec2InvalidSubnetSelection, "TestStack/VPC", "only one of subnets, subnet_type and subnet_group_name");
  CHECK_VPC_ERROR(vpc.select_subnets({.subnets = std::vector<cdk::Borrowed<const ISubnet>>{}}), errc::Ec2NoSubnetsMatch,
                  "TestStack/VPC", "lists no subnets");
}

TEST_CASE("Subnet::from_subnet_id: attributes that were not given") {
  cdk::App app;
  auto& stack = test_stack(app);
  auto& subnet = Subnet::from_subnet_id(stack, "Subnet", "subnet-1234");
  CHECK(subnet.subnet_id() == cdk::Value{"subnet-1234"});
  CHECK(subnet.route_table_id().is_null());
  CHECK_VPC_ERROR(subnet.availability_zone(), errc::Ec2MissingSubnetAttribute, "TestStack/Subnet", "availability zone was not given");
  CHECK_VPC_ERROR(subnet.ipv4_cidr_block(), errc::Ec2MissingSubnetAttribute, "TestStack/Subnet", "IPv4 CIDR block was not given");
}

TEST_CASE("Subnet: a subnet on its own, in any VPC") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& subnet = stack.add<PublicSubnet>("Subnet", {.availability_zone = "us-east-1a", .vpc_id = "vpc-12345678",
                                                    .cidr_block = "10.0.0.0/24", .map_public_ip_on_launch = true});
  subnet.add_nat_gateway(cdk::Value{"eipalloc-1234"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::Subnet", {{"AvailabilityZone", "us-east-1a"},
                                                 {"CidrBlock", "10.0.0.0/24"},
                                                 {"MapPublicIpOnLaunch", true},
                                                 {"VpcId", "vpc-12345678"},
                                                 {"Tags", Match::exact(cdk::List{cdk::Map{{"Key", "Name"}, {"Value", "S/Subnet"}}})}});
  // An allocation id given: no new Elastic IP.
  t.resource_count_is("AWS::EC2::EIP", 0);
  t.has_resource("AWS::EC2::NatGateway", {{"Properties", Match::object_like({{"AllocationId", "eipalloc-1234"}})},
                                          {"DependsOn", cdk::List{"SubnetRouteTableAssociation3CCBAA31"}}});
  CHECK(subnet.ipv4_cidr_block() == cdk::Value{"10.0.0.0/24"});
  CHECK(subnet.route_table_id() == subnet.cfn_route_table().ref());

  auto& plain = stack.add<PrivateSubnet>("Plain", {.availability_zone = "us-east-1a", .vpc_id = "vpc-12345678", .cidr_block = "10.0.1.0/24"});
  CHECK(plain.internet_connectivity_established().size() == 1);  // its route table association
  Template::from_stack(stack).has_resource_properties(
      "AWS::EC2::Subnet", {{"CidrBlock", "10.0.1.0/24"}, {"MapPublicIpOnLaunch", Match::absent()}});
}
