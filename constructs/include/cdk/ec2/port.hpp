// Port: the protocol and port range (or ICMP type and code) of a security group rule.
#pragma once

#include <optional>
#include <string>

#include "cdk/value.hpp"

namespace cdk::ec2 {

/// IpProtocol values of CloudFormation's security group rules (the common ones; any IANA
/// protocol number as a string works too).
struct Protocol {
  static constexpr const char* All = "-1";
  static constexpr const char* Tcp = "tcp";
  static constexpr const char* Udp = "udp";
  static constexpr const char* Icmp = "icmp";
  static constexpr const char* Icmpv6 = "icmpv6";
  static constexpr const char* Esp = "50";
  static constexpr const char* Ah = "51";
};

struct PortProps {
  /// IpProtocol: "tcp", "udp", "icmp", "-1" (all) or a protocol number.
  std::string protocol;
  /// FromPort (or the ICMP type); unset: not rendered (all traffic).
  std::optional<int> from_port;
  /// ToPort (or the ICMP code); unset: not rendered.
  std::optional<int> to_port;
  /// What descriptions and construct ids show, e.g. "80", "UDP 53", "ALL TRAFFIC".
  std::string string_representation;
};

/// A value type, as CDK's Port. Factories check their numbers and throw cdk::Error
/// (cdk.ec2.InvalidPort / cdk.ec2.InvalidIcmp, no construct path: a port belongs to none).
class Port {
 public:
  explicit Port(PortProps props);

  static Port tcp(int port);
  static Port tcp_range(int start_port, int end_port);
  static Port all_tcp();
  static Port udp(int port);
  static Port udp_range(int start_port, int end_port);
  static Port all_udp();
  /// ICMP type (0-255) and code (0-255, or -1 for every code).
  static Port icmp_type_and_code(int type, int code);
  /// Every code of an ICMP type.
  static Port icmp_type(int type);
  /// Echo request (type 8).
  static Port icmp_ping();
  static Port all_icmp();
  static Port all_icmp_v6();
  static Port all_traffic();
  static Port esp();
  static Port ah();

  // Well-known ports (CDK's Port.SSH, Port.HTTP, ...).
  static Port ssh() { return tcp(22); }
  static Port smtp() { return tcp(25); }
  static Port dns_udp() { return udp(53); }
  static Port dns_tcp() { return tcp(53); }
  static Port http() { return tcp(80); }
  static Port pop3() { return tcp(110); }
  static Port imap() { return tcp(143); }
  static Port ldap() { return tcp(389); }
  static Port https() { return tcp(443); }
  static Port smb() { return tcp(445); }
  static Port imaps() { return tcp(993); }
  static Port pop3s() { return tcp(995); }
  static Port mssql() { return tcp(1433); }
  static Port nfs() { return tcp(2049); }
  static Port mysql_aurora() { return tcp(3306); }
  static Port rdp() { return tcp(3389); }
  static Port postgres() { return tcp(5432); }

  const std::string& protocol() const { return props_.protocol; }
  std::optional<int> from_port() const { return props_.from_port; }
  std::optional<int> to_port() const { return props_.to_port; }
  /// Literal ports can always be written inline in a security group.
  bool can_inline_rule() const { return true; }
  /// {IpProtocol, FromPort, ToPort} as a security group rule writes them.
  Map to_rule_json() const;
  /// CDK's string form: "80", "80-90", "UDP 53", "ALL PORTS", "ICMP Type 8", "ALL TRAFFIC".
  const std::string& to_string() const { return props_.string_representation; }

  friend bool operator==(const Port& a, const Port& b) {
    return a.props_.protocol == b.props_.protocol && a.props_.from_port == b.props_.from_port &&
           a.props_.to_port == b.props_.to_port;
  }

 private:
  PortProps props_;
};

}  // namespace cdk::ec2
