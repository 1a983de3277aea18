#include "cdk/ec2/port.hpp"

#include "cdk/errors.hpp"

namespace cdk::ec2 {

namespace {
void check_port(int port) {
  if (port < 0 || port > 65535)
    throw Error(errc::Ec2InvalidPort, "", "port " + std::to_string(port) + " is outside 0-65535");
}

void check_range(int start, int end) {
  check_port(start);
  check_port(end);
  if (start > end)
    throw Error(errc::Ec2InvalidPort, "",
                "port range " + std::to_string(start) + "-" + std::to_string(end) + " starts after it ends");
}
}  // namespace

Port::Port(PortProps props) : props_{std::move(props)} {}

Port Port::tcp(int port) {
  check_port(port);
  return Port{{Protocol::Tcp, port, port, std::to_string(port)}};
}

Port Port::tcp_range(int start_port, int end_port) {
  check_range(start_port, end_port);
  return Port{{Protocol::Tcp, start_port, end_port, std::to_string(start_port) + "-" + std::to_string(end_port)}};
}

Port Port::all_tcp() { return Port{{Protocol::Tcp, 0, 65535, "ALL PORTS"}}; }

Port Port::udp(int port) {
  check_port(port);
  return Port{{Protocol::Udp, port, port, "UDP " + std::to_string(port)}};
}

Port Port::udp_range(int start_port, int end_port) {
  check_range(start_port, end_port);
  return Port{
      {Protocol::Udp, start_port, end_port, "UDP " + std::to_string(start_port) + "-" + std::to_string(end_port)}};
}

Port Port::all_udp() { return Port{{Protocol::Udp, 0, 65535, "UDP ALL PORTS"}}; }

Port Port::icmp_type_and_code(int type, int code) {
  if (type < 0 || type > 255)
    throw Error(errc::Ec2InvalidIcmp, "", "ICMP type " + std::to_string(type) + " is outside 0-255");
  if (code < -1 || code > 255)
    throw Error(errc::Ec2InvalidIcmp, "", "ICMP code " + std::to_string(code) + " is outside 0-255 (or -1 for all codes)");
  return Port{{Protocol::Icmp, type, code, "ICMP Type " + std::to_string(type) + " Code " + std::to_string(code)}};
}

Port Port::icmp_type(int type) {
  if (type < 0 || type > 255)
    throw Error(errc::Ec2InvalidIcmp, "", "ICMP type " + std::to_string(type) + " is outside 0-255");
  return Port{{Protocol::Icmp, type, -1, "ICMP Type " + std::to_string(type)}};
}

Port Port::icmp_ping() { return icmp_type(8); }
Port Port::all_icmp() { return Port{{Protocol::Icmp, -1, -1, "ALL ICMP"}}; }
Port Port::all_icmp_v6() { return Port{{Protocol::Icmpv6, -1, -1, "ALL ICMPv6"}}; }
Port Port::all_traffic() { return Port{{Protocol::All, std::nullopt, std::nullopt, "ALL TRAFFIC"}}; }
Port Port::esp() { return Port{{Protocol::Esp, 50, 50, "ESP 50"}}; }
Port Port::ah() { return Port{{Protocol::Ah, 51, 51, "AH 51"}}; }

Map Port::to_rule_json() const {
  Map out;
  out.emplace_back("IpProtocol", Value{props_.protocol});
  if (props_.from_port) out.emplace_back("FromPort", Value{*props_.from_port});
  if (props_.to_port) out.emplace_back("ToPort", Value{*props_.to_port});
  return out;
}

}  // namespace cdk::ec2
