// cdkpp diff's library: replacements known from the schemas, replacements propagated through
// references, the security tables, sections, assemblies, and the text and JSON reports.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cdk/app.hpp"
#include "cdk/cfn_output.hpp"
#include "cdk/cfn_parameter.hpp"
#include "cdk/errors.hpp"
#include "cdk/stack.hpp"
#include "cdk/tags.hpp"
#include "cdk/tools/diff.hpp"
#include "synth/json.hpp"
#include "test_support.hpp"

#if __has_include(<cdk/ec2.hpp>)
#include <cdk/ec2.hpp>
#include <cdk/iam.hpp>
#include <cdk/s3.hpp>
#define CDKPP_HAVE_CONSTRUCTS 1
#endif

namespace fs = std::filesystem;
using cdk::tools::ChangeKind;
using cdk::tools::Impact;
using cdk::tools::TemplateDiff;

using namespace cli_test;

namespace {

const std::string data_dir = std::string{CDKPP_CLI_TEST_DATA} + "/diff/";

TemplateDiff diff_files(const std::string& a, const std::string& b) {
  return cdk::tools::diff_templates(read(data_dir + a), read(data_dir + b));
}

// A one-resource template.
std::string resource(const std::string& type, const std::string& properties) {
  return R"({"Resources":{"R":{"Type":")" + type + R"(","Properties":)" + properties + "}}}";
}

}  // namespace

TEST_CASE("identical templates have no differences, whatever their key order") {
  const auto d = cdk::tools::diff_templates(R"({"Resources":{"V":{"Type":"AWS::EC2::VPC","Properties":{"CidrBlock":"10.0.0.0/16","EnableDnsSupport":true}}}})",
                                            "Resources:\n  V:\n    Properties:\n      EnableDnsSupport: true\n      CidrBlock: 10.0.0.0/16\n    Type: AWS::EC2::VPC\n");
  CHECK(d.empty());
  CHECK(d.difference_count() == 0);
}

TEST_CASE("a hand-written network: CIDR replaces the VPC, tags do not, and references to it follow") {
  const auto d = diff_files("network_old.yaml", "network_new.yaml");
  const auto* vpc = d.resource("Vpc");
  REQUIRE(vpc);
  CHECK(vpc->impact == Impact::Replace);
  REQUIRE(vpc->property("CidrBlock"));
  CHECK(vpc->property("CidrBlock")->impact == Impact::Replace);
  CHECK(vpc->property("CidrBlock")->reason == "createOnly /properties/CidrBlock");
  CHECK(vpc->property("CidrBlock")->old_value == R"("10.0.0.0/16")");
  CHECK(vpc->property("CidrBlock")->new_value == R"("10.1.0.0/16")");
  REQUIRE(vpc->property("Tags[0].Value"));
  CHECK(vpc->property("Tags[0].Value")->impact == Impact::Update);

  // The subnet's VpcId is createOnly: the new VPC replaces the subnet too, as cdk diff says.
  const auto* subnet = d.resource("Subnet");
  REQUIRE(subnet);
  CHECK(subnet->impact == Impact::Replace);
  REQUIRE(subnet->property("VpcId"));
  CHECK(subnet->property("VpcId")->replaced_reference == "Vpc");
  CHECK(subnet->property("VpcId")->reason == "references Vpc, which is replaced");
  CHECK(subnet->property("VpcId")->old_value == subnet->property("VpcId")->new_value);

  const auto* bucket = d.resource("Logs");
  REQUIRE(bucket);
  CHECK(bucket->impact == Impact::Replace);
  CHECK(bucket->property("BucketName")->impact == Impact::Replace);

  // An ingress rule added is called out, once.
  REQUIRE(d.security_group_rules.size() == 1);
  const auto& rule = d.security_group_rules[0];
  CHECK(rule.kind == ChangeKind::Added);
  CHECK(rule.group == "${WebSg.GroupId}");
  CHECK(rule.direction == "In");
  CHECK(rule.protocol == "TCP 22");
  CHECK(rule.peer == "10.0.0.0/8");
  const auto* sg = d.resource("WebSg");
  REQUIRE(sg);
  REQUIRE(sg->property("SecurityGroupIngress[1]"));
  CHECK(sg->property("SecurityGroupIngress[1]")->kind == ChangeKind::Added);

  // Parameters, outputs and exports.
  REQUIRE(d.parameter("Env"));
  CHECK(d.parameter("Env")->kind == ChangeKind::Updated);
  CHECK(d.parameter("Env")->details.at(0).path == "Default");
  CHECK(!d.parameter("ImageId"));
  REQUIRE(d.output("Gone"));
  CHECK(d.output("Gone")->kind == ChangeKind::Removed);
  REQUIRE(d.output("Added"));
  CHECK(d.output("Added")->kind == ChangeKind::Added);
  REQUIRE(d.output("VpcId"));
  CHECK(d.output("VpcId")->old_export == R"({"Fn::Sub":"${AWS::StackName}-VpcId"})");
  CHECK(d.output("VpcId")->new_export == R"({"Fn::Sub":"${AWS::StackName}-Vpc"})");
  REQUIRE(d.template_fields.size() == 1);
  CHECK(d.template_fields[0].id == "Description");
}

