#include "cdk/ec2/connections.hpp"

#include "cdk/ec2/security_group.hpp"
#include "cdk/errors.hpp"

namespace cdk::ec2 {

Connections::Connections(ConnectionsProps props) : default_port_{std::move(props.default_port)} {
  for (ISecurityGroup* sg : props.security_groups) security_groups_.push(sg);
  for (ISecurityGroup* sg : props.security_groups) security_group_rules_.push(Peer{*sg});
  if (props.peer) security_group_rules_.push(*props.peer);
}

void Connections::add_security_group(ISecurityGroup& security_group) {
  security_groups_.push(&security_group);
  security_group_rules_.push(Peer{security_group});
}

void Connections::allow_to(IConnectable& other, const Port& port, std::optional<std::string> description) {
  connect(Direction::Egress, other, port, description);
}

void Connections::allow_from(IConnectable& other, const Port& port, std::optional<std::string> description) {
  connect(Direction::Ingress, other, port, description);
}

// As CDK: our side's rules go on every group we have now or later, for every rule of the
// other side now or later; then the other side adds its half with remote_rule set, and
// the skip flag stops it from calling back.
void Connections::connect(Direction direction, IConnectable& other, const Port& port,
                          const std::optional<std::string>& description) {
  if (skip_) return;
  const bool remote_rule = remote_rule_;
  Connections* peer_side = &other.connections();
  security_groups_.for_each_and_forever([=](ISecurityGroup* const& sg) {
    peer_side->security_group_rules_.for_each_and_forever([=](const Peer& rule) {
      if (direction == Direction::Ingress) sg->add_ingress_rule(rule, port, description, remote_rule);
      else sg->add_egress_rule(rule, port, description, remote_rule);
    });
  });
  skip_ = true;
  peer_side->remote_rule_ = true;
  const Direction mirror = direction == Direction::Ingress ? Direction::Egress : Direction::Ingress;
  try {
    peer_side->connect(mirror, *this, port, description);
  } catch (...) {
    skip_ = false;
    peer_side->remote_rule_ = false;
    throw;
  }
  skip_ = false;
  peer_side->remote_rule_ = false;
}

// A plain peer (CIDR, prefix list, group id) has no groups of its own, so only our half
// exists; a peer that is a group of the app goes through its connections.
void Connections::allow_to(const Peer& peer, const Port& port, std::optional<std::string> description) {
  if (peer.security_group()) return allow_to(static_cast<IConnectable&>(*peer.security_group()), port, description);
  if (skip_) return;
  const bool remote_rule = remote_rule_;
  security_groups_.for_each_and_forever(
      [=](ISecurityGroup* const& sg) { sg->add_egress_rule(peer, port, description, remote_rule); });
}

void Connections::allow_from(const Peer& peer, const Port& port, std::optional<std::string> description) {
  if (peer.security_group()) return allow_from(static_cast<IConnectable&>(*peer.security_group()), port, description);
  if (skip_) return;
  const bool remote_rule = remote_rule_;
  security_groups_.for_each_and_forever(
      [=](ISecurityGroup* const& sg) { sg->add_ingress_rule(peer, port, description, remote_rule); });
}

void Connections::allow_internally(const Port& port, std::optional<std::string> description) {
  security_groups_.for_each_and_forever([=, this](ISecurityGroup* const& sg) {
    security_group_rules_.for_each_and_forever([=](const Peer& rule) {
      sg->add_ingress_rule(rule, port, description);
      sg->add_egress_rule(rule, port, description);
    });
  });
}

void Connections::allow_to_any_ipv4(const Port& port, std::optional<std::string> description) {
  allow_to(Peer::any_ipv4(), port, std::move(description));
}

void Connections::allow_from_any_ipv4(const Port& port, std::optional<std::string> description) {
  allow_from(Peer::any_ipv4(), port, std::move(description));
}

const Port& Connections::require_default_port(const char* method) const {
  if (!default_port_)
    throw Error(errc::Ec2NoDefaultPort, "", std::string{"cannot call "} + method + "(): this resource has no default port");
  return *default_port_;
}

void Connections::allow_default_port_from(IConnectable& other, std::optional<std::string> description) {
  allow_from(other, require_default_port("allow_default_port_from"), std::move(description));
}
void Connections::allow_default_port_from(const Peer& peer, std::optional<std::string> description) {
  allow_from(peer, require_default_port("allow_default_port_from"), std::move(description));
}
void Connections::allow_default_port_internally(std::optional<std::string> description) {
  allow_internally(require_default_port("allow_default_port_internally"), std::move(description));
}
void Connections::allow_default_port_from_any_ipv4(std::optional<std::string> description) {
  allow_from_any_ipv4(require_default_port("allow_default_port_from_any_ipv4"), std::move(description));
}
void Connections::allow_to_default_port(IConnectable& other, std::optional<std::string> description) {
  const auto& port = other.connections().default_port();
  if (!port)
    throw Error(errc::Ec2NoDefaultPort, "", "cannot call allow_to_default_port(): other resource has no default port");
  allow_to(other, *port, std::move(description));
}
void Connections::allow_default_port_to(IConnectable& other, std::optional<std::string> description) {
  allow_to(other, require_default_port("allow_default_port_to"), std::move(description));
}
void Connections::allow_default_port_to(const Peer& peer, std::optional<std::string> description) {
  allow_to(peer, require_default_port("allow_default_port_to"), std::move(description));
}

}  // namespace cdk::ec2
