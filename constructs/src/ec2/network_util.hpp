// IPv4 arithmetic for dividing a VPC's CIDR the way CDK does (network-util.ts): blocks
// are handed out in order from the start of the range, each aligned to its own size.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cdk::ec2::detail {

/// "10.0.0.1" -> 167772161; nullopt unless four decimal octets 0-255.
std::optional<std::uint64_t> parse_ip(const std::string& ip);
std::string format_ip(std::uint64_t ip);

/// A block of addresses with a prefix length.
struct CidrBlock {
  std::uint64_t min = 0;  // first address (aligned)
  int mask = 32;

  /// Parses "a.b.c.d/n"; nullopt when malformed. A host address inside a block is
  /// rounded up to the next block, as CDK's CidrBlock does.
  static std::optional<CidrBlock> parse(const std::string& cidr);
  /// The first block of `mask` at or after `address`.
  static CidrBlock at_or_after(std::uint64_t address, int mask);

  std::uint64_t size() const { return std::uint64_t{1} << (32 - mask); }
  std::uint64_t max() const { return min + size() - 1; }
  std::string str() const { return format_ip(min) + "/" + std::to_string(mask); }
};

/// Hands out subnets from a network in order (CDK's NetworkBuilder).
class NetworkBuilder {
 public:
  explicit NetworkBuilder(CidrBlock network) : network_{network}, next_{network.min} {}

  /// Result of add_subnet: the block, or why it could not be given.
  enum class Status { Ok, MaskOutOfRange, NoSpace };
  Status add_subnet(int mask, std::string& cidr);
  /// The largest mask that fits `count` more subnets in the remaining space.
  int mask_for_remaining_subnets(std::size_t count) const;

 private:
  CidrBlock network_;
  std::uint64_t next_;
};

}  // namespace cdk::ec2::detail
