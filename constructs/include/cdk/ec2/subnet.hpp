// Subnets: the types a VPC is divided into, how constructs pick subnets (SubnetSelection),
// and the subnet constructs a Vpc creates (Subnet, PublicSubnet, PrivateSubnet).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/borrowed.hpp"
#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk::ec2 {

class CfnNatGateway;
class CfnRouteTable;
class CfnSubnet;

/// What a subnet can reach, as in CDK.
enum class SubnetType {
  /// No route to the internet (CDK's PRIVATE_ISOLATED; tag value "Isolated").
  PrivateIsolated,
  /// Outbound internet through a NAT gateway (CDK's PRIVATE_WITH_EGRESS; tag "Private").
  PrivateWithEgress,
  /// Routes to the internet gateway (tag "Public").
  Public,
};

/// CDK's value of the `aws-cdk:subnet-type` tag: "Isolated", "Private" or "Public".
std::string_view subnet_type_tag_value(SubnetType type);

/// A subnet of a VPC, created here or imported.
class ISubnet {
 public:
  virtual ~ISubnet() = default;
  virtual Value subnet_id() const = 0;
  /// The AZ: a literal name, or a token (Fn::Select of Fn::GetAZs) in an
  /// environment-agnostic stack.
  virtual Value availability_zone() const = 0;
  virtual Value route_table_id() const = 0;
  virtual Value ipv4_cidr_block() const = 0;
  /// The resources to depend on before using the internet from this subnet (its route
  /// table association and default route). Pass each to Construct::add_dependency.
  virtual std::vector<Construct*> internet_connectivity_established() const = 0;
  /// The construct in the tree that represents this subnet (for paths and ids).
  virtual const Construct& subnet_construct() const = 0;
};

/// Which subnets of a VPC to use. At most one of subnet_type, subnet_group_name and
/// subnets; with none of them, CDK's default: the private subnets with egress, else the
/// isolated ones, else the public ones.
struct SubnetSelection {
  std::optional<SubnetType> subnet_type;
  /// The `name` of a group in the Vpc's subnet_configuration.
  std::optional<std::string> subnet_group_name;
  /// Keep only subnets in these AZs (default: no filter).
  std::optional<std::vector<Value>> availability_zones;
  /// Keep at most one subnet per AZ (the first). Default false.
  bool one_per_az = false;
  /// Exactly these subnets.
  std::optional<std::vector<Borrowed<const ISubnet>>> subnets;
};

/// The result of IVpc::select_subnets.
struct SelectedSubnets {
  std::vector<Value> subnet_ids;
  /// The AZ of each subnet, in the order of subnet_ids.
  std::vector<Value> availability_zones;
  std::vector<const ISubnet*> subnets;
  /// Whether any of the subnets is one of the VPC's public subnets.
  bool has_public = false;
  /// What to depend on so that these subnets reach the internet (see ISubnet).
  std::vector<Construct*> internet_connectivity_established;
};

/// A subnet as CDK imports it: ids and attributes of an existing subnet.
struct SubnetAttributes {
  Value subnet_id;
  /// Default: unknown (availability_zone() then throws cdk.ec2.MissingSubnetAttribute).
  std::optional<Value> availability_zone;
  std::optional<Value> ipv4_cidr_block;
  std::optional<Value> route_table_id;
};

struct SubnetProps {
  Value availability_zone;
  Value vpc_id;
  /// The IPv4 CIDR, e.g. "10.0.0.0/24".
  Value cidr_block;
  /// Default: not written (CloudFormation's false); a Vpc sets it on every subnet.
  std::optional<bool> map_public_ip_on_launch;
};

/// What a route points at (the property of AWS::EC2::Route that names the target).
enum class RouterType {
  CarrierGateway,
  EgressOnlyInternetGateway,
  Gateway,
  Instance,
  LocalGateway,
  NatGateway,
  NetworkInterface,
  TransitGateway,
  VpcPeeringConnection,
  VpcEndpoint,
};

struct AddRouteOptions {
  /// Default "0.0.0.0/0" (when no IPv6 destination is given).
  std::optional<Value> destination_cidr_block;
  std::optional<Value> destination_ipv6_cidr_block;
  RouterType router_type = RouterType::Gateway;
  Value router_id;
  /// Whether constructs that need the internet must wait for this route. Default false.
  bool enables_internet_connectivity = false;
};

/// A new subnet with its own route table (AWS::EC2::Subnet, RouteTable,
/// SubnetRouteTableAssociation), tagged Name = its path.
class Subnet : public Construct, public ISubnet {
 public:
  using Props = SubnetProps;

  Subnet(Construct& scope, std::string_view id, SubnetProps props);

  /// An existing subnet, owned by `scope`.
  static ISubnet& from_subnet_attributes(Construct& scope, std::string_view id, SubnetAttributes attributes);
  static ISubnet& from_subnet_id(Construct& scope, std::string_view id, Value subnet_id);

  Value subnet_id() const override;
  Value availability_zone() const override { return availability_zone_; }
  Value route_table_id() const override;
  Value ipv4_cidr_block() const override { return cidr_block_; }
  std::vector<Construct*> internet_connectivity_established() const override { return connectivity_; }
  const Construct& subnet_construct() const override { return *this; }

  /// The AWS::EC2::Subnet (CDK's node.defaultChild).
  CfnSubnet& cfn_subnet() const { return *subnet_; }
  CfnRouteTable& cfn_route_table() const { return *route_table_; }

  /// A route 0.0.0.0/0 to an internet gateway, created after `gateway_attachment`.
  void add_default_internet_route(Value gateway_id, Construct& gateway_attachment);
  /// A route 0.0.0.0/0 to a NAT gateway (id "DefaultRoute").
  void add_default_nat_route(Value nat_gateway_id);
  void add_route(std::string_view id, AddRouteOptions options);

 private:
  Value availability_zone_;
  Value cidr_block_;
  CfnSubnet* subnet_ = nullptr;
  CfnRouteTable* route_table_ = nullptr;
  std::vector<Construct*> connectivity_;
};

/// A subnet that routes to the internet gateway and can hold NAT gateways.
class PublicSubnet : public Subnet {
 public:
  using Subnet::Subnet;
  /// A NAT gateway in this subnet ("NATGateway"), with a new Elastic IP ("EIP") unless
  /// an allocation id is given; created after this subnet's internet connectivity.
  CfnNatGateway& add_nat_gateway(std::optional<Value> eip_allocation_id = {});
};

/// A private (with egress) or isolated subnet.
class PrivateSubnet : public Subnet {
 public:
  using Subnet::Subnet;
};

}  // namespace cdk::ec2
