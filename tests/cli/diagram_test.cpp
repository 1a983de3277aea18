// cdkpp diagram: the nodes, edges and boxes drawn for the samples (newsblog, the
// multi_stage assembly's cross-stack imports), what each kind of reference becomes,
// escaping, determinism, and rendering through Graphviz.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cdk/errors.hpp"
#include "cdk/tools/diagram.hpp"
#include "diagram/dot_text.hpp"
#include "diagram/model.hpp"
#include "diagram/references.hpp"
#include "stack_templates.hpp"
#include "template/parse.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using cdk::synth::Json;
using namespace cdk::tools;
using namespace cdk::tools::diagram;

using namespace cli_test;

namespace {

const fs::path source_dir{CDKPP_SOURCE_DIR};
const fs::path newsblog_expected = source_dir / "samples/newsblog/expected/NewsBlogStack.template.json";
// The newsblog sample synthesized with the context the cdk CLI sets
// (aws:cdk:enable-path-metadata): its expected template plus each resource's aws:cdk:path.
const fs::path newsblog_paths = fs::path{CDKPP_CLI_TEST_DATA} / "diagram/NewsBlogStack.paths.template.json";
const fs::path multi_stage = source_dir / "samples/multi_stage/expected";

std::vector<StackTemplate> stacks_of(const std::vector<fs::path>& inputs) {
  std::vector<StackTemplate> stacks;
  for (const auto& input : inputs)
    for (auto& stack : load_stacks(input.string())) stacks.push_back(std::move(stack));
  return stacks;
}

Diagram draw(const std::vector<fs::path>& inputs, const DiagramOptions& options = {}) {
  return build_diagram(stacks_of(inputs), options);
}

// The one node of `logical_id` (in any stack); fails the test when it is not drawn.
const Node& node(const Diagram& d, std::string_view logical_id) {
  const Node* found = nullptr;
  for (const auto& n : d.nodes)
    if (n.logical_id == logical_id) found = &n;
  REQUIRE_MESSAGE(found, "no node " << logical_id);
  return *found;
}

bool drawn(const Diagram& d, std::string_view logical_id) {
  return std::any_of(d.nodes.begin(), d.nodes.end(), [&](const Node& n) { return n.logical_id == logical_id; });
}

std::size_t index_of(const Diagram& d, std::string_view stack, std::string_view logical_id) {
  const Node* n = d.find(stack, logical_id);
  REQUIRE_MESSAGE(n, "no node " << stack << "/" << logical_id);
  return static_cast<std::size_t>(n - d.nodes.data());
}

// The edge between two nodes (logical ids, searched in every stack), or nullptr.
const Edge* edge(const Diagram& d, std::string_view from, std::string_view to) {
  for (const auto& e : d.edges)
    if (d.nodes[e.from].logical_id == from && d.nodes[e.to].logical_id == to) return &e;
  return nullptr;
}

void check_edge(const Diagram& d, std::string_view from, std::string_view to, EdgeKind kind, std::string_view how = {}) {
  const Edge* e = edge(d, from, to);
  REQUIRE_MESSAGE(e, "no edge " << from << " -> " << to);
  CHECK(e->kind == kind);
  if (!how.empty()) CHECK(e->how == how);
}

const Cluster* cluster(const std::vector<Cluster>& clusters, std::string_view label) {
  for (const auto& c : clusters)
    if (c.label == label) return &c;
  return nullptr;
}

std::vector<std::string> names_in(const Diagram& d, const Cluster& c) {
  std::vector<std::string> names;
  for (std::size_t n : c.nodes) names.push_back(d.nodes[n].name);
  return names;
}

std::vector<std::string> labels_of(const std::vector<Cluster>& clusters) {
  std::vector<std::string> labels;
  for (const auto& c : clusters) labels.push_back(c.label);
  return labels;
}

bool graphviz_installed() {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::stringstream dirs{path};
  std::string dir;
  while (std::getline(dirs, dir, ':'))
    if (!dir.empty() && ::access((fs::path{dir} / "dot").c_str(), X_OK) == 0) return true;
  return false;
}

// The stage assemblies of the multi_stage sample as `cdk synth` lays them out: a root
// manifest naming assembly-Dev and assembly-Prod, each listing its two stacks.
fs::path multi_stage_assembly() {
  const fs::path dir = scratch("multi_stage");
  write(dir / "manifest.json", R"({"version": "38.0.1", "artifacts": {
    "assembly-Dev": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-Dev", "displayName": "Dev"}},
    "assembly-Prod": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-Prod", "displayName": "Prod"}}}})");
  for (const std::string stage : {"Dev", "Prod"}) {
    const fs::path folder = dir / ("assembly-" + stage);
    fs::create_directories(folder);
    Json artifacts = Json::object();
    for (const auto& entry : fs::directory_iterator(multi_stage / ("assembly-" + stage))) {
      const std::string file = entry.path().filename().string();
      fs::copy_file(entry.path(), folder / file);
    }
    for (const std::string stack : {"Network", "Compute"}) {
      std::string file;
      for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().filename().string().rfind(stage + stack, 0) == 0) file = entry.path().filename().string();
      const std::string id = file.substr(0, file.find('.'));
      artifacts[id] = {{"type", "aws:cloudformation:stack"},
                       {"properties", {{"templateFile", file}, {"stackName", stage + "-" + stack}}},
                       {"displayName", stage + "/" + stack}};
    }
    write(folder / "manifest.json", Json{{"version", "38.0.1"}, {"artifacts", artifacts}}.dump(1));
  }
  return dir;
}

}  // namespace

