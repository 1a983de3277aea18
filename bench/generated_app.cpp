#include "generated_app.hpp"

#include <algorithm>
#include <string>

#include <cdk/cdk.hpp>

namespace bench {

namespace {

// Each group is a small "service": five resources that refer to each other, nested one
// level below the stack so their logical ids take the hashed form, as L2 constructs do.
constexpr std::size_t kGroupSize = 5;

struct StackShared {
  cdk::CfnParameter* instance_type;
  cdk::CfnParameter* key_name;
  cdk::CfnParameter* environment;
  cdk::CfnMapping* region_map;
  cdk::CfnCondition* is_prod;
};

StackShared add_shared_elements(cdk::Stack& stack) {
  StackShared s{};
  s.instance_type = &stack.add<cdk::CfnParameter>(
      "InstanceType", {.type = "String",
                       .default_value = cdk::Value{"t3.micro"},
                       .allowed_values = {"t3.micro", "t3.small", "m5.large"},
                       .description = "EC2 instance type"});
  s.key_name = &stack.add<cdk::CfnParameter>(
      "KeyName", {.type = "AWS::EC2::KeyPair::KeyName", .description = "SSH key pair"});
  s.environment = &stack.add<cdk::CfnParameter>(
      "Environment", {.type = "String", .default_value = cdk::Value{"dev"}, .allowed_values = {"dev", "prod"}});
  s.region_map = &stack.add<cdk::CfnMapping>(
      "RegionMap", {.mapping = {{"us-east-1", {{"AMI", "ami-0abcdef1234567890"}}},
                                {"eu-west-1", {{"AMI", "ami-0fedcba9876543210"}}},
                                {"ap-south-1", {{"AMI", "ami-00112233445566778"}}}}});
  s.is_prod = &stack.add<cdk::CfnCondition>(
      "IsProd", {.expression = cdk::Fn::condition_equals(s.environment->ref(), "prod")});
  return s;
}

cdk::Value tags(const std::string& name) {
  return cdk::List{cdk::Map{{"Key", "Name"}, {"Value", cdk::Aws::stack_name() + "-" + name}},
                   cdk::Map{{"Key", "Team"}, {"Value", "platform"}}};
}

// Adds up to kGroupSize resources (fewer for the last group of an odd-sized stack).
void add_group(cdk::Stack& stack, const StackShared& s, std::size_t index, std::size_t count) {
  const std::string name = "Service" + std::to_string(index);
  auto& group = stack.add<cdk::Construct>(name);

  auto& bucket = group.add<cdk::CfnResource>(
      "Bucket", {.type = "AWS::S3::Bucket",
                 .properties = {{"VersioningConfiguration", cdk::Map{{"Status", "Enabled"}}},
                                {"Tags", tags(name)}}});
  bucket.options().deletion_policy = cdk::CfnDeletionPolicy::Retain;
  bucket.options().update_replace_policy = cdk::CfnDeletionPolicy::Retain;
  if (count < 2) return;

  auto& queue = group.add<cdk::CfnResource>(
      "Queue", {.type = "AWS::SQS::Queue",
                .properties = {{"VisibilityTimeout", 300},
                               {"QueueName", cdk::Fn::join("-", {cdk::Aws::stack_name(), name, "queue"})},
                               {"Tags", tags(name)}}});
  if (count < 3) return;

  auto& security_group = group.add<cdk::CfnResource>(
      "SecurityGroup",
      {.type = "AWS::EC2::SecurityGroup",
       .properties = {{"GroupDescription", "Security group of " + name},
                      {"SecurityGroupIngress",
                       cdk::List{cdk::Map{{"IpProtocol", "tcp"}, {"FromPort", 443}, {"ToPort", 443}, {"CidrIp", "0.0.0.0/0"}},
                                 cdk::Map{{"IpProtocol", "tcp"}, {"FromPort", 22}, {"ToPort", 22}, {"CidrIp", "10.0.0.0/8"}}}},
                      {"Tags", tags(name)}}});
  if (count < 4) return;

  const cdk::Value assume_role_policy = cdk::Map{
      {"Version", "2012-10-17"},
      {"Statement", cdk::List{cdk::Map{{"Effect", "Allow"},
                                       {"Principal", cdk::Map{{"Service", "ec2." + cdk::Aws::url_suffix()}}},
                                       {"Action", "sts:AssumeRole"}}}}};
  const cdk::Value access_policy = cdk::Map{
      {"Version", "2012-10-17"},
      {"Statement", cdk::List{cdk::Map{{"Effect", "Allow"},
                                       {"Action", cdk::List{"s3:GetObject", "s3:PutObject"}},
                                       {"Resource", bucket.get_att("Arn") + "/*"}},
                              cdk::Map{{"Effect", "Allow"}, {"Action", "sqs:SendMessage"}, {"Resource", queue.get_att("Arn")}}}}};
  auto& role = group.add<cdk::CfnResource>(
      "Role", {.type = "AWS::IAM::Role",
               .properties = {{"AssumeRolePolicyDocument", assume_role_policy},
                              {"Policies", cdk::List{cdk::Map{{"PolicyName", "Access"}, {"PolicyDocument", access_policy}}}}}});
  if (count < 5) return;

  auto& instance = group.add<cdk::CfnResource>(
      "Instance",
      {.type = "AWS::EC2::Instance",
       .properties = {
           {"ImageId", s.region_map->find_in_map(cdk::Aws::region(), "AMI")},
           {"InstanceType", s.is_prod->if_("m5.large", s.instance_type->ref())},
           {"KeyName", s.key_name->ref()},
           {"SecurityGroupIds", cdk::List{security_group.get_att("GroupId")}},
           {"UserData", cdk::Fn::base64(cdk::Fn::join("", {"#!/bin/bash -xe\n", "echo ", queue.get_att("QueueUrl"),
                                                           " > /etc/queue\n", "aws s3 ls s3://", bucket.ref(),
                                                           " --region ", cdk::Aws::region(), "\n"}))},
           {"Tags", tags(name)}}});
  instance.add_depends_on(role);

  stack.add<cdk::CfnOutput>(name + "Dns", {.value = instance.get_att("PublicDnsName"),
                                           .description = "Public DNS name of " + name});
}

}  // namespace

void build_generated_app(cdk::App& app, std::size_t resources) {
  std::size_t stack_index = 0;
  for (std::size_t left = resources; left > 0; ++stack_index) {
    const std::size_t in_stack = std::min(left, kResourcesPerStack);
    left -= in_stack;
    auto& stack = app.add<cdk::Stack>("BenchStack" + std::to_string(stack_index),
                                      {.description = "Generated benchmark stack"});
    const StackShared shared = add_shared_elements(stack);
    for (std::size_t done = 0, group = 0; done < in_stack; done += kGroupSize, ++group)
      add_group(stack, shared, group, std::min(kGroupSize, in_stack - done));
  }
}

}  // namespace bench
