// cdk::assertions::Template: loaders, every query and check, passing and failing.
#include <doctest/doctest.h>

#include "assertions_support.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <unistd.h>

using cdk::assertions::AssertionError;
using cdk::assertions::Template;
namespace Match = cdk::assertions::Match;

namespace {

using assertions_test::contains;
using assertions_test::failure;

const char* kTemplate = R"({
  "Parameters": {
    "InstanceType": {"Type": "String", "Default": "t3.micro", "AllowedValues": ["t3.micro", "t3.small"]},
    "KeyName": {"Type": "AWS::EC2::KeyPair::KeyName"}
  },
  "Mappings": {"RegionMap": {"us-east-1": {"AMI": "ami-1"}, "eu-west-1": {"AMI": "ami-2"}}},
  "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
  "Resources": {
    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
    "SubnetA": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.0.0/24"}},
    "SubnetB": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.1.0/24"},
                "DependsOn": ["Vpc"], "DeletionPolicy": "Retain"},
    "Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}
  },
  "Outputs": {
    "VpcId": {"Value": {"Ref": "Vpc"}, "Export": {"Name": "vpc-id"}},
    "SubnetA": {"Value": {"Ref": "SubnetA"}}
  }
})";

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    static int counter = 0;
    path = std::filesystem::temp_directory_path() /
           ("cdkpp-assertions-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream{path / name} << text;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("Template::resource_count_is") {
  auto t = Template::from_string(kTemplate);
  t.resource_count_is("AWS::EC2::Subnet", 2);
  t.resource_count_is("AWS::EC2::VPC", 1);
  t.resource_count_is("AWS::S3::Bucket", 0);
  CHECK(failure([&] { t.resource_count_is("AWS::EC2::Subnet", 3); }) ==
        "Expected 3 resources of type AWS::EC2::Subnet but found 2: SubnetA, SubnetB");
  CHECK(failure([&] { t.resource_count_is("AWS::EC2::Vpc", 1); }) ==
        "Expected 1 resources of type AWS::EC2::Vpc but found 0 (resource types in the template: AWS::EC2::VPC (1), "
        "AWS::EC2::Subnet (2), AWS::CloudFormation::WaitConditionHandle (1))");
}

TEST_CASE("Template::resource_properties_count_is") {
  auto t = Template::from_string(kTemplate);
  t.resource_properties_count_is("AWS::EC2::Subnet", {{"VpcId", cdk::Map{{"Ref", "Vpc"}}}}, 2);
  t.resource_properties_count_is("AWS::EC2::Subnet", {{"CidrBlock", "10.0.1.0/24"}}, 1);
  t.resource_properties_count_is("AWS::EC2::Subnet", {{"CidrBlock", "10.9.0.0/24"}}, 0);
  t.resource_properties_count_is("AWS::CloudFormation::WaitConditionHandle", {}, 1);
  auto message = failure([&] { t.resource_properties_count_is("AWS::EC2::Subnet", {{"CidrBlock", "10.0.1.0/24"}}, 2); });
  CHECK(message ==
        "Expected 2 resources of type AWS::EC2::Subnet with matching properties but found 1: SubnetB (2 of that type in "
        "the template)\nThe closest of the others is SubnetA; it differs at:\n  Expected \"10.0.1.0/24\" but received "
        "\"10.0.0.0/24\" at /Properties/CidrBlock (using object_like matcher)");
  message = failure([&] { t.resource_properties_count_is("AWS::EC2::Subnet", {{"VpcId", Match::any_value()}}, 1); });
  CHECK(contains(message, "but found 2: SubnetA, SubnetB"));
}

