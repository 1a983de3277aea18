// LaunchTemplate: CDK's LaunchTemplateData and tags (launch-template.test.ts), and errors.
#include <doctest/doctest.h>

#include "error_support.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2.hpp>
#include <cdk/ec2/launch_template.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/iam.hpp>

using namespace cdk::ec2;
using cdk::Map;
using cdk::assertions::Template;
namespace Match = cdk::assertions::Match;

namespace {

cdk::Value ref(const char* id) { return Map{{"Ref", id}}; }
cdk::Value get_att(const char* id, const char* attribute) { return Map{{"Fn::GetAtt", cdk::List{id, attribute}}}; }
cdk::Value name_tag(const char* value) { return cdk::List{Map{{"Key", "Name"}, {"Value", value}}}; }
cdk::Value tag_specifications(const char* path) {
  return cdk::List{Map{{"ResourceType", "instance"}, {"Tags", name_tag(path)}},
                   Map{{"ResourceType", "volume"}, {"Tags", name_tag(path)}}};
}

using construct_test::check_error;

}  // namespace

TEST_CASE("LaunchTemplate: an empty template holds only CDK's Name tags") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("LT");
  stack.add<LaunchTemplate>("Empty");
  Template::from_stack(stack).has_resource("AWS::EC2::LaunchTemplate", Match::object_equals({
      {"Type", "AWS::EC2::LaunchTemplate"},
      {"Properties", Match::object_equals({
          {"LaunchTemplateData", Match::object_equals({{"TagSpecifications", tag_specifications("LT/Empty")}})},
          {"TagSpecifications", cdk::List{Map{{"ResourceType", "launch-template"}, {"Tags", name_tag("LT/Empty")}}}},
      })},
  }));
}

TEST_CASE("LaunchTemplate: every prop, as CDK renders it") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("LT");
  auto& vpc = stack.add<Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 1});
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  auto& sg = stack.add<SecurityGroup>("SG", {.vpc = vpc});
  auto& lt = stack.add<LaunchTemplate>("Full", {
      .launch_template_name = "my-lt",
      .instance_type = InstanceType{"t3.small"},
      .machine_image = MachineImage::latest_amazon_linux2023(),
      .user_data = UserData::for_linux(),
      .role = role,
      .security_group = sg,
      .key_name = "my-key",
      .block_devices = {{.device_name = "/dev/xvda",
                         .volume = BlockDeviceVolume::ebs(20, {.delete_on_termination = true,
                                                               .volume_type = EbsDeviceVolumeType::Gp3})}},
      .require_imdsv2 = true,
      .http_endpoint = true,
      .http_put_response_hop_limit = 2,
      .detailed_monitoring = true,
      .ebs_optimized = true,
      .spot_options = LaunchTemplateSpotOptions{.max_price = 0.05},
      .instance_initiated_shutdown_behavior = InstanceInitiatedShutdownBehavior::Terminate,
  });
  stack.add<cdk::CfnOutput>("Id", {.value = lt.launch_template_id()});
  stack.add<cdk::CfnOutput>("Latest", {.value = lt.latest_version_number()});
  stack.add<cdk::CfnOutput>("DefaultVersion", {.value = lt.default_version_number()});
  CHECK(&lt.grant_principal() == static_cast<cdk::iam::IPrincipal*>(&role));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::InstanceProfile", {{"Roles", cdk::List{ref("Role1ABCC5F0")}}});
  CHECK(t.find_resources("AWS::IAM::InstanceProfile").front().first == "FullProfile02082016");
  t.has_resource("AWS::EC2::LaunchTemplate", {
      {"Properties", Match::object_equals({
          {"LaunchTemplateData", Match::object_equals({
              {"BlockDeviceMappings", cdk::List{Map{{"DeviceName", "/dev/xvda"},
                                                    {"Ebs", Match::object_equals({{"DeleteOnTermination", true}, {"Encrypted", true},
                                                                                 {"VolumeSize", 20}, {"VolumeType", "gp3"}})}}}},
              {"EbsOptimized", true},
              {"IamInstanceProfile", Map{{"Arn", get_att("FullProfile02082016", "Arn")}}},
              {"ImageId", ref("SsmParameterValueawsserviceamiamazonlinuxlatestal2023amikernel61x8664C96584B6F00A464EAD1953AFF4B05118Parameter")},
              {"InstanceInitiatedShutdownBehavior", "terminate"},
              {"InstanceMarketOptions", Map{{"MarketType", "spot"}, {"SpotOptions", Map{{"MaxPrice", "0.05"}}}}},
              {"InstanceType", "t3.small"},
              {"KeyName", "my-key"},
              {"MetadataOptions", Match::object_equals({{"HttpEndpoint", "enabled"}, {"HttpPutResponseHopLimit", 2}, {"HttpTokens", "required"}})},
              {"Monitoring", Map{{"Enabled", true}}},
              {"SecurityGroupIds", cdk::List{get_att("SGADB53937", "GroupId")}},
              {"TagSpecifications", tag_specifications("LT/Full")},
              {"UserData", Map{{"Fn::Base64", "#!/bin/bash"}}},
          })},
          {"LaunchTemplateName", "my-lt"},
          {"TagSpecifications", cdk::List{Map{{"ResourceType", "launch-template"}, {"Tags", name_tag("LT/Full")}}}},
      })},
      {"DependsOn", cdk::List{"Role1ABCC5F0"}},
  });
  CHECK(t.find_resources("AWS::EC2::LaunchTemplate").front().first == "FullC8C81DE8");
  t.has_output("Id", {{"Value", ref("FullC8C81DE8")}});
  t.has_output("Latest", {{"Value", get_att("FullC8C81DE8", "LatestVersionNumber")}});
  t.has_output("DefaultVersion", {{"Value", get_att("FullC8C81DE8", "DefaultVersionNumber")}});
}