TEST_CASE("newsblog: the network, the auto scaling group and its role, and how they reference each other") {
  const Diagram d = draw({newsblog_expected});

  // Every resource an architect draws, with its short type.
  CHECK(node(d, "NewsBlogVPCC925B703").caption == "VPC");
  CHECK(node(d, "NewsBlogVPCC925B703").detail == "10.0.0.0/16");
  CHECK(node(d, "NewsBlogVPCPublicSubnet1Subnet17D32EFA").caption == "Subnet");
  CHECK(node(d, "NewsBlogVPCPublicSubnet1Subnet17D32EFA").subnet_kind == "Public");
  CHECK(node(d, "NewsBlogVPCPrivateSubnet2Subnet7F803AED").subnet_kind == "Private");
  CHECK(node(d, "NewsBlogVPCPublicSubnet1RouteTableDE8259F4").caption == "Route table");
  CHECK(node(d, "NewsBlogVPCPrivateSubnet1DefaultRoute76D65C68").caption == "Route");
  CHECK(node(d, "NewsBlogVPCPublicSubnet2NATGatewayD1AB17E4").caption == "NAT gateway");
  CHECK(node(d, "NewsBlogVPCPublicSubnet1EIPEAB0AD94").caption == "Elastic IP");
  CHECK(node(d, "NewsBlogVPCIGW3E6E8EA1").caption == "Internet gateway");
  CHECK(node(d, "YourAppAutoScalingGroupASG25E70A32").caption == "Auto Scaling group");
  CHECK(node(d, "YourAppAutoScalingGroupASG25E70A32").detail == "capacity 1\u20132");
  CHECK(node(d, "YourAppAutoScalingGroupLaunchTemplate81864783").caption == "Launch template");
  CHECK(node(d, "YourAppAutoScalingGroupLaunchTemplate81864783").detail == "t3.micro");
  CHECK(node(d, "YourAppAutoScalingGroupInstanceProfileFBC5FCE2").caption == "Instance profile");
  CHECK(node(d, "InstanceRole3CCE2F1D").caption == "IAM role");
  CHECK(node(d, "InstanceRoleDefaultPolicy1531605C").caption == "IAM policy");
  CHECK(node(d, "YourAppAutoScalingGroupInstanceSecurityGroupD61EC7E8").caption == "Security group");
  // Families colour them: network, compute, security.
  CHECK(node(d, "NewsBlogVPCPublicSubnet1Subnet17D32EFA").family == Family::Network);
  CHECK(node(d, "YourAppAutoScalingGroupASG25E70A32").family == Family::Compute);
  CHECK(node(d, "YourAppAutoScalingGroupLaunchTemplate81864783").family == Family::Compute);
  CHECK(node(d, "InstanceRole3CCE2F1D").family == Family::Security);
  CHECK(node(d, "YourAppAutoScalingGroupInstanceSecurityGroupD61EC7E8").family == Family::Security);
  // Without construct paths, a node is named by its logical id without CDK's hash.
  CHECK(node(d, "NewsBlogVPCC925B703").name == "NewsBlogVPC");
  CHECK(node(d, "YourAppAutoScalingGroupASG25E70A32").name == "YourAppAutoScalingGroupASG");
  // The AMI comes in through an SSM parameter, named after it.
  const Node& ami = node(d, "SsmParameterValueawsserviceamiamazonlinuxlatestamznamihvmx8664gp2C96584B6F00A464EAD1953AFF4B05118Parameter");
  CHECK(ami.kind == NodeKind::Parameter);
  CHECK(ami.caption == "SSM parameter");
  CHECK(ami.name == "amzn-ami-hvm-x86_64-gp2");
  CHECK(ami.detail == "/aws/service/ami-amazon-linux-latest/amzn-ami-hvm-x86_64-gp2");

  // Noise is hidden; associations are edges, not boxes.
  CHECK_FALSE(drawn(d, "BootstrapVersion"));
  CHECK_FALSE(drawn(d, "NewsBlogVPCPublicSubnet1RouteTableAssociation1CEA80E2"));
  CHECK_FALSE(drawn(d, "NewsBlogVPCVPCGWE10138BA"));
  CHECK(d.nodes.size() == 29 - 4 - 1 + 1);  // resources - associations - attachment + the AMI parameter

  // The network: subnets and route tables in the VPC, routes to the gateways.
  check_edge(d, "NewsBlogVPCPublicSubnet1Subnet17D32EFA", "NewsBlogVPCC925B703", EdgeKind::Reference, "Ref");
  check_edge(d, "NewsBlogVPCPrivateSubnet2Subnet7F803AED", "NewsBlogVPCC925B703", EdgeKind::Reference, "Ref");
  check_edge(d, "NewsBlogVPCPublicSubnet1RouteTableDE8259F4", "NewsBlogVPCC925B703", EdgeKind::Reference);
  check_edge(d, "NewsBlogVPCPublicSubnet1Subnet17D32EFA", "NewsBlogVPCPublicSubnet1RouteTableDE8259F4",
             EdgeKind::Association, "Route table association NewsBlogVPCPublicSubnet1RouteTableAssociation1CEA80E2");
  check_edge(d, "NewsBlogVPCPrivateSubnet2Subnet7F803AED", "NewsBlogVPCPrivateSubnet2RouteTable0FA442F5", EdgeKind::Association);
  check_edge(d, "NewsBlogVPCC925B703", "NewsBlogVPCIGW3E6E8EA1", EdgeKind::Association,
             "Gateway attachment NewsBlogVPCVPCGWE10138BA");
  check_edge(d, "NewsBlogVPCPublicSubnet1DefaultRouteDFBB2315", "NewsBlogVPCIGW3E6E8EA1", EdgeKind::Reference);
  check_edge(d, "NewsBlogVPCPrivateSubnet1DefaultRoute76D65C68", "NewsBlogVPCPublicSubnet1NATGateway8B3D0826", EdgeKind::Reference);
  check_edge(d, "NewsBlogVPCPrivateSubnet2DefaultRoute22F2F7D1", "NewsBlogVPCPublicSubnet2NATGatewayD1AB17E4", EdgeKind::Reference);
  check_edge(d, "NewsBlogVPCPrivateSubnet1DefaultRoute76D65C68", "NewsBlogVPCPrivateSubnet1RouteTable57BAED2A", EdgeKind::Reference);
  check_edge(d, "NewsBlogVPCPublicSubnet1NATGateway8B3D0826", "NewsBlogVPCPublicSubnet1Subnet17D32EFA", EdgeKind::Reference);
  check_edge(d, "NewsBlogVPCPublicSubnet1NATGateway8B3D0826", "NewsBlogVPCPublicSubnet1EIPEAB0AD94", EdgeKind::Reference,
             "Fn::GetAtt AllocationId");
  check_edge(d, "NewsBlogVPCPublicSubnet1NATGateway8B3D0826", "NewsBlogVPCPublicSubnet1DefaultRouteDFBB2315", EdgeKind::DependsOn);
  // The route's DependsOn the gateway attachment goes with the attachment.
  CHECK(edge(d, "NewsBlogVPCPublicSubnet1DefaultRouteDFBB2315", "NewsBlogVPCIGW3E6E8EA1")->kind == EdgeKind::Reference);

  // The compute: the group in the private subnets, launched from the template, whose
  // instances get the role through the instance profile.
  check_edge(d, "YourAppAutoScalingGroupASG25E70A32", "NewsBlogVPCPrivateSubnet1SubnetDDAE3CBA", EdgeKind::Reference);
  check_edge(d, "YourAppAutoScalingGroupASG25E70A32", "NewsBlogVPCPrivateSubnet2Subnet7F803AED", EdgeKind::Reference);
  CHECK_FALSE(edge(d, "YourAppAutoScalingGroupASG25E70A32", "NewsBlogVPCPublicSubnet1Subnet17D32EFA"));
  check_edge(d, "YourAppAutoScalingGroupASG25E70A32", "YourAppAutoScalingGroupLaunchTemplate81864783", EdgeKind::Reference,
             "Ref, Fn::GetAtt LatestVersionNumber");
  check_edge(d, "YourAppAutoScalingGroupLaunchTemplate81864783", "YourAppAutoScalingGroupInstanceProfileFBC5FCE2",
             EdgeKind::Reference, "Fn::GetAtt Arn");
  check_edge(d, "YourAppAutoScalingGroupInstanceProfileFBC5FCE2", "InstanceRole3CCE2F1D", EdgeKind::Reference);
  check_edge(d, "YourAppAutoScalingGroupLaunchTemplate81864783", "YourAppAutoScalingGroupInstanceSecurityGroupD61EC7E8",
             EdgeKind::Reference, "Fn::GetAtt GroupId");
  check_edge(d, "YourAppAutoScalingGroupLaunchTemplate81864783", ami.logical_id, EdgeKind::Reference);
  check_edge(d, "YourAppAutoScalingGroupLaunchTemplate81864783", "InstanceRole3CCE2F1D", EdgeKind::DependsOn);
  check_edge(d, "InstanceRoleDefaultPolicy1531605C", "InstanceRole3CCE2F1D", EdgeKind::Reference);
  check_edge(d, "YourAppAutoScalingGroupInstanceSecurityGroupD61EC7E8", "NewsBlogVPCC925B703", EdgeKind::Reference);

  // Without construct paths, one box: the stack.
  REQUIRE(d.clusters.size() == 1);
  CHECK(d.clusters[0].kind == ClusterKind::Stack);
  CHECK(d.clusters[0].label == "NewsBlogStack");
  CHECK(d.clusters[0].nodes.size() == d.nodes.size());
  CHECK(d.clusters[0].clusters.empty());
}

