// The VPC (CDK's ec2.Vpc): a VPC divided into subnet groups across availability zones,
// with the internet gateway, NAT gateways and routes CDK creates; and IVpc, the
// interface other constructs (instances, auto scaling groups, security groups) use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cdk/construct.hpp"
#include "cdk/ec2/ip_addresses.hpp"
#include "cdk/ec2/subnet.hpp"
#include "cdk/ec2/vpc_endpoint.hpp"
#include "cdk/ec2/vpc_flow_logs.hpp"
#include "cdk/value.hpp"

namespace cdk::ec2 {

class CfnVPC;
class CfnInternetGateway;
class CfnVPCGatewayAttachment;

/// A VPC, created here or imported.
class IVpc {
 public:
  virtual ~IVpc() = default;
  virtual Value vpc_id() const = 0;
  /// arn:<partition>:ec2:<region>:<account>:vpc/<id>, for the stack's account and region.
  virtual Value vpc_arn() const = 0;
  virtual Value vpc_cidr_block() const = 0;
  /// The AZs the VPC spans: literal names, or Fn::Select tokens when the stack is
  /// environment-agnostic.
  virtual std::vector<Value> availability_zones() const = 0;
  virtual std::vector<const ISubnet*> public_subnets() const = 0;
  virtual std::vector<const ISubnet*> private_subnets() const = 0;
  virtual std::vector<const ISubnet*> isolated_subnets() const = 0;
  /// What to depend on so that the VPC reaches the internet (IGW, routes).
  virtual std::vector<Construct*> internet_connectivity_established() const = 0;
  /// The subnets matching `selection`; throws cdk::Error (cdk.ec2.InvalidSubnetSelection,
  /// cdk.ec2.NoSubnetsMatch) naming the VPC's path.
  virtual SelectedSubnets select_subnets(const SubnetSelection& selection = {}) const = 0;
  /// The construct in the tree that represents this VPC.
  virtual const Construct& vpc_construct() const = 0;
  /// A gateway endpoint (S3, DynamoDB) in this VPC's route tables, a child of the VPC.
  virtual GatewayVpcEndpoint& add_gateway_endpoint(std::string_view id, GatewayVpcEndpointOptions options) = 0;
  /// A flow log of this VPC's traffic, a child of the VPC.
  virtual FlowLog& add_flow_log(std::string_view id, FlowLogOptions options = {}) = 0;
};

/// Subnet selection shared by the new and the imported VPC (CDK's VpcBase).
class VpcBase : public Construct, public IVpc {
 public:
  using Construct::Construct;
  SelectedSubnets select_subnets(const SubnetSelection& selection = {}) const override;
  const Construct& vpc_construct() const override { return *this; }
  Value vpc_arn() const override;

  GatewayVpcEndpoint& add_gateway_endpoint(std::string_view id, GatewayVpcEndpointOptions options) override;
  FlowLog& add_flow_log(std::string_view id, FlowLogOptions options = {}) override;

