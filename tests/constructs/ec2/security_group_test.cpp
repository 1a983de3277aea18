// SecurityGroup: default egress, inline and separate rules, ids and descriptions exactly
// as CDK 2.276 writes them for the same programs (security-group.test.ts).
#include <doctest/doctest.h>

#include <cdk/annotations.hpp>
#include <cdk/ec2.hpp>
#include <cdk/ec2/cfn_vpc.hpp>

#include "compute_support.hpp"

using namespace cdk::ec2;
using compute_test::expect_error;
using compute_test::expect_resources;

namespace {
struct Fixture {
  cdk::App app;
  cdk::Stack& stack;
  IVpc& vpc;
  explicit Fixture(const char* name, cdk::StackProps props = {})
      : stack{app.add<cdk::Stack>(name, std::move(props))},
        vpc{Vpc::from_attributes(stack, "Vpc", {.vpc_id = "vpc-12345", .availability_zones = {"us-east-1a"}})} {}
};
}  // namespace

TEST_CASE("SecurityGroup: default: all outbound allowed, no inbound, description = path") {
  Fixture f{"Default"};
  auto& sg = f.stack.add<SecurityGroup>("SG", {.vpc = f.vpc});
  CHECK(sg.allow_all_outbound());
  CHECK_FALSE(sg.allow_all_ipv6_outbound());
  expect_resources(f.stack, R"({"SGADB53937": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "Default/SG", "SecurityGroupEgress": [{"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default", "IpProtocol": "-1"}], "VpcId": "vpc-12345"}}})");
}

TEST_CASE("SecurityGroup: allow_all_outbound false writes the rule that matches no traffic") {
  Fixture f{"NoOutbound"};
  f.stack.add<SecurityGroup>("SG", {.vpc = f.vpc, .description = "my sg", .security_group_name = "named",
                                    .allow_all_outbound = false});
  expect_resources(f.stack, R"({"SGADB53937": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "my sg", "GroupName": "named", "SecurityGroupEgress": [{"CidrIp": "255.255.255.255/32", "Description": "Disallow all traffic", "FromPort": 252, "IpProtocol": "icmp", "ToPort": 86}], "VpcId": "vpc-12345"}}})");
}

TEST_CASE("SecurityGroup: the first egress rule replaces the no-traffic rule; duplicates are skipped") {
  Fixture f{"NoOutboundRule"};
  auto& sg = f.stack.add<SecurityGroup>("SG", {.vpc = f.vpc, .allow_all_outbound = false});
  sg.add_egress_rule(Peer::ipv4("10.0.0.0/16"), Port::tcp(443));
  sg.add_egress_rule(Peer::ipv4("10.0.0.0/16"), Port::tcp(443), "dup");
  sg.add_egress_rule(Peer::prefix_list("pl-1234"), Port::tcp(443));
  expect_resources(f.stack, R"({"SGADB53937": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "NoOutboundRule/SG", "SecurityGroupEgress": [{"CidrIp": "10.0.0.0/16", "Description": "from 10.0.0.0/16:443", "FromPort": 443, "IpProtocol": "tcp", "ToPort": 443}], "VpcId": "vpc-12345"}}, "SGtopl1234443D19A202A": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"Description": "to pl-1234:443", "DestinationPrefixListId": "pl-1234", "FromPort": 443, "GroupId": {"Fn::GetAtt": ["SGADB53937", "GroupId"]}, "IpProtocol": "tcp", "ToPort": 443}}})");
}

TEST_CASE("SecurityGroup: IPv6 outbound; egress rules covered by allow-all are ignored with a warning") {
  Fixture f{"Ipv6"};
  auto& sg = f.stack.add<SecurityGroup>("SG", {.vpc = f.vpc, .allow_all_ipv6_outbound = true});
  sg.add_egress_rule(Peer::ipv4("10.0.0.0/16"), Port::tcp(443));
  sg.add_egress_rule(Peer::any_ipv6(), Port::tcp(443));
  expect_resources(f.stack, R"({"SGADB53937": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "Ipv6/SG", "SecurityGroupEgress": [{"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default", "IpProtocol": "-1"}, {"CidrIpv6": "::/0", "Description": "Allow all outbound ipv6 traffic by default", "IpProtocol": "-1"}], "VpcId": "vpc-12345"}}})");
  int warnings = 0;
  for (const auto& m : sg.metadata())
    if (m.type == "aws:cdk:warning") ++warnings;
  CHECK(warnings == 2);
  CHECK(sg.metadata().front().data.as_string().rfind("Ignoring Egress rule since 'allow_all_outbound' is set to true", 0) == 0);
}

