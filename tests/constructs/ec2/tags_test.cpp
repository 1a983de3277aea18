// The L2 constructs' own Name tags go through Tags::of, as CDK's, so that a user's tags
// interact with them as in CDK: values from aws-cdk-lib 2.276 for the same programs
// (/tmp/tags/vpc.js and asg.js in the session).
#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/autoscaling.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2.hpp>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

using cdk::assertions::Template;

cdk::Map tag(std::string key, std::string value) { return cdk::Map{{"Key", std::move(key)}, {"Value", std::move(value)}}; }
cdk::Map asg_tag(std::string key, bool propagate, std::string value) {
  return cdk::Map{{"Key", std::move(key)}, {"PropagateAtLaunch", propagate}, {"Value", std::move(value)}};
}

// The resource `logical_id` of `type` has exactly these tags.
void check_tags(const Template& t, const std::string& type, const std::string& logical_id, cdk::List tags) {
  const auto found = t.find_resources(type, cdk::Map{{"Properties", cdk::Map{{"Tags", cdk::Value{std::move(tags)}}}}});
  bool present = false;
  for (const auto& [id, resource] : found) present = present || id == logical_id;
  CHECK_MESSAGE(present, logical_id);
}

// Writes the template to $CDKPP_TEST_DUMP/<name>.json when that is set (for cfn-lint).
void dump(cdk::Stack& stack, const std::string& name) {
  if (const char* dir = std::getenv("CDKPP_TEST_DUMP")) std::ofstream{std::string{dir} + "/" + name + ".json"} << stack.to_json();
}

}  // namespace

TEST_CASE("tags: a user's Name on the stack does not replace the Vpc's and subnets' own (same priority, closer wins)") {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("S");
  s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 1, .nat_gateways = 1});
  cdk::Tags::of(s).add("Name", "user");
  cdk::Tags::of(s).add("Env", "dev");
  dump(s, "tags_vpc");
  const auto t = Template::from_stack(s);
  check_tags(t, "AWS::EC2::VPC", "Vpc8378EB38", {tag("Env", "dev"), tag("Name", "S/Vpc")});
  check_tags(t, "AWS::EC2::Subnet", "VpcPublicSubnet1Subnet5C2D37C4",
             {tag("aws-cdk:subnet-name", "Public"), tag("aws-cdk:subnet-type", "Public"), tag("Env", "dev"),
              tag("Name", "S/Vpc/PublicSubnet1")});
  check_tags(t, "AWS::EC2::RouteTable", "VpcPublicSubnet1RouteTable6C95E38E", {tag("Env", "dev"), tag("Name", "S/Vpc/PublicSubnet1")});
  check_tags(t, "AWS::EC2::EIP", "VpcPublicSubnet1EIPD7E02669", {tag("Env", "dev"), tag("Name", "S/Vpc/PublicSubnet1")});
  check_tags(t, "AWS::EC2::NatGateway", "VpcPublicSubnet1NATGateway4D7517AA", {tag("Env", "dev"), tag("Name", "S/Vpc/PublicSubnet1")});
  check_tags(t, "AWS::EC2::Subnet", "VpcPrivateSubnet1Subnet536B997A",
             {tag("aws-cdk:subnet-name", "Private"), tag("aws-cdk:subnet-type", "Private"), tag("Env", "dev"),
              tag("Name", "S/Vpc/PrivateSubnet1")});
  check_tags(t, "AWS::EC2::RouteTable", "VpcPrivateSubnet1RouteTableB2C5B500", {tag("Env", "dev"), tag("Name", "S/Vpc/PrivateSubnet1")});
  check_tags(t, "AWS::EC2::InternetGateway", "VpcIGWD7BA715C", {tag("Env", "dev"), tag("Name", "S/Vpc")});
}

