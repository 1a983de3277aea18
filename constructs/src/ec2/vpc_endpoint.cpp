#include "cdk/ec2/vpc_endpoint.hpp"

#include <algorithm>

#include "cdk/ec2/cfn_vpc_endpoint.hpp"
#include "cdk/ec2/vpc.hpp"
#include "cdk/errors.hpp"
#include "cdk/fn.hpp"

namespace cdk::ec2 {

Value GatewayVpcEndpointAwsService::service_name() const {
  return Fn::join("", {prefix_ + ".", Aws::region(), "." + name_});
}


GatewayVpcEndpoint::GatewayVpcEndpoint(Construct& scope, std::string_view id, GatewayVpcEndpointProps props)
    : Construct(scope, id) {
  if (!props.vpc) throw Error(errc::Ec2InvalidSubnetSelection, path(), "a gateway endpoint needs a vpc");
  const auto& vpc = *props.vpc;
  std::vector<const ISubnet*> subnets;
  if (props.subnets.empty()) {
    // CDK's default order: private, public, isolated.
    for (const auto& group : {vpc.private_subnets(), vpc.public_subnets(), vpc.isolated_subnets()}) {
      subnets.insert(subnets.end(), group.begin(), group.end());
    }
  } else {
    for (const auto& selection : props.subnets) {
      const auto selected = vpc.select_subnets(selection).subnets;
      subnets.insert(subnets.end(), selected.begin(), selected.end());
    }
  }
  std::vector<Value> route_tables;
  for (const auto* subnet : subnets) {
    auto table = subnet->route_table_id();
    if (table.is_null()) continue;
    if (std::find(route_tables.begin(), route_tables.end(), table) == route_tables.end()) route_tables.push_back(table);
  }
  if (route_tables.empty()) {
    throw Error(errc::Ec2NoSubnetsMatch, path(),
                "cannot add a gateway endpoint to the VPC: route table ids of its subnets are not available");
  }
  CfnVPCEndpoint::Props cfn{
      .route_table_ids = ListOf<Str>{std::vector<Str>(route_tables.begin(), route_tables.end())},
      .service_name = props.service.service_name(),
      .vpc_endpoint_type = "Gateway",
      .vpc_id = vpc.vpc_id(),
  };
  // Tagged with the Vpc's Name by the Vpc's Tags::of when it is below the Vpc, as in CDK.
  resource_ = &add<CfnVPCEndpoint>("Resource", std::move(cfn));
}

Value GatewayVpcEndpoint::vpc_endpoint_id() const { return resource_->ref(); }

}  // namespace cdk::ec2