TEST_CASE("SecurityGroup: ingress rules of every kind of peer; inline unless CDK writes them apart") {
  Fixture f{"Ingress"};
  auto& sg = f.stack.add<SecurityGroup>("SG", {.vpc = f.vpc});
  sg.add_ingress_rule(Peer::any_ipv4(), Port::tcp(80));
  sg.add_ingress_rule(Peer::any_ipv4(), Port::tcp(80), "duplicate");
  sg.add_ingress_rule(Peer::ipv6("2001:db8::/32"), Port::udp_range(500, 600), "v6");
  sg.add_ingress_rule(Peer::prefix_list("pl-1234"), Port::all_tcp());
  sg.add_ingress_rule(Peer::security_group_id("sg-123456789", "123456789012"), Port::icmp_ping());
  sg.add_ingress_rule(Peer::ipv4("10.1.0.0/16"), Port::all_traffic());
  sg.connections().allow_from_any_ipv4(Port::tcp(22));
  sg.connections().allow_internally(Port::tcp(9000));
  expect_resources(f.stack, R"({"SGADB53937": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "Ingress/SG", "SecurityGroupEgress": [{"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default", "IpProtocol": "-1"}], "SecurityGroupIngress": [{"CidrIp": "0.0.0.0/0", "Description": "from 0.0.0.0/0:80", "FromPort": 80, "IpProtocol": "tcp", "ToPort": 80}, {"CidrIpv6": "2001:db8::/32", "Description": "v6", "FromPort": 500, "IpProtocol": "udp", "ToPort": 600}, {"Description": "from sg-123456789:ICMP Type 8", "FromPort": 8, "IpProtocol": "icmp", "SourceSecurityGroupId": "sg-123456789", "SourceSecurityGroupOwnerId": "123456789012", "ToPort": -1}, {"CidrIp": "10.1.0.0/16", "Description": "from 10.1.0.0/16:ALL TRAFFIC", "IpProtocol": "-1"}, {"CidrIp": "0.0.0.0/0", "Description": "from 0.0.0.0/0:22", "FromPort": 22, "IpProtocol": "tcp", "ToPort": 22}], "VpcId": "vpc-12345"}}, "SGfrompl1234ALLPORTS8BA74F67": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"Description": "from pl-1234:ALL PORTS", "FromPort": 0, "GroupId": {"Fn::GetAtt": ["SGADB53937", "GroupId"]}, "IpProtocol": "tcp", "SourcePrefixListId": "pl-1234", "ToPort": 65535}}, "SGfromIngressSG00B40B3D90004A80CD20": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"Description": "from IngressSG00B40B3D:9000", "FromPort": 9000, "GroupId": {"Fn::GetAtt": ["SGADB53937", "GroupId"]}, "IpProtocol": "tcp", "SourceSecurityGroupId": {"Fn::GetAtt": ["SGADB53937", "GroupId"]}, "ToPort": 9000}}})");
}

