// The bad-input catalogue: one program per kind of mistake a person can make, each run
// the way a user runs a synth program (App::synth_main, CDK_OUTDIR from the environment).
// run_case.cmake runs each case over an earlier good assembly and checks the exit code,
// the exact error line (code, construct path, message) and that the assembly is untouched.
//
//   catalogue --list            the case names
//   catalogue --expected NAME   the error line the case must print
//   catalogue NAME              runs the case (synth); "good" writes a valid assembly
#include <cdk/cdk.hpp>
#include <cdk/autoscaling/auto_scaling_group.hpp>
#include <cdk/ec2/cfn_vpc.hpp>
#include <cdk/ec2/instance_type.hpp>
#include <cdk/ec2/machine_image.hpp>
#include <cdk/ec2/port.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ec2/vpc.hpp>
#include <cdk/iam/policy_statement.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/sns/cfn_topic.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string_view>

namespace {

using cdk::App;
using cdk::Stack;

struct Case {
  std::string_view name;
  std::string_view expected;  // the first line the program prints on stderr
  void (*build)(App& app);
  std::string_view environment = {};  // "NAME=value" set before the App reads it
};

cdk::sns::CfnTopic& topic(cdk::Construct& scope, std::string_view id = "Topic") {
  return scope.add<cdk::sns::CfnTopic>(id);
}

Stack& stack(App& app, std::string_view id = "Stack", cdk::StackProps props = {}) {
  return app.add<Stack>(id, std::move(props));
}

const Case cases[] = {
    // --- ids and names ---------------------------------------------------------------
    {"empty_id", "[cdk.construct.EmptyId] Stack: a construct id cannot be empty (only the app's root has no id)", [](App& app) { topic(stack(app), ""); }},
    {"id_with_slash", "[cdk.construct.InvalidId] Stack/Web/Topic: construct id 'Web/Topic' cannot contain '/' (it separates path components)", [](App& app) { topic(stack(app), "Web/Topic"); }},
    {"duplicate_id", "[cdk.construct.DuplicateId] Stack/Topic: there is already a construct with id 'Topic' in Stack",
     [](App& app) {
       auto& s = stack(app);
       topic(s, "Topic");
       topic(s, "Topic");
     }},
    {"resource_outside_stack", "[cdk.construct.NoStack] construct is not inside a Stack", [](App& app) { topic(app, "Loose"); }},
    {"invalid_stack_name", "[cdk.stack.InvalidName] Stack: stack name 'my stack!' must start with a letter and hold only letters, digits and '-' (at most 128 characters)", [](App& app) { topic(stack(app, "Stack", {.stack_name = "my stack!"})); }},
    {"invalid_context", "[cdk.app.InvalidContext] CDK_CONTEXT_JSON is not a JSON object", [](App& app) { topic(stack(app)); }, "CDK_CONTEXT_JSON={\"key\": "},
    {"invalid_account", "[cdk.stack.InvalidEnvironment] Stack: account '12345' must be 12 digits", [](App& app) { topic(stack(app, "Stack", {.env = {.account = "12345"}})); }},
    {"invalid_stage_name", "[cdk.stage.InvalidName] Dev stage: invalid stage name 'Dev stage': a stage name must start with a letter and hold only letters, digits, '-', '_' and '.'", [](App& app) { topic(app.add<cdk::Stage>("Dev stage").add<Stack>("S", {})); }},
    {"invalid_logical_id", "[cdk.element.InvalidLogicalId] Stack/Topic: logical id 'My-Topic' must be 1 to 255 characters of [A-Za-z0-9]", [](App& app) { topic(stack(app)).override_logical_id("My-Topic"); }},
    {"duplicate_logical_id", "[cdk.element.DuplicateLogicalId] Stack/B: logical id 'Same' is already used by 'Stack/A'",
     [](App& app) {
       auto& s = stack(app);
       topic(s, "A").override_logical_id("Same");
       topic(s, "B").override_logical_id("Same");
     }},
    // --- props -----------------------------------------------------------------------
    {"invalid_resource_type", "[cdk.resource.InvalidType] Stack/Thing: resource type 'AWS::Nope' is not of the form AWS::Service::Resource or Custom::Name",
     [](App& app) { stack(app).add<cdk::CfnResource>("Thing", {.type = "AWS::Nope"}); }},
    {"invalid_override_path", "[cdk.resource.InvalidOverride] Stack/Topic: override path '' has an empty component", [](App& app) { topic(stack(app)).add_override("", 1); }},
    {"parameter_type", "[cdk.parameter.InvalidType] Stack/Size: parameter type 'Strin' is not a CloudFormation parameter type (String, Number, List<Number>, CommaDelimitedList, AWS::EC2::..., AWS::SSM::Parameter::Value<...>)", [](App& app) {
       auto& s = stack(app);
       topic(s);
       s.add<cdk::CfnParameter>("Size", {.type = "Strin"});
     }},
    {"parameter_default", "[cdk.parameter.InvalidDefault] Stack/Size: default 'large' is not a number, but the parameter's type is Number", [](App& app) {
       auto& s = stack(app);
       topic(s);
       s.add<cdk::CfnParameter>("Size", {.type = "Number", .default_value = "large"});
     }},
    {"parameter_default_not_allowed", "[cdk.parameter.InvalidDefault] Stack/Env: default 'qa' is not one of the allowed values", [](App& app) {
       auto& s = stack(app);
       topic(s);
       s.add<cdk::CfnParameter>("Env", {.default_value = "qa", .allowed_values = {"dev", "prod"}});
     }},
    {"output_export_name", "[cdk.output.Invalid] Stack/Arn: export name must only include letters, digits, ':' and '-' (got 'has space')", [](App& app) {
       auto& s = stack(app);
       s.add<cdk::CfnOutput>("Arn", {.value = topic(s).ref(), .export_name = cdk::Value{"has space"}});
     }},
    {"schema_required_property", "[cdk.schema.RequiredProperty] Stack/Subnet: AWS::EC2::Subnet Properties: required property 'VpcId' is missing", [](App& app) {
       // Typed classes make required properties a compile error; generic resources cannot.
       stack(app).add<cdk::CfnResource>(
           "Subnet", {.type = "AWS::EC2::Subnet", .properties = {{"CidrBlock", "10.0.0.0/24"}}});
     }},
    {"schema_unknown_property", "[cdk.schema.UnknownProperty] Stack/Topic: AWS::SNS::Topic Properties: unknown property 'Colour'", [](App& app) { topic(stack(app)).add_property_override("Colour", "blue"); }},
    {"schema_wrong_kind", "[cdk.schema.WrongKind] Stack/Topic: AWS::SNS::Topic Properties.FifoTopic: expects a boolean, got \"maybe\"", [](App& app) { topic(stack(app)).add_property_override("FifoTopic", "maybe"); }},
    {"schema_enum", "[cdk.schema.EnumValue] Stack/Vpc: AWS::EC2::VPC Properties.InstanceTenancy: 'shared' is not one of dedicated, default, host", [](App& app) {
       stack(app).add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16", .instance_tenancy = "shared"});
     }},
    {"schema_length", "[cdk.schema.Length] Stack/Topic: AWS::SNS::Topic Properties.TopicName: is longer than 256 characters", [](App& app) {
       stack(app).add<cdk::sns::CfnTopic>("Topic", {.topic_name = std::string(300, 'a')});
     }},
    // --- CIDRs -----------------------------------------------------------------------
    {"vpc_cidr_syntax", "[cdk.ec2.InvalidCidr] Stack/Vpc: '10.0.0.300/16' is not a valid VPC CIDR range: expected an IPv4 CIDR such as 10.0.0.0/16, with a prefix length between /16 and /28", [](App& app) {
       stack(app).add<cdk::ec2::Vpc>("Vpc", {.ip_addresses = cdk::ec2::IpAddresses::cidr("10.0.0.300/16")});
     }},
    {"vpc_cidr_mask", "[cdk.ec2.InvalidCidr] Stack/Vpc: '10.0.0.0/8' is not a valid VPC CIDR range: expected an IPv4 CIDR such as 10.0.0.0/16, with a prefix length between /16 and /28", [](App& app) {
       stack(app).add<cdk::ec2::Vpc>("Vpc", {.ip_addresses = cdk::ec2::IpAddresses::cidr("10.0.0.0/8")});
     }},
    {"vpc_subnets_do_not_fit", "[cdk.ec2.SubnetsDoNotFit] Stack/Vpc: the subnets do not fit in the VPC CIDR 10.0.0.0/28: no room for PublicSubnet1 (/30)", [](App& app) {
       stack(app).add<cdk::ec2::Vpc>(
           "Vpc", {.ip_addresses = cdk::ec2::IpAddresses::cidr("10.0.0.0/28"), .max_azs = 3});
     }},
    // --- L2 props ----------------------------------------------------------------------
    {"security_group_port", "[cdk.ec2.InvalidPort] port 70000 is outside 0-65535", [](App& app) {
       auto& s = stack(app);
       auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {});
       s.add<cdk::ec2::SecurityGroup>("Sg", {.vpc = vpc})
           .add_ingress_rule(cdk::ec2::Peer::any_ipv4(), cdk::ec2::Port::tcp(70000));
     }},
    {"iam_action", "[cdk.iam.InvalidAction] Action 's3 GetObject' is invalid. An action string consists of a service namespace, a colon, and the name of an action. Action names can include wildcards.", [](App& app) {
       topic(stack(app));
       cdk::iam::PolicyStatement{{.actions = {"s3 GetObject"}, .resources = {"*"}}};
     }},
    {"bucket_name", "[cdk.s3.InvalidBucketName] Stack/Data: Invalid S3 bucket name (value: Data_Bucket)", [](App& app) { stack(app).add<cdk::s3::Bucket>("Data", {.bucket_name = "Data_Bucket"}); }},
    {"asg_capacity", "[cdk.autoscaling.Capacity] Stack/Web: minCapacity (5) should be <= maxCapacity (2)", [](App& app) {
       auto& s = stack(app);
       auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {});
       s.add<cdk::autoscaling::AutoScalingGroup>(
           "Web", {.vpc = vpc,
                   .instance_type = cdk::ec2::InstanceType{"t3.micro"},
                   .machine_image = cdk::ec2::MachineImage::latest_amazon_linux2023(),
                   .min_capacity = 5,
                   .max_capacity = 2});
     }},
    {"tag_key", "[cdk.tags.InvalidKey] Stack: tag key 'aws:reserved': the prefix 'aws:' is reserved for AWS's own tags", [](App& app) {
       auto& s = stack(app);
       topic(s);
       cdk::Tags::of(s).add("aws:reserved", "x");
     }},
    {"aspect_priority", "[cdk.aspect.InvalidPriority] Stack: aspect priority must not be negative, got -1", [](App& app) {
       auto& s = stack(app);
       topic(s);
       cdk::Aspects::of(s).add([](cdk::Construct&) {}, {.priority = -1});
     }},
    {"asset_missing", "[cdk.asset.SourceNotFound] Stack: Cannot find asset at /nonexistent/site", [](App& app) {
       auto& s = stack(app);
       topic(s);
       s.add_file_asset({.source_path = "/nonexistent/site", .packaging = cdk::FileAssetPackaging::ZipDirectory});
     }},
    // --- references and cycles ---------------------------------------------------------
    {"ref_unknown", "[cdk.resolve.UnknownTarget] Stack/Out: Ref to 'Nope', which is not a parameter or resource of stack 'Stack'", [](App& app) {
       auto& s = stack(app);
       s.add<cdk::CfnOutput>("Out", {.value = cdk::Fn::ref("Nope")});
       topic(s);
     }},
    {"get_att_of_parameter", "[cdk.resolve.WrongTargetKind] Stack/Out: Fn::GetAtt of 'Env', which is a parameter; only resources have attributes", [](App& app) {
       auto& s = stack(app);
       topic(s);
       s.add<cdk::CfnParameter>("Env", {});
       s.add<cdk::CfnOutput>("Out", {.value = cdk::Fn::get_att("Env", "Arn")});
     }},
    {"find_in_map_unknown_key", "[cdk.resolve.UnknownMappingKey] Stack/Out: Fn::FindInMap: mapping 'Stack/Sizes' has no entry 'prod.Type'", [](App& app) {
       auto& s = stack(app);
       auto& sizes = s.add<cdk::CfnMapping>("Sizes", {});
       sizes.set_value("dev", "Type", "t3.micro");
       s.add<cdk::CfnOutput>("Out", {.value = sizes.find_in_map("prod", "Type")});
       topic(s);
     }},
    {"depends_on_cycle", "[cdk.resource.DependencyCycle] Stack/A: resources depend on each other in a cycle: A -> B -> A", [](App& app) {
       auto& s = stack(app);
       auto& a = topic(s, "A");
       auto& b = topic(s, "B");
       a.add_depends_on(b);
       b.add_depends_on(a);
     }},
    {"stack_reference_cycle", "[cdk.resolve.ReferenceCycle] B/Topic: stack 'A' depends on stack 'B' (A/Topic -> B/Topic.TopicName); B/Topic -> A/Topic.TopicName would make 'B' depend on 'A', a cyclic reference between the stacks", [](App& app) {
       auto& a = stack(app, "A");
       auto& b = stack(app, "B");
       auto& ta = topic(a);
       auto& tb = topic(b);
       ta.add_property_override("DisplayName", tb.get_att("TopicName"));
       tb.add_property_override("DisplayName", ta.get_att("TopicName"));
     }},
    {"cross_environment_reference", "[cdk.resolve.CrossEnvironmentReference] B/Topic: cannot refer to A/Topic.TopicName in stack 'A': stack 'B' deploys to aws://111111111111/eu-west-1 and stack 'A' to aws://111111111111/us-east-1; exports are imported within one account and region only (CDK's cross-region and cross-account references through custom resources are not supported): pass the value another way, e.g. through an SSM parameter", [](App& app) {
       auto& a = stack(app, "A", {.env = {.account = "111111111111", .region = "us-east-1"}});
       auto& b = stack(app, "B", {.env = {.account = "111111111111", .region = "eu-west-1"}});
       topic(b).add_property_override("DisplayName", topic(a).get_att("TopicName"));
     }},
    {"cross_app_reference", "[cdk.resolve.CrossAppReference] Stack/Topic: cannot refer to Theirs/Topic.TopicName in stack 'Theirs': the stacks are in different apps (consuming and producing stacks must be defined within the same app)", [](App& app) {
       static App other;
       auto& theirs = other.add<Stack>("Theirs", {});
       topic(stack(app)).add_property_override("DisplayName", topic(theirs).get_att("TopicName"));
     }},
    {"cross_stage_reference", "[cdk.resolve.CrossStageReference] Prod/S/Topic: cannot refer to Dev/S/Topic.TopicName in stack 'Dev/S': stack 'Prod/S' is in Stage 'Prod' and stack 'Dev/S' in Stage 'Dev'; references and dependencies cannot cross stage boundaries (each stage deploys on its own)", [](App& app) {
       auto& dev = app.add<cdk::Stage>("Dev").add<Stack>("S", {});
       auto& prod = app.add<cdk::Stage>("Prod").add<Stack>("S", {});
       topic(prod).add_property_override("DisplayName", topic(dev).get_att("TopicName"));
     }},
    // --- limits -------------------------------------------------------------------------
    {"too_many_resources", "[cdk.limit.Resources] Stack: stack 'Stack' has 501 resources; CloudFormation allows 500", [](App& app) {
       auto& s = stack(app);
       for (int i = 0; i < 501; ++i) topic(s, "Topic" + std::to_string(i));
     }},
    {"too_many_parameters", "[cdk.limit.Parameters] Stack: stack 'Stack' has 202 parameters; CloudFormation allows 200", [](App& app) {
       auto& s = stack(app);
       topic(s);
       for (int i = 0; i < 201; ++i) s.add<cdk::CfnParameter>("P" + std::to_string(i), {});
     }},
    {"too_many_outputs", "[cdk.limit.Outputs] Stack: stack 'Stack' has 201 outputs; CloudFormation allows 200", [](App& app) {
       auto& s = stack(app);
       auto& t = topic(s);
       for (int i = 0; i < 201; ++i) s.add<cdk::CfnOutput>("O" + std::to_string(i), {.value = t.ref()});
     }},
    {"description_too_long", "[cdk.limit.Description] Stack: template description is 1025 bytes; CloudFormation allows 1024",
     [](App& app) { topic(stack(app, "Stack", {.description = std::string(1025, 'd')})); }},
    {"template_too_large", "[cdk.limit.TemplateSize] Stack: template is 1227979 bytes; CloudFormation allows 1,000,000", [](App& app) {
       auto& s = stack(app);
       for (int i = 0; i < 300; ++i) topic(s, "Topic" + std::to_string(i)).options().metadata.emplace_back("Padding", std::string(4000, 'p'));
     }},
    {"no_resources", "[cdk.template.NoResources] Stack: stack 'Stack' has no resources; CloudFormation needs at least one (a placeholder such as AWS::CloudFormation::WaitConditionHandle will do)", [](App& app) { stack(app); }},
    // --- templates read from files --------------------------------------------------------
    // (CfnInclude cases are added with it.)
    // --- the output directory -----------------------------------------------------------
    // run_case.cmake runs each case in the folder holding the good assembly (cdk.out).
    {"outdir_is_a_file", "[cdk.app.OutputDirectory] cannot write the cloud assembly to 'cdk.out/manifest.json': it exists and is not a directory", [](App& app) { topic(stack(app)); }, "CDK_OUTDIR=cdk.out/manifest.json"},
    {"outdir_unwritable", "[cdk.app.OutputDirectory] cannot write the cloud assembly to '/proc/cdkpp/cdk.out': cannot create its parent directory (No such file or directory)", [](App& app) { topic(stack(app)); }, "CDK_OUTDIR=/proc/cdkpp/cdk.out"},
};

void good(App& app) {
  auto& s = app.add<Stack>("Good", {});
  s.add<cdk::CfnOutput>("TopicArn", {.value = topic(s).ref()});
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view command = argc > 1 ? argv[1] : "";
  if (command == "--list") {
    for (const auto& c : cases) std::cout << c.name << '\n';
    return 0;
  }
  if (command == "--expected" && argc > 2) {
    for (const auto& c : cases)
      if (c.name == argv[2]) {
        std::cout << c.expected << '\n';
        return 0;
      }
    return 2;
  }
  if (command == "good") {
    App app;
    good(app);
    return app.synth_main();
  }
  for (const auto& c : cases) {
    if (c.name != command) continue;
    if (!c.environment.empty()) {
      const auto equals = c.environment.find('=');
      setenv(std::string{c.environment.substr(0, equals)}.c_str(), std::string{c.environment.substr(equals + 1)}.c_str(), 1);
    }
    App app;
    c.build(app);
    return app.synth_main();
  }
  std::cerr << "catalogue: unknown case '" << command << "' (--list lists them)\n";
  return 2;
}
