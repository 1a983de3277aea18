// How a Vpc gets its IPv4 space and divides it among subnets (CDK's IpAddresses).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cdk/ec2/subnet.hpp"

namespace cdk::ec2 {

/// One subnet a Vpc asks for: its group's settings, its AZ and construct id.
struct RequestedSubnet {
  Value availability_zone;
  std::string subnet_construct_id;  // "PublicSubnet1", ...
  std::string group_name;
  SubnetType subnet_type = SubnetType::Public;
  std::optional<int> cidr_mask;
  bool reserved = false;
};

/// The CIDR given to one requested subnet.
struct AllocatedSubnet {
  std::string cidr;
};

/// A fixed IPv4 CIDR block for the VPC, divided as CDK divides it: the groups with a
/// cidr_mask first, in order, then the remaining space split evenly among the rest.
class IpAddresses {
 public:
  /// e.g. IpAddresses::cidr("10.0.0.0/16"); the mask must be between /16 and /28.
  static IpAddresses cidr(std::string cidr_block);

  const std::string& cidr_block() const { return cidr_block_; }

  /// The subnets' CIDRs, in the order requested. Throws cdk::Error (cdk.ec2.InvalidCidr,
  /// cdk.ec2.CidrMaskOutOfRange, cdk.ec2.SubnetsDoNotFit) with `path` for the message.
  std::vector<AllocatedSubnet> allocate_subnets_cidr(const std::vector<RequestedSubnet>& requested,
                                                     const std::string& path) const;

  /// Throws cdk.ec2.InvalidCidr when the block is not a valid IPv4 CIDR between /16 and /28.
  void validate(const std::string& path) const;

 private:
  explicit IpAddresses(std::string cidr_block) : cidr_block_{std::move(cidr_block)} {}
  std::string cidr_block_;
};

}  // namespace cdk::ec2
