// Connections: allow traffic to and from constructs with security groups, placing the
// ingress and egress rules on both sides as CDK does.
//
//   db.connections().allow_from(fleet, Port::tcp(5432));   // ingress on db, egress on fleet
//   web.connections().allow_from_any_ipv4(Port::http());
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cdk/ec2/peer.hpp"
#include "cdk/ec2/port.hpp"

namespace cdk::ec2 {

class Connections;
class ISecurityGroup;

/// Anything with network connections managed by security groups (SecurityGroup,
/// Instance, AutoScalingGroup, ...).
class IConnectable {
 public:
  virtual Connections& connections() = 0;

 protected:
  ~IConnectable() = default;
};

namespace detail {
/// A list that runs its listeners on every element, present and future (CDK's
/// ReactiveList): a rule given before a security group is added applies to it too.
template <class T>
class ReactiveList {
 public:
  void push(T item) {
    items_.push_back(item);
    for (std::size_t i = 0; i < listeners_.size(); ++i) listeners_[i](item);
  }
  void for_each_and_forever(std::function<void(const T&)> listener) {
    for (std::size_t i = 0; i < items_.size(); ++i) listener(items_[i]);
    listeners_.push_back(std::move(listener));
  }
  const std::vector<T>& items() const { return items_; }

 private:
  std::vector<T> items_;
  std::vector<std::function<void(const T&)>> listeners_;
};
}  // namespace detail

struct ConnectionsProps {
  /// The security groups these connections manage. Default: none.
  std::vector<ISecurityGroup*> security_groups;
  /// How others refer to this peer in their rules. Default: the security groups.
  std::optional<Peer> peer;
  /// The port of allow_default_port_*. Default: none.
  std::optional<Port> default_port;
};

class Connections final : public IConnectable {
 public:
  explicit Connections(ConnectionsProps props = {});
  Connections(const Connections&) = delete;
  Connections& operator=(const Connections&) = delete;

  Connections& connections() override { return *this; }

  std::vector<ISecurityGroup*> security_groups() const { return security_groups_.items(); }
  const std::optional<Port>& default_port() const { return default_port_; }
  void add_security_group(ISecurityGroup& security_group);

  /// Egress from our groups to `other`, and ingress on other's groups from ours.
  void allow_to(IConnectable& other, const Port& port, std::optional<std::string> description = {});
  void allow_to(const Peer& peer, const Port& port, std::optional<std::string> description = {});
  /// Ingress on our groups from `other`, and egress from other's groups to ours (written
  /// only when that group does not already allow all outbound traffic).
  void allow_from(IConnectable& other, const Port& port, std::optional<std::string> description = {});
  void allow_from(const Peer& peer, const Port& port, std::optional<std::string> description = {});
  /// Members of our groups may talk to each other.
  void allow_internally(const Port& port, std::optional<std::string> description = {});
  void allow_to_any_ipv4(const Port& port, std::optional<std::string> description = {});
  void allow_from_any_ipv4(const Port& port, std::optional<std::string> description = {});

  // With the default port; without one they throw cdk.ec2.NoDefaultPort.
  void allow_default_port_from(IConnectable& other, std::optional<std::string> description = {});
  void allow_default_port_from(const Peer& peer, std::optional<std::string> description = {});
  void allow_default_port_internally(std::optional<std::string> description = {});
  void allow_default_port_from_any_ipv4(std::optional<std::string> description = {});
  /// To other's default port.
  void allow_to_default_port(IConnectable& other, std::optional<std::string> description = {});
  void allow_default_port_to(IConnectable& other, std::optional<std::string> description = {});
  void allow_default_port_to(const Peer& peer, std::optional<std::string> description = {});

 private:
  enum class Direction { Ingress, Egress };
  // allow_from (Ingress) and allow_to (Egress) with another connectable: this side's
  // rules now, then the other side's mirror rules.
  void connect(Direction direction, IConnectable& other, const Port& port, const std::optional<std::string>& description);
  const Port& require_default_port(const char* method) const;

  detail::ReactiveList<ISecurityGroup*> security_groups_;
  detail::ReactiveList<Peer> security_group_rules_;
  std::optional<Port> default_port_;
  bool skip_ = false;         // breaks the allow_from <-> allow_to recursion
  bool remote_rule_ = false;  // set while the other side adds its half
};

}  // namespace cdk::ec2