TEST_CASE("replacement from the schemas: instance image, subnet CIDR; in place: an instance type") {
  auto image = cdk::tools::diff_templates(resource("AWS::EC2::Instance", R"({"ImageId":"ami-1","InstanceType":"t3.micro"})"),
                                          resource("AWS::EC2::Instance", R"({"ImageId":"ami-2","InstanceType":"t3.micro"})"));
  CHECK(image.resource("R")->impact == Impact::Replace);
  auto type = cdk::tools::diff_templates(resource("AWS::EC2::Instance", R"({"ImageId":"ami-1","InstanceType":"t3.micro"})"),
                                         resource("AWS::EC2::Instance", R"({"ImageId":"ami-1","InstanceType":"t3.large"})"));
  CHECK(type.resource("R")->impact == Impact::Update);
  CHECK(type.resource("R")->property("InstanceType")->reason.empty());
  auto subnet = cdk::tools::diff_templates(resource("AWS::EC2::Subnet", R"({"VpcId":"vpc-1","CidrBlock":"10.0.0.0/24"})"),
                                           resource("AWS::EC2::Subnet", R"({"VpcId":"vpc-1","CidrBlock":"10.0.1.0/24"})"));
  CHECK(subnet.resource("R")->impact == Impact::Replace);
}

TEST_CASE("nested createOnly properties: only a change inside them replaces") {
  const auto before = resource("AWS::EC2::VPCEndpoint",
                               R"({"VpcId":"vpc-1","ServiceName":"s","DnsOptions":{"DnsRecordIpType":"ipv4","PrivateDnsPreference":"ALL_DOMAINS"}})");
  auto inside = cdk::tools::diff_templates(
      before, resource("AWS::EC2::VPCEndpoint",
                       R"({"VpcId":"vpc-1","ServiceName":"s","DnsOptions":{"DnsRecordIpType":"ipv4","PrivateDnsPreference":"VERIFIED_DOMAINS_ONLY"}})"));
  CHECK(inside.resource("R")->impact == Impact::Replace);
  CHECK(inside.resource("R")->property("DnsOptions.PrivateDnsPreference")->reason ==
        "createOnly /properties/DnsOptions/PrivateDnsPreference");
  auto beside = cdk::tools::diff_templates(
      before, resource("AWS::EC2::VPCEndpoint",
                       R"({"VpcId":"vpc-1","ServiceName":"s","DnsOptions":{"DnsRecordIpType":"dualstack","PrivateDnsPreference":"ALL_DOMAINS"}})"));
  CHECK(beside.resource("R")->impact == Impact::Update);
  // The whole object removed takes the createOnly part with it.
  auto removed = cdk::tools::diff_templates(before, resource("AWS::EC2::VPCEndpoint", R"({"VpcId":"vpc-1","ServiceName":"s"})"));
  CHECK(removed.resource("R")->impact == Impact::Replace);
  // "*" in a createOnly path is any list element.
  const auto peer = [](int asn) {
    return resource("AWS::EC2::TransitGatewayConnectPeer",
                    R"({"TransitGatewayAttachmentId":"a","ConnectPeerConfiguration":{"PeerAddress":"1.1.1.1","InsideCidrBlocks":["169.254.0.0/29"],"BgpConfigurations":[{"PeerAsn":)" +
                        std::to_string(asn) + "}]}}");
  };
  auto asn = cdk::tools::diff_templates(peer(64512), peer(64513));
  CHECK(asn.resource("R")->impact == Impact::Replace);
  CHECK(asn.resource("R")->property("ConnectPeerConfiguration.BgpConfigurations[0].PeerAsn")->reason ==
        "createOnly /properties/ConnectPeerConfiguration/BgpConfigurations/*/PeerAsn");
}