TEST_CASE("SecurityGroup: disable_inline_rules writes every rule as its own resource") {
  Fixture f{"NoInline"};
  auto& sg = f.stack.add<SecurityGroup>("SG", {.vpc = f.vpc, .allow_all_outbound = false, .disable_inline_rules = true});
  sg.add_ingress_rule(Peer::ipv4("10.0.0.0/16"), Port::tcp(80));
  sg.add_egress_rule(Peer::ipv4("10.0.0.0/16"), Port::tcp(443));
  f.stack.add<SecurityGroup>("SG2", {.vpc = f.vpc, .allow_all_ipv6_outbound = true, .disable_inline_rules = true});
  f.stack.add<SecurityGroup>("SG3", {.vpc = f.vpc, .allow_all_outbound = false, .disable_inline_rules = true});
  expect_resources(f.stack, R"({"SGADB53937": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "NoInline/SG", "VpcId": "vpc-12345"}}, "SGfrom100001680A8655B0E": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"CidrIp": "10.0.0.0/16", "Description": "from 10.0.0.0/16:80", "FromPort": 80, "GroupId": {"Fn::GetAtt": ["SGADB53937", "GroupId"]}, "IpProtocol": "tcp", "ToPort": 80}}, "SGto100001644396A41351": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"CidrIp": "10.0.0.0/16", "Description": "to 10.0.0.0/16:443", "FromPort": 443, "GroupId": {"Fn::GetAtt": ["SGADB53937", "GroupId"]}, "IpProtocol": "tcp", "ToPort": 443}}, "SG20CE3219C": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "NoInline/SG2", "VpcId": "vpc-12345"}}, "SG2to00000ALLTRAFFICE0ED082F": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default", "GroupId": {"Fn::GetAtt": ["SG20CE3219C", "GroupId"]}, "IpProtocol": "-1"}}, "SG2to0ALLTRAFFICADDD19D3": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"CidrIpv6": "::/0", "Description": "Allow all outbound ipv6 traffic by default", "GroupId": {"Fn::GetAtt": ["SG20CE3219C", "GroupId"]}, "IpProtocol": "-1"}}, "SG351782A25": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "NoInline/SG3", "VpcId": "vpc-12345"}}, "SG3to25525525525532ICMPType252Code86F1581C23": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"CidrIp": "255.255.255.255/32", "Description": "Disallow all traffic", "FromPort": 252, "GroupId": {"Fn::GetAtt": ["SG351782A25", "GroupId"]}, "IpProtocol": "icmp", "ToPort": 86}}})");
}

TEST_CASE("SecurityGroup: disable_inline_rules from the context, as CDK reads it") {
  cdk::App app{{.context = {{"@aws-cdk/aws-ec2.securityGroupDisableInlineRules", true}}}};
  auto& stack = app.add<cdk::Stack>("S");
  auto& vpc = Vpc::from_attributes(stack, "Vpc", {.vpc_id = "vpc-12345"});
  stack.add<SecurityGroup>("SG", {.vpc = vpc});
  auto t = compute_test::Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::SecurityGroupEgress", 1);
}

TEST_CASE("SecurityGroup: bad input") {
  Fixture f{"Bad"};
  auto m = expect_error([&] { f.stack.add<SecurityGroup>("NoVpc", {}); }, "cdk.ec2.SecurityGroupWithoutVpc",
                        "Bad/NoVpc");
  CHECK(m.find("a security group needs a vpc") != std::string::npos);
  auto& sg = f.stack.add<SecurityGroup>("SG", {.vpc = f.vpc, .allow_all_outbound = false});
  m = expect_error([&] { sg.add_egress_rule(Peer::any_ipv4(), Port::all_traffic()); },
                   "cdk.ec2.InvalidSecurityGroupRule", "Bad/SG");
  CHECK(m.find("cannot add an \"all traffic\" egress rule this way") != std::string::npos);
  expect_error([&] { sg.add_egress_rule(Peer::any_ipv6(), Port::all_traffic()); }, "cdk.ec2.InvalidSecurityGroupRule",
               "Bad/SG");
}

TEST_CASE("SecurityGroup: the real VPC's id, and attributes") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& vpc = stack.add<Vpc>("Vpc", {.max_azs = 1, .nat_gateways = 0});
  auto& sg = stack.add<SecurityGroup>("SG", {.vpc = vpc});
  stack.add<cdk::CfnOutput>("Id", {.value = sg.security_group_id()});
  stack.add<cdk::CfnOutput>("VpcId", {.value = sg.security_group_vpc_id()});
  stack.add<cdk::CfnOutput>("Name", {.value = sg.security_group_name()});
  auto t = compute_test::Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            cdk::Value{cdk::Map{{"VpcId", cdk::Map{{"Ref", vpc.cfn_vpc().logical_id()}}}}});
  compute_test::expect_section(stack, "Outputs", R"({"Id": {"Value": {"Fn::GetAtt": ["SGADB53937", "GroupId"]}}, "VpcId": {"Value": {"Fn::GetAtt": ["SGADB53937", "VpcId"]}}, "Name": {"Value": {"Ref": "SGADB53937"}}})");
}

