#include "cdk/ec2/subnet.hpp"

#include "cdk/ec2/cfn_eip.hpp"
#include "cdk/ec2/cfn_nat_gateway.hpp"
#include "cdk/ec2/cfn_route.hpp"
#include "cdk/ec2/cfn_route_table.hpp"
#include "cdk/ec2/cfn_subnet.hpp"
#include "cdk/ec2/cfn_subnet_route_table_association.hpp"
#include "cdk/errors.hpp"
#include "cdk/tags.hpp"

namespace cdk::ec2 {

std::string_view subnet_type_tag_value(SubnetType type) {
  switch (type) {
    case SubnetType::Public: return "Public";
    case SubnetType::PrivateWithEgress: return "Private";
    case SubnetType::PrivateIsolated: return "Isolated";
  }
  return "Isolated";
}

namespace {

/// An existing subnet (CDK's ImportedSubnet).
class ImportedSubnet : public Construct, public ISubnet {
 public:
  ImportedSubnet(Construct& scope, std::string_view id, SubnetAttributes attributes)
      : Construct(scope, id), attributes_{std::move(attributes)} {}

  Value subnet_id() const override { return attributes_.subnet_id; }
  Value availability_zone() const override {
    if (!attributes_.availability_zone) {
      throw Error(errc::Ec2MissingSubnetAttribute, path(),
                  "the subnet's availability zone was not given: add availability_zone to its SubnetAttributes");
    }
    return *attributes_.availability_zone;
  }
  Value route_table_id() const override { return attributes_.route_table_id.value_or(Value{}); }
  Value ipv4_cidr_block() const override {
    if (!attributes_.ipv4_cidr_block) {
      throw Error(errc::Ec2MissingSubnetAttribute, path(),
                  "the subnet's IPv4 CIDR block was not given: add ipv4_cidr_block to its SubnetAttributes");
    }
    return *attributes_.ipv4_cidr_block;
  }
  std::vector<Construct*> internet_connectivity_established() const override { return {}; }
  const Construct& subnet_construct() const override { return *this; }

 private:
  SubnetAttributes attributes_;
};

}  // namespace

ISubnet& Subnet::from_subnet_attributes(Construct& scope, std::string_view id, SubnetAttributes attributes) {
  return *new ImportedSubnet(scope, id, std::move(attributes));
}

ISubnet& Subnet::from_subnet_id(Construct& scope, std::string_view id, Value subnet_id) {
  return from_subnet_attributes(scope, id, {.subnet_id = std::move(subnet_id)});
}

Subnet::Subnet(Construct& scope, std::string_view id, SubnetProps props)
    : Construct(scope, id), availability_zone_{props.availability_zone}, cidr_block_{props.cidr_block} {
  // CDK's Tags.of(subnet).add("Name", path): the subnet, its route table, EIP and NAT gateway.
  Tags::of(*this).add("Name", path());
  subnet_ = &add<CfnSubnet>("Subnet", {
                                          .availability_zone = props.availability_zone,
                                          .cidr_block = props.cidr_block,
                                          .vpc_id = props.vpc_id,
                                      });
  // Written only when given, as CDK (a Vpc always gives it).
  if (props.map_public_ip_on_launch) subnet_->props().map_public_ip_on_launch = *props.map_public_ip_on_launch;
  route_table_ = &add<CfnRouteTable>("RouteTable", {
                                                       .vpc_id = props.vpc_id,
                                                   });
  auto& association = add<CfnSubnetRouteTableAssociation>("RouteTableAssociation", {
                                                                                       .route_table_id = route_table_->ref(),
                                                                                       .subnet_id = subnet_->ref(),
                                                                                   });
  connectivity_.push_back(&association);
}

Value Subnet::subnet_id() const { return subnet_->ref(); }
Value Subnet::route_table_id() const { return route_table_->ref(); }

void Subnet::add_default_internet_route(Value gateway_id, Construct& gateway_attachment) {
  auto& route = add<CfnRoute>("DefaultRoute", {
                                                  .destination_cidr_block = "0.0.0.0/0",
                                                  .gateway_id = std::move(gateway_id),
                                                  .route_table_id = route_table_->ref(),
                                              });
  route.add_dependency(gateway_attachment);
  connectivity_.push_back(&route);
}

void Subnet::add_default_nat_route(Value nat_gateway_id) {
  add_route("DefaultRoute", {.router_type = RouterType::NatGateway,
                             .router_id = std::move(nat_gateway_id),
                             .enables_internet_connectivity = true});
}

void Subnet::add_route(std::string_view id, AddRouteOptions options) {
  if (options.destination_cidr_block && options.destination_ipv6_cidr_block) {
    throw Error(errc::Ec2InvalidRoute, path(),
                "cannot specify both destination_cidr_block and destination_ipv6_cidr_block");
  }
  CfnRoute::Props props{.route_table_id = route_table_->ref()};
  if (options.destination_cidr_block) {
    props.destination_cidr_block = *options.destination_cidr_block;
  } else if (!options.destination_ipv6_cidr_block) {
    props.destination_cidr_block = "0.0.0.0/0";
  }
  if (options.destination_ipv6_cidr_block) props.destination_ipv6_cidr_block = *options.destination_ipv6_cidr_block;
  auto& target = options.router_id;
  switch (options.router_type) {
    case RouterType::CarrierGateway: props.carrier_gateway_id = target; break;
    case RouterType::EgressOnlyInternetGateway: props.egress_only_internet_gateway_id = target; break;
    case RouterType::Gateway: props.gateway_id = target; break;
    case RouterType::Instance: props.instance_id = target; break;
    case RouterType::LocalGateway: props.local_gateway_id = target; break;
    case RouterType::NatGateway: props.nat_gateway_id = target; break;
    case RouterType::NetworkInterface: props.network_interface_id = target; break;
    case RouterType::TransitGateway: props.transit_gateway_id = target; break;
    case RouterType::VpcPeeringConnection: props.vpc_peering_connection_id = target; break;
    case RouterType::VpcEndpoint: props.vpc_endpoint_id = target; break;
  }
  auto& route = add<CfnRoute>(id, std::move(props));
  if (options.enables_internet_connectivity) connectivity_.push_back(&route);
}

CfnNatGateway& PublicSubnet::add_nat_gateway(std::optional<Value> eip_allocation_id) {
  Value allocation;
  if (eip_allocation_id) {
    allocation = *eip_allocation_id;
  } else {
    auto& eip = add<CfnEIP>("EIP", {.domain = "vpc"});
    allocation = eip.attr_allocation_id();
  }
  auto& nat = add<CfnNatGateway>("NATGateway", {
                                                   .allocation_id = allocation,
                                                   .subnet_id = subnet_id(),
                                               });
  for (auto* dependable : internet_connectivity_established()) nat.add_dependency(*dependable);
  return nat;
}

}  // namespace cdk::ec2
