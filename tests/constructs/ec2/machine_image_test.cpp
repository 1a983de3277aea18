// MachineImage: SSM-parameter-typed parameters with CDK's logical ids, per-region maps,
// default user data (machine-image.test.ts).
#include <doctest/doctest.h>

#include <cdk/ec2/machine_image.hpp>

#include "compute_support.hpp"

using namespace cdk::ec2;
using compute_test::expect_error;

namespace {
// The template CDK writes for `new CfnOutput(stack, 'Id', {value: image.getImage(stack).imageId})`.
void expect_ssm_image(const MachineImage& image, const char* logical_id, const char* parameter_name) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  compute_test::placeholder(stack);
  auto config = image.get_image(stack);
  stack.add<cdk::CfnOutput>("Id", {.value = config.image_id});
  auto t = cdk::assertions::Template::from_stack(stack);
  t.has_parameter(logical_id, cdk::Value{cdk::Map{{"Type", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"},
                                                  {"Default", parameter_name}}});
  t.has_output("Id", cdk::Value{cdk::Map{{"Value", cdk::Map{{"Ref", logical_id}}}}});
}
}  // namespace

TEST_CASE("MachineImage: Amazon Linux by SSM parameter, CDK's logical ids") {
  expect_ssm_image(AmazonLinuxImage{},
                   "SsmParameterValueawsserviceamiamazonlinuxlatestamznamihvmx8664gp2C96584B6F00A464EAD1953AFF4B05118Parameter",
                   "/aws/service/ami-amazon-linux-latest/amzn-ami-hvm-x86_64-gp2");
  expect_ssm_image(
      MachineImage::latest_amazon_linux2(),
      "SsmParameterValueawsserviceamiamazonlinuxlatestamzn2amikernel510hvmx8664gp2C96584B6F00A464EAD1953AFF4B05118Parameter",
      "/aws/service/ami-amazon-linux-latest/amzn2-ami-kernel-5.10-hvm-x86_64-gp2");
  expect_ssm_image(MachineImage::latest_amazon_linux2({.cpu_type = AmazonLinuxCpuType::Arm64}),
                   "SsmParameterValueawsserviceamiamazonlinuxlatestamzn2amikernel510hvmarm64gp2C96584B6F00A464EAD1953AFF4B05118Parameter",
                   "/aws/service/ami-amazon-linux-latest/amzn2-ami-kernel-5.10-hvm-arm64-gp2");
  expect_ssm_image(MachineImage::latest_amazon_linux2023(),
                   "SsmParameterValueawsserviceamiamazonlinuxlatestal2023amikernel61x8664C96584B6F00A464EAD1953AFF4B05118Parameter",
                   "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64");
  expect_ssm_image(MachineImage::latest_amazon_linux2023({.cpu_type = AmazonLinuxCpuType::Arm64}),
                   "SsmParameterValueawsserviceamiamazonlinuxlatestal2023amikernel61arm64C96584B6F00A464EAD1953AFF4B05118Parameter",
                   "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64");
  expect_ssm_image(MachineImage::latest_windows("Windows_Server-2022-English-Full-Base"),
                   "SsmParameterValueawsserviceamiwindowslatestWindowsServer2022EnglishFullBaseC96584B6F00A464EAD1953AFF4B05118Parameter",
                   "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base");
  expect_ssm_image(MachineImage::from_ssm_parameter("/my/ami"),
                   "SsmParameterValuemyamiC96584B6F00A464EAD1953AFF4B05118Parameter", "/my/ami");
  CHECK(AmazonLinuxImage::ssm_parameter_name({.generation = AmazonLinuxGeneration::AmazonLinux2,
                                              .edition = AmazonLinuxEdition::Minimal,
                                              .storage = AmazonLinuxStorage::Ebs}) ==
        "/aws/service/ami-amazon-linux-latest/amzn2-ami-minimal-hvm-x86_64-ebs");
}

TEST_CASE("MachineImage: one parameter per stack and name") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  compute_test::placeholder(stack);
  auto a = MachineImage::latest_amazon_linux2023().get_image(stack);
  auto& child = stack.add<cdk::Construct>("Child");
  auto b = MachineImage::latest_amazon_linux2023().get_image(child);
  CHECK(a.image_id == b.image_id);
  stack.add<cdk::CfnOutput>("A", {.value = a.image_id});
  auto params = cdk::assertions::Template::from_stack(stack).find_parameters("*");
  CHECK(params.size() == 2);  // the image's and BootstrapVersion
}

