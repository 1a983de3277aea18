// Peer: the other side of a security group rule (CDK's IPeer): an IPv4 or IPv6 CIDR, a
// prefix list, a security group id, or a security group of this app.
#pragma once

#include <optional>
#include <string>

#include "cdk/value.hpp"

namespace cdk::ec2 {

class ISecurityGroup;

/// A value type. A security group of the app converts to a Peer implicitly, so
/// `sg.add_ingress_rule(other_sg, Port::tcp(80))` works as in CDK.
class Peer {
 public:
  enum class Kind { Ipv4, Ipv6, PrefixList, SecurityGroupId, SecurityGroup };

  /// An IPv4 CIDR such as "10.0.0.0/16"; the mask is required (cdk.ec2.InvalidCidr).
  static Peer ipv4(std::string cidr_ip);
  static Peer any_ipv4();
  /// An IPv6 CIDR such as "2001:db8::/32"; the mask is required (cdk.ec2.InvalidCidr).
  static Peer ipv6(std::string cidr_ipv6);
  static Peer any_ipv6();
  /// A managed prefix list id ("pl-..."); such rules are always separate resources.
  static Peer prefix_list(Value prefix_list_id);
  /// An existing security group by id ("sg-..."), optionally owned by another account
  /// (ingress only). A literal id is checked (cdk.ec2.InvalidSecurityGroupId).
  static Peer security_group_id(Value security_group_id, std::optional<std::string> source_security_group_owner_id = {});
  /// A security group of this app (same as the implicit conversion).
  Peer(ISecurityGroup& security_group);

  Kind kind() const { return kind_; }
  /// Rules with a security group of the app as peer are separate resources; the others
  /// are written inline in the group.
  bool can_inline_rule() const { return kind_ != Kind::PrefixList && kind_ != Kind::SecurityGroup; }
  /// CDK's uniqueId: the CIDR, the prefix list or group id, or the group's unique id.
  std::string unique_id() const;
  /// unique_id() as a value: the id itself when it is a token.
  Value unique_id_value() const;
  /// True when the id is a token (construct ids then use CDK's '{IndirectPeer}').
  bool unique_id_is_token() const { return !security_group_ && id_.is_token(); }
  /// The properties the peer contributes to an ingress rule (CidrIp, SourceSecurityGroupId, ...).
  Map to_ingress_rule_config() const;
  /// The properties the peer contributes to an egress rule (CidrIp, DestinationSecurityGroupId, ...).
  Map to_egress_rule_config() const;
  /// The group when kind() is SecurityGroup, else nullptr.
  ISecurityGroup* security_group() const { return security_group_; }

 private:
  Peer(Kind kind, Value id) : kind_{kind}, id_{std::move(id)} {}
  Kind kind_;
  Value id_;  // CIDR, prefix list id or security group id
  std::optional<std::string> owner_id_;
  ISecurityGroup* security_group_ = nullptr;
};

}  // namespace cdk::ec2
