// UserData: Linux, Windows and custom scripts rendered exactly as CDK renders them
// (user-data.test.ts); operations custom user data does not support.
#include <doctest/doctest.h>

#include <cdk/ec2/user_data.hpp>

#include "compute_support.hpp"

using namespace cdk::ec2;
using compute_test::expect_error;

namespace {
struct Fixture {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("UdStack");
  cdk::Construct& thing = stack.add<cdk::Construct>("Thing");
  Fixture() { thing.add<cdk::CfnResource>("Resource", {.type = "AWS::SNS::Topic"}); }
};
}  // namespace

TEST_CASE("UserData: every Linux operation, as CDK renders it") {
  Fixture f;
  auto l = UserData::for_linux();
  l.add_commands({"echo hi", "echo " + f.stack.region()});
  l.add_on_exit_commands({"echo bye"});
  l.add_signal_on_exit_command(f.thing);
  auto path = l.add_s3_download_command({.bucket_name = "my-bucket", .bucket_key = "path/file.sh"});
  CHECK(path == cdk::Value{"/tmp/path/file.sh"});
  l.add_s3_download_command({.bucket_name = "my-bucket", .bucket_key = "k2", .local_file = "/opt/f", .region = "us-west-2"});
  l.add_execute_file_command({.file_path = path, .arguments = "--a 1"});
  l.add_execute_file_command({.file_path = "/x"});
  CHECK(l.os_type() == OperatingSystemType::Linux);

  auto w = UserData::for_windows({.persist = true});
  w.add_commands({"echo hi"});
  w.add_signal_on_exit_command(f.thing);
  w.add_s3_download_command({.bucket_name = "my-bucket", .bucket_key = "k"});
  w.add_execute_file_command({.file_path = "C:/x.ps1", .arguments = "-a"});

  auto c = UserData::custom("#cloud-config\nfoo: 1");
  c.add_commands({"more"});

  f.stack.add<cdk::CfnOutput>("L", {.value = l.render()});
  f.stack.add<cdk::CfnOutput>("W", {.value = w.render()});
  f.stack.add<cdk::CfnOutput>("W2", {.value = UserData::for_windows().render()});
  f.stack.add<cdk::CfnOutput>("C", {.value = c.render()});
  f.stack.add<cdk::CfnOutput>("L2", {.value = UserData::for_linux({.shebang = "#!/bin/sh"}).render()});
  // CDK 2.276's output for the same program.
  compute_test::expect_section(f.stack, "Outputs", R"json(
{"L": {"Value": {"Fn::Join": ["", ["#!/bin/bash\nfunction exitTrap(){\nexitCode=$?\necho bye\n/opt/aws/bin/cfn-signal --stack UdStack --resource Thing5BC8BEC5 --region ", {"Ref": "AWS::Region"}, " -e $exitCode || echo 'Failed to send Cloudformation Signal'\n}\ntrap exitTrap EXIT\necho hi\necho ", {"Ref": "AWS::Region"}, "\nmkdir -p $(dirname '/tmp/path/file.sh')\naws s3 cp 's3://my-bucket/path/file.sh' '/tmp/path/file.sh'\nmkdir -p $(dirname '/opt/f')\naws s3 cp 's3://my-bucket/k2' '/opt/f' --region us-west-2\nset -e\nchmod +x '/tmp/path/file.sh'\n'/tmp/path/file.sh' --a 1\nset -e\nchmod +x '/x'\n'/x'"]]}},
 "W": {"Value": {"Fn::Join": ["", ["<powershell>trap {\n$success=($PSItem.Exception.Message -eq \"Success\")\ncfn-signal --stack UdStack --resource Thing5BC8BEC5 --region ", {"Ref": "AWS::Region"}, " --success ($success.ToString().ToLower())\nbreak\n}\necho hi\nmkdir (Split-Path -Path 'C:/temp/k' ) -ea 0\nRead-S3Object -BucketName 'my-bucket' -key 'k' -file 'C:/temp/k' -ErrorAction Stop\n&'C:/x.ps1' -a\nif (!$?) { Write-Error 'Failed to execute the file \"C:/x.ps1\"' -ErrorAction Stop }\nthrow \"Success\"</powershell><persist>true</persist>"]]}},
 "W2": {"Value": "<powershell></powershell>"},
 "C": {"Value": "#cloud-config\nfoo: 1\nmore"},
 "L2": {"Value": "#!/bin/sh"}}
)json");
}

TEST_CASE("UserData: copies share one script, as CDK's object is shared") {
  auto a = UserData::for_linux();
  auto b = a;
  b.add_commands({"yum install -y nginx"});
  CHECK(a.render() == cdk::Value{"#!/bin/bash\nyum install -y nginx"});
  CHECK(a == b);
  CHECK_FALSE(a == UserData::for_linux());
}

TEST_CASE("UserData: a token in a command gives one flat Fn::Join (the newsblog user data)") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  compute_test::placeholder(stack);
  auto ud = UserData::for_linux();
  ud.add_commands({"yum install -y nginx", "chkconfig nginx on", "service nginx start"});
  ud.add_commands({"aws s3 cp s3://" + cdk::Fn::sub("cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}") +
                       "/3d87.zip /tmp/site.zip",
                   "unzip -o /tmp/site.zip -d /usr/share/nginx/html"});
  stack.add<cdk::CfnOutput>("U", {.value = ud.render()});
  compute_test::expect_section(stack, "Outputs", R"json(
{"U": {"Value": {"Fn::Join": ["", ["#!/bin/bash\nyum install -y nginx\nchkconfig nginx on\nservice nginx start\naws s3 cp s3://",
  {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"},
  "/3d87.zip /tmp/site.zip\nunzip -o /tmp/site.zip -d /usr/share/nginx/html"]]}}}
)json");
}

TEST_CASE("UserData: operations custom user data does not support") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  compute_test::placeholder(stack);
  auto c = UserData::custom("x");
  CHECK(c.os_type() == OperatingSystemType::Unknown);
  auto m = expect_error([&] { c.add_on_exit_commands({"x"}); }, "cdk.ec2.UnsupportedUserData", "");
  CHECK(m.find("custom user data does not support add_on_exit_commands") != std::string::npos);
  expect_error([&] { c.add_s3_download_command({.bucket_name = "b", .bucket_key = "k"}); },
               "cdk.ec2.UnsupportedUserData", "");
  expect_error([&] { c.add_execute_file_command({.file_path = "/x"}); }, "cdk.ec2.UnsupportedUserData", "");
  expect_error([&] { c.add_signal_on_exit_command(stack); }, "cdk.ec2.UnsupportedUserData", "");
  expect_error([] { UserData::for_operating_system(OperatingSystemType::Unknown); }, "cdk.ec2.UnsupportedUserData",
               "");
  auto& plain = stack.add<cdk::Construct>("NoResource");
  expect_error([&] { UserData::for_linux().add_signal_on_exit_command(plain); }, "cdk.ec2.UnsupportedUserData",
               "S/NoResource");
}
