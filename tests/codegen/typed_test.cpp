// The generated typed classes: rendering, references, type facts, and the checks of
// properties against the registry schemas at synth.
#include <doctest/doctest.h>

#include <cdk/autoscaling/cfn_auto_scaling_group.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2/cfn_instance.hpp>
#include <cdk/ec2/cfn_vpc.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/logs/cfn_log_group.hpp>
#include <cdk/resource_type.hpp>
#include <cdk/sns/cfn_topic.hpp>
#include <cdk/sqs/cfn_queue.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using nlohmann::json;

cdk::Stack& new_stack(cdk::RootConstruct& root) {
  return root.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
}

json properties_of(cdk::Stack& stack, const std::string& logical_id) {
  return json::parse(stack.to_json())["Resources"][logical_id]["Properties"];
}

// The diagnostics synth reports for `stack`, as "[code] path: message" lines.
std::vector<std::string> synth_errors(cdk::Stack& stack) {
  try {
    stack.to_json();
  } catch (const cdk::SynthError& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(d.to_string());
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("a typed resource renders its props under the schema's names, in CDK's order") {
  cdk::RootConstruct root;
  auto& stack = new_stack(root);
  stack.add<cdk::ec2::CfnVPC>("Vpc", {
                                         .cidr_block = "10.0.0.0/16",
                                         .enable_dns_hostnames = true,
                                         .enable_dns_support = true,
                                         .instance_tenancy = "default",
                                         .tags = {{.key = "Name", .value = "S/Vpc"}},
                                     });
  CHECK(properties_of(stack, "Vpc") == json::parse(R"({"CidrBlock": "10.0.0.0/16", "EnableDnsHostnames": true,
      "EnableDnsSupport": true, "InstanceTenancy": "default", "Tags": [{"Key": "Name", "Value": "S/Vpc"}]})"));
  CHECK(json::parse(stack.to_json())["Resources"]["Vpc"]["Type"] == "AWS::EC2::VPC");
}

TEST_CASE("unset props are left out, nested structs render only when something in them is set") {
  cdk::RootConstruct root;
  auto& stack = new_stack(root);
  stack.add<cdk::autoscaling::CfnAutoScalingGroup>(
      "Asg", {.launch_template = {.launch_template_id = "lt-1", .version = "1"}, .max_size = "2", .min_size = "1"});
  CHECK(properties_of(stack, "Asg") == json::parse(R"({"LaunchTemplate": {"LaunchTemplateId": "lt-1", "Version": "1"},
      "MaxSize": "2", "MinSize": "1"})"));
}

TEST_CASE("typed props take tokens: refs, attributes and intrinsics resolve as the core does") {
  cdk::RootConstruct root;
  auto& stack = new_stack(root);
  auto& type = stack.add<cdk::CfnParameter>("InstanceType", {.type = "String"});
  auto& vpc = stack.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16"});
  auto& instance = stack.add<cdk::ec2::CfnInstance>("Host", {
                                                                .image_id = "ami-12345678",
                                                                .instance_type = type.ref(),
                                                                .security_group_ids = {vpc.attr_default_security_group()},
                                                                .user_data = cdk::Fn::base64("#!/bin/bash\necho " + vpc.ref()),
                                                            });
  stack.add<cdk::CfnOutput>("Dns", {.value = instance.attr_public_dns_name()});
  const json t = json::parse(stack.to_json());
  const json& p = t["Resources"]["Host"]["Properties"];
  CHECK(p["InstanceType"] == json::parse(R"({"Ref": "InstanceType"})"));
  CHECK(p["SecurityGroupIds"] == json::parse(R"([{"Fn::GetAtt": ["Vpc", "DefaultSecurityGroup"]}])"));
  CHECK(p["UserData"] == json::parse(R"({"Fn::Base64": {"Fn::Join": ["", ["#!/bin/bash\necho ", {"Ref": "Vpc"}]]}})"));
  CHECK(t["Outputs"]["Dns"]["Value"] == json::parse(R"({"Fn::GetAtt": ["Host", "PublicDnsName"]})"));
  CHECK(vpc.attr_cidr_block_associations().token_type() == cdk::TokenType::List);
}

TEST_CASE("a list-valued token fills a list property") {
  cdk::RootConstruct root;
  auto& stack = new_stack(root);
  auto& subnets = stack.add<cdk::CfnParameter>("Subnets", {.type = "List<AWS::EC2::Subnet::Id>"});
  stack.add<cdk::autoscaling::CfnAutoScalingGroup>(
      "Asg", {.max_size = "1", .min_size = "1", .vpc_zone_identifier = subnets.value_as_list()});
  CHECK(properties_of(stack, "Asg")["VPCZoneIdentifier"] == json::parse(R"({"Ref": "Subnets"})"));
}

TEST_CASE("set_property on a typed resource adds to, or replaces, its typed props") {
  cdk::RootConstruct root;
  auto& stack = new_stack(root);
  auto& vpc = stack.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16"});
  vpc.set_property("CidrBlock", "10.1.0.0/16");
  vpc.set_property("EnableDnsSupport", false);
  CHECK(properties_of(stack, "Vpc") == json::parse(R"({"CidrBlock": "10.1.0.0/16", "EnableDnsSupport": false})"));
}

TEST_CASE("type facts come from the schema") {
  const cdk::ResourceTypeInfo& vpc = cdk::ec2::CfnVPC::type_info();
  CHECK(vpc.type_name() == "AWS::EC2::VPC");
  CHECK(cdk::ec2::CfnVPC::CFN_RESOURCE_TYPE_NAME == "AWS::EC2::VPC");
  CHECK(vpc.documentation_url().find("aws-resource-ec2-vpc") != std::string_view::npos);
  CHECK(std::find(vpc.create_only_properties().begin(), vpc.create_only_properties().end(), "CidrBlock") !=
        vpc.create_only_properties().end());
  CHECK(std::find(vpc.attributes().begin(), vpc.attributes().end(), "VpcId") != vpc.attributes().end());
  CHECK(vpc.primary_identifier().size() == 1);
  CHECK(vpc.primary_identifier()[0] == "VpcId");
  CHECK(std::find(vpc.write_only_properties().begin(), vpc.write_only_properties().end(), "Ipv4NetmaskLength") !=
        vpc.write_only_properties().end());
  CHECK(vpc.tagging().taggable);
  CHECK(vpc.tagging().tag_property == "Tags");
  CHECK(vpc.tagging().format == cdk::TaggingInfo::Format::KeyValueList);
  CHECK(cdk::autoscaling::CfnAutoScalingGroup::type_info().tagging().format == cdk::TaggingInfo::Format::AutoScaling);
  CHECK(cdk::find_resource_type("AWS::EC2::VPC") == &vpc);
  CHECK(cdk::find_resource_type("AWS::EC2::VP") == nullptr);
  CHECK(cdk::find_resource_type("AWS::Nope::Nothing") == nullptr);
  CHECK(cdk::find_resource_type("") == nullptr);
#ifdef CDKPP_ALL_SERVICES
  CHECK(cdk::all_resource_types().size() > 1000);  // 1,584 in the schemas pinned today
#endif
  CHECK(std::is_sorted(cdk::all_resource_types().begin(), cdk::all_resource_types().end(),
                       [](auto* a, auto* b) { return a->type_name() < b->type_name(); }));
  for (const cdk::ResourceTypeInfo* type : cdk::all_resource_types()) CHECK(cdk::find_resource_type(type->type_name()) == type);
}

TEST_CASE("the shapes of a type are read through its table") {
  const cdk::ResourceTypeInfo& vpc = cdk::ec2::CfnVPC::type_info();
  const cdk::ShapeTable& table = vpc.table();
  const cdk::Shape& properties = table.shape(vpc.properties_shape());
  REQUIRE(properties.kind == cdk::ShapeKind::Object);
  CHECK(properties.closed);
  const cdk::ShapeField* tags = nullptr;
  const cdk::ShapeField* tenancy = nullptr;
  for (const auto& field : table.fields(properties)) {
    if (table.name(field) == "Tags") tags = &field;
    if (table.name(field) == "InstanceTenancy") tenancy = &field;
  }
  REQUIRE(tags);
  REQUIRE(tenancy);
  CHECK_FALSE(tags->required);
  CHECK(table.shape(tags->shape).kind == cdk::ShapeKind::Array);
  const cdk::Shape& tag = table.shape(table.shape(tags->shape).item);
  REQUIRE(tag.kind == cdk::ShapeKind::Object);
  for (const auto& field : table.fields(tag)) CHECK((table.name(field) == "Key" || table.name(field) == "Value"));
  const cdk::StringList tenancies = table.enum_values(table.shape(tenancy->shape));
  CHECK(std::find(tenancies.begin(), tenancies.end(), "dedicated") != tenancies.end());
  CHECK(table.pattern(table.shape(tenancy->shape)).empty());
}

TEST_CASE("schema checks at synth name the property path and the construct path") {
  cdk::RootConstruct root;
  auto& stack = new_stack(root);

  SUBCASE("enum values") {
    stack.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16", .instance_tenancy = "shared"});
    CHECK(synth_errors(stack) == std::vector<std::string>{
                                     "[cdk.schema.EnumValue] S/Vpc: AWS::EC2::VPC Properties.InstanceTenancy: 'shared' is "
                                     "not one of dedicated, default, host"});
  }
  SUBCASE("enum values of numbers") {
    stack.add<cdk::logs::CfnLogGroup>("Ok", {.retention_in_days = 14});
    stack.add<cdk::logs::CfnLogGroup>("Bad", {.retention_in_days = 15});
    const auto errors = synth_errors(stack);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("[cdk.schema.EnumValue] S/Bad: AWS::Logs::LogGroup Properties.RetentionInDays: 15 is not one "
                          "of 1, 3, 5, 7, 14, 30,",
                          0) == 0);
  }
  SUBCASE("numeric ranges") {
    stack.add<cdk::sqs::CfnQueue>("Queue", {.delay_seconds = 901});
    CHECK(synth_errors(stack) == std::vector<std::string>{"[cdk.schema.Range] S/Queue: AWS::SQS::Queue "
                                                          "Properties.DelaySeconds: 901 is above the maximum 900"});
  }
  SUBCASE("string lengths") {
    stack.add<cdk::sns::CfnTopic>("Topic", {.topic_name = std::string(257, 't')});
    CHECK(synth_errors(stack) == std::vector<std::string>{"[cdk.schema.Length] S/Topic: AWS::SNS::Topic "
                                                          "Properties.TopicName: is longer than 256 characters"});
  }
  SUBCASE("patterns, with Java's \\Z anchor understood") {
    stack.add<cdk::logs::CfnLogGroup>("Ok", {.log_group_name = "/app/web_1"});
    stack.add<cdk::logs::CfnLogGroup>("Bad", {.log_group_name = "app logs!"});
    const auto errors = synth_errors(stack);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("[cdk.schema.Pattern] S/Bad: AWS::Logs::LogGroup Properties.LogGroupName: 'app logs!' does "
                          "not match ",
                          0) == 0);
  }
  SUBCASE("array sizes") {
    std::vector<std::string> arns(21, "arn:aws:iam::aws:policy/ReadOnlyAccess");
    stack.add<cdk::iam::CfnRole>("Role", {.assume_role_policy_document = cdk::Map{{"Version", "2012-10-17"}},
                                          .managed_policy_arns = arns});
    CHECK(synth_errors(stack) == std::vector<std::string>{"[cdk.schema.ItemCount] S/Role: AWS::IAM::Role "
                                                          "Properties.ManagedPolicyArns: has 21 items; at most 20 allowed"});
  }
  SUBCASE("wrong value kinds, from an override") {
    auto& vpc = stack.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16"});
    vpc.add_property_override("EnableDnsSupport", cdk::List{"yes"});
    CHECK(synth_errors(stack) == std::vector<std::string>{"[cdk.schema.WrongKind] S/Vpc: AWS::EC2::VPC "
                                                          "Properties.EnableDnsSupport: expects a boolean, got [\"yes\"]"});
  }
  SUBCASE("unknown properties, from an override") {
    auto& vpc = stack.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16"});
    vpc.add_property_override("CidrBlok", "10.0.0.0/16");
    CHECK(synth_errors(stack) == std::vector<std::string>{
                                     "[cdk.schema.UnknownProperty] S/Vpc: AWS::EC2::VPC Properties: unknown property "
                                     "'CidrBlok'"});
  }
  SUBCASE("missing required properties of a generic resource of a known type") {
    stack.add<cdk::CfnResource>("Role", {.type = "AWS::IAM::Role"});
    CHECK(synth_errors(stack) == std::vector<std::string>{
                                     "[cdk.schema.RequiredProperty] S/Role: AWS::IAM::Role Properties: required property "
                                     "'AssumeRolePolicyDocument' is missing"});
  }
  SUBCASE("missing required properties of a nested struct") {
    stack.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16", .tags = {{.key = "Name"}}});
    CHECK(synth_errors(stack) == std::vector<std::string>{
                                     "[cdk.schema.RequiredProperty] S/Vpc: AWS::EC2::VPC Properties.Tags[0]: required "
                                     "property 'Value' is missing"});
  }
  SUBCASE("tokens skip the checks they cannot decide") {
    auto& tenancy = stack.add<cdk::CfnParameter>("Tenancy", {.type = "String"});
    stack.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16", .instance_tenancy = tenancy.ref()});
    stack.add<cdk::sqs::CfnQueue>("Queue", {.delay_seconds = tenancy.value_as_number()});
    CHECK(synth_errors(stack).empty());
  }
  SUBCASE("every problem is reported together") {
    stack.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16", .instance_tenancy = "shared"});
    stack.add<cdk::sqs::CfnQueue>("Queue", {.delay_seconds = -1});
    CHECK(synth_errors(stack).size() == 2);
  }
}
