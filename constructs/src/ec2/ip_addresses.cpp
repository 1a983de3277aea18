#include "cdk/ec2/ip_addresses.hpp"

#include "cdk/errors.hpp"
#include "network_util.hpp"

namespace cdk::ec2 {

IpAddresses IpAddresses::cidr(std::string cidr_block) { return IpAddresses{std::move(cidr_block)}; }

void IpAddresses::validate(const std::string& path) const {
  const auto block = detail::CidrBlock::parse(cidr_block_);
  const auto slash = cidr_block_.find('/');
  const auto address = slash == std::string::npos ? std::nullopt : detail::parse_ip(cidr_block_.substr(0, slash));
  if (!block || !address || block->mask < 16 || block->mask > 28) {
    throw Error(errc::Ec2InvalidCidr, path,
                "'" + cidr_block_ + "' is not a valid VPC CIDR range: expected an IPv4 CIDR such as "
                "10.0.0.0/16, with a prefix length between /16 and /28");
  }
  // CDK silently moves a block with host bits set to the next block; we refuse it.
  if (block->min != *address) {
    throw Error(errc::Ec2InvalidCidr, path,
                "'" + cidr_block_ + "' has host bits set; did you mean '" +
                    detail::CidrBlock{*address - *address % block->size(), block->mask}.str() + "'?");
  }
}

std::vector<AllocatedSubnet> IpAddresses::allocate_subnets_cidr(const std::vector<RequestedSubnet>& requested,
                                                                const std::string& path) const {
  validate(path);
  detail::NetworkBuilder network{*detail::CidrBlock::parse(cidr_block_)};
  std::vector<std::optional<std::string>> cidrs(requested.size());
  auto add = [&](const RequestedSubnet& subnet, int mask, bool explicit_mask) {
    std::string cidr;
    switch (network.add_subnet(mask, cidr)) {
      case detail::NetworkBuilder::Status::Ok: return cidr;
      case detail::NetworkBuilder::Status::MaskOutOfRange:
        if (explicit_mask) {
          throw Error(errc::Ec2CidrMaskOutOfRange, path,
                      "subnet group '" + subnet.group_name + "' has cidr_mask " + std::to_string(mask) +
                          "; it must be between 16 and 28");
        }
        [[fallthrough]];
      case detail::NetworkBuilder::Status::NoSpace: break;
    }
    throw Error(errc::Ec2SubnetsDoNotFit, path,
                "the subnets do not fit in the VPC CIDR " + cidr_block_ + ": no room for " +
                    subnet.subnet_construct_id + " (/" + std::to_string(mask) + ")");
  };
  // CDK's order: the subnets with a mask first, in order; then the others share what is left.
  std::size_t without_mask = 0;
  for (std::size_t i = 0; i < requested.size(); ++i) {
    if (requested[i].cidr_mask) {
      cidrs[i] = add(requested[i], *requested[i].cidr_mask, true);
    } else {
      ++without_mask;
    }
  }
  if (without_mask > 0) {
    const int mask = network.mask_for_remaining_subnets(without_mask);
    for (std::size_t i = 0; i < requested.size(); ++i) {
      if (!cidrs[i]) cidrs[i] = add(requested[i], mask, false);
    }
  }
  std::vector<AllocatedSubnet> result;
  result.reserve(cidrs.size());
  for (auto& cidr : cidrs) result.push_back({std::move(*cidr)});
  return result;
}

}  // namespace cdk::ec2