TEST_CASE("SecurityGroup: peers that are tokens get CDK's IndirectPeer ids and joined descriptions") {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("Tok");
  auto& vpc = Vpc::from_attributes(s, "Vpc", {.vpc_id = "vpc-12345", .availability_zones = {"us-east-1a"}});
  auto& p1 = s.add<cdk::CfnParameter>("Pl1", {.type = "String"});
  auto& p2 = s.add<cdk::CfnParameter>("Pl2", {.type = "String"});
  auto& sg = s.add<SecurityGroup>("SG", {.vpc = vpc, .allow_all_outbound = false});
  sg.add_ingress_rule(Peer::prefix_list(p1.value_as_string()), Port::tcp(80));
  sg.add_ingress_rule(Peer::prefix_list(p2.value_as_string()), Port::tcp(80));
  sg.add_egress_rule(Peer::prefix_list(p2.value_as_string()), Port::tcp(443));
  sg.add_ingress_rule(Peer::security_group_id(p1.value_as_string()), Port::tcp(81));
  // CDK 2.276's output for the same program.
  expect_resources(s, R"({"SGADB53937": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "Tok/SG", "SecurityGroupIngress": [{"Description": {"Fn::Join": ["", ["from ", {"Ref": "Pl1"}, ":81"]]}, "FromPort": 81, "IpProtocol": "tcp", "SourceSecurityGroupId": {"Ref": "Pl1"}, "ToPort": 81}], "VpcId": "vpc-12345"}}, "SGfromIndirectPeer80B6096BE4": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"Description": {"Fn::Join": ["", ["from ", {"Ref": "Pl1"}, ":80"]]}, "FromPort": 80, "GroupId": {"Fn::GetAtt": ["SGADB53937", "GroupId"]}, "IpProtocol": "tcp", "SourcePrefixListId": {"Ref": "Pl1"}, "ToPort": 80}}, "SGfromIndirectPeer280CE1B0F21": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"Description": {"Fn::Join": ["", ["from ", {"Ref": "Pl2"}, ":80"]]}, "FromPort": 80, "GroupId": {"Fn::GetAtt": ["SGADB53937", "GroupId"]}, "IpProtocol": "tcp", "SourcePrefixListId": {"Ref": "Pl2"}, "ToPort": 80}}, "SGtoIndirectPeer3443CFF73A16": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"Description": {"Fn::Join": ["", ["to ", {"Ref": "Pl2"}, ":443"]]}, "DestinationPrefixListId": {"Ref": "Pl2"}, "FromPort": 443, "GroupId": {"Fn::GetAtt": ["SGADB53937", "GroupId"]}, "IpProtocol": "tcp", "ToPort": 443}}})");
}