TEST_CASE("Template::has_resource matches the whole resource") {
  auto t = Template::from_string(kTemplate);
  t.has_resource("AWS::EC2::Subnet", {{"DependsOn", cdk::List{"Vpc"}}, {"DeletionPolicy", "Retain"}});
  t.has_resource("AWS::EC2::Subnet", {{"Properties", cdk::Map{{"CidrBlock", "10.0.0.0/24"}}}});
  t.has_resource("AWS::CloudFormation::WaitConditionHandle", {{"Properties", Match::absent()}});
  t.has_resource("AWS::EC2::VPC", {});

  auto message = failure([&] { t.has_resource("AWS::EC2::Subnet", {{"DeletionPolicy", "Delete"}}); });
  CHECK(contains(message, "Template has 2 resources with type AWS::EC2::Subnet, but none match as expected.\n"));
  // Equal costs (a missing key, a wrong value): the logical id breaks the tie, as in CDK.
  CHECK(contains(message, "The closest match is SubnetA; it differs at:\n  Missing key 'DeletionPolicy' at "
                          "/DeletionPolicy (using object_like matcher)\n"));
  CHECK(contains(message, "The 2 closest matches:\nSubnetA :: {"));
  CHECK(contains(message, "\nSubnetB :: {\n!! Expected \"Delete\" but received \"Retain\"\n  \"DeletionPolicy\": \"Retain\",\n"));
  message = failure([&] { t.has_resource("AWS::S3::Bucket", {}); });
  CHECK(message.starts_with("Template has 0 resources with type AWS::S3::Bucket.\nNo matches found (resource types in the template: "));
}

TEST_CASE("Template::has_resource_properties") {
  auto t = Template::from_string(kTemplate);
  t.has_resource_properties("AWS::EC2::VPC", {{"CidrBlock", "10.0.0.0/16"}});
  t.has_resource_properties("AWS::EC2::Subnet", {{"CidrBlock", "10.0.1.0/24"}, {"VpcId", cdk::Map{{"Ref", "Vpc"}}}});
  t.has_resource_properties("AWS::CloudFormation::WaitConditionHandle", {});
  t.has_resource_properties("AWS::EC2::VPC", cdk::Map{{"CidrBlock", Match::string_like_regexp("^10\\.")}});

  CHECK(failure([&] { t.has_resource_properties("AWS::EC2::VPC", {{"CidrBlock", "10.1.0.0/16"}}); }) ==
        "Template has 1 resources with type AWS::EC2::VPC, but none match as expected.\n"
        "The closest match is Vpc; it differs at:\n"
        "  Expected \"10.1.0.0/16\" but received \"10.0.0.0/16\" at /Properties/CidrBlock (using object_like matcher)\n"
        "The 1 closest matches:\n"
        "Vpc :: {\n"
        "  \"Properties\": {\n"
        "!!   Expected \"10.1.0.0/16\" but received \"10.0.0.0/16\"\n"
        "    \"CidrBlock\": \"10.0.0.0/16\"\n"
        "  },\n"
        "  \"Type\": \"AWS::EC2::VPC\"\n"
        "}");
  auto message = failure([&] { t.has_resource_properties("AWS::CloudFormation::WaitConditionHandle", {{"A", 1}}); });
  CHECK(contains(message, "Missing key 'A' at /Properties/A"));
}

TEST_CASE("the closest resources come first, at most three") {
  std::string resources;
  for (int i = 0; i < 5; ++i) {
    if (i) resources += ",";
    // Bucket0 differs in three keys, Bucket4 in one key.
    resources += R"("Bucket)" + std::to_string(i) + R"(": {"Type": "AWS::S3::Bucket", "Properties": {"A": )" +
                 std::to_string(i >= 2 ? 1 : 0) + R"(, "B": )" + std::to_string(i >= 3 ? 1 : 0) + R"(, "C": )" +
                 std::to_string(i >= 4 ? 1 : 0) + "}}";
  }
  auto t = Template::from_string(R"({"Resources": {)" + resources + "}}");
  auto message = failure([&] { t.has_resource_properties("AWS::S3::Bucket", {{"A", 1}, {"B", 1}, {"C", 1}, {"D", 1}}); });
  CHECK(contains(message, "Template has 5 resources with type AWS::S3::Bucket, but none match as expected.\n"));
  CHECK(contains(message, "The closest match is Bucket4; it differs at:\n  Missing key 'D' at /Properties/D (using object_like matcher)\n"));
  const auto p4 = message.find("\nBucket4 :: ");
  const auto p3 = message.find("\nBucket3 :: ");
  const auto p2 = message.find("\nBucket2 :: ");
  CHECK(p4 != std::string::npos);
  CHECK(p3 > p4);
  CHECK(p2 > p3);
  CHECK(p2 != std::string::npos);
  CHECK_FALSE(contains(message, "Bucket1 :: "));
  CHECK(contains(message, "The 3 closest matches:"));
}