TEST_CASE("newsblog's test data is the sample's expected template plus aws:cdk:path metadata") {
  Json with_paths = cdk::template_io::load_template_file(newsblog_paths.string());
  for (auto& [id, resource] : with_paths["Resources"].items()) {
    auto& metadata = resource["Metadata"];
    CHECK(metadata.contains("aws:cdk:path"));
    metadata.erase("aws:cdk:path");
    if (metadata.empty()) resource.erase("Metadata");
  }
  CHECK(with_paths == cdk::template_io::load_template_file(newsblog_expected.string()));
}

namespace {

// The boxes of newsblog drawn with its construct paths, wherever they came from.
void check_newsblog_boxes(const Diagram& d) {
  REQUIRE(d.clusters.size() == 1);
  const Cluster& stack = d.clusters[0];
  CHECK(stack.label == "NewsBlogStack");
  CHECK(labels_of(stack.clusters) == std::vector<std::string>{"NewsBlogVPC", "InstanceRole", "YourAppAutoScalingGroup"});
  // The AMI parameter belongs to the stack.
  CHECK(names_in(d, stack) == std::vector<std::string>{"amzn-ami-hvm-x86_64-gp2"});

  const Cluster& vpc = stack.clusters[0];
  CHECK(vpc.kind == ClusterKind::Construct);
  CHECK(vpc.path == "NewsBlogStack/NewsBlogVPC");
  CHECK(vpc.id == "cluster:NewsBlogStack/NewsBlogVPC");
  CHECK(names_in(d, vpc) == std::vector<std::string>{"NewsBlogVPC", "IGW"});
  CHECK(d.nodes[vpc.nodes[0]].logical_id == "NewsBlogVPCC925B703");
  CHECK(labels_of(vpc.clusters) ==
        std::vector<std::string>{"PublicSubnet1", "PublicSubnet2", "PrivateSubnet1", "PrivateSubnet2"});
  // A public subnet: its subnet, route table, default route, elastic IP and NAT gateway.
  CHECK(names_in(d, vpc.clusters[0]) == std::vector<std::string>{"Subnet", "RouteTable", "DefaultRoute", "EIP", "NATGateway"});
  CHECK(d.nodes[vpc.clusters[0].nodes[4]].logical_id == "NewsBlogVPCPublicSubnet1NATGateway8B3D0826");
  CHECK(d.nodes[vpc.clusters[0].nodes[0]].path == "NewsBlogStack/NewsBlogVPC/PublicSubnet1/Subnet");
  CHECK(names_in(d, vpc.clusters[3]) == std::vector<std::string>{"Subnet", "RouteTable", "DefaultRoute"});

  CHECK(names_in(d, stack.clusters[1]) == std::vector<std::string>{"InstanceRole", "DefaultPolicy"});
  CHECK(names_in(d, stack.clusters[2]) ==
        std::vector<std::string>{"InstanceSecurityGroup", "InstanceProfile", "LaunchTemplate", "ASG"});
  CHECK(stack.clusters[2].clusters.empty());
}

}  // namespace