TEST_CASE("a createOnly value known only at deploy time may replace") {
  const std::string parameters = R"("Parameters":{"Name":{"Type":"String"}},)";
  const auto literal = R"({)" + parameters + R"("Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":"logs"}}}})";
  const auto parameter = R"({)" + parameters + R"("Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":{"Ref":"Name"}}}}})";
  const auto sub = R"({)" + parameters + R"("Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":{"Fn::Sub":"${AWS::AccountId}-logs"}}}}})";
  const auto imported = R"({"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":{"Fn::ImportValue":"x"}}}}})";
  CHECK(cdk::tools::diff_templates(literal, parameter).resource("B")->impact == Impact::MayReplace);
  CHECK(cdk::tools::diff_templates(literal, sub).resource("B")->impact == Impact::MayReplace);
  CHECK(cdk::tools::diff_templates(literal, imported).resource("B")->impact == Impact::MayReplace);
  CHECK(cdk::tools::diff_templates(literal, parameter).resource("B")->property("BucketName")->impact == Impact::MayReplace);
}

TEST_CASE("a reference to a replaced resource outside createOnly properties is an update") {
  const std::string before = R"({"Resources":{
    "Vpc":{"Type":"AWS::EC2::VPC","Properties":{"CidrBlock":"10.0.0.0/16"}},
    "Param":{"Type":"AWS::SSM::Parameter","Properties":{"Type":"String","Value":{"Ref":"Vpc"}}}}})";
  std::string after = before;
  after.replace(after.find("10.0.0.0/16"), 11, "10.9.0.0/16");
  const auto d = cdk::tools::diff_templates(before, after);
  CHECK(d.resource("Vpc")->impact == Impact::Replace);
  const auto* param = d.resource("Param");
  REQUIRE(param);
  CHECK(param->impact == Impact::Update);
  CHECK(param->property("Value")->replaced_reference == "Vpc");
}

TEST_CASE("an exported output of a replaced resource changes at deploy time") {
  const std::string before = R"({"Resources":{"Vpc":{"Type":"AWS::EC2::VPC","Properties":{"CidrBlock":"10.0.0.0/16"}}},
    "Outputs":{"VpcId":{"Value":{"Ref":"Vpc"},"Export":{"Name":"net-vpc"}},"Cidr":{"Value":"10.0.0.0/16"}}})";
  std::string after = before;
  after.replace(after.find("10.0.0.0/16"), 11, "10.9.0.0/16");
  const auto d = cdk::tools::diff_templates(before, after);
  REQUIRE(d.output("VpcId"));
  REQUIRE(d.output("VpcId")->details.size() == 1);
  const auto& value = d.output("VpcId")->details[0];
  CHECK(value.path == "Value");
  CHECK(value.replaced_reference == "Vpc");
  CHECK(value.reason == "references Vpc, which is replaced: the exported value changes, which fails while another stack imports it");
  CHECK(d.output("VpcId")->old_export == R"("net-vpc")");
  CHECK(!d.output("Cidr"));
}

TEST_CASE("replacements propagate along chains of createOnly references") {
  const std::string before = R"({"Resources":{
    "Vpc":{"Type":"AWS::EC2::VPC","Properties":{"CidrBlock":"10.0.0.0/16"}},
    "Sg":{"Type":"AWS::EC2::SecurityGroup","Properties":{"GroupDescription":"d","VpcId":{"Ref":"Vpc"}}},
    "In":{"Type":"AWS::EC2::SecurityGroupIngress","Properties":{"IpProtocol":"tcp","FromPort":80,"ToPort":80,"CidrIp":"0.0.0.0/0","GroupId":{"Fn::GetAtt":["Sg","GroupId"]}}}}})";
  std::string after = before;
  after.replace(after.find("10.0.0.0/16"), 11, "10.9.0.0/16");
  const auto d = cdk::tools::diff_templates(before, after);
  CHECK(d.resource("Sg")->impact == Impact::Replace);
  REQUIRE(d.resource("In"));
  CHECK(d.resource("In")->impact == Impact::Replace);
  CHECK(d.resource("In")->property("GroupId")->replaced_reference == "Sg");
  // The rules did not change: nothing in the security table.
  CHECK(d.security_group_rules.empty());
}