TEST_CASE("MachineImage: OS type and default user data") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  compute_test::placeholder(stack);
  auto linux_image = MachineImage::latest_amazon_linux2023().get_image(stack);
  CHECK(linux_image.os_type == OperatingSystemType::Linux);
  CHECK(linux_image.user_data.render() == cdk::Value{"#!/bin/bash"});
  auto windows = MachineImage::latest_windows("Windows_Server-2022-English-Full-Base").get_image(stack);
  CHECK(windows.os_type == OperatingSystemType::Windows);
  CHECK(windows.user_data.render() == cdk::Value{"<powershell></powershell>"});
  auto own = UserData::for_linux();
  own.add_commands({"echo"});
  auto given = MachineImage::from_ssm_parameter("/p", {.user_data = own}).get_image(stack);
  CHECK(given.user_data == own);
  // Each get_image without a given script gives a fresh one.
  auto image = MachineImage::latest_amazon_linux2023();
  CHECK_FALSE(image.get_image(stack).user_data == image.get_image(stack).user_data);
}

TEST_CASE("MachineImage: generic Linux image, agnostic stack: a mapping read with the region") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  compute_test::placeholder(stack);
  auto config = MachineImage::generic_linux({{"us-east-1", "ami-11111111"}, {"eu-west-1", "ami-22222222"}})
                    .get_image(stack);
  stack.add<cdk::CfnOutput>("Id", {.value = config.image_id});
  compute_test::expect_section(stack, "Mappings",
                               R"({"AmiMap": {"us-east-1": {"ami": "ami-11111111"}, "eu-west-1": {"ami": "ami-22222222"}}})");
  compute_test::expect_section(stack, "Outputs",
                               R"({"Id": {"Value": {"Fn::FindInMap": ["AmiMap", {"Ref": "AWS::Region"}, "ami"]}}})");
  auto windows = MachineImage::generic_windows({{"us-east-1", "ami-3"}}).get_image(stack.add<cdk::Construct>("W"));
  CHECK(windows.os_type == OperatingSystemType::Windows);
}

TEST_CASE("MachineImage: generic image, stack with a region: the literal id, or an error") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto image = MachineImage::generic_linux({{"us-east-1", "ami-11111111"}, {"eu-west-1", "ami-22222222"}});
  CHECK(image.get_image(stack).image_id == cdk::Value{"ami-22222222"});
  auto& other = app.add<cdk::Stack>("T", {.env = {.region = "ap-south-1"}});
  auto m = expect_error([&] { image.get_image(other); }, "cdk.ec2.InvalidMachineImage", "T");
  CHECK(m.find("no AMI specified for region 'ap-south-1'") != std::string::npos);
}

TEST_CASE("MachineImage: storage and virtualization do not exist for Amazon Linux 2023") {
  expect_error([] { AmazonLinuxImage({.generation = AmazonLinuxGeneration::AmazonLinux2023,
                                      .storage = AmazonLinuxStorage::Ebs}); },
               "cdk.ec2.InvalidMachineImage", "");
  expect_error([] { AmazonLinuxImage({.generation = AmazonLinuxGeneration::AmazonLinux2023,
                                      .virtualization = AmazonLinuxVirt::Pv}); },
               "cdk.ec2.InvalidMachineImage", "");
}

TEST_CASE("MachineImage: resolved by EC2 at launch") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto config = MachineImage::resolve_ssm_parameter_at_launch("/my/ami", {.parameter_version = "3"}).get_image(stack);
  CHECK(config.image_id == cdk::Value{"resolve:ssm:/my/ami:3"});
  CHECK(MachineImage::resolve_ssm_parameter_at_launch("/a", {.os = OperatingSystemType::Windows}).get_image(stack).image_id ==
        cdk::Value{"resolve:ssm:/a"});
  CHECK(MachineImage::resolve_ssm_parameter_at_launch("/a", {.os = OperatingSystemType::Windows}).get_image(stack).os_type ==
        OperatingSystemType::Windows);
  CHECK(stack.children().empty());  // no parameter
}
