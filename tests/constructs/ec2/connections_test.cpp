// Connections between constructs: rules placed on both sides as CDK places them
// (connections.test.ts), default ports, imported groups, rules that reach groups added
// later, and groups in different stacks.
#include <doctest/doctest.h>

#include <cdk/ec2.hpp>

#include "compute_support.hpp"

using namespace cdk::ec2;
using compute_test::expect_error;
using compute_test::expect_resources;

TEST_CASE("Connections: both halves of each rule, as CDK 2.276 writes them") {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("Conn");
  auto& vpc = Vpc::from_attributes(s, "Vpc", {.vpc_id = "vpc-12345", .availability_zones = {"us-east-1a"}});
  auto& a = s.add<SecurityGroup>("A", {.vpc = vpc});
  auto& b = s.add<SecurityGroup>("B", {.vpc = vpc, .allow_all_outbound = false});
  auto& c = s.add<SecurityGroup>("C", {.vpc = vpc});
  a.connections().allow_from(b, Port::tcp(80));
  b.connections().allow_to(c, Port::tcp_range(8000, 8080), "to c");
  Connections d{{.security_groups = {&a}, .default_port = Port::tcp(5432)}};
  d.allow_default_port_from(c);
  auto& imported = SecurityGroup::from_security_group_id(s, "Imported", "sg-abcdef123", {.allow_all_outbound = false});
  a.connections().allow_from(imported, Port::tcp(443));
  auto& immutable = SecurityGroup::from_security_group_id(s, "Immutable", "sg-abcdef999", {.is_mutable = false});
  a.connections().allow_to(immutable, Port::tcp(444));
  auto& e = s.add<SecurityGroup>("E", {.vpc = vpc});
  Connections conns;
  conns.allow_from(Peer::ipv4("1.2.3.4/32"), Port::tcp(1));
  conns.add_security_group(e);  // the rule given before reaches the group added later
  expect_resources(s, R"({"ACCC8ACD5": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "Conn/A", "SecurityGroupEgress": [{"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default", "IpProtocol": "-1"}], "VpcId": "vpc-12345"}}, "AfromConnB8D11E304800E823950": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"Description": "from ConnB8D11E304:80", "FromPort": 80, "GroupId": {"Fn::GetAtt": ["ACCC8ACD5", "GroupId"]}, "IpProtocol": "tcp", "SourceSecurityGroupId": {"Fn::GetAtt": ["B08E7C7AF", "GroupId"]}, "ToPort": 80}}, "AfromConnC130B1D6E5432FACF4E17": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"Description": "from ConnC130B1D6E:5432", "FromPort": 5432, "GroupId": {"Fn::GetAtt": ["ACCC8ACD5", "GroupId"]}, "IpProtocol": "tcp", "SourceSecurityGroupId": {"Fn::GetAtt": ["C375D67C5", "GroupId"]}, "ToPort": 5432}}, "AfromConnImportedAE51B522443E7F97F26": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"Description": "from ConnImportedAE51B522:443", "FromPort": 443, "GroupId": {"Fn::GetAtt": ["ACCC8ACD5", "GroupId"]}, "IpProtocol": "tcp", "SourceSecurityGroupId": "sg-abcdef123", "ToPort": 443}}, "B08E7C7AF": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "Conn/B", "VpcId": "vpc-12345"}}, "BtoConnA3E5FD2BC80325EC520": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"Description": "to ConnA3E5FD2BC:80", "DestinationSecurityGroupId": {"Fn::GetAtt": ["ACCC8ACD5", "GroupId"]}, "FromPort": 80, "GroupId": {"Fn::GetAtt": ["B08E7C7AF", "GroupId"]}, "IpProtocol": "tcp", "ToPort": 80}}, "BtoConnC130B1D6E800080800B9D60F2": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"Description": "to c", "DestinationSecurityGroupId": {"Fn::GetAtt": ["C375D67C5", "GroupId"]}, "FromPort": 8000, "GroupId": {"Fn::GetAtt": ["B08E7C7AF", "GroupId"]}, "IpProtocol": "tcp", "ToPort": 8080}}, "C375D67C5": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "Conn/C", "SecurityGroupEgress": [{"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default", "IpProtocol": "-1"}], "VpcId": "vpc-12345"}}, "CfromConnB8D11E304800080808A742197": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"Description": "to c", "FromPort": 8000, "GroupId": {"Fn::GetAtt": ["C375D67C5", "GroupId"]}, "IpProtocol": "tcp", "SourceSecurityGroupId": {"Fn::GetAtt": ["B08E7C7AF", "GroupId"]}, "ToPort": 8080}}, "ImportedtoConnA3E5FD2BC443F1278B8A": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"Description": "to ConnA3E5FD2BC:443", "DestinationSecurityGroupId": {"Fn::GetAtt": ["ACCC8ACD5", "GroupId"]}, "FromPort": 443, "GroupId": "sg-abcdef123", "IpProtocol": "tcp", "ToPort": 443}}, "E80549084": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "Conn/E", "SecurityGroupEgress": [{"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default", "IpProtocol": "-1"}], "SecurityGroupIngress": [{"CidrIp": "1.2.3.4/32", "Description": "from 1.2.3.4/32:1", "FromPort": 1, "IpProtocol": "tcp", "ToPort": 1}], "VpcId": "vpc-12345"}}})");
}

