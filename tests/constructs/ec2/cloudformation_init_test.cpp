// CloudFormationInit: the AWS::CloudFormation::Init metadata, key for key and in CDK's key
// order (the order matters: CDK's fingerprint hashes the JSON text), and bad input.
#include <doctest/doctest.h>

#include "error_support.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2/cloudformation_init.hpp>
#include <cdk/iam.hpp>
#include <string>

using namespace cdk::ec2;
using cdk::assertions::Template;

namespace {

const cdk::Value& get(const cdk::Value& map, const std::string& key) {
  for (const auto& [k, v] : map.as_map()) {
    if (k == key) return v;
  }
  FAIL("no key " << key);
  static cdk::Value none;
  return none;
}

/// The metadata `init` renders, as it appears in the synthesized template.
cdk::Value rendered(cdk::Stack& stack, const CloudFormationInit& init, InitPlatform platform = InitPlatform::Linux) {
  auto& res = stack.add<cdk::CfnResource>("Res", {.type = "AWS::CloudFormation::WaitConditionHandle"});
  res.options().metadata.emplace_back("AWS::CloudFormation::Init", init.bind({.platform = platform, .path = res.path()}));
  auto t = Template::from_stack(stack).to_value();
  return get(get(get(get(t, "Resources"), "Res"), "Metadata"), "AWS::CloudFormation::Init");
}

cdk::Value json(const std::string& text) { return Template::from_string(text).to_value(); }

using construct_test::check_error;

}  // namespace

TEST_CASE("CloudFormationInit: every element type, rendered as CDK renders it") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& role = stack.add<cdk::CfnResource>("Role1ABCC5F0", {.type = "Custom::Role"});
  InitServiceRestartHandle handle;
  auto init = CloudFormationInit::from_config_sets({
      .config_sets = {{"default", {"one", "two", "empty"}}, {"other", {"two"}}},
      .configs = {
          {"one", InitConfig{{
                      InitPackage::yum("nginx", {.service_restart_handles = {handle}}),
                      InitPackage::yum("git", {.version = {"1.2", "1.3"}}),
                      InitPackage::rpm("https://x/y.rpm"),
                      InitPackage::python("boto3"),
                      InitPackage::ruby_gem("rake"),
                      InitPackage::apt("curl"),
                      InitGroup::from_name("web"),
                      InitGroup::from_name("db", 501),
                      InitUser::from_name("bob", {.home_dir = "/home/bob", .user_id = 1001, .groups = {"web"}}),
                      InitUser::from_name("al"),
                      InitSource::from_url("/opt/src", "https://x/src.tgz", {.service_restart_handles = {handle}}),
                      InitSource::from_git_hub("/opt/gh", "aws", "cdk"),
                  }}},
          {"two", InitConfig{{
                      InitFile::from_string("/etc/a.conf", "hello\nworld", {.service_restart_handles = {handle}}),
                      InitFile::from_string("/etc/b.conf", "aGk=",
                                            {.mode = "000600", .owner = "bob", .group = "web", .base64_encoded = true}),
                      InitFile::from_object("/etc/c.json", {{"a", 1},
                                                            {"b", cdk::Map{{"c", "d"}}},
                                                            {"r", role.get_att("Arn")}}),
                      InitFile::from_url("/etc/d", "https://x/d"),
                      InitFile::symlink("/etc/e", "/etc/a.conf"),
                      InitCommand::shell_command("echo hi", {.service_restart_handles = {handle}}),
                      InitCommand::argv_command({"ls", "-l"}, {.key = "10-ls",
                                                               .env = {{"A", "b"}},
                                                               .cwd = "/tmp",
                                                               .test_cmd = "true",
                                                               .ignore_errors = true}),
                      InitService::enable("nginx", {.service_restart_handle = handle}),
                      InitService::disable("sendmail"),
                      InitService::enable("x", {.enabled = false}),
                  }}},
          {"empty", InitConfig{}},
      },
  });
  // What aws-cdk-lib 2.276 writes for the same program.
  CHECK(rendered(stack, init) == json(R"({"configSets":{"default":["one","two"],"other":["two"]},"one":{"packages":{"yum":{"nginx":[],"git":["1.2","1.3"]},"rpm":{"002":["https://x/y.rpm"]},"python":{"boto3":[]},"rubygems":{"rake":[]},"apt":{"curl":[]}},"groups":{"web":{},"db":{"gid":501}},"users":{"bob":{"uid":1001,"groups":["web"],"homeDir":"/home/bob"},"al":{}},"sources":{"/opt/src":"https://x/src.tgz","/opt/gh":"https://github.com/aws/cdk/tarball/master"}},"two":{"files":{"/etc/a.conf":{"content":"hello\nworld","encoding":"plain","mode":"000644","owner":"root","group":"root"},"/etc/b.conf":{"content":"aGk=","encoding":"base64","mode":"000600","owner":"bob","group":"web"},"/etc/c.json":{"content":{"a":1,"b":{"c":"d"},"r":{"Fn::GetAtt":["Role1ABCC5F0","Arn"]}},"mode":"000644","owner":"root","group":"root"},"/etc/d":{"source":"https://x/d","mode":"000644","owner":"root","group":"root"},"/etc/e":{"content":"/etc/a.conf","encoding":"plain","mode":"120644","owner":"root","group":"root"}},"commands":{"000":{"command":"echo hi"},"10-ls":{"command":["ls","-l"],"env":{"A":"b"},"cwd":"/tmp","test":"true","ignoreErrors":true}},"services":{"sysvinit":{"nginx":{"enabled":true,"ensureRunning":true,"commands":["000"],"files":["/etc/a.conf"],"packages":{"yum":["nginx"]},"sources":["/opt/src"]},"sendmail":{"enabled":false,"ensureRunning":false},"x":{"enabled":false,"ensureRunning":false}}}}})"));
}

TEST_CASE("CloudFormationInit: from_elements is config 'config' in set 'default'") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto init = CloudFormationInit::from_elements({InitCommand::shell_command("echo a")});
  CHECK(rendered(stack, init) ==
        json(R"({"configSets":{"default":["config"]},"config":{"commands":{"000":{"command":"echo a"}}}})"));
}

