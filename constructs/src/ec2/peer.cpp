#include "cdk/ec2/peer.hpp"

#include <regex>

#include "cdk/ec2/security_group.hpp"
#include "cdk/errors.hpp"

namespace cdk::ec2 {

Peer Peer::ipv4(std::string cidr_ip) {
  static const std::regex re{R"(^(\d{1,3}\.){3}\d{1,3}(/\d+)?$)"};
  std::smatch m;
  if (!std::regex_match(cidr_ip, m, re)) throw Error(errc::Ec2InvalidPeer, "", "invalid IPv4 CIDR: \"" + cidr_ip + "\"");
  if (!m[2].matched)
    throw Error(errc::Ec2InvalidPeer, "",
                "CIDR mask is missing in IPv4: \"" + cidr_ip + "\". Did you mean \"" + cidr_ip + "/32\"?");
  // CDK checks only the shape; an octet above 255 or a mask above 32 would fail at deploy.
  int octet = 0;
  for (std::size_t i = 0, start = 0; i <= cidr_ip.size(); ++i) {
    if (i == cidr_ip.size() || cidr_ip[i] == '.' || cidr_ip[i] == '/') {
      const int n = std::stoi(cidr_ip.substr(start, i - start));
      if ((octet < 4 && n > 255) || (octet == 4 && n > 32))
        throw Error(errc::Ec2InvalidPeer, "", "invalid IPv4 CIDR: \"" + cidr_ip + "\"");
      ++octet;
      start = i + 1;
    }
  }
  return Peer{Kind::Ipv4, Value{std::move(cidr_ip)}};
}

Peer Peer::any_ipv4() { return Peer{Kind::Ipv4, Value{"0.0.0.0/0"}}; }

Peer Peer::ipv6(std::string cidr_ipv6) {
  static const std::regex re{R"(^([\da-f]{0,4}:){2,7}([\da-f]{0,4})?(/\d+)?$)"};
  std::smatch m;
  if (!std::regex_match(cidr_ipv6, m, re))
    throw Error(errc::Ec2InvalidPeer, "", "invalid IPv6 CIDR: \"" + cidr_ipv6 + "\"");
  if (!m[3].matched)
    throw Error(errc::Ec2InvalidPeer, "",
                "CIDR mask is missing in IPv6: \"" + cidr_ipv6 + "\". Did you mean \"" + cidr_ipv6 + "/128\"?");
  if (std::stoi(m[3].str().substr(1)) > 128)
    throw Error(errc::Ec2InvalidPeer, "", "invalid IPv6 CIDR: \"" + cidr_ipv6 + "\"");
  return Peer{Kind::Ipv6, Value{std::move(cidr_ipv6)}};
}

Peer Peer::any_ipv6() { return Peer{Kind::Ipv6, Value{"::/0"}}; }

Peer Peer::prefix_list(Value prefix_list_id) { return Peer{Kind::PrefixList, std::move(prefix_list_id)}; }

Peer Peer::security_group_id(Value security_group_id, std::optional<std::string> owner_id) {
  if (security_group_id.is_string()) {
    static const std::regex re{R"(^sg-[a-z0-9]{8,17}$)"};
    if (!std::regex_match(security_group_id.as_string(), re))
      throw Error(errc::Ec2InvalidPeer, "", "invalid security group ID: \"" + security_group_id.as_string() + "\"");
  }
  if (owner_id) {
    static const std::regex re{R"(^[0-9]{12}$)"};
    if (!std::regex_match(*owner_id, re))
      throw Error(errc::Ec2InvalidPeer, "", "invalid security group owner ID: \"" + *owner_id + "\"");
  }
  Peer peer{Kind::SecurityGroupId, std::move(security_group_id)};
  peer.owner_id_ = std::move(owner_id);
  return peer;
}

Peer::Peer(ISecurityGroup& security_group) : kind_{Kind::SecurityGroup}, security_group_{&security_group} {}

std::string Peer::unique_id() const {
  if (security_group_) return security_group_->unique_id();
  // A token id has no literal form; CDK shows its token string, which construct ids
  // cannot hold: the rule scope handles those (IndirectPeer).
  return id_.is_string() ? id_.as_string() : std::string{};
}

Value Peer::unique_id_value() const {
  if (security_group_) return Value{security_group_->unique_id()};
  return id_;
}

Map Peer::to_ingress_rule_config() const {
  switch (kind_) {
    case Kind::Ipv4: return {{"CidrIp", id_}};
    case Kind::Ipv6: return {{"CidrIpv6", id_}};
    case Kind::PrefixList: return {{"SourcePrefixListId", id_}};
    case Kind::SecurityGroupId: {
      Map out{{"SourceSecurityGroupId", id_}};
      if (owner_id_) out.emplace_back("SourceSecurityGroupOwnerId", Value{*owner_id_});
      return out;
    }
    case Kind::SecurityGroup: return {{"SourceSecurityGroupId", security_group_->security_group_id()}};
  }
  return {};
}

Map Peer::to_egress_rule_config() const {
  switch (kind_) {
    case Kind::Ipv4: return {{"CidrIp", id_}};
    case Kind::Ipv6: return {{"CidrIpv6", id_}};
    case Kind::PrefixList: return {{"DestinationPrefixListId", id_}};
    case Kind::SecurityGroupId: return {{"DestinationSecurityGroupId", id_}};
    case Kind::SecurityGroup: return {{"DestinationSecurityGroupId", security_group_->security_group_id()}};
  }
  return {};
}

}  // namespace cdk::ec2