TEST_CASE("Connections: groups in different stacks keep both halves in the consumer's stack") {
  cdk::App app;
  auto& producer = app.add<cdk::Stack>("Producer");
  auto& consumer = app.add<cdk::Stack>("Consumer");
  auto& sg_a = producer.add<SecurityGroup>(
      "SGA", {.vpc = Vpc::from_attributes(producer, "Vpc", {.vpc_id = "vpc-12345"}), .allow_all_outbound = false});
  auto& sg_b = consumer.add<SecurityGroup>("SGB", {.vpc = Vpc::from_attributes(consumer, "Vpc", {.vpc_id = "vpc-12345"})});
  sg_b.connections().allow_from(sg_a, Port::tcp(80));
  // CDK: SGB/"from ProducerSGAC0AD27D4:80" and SGB/"ProducerSGAC0AD27D4:80 from" (the
  // egress of SGA, reversed under SGB: logical id SGBProducerSGAC0AD27D480fromE54A14E4).
  CHECK(sg_b.try_find_child("from ProducerSGAC0AD27D4:80"));
  auto* egress = dynamic_cast<cdk::CfnResource*>(sg_b.try_find_child("ProducerSGAC0AD27D4:80 from"));
  REQUIRE(egress);
  CHECK(egress->cfn_resource_type() == "AWS::EC2::SecurityGroupEgress");
  CHECK(egress->logical_id() == "SGBProducerSGAC0AD27D480fromE54A14E4");
  CHECK(sg_a.children().size() == 1);  // only its Resource
}

TEST_CASE("Connections: without a default port") {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("S");
  auto& sg = s.add<SecurityGroup>("SG", {.vpc = Vpc::from_attributes(s, "Vpc", {.vpc_id = "vpc-12345"})});
  auto m = expect_error([&] { sg.connections().allow_default_port_from_any_ipv4(); }, "cdk.ec2.NoDefaultPort", "");
  CHECK(m.find("cannot call allow_default_port_from_any_ipv4(): this resource has no default port") != std::string::npos);
  expect_error([&] { sg.connections().allow_default_port_internally(); }, "cdk.ec2.NoDefaultPort", "");
  Connections other;
  expect_error([&] { sg.connections().allow_to_default_port(other); }, "cdk.ec2.NoDefaultPort", "");
}

TEST_CASE("Connections: default port from any IPv4, internally, and to a peer") {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("S");
  auto& vpc = Vpc::from_attributes(s, "Vpc", {.vpc_id = "vpc-12345"});
  auto& sg = s.add<SecurityGroup>("SG", {.vpc = vpc, .allow_all_outbound = false});
  Connections c{{.security_groups = {&sg}, .default_port = Port::tcp(3306)}};
  c.allow_default_port_from_any_ipv4("db");
  c.allow_default_port_to(Peer::ipv4("10.0.0.0/8"));
  auto t = compute_test::Template::from_stack(s);
  t.has_resource_properties(
      "AWS::EC2::SecurityGroup",
      cdk::Value{cdk::Map{
          {"SecurityGroupIngress", cdk::List{cdk::Map{{"CidrIp", "0.0.0.0/0"}, {"Description", "db"}, {"FromPort", 3306},
                                                      {"IpProtocol", "tcp"}, {"ToPort", 3306}}}},
          {"SecurityGroupEgress",
           cdk::List{cdk::Map{{"CidrIp", "10.0.0.0/8"}, {"Description", "from 10.0.0.0/8:3306"}, {"FromPort", 3306},
                              {"IpProtocol", "tcp"}, {"ToPort", 3306}}}}}});
}
