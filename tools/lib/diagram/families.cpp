#include "diagram/families.hpp"

#include <array>
#include <utility>

namespace cdk::tools::diagram {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// "AWS::EC2::Subnet" -> {"EC2", "Subnet"}; anything else -> {"", type}.
std::pair<std::string_view, std::string_view> split_type(std::string_view type) {
  if (!starts_with(type, "AWS::")) return {"", type};
  const std::string_view rest = type.substr(5);
  const std::size_t sep = rest.find("::");
  if (sep == std::string_view::npos) return {"", type};
  return {rest.substr(0, sep), rest.substr(sep + 2)};
}

template <std::size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& names) {
  for (auto name : names)
    if (s == name) return true;
  return false;
}

Family ec2_family(std::string_view name) {
  static constexpr std::array<std::string_view, 16> network_prefixes{
      "VPC", "Subnet", "Route", "Nat", "InternetGateway", "EgressOnlyInternetGateway", "EIP", "Network",
      "TransitGateway", "VPN", "PrefixList", "CustomerGateway", "DHCP", "CarrierGateway", "LocalGateway", "IPAM"};
  if (starts_with(name, "SecurityGroup") || name == "KeyPair") return Family::Security;
  if (name == "Volume" || name == "VolumeAttachment") return Family::Storage;
  if (name == "FlowLog") return Family::Management;
  for (auto prefix : network_prefixes)
    if (starts_with(name, prefix)) return Family::Network;
  return Family::Compute;  // Instance, LaunchTemplate, SpotFleet, PlacementGroup, ...
}

}  // namespace

Family family_of(std::string_view type) {
  const auto [service, name] = split_type(type);
  if (service.empty()) return starts_with(type, "Custom::") ? Family::Management : Family::Other;
  if (service == "EC2") return ec2_family(name);
  static constexpr std::array<std::string_view, 11> network{
      "ElasticLoadBalancing", "ElasticLoadBalancingV2", "Route53", "Route53Resolver", "CloudFront",
      "GlobalAccelerator", "DirectConnect", "NetworkFirewall", "NetworkManager", "VpcLattice", "ServiceDiscovery"};
  static constexpr std::array<std::string_view, 12> compute{
      "AutoScaling", "Lambda", "ECS", "EKS", "Batch", "ElasticBeanstalk", "AppRunner", "Lightsail", "ECR",
      "ImageBuilder", "Serverless", "ApplicationAutoScaling"};
  static constexpr std::array<std::string_view, 14> security{
      "IAM", "KMS", "SecretsManager", "CertificateManager", "Cognito", "WAF", "WAFv2", "WAFRegional", "SSO",
      "GuardDuty", "SecurityHub", "Shield", "ACMPCA", "AccessAnalyzer"};
  static constexpr std::array<std::string_view, 6> storage{"S3", "S3Express", "EFS", "FSx", "Backup", "StorageGateway"};
  static constexpr std::array<std::string_view, 10> database{
      "RDS", "DynamoDB", "ElastiCache", "Neptune", "DocDB", "Redshift", "MemoryDB", "Timestream", "Cassandra", "QLDB"};
  static constexpr std::array<std::string_view, 11> integration{
      "SNS", "SQS", "Events", "StepFunctions", "ApiGateway", "ApiGatewayV2", "AppSync", "Pipes", "Scheduler", "MQ", "SES"};
  static constexpr std::array<std::string_view, 8> analytics{
      "Kinesis", "KinesisFirehose", "Glue", "Athena", "EMR", "OpenSearchService", "Elasticsearch", "MSK"};
  static constexpr std::array<std::string_view, 9> management{
      "CloudWatch", "Logs", "SSM", "CloudFormation", "Config", "CloudTrail", "CDK", "ServiceCatalog", "Synthetics"};
  if (one_of(service, network)) return Family::Network;
  if (one_of(service, compute)) return Family::Compute;
  if (one_of(service, security)) return Family::Security;
  if (one_of(service, storage)) return Family::Storage;
  if (one_of(service, database)) return Family::Database;
  if (one_of(service, integration)) return Family::Integration;
  if (one_of(service, analytics)) return Family::Analytics;
  if (one_of(service, management)) return Family::Management;
  return Family::Other;
}