TEST_CASE("SecurityGroup: lookups by id and by name, as CDK reports and uses them") {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("L", {.env = {.account = "123456789012", .region = "us-east-1"}});
  auto& vpc = Vpc::from_attributes(s, "Vpc", {.vpc_id = "vpc-12345", .availability_zones = {"us-east-1a"}});
  auto& by_id = SecurityGroup::from_lookup_by_id(s, "ById", "sg-12345abc");
  auto& by_name = SecurityGroup::from_lookup_by_name(s, "ByName", "my-sg", vpc);
  auto& own = s.add<SecurityGroup>("Own", {.vpc = vpc, .allow_all_outbound = false});
  own.connections().allow_to(by_id, Port::tcp(443));
  own.connections().allow_to(by_name, Port::tcp(444));
  // CDK 2.276's output (with the dummy group, before the CLI looks it up).
  expect_resources(s, R"({"ByIdfromLOwn012A2A2444367337D3B": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"Description": "from LOwn012A2A24:443", "FromPort": 443, "GroupId": "sg-12345678", "IpProtocol": "tcp", "SourceSecurityGroupId": {"Fn::GetAtt": ["Own30425842", "GroupId"]}, "ToPort": 443}}, "ByNamefromLOwn012A2A2444408168A13": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"Description": "from LOwn012A2A24:444", "FromPort": 444, "GroupId": "sg-12345678", "IpProtocol": "tcp", "SourceSecurityGroupId": {"Fn::GetAtt": ["Own30425842", "GroupId"]}, "ToPort": 444}}, "Own30425842": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "L/Own", "VpcId": "vpc-12345"}}, "OwntoLByIdC5DAD39D443A8369D45": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"Description": "to LByIdC5DAD39D:443", "DestinationSecurityGroupId": "sg-12345678", "FromPort": 443, "GroupId": {"Fn::GetAtt": ["Own30425842", "GroupId"]}, "IpProtocol": "tcp", "ToPort": 443}}, "OwntoLByName5734C3A4444838D5A41": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"Description": "to LByName5734C3A4:444", "DestinationSecurityGroupId": "sg-12345678", "FromPort": 444, "GroupId": {"Fn::GetAtt": ["Own30425842", "GroupId"]}, "IpProtocol": "tcp", "ToPort": 444}}})");
  REQUIRE(app.missing_context().size() == 2);
  CHECK(app.missing_context()[0].key == "security-group:account=123456789012:region=us-east-1:securityGroupId=sg-12345abc");
  CHECK(app.missing_context()[1].key ==
        "security-group:account=123456789012:region=us-east-1:securityGroupName=my-sg:vpcId=vpc-12345");
  CHECK(app.missing_context()[1].provider == "security-group");
  CHECK(cdk::Value{app.missing_context()[0].props} ==
        cdk::Value{cdk::Map{{"dummyValue", cdk::Map{{"securityGroupId", "sg-12345678"}, {"allowAllOutbound", true}}},
                            {"account", "123456789012"},
                            {"region", "us-east-1"},
                            {"securityGroupId", "sg-12345abc"},
                            {"lookupRoleArn", "arn:${AWS::Partition}:iam::123456789012:role/cdk-hnb659fds-lookup-role-123456789012-us-east-1"}}});
}

TEST_CASE("SecurityGroup: a looked-up group from the context") {
  cdk::App app{{.context = {{"security-group:account=123456789012:region=us-east-1:securityGroupId=sg-abc12345",
                             cdk::Map{{"securityGroupId", "sg-abc12345"}, {"allowAllOutbound", false}}}}}};
  auto& s = app.add<cdk::Stack>("L", {.env = {.account = "123456789012", .region = "us-east-1"}});
  auto& sg = SecurityGroup::from_lookup_by_id(s, "ById", "sg-abc12345");
  CHECK(sg.security_group_id() == cdk::Value{"sg-abc12345"});
  CHECK_FALSE(sg.allow_all_outbound());
  CHECK(app.missing_context().empty());
}

TEST_CASE("SecurityGroup: lookups need an environment and literal arguments") {
  cdk::App app;
  auto& agnostic = app.add<cdk::Stack>("A");
  auto m = expect_error([&] { SecurityGroup::from_lookup_by_id(agnostic, "X", "sg-12345678"); },
                        "cdk.ec2.InvalidLookup", "A/X");
  CHECK(m.find("needs the stack's account and region") != std::string::npos);
  auto& s = app.add<cdk::Stack>("L", {.env = {.account = "123456789012", .region = "us-east-1"}});
  auto& vpc = s.add<Vpc>("Vpc", {.max_azs = 1, .nat_gateways = 0});
  m = expect_error([&] { SecurityGroup::from_lookup_by_name(s, "Y", "name", vpc); }, "cdk.ec2.InvalidLookup", "L/Y");
  CHECK(m.find("must be literals") != std::string::npos);
}