TEST_CASE("Template::all_resources and all_resources_properties") {
  auto t = Template::from_string(kTemplate);
  t.all_resources("AWS::EC2::Subnet", {{"Properties", cdk::Map{{"VpcId", cdk::Map{{"Ref", "Vpc"}}}}}});
  t.all_resources_properties("AWS::EC2::Subnet", {{"CidrBlock", Match::string_like_regexp("^10\\.0\\.")}});

  CHECK(failure([&] { t.all_resources_properties("AWS::EC2::Subnet", {{"CidrBlock", "10.0.0.0/24"}}); }) ==
        "Template has 2 resource(s) with type AWS::EC2::Subnet, but only 1 match as expected.\n"
        "The following resources do not match the given definition:\n"
        "\tSubnetB\n"
        "SubnetB differs at:\n"
        "  Expected \"10.0.0.0/24\" but received \"10.0.1.0/24\" at /Properties/CidrBlock (using object_like matcher)\n"
        "SubnetB :: {\n"
        "  \"DeletionPolicy\": \"Retain\",\n"
        "  \"DependsOn\": [ \"Vpc\" ],\n"
        "  \"Properties\": {\n"
        "!!   Expected \"10.0.0.0/24\" but received \"10.0.1.0/24\"\n"
        "    \"CidrBlock\": \"10.0.1.0/24\",\n"
        "    \"VpcId\": { \"Ref\": \"Vpc\" }\n"
        "  },\n"
        "  \"Type\": \"AWS::EC2::Subnet\"\n"
        "}");
  auto message = failure([&] { t.all_resources("AWS::EC2::Subnet", {{"DeletionPolicy", "Delete"}}); });
  CHECK(contains(message, "Template has 2 resource(s) with type AWS::EC2::Subnet, but none match as expected.\n"
                          "The following resources do not match the given definition:\n\tSubnetA\n\tSubnetB\n"));
  message = failure([&] { t.all_resources("AWS::S3::Bucket", {}); });
  CHECK(contains(message, "Template has 0 resource(s) with type AWS::S3::Bucket"));
}

TEST_CASE("Template::find_resources") {
  auto t = Template::from_string(kTemplate);
  auto subnets = t.find_resources("AWS::EC2::Subnet");
  REQUIRE(subnets.size() == 2);
  CHECK(subnets[0].first == "SubnetA");
  CHECK(subnets[1].first == "SubnetB");
  CHECK(subnets[1].second.as_map()[0].first == "Type");
  auto retained = t.find_resources("AWS::EC2::Subnet", {{"DeletionPolicy", "Retain"}});
  REQUIRE(retained.size() == 1);
  CHECK(retained[0].first == "SubnetB");
  CHECK(t.find_resources("AWS::EC2::Subnet", {{"DeletionPolicy", "Delete"}}).empty());
  CHECK(t.find_resources("AWS::S3::Bucket").empty());
}