TEST_CASE("newsblog with construct paths: a box per stack, per construct holding several resources") {
  const Diagram d = draw({newsblog_paths});
  check_newsblog_boxes(d);
  // The edges do not depend on where the nodes are drawn.
  check_edge(d, "YourAppAutoScalingGroupASG25E70A32", "NewsBlogVPCPrivateSubnet1SubnetDDAE3CBA", EdgeKind::Reference);

  const std::string dot = to_dot(d, {});
  CHECK(dot.find("subgraph \"cluster:NewsBlogStack/NewsBlogVPC/PublicSubnet1\" {") != std::string::npos);
  CHECK(dot.find("<b>PublicSubnet1</b>  <font point-size=\"9\" color=\"#545B64\">Public subnet</font>") != std::string::npos);
  CHECK(dot.find("<b>PrivateSubnet2</b>  <font point-size=\"9\" color=\"#545B64\">Private subnet</font>") != std::string::npos);
  // "Subnet" would say "Subnet" twice: the caption names it alone.
  CHECK(dot.find("\"NewsBlogStack/NewsBlogVPCPublicSubnet1Subnet17D32EFA\" [label=<<b>Subnet</b><br/><font point-size=\"8\" "
                 "color=\"#879196\">10.0.0.0/18</font>>") != std::string::npos);
  CHECK(dot.find("\"NewsBlogStack/NewsBlogVPCPublicSubnet1NATGateway8B3D0826\" [label=<<b>NAT gateway</b>") != std::string::npos);
  CHECK(dot.find("[label=<<b>ASG</b><br/><font point-size=\"9\" color=\"#545B64\">Auto Scaling group</font>") !=
        std::string::npos);
  CHECK(dot.find("\"NewsBlogStack/YourAppAutoScalingGroupASG25E70A32\" -> "
                 "\"NewsBlogStack/NewsBlogVPCPrivateSubnet1SubnetDDAE3CBA\" [tooltip=\"Ref\"];") != std::string::npos);
  CHECK(dot.find("-> \"NewsBlogStack/InstanceRole3CCE2F1D\" [style=dashed") != std::string::npos);
}