TEST_CASE("added, removed, retained and retyped resources") {
  const std::string before = R"({"Resources":{
    "Gone":{"Type":"AWS::S3::Bucket"},
    "Kept":{"Type":"AWS::S3::Bucket","DeletionPolicy":"Retain"},
    "Retyped":{"Type":"AWS::SSM::Parameter","Properties":{"Type":"String","Value":"v"}}}})";
  const std::string after = R"({"Resources":{
    "Retyped":{"Type":"AWS::S3::Bucket"},
    "New":{"Type":"AWS::S3::Bucket"}}})";
  const auto d = cdk::tools::diff_templates(before, after);
  REQUIRE(d.resources.size() == 4);
  // Removed, then added, then updated, as cdk diff lists them.
  CHECK(d.resources[0].logical_id == "Gone");
  CHECK(d.resources[0].impact == Impact::Destroy);
  CHECK(d.resources[1].logical_id == "Kept");
  CHECK(d.resources[1].impact == Impact::Orphan);
  CHECK(d.resources[2].logical_id == "New");
  CHECK(d.resources[2].impact == Impact::Create);
  CHECK(d.resources[3].logical_id == "Retyped");
  CHECK(d.resources[3].type_changed());
  CHECK(d.resources[3].impact == Impact::Replace);
  CHECK(d.resources[3].old_type == "AWS::SSM::Parameter");
}

TEST_CASE("resource attributes: DependsOn order does not matter, a new dependency is an update") {
  const auto r = [](const std::string& attributes) {
    return R"({"Resources":{"A":{"Type":"AWS::S3::Bucket"},"B":{"Type":"AWS::S3::Bucket"},"C":{"Type":"AWS::S3::Bucket")" +
           attributes + "}}}";
  };
  CHECK(cdk::tools::diff_templates(r(R"(,"DependsOn":["A","B"])"), r(R"(,"DependsOn":["B","A"])")).empty());
  CHECK(cdk::tools::diff_templates(r(R"(,"DependsOn":"A")"), r(R"(,"DependsOn":["A"])")).empty());
  const auto d = cdk::tools::diff_templates(r(R"(,"DependsOn":"A")"), r(R"(,"DependsOn":["A","B"],"UpdateReplacePolicy":"Retain")"));
  const auto* c = d.resource("C");
  REQUIRE(c);
  CHECK(c->impact == Impact::Update);
  REQUIRE(c->attributes.size() == 2);
  CHECK(c->attributes[0].path == "DependsOn[1]");
  CHECK(c->attributes[0].kind == ChangeKind::Added);
  CHECK(c->attributes[1].path == "UpdateReplacePolicy");
}

TEST_CASE("lists: an element inserted is one addition, not a cascade of updates") {
  const auto d = cdk::tools::diff_templates(resource("AWS::SSM::Parameter", R"({"Type":"StringList","Value":"x","AllowedPattern":"a","Tags":{"a":"1"}})"),
                                            resource("AWS::SSM::Parameter", R"({"Type":"StringList","Value":"x","AllowedPattern":"a","Tags":{"a":"1","b":"2"}})"));
  REQUIRE(d.resource("R")->properties.size() == 1);
  CHECK(d.resource("R")->property("Tags.b")->kind == ChangeKind::Added);
  const auto sg = [](const std::string& rules) {
    return resource("AWS::EC2::SecurityGroup", R"({"GroupDescription":"d","SecurityGroupIngress":[)" + rules + "]}");
  };
  const std::string a = R"({"IpProtocol":"tcp","FromPort":1,"ToPort":1,"CidrIp":"1.0.0.0/8"})";
  const std::string b = R"({"IpProtocol":"tcp","FromPort":2,"ToPort":2,"CidrIp":"2.0.0.0/8"})";
  const std::string c = R"({"IpProtocol":"udp","FromPort":53,"ToPort":53,"CidrIp":"3.0.0.0/8"})";
  const auto inserted = cdk::tools::diff_templates(sg(a + "," + b), sg(c + "," + a + "," + b));
  REQUIRE(inserted.resource("R")->properties.size() == 1);
  CHECK(inserted.resource("R")->properties[0].path == "SecurityGroupIngress[0]");
  CHECK(inserted.resource("R")->properties[0].kind == ChangeKind::Added);
  CHECK(inserted.resource("R")->impact == Impact::Update);
  REQUIRE(inserted.security_group_rules.size() == 1);
  CHECK(inserted.security_group_rules[0].protocol == "UDP 53");
  const auto removed = cdk::tools::diff_templates(sg(a + "," + b), sg(b));
  REQUIRE(removed.security_group_rules.size() == 1);
  CHECK(removed.security_group_rules[0].kind == ChangeKind::Removed);
  CHECK(removed.security_group_rules[0].peer == "1.0.0.0/8");
}