TEST_CASE("tags: a user's Name with a higher priority wins everywhere") {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("S");
  s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 1, .nat_gateways = 1});
  cdk::Tags::of(s).add("Name", "user", {.priority = 101});
  const auto t = Template::from_stack(s);
  check_tags(t, "AWS::EC2::VPC", "Vpc8378EB38", {tag("Name", "user")});
  check_tags(t, "AWS::EC2::Subnet", "VpcPublicSubnet1Subnet5C2D37C4",
             {tag("aws-cdk:subnet-name", "Public"), tag("aws-cdk:subnet-type", "Public"), tag("Name", "user")});
  check_tags(t, "AWS::EC2::NatGateway", "VpcPublicSubnet1NATGateway4D7517AA", {tag("Name", "user")});
  check_tags(t, "AWS::EC2::InternetGateway", "VpcIGWD7BA715C", {tag("Name", "user")});
}

TEST_CASE("tags: instance and auto scaling group, PropagateAtLaunch") {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("S", {.env = {.account = "123456789012", .region = "us-east-1"}});
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 1, .nat_gateways = 0});
  const auto type = cdk::ec2::InstanceType::of(cdk::ec2::InstanceClass::Burstable3, cdk::ec2::InstanceSize::Micro);
  auto& group = s.add<cdk::autoscaling::AutoScalingGroup>(
      "Asg", {.vpc = vpc,
              .vpc_subnets = cdk::ec2::SubnetSelection{.subnet_type = cdk::ec2::SubnetType::Public},
              .instance_type = type,
              .machine_image = cdk::ec2::MachineImage::generic_linux({{"us-east-1", "ami-12345678"}})});
  s.add<cdk::ec2::Instance>("Inst", {.vpc = vpc,
                                     .vpc_subnets = cdk::ec2::SubnetSelection{.subnet_type = cdk::ec2::SubnetType::Public},
                                     .instance_type = type,
                                     .machine_image = cdk::ec2::MachineImage::generic_linux({{"us-east-1", "ami-12345678"}})});
  cdk::Tags::of(s).add("Name", "user");
  cdk::Tags::of(s).add("Env", "dev", {.apply_to_launched_instances = false});
  cdk::Tags::of(group).add("Team", "t", {.priority = 300});
  dump(s, "tags_compute");
  const auto t = Template::from_stack(s);
  check_tags(t, "AWS::EC2::SecurityGroup", "AsgInstanceSecurityGroupC53F1492", {tag("Env", "dev"), tag("Name", "S/Asg"), tag("Team", "t")});
  check_tags(t, "AWS::IAM::Role", "AsgInstanceRole7946982D", {tag("Env", "dev"), tag("Name", "S/Asg"), tag("Team", "t")});
  check_tags(t, "AWS::AutoScaling::AutoScalingGroup", "AsgASGD1D7B4E2",
             {asg_tag("Env", false, "dev"), asg_tag("Name", true, "S/Asg"), asg_tag("Team", true, "t")});
  check_tags(t, "AWS::EC2::SecurityGroup", "InstInstanceSecurityGroup632E3E9E", {tag("Env", "dev"), tag("Name", "S/Inst")});
  check_tags(t, "AWS::IAM::Role", "InstInstanceRole5C66C0AF", {tag("Env", "dev"), tag("Name", "S/Inst")});
  check_tags(t, "AWS::EC2::Instance", "Inst8D012A14", {tag("Env", "dev"), tag("Name", "S/Inst")});
}

TEST_CASE("tags: a launch template's tags reach the tag specifications of what it launches and of itself") {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("S");
  s.add<cdk::ec2::LaunchTemplate>(
      "LT", {.instance_type = cdk::ec2::InstanceType::of(cdk::ec2::InstanceClass::Burstable3, cdk::ec2::InstanceSize::Micro)});
  cdk::Tags::of(s).add("Env", "dev");
  cdk::Tags::of(s).add("Name", "user");
  const cdk::List tags{tag("Env", "dev"), tag("Name", "S/LT")};
  Template::from_stack(s).has_resource_properties(
      "AWS::EC2::LaunchTemplate",
      cdk::Map{{"LaunchTemplateData",
                cdk::Map{{"InstanceType", "t3.micro"},
                         {"TagSpecifications", cdk::List{cdk::Map{{"ResourceType", "instance"}, {"Tags", tags}},
                                                         cdk::Map{{"ResourceType", "volume"}, {"Tags", tags}}}}}},
               {"TagSpecifications", cdk::List{cdk::Map{{"ResourceType", "launch-template"}, {"Tags", tags}}}}});
}