TEST_CASE("construct paths come from the assembly's manifest when the template has none") {
  // The manifest CDK and cdkpp write lists, per construct path, the element's logical id.
  const Json with_paths = cdk::template_io::load_template_file(newsblog_paths.string());
  Json metadata = Json::object();
  for (const auto& [id, resource] : with_paths["Resources"].items())
    metadata["/" + resource["Metadata"]["aws:cdk:path"].get<std::string>()] =
        Json::array({{{"type", "aws:cdk:logicalId"}, {"data", id}}});

  SUBCASE("inline, as cdkpp writes it") {
    const fs::path dir = scratch("manifest_inline");
    fs::copy_file(newsblog_expected, dir / "NewsBlogStack.template.json");
    write(dir / "manifest.json", Json{{"version", "38.0.1"},
                                      {"artifacts",
                                       {{"NewsBlogStack",
                                         {{"type", "aws:cloudformation:stack"},
                                          {"properties", {{"templateFile", "NewsBlogStack.template.json"}}},
                                          {"metadata", metadata},
                                          {"displayName", "NewsBlogStack"}}}}}}
                                     .dump(1));
    check_newsblog_boxes(draw({dir}));
    // The template file of an assembly, given alone, finds its manifest too.
    check_newsblog_boxes(draw({dir / "NewsBlogStack.template.json"}));
  }
  SUBCASE("in the additionalMetadataFile newer CDK versions write") {
    const fs::path dir = scratch("manifest_file");
    fs::copy_file(newsblog_expected, dir / "NewsBlogStack.template.json");
    write(dir / "NewsBlogStack.metadata.json", metadata.dump(1));
    write(dir / "manifest.json", Json{{"version", "48.0.0"},
                                      {"artifacts",
                                       {{"NewsBlogStack",
                                         {{"type", "aws:cloudformation:stack"},
                                          {"properties", {{"templateFile", "NewsBlogStack.template.json"}}},
                                          {"additionalMetadataFile", "NewsBlogStack.metadata.json"},
                                          {"displayName", "NewsBlogStack"}}}}}}
                                     .dump(1));
    check_newsblog_boxes(draw({dir}));
  }
}

TEST_CASE("--all draws the noise and the association resources as nodes") {
  DiagramOptions all;
  all.all = true;
  const Diagram d = draw({newsblog_expected}, all);
  CHECK(node(d, "BootstrapVersion").kind == NodeKind::Parameter);
  CHECK(node(d, "NewsBlogVPCPublicSubnet1RouteTableAssociation1CEA80E2").caption == "Route table association");
  CHECK(node(d, "NewsBlogVPCVPCGWE10138BA").caption == "Gateway attachment");
  check_edge(d, "NewsBlogVPCPublicSubnet1RouteTableAssociation1CEA80E2", "NewsBlogVPCPublicSubnet1Subnet17D32EFA", EdgeKind::Reference);
  check_edge(d, "NewsBlogVPCPublicSubnet1DefaultRouteDFBB2315", "NewsBlogVPCVPCGWE10138BA", EdgeKind::DependsOn);
  CHECK_FALSE(edge(d, "NewsBlogVPCPublicSubnet1Subnet17D32EFA", "NewsBlogVPCPublicSubnet1RouteTableDE8259F4"));
  CHECK(std::none_of(d.edges.begin(), d.edges.end(), [](const Edge& e) { return e.kind == EdgeKind::Association; }));

  DiagramOptions lean;
  lean.parameters = false;
  lean.depends_on = false;
  const Diagram l = draw({newsblog_expected}, lean);
  CHECK(std::none_of(l.nodes.begin(), l.nodes.end(), [](const Node& n) { return n.kind == NodeKind::Parameter; }));
  CHECK(std::none_of(l.edges.begin(), l.edges.end(), [](const Edge& e) { return e.kind == EdgeKind::DependsOn; }));
}

