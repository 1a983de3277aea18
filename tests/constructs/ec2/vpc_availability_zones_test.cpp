// Which AZs a Vpc spans: Fn::GetAZs in environment-agnostic stacks, the context's list
// for a known region, and CDK's dummy AZs plus a "missing" manifest entry when the
// context does not have it yet.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "vpc_support.hpp"

using namespace vpc_test;
using namespace cdk::ec2;

namespace {
const char* kUsEast1Key = "availability-zones:account=123456789012:region=us-east-1";

cdk::Value select_az(int i) {
  return cdk::Map{{"Fn::Select", cdk::List{i, cdk::Map{{"Fn::GetAZs", ""}}}}};
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in{path};
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("AZs: an environment-agnostic stack has two, Fn::Select of Fn::GetAZs") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Agnostic");
  auto& vpc = stack.add<Vpc>("Vpc");  // max_azs 3, but only two are known
  CHECK(vpc.availability_zones().size() == 2);
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::Subnet", 4);
  t.has_resource_properties("AWS::EC2::Subnet", {{"AvailabilityZone", select_az(0)}, {"CidrBlock", "10.0.0.0/18"}});
  t.has_resource_properties("AWS::EC2::Subnet", {{"AvailabilityZone", select_az(1)}, {"CidrBlock", "10.0.192.0/18"}});
  CHECK(app.missing_context().empty());
}

TEST_CASE("AZs: a stack with a region reads them from the context, max_azs of them") {
  cdk::App app{{.context = {{kUsEast1Key, cdk::Value{std::vector<std::string>{"us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"}}}}}};
  auto& stack = test_stack(app);
  auto& three = stack.add<Vpc>("Three");
  auto& two = stack.add<Vpc>("Two", {.max_azs = 2});
  auto& all = stack.add<Vpc>("All", {.max_azs = 99});
  CHECK(three.availability_zones() == std::vector<cdk::Value>{"us-east-1a", "us-east-1b", "us-east-1c"});
  CHECK(two.availability_zones() == std::vector<cdk::Value>{"us-east-1a", "us-east-1b"});
  CHECK(all.availability_zones().size() == 4);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::Subnet", {{"AvailabilityZone", "us-east-1c"}, {"Tags", name_tag("TestStack/Three/PrivateSubnet3")}});
  CHECK(app.missing_context().empty());
}

TEST_CASE("AZs: explicit availability_zones") {
  SUBCASE("a subset of the region's") {
    cdk::App app{{.context = {{kUsEast1Key, cdk::Value{std::vector<std::string>{"us-east-1a", "us-east-1b", "us-east-1c"}}}}}};
    auto& stack = test_stack(app);
    stack.add<Vpc>("VPC", {.availability_zones = std::vector<std::string>{"us-east-1b"}});
    auto t = Template::from_stack(stack);
    t.resource_count_is("AWS::EC2::Subnet", 2);
    t.all_resources_properties("AWS::EC2::Subnet", {{"AvailabilityZone", "us-east-1b"}});
  }
  SUBCASE("not checked while the region's list is unknown (dummy AZs)") {
    cdk::App app;
    auto& stack = test_stack(app);
    CHECK_NOTHROW(stack.add<Vpc>("VPC", {.availability_zones = std::vector<std::string>{"us-east-1a"}}));
  }
  SUBCASE("in an environment-agnostic stack") {
    cdk::App app;
    auto& stack = app.add<cdk::Stack>("TestStack");
    stack.add<Vpc>("VPC", {.availability_zones = std::vector<std::string>{"us-east-1a"}});
    auto t = Template::from_stack(stack);
    t.resource_count_is("AWS::EC2::Subnet", 2);
    t.has_resource_properties("AWS::EC2::Subnet", {{"AvailabilityZone", "us-east-1a"}});
  }
}

TEST_CASE("AZs: missing context gives CDK's dummy AZs and a missing lookup in the manifest") {
  const auto outdir = std::filesystem::temp_directory_path() / "cdkpp_vpc_missing_context";
  std::filesystem::remove_all(outdir);
  cdk::App app{{.outdir = outdir.string()}};
  auto& stack = test_stack(app, "EnvVpc");
  auto& vpc = stack.add<Vpc>("Vpc");
  stack.add<Vpc>("Other");  // the same lookup is reported once
  CHECK(vpc.availability_zones() == std::vector<cdk::Value>{"dummy1a", "dummy1b", "dummy1c"});
  REQUIRE(app.missing_context().size() == 1);
  const auto& missing = app.missing_context()[0];
  CHECK(missing.key == kUsEast1Key);
  CHECK(missing.provider == "availability-zones");
  CHECK(cdk::Value{missing.props} ==
        cdk::Value{cdk::Map{{"dummyValue", cdk::Value{std::vector<std::string>{"dummy1a", "dummy1b", "dummy1c"}}},
                            {"account", "123456789012"},
                            {"region", "us-east-1"},
                            {"lookupRoleArn", "arn:${AWS::Partition}:iam::123456789012:role/cdk-hnb659fds-lookup-role-123456789012-us-east-1"}}});

  app.synth();
  const auto manifest = read_file(outdir / "manifest.json");
  // CDK's manifest.json for the same program, key for key.
  CHECK_MESSAGE(contains(manifest, R"("missing": [
    {
      "key": "availability-zones:account=123456789012:region=us-east-1",
      "provider": "availability-zones",
      "props": {
        "dummyValue": [
          "dummy1a",
          "dummy1b",
          "dummy1c"
        ],
        "account": "123456789012",
        "region": "us-east-1",
        "lookupRoleArn": "arn:${AWS::Partition}:iam::123456789012:role/cdk-hnb659fds-lookup-role-123456789012-us-east-1"
      }
    }
  ])"), manifest);
  std::filesystem::remove_all(outdir);
}

TEST_CASE("AZs: the legacy synthesizer has no lookup role; a found key reports nothing") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Legacy", {.env = {.account = "123456789012", .region = "eu-west-1"},
                                               .synthesizer = cdk::LegacyStackSynthesizer{}});
  stack.add<Vpc>("Vpc");
  REQUIRE(app.missing_context().size() == 1);
  CHECK(app.missing_context()[0].props.size() == 3);

  cdk::App found{{.context = {{"availability-zones:account=123456789012:region=eu-west-1",
                               cdk::Value{std::vector<std::string>{"eu-west-1a", "eu-west-1b"}}}}}};
  auto& s = found.add<cdk::Stack>("S", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  CHECK(s.add<Vpc>("Vpc").availability_zones().size() == 2);
  CHECK(found.missing_context().empty());
}

TEST_CASE("AZs: a context value that is not a list of strings is an error") {
  cdk::App app{{.context = {{kUsEast1Key, "us-east-1a"}}}};
  auto& stack = test_stack(app);
  CHECK_VPC_ERROR(stack.add<Vpc>("Vpc"), cdk::errc::InvalidContext, "TestStack/Vpc", "must be a list of strings");
}