TEST_CASE("LaunchTemplate: a public IP puts the security groups on a network interface") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("LT");
  auto& vpc = stack.add<Vpc>("Vpc", {.max_azs = 2});
  auto& sg = stack.add<SecurityGroup>("SG", {.vpc = vpc});
  auto& other = stack.add<SecurityGroup>("Other", {.vpc = vpc});
  auto& lt = stack.add<LaunchTemplate>("Public", {.security_group = sg, .associate_public_ip_address = true});
  lt.add_security_group(other);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::LaunchTemplate", {{"LaunchTemplateData", Match::object_equals({
      {"NetworkInterfaces", cdk::List{Map{{"AssociatePublicIpAddress", true}, {"DeviceIndex", 0},
                                          {"Groups", cdk::List{get_att("SGADB53937", "GroupId"), get_att("Other34654A52", "GroupId")}}}}},
      {"TagSpecifications", tag_specifications("LT/Public")},
  })}});
}

TEST_CASE("LaunchTemplate: bad input") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("LT");
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  auto& profile = stack.add<cdk::iam::InstanceProfile>("Profile", {.role = role});
  check_error([&] { stack.add<LaunchTemplate>("Hop", {.http_put_response_hop_limit = 65}); },
              "cdk.ec2.LaunchTemplateInvalidProps", "LT/Hop");
  check_error([&] { stack.add<LaunchTemplate>("Both", {.role = role, .instance_profile = profile}); },
              "cdk.ec2.LaunchTemplateInvalidProps", "LT/Both");
  check_error([&] { stack.add<LaunchTemplate>("Tokens", {.require_imdsv2 = true, .http_tokens = LaunchTemplateHttpTokens::Optional}); },
              "cdk.ec2.LaunchTemplateInvalidProps", "LT/Tokens");
  check_error([&] { stack.add<LaunchTemplate>("Desc", {.version_description = std::string(256, 'x')}); },
              "cdk.ec2.LaunchTemplateInvalidProps", "LT/Desc");
  auto& bare = stack.add<LaunchTemplate>("Bare");
  check_error([&] { bare.connections(); }, "cdk.ec2.LaunchTemplateNoSecurityGroup", "LT/Bare");
  check_error([&] { bare.grant_principal(); }, "cdk.ec2.LaunchTemplateNoRole", "LT/Bare");
}