TEST_CASE("multi_stage: imports between the stacks of a stage are edges to the exporting resources") {
  const fs::path assembly = multi_stage_assembly();
  const Diagram d = draw({assembly});

  // A box per stage holding its two stacks.
  CHECK(labels_of(d.clusters) == std::vector<std::string>{"Dev", "Prod"});
  CHECK(d.clusters[1].kind == ClusterKind::Stage);
  CHECK(labels_of(d.clusters[1].clusters) ==
        std::vector<std::string>{"Network (Prod-Network)", "Compute (Prod-Compute)"});
  CHECK(d.clusters[1].clusters[0].kind == ClusterKind::Stack);

  // Compute imports the VPC and the private subnets Network exports; Prod's only from Prod.
  const std::size_t web_sg = index_of(d, "Prod/Compute", "WebInstanceSecurityGroup350E09E3");
  const std::size_t web_asg = index_of(d, "Prod/Compute", "WebASGD69FD9D9");
  auto has = [&](std::size_t from, std::string_view stack, std::string_view to) {
    const std::size_t target = index_of(d, stack, to);
    for (const auto& e : d.edges)
      if (e.from == from && e.to == target && e.kind == EdgeKind::Import) return true;
    return false;
  };
  CHECK(has(web_sg, "Prod/Network", "Vpc8378EB38"));
  CHECK(has(web_asg, "Prod/Network", "VpcPrivateSubnet1Subnet536B997A"));
  CHECK(has(web_asg, "Prod/Network", "VpcPrivateSubnet2Subnet3788AAA1"));
  CHECK_FALSE(has(web_asg, "Prod/Network", "VpcPublicSubnet1Subnet5C2D37C4"));
  const std::size_t dev_asg = index_of(d, "Dev/Compute", "WebASGD69FD9D9");
  for (const auto& e : d.edges) {
    if (e.kind != EdgeKind::Import) continue;
    CHECK(d.nodes[e.from].stack.substr(0, 4) == d.nodes[e.to].stack.substr(0, 4));
    if (e.from == web_asg) CHECK(e.how.rfind("Fn::ImportValue Prod-Network:ExportsOutputRef", 0) == 0);
  }
  CHECK(has(dev_asg, "Dev/Network", "VpcPrivateSubnet1Subnet536B997A"));
  // The outputs CDK adds for the exports are hidden; people's outputs are drawn.
  CHECK_FALSE(d.find("Prod/Network", "ExportsOutputRefVpc8378EB38272D6E3A"));
  const Node* output = d.find("Prod/Compute", "WebGroupName");
  REQUIRE(output);
  CHECK(output->kind == NodeKind::Output);
  check_edge(d, "WebGroupName", "WebASGD69FD9D9", EdgeKind::Reference);

  const std::string dot = to_dot(d, {});
  CHECK(dot.find("\"Prod/Compute/WebASGD69FD9D9\" -> \"Prod/Network/VpcPrivateSubnet1Subnet536B997A\" [color=\"#0972D3\", "
                 "penwidth=1.8, label=\"import\"") != std::string::npos);

  SUBCASE("--all: imports point at the export outputs") {
    DiagramOptions all;
    all.all = true;
    const Diagram a = draw({assembly}, all);
    REQUIRE(a.find("Prod/Network", "ExportsOutputRefVpc8378EB38272D6E3A"));
    CHECK(a.find("Prod/Network", "ExportsOutputRefVpc8378EB38272D6E3A")->detail ==
          "Prod-Network:ExportsOutputRefVpc8378EB38272D6E3A");
    const std::size_t sg = index_of(a, "Prod/Compute", "WebInstanceSecurityGroup350E09E3");
    const std::size_t out = index_of(a, "Prod/Network", "ExportsOutputRefVpc8378EB38272D6E3A");
    CHECK(std::any_of(a.edges.begin(), a.edges.end(),
                      [&](const Edge& e) { return e.from == sg && e.to == out && e.kind == EdgeKind::Import; }));
  }
  SUBCASE("--stack: one stack, its imports from the others as named nodes outside its box") {
    DiagramOptions one;
    one.stacks = {"Prod/Compute"};
    const Diagram c = draw({assembly}, one);
    CHECK(labels_of(c.clusters) == std::vector<std::string>{"Prod/Compute (Prod-Compute)"});
    const Node& vpc = node(c, "Prod-Network:ExportsOutputRefVpc8378EB38272D6E3A");
    CHECK(vpc.kind == NodeKind::External);
    CHECK(vpc.name == "Vpc");
    CHECK(vpc.caption == "Export of Prod/Network");
    check_edge(c, "WebInstanceSecurityGroup350E09E3", "Prod-Network:ExportsOutputRefVpc8378EB38272D6E3A", EdgeKind::Import);
    // The same stack by its stack name or artifact id.
    one.stacks = {"Prod-Compute"};
    CHECK(draw({assembly}, one).nodes.size() == c.nodes.size());
    one.stacks = {"ProdComputeE5A8C520"};
    CHECK(draw({assembly}, one).nodes.size() == c.nodes.size());
  }
  SUBCASE("an unknown stack is an error naming the stacks there are") {
    DiagramOptions wrong;
    wrong.stacks = {"Prod/Nope"};
    const auto e = thrown([&] { draw({assembly}, wrong); });
    CHECK(e.code() == "cdk.diagram.UnknownStack");
    CHECK(e.path() == "Prod/Nope");
    CHECK(std::string{e.what()}.find("the stacks are: Dev/Network, Dev/Compute, Prod/Network, Prod/Compute") !=
          std::string::npos);
  }
}

TEST_CASE("the expected templates of multi_stage given as files find each other's exports") {
  const Diagram d = draw({multi_stage / "assembly-Prod/ProdNetwork2D2E7D69.template.json",
                          multi_stage / "assembly-Prod/ProdComputeE5A8C520.template.json"});
  const Edge* e = edge(d, "WebASGD69FD9D9", "VpcPrivateSubnet2Subnet3788AAA1");
  REQUIRE(e);
  CHECK(e->kind == EdgeKind::Import);
  // Alone, the compute stack's imports come from outside.
  const Diagram alone = draw({multi_stage / "assembly-Prod/ProdComputeE5A8C520.template.json"});
  const Node& outside = node(alone, "Prod-Network:ExportsOutputRefVpc8378EB38272D6E3A");
  CHECK(outside.kind == NodeKind::External);
  CHECK(outside.caption == "Import from outside");
}

