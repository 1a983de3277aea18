// Vpc::from_attributes: an existing VPC (ids given) that other constructs select subnets
// from, as CDK's fromVpcAttributes.
#include "vpc_support.hpp"

using namespace vpc_test;
using namespace cdk::ec2;
namespace errc = cdk::errc;

namespace {
VpcAttributes attributes() {
  return {.vpc_id = "vpc-1234",
          .availability_zones = {"az1", "az2"},
          .public_subnet_ids = {"s-1", "s-2"},
          .private_subnet_ids = {"p-1", "p-2", "p-3", "p-4"},
          .private_subnet_names = {"App", "Db"},
          .private_subnet_route_table_ids = {"r-1", "r-2", "r-3", "r-4"}};
}
}  // namespace

TEST_CASE("from_attributes: subnets per group and AZ, owned by the tree") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Imported");
  auto& vpc = Vpc::from_attributes(stack, "Vpc", attributes());
  CHECK(vpc.vpc_id() == cdk::Value{"vpc-1234"});
  CHECK(vpc.availability_zones() == std::vector<cdk::Value>{"az1", "az2"});
  CHECK(vpc.vpc_construct().path() == "Imported/Vpc");
  REQUIRE(vpc.public_subnets().size() == 2);
  REQUIRE(vpc.private_subnets().size() == 4);
  CHECK(vpc.isolated_subnets().empty());
  CHECK(vpc.public_subnets()[1]->subnet_construct().path() == "Imported/Vpc/PublicSubnet2");
  CHECK(vpc.private_subnets()[2]->subnet_construct().id() == "DbSubnet3");
  CHECK(vpc.private_subnets()[2]->availability_zone() == cdk::Value{"az1"});
  CHECK(vpc.private_subnets()[3]->route_table_id() == cdk::Value{"r-4"});
  CHECK(vpc.public_subnets()[0]->route_table_id().is_null());

  // The default selection is the private subnets; by name and AZ as CDK.
  CHECK(vpc.select_subnets().subnet_ids == std::vector<cdk::Value>{"p-1", "p-2", "p-3", "p-4"});
  const auto db = vpc.select_subnets({.subnet_group_name = "Db", .availability_zones = std::vector<cdk::Value>{"az2"}});
  CHECK(db.subnet_ids == std::vector<cdk::Value>{"p-4"});
  CHECK_FALSE(db.has_public);
  CHECK(db.internet_connectivity_established.empty());
  CHECK(vpc.select_subnets({.subnet_type = SubnetType::Public}).has_public);

  // What CDK writes for a gateway endpoint and an output built from the selection.
  vpc.add_gateway_endpoint("S3", {.service = GatewayVpcEndpointAwsService::S3, .subnets = {{.subnet_group_name = "Db"}}});
  stack.add<cdk::CfnOutput>("Db", {.value = cdk::Fn::join(",", cdk::List(db.subnet_ids.begin(), db.subnet_ids.end()))});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::VPCEndpoint",
                            Match::exact(cdk::Map{{"RouteTableIds", cdk::List{"r-3", "r-4"}},
                                                  {"ServiceName", cdk::Map{{"Fn::Join", cdk::List{"", cdk::List{"com.amazonaws.", cdk::Map{{"Ref", "AWS::Region"}}, ".s3"}}}}},
                                                  {"VpcEndpointType", "Gateway"},
                                                  {"VpcId", "vpc-1234"}}));
  t.has_output("Db", {{"Value", "p-4"}});
}

TEST_CASE("from_attributes errors") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& vpc = Vpc::from_attributes(stack, "Vpc", attributes());
  CHECK_VPC_ERROR(vpc.vpc_cidr_block(), errc::Ec2MissingVpcAttribute, "S/Vpc", "'vpc_cidr_block' was not supplied");
  CHECK_VPC_ERROR(vpc.select_subnets({.subnet_type = SubnetType::PrivateIsolated}), errc::Ec2NoSubnetsMatch, "S/Vpc",
                  "Available types: Private,Public");

  auto bad_count = attributes();
  bad_count.public_subnet_ids = {"s-1", "s-2", "s-3"};
  CHECK_VPC_ERROR(Vpc::from_attributes(stack, "A", bad_count), errc::Ec2InvalidVpcAttributes, "S/A",
                  "number of public_subnet_ids (3) must be a multiple of availability zones (2)");
  auto bad_names = attributes();
  bad_names.private_subnet_names = {"App"};
  CHECK_VPC_ERROR(Vpc::from_attributes(stack, "B", bad_names), errc::Ec2InvalidVpcAttributes, "S/B",
                  "number of private_subnet_names (1) must be equal to the amount of groups (2)");
  auto bad_tables = attributes();
  bad_tables.private_subnet_route_table_ids = {"r-1"};
  CHECK_VPC_ERROR(Vpc::from_attributes(stack, "C", bad_tables), errc::Ec2InvalidVpcAttributes, "S/C",
                  "number of private_subnet_route_table_ids (1) must be equal to the number of subnet ids (4)");

  auto with_cidr = attributes();
  with_cidr.vpc_cidr_block = cdk::Value{"10.0.0.0/16"};
  CHECK(Vpc::from_attributes(stack, "D", with_cidr).vpc_cidr_block() == cdk::Value{"10.0.0.0/16"});
}