TEST_CASE("separate ingress and egress resources are security changes") {
  const auto d = cdk::tools::diff_templates(
      R"({"Resources":{}})",
      R"({"Resources":{"E":{"Type":"AWS::EC2::SecurityGroupEgress","Properties":{"GroupId":{"Fn::GetAtt":["Sg","GroupId"]},"IpProtocol":"-1","DestinationSecurityGroupId":{"Ref":"Other"}}}}})");
  REQUIRE(d.security_group_rules.size() == 1);
  CHECK(d.security_group_rules[0].group == "${Sg.GroupId}");
  CHECK(d.security_group_rules[0].direction == "Out");
  CHECK(d.security_group_rules[0].protocol == "Everything");
  CHECK(d.security_group_rules[0].peer == "${Other}");
}

TEST_CASE("IAM: statements added and removed in policies, roles and resource policies; managed policies") {
  const auto d = diff_files("iam_old.json", "iam_new.json");
  // Policy: s3:PutObject added for the role it is attached to.
  auto find = [&](ChangeKind kind, const std::string& action) -> const cdk::tools::IamStatementChange* {
    for (const auto& s : d.iam_statements)
      if (s.kind == kind && s.action == action) return &s;
    return nullptr;
  };
  const auto* put = find(ChangeKind::Added, "s3:PutObject");
  REQUIRE(put);
  CHECK(put->effect == "Allow");
  CHECK(put->resource == "${Bucket.Arn}/*");
  CHECK(put->principal == "AWS:${Role}");
  CHECK(put->source == "Policy");
  // The role's trust policy gained a service.
  const auto* trust = find(ChangeKind::Added, "sts:AssumeRole");
  REQUIRE(trust);
  CHECK(trust->resource == "${Role.Arn}");
  // A statement is a row: one with a principal more replaces the old one.
  CHECK(trust->principal == "Service:ec2.amazonaws.com\nService:lambda.amazonaws.com");
  REQUIRE(find(ChangeKind::Removed, "sts:AssumeRole"));
  CHECK(find(ChangeKind::Removed, "sts:AssumeRole")->principal == "Service:ec2.amazonaws.com");
  // The bucket policy's statement removed.
  const auto* denied = find(ChangeKind::Removed, "s3:*");
  REQUIRE(denied);
  CHECK(denied->effect == "Deny");
  CHECK(denied->resource == "${Bucket}");
  CHECK(denied->principal == "AWS:*");
  CHECK(denied->condition.find("aws:SecureTransport") != std::string::npos);
  // The unchanged statement is not listed.
  CHECK(!find(ChangeKind::Added, "s3:GetObject"));
  CHECK(!find(ChangeKind::Removed, "s3:GetObject"));
  REQUIRE(d.managed_policies.size() == 1);
  CHECK(d.managed_policies[0].kind == ChangeKind::Added);
  CHECK(d.managed_policies[0].resource == "${Role}");
  CHECK(d.managed_policies[0].arn == "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess");
}

TEST_CASE("sections: conditions, mappings, rules, metadata and unknown keys") {
  const auto d = diff_files("sections_old.yaml", "sections_new.yaml");
  REQUIRE(d.conditions.size() == 1);
  CHECK(d.conditions[0].id == "IsProd");
  CHECK(d.conditions[0].kind == ChangeKind::Updated);
  REQUIRE(d.mappings.size() == 1);
  CHECK(d.mappings[0].details.at(0).path == "us-east-1.Ami");
  REQUIRE(d.rules.size() == 1);
  CHECK(d.rules[0].kind == ChangeKind::Added);
  REQUIRE(d.metadata.size() == 1);
  REQUIRE(d.other.size() == 1);
  CHECK(d.other[0].id == "Hooks");
  REQUIRE(d.template_fields.size() == 1);
  CHECK(d.template_fields[0].id == "Transform");
}

TEST_CASE("CDK bookkeeping is ignored unless strict") {
  const std::string before = R"({"Resources":{
    "B":{"Type":"AWS::S3::Bucket","Metadata":{"aws:cdk:path":"S/Old/Resource"}},
    "CDKMetadata":{"Type":"AWS::CDK::Metadata","Properties":{"Analytics":"v2:1"}}},
    "Rules":{"CheckBootstrapVersion":{"Assertions":[]}}})";
  const std::string after = R"({"Resources":{
    "B":{"Type":"AWS::S3::Bucket","Metadata":{"aws:cdk:path":"S/New/Resource"}},
    "CDKMetadata":{"Type":"AWS::CDK::Metadata","Properties":{"Analytics":"v2:2"}}},
    "Rules":{"CheckBootstrapVersion":{"Assertions":[{"Assert":true}]}}})";
  const auto quiet = cdk::tools::diff_templates(before, after);
  CHECK(quiet.empty());
  const auto strict = cdk::tools::diff_templates(before, after, {.strict = true});
  CHECK(strict.resources.size() == 2);
  CHECK(strict.rules.size() == 1);
  REQUIRE(strict.resource("B"));
  CHECK(strict.resource("B")->attributes.at(0).path == "Metadata.aws:cdk:path");
  CHECK(strict.resource("B")->construct_path == "S/New/Resource");
}