TEST_CASE("references: Ref, Fn::GetAtt in both forms, Fn::Sub names, Fn::If branches, DependsOn") {
  const fs::path dir = scratch("references");
  write(dir / "Refs.template.yaml", R"(Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Topic:
    Type: AWS::SNS::Topic
  Queue:
    Type: AWS::SQS::Queue
  Key:
    Type: AWS::KMS::Key
  Fn:
    Type: AWS::Lambda::Function
    DependsOn: [Topic, Key]
    Properties:
      Role: !GetAtt Role.Arn
      Environment:
        Variables:
          QUEUE: !Sub "${Queue.QueueName} in ${AWS::Region} for ${Env}, literally ${!Key}"
          LOCAL: !Sub ["${Name}", {Name: !Ref Topic}]
          PICK: !If [IsProd, !Ref Bucket, !Ref AWS::NoValue]
  Role:
    Type: AWS::IAM::Role
    DependsOn: Queue
  Bucket:
    Type: AWS::S3::Bucket
    Condition: IsProd
Outputs:
  FnArn:
    Value: !GetAtt [Fn, Arn]
    Export:
      Name: !Sub "${AWS::StackName}-FnArn"
)");
  const Diagram d = draw({dir / "Refs.template.yaml"});
  check_edge(d, "Fn", "Role", EdgeKind::Reference, "Fn::GetAtt Arn");
  check_edge(d, "Fn", "Queue", EdgeKind::Reference, "Fn::Sub ${Queue.QueueName}");
  check_edge(d, "Fn", "Env", EdgeKind::Reference, "Fn::Sub ${Env}");
  // ${!Key} is text; ${Name} a variable of the Sub, whose value reads Topic.
  check_edge(d, "Fn", "Key", EdgeKind::DependsOn, "DependsOn");
  check_edge(d, "Fn", "Topic", EdgeKind::Reference, "Ref");
  check_edge(d, "Fn", "Bucket", EdgeKind::Reference, "Ref");
  check_edge(d, "Role", "Queue", EdgeKind::DependsOn);
  check_edge(d, "FnArn", "Fn", EdgeKind::Reference, "Fn::GetAtt Arn");
  // DependsOn Topic is implied by the reference: one edge.
  CHECK(std::count_if(d.edges.begin(), d.edges.end(), [&](const Edge& e) {
          return d.nodes[e.from].logical_id == "Fn" && d.nodes[e.to].logical_id == "Topic";
        }) == 1);
  CHECK(node(d, "FnArn").caption == "Export");
  CHECK(node(d, "FnArn").detail == "Refs-FnArn");
  CHECK(node(d, "Env").caption == "Parameter (String)");
  CHECK(node(d, "Key").family == Family::Security);
  CHECK(node(d, "Bucket").family == Family::Storage);
  CHECK(node(d, "Queue").family == Family::Integration);
  // Edges in template order: Fn's references in document order, then its DependsOn.
  std::vector<std::string> order;
  for (const auto& e : d.edges) order.push_back(d.nodes[e.from].logical_id + ">" + d.nodes[e.to].logical_id);
  CHECK(order == std::vector<std::string>{"Fn>Role", "Fn>Queue", "Fn>Env", "Fn>Topic", "Fn>Bucket", "Fn>Key",
                                          "Role>Queue", "FnArn>Fn"});

  std::vector<Reference> refs;
  collect_references(cdk::template_io::parse_document(R"({"a": {"Fn::GetAtt": "A.B.C"}, "b": {"Fn::Sub": "${ X }"}})", "t"), refs);
  REQUIRE(refs.size() == 2);
  CHECK(refs[0].target == "A");
  CHECK(refs[0].attribute == "B.C");
  CHECK(refs[1].target == "X");
  CHECK(static_string(cdk::template_io::parse_document(R"({"Fn::Join": [":", [{"Ref": "AWS::StackName"}, "x"]]})", "t"), "S") == "S:x");
  CHECK_FALSE(static_string(cdk::template_io::parse_document(R"({"Fn::Sub": "${AWS::Region}-x"})", "t"), "S"));
}