std::string friendly_type(std::string_view type) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 42> names{{
      {"AWS::EC2::VPC", "VPC"},
      {"AWS::EC2::Subnet", "Subnet"},
      {"AWS::EC2::RouteTable", "Route table"},
      {"AWS::EC2::Route", "Route"},
      {"AWS::EC2::NatGateway", "NAT gateway"},
      {"AWS::EC2::InternetGateway", "Internet gateway"},
      {"AWS::EC2::EgressOnlyInternetGateway", "Egress-only internet gateway"},
      {"AWS::EC2::VPCGatewayAttachment", "Gateway attachment"},
      {"AWS::EC2::SubnetRouteTableAssociation", "Route table association"},
      {"AWS::EC2::EIP", "Elastic IP"},
      {"AWS::EC2::VPCEndpoint", "VPC endpoint"},
      {"AWS::EC2::NetworkAcl", "Network ACL"},
      {"AWS::EC2::FlowLog", "Flow log"},
      {"AWS::EC2::SecurityGroup", "Security group"},
      {"AWS::EC2::SecurityGroupIngress", "Ingress rule"},
      {"AWS::EC2::SecurityGroupEgress", "Egress rule"},
      {"AWS::EC2::Instance", "EC2 instance"},
      {"AWS::EC2::LaunchTemplate", "Launch template"},
      {"AWS::EC2::Volume", "EBS volume"},
      {"AWS::AutoScaling::AutoScalingGroup", "Auto Scaling group"},
      {"AWS::AutoScaling::LaunchConfiguration", "Launch configuration"},
      {"AWS::AutoScaling::ScalingPolicy", "Scaling policy"},
      {"AWS::AutoScaling::ScheduledAction", "Scheduled action"},
      {"AWS::AutoScaling::LifecycleHook", "Lifecycle hook"},
      {"AWS::IAM::Role", "IAM role"},
      {"AWS::IAM::Policy", "IAM policy"},
      {"AWS::IAM::ManagedPolicy", "Managed policy"},
      {"AWS::IAM::InstanceProfile", "Instance profile"},
      {"AWS::IAM::User", "IAM user"},
      {"AWS::IAM::Group", "IAM group"},
      {"AWS::S3::Bucket", "S3 bucket"},
      {"AWS::S3::BucketPolicy", "Bucket policy"},
      {"AWS::Lambda::Function", "Lambda function"},
      {"AWS::Lambda::Permission", "Lambda permission"},
      {"AWS::Logs::LogGroup", "Log group"},
      {"AWS::SNS::Topic", "SNS topic"},
      {"AWS::SQS::Queue", "SQS queue"},
      {"AWS::DynamoDB::Table", "DynamoDB table"},
      {"AWS::RDS::DBInstance", "RDS instance"},
      {"AWS::KMS::Key", "KMS key"},
      {"AWS::ElasticLoadBalancingV2::LoadBalancer", "Load balancer"},
      {"AWS::CloudFormation::Stack", "Nested stack"},
  }};
  for (const auto& [cfn, name] : names)
    if (type == cfn) return std::string{name};
  const auto [service, name] = split_type(type);
  if (service.empty()) return std::string{type};
  return std::string{service} + " " + std::string{name};
}

const FamilyStyle& style_of(Family family) {
  // After the colours of AWS's architecture icons, so that a network reads purple and
  // compute orange as in AWS's own drawings; fills are light tints so labels stay legible.
  static constexpr std::array<FamilyStyle, 9> styles{{
      {"network", "#8C4FFF", "#F3EDFF", "box"},
      {"compute", "#ED7100", "#FEF0E1", "box"},
      {"security", "#DD344C", "#FCE8EB", "box"},
      {"storage", "#7AA116", "#F0F6E4", "cylinder"},
      {"database", "#C925D1", "#F9E7FA", "cylinder"},
      {"integration", "#E7157B", "#FCE6F1", "box"},
      {"analytics", "#0972D3", "#E5F0FB", "box"},
      {"management", "#01A88D", "#E1F5F1", "box"},
      {"other", "#5F6B7A", "#EEF0F2", "box"},
  }};
  return styles[static_cast<std::size_t>(family)];
}

}  // namespace cdk::tools::diagram
