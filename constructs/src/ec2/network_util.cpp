#include "network_util.hpp"

#include <cmath>

namespace cdk::ec2::detail {

std::optional<std::uint64_t> parse_ip(const std::string& ip) {
  std::uint64_t result = 0;
  int octets = 0;
  std::size_t pos = 0;
  while (pos <= ip.size()) {
    auto dot = ip.find('.', pos);
    if (dot == std::string::npos) dot = ip.size();
    const auto part = ip.substr(pos, dot - pos);
    if (part.empty() || part.size() > 3) return std::nullopt;
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
    }
    const auto octet = std::stoul(part);
    if (octet > 255) return std::nullopt;
    result = result * 256 + octet;
    ++octets;
    pos = dot + 1;
  }
  if (octets != 4) return std::nullopt;
  return result;
}

std::string format_ip(std::uint64_t ip) {
  return std::to_string((ip >> 24) & 255) + "." + std::to_string((ip >> 16) & 255) + "." +
         std::to_string((ip >> 8) & 255) + "." + std::to_string(ip & 255);
}

std::optional<CidrBlock> CidrBlock::parse(const std::string& cidr) {
  const auto slash = cidr.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const auto ip = parse_ip(cidr.substr(0, slash));
  const auto mask_text = cidr.substr(slash + 1);
  if (!ip || mask_text.empty() || mask_text.size() > 2) return std::nullopt;
  for (char c : mask_text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const int mask = std::stoi(mask_text);
  if (mask > 32) return std::nullopt;
  return at_or_after(*ip, mask);
}

CidrBlock CidrBlock::at_or_after(std::uint64_t address, int mask) {
  CidrBlock block;
  block.mask = mask;
  // CDK: the last address of a block starting at `address`, rounded down to the block size.
  const auto last = address + block.size() - 1;
  block.min = last - last % block.size();
  return block;
}

NetworkBuilder::Status NetworkBuilder::add_subnet(int mask, std::string& cidr) {
  if (mask < 16 || mask > 28) return Status::MaskOutOfRange;
  const auto size = std::uint64_t{1} << (32 - mask);
  // CDK's check is on the unaligned next address; we also check the aligned block so a
  // subnet never lands outside the VPC.
  if (network_.max() < next_ + size - 1) return Status::NoSpace;
  const auto block = CidrBlock::at_or_after(next_, mask);
  if (block.max() > network_.max()) return Status::NoSpace;
  next_ = block.max() + 1;
  cidr = block.str();
  return Status::Ok;
}

int NetworkBuilder::mask_for_remaining_subnets(std::size_t count) const {
  if (count == 0) return 32;
  const auto remaining = network_.max() + 1 - next_;
  const auto per_subnet = remaining / count;
  if (per_subnet == 0) return 33;  // nothing fits: add_subnet reports it
  int bits = 0;
  while ((std::uint64_t{2} << bits) <= per_subnet) ++bits;  // floor(log2(per_subnet))
  return 32 - bits;
}

}  // namespace cdk::ec2::detail