TEST_CASE("CloudFormationInit: Windows rendering") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto init = CloudFormationInit::from_elements({
      InitPackage::msi("https://x/a.msi"),
      InitFile::from_string("c:\\a.txt", "x"),
      InitCommand::shell_command("dir", {.wait_after_completion = std::chrono::seconds{30}}),
      InitService::enable("svc"),
  });
  CHECK(rendered(stack, init, InitPlatform::Windows) ==
        json(R"({"configSets":{"default":["config"]},"config":{"packages":{"msi":{"000":["https://x/a.msi"]}},"files":{"c:\\a.txt":{"content":"x","encoding":"plain"}},"commands":{"000":{"command":"dir","waitAfterCompletion":30}},"services":{"windows":{"svc":{"enabled":true,"ensureRunning":true}}}}})"));
}

TEST_CASE("CloudFormationInit: bad input") {
  check_error([] { InitFile::from_string("/a", ""); }, "cdk.ec2.InitEmptyContent");
  check_error([] { InitCommand::argv_command({}); }, "cdk.ec2.InitEmptyArgv");
  check_error([] { InitFile::symlink("/a", "/b", {.mode = "000644"}); }, "cdk.ec2.InitSymlinkMode");
  check_error([] { InitFile::from_file_inline("/a", "/nonexistent/file"); }, "cdk.ec2.InitFileRead");
  check_error([] { CloudFormationInit::from_config_sets({.config_sets = {{"default", {"nope"}}}}); },
              "cdk.ec2.InitUnknownConfig");
  check_error(
      [] {
        auto init = CloudFormationInit::from_elements({});
        init.add_config("config", {});
      },
      "cdk.ec2.InitDuplicateConfig");
  check_error(
      [] {
        auto init = CloudFormationInit::from_elements({});
        init.add_config_set("default");
      },
      "cdk.ec2.InitDuplicateConfigSet");

  auto bind_on = [](InitPlatform platform, AnyInitElement element) {
    CloudFormationInit::from_elements({std::move(element)}).bind({.platform = platform, .path = "S/Res"});
  };
  check_error([&] { bind_on(InitPlatform::Linux, InitPackage::msi("x")); }, "cdk.ec2.InitPlatform", "S/Res");
  check_error([&] { bind_on(InitPlatform::Windows, InitPackage::yum("x")); }, "cdk.ec2.InitPlatform", "S/Res");
  check_error([&] { bind_on(InitPlatform::Linux, InitCommand::shell_command("x", {.wait_after_completion = std::chrono::seconds{1}})); },
              "cdk.ec2.InitPlatform", "S/Res");
  check_error([&] { bind_on(InitPlatform::Windows, InitUser::from_name("u")); }, "cdk.ec2.InitPlatform", "S/Res");
  check_error([&] { bind_on(InitPlatform::Windows, InitGroup::from_name("g")); }, "cdk.ec2.InitPlatform", "S/Res");
  check_error([&] { bind_on(InitPlatform::Windows, InitFile::from_string("f", "x", {.owner = "me"})); },
              "cdk.ec2.InitPlatform", "S/Res");
  check_error([&] { bind_on(InitPlatform::Linux, InitPackage::yum("")); }, "cdk.ec2.InitPackageName", "S/Res");
}

TEST_CASE("CloudFormationInit::attach: metadata, CDK's fingerprint, cfn-init / cfn-signal lines, role permissions") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  auto& res = stack.add<cdk::CfnResource>("Res2", {.type = "AWS::CloudFormation::WaitConditionHandle"});
  auto user_data = UserData::for_linux();
  auto init = CloudFormationInit::from_elements({InitCommand::shell_command("echo a")});
  init.attach(res, {.instance_role = role, .user_data = user_data});
  // A second attach with every option, as in CDK's test program.
  auto& res3 = stack.add<cdk::CfnResource>("Res3", {.type = "AWS::CloudFormation::WaitConditionHandle"});
  auto user_data2 = UserData::for_linux();
  init.attach(res3, {.instance_role = role, .user_data = user_data2, .config_sets = {"default"}, .embed_fingerprint = false,
                     .print_log = false, .ignore_failures = true, .include_url = true, .include_role = true});
  stack.add<cdk::CfnOutput>("UD", {.value = cdk::Fn::base64(user_data.render())});
  stack.add<cdk::CfnOutput>("UD2", {.value = cdk::Fn::base64(user_data2.render())});
  auto t = Template::from_stack(stack);
  auto ref = [](const char* id) { return cdk::Value{cdk::Map{{"Ref", id}}}; };
  // aws-cdk-lib 2.276 writes fingerprint b7df2700916b843b for this config (same program).
  t.has_output("UD", {{"Value", cdk::Map{{"Fn::Base64", cdk::Map{{"Fn::Join", cdk::List{"", cdk::List{
      "#!/bin/bash\n# fingerprint: " + std::string{"b7df2700916b843b"} + "\n(\n  set +e\n  /opt/aws/bin/cfn-init -v --region ",
      ref("AWS::Region"), " --stack ", ref("AWS::StackName"), " --resource Res2 -c default\n  /opt/aws/bin/cfn-signal -e $? --region ",
      ref("AWS::Region"), " --stack ", ref("AWS::StackName"), " --resource Res2\n  cat /var/log/cfn-init.log >&2\n)"}}}}}}}});
  t.has_output("UD2", {{"Value", cdk::Map{{"Fn::Base64", cdk::Map{{"Fn::Join", cdk::List{"", cdk::List{
      "#!/bin/bash\n(\n  set +e\n  /opt/aws/bin/cfn-init -v --region ", ref("AWS::Region"), " --stack ", ref("AWS::StackName"),
      " --resource Res3 --url https://cloudformation.", ref("AWS::Region"), ".", ref("AWS::URLSuffix"), " --role ",
      ref("Role1ABCC5F0"), " -c default\n  /opt/aws/bin/cfn-signal -e 0 --region ", ref("AWS::Region"), " --stack ",
      ref("AWS::StackName"), " --resource Res3 --url https://cloudformation.", ref("AWS::Region"), ".", ref("AWS::URLSuffix"),
      " --role ", ref("Role1ABCC5F0"), "\n)"}}}}}}}});
  t.has_resource_properties("AWS::IAM::Policy", {{"PolicyDocument", cdk::Map{{"Statement", cdk::List{cdk::Map{
      {"Action", cdk::List{"cloudformation:DescribeStackResource", "cloudformation:SignalResource"}},
      {"Effect", "Allow"},
      {"Resource", ref("AWS::StackId")}}}}}}});

  check_error([&] { init.attach(res, {.instance_role = role, .user_data = user_data}); }, "cdk.ec2.InitAlreadyAttached", "S/Res2");
  auto& res4 = stack.add<cdk::CfnResource>("Res4", {.type = "AWS::CloudFormation::WaitConditionHandle"});
  check_error([&] { init.attach(res4, {.instance_role = role, .user_data = user_data, .platform = OperatingSystemType::Unknown}); },
              "cdk.ec2.InitUnknownPlatform", "S/Res4");
}