 protected:
  std::vector<const ISubnet*> select_subnet_objects(const SubnetSelection& selection) const;
};

/// The default tenancy of instances launched into the VPC.
enum class DefaultInstanceTenancy { Default, Dedicated };

/// One subnet group: a subnet of this type in every AZ.
struct SubnetConfiguration {
  /// The group's name (construct ids "<name>Subnet<n>", tag aws-cdk:subnet-name).
  std::string name;
  SubnetType subnet_type = SubnetType::Public;
  /// The subnets' prefix length, 16 to 28. Default: the space left after the groups
  /// with a mask, split evenly.
  std::optional<int> cidr_mask;
  /// Reserve the address space but create nothing. Default false.
  bool reserved = false;
  /// Default true for public subnets; only allowed on public subnets.
  std::optional<bool> map_public_ip_on_launch;
};

struct VpcProps {
  /// Default IpAddresses::cidr("10.0.0.0/16").
  std::optional<IpAddresses> ip_addresses;
  /// Default true.
  std::optional<bool> enable_dns_hostnames;
  /// Default true.
  std::optional<bool> enable_dns_support;
  /// Default DefaultInstanceTenancy::Default.
  std::optional<DefaultInstanceTenancy> default_instance_tenancy;
  /// How many of the stack's AZs to use. Default 3; an environment-agnostic stack has 2.
  /// Not together with availability_zones.
  std::optional<int> max_azs;
  /// Exactly these AZs (must be among the stack's when its region is known).
  std::optional<std::vector<std::string>> availability_zones;
  /// AZs whose address space is kept for later: every group's CIDR is allocated for them
  /// after the real AZs, but nothing is created. Default 0.
  int reserved_azs = 0;
  /// Default one per AZ when there are private subnets with egress, else none.
  std::optional<int> nat_gateways;
  /// Where the NAT gateways go. Default: the public subnets.
  std::optional<SubnetSelection> nat_gateway_subnets;
  /// The subnet groups. Default: "Public" and "Private" (PrivateWithEgress), splitting the
  /// space evenly; "Public" and "Isolated" when nat_gateways is 0.
  std::optional<std::vector<SubnetConfiguration>> subnet_configuration;
  /// Gateway endpoints to add, by construct id, in order.
  std::vector<std::pair<std::string, GatewayVpcEndpointOptions>> gateway_endpoints;
  /// Flow logs to add, by construct id, in order.
  std::vector<std::pair<std::string, FlowLogOptions>> flow_logs;
  /// The Name tag. Default: the construct path.
  std::optional<std::string> vpc_name;
  /// Default true; false creates no internet gateway (and then no NAT gateways).
  std::optional<bool> create_internet_gateway;
};

/// An existing VPC (Vpc::from_attributes).
struct VpcAttributes {
  Value vpc_id;
  /// Default: unknown (vpc_cidr_block() throws cdk.ec2.MissingVpcAttribute).
  std::optional<Value> vpc_cidr_block;
  std::vector<std::string> availability_zones;
  /// One id per AZ for each group, groups one after the other.
  std::vector<Value> public_subnet_ids;
  /// One name per group. Default "Public".
  std::vector<std::string> public_subnet_names;
  std::vector<Value> public_subnet_route_table_ids;
  std::vector<Value> private_subnet_ids;
  /// Default "Private".
  std::vector<std::string> private_subnet_names;
  std::vector<Value> private_subnet_route_table_ids;
  std::vector<Value> isolated_subnet_ids;
  /// Default "Isolated".
  std::vector<std::string> isolated_subnet_names;
  std::vector<Value> isolated_subnet_route_table_ids;
};

/// A new VPC, as CDK builds it: "Resource" (AWS::EC2::VPC), a subnet construct per group
/// and AZ ("PublicSubnet1", ...), "IGW" and "VPCGW" when any subnet reaches the internet,
/// NAT gateways in the public subnets, gateway endpoints and flow logs.
class Vpc : public VpcBase {
 public:
  using Props = VpcProps;

  static constexpr const char* DEFAULT_CIDR_RANGE = "10.0.0.0/16";

  Vpc(Construct& scope, std::string_view id, VpcProps props = {});

  /// An existing VPC owned by `scope`.
  static IVpc& from_attributes(Construct& scope, std::string_view id, VpcAttributes attributes);

  Value vpc_id() const override;
  /// Fn::GetAtt CidrBlock
  Value vpc_cidr_block() const override;
  std::vector<Value> availability_zones() const override { return availability_zones_; }
  std::vector<const ISubnet*> public_subnets() const override;
  std::vector<const ISubnet*> private_subnets() const override;
  std::vector<const ISubnet*> isolated_subnets() const override;
  std::vector<Construct*> internet_connectivity_established() const override { return connectivity_; }

  /// Fn::GetAtt DefaultSecurityGroup / DefaultNetworkAcl
  Value vpc_default_security_group() const;
  Value vpc_default_network_acl() const;
  /// {"Ref": IGW}, or null when the VPC has no internet gateway.
  Value internet_gateway_id() const;
  bool dns_hostnames_enabled() const { return dns_hostnames_enabled_; }
  bool dns_support_enabled() const { return dns_support_enabled_; }
  /// The Name tag CDK's Vpc gives every taggable resource below it (vpc_name or path).
  const std::string& name_tag() const { return name_tag_; }

  /// The AWS::EC2::VPC (CDK's node.defaultChild).
  CfnVPC& cfn_vpc() const { return *resource_; }

  /// The subnets as created, by group and AZ (PublicSubnet / PrivateSubnet).
  const std::vector<Subnet*>& public_subnet_constructs() const { return public_; }
  const std::vector<Subnet*>& private_subnet_constructs() const { return private_; }
  const std::vector<Subnet*>& isolated_subnet_constructs() const { return isolated_; }

 private:
  void create_subnets(const std::vector<SubnetConfiguration>& configuration, const IpAddresses& ip, int reserved_azs);
  void create_nat_gateways(int count, const SubnetSelection& placement);

  CfnVPC* resource_ = nullptr;
  CfnInternetGateway* igw_ = nullptr;
  std::vector<Value> availability_zones_;
  std::vector<Subnet*> public_;
  std::vector<Subnet*> private_;
  std::vector<Subnet*> isolated_;
  std::vector<Construct*> connectivity_;
  std::string name_tag_;
  bool dns_hostnames_enabled_ = true;
  bool dns_support_enabled_ = true;
};

}  // namespace cdk::ec2
