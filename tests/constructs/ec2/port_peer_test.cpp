// Port and Peer: CDK's string forms and rule properties (port.test.ts, peer.test.ts),
// and every bad input.
#include <doctest/doctest.h>

#include <cdk/ec2/peer.hpp>
#include <cdk/ec2/port.hpp>

#include "compute_support.hpp"

using namespace cdk::ec2;
using compute_test::expect_error;

TEST_CASE("Port: string forms as CDK writes them in descriptions and ids") {
  CHECK(Port::tcp(80).to_string() == "80");
  CHECK(Port::tcp_range(8000, 8080).to_string() == "8000-8080");
  CHECK(Port::all_tcp().to_string() == "ALL PORTS");
  CHECK(Port::udp(53).to_string() == "UDP 53");
  CHECK(Port::udp_range(500, 600).to_string() == "UDP 500-600");
  CHECK(Port::all_udp().to_string() == "UDP ALL PORTS");
  CHECK(Port::icmp_type_and_code(3, 4).to_string() == "ICMP Type 3 Code 4");
  CHECK(Port::icmp_type(8).to_string() == "ICMP Type 8");
  CHECK(Port::icmp_ping().to_string() == "ICMP Type 8");
  CHECK(Port::all_icmp().to_string() == "ALL ICMP");
  CHECK(Port::all_icmp_v6().to_string() == "ALL ICMPv6");
  CHECK(Port::all_traffic().to_string() == "ALL TRAFFIC");
  CHECK(Port::esp().to_string() == "ESP 50");
  CHECK(Port::ah().to_string() == "AH 51");
  CHECK(Port::ssh() == Port::tcp(22));
  CHECK(Port::https() == Port::tcp(443));
  CHECK(Port::dns_udp().to_string() == "UDP 53");
}

TEST_CASE("Port: rule properties") {
  CHECK(cdk::Value{Port::tcp(80).to_rule_json()} ==
        cdk::Value{cdk::Map{{"IpProtocol", "tcp"}, {"FromPort", 80}, {"ToPort", 80}}});
  CHECK(cdk::Value{Port::all_traffic().to_rule_json()} == cdk::Value{cdk::Map{{"IpProtocol", "-1"}}});
  CHECK(cdk::Value{Port::icmp_type(8).to_rule_json()} ==
        cdk::Value{cdk::Map{{"IpProtocol", "icmp"}, {"FromPort", 8}, {"ToPort", -1}}});
  CHECK(cdk::Value{Port::esp().to_rule_json()} ==
        cdk::Value{cdk::Map{{"IpProtocol", "50"}, {"FromPort", 50}, {"ToPort", 50}}});
}

TEST_CASE("Port: bad input") {
  auto m = expect_error([] { Port::tcp(70000); }, "cdk.ec2.InvalidPort", "");
  CHECK(m == "[cdk.ec2.InvalidPort] port 70000 is outside 0-65535");
  expect_error([] { Port::tcp(-1); }, "cdk.ec2.InvalidPort", "");
  expect_error([] { Port::udp(65536); }, "cdk.ec2.InvalidPort", "");
  m = expect_error([] { Port::tcp_range(90, 80); }, "cdk.ec2.InvalidPort", "");
  CHECK(m.find("port range 90-80 starts after it ends") != std::string::npos);
  expect_error([] { Port::udp_range(1, 70000); }, "cdk.ec2.InvalidPort", "");
  m = expect_error([] { Port::icmp_type(256); }, "cdk.ec2.InvalidIcmp", "");
  CHECK(m.find("ICMP type 256 is outside 0-255") != std::string::npos);
  expect_error([] { Port::icmp_type_and_code(-1, 0); }, "cdk.ec2.InvalidIcmp", "");
  expect_error([] { Port::icmp_type_and_code(3, 300); }, "cdk.ec2.InvalidIcmp", "");
}

TEST_CASE("Peer: CIDRs, prefix lists and group ids") {
  CHECK(Peer::ipv4("10.0.0.0/16").unique_id() == "10.0.0.0/16");
  CHECK(cdk::Value{Peer::ipv4("10.0.0.0/16").to_ingress_rule_config()} ==
        cdk::Value{cdk::Map{{"CidrIp", "10.0.0.0/16"}}});
  CHECK(Peer::any_ipv4().unique_id() == "0.0.0.0/0");
  CHECK(Peer::any_ipv6().unique_id() == "::/0");
  CHECK(cdk::Value{Peer::ipv6("2001:db8::/32").to_egress_rule_config()} ==
        cdk::Value{cdk::Map{{"CidrIpv6", "2001:db8::/32"}}});
  auto pl = Peer::prefix_list("pl-12345");
  CHECK_FALSE(pl.can_inline_rule());
  CHECK(cdk::Value{pl.to_ingress_rule_config()} == cdk::Value{cdk::Map{{"SourcePrefixListId", "pl-12345"}}});
  CHECK(cdk::Value{pl.to_egress_rule_config()} == cdk::Value{cdk::Map{{"DestinationPrefixListId", "pl-12345"}}});
  auto sg = Peer::security_group_id("sg-123456789", "123456789012");
  CHECK(sg.can_inline_rule());
  CHECK(cdk::Value{sg.to_ingress_rule_config()} ==
        cdk::Value{cdk::Map{{"SourceSecurityGroupId", "sg-123456789"}, {"SourceSecurityGroupOwnerId", "123456789012"}}});
  CHECK(cdk::Value{sg.to_egress_rule_config()} == cdk::Value{cdk::Map{{"DestinationSecurityGroupId", "sg-123456789"}}});
}

TEST_CASE("Peer: bad input (CDK's messages)") {
  auto m = expect_error([] { Peer::ipv4("10.0.0.0"); }, "cdk.ec2.InvalidPeer", "");
  CHECK(m.find("CIDR mask is missing in IPv4: \"10.0.0.0\". Did you mean \"10.0.0.0/32\"?") != std::string::npos);
  expect_error([] { Peer::ipv4("10.0.0/16"); }, "cdk.ec2.InvalidPeer", "");
  expect_error([] { Peer::ipv4("300.0.0.0/16"); }, "cdk.ec2.InvalidPeer", "");
  expect_error([] { Peer::ipv4("10.0.0.0/33"); }, "cdk.ec2.InvalidPeer", "");
  m = expect_error([] { Peer::ipv6("2001:db8::"); }, "cdk.ec2.InvalidPeer", "");
  CHECK(m.find("Did you mean \"2001:db8::/128\"?") != std::string::npos);
  expect_error([] { Peer::ipv6("not-ipv6/64"); }, "cdk.ec2.InvalidPeer", "");
  expect_error([] { Peer::security_group_id("sg-1"); }, "cdk.ec2.InvalidPeer", "");
  expect_error([] { Peer::security_group_id("sg-12345678", "12345"); }, "cdk.ec2.InvalidPeer", "");
}