TEST_CASE("Template parameters, outputs, mappings and conditions") {
  auto t = Template::from_string(kTemplate);
  t.has_parameter("InstanceType", {{"Type", "String"}, {"Default", "t3.micro"}});
  t.has_parameter("*", {{"Type", "AWS::EC2::KeyPair::KeyName"}});
  CHECK(t.find_parameters("*").size() == 2);
  CHECK(t.find_parameters("*", {{"Type", "String"}}).size() == 1);
  CHECK(t.find_parameters("KeyName").size() == 1);
  CHECK(t.find_parameters("Nope").empty());
  CHECK(failure([&] { t.has_parameter("InstanceType", {{"Default", "t3.small"}}); }) ==
        "Template has 1 parameters named InstanceType, but none match as expected.\n"
        "The closest match is InstanceType; it differs at:\n"
        "  Expected \"t3.small\" but received \"t3.micro\" at /Default (using object_like matcher)\n"
        "The 1 closest matches:\n"
        "InstanceType :: {\n"
        "  \"AllowedValues\": [ \"t3.micro\", \"t3.small\" ],\n"
        "!! Expected \"t3.small\" but received \"t3.micro\"\n"
        "  \"Default\": \"t3.micro\",\n"
        "  \"Type\": \"String\"\n"
        "}");
  CHECK(failure([&] { t.has_parameter("Nope", {}); }) == "Template has 0 parameters named Nope.\nNo matches found");

  t.has_output("VpcId", {{"Value", cdk::Map{{"Ref", "Vpc"}}}});
  t.has_output("*", {{"Export", cdk::Map{{"Name", "vpc-id"}}}});
  CHECK(t.find_outputs("*").size() == 2);
  CHECK(t.find_outputs("*", {{"Export", Match::absent()}}).size() == 1);
  auto message = failure([&] { t.has_output("*", {{"Export", cdk::Map{{"Name", "subnet-id"}}}}); });
  CHECK(contains(message, "Template has 2 outputs named *, but none match as expected."));
  CHECK(contains(message, "The closest match is SubnetA; it differs at:\n  Missing key 'Export' at /Export"));
  CHECK(contains(message, "  \"Export\": {\n!!   Expected \"subnet-id\" but received \"vpc-id\"\n    \"Name\": \"vpc-id\"\n  },"));

  t.has_mapping("RegionMap", {{"us-east-1", cdk::Map{{"AMI", "ami-1"}}}});
  CHECK(t.find_mappings("*").size() == 1);
  CHECK(t.find_mappings("*", {{"ap-south-1", Match::any_value()}}).empty());
  message = failure([&] { t.has_mapping("RegionMap", {{"us-east-1", cdk::Map{{"AMI", "ami-9"}}}}); });
  CHECK(contains(message, "Template has 1 mappings with logicalId RegionMap, but none match as expected."));
  CHECK(contains(message, "at /us-east-1/AMI"));

  t.has_condition("IsProd", {{"Fn::Equals", cdk::List{cdk::Map{{"Ref", "Env"}}, "prod"}}});
  CHECK(t.find_conditions("*").size() == 1);
  message = failure([&] { t.has_condition("*", {{"Fn::Equals", cdk::List{cdk::Map{{"Ref", "Env"}}, "dev"}}}); });
  CHECK(contains(message, "Template has 1 conditions with logicalId *, but none match as expected."));
  CHECK(contains(message, "Expected \"dev\" but received \"prod\" at /Fn::Equals/1"));

  // A template without those sections.
  auto bare = Template::from_string(R"({"Resources": {}})");
  CHECK(bare.find_outputs("*").empty());
  CHECK(contains(failure([&] { bare.has_condition("*", {}); }), "Template has 0 conditions with logicalId *."));
}

TEST_CASE("Template::template_matches") {
  auto t = Template::from_string(kTemplate);
  t.template_matches({{"Resources", cdk::Map{{"Vpc", cdk::Map{{"Type", "AWS::EC2::VPC"}}}}}});
  t.template_matches({{"Transform", Match::absent()}});
  CHECK(failure([&] {
          t.template_matches({{"Resources", cdk::Map{{"Vpc", cdk::Map{{"Type", "AWS::EC2::Vpc"}}}}}, {"Transform", "X"}});
        }) ==
        "Template did not match as expected. The following mismatches were found:\n"
        "\tMissing key 'Transform' at /Transform (using object_like matcher)\n"
        "\tExpected \"AWS::EC2::Vpc\" but received \"AWS::EC2::VPC\" at /Resources/Vpc/Type (using object_like matcher)");
  auto message = failure([&] { t.template_matches(Match::object_equals({{"Resources", Match::any_value()}})); });
  CHECK(contains(message, "Unexpected key Parameters at /Parameters (using object_equals matcher)"));
}