TEST_CASE("bad input: a template that is not a mapping, and parse errors") {
  const auto e = thrown([] { cdk::tools::diff_templates("[1, 2]", "{}"); });
  CHECK(e.code() == "cdk.template.Malformed");
  CHECK(e.path() == "old");
  const auto parse = thrown([] { cdk::tools::diff_templates("{}", "{\"Resources\": "); });
  CHECK(parse.code() == "cdk.template.ParseError");
  CHECK(parse.path() == "new");
}

#ifdef CDKPP_HAVE_CONSTRUCTS

namespace {

// One version of a small program: a VPC, a bucket, a role and a security group.
struct Program {
  std::string cidr = "10.0.0.0/16";
  std::string bucket_name = "cdkpp-diff-logs";
  std::string name_tag;
  bool ssh = false;
  bool write_access = false;
  std::string output_export;
};

std::string synthesize(const Program& p) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Net");
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.ip_addresses = cdk::ec2::IpAddresses::cidr(p.cidr), .max_azs = 2, .nat_gateways = 0});
  if (!p.name_tag.empty()) cdk::Tags::of(vpc).add("Team", p.name_tag);
  auto& bucket = stack.add<cdk::s3::Bucket>("Logs", {.bucket_name = p.bucket_name});
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  role.add_to_policy(cdk::iam::PolicyStatement{{.actions = {"s3:GetObject"}, .resources = {"*"}}});
  if (p.write_access) role.add_to_policy(cdk::iam::PolicyStatement{{.actions = {"s3:PutObject"}, .resources = {"*"}}});
  auto& sg = stack.add<cdk::ec2::SecurityGroup>("Web", {.vpc = vpc});
  sg.add_ingress_rule(cdk::ec2::Peer::any_ipv4(), cdk::ec2::Port::tcp(443));
  if (p.ssh) sg.add_ingress_rule(cdk::ec2::Peer::ipv4("10.0.0.0/8"), cdk::ec2::Port::tcp(22));
  cdk::CfnOutputProps output{.value = bucket.bucket_name()};
  if (!p.output_export.empty()) output.export_name = p.output_export;
  stack.add<cdk::CfnOutput>("LogsName", output);
  return stack.to_json();
}