TEST_CASE("names and types that need escaping stay inside their DOT strings and labels") {
  CHECK(dot_quoted("a\"b\\c\nd\te") == "\"a\\\"b\\\\c\\nd e\"");
  CHECK(dot_quoted("ends with \\") == "\"ends with \\\\\"");
  CHECK(html_text("<b>&\"x\"</b>\n") == "&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt; ");
  CHECK(valid_utf8("ok \xC3\xA9 \xFF \xC3") == "ok \xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD");

  const fs::path dir = scratch("escaping");
  write(dir / "Odd.template.json", R"({
  "Resources": {
    "Odd": {
      "Type": "Custom::A<b>&\"c\"",
      "Metadata": {"aws:cdk:path": "Odd\\Stack/Web \"front\" <1>/Resource"},
      "Properties": {"Peer": {"Ref": "Other"}, "X": {"Fn::ImportValue": "quote\"back\\slash\n<tag>"}}
    },
    "Other": {
      "Type": "AWS::SNS::Topic",
      "Metadata": {"aws:cdk:path": "Odd\\Stack/Web \"front\" <1>/Topic & more"}
    }
  }
})");
  const std::string dot = diagram_dot({(dir / "Odd.template.json").string()});
  CHECK(dot.find("subgraph \"cluster:Odd/Web \\\"front\\\" <1>\" {") != std::string::npos);
  CHECK(dot.find("label=<<b>Web &quot;front&quot; &lt;1&gt;</b>") != std::string::npos);
  CHECK(dot.find("<font point-size=\"9\" color=\"#545B64\">Custom::A&lt;b&gt;&amp;&quot;c&quot;</font>") != std::string::npos);
  CHECK(dot.find("<b>Topic &amp; more</b>") != std::string::npos);
  CHECK(dot.find("\"import:quote\\\"back\\\\slash\\n<tag>\"") != std::string::npos);
  CHECK(dot.find("tooltip=\"Odd (Custom::A<b>&\\\"c\\\")\\nOdd\\\\Stack/Web \\\"front\\\" <1>/Resource\"") != std::string::npos);
  // Graphviz reads it back, labels intact.
  if (graphviz_installed()) {
    const std::string svg = render_dot(dot);
    CHECK(svg.find("Web &quot;front&quot; &lt;1&gt;") != std::string::npos);
    CHECK(svg.find("Topic &amp; more") != std::string::npos);
  }
}

TEST_CASE("the same input gives the same bytes, in the template's order") {
  const std::string once = diagram_dot({newsblog_paths.string()});
  CHECK(once == diagram_dot({newsblog_paths.string()}));
  CHECK(diagram_dot({multi_stage_assembly().string()}) == diagram_dot({multi_stage_assembly().string()}));

  // Reordering the template reorders the drawing; nothing is sorted by name or hash.
  const fs::path dir = scratch("order");
  write(dir / "A.template.json", R"({"Resources": {"Zeta": {"Type": "AWS::SNS::Topic"}, "Alpha": {"Type": "AWS::SQS::Queue",
    "Properties": {"A": {"Ref": "Zeta"}, "B": {"Ref": "Mid"}}}, "Mid": {"Type": "AWS::SNS::Topic"}}})");
  write(dir / "B.template.json", R"({"Resources": {"Mid": {"Type": "AWS::SNS::Topic"}, "Alpha": {"Type": "AWS::SQS::Queue",
    "Properties": {"B": {"Ref": "Mid"}, "A": {"Ref": "Zeta"}}}, "Zeta": {"Type": "AWS::SNS::Topic"}}})");
  const std::string a = diagram_dot({(dir / "A.template.json").string()});
  const std::string b = diagram_dot({(dir / "B.template.json").string()});
  CHECK(a.find("\"A/Zeta\" [") < a.find("\"A/Alpha\" ["));
  CHECK(a.find("\"A/Alpha\" [") < a.find("\"A/Mid\" ["));
  CHECK(a.find("\"A/Alpha\" -> \"A/Zeta\"") < a.find("\"A/Alpha\" -> \"A/Mid\""));
  CHECK(b.find("\"B/Mid\" [") < b.find("\"B/Alpha\" ["));
  CHECK(b.find("\"B/Alpha\" -> \"B/Mid\"") < b.find("\"B/Alpha\" -> \"B/Zeta\""));
}

TEST_CASE("two inputs with stacks of one name are drawn as two stacks") {
  const std::string dot = diagram_dot({newsblog_expected.string(), newsblog_paths.string()});
  CHECK(dot.find("subgraph \"cluster:NewsBlogStack\" {") != std::string::npos);
  CHECK(dot.find("subgraph \"cluster:NewsBlogStack (2)\" {") != std::string::npos);
  CHECK(dot.find("\"NewsBlogStack (2)/NewsBlogVPCC925B703\" [") != std::string::npos);
}

TEST_CASE("rendering: Graphviz missing or failing, and atomic writes") {
  RenderOptions missing;
  missing.program = "cdkpp-no-such-graphviz";
  auto e = thrown([&] { render_dot("digraph {}", missing); });
  CHECK(e.code() == "cdk.diagram.GraphvizMissing");
  CHECK(e.path() == "cdkpp-no-such-graphviz");
  CHECK(std::string{e.what()}.find("install it") != std::string::npos);

  if (graphviz_installed()) {
    const std::string svg = render_dot(diagram_dot({newsblog_paths.string()}));
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("PublicSubnet1") != std::string::npos);
    e = thrown([&] { render_dot("digraph { this is not DOT"); });
    CHECK(e.code() == "cdk.diagram.GraphvizFailed");
    CHECK(std::string{e.what()}.find("syntax error") != std::string::npos);
  } else {
    MESSAGE("Graphviz's dot is not on PATH: rendering is not checked");
  }

  const fs::path dir = scratch("write");
  write_file_atomically((dir / "out.dot").string(), "digraph {}\n");
  write_file_atomically((dir / "out.dot").string(), "digraph { a }\n");
  CHECK(read(dir / "out.dot") == "digraph { a }\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);  // no temporary left
  e = thrown([&] { write_file_atomically((dir / "no/such/folder/out.svg").string(), "x"); });
  CHECK(e.code() == "cdk.diagram.WriteError");
  CHECK(e.path() == (dir / "no/such/folder/out.svg").string());
}
