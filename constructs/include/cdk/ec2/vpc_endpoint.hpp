// Gateway VPC endpoints (S3, DynamoDB): routes in the subnets' route tables to an AWS
// service, without NAT (CDK's GatewayVpcEndpoint).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cdk/borrowed.hpp"
#include "cdk/construct.hpp"
#include "cdk/ec2/subnet.hpp"

namespace cdk::ec2 {

class CfnVPCEndpoint;
class IVpc;

/// An AWS service reachable through a gateway endpoint.
class GatewayVpcEndpointAwsService {
 public:
  static const GatewayVpcEndpointAwsService S3;
  static const GatewayVpcEndpointAwsService DynamoDB;

  /// `name` is the service's short name ("s3"); the endpoint's ServiceName is
  /// "<prefix>.<region>.<name>" with the stack's region.
  explicit GatewayVpcEndpointAwsService(std::string name, std::string prefix = "com.amazonaws")
      : name_{std::move(name)}, prefix_{std::move(prefix)} {}

  const std::string& short_name() const { return name_; }
  /// The ServiceName value: Fn::Join of prefix, AWS::Region and the name, as CDK writes it.
  Value service_name() const;

 private:
  std::string name_;
  std::string prefix_;
};

inline const GatewayVpcEndpointAwsService GatewayVpcEndpointAwsService::S3{"s3"};
inline const GatewayVpcEndpointAwsService GatewayVpcEndpointAwsService::DynamoDB{"dynamodb"};

/// A gateway endpoint as Vpc::add_gateway_endpoint and VpcProps::gateway_endpoints take it.
struct GatewayVpcEndpointOptions {
  GatewayVpcEndpointAwsService service;
  /// Whose route tables get the route. Default: every subnet of the VPC (public, private
  /// and isolated), as in CDK.
  std::vector<SubnetSelection> subnets;
};

struct GatewayVpcEndpointProps {
  Borrowed<const IVpc> vpc;
  GatewayVpcEndpointAwsService service;
  /// Default: every subnet of the VPC.
  std::vector<SubnetSelection> subnets;
};

/// AWS::EC2::VPCEndpoint of type Gateway ("Resource" below it).
class GatewayVpcEndpoint : public Construct {
 public:
  using Props = GatewayVpcEndpointProps;

  GatewayVpcEndpoint(Construct& scope, std::string_view id, GatewayVpcEndpointProps props);

  /// {"Ref": endpoint}
  Value vpc_endpoint_id() const;
  CfnVPCEndpoint& cfn_vpc_endpoint() const { return *resource_; }

 private:
  CfnVPCEndpoint* resource_ = nullptr;
};

}  // namespace cdk::ec2