const cdk::tools::ResourceChange* of_type(const TemplateDiff& d, const std::string& type) {
  for (const auto& r : d.resources)
    if (r.new_type == type) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("synthesized programs: the same program twice has no differences") {
  CHECK(cdk::tools::diff_templates(synthesize({}), synthesize({})).empty());
}

TEST_CASE("synthesized programs: a VPC's CIDR replaces it and its subnets; its tags do not") {
  const auto cidr = cdk::tools::diff_templates(synthesize({}), synthesize({.cidr = "10.1.0.0/16"}));
  const auto* vpc = of_type(cidr, "AWS::EC2::VPC");
  REQUIRE(vpc);
  CHECK(vpc->impact == Impact::Replace);
  std::size_t subnets = 0;
  for (const auto& r : cidr.resources) {
    if (r.new_type != "AWS::EC2::Subnet") continue;
    ++subnets;
    CHECK(r.impact == Impact::Replace);
  }
  CHECK(subnets == 4);

  const auto tags = cdk::tools::diff_templates(synthesize({}), synthesize({.name_tag = "blue"}));
  REQUIRE(of_type(tags, "AWS::EC2::VPC"));
  CHECK(of_type(tags, "AWS::EC2::VPC")->impact == Impact::Update);
  for (const auto& r : tags.resources) CHECK(r.impact == Impact::Update);
}

TEST_CASE("synthesized programs: a bucket's name replaces it") {
  const auto d = cdk::tools::diff_templates(synthesize({}), synthesize({.bucket_name = "cdkpp-diff-logs-2"}));
  const auto* bucket = of_type(d, "AWS::S3::Bucket");
  REQUIRE(bucket);
  CHECK(bucket->impact == Impact::Replace);
  CHECK(bucket->property("BucketName")->impact == Impact::Replace);
}

TEST_CASE("synthesized programs: an ingress rule and an IAM statement are called out") {
  const auto d = cdk::tools::diff_templates(synthesize({}), synthesize({.ssh = true, .write_access = true}));
  REQUIRE(d.security_group_rules.size() == 1);
  CHECK(d.security_group_rules[0].kind == ChangeKind::Added);
  CHECK(d.security_group_rules[0].protocol == "TCP 22");
  CHECK(d.security_group_rules[0].peer == "10.0.0.0/8");
  REQUIRE(d.iam_statements.size() == 1);
  CHECK(d.iam_statements[0].kind == ChangeKind::Added);
  CHECK(d.iam_statements[0].action == "s3:PutObject");
  CHECK(d.iam_statements[0].resource == "*");
  CHECK(d.iam_statements[0].principal.rfind("AWS:${Role", 0) == 0);
  CHECK(of_type(d, "AWS::EC2::SecurityGroup")->impact == Impact::Update);
}

TEST_CASE("synthesized programs: an export added to an output") {
  const auto d = cdk::tools::diff_templates(synthesize({}), synthesize({.output_export = "LogsBucketName"}));
  REQUIRE(d.output("LogsName"));
  CHECK(d.output("LogsName")->old_export.empty());
  CHECK(d.output("LogsName")->new_export == R"("LogsBucketName")");
}

TEST_CASE("diff_stacks compares two stacks of programs") {
  cdk::App app;
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  a.add<cdk::s3::Bucket>("Logs", {.bucket_name = "cdkpp-a"});
  b.add<cdk::s3::Bucket>("Logs", {.bucket_name = "cdkpp-b"});
  const auto d = cdk::tools::diff_stacks(a, b);
  // The bucket's policy names the bucket in a createOnly property: replaced with it.
  REQUIRE(d.resources.size() == 2);
  CHECK(d.resources[0].new_type == "AWS::S3::Bucket");
  CHECK(d.resources[0].impact == Impact::Replace);
  CHECK(d.resources[1].new_type == "AWS::S3::BucketPolicy");
  CHECK(d.resources[1].impact == Impact::Replace);
  CHECK(d.resources[1].property("Bucket")->replaced_reference == d.resources[0].logical_id);
}

#endif  // CDKPP_HAVE_CONSTRUCTS

TEST_CASE("assemblies pair stacks by artifact id; stacks added and removed") {
  const fs::path root = scratch("assemblies");
  auto write = [](const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream{path} << text;
  };
  auto manifest = [](const std::vector<std::string>& ids) {
    std::string artifacts;
    for (const auto& id : ids)
      artifacts += (artifacts.empty() ? "" : ",") + (R"(")" + id + R"(":{"type":"aws:cloudformation:stack","environment":"aws://unknown-account/unknown-region","properties":{"templateFile":")" + id + R"(.template.json"}})");
    return R"({"version":"36.0.0","artifacts":{)" + artifacts + "}}";
  };
  const std::string bucket = R"({"Resources":{"B":{"Type":"AWS::S3::Bucket"}}})";
  write(root / "old/manifest.json", manifest({"Same", "Changed", "Gone"}));
  write(root / "old/Same.template.json", bucket);
  write(root / "old/Changed.template.json", bucket);
  write(root / "old/Gone.template.json", bucket);
  write(root / "new/manifest.json", manifest({"Same", "Changed", "Fresh"}));
  write(root / "new/Same.template.json", bucket);
  write(root / "new/Changed.template.json", R"({"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":"x"}}}})");
  write(root / "new/Fresh.template.json", bucket);

  const auto d = cdk::tools::diff_paths((root / "old").string(), (root / "new").string());
  REQUIRE(d.stacks.size() == 4);
  CHECK(d.stacks[0].artifact_id == "Same");
  CHECK(d.stacks[0].status == cdk::tools::StackDiff::Status::Unchanged);
  CHECK(d.stacks[1].status == cdk::tools::StackDiff::Status::Changed);
  CHECK(d.stacks[1].diff.resource("B")->impact == Impact::Replace);
  CHECK(d.stacks[2].artifact_id == "Fresh");
  CHECK(d.stacks[2].status == cdk::tools::StackDiff::Status::Added);
  CHECK(d.stacks[2].diff.resource("B")->impact == Impact::Create);
  CHECK(d.stacks[3].artifact_id == "Gone");
  CHECK(d.stacks[3].status == cdk::tools::StackDiff::Status::Removed);
  CHECK(d.stacks[3].diff.resource("B")->impact == Impact::Destroy);
  CHECK(!d.empty());

  const auto only = cdk::tools::diff_paths((root / "old").string(), (root / "new").string(), {.stack = "Same"});
  REQUIRE(only.stacks.size() == 1);
  CHECK(only.empty());

  // A template pairs with the only stack of the other side, or the one --stack names.
  const auto lone = cdk::tools::diff_paths((root / "old/Changed.template.json").string(), (root / "new").string(), {.stack = "Changed"});
  REQUIRE(lone.stacks.size() == 1);
  CHECK(lone.stacks[0].artifact_id == "Changed");
  CHECK(lone.stacks[0].status == cdk::tools::StackDiff::Status::Changed);

  const auto unknown = thrown([&] { cdk::tools::diff_paths((root / "old").string(), (root / "new").string(), {.stack = "Nope"}); });
  CHECK(unknown.code() == "cdk.diff.UnknownStack");
  CHECK(unknown.path() == "Nope");
  const auto ambiguous = thrown([&] { cdk::tools::diff_paths((root / "old/Same.template.json").string(), (root / "new").string()); });
  CHECK(ambiguous.code() == "cdk.diff.AmbiguousStack");
  const auto missing = thrown([&] { cdk::tools::diff_paths((root / "nothing.json").string(), (root / "new").string()); });
  CHECK(missing.code() == "cdk.template.ReadError");
}

TEST_CASE("the text report: cdk diff's layout, colour only when asked") {
  const auto d = diff_files("network_old.yaml", "network_new.yaml");
  std::ostringstream plain;
  cdk::tools::render_text(plain, d);
  const std::string text = plain.str();
  CHECK(text.find("[~] AWS::EC2::VPC Vpc replace\n ├─ [~] CidrBlock (requires replacement: createOnly /properties/CidrBlock)\n"
                  " │   ├─ [-] 10.0.0.0/16\n │   └─ [+] 10.1.0.0/16\n") != std::string::npos);
  CHECK(text.find("Security Group Changes\n┌───┬──────────────────┬─────┬──────────┬────────────┐\n") != std::string::npos);
  CHECK(text.find("│ + │ ${WebSg.GroupId} │ In  │ TCP 22   │ 10.0.0.0/8 │") != std::string::npos);
  CHECK(text.find("[~] Description: A network, before to A network, after\n") != std::string::npos);
  CHECK(text.find("[-] Output Gone: {\"Value\":\"gone\"}") != std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
  std::ostringstream coloured;
  cdk::tools::render_text(coloured, d, {.colour = true});
  CHECK(coloured.str().find("\x1b[33m[~]\x1b[0m") != std::string::npos);
  CHECK(coloured.str().find("\x1b[1;3;31mreplace\x1b[0m") != std::string::npos);
}

TEST_CASE("the JSON report: schema cdkpp-diff/1") {
  const auto d = cdk::tools::diff_paths(data_dir + "network_old.yaml", data_dir + "network_new.yaml");
  const auto json = cdk::synth::Json::parse(cdk::tools::to_json(d));
  CHECK(json["schema"] == "cdkpp-diff/1");
  CHECK(json["differences"] == true);
  CHECK(json["stacksWithDifferences"] == 1);
  const auto& stack = json["stacks"][0];
  CHECK(stack["status"] == "changed");
  const auto& vpc = stack["resources"][0];
  CHECK(vpc["logicalId"] == "Vpc");
  CHECK(vpc["impact"] == "replace");
  CHECK(vpc["constructPath"].is_null());
  CHECK(vpc["properties"][0] == cdk::synth::Json::parse(R"({"path":"CidrBlock","change":"updated","old":"10.0.0.0/16",
      "new":"10.1.0.0/16","impact":"replace","reason":"createOnly /properties/CidrBlock"})"));
  CHECK(stack["security"]["securityGroupRules"][0]["protocol"] == "TCP 22");
  CHECK(stack["outputs"][2]["export"]["new"] == cdk::synth::Json::parse(R"({"Fn::Sub":"${AWS::StackName}-Vpc"})"));
  const auto same = cdk::synth::Json::parse(
      cdk::tools::to_json(cdk::tools::diff_paths(data_dir + "network_old.yaml", data_dir + "network_old.yaml")));
  CHECK(same["differences"] == false);
  CHECK(same["stacks"][0]["status"] == "unchanged");
}