TEST_CASE("Template::from_stack synthesizes the stack; to_value and to_json_string give it back") {
  cdk::App app{cdk::AppProps{.outdir = "unused"}};
  auto& stack = app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& type = stack.add<cdk::CfnParameter>("InstanceType", {.type = "String"});
  auto& bucket = stack.add<cdk::CfnResource>("Bucket", {.type = "AWS::S3::Bucket", .properties = {{"BucketName", type.ref()}}});
  stack.add<cdk::CfnOutput>("Arn", {.value = bucket.get_att("Arn")});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::S3::Bucket", {{"BucketName", type.ref()}});
  t.has_output("Arn", {{"Value", bucket.get_att("Arn")}});
  t.has_parameter("InstanceType", {{"Type", "String"}});
  CHECK(t.to_json_string() == stack.to_json());
  const cdk::Value whole = t.to_value();
  REQUIRE(whole.is_map());
  CHECK(whole.as_map()[0].first == "Parameters");
  CHECK(Template::from_value(whole).to_json_string() == stack.to_json());

  // The default synthesizer adds the bootstrap parameter and rule, as CDK's Template.fromStack shows.
  auto& defaults = app.add<cdk::Stack>("D");
  defaults.add<cdk::CfnResource>("Bucket", {.type = "AWS::S3::Bucket"});
  Template::from_stack(defaults).has_parameter("BootstrapVersion", {{"Type", "AWS::SSM::Parameter::Value<String>"}});

  // An invalid stack fails as synth does.
  auto& broken = app.add<cdk::Stack>("B", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  broken.add<cdk::CfnResource>("X", {.type = "AWS::S3::Bucket", .properties = {{"Name", cdk::Fn::ref("Nope")}}});
  CHECK_THROWS_AS(Template::from_stack(broken), cdk::SynthError);
}

TEST_CASE("Template::from_value refuses tokens; from_string refuses invalid JSON") {
  cdk::App app{cdk::AppProps{.outdir = "unused"}};
  auto& stack = app.add<cdk::Stack>("S");
  auto& r = stack.add<cdk::CfnResource>("R", {.type = "AWS::S3::Bucket"});
  CHECK_THROWS_AS(Template::from_value(cdk::Map{{"Resources", cdk::Map{{"X", r.ref()}}}}), std::invalid_argument);
  CHECK_THROWS_WITH_AS(Template::from_string("{\"Resources\": "), doctest::Contains("the template string is not valid JSON"),
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(Template::from_yaml("Resources: [a"), doctest::Contains("invalid YAML"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(Template::from_file("/nonexistent/cdkpp.json"), doctest::Contains("cannot read '/nonexistent/cdkpp.json'"),
                       std::invalid_argument);
}

TEST_CASE("Template::from_yaml reads CloudFormation short-form tags") {
  auto t = Template::from_yaml(R"(AWSTemplateFormatVersion: "2010-09-09"
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  Both: !And [!Condition IsProd, !Not [!Equals [!Ref Env, dev]], !Or [!Condition IsProd, !Condition IsProd]]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Condition: IsProd
    Properties:
      BucketName: !Sub "${AWS::StackName}-logs"
      Arn: !GetAtt Other.Arn
      Nested: !GetAtt Other.Endpoint.Address
      Long: !GetAtt [Other, Arn]
      Joined: !Join ["-", [a, !Ref AWS::Region]]
      Az: !Select [0, !GetAZs ""]
      AzHere: !GetAZs
      Size: !If [IsProd, 100, !Ref AWS::NoValue]
      Data: !Base64 hello
      Ami: !FindInMap [RegionMap, !Ref AWS::Region, AMI]
      Imported: !ImportValue shared-vpc
      Parts: !Split [",", "a,b"]
      Cidrs: !Cidr [10.0.0.0/16, 6, 5]
      Sub2: !Sub
        - "${A}-x"
        - A: !Ref Env
      Int: 42
      Neg: -7
      Octal: 0755
      Hex: 0x1F
      Float: 1.5
      Exp: 1.0e+3
      Yes: yes
      Off: Off
      True: true
      Nothing: ~
      Empty:
      Date: 2010-09-09
      Quoted: "123"
      Single: 'true'
      Str: !!str 12
      Version: 1.2.3
)");
  t.has_resource("AWS::S3::Bucket", {{"Condition", "IsProd"}});
  t.has_resource_properties("AWS::S3::Bucket",
                            Match::object_equals({
                                {"BucketName", cdk::Map{{"Fn::Sub", "${AWS::StackName}-logs"}}},
                                {"Arn", cdk::Map{{"Fn::GetAtt", cdk::List{"Other", "Arn"}}}},
                                {"Nested", cdk::Map{{"Fn::GetAtt", cdk::List{"Other", "Endpoint.Address"}}}},
                                {"Long", cdk::Map{{"Fn::GetAtt", cdk::List{"Other", "Arn"}}}},
                                {"Joined", cdk::Map{{"Fn::Join", cdk::List{"-", cdk::List{"a", cdk::Map{{"Ref", "AWS::Region"}}}}}}},
                                {"Az", cdk::Map{{"Fn::Select", cdk::List{0, cdk::Map{{"Fn::GetAZs", ""}}}}}},
                                {"AzHere", cdk::Map{{"Fn::GetAZs", ""}}},
                                {"Size", cdk::Map{{"Fn::If", cdk::List{"IsProd", 100, cdk::Map{{"Ref", "AWS::NoValue"}}}}}},
                                {"Data", cdk::Map{{"Fn::Base64", "hello"}}},
                                {"Ami", cdk::Map{{"Fn::FindInMap", cdk::List{"RegionMap", cdk::Map{{"Ref", "AWS::Region"}}, "AMI"}}}},
                                {"Imported", cdk::Map{{"Fn::ImportValue", "shared-vpc"}}},
                                {"Parts", cdk::Map{{"Fn::Split", cdk::List{",", "a,b"}}}},
                                {"Cidrs", cdk::Map{{"Fn::Cidr", cdk::List{"10.0.0.0/16", 6, 5}}}},
                                {"Sub2", cdk::Map{{"Fn::Sub", cdk::List{"${A}-x", cdk::Map{{"A", cdk::Map{{"Ref", "Env"}}}}}}}},
                                {"Int", 42},
                                {"Neg", -7},
                                {"Octal", 493},
                                {"Hex", 31},
                                {"Float", 1.5},
                                {"Exp", 1000.0},
                                {"Yes", true},
                                {"Off", false},
                                {"True", true},
                                {"Nothing", nullptr},
                                {"Empty", nullptr},
                                {"Date", "2010-09-09"},
                                {"Quoted", "123"},
                                {"Single", "true"},
                                {"Str", "12"},
                                {"Version", "1.2.3"},
                            }));
  t.has_condition("IsProd", Match::exact({{"Fn::Equals", cdk::List{cdk::Map{{"Ref", "Env"}}, "prod"}}}));
  t.has_condition("Both", Match::exact({{"Fn::And", cdk::List{cdk::Map{{"Condition", "IsProd"}},
                                                               cdk::Map{{"Fn::Not", cdk::List{cdk::Map{{"Fn::Equals", cdk::List{cdk::Map{{"Ref", "Env"}}, "dev"}}}}}},
                                                               cdk::Map{{"Fn::Or", cdk::List{cdk::Map{{"Condition", "IsProd"}}, cdk::Map{{"Condition", "IsProd"}}}}}}}}));
  t.template_matches({{"AWSTemplateFormatVersion", "2010-09-09"}});
  CHECK_THROWS_WITH_AS(Template::from_yaml("A: !GetAtt NoDot"), doctest::Contains("LogicalId.Attribute"), std::invalid_argument);
}

TEST_CASE("Template::from_file reads JSON and YAML; a stack's YAML reads back as its JSON") {
  TempDir dir;
  auto json = Template::from_file(dir.write("t.json", kTemplate));
  json.resource_count_is("AWS::EC2::Subnet", 2);
  auto yaml = Template::from_file(dir.write("t.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5\n"));
  yaml.has_resource_properties("AWS::SQS::Queue", {{"DelaySeconds", 5}});

  cdk::App app{cdk::AppProps{.outdir = "unused"}};
  auto& stack = app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& p = stack.add<cdk::CfnParameter>("Env", {.type = "String"});
  auto& b = stack.add<cdk::CfnResource>("Bucket", {.type = "Custom::Bucket",
                                                   .properties = {{"BucketName", cdk::Fn::sub("${AWS::StackName}-x")},
                                                                  {"Tags", cdk::List{cdk::Map{{"Key", "Env"}, {"Value", p.ref()}}}},
                                                                  {"Mode", "0755"}}});
  stack.add<cdk::CfnOutput>("Arn", {.value = b.get_att("Arn")});
  const std::string short_yaml = stack.to_yaml({.short_form = true});
  CHECK(contains(short_yaml, "!GetAtt"));
  CHECK(Template::from_file(dir.write("s.yaml", short_yaml)).to_json_string() == stack.to_json());
  CHECK(Template::from_yaml(stack.to_yaml()).to_json_string() == stack.to_json());
}

TEST_CASE("Template::matches_snapshot compares with a committed file and rewrites it on request") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = "unused"}};
  auto& stack = app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& bucket = stack.add<cdk::CfnResource>("Bucket", {.type = "AWS::S3::Bucket", .properties = {{"BucketName", "logs"}}});
  const auto json_path = (dir.path / "snapshots" / "s.json").string();
  const auto yaml_path = (dir.path / "s.yaml").string();
  ::unsetenv("CDKPP_UPDATE_SNAPSHOTS");

  auto t = Template::from_stack(stack);
  CHECK(failure([&] { t.matches_snapshot(json_path); }) ==
        "Snapshot '" + json_path + "' does not exist; run the test with CDKPP_UPDATE_SNAPSHOTS=1 to create it");

  ::setenv("CDKPP_UPDATE_SNAPSHOTS", "1", 1);
  t.matches_snapshot(json_path);
  t.matches_snapshot(yaml_path);
  ::unsetenv("CDKPP_UPDATE_SNAPSHOTS");
  {
    std::ifstream in{json_path};
    std::string text{std::istreambuf_iterator<char>{in}, {}};
    CHECK(text == stack.to_json() + "\n");
  }
  t.matches_snapshot(json_path);
  t.matches_snapshot(yaml_path);

  // Key order does not matter.
  dir.write("reordered.json", R"({"Resources": {"Bucket": {"Properties": {"BucketName": "logs"}, "Type": "AWS::S3::Bucket"}}})");
  t.matches_snapshot((dir.path / "reordered.json").string());

  bucket.set_property("BucketName", "audit");
  bucket.set_property("Tags", cdk::List{cdk::Map{{"Key", "a"}, {"Value", "b"}}});
  auto changed = Template::from_stack(stack);
  CHECK(failure([&] { changed.matches_snapshot(json_path); }) ==
        "Template does not match snapshot '" + json_path +
            "' (2 differences; if the change is intended, run the test with CDKPP_UPDATE_SNAPSHOTS=1 to update it):\n"
            "  /Resources/Bucket/Properties/BucketName: snapshot has \"logs\", template has \"audit\"\n"
            "  /Resources/Bucket/Properties/Tags: only in the template: [{\"Key\":\"a\",\"Value\":\"b\"}]");
  CHECK(contains(failure([&] { changed.matches_snapshot(yaml_path); }), "(2 differences;"));

  ::setenv("CDKPP_UPDATE_SNAPSHOTS", "0", 1);  // "0" does not update
  CHECK_THROWS_AS(changed.matches_snapshot(json_path), AssertionError);
  ::setenv("CDKPP_UPDATE_SNAPSHOTS", "1", 1);
  changed.matches_snapshot(json_path);
  ::unsetenv("CDKPP_UPDATE_SNAPSHOTS");
  changed.matches_snapshot(json_path);
  CHECK_THROWS_AS(t.matches_snapshot(json_path), AssertionError);
}
