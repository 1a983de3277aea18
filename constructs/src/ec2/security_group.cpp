#include "cdk/ec2/security_group.hpp"

#include <algorithm>

#include <variant>

#include "cdk/annotations.hpp"
#include "cdk/app.hpp"
#include "cdk/ec2/cfn_security_group.hpp"
#include "cdk/ec2/cfn_security_group_egress.hpp"
#include "cdk/ec2/cfn_security_group_ingress.hpp"
#include "cdk/errors.hpp"
#include "cdk/logical_id.hpp"
#include "cdk/stack.hpp"
#include "cdk/ec2/vpc.hpp"

namespace cdk::ec2 {

namespace {

constexpr const char* kDisableInlineRulesContext = "@aws-cdk/aws-ec2.securityGroupDisableInlineRules";

const Value* find(const Map& map, std::string_view key) {
  for (const auto& [k, v] : map)
    if (k == key) return &v;
  return nullptr;
}

// Two rules are the same rule for CloudFormation when everything but the description
// matches (CDK's ingressRulesEqual / egressRulesEqual).
bool same_rule(const Map& a, const Map& b) {
  auto count = [](const Map& m) {
    return std::count_if(m.begin(), m.end(), [](const auto& e) { return e.first != "Description"; });
  };
  if (count(a) != count(b)) return false;
  for (const auto& [key, value] : a) {
    if (key == "Description") continue;
    const Value* other = find(b, key);
    if (!other || !(*other == value)) return false;
  }
  return true;
}

Map concat(Map a, const Map& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// The rule CDK writes when all outbound traffic is allowed, and the one that matches no
// traffic at all (255.255.255.255/32, ICMP type 252 code 86) that removes EC2's implicit
// allow-all egress rule when it is not.
Map allow_all_rule() {
  return {{"CidrIp", "0.0.0.0/0"}, {"Description", "Allow all outbound traffic by default"}, {"IpProtocol", "-1"}};
}
Map match_no_traffic_rule() {
  return {{"CidrIp", "255.255.255.255/32"},
          {"Description", "Disallow all traffic"},
          {"IpProtocol", "icmp"},
          {"FromPort", 252},
          {"ToPort", 86}};
}
Peer no_traffic_peer() { return Peer::ipv4("255.255.255.255/32"); }
Port no_traffic_port() { return Port::icmp_type_and_code(252, 86); }

template <class Rule>
Rule ingress_from(const Map& m, Rule r = {}) {
  for (const auto& [k, v] : m) {
    if (k == "CidrIp") r.cidr_ip = v;
    else if (k == "CidrIpv6") r.cidr_ipv6 = v;
    else if (k == "Description") r.description = v;
    else if (k == "FromPort") r.from_port = v;
    else if (k == "ToPort") r.to_port = v;
    else if (k == "IpProtocol") r.ip_protocol = v;
    else if (k == "SourcePrefixListId") r.source_prefix_list_id = v;
    else if (k == "SourceSecurityGroupId") r.source_security_group_id = v;
    else if (k == "SourceSecurityGroupOwnerId") r.source_security_group_owner_id = v;
  }
  return r;
}

template <class Rule>
Rule egress_from(const Map& m, Rule r = {}) {
  for (const auto& [k, v] : m) {
    if (k == "CidrIp") r.cidr_ip = v;
    else if (k == "CidrIpv6") r.cidr_ipv6 = v;
    else if (k == "Description") r.description = v;
    else if (k == "FromPort") r.from_port = v;
    else if (k == "ToPort") r.to_port = v;
    else if (k == "IpProtocol") r.ip_protocol = v;
    else if (k == "DestinationPrefixListId") r.destination_prefix_list_id = v;
    else if (k == "DestinationSecurityGroupId") r.destination_security_group_id = v;
  }
  return r;
}

Value describe(const char* direction, const Peer& peer, const Port& port) {
  return std::string{direction} + " " + peer.unique_id_value() + ":" + port.to_string();
}

// The separate-resource ingress/egress props need Required<Str> members set at once.
CfnSecurityGroupIngress::Props ingress_props(Value group_id, const Map& rule, const Port& port) {
  auto p = ingress_from(rule, CfnSecurityGroupIngress::Props{.ip_protocol = port.protocol()});
  p.group_id = std::move(group_id);
  return p;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// ISecurityGroup: the separate-resource rules shared by created and imported groups.

ISecurityGroup::ISecurityGroup(Construct& scope, std::string_view id)
    : Construct(scope, id), connections_{ConnectionsProps{.security_groups = {this}}} {}

std::string ISecurityGroup::unique_id() const {
  std::vector<std::string> components;
  const std::string p = path();
  for (std::size_t start = 0;;) {
    const auto slash = p.find('/', start);
    components.push_back(p.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return make_logical_id(components);
}

ISecurityGroup::RuleScope ISecurityGroup::determine_rule_scope(const Peer& peer, const Port& port, bool ingress,
                                                               bool remote_rule) {
  if (remote_rule && peer.security_group() && &Stack::of(*this) != &Stack::of(*peer.security_group())) {
    // The rule goes under the other group, so that both halves stay in one stack and the
    // stacks do not refer to each other both ways.
    return {peer.security_group(), unique_id() + ":" + port.to_string() + " " + (ingress ? "to" : "from")};
  }
  std::string rendered_peer;
  if (peer.unique_id_is_token()) {
    rendered_peer = peer_as_token_count_++ ? "'{IndirectPeer" + std::to_string(peer_as_token_count_) + "}'"
                                           : std::string{"{IndirectPeer}"};
  } else {
    rendered_peer = peer.unique_id();
  }
  std::string id = std::string{ingress ? "from" : "to"} + " " + rendered_peer + ":" + port.to_string();
  // CDK replaces the first '/' only ("from 10.0.0.0_16:80"); a second one cannot occur
  // in a CIDR, and construct ids cannot hold it.
  if (auto slash = id.find('/'); slash != std::string::npos) id[slash] = '_';
  std::replace(id.begin(), id.end(), '/', '_');
  return {this, id};
}

void ISecurityGroup::add_ingress_rule(const Peer& peer, const Port& port, std::optional<std::string> description,
                                      bool remote_rule) {
  Value desc = description ? Value{*description} : describe("from", peer, port);
  auto [scope, id] = determine_rule_scope(peer, port, true, remote_rule);
  if (scope->try_find_child(id)) return;  // the same rule again
  Map rule = concat(concat(peer.to_ingress_rule_config(), port.to_rule_json()), Map{{"Description", desc}});
  scope->add<CfnSecurityGroupIngress>(id, ingress_props(security_group_id(), rule, port));
}

void ISecurityGroup::add_egress_rule(const Peer& peer, const Port& port, std::optional<std::string> description,
                                     bool remote_rule) {
  Value desc = description ? Value{*description} : describe("to", peer, port);
  auto [scope, id] = determine_rule_scope(peer, port, false, remote_rule);
  if (scope->try_find_child(id)) return;
  Map rule = concat(concat(peer.to_egress_rule_config(), port.to_rule_json()), Map{{"Description", desc}});
  auto props = egress_from(rule, CfnSecurityGroupEgress::Props{.group_id = security_group_id(), .ip_protocol = port.protocol()});
  scope->add<CfnSecurityGroupEgress>(id, std::move(props));
}

// ---------------------------------------------------------------------------------------
// SecurityGroup

SecurityGroup::SecurityGroup(Construct& scope, std::string_view id, SecurityGroupProps props)
    : ISecurityGroup(scope, id),
      allow_all_outbound_{props.allow_all_outbound},
      allow_all_ipv6_outbound_{props.allow_all_ipv6_outbound} {
  if (!props.vpc)
    throw Error(errc::Ec2SecurityGroupWithoutVpc, path(), "a security group needs a vpc (SecurityGroupProps::vpc)");
  if (props.disable_inline_rules) {
    disable_inline_rules_ = *props.disable_inline_rules;
  } else {
    auto context = try_get_context(kDisableInlineRulesContext);
    disable_inline_rules_ = context && ((context->kind() == Value::Kind::Bool && context->as_bool()) ||
                                        (context->is_string() && !context->as_string().empty()));
  }
  CfnSecurityGroup::Props cfn{.group_description = props.description ? *props.description : path()};
  if (props.security_group_name) cfn.group_name = *props.security_group_name;
  cfn.vpc_id = props.vpc->vpc_id();
  resource_ = &add<CfnSecurityGroup>("Resource", std::move(cfn));

  // Default egress: CDK writes the allow-all rule although EC2 adds it anyway, for a
  // readable template; without it, the rule that matches nothing.
  if (disable_inline_rules_) {
    if (allow_all_outbound_)
      ISecurityGroup::add_egress_rule(Peer::any_ipv4(), Port::all_traffic(), "Allow all outbound traffic by default");
    else
      ISecurityGroup::add_egress_rule(no_traffic_peer(), no_traffic_port(), "Disallow all traffic");
  } else {
    egress_rules_.push_back(allow_all_outbound_ ? allow_all_rule() : match_no_traffic_rule());
  }
  if (allow_all_ipv6_outbound_) {
    const char* description = "Allow all outbound ipv6 traffic by default";
    if (disable_inline_rules_)
      ISecurityGroup::add_egress_rule(Peer::any_ipv6(), Port::all_traffic(), description);
    else
      egress_rules_.push_back({{"IpProtocol", "-1"}, {"CidrIpv6", "::/0"}, {"Description", description}});
  }
  sync_rules();
}

Value SecurityGroup::security_group_id() const { return resource_->attr_group_id(); }
Value SecurityGroup::security_group_vpc_id() const { return resource_->get_att("VpcId"); }
Value SecurityGroup::security_group_name() const { return resource_->ref(); }

void SecurityGroup::sync_rules() {
  auto& p = resource_->props();
  std::vector<CfnSecurityGroup::IngressProperty> ingress;
  for (const auto& r : ingress_rules_) ingress.push_back(ingress_from<CfnSecurityGroup::IngressProperty>(r));
  std::vector<CfnSecurityGroup::EgressProperty> egress;
  for (const auto& r : egress_rules_) egress.push_back(egress_from<CfnSecurityGroup::EgressProperty>(r));
  p.security_group_ingress = ingress.empty() ? ListOf<CfnSecurityGroup::IngressProperty>{} : ListOf<CfnSecurityGroup::IngressProperty>(std::move(ingress));
  p.security_group_egress = egress.empty() ? ListOf<CfnSecurityGroup::EgressProperty>{} : ListOf<CfnSecurityGroup::EgressProperty>(std::move(egress));
}

void SecurityGroup::add_ingress_rule(const Peer& peer, const Port& port, std::optional<std::string> description,
                                     bool remote_rule) {
  if (!peer.can_inline_rule() || !port.can_inline_rule() || disable_inline_rules_)
    return ISecurityGroup::add_ingress_rule(peer, port, std::move(description), remote_rule);
  Value desc = description ? Value{*description} : describe("from", peer, port);
  Map rule = concat(concat(peer.to_ingress_rule_config(), port.to_rule_json()), Map{{"Description", desc}});
  for (const auto& existing : ingress_rules_)
    if (same_rule(existing, rule)) return;
  ingress_rules_.push_back(std::move(rule));
  sync_rules();
}

void SecurityGroup::add_egress_rule(const Peer& peer, const Port& port, std::optional<std::string> description,
                                    bool remote_rule) {
  const bool ipv6 = peer.kind() == Peer::Kind::Ipv6;
  if (!ipv6 && allow_all_outbound_) {
    // The allow-all rule covers it; say so only when the rule was asked for directly.
    if (!remote_rule)
      Annotations::of(*this).add_warning(
          "Ignoring Egress rule since 'allow_all_outbound' is set to true; To add customized rules, set "
          "allow_all_outbound=false on the SecurityGroup [ack: @aws-cdk/aws-ec2:ipv4IgnoreEgressRule]");
    return;
  }
  if (!ipv6) remove_no_traffic_rule();
  if (ipv6 && allow_all_ipv6_outbound_) {
    if (!remote_rule)
      Annotations::of(*this).add_warning(
          "Ignoring Egress rule since 'allow_all_ipv6_outbound' is set to true; To add customized rules, set "
          "allow_all_ipv6_outbound=false on the SecurityGroup [ack: @aws-cdk/aws-ec2:ipv6IgnoreEgressRule]");
    return;
  }
  if (!peer.can_inline_rule() || !port.can_inline_rule() || disable_inline_rules_)
    return ISecurityGroup::add_egress_rule(peer, port, std::move(description), remote_rule);
  // CDK's inline egress description says "from" too.
  Value desc = description ? Value{*description} : describe("from", peer, port);
  Map rule = concat(concat(peer.to_egress_rule_config(), port.to_rule_json()), Map{{"Description", desc}});
  const Value* cidr = find(rule, "CidrIp");
  const Value* cidr6 = find(rule, "CidrIpv6");
  if (((cidr && *cidr == Value{"0.0.0.0/0"}) || (cidr6 && *cidr6 == Value{"::/0"})) && port.protocol() == "-1")
    throw Error(errc::Ec2InvalidSecurityGroupRule, path(),
                "cannot add an \"all traffic\" egress rule this way; set allow_all_outbound=true (IPv4) or "
                "allow_all_ipv6_outbound=true (IPv6) on the SecurityGroup instead");
  for (const auto& existing : egress_rules_)
    if (same_rule(existing, rule)) return;
  egress_rules_.push_back(std::move(rule));
  sync_rules();
}

void SecurityGroup::remove_no_traffic_rule() {
  if (disable_inline_rules_) {
    auto [scope, id] = determine_rule_scope(no_traffic_peer(), no_traffic_port(), false, false);
    scope->try_remove_child(id);
    return;
  }
  const Map no_traffic = match_no_traffic_rule();
  auto it = std::find_if(egress_rules_.begin(), egress_rules_.end(), [&](const Map& r) { return same_rule(r, no_traffic); });
  if (it != egress_rules_.end()) {
    egress_rules_.erase(it);
    sync_rules();
  }
}

// ---------------------------------------------------------------------------------------
// Imported groups

namespace {
class ImportedSecurityGroup : public ISecurityGroup {
 public:
  ImportedSecurityGroup(Construct& scope, std::string_view id, Value security_group_id,
                        SecurityGroupImportOptions options)
      : ISecurityGroup(scope, id), id_{std::move(security_group_id)}, options_{options} {}

  Value security_group_id() const override { return id_; }
  bool allow_all_outbound() const override { return options_.allow_all_outbound; }
  bool allow_all_ipv6_outbound() const override { return options_.allow_all_ipv6_outbound; }

  void add_ingress_rule(const Peer& peer, const Port& port, std::optional<std::string> description,
                        bool remote_rule) override {
    if (options_.is_mutable) ISecurityGroup::add_ingress_rule(peer, port, std::move(description), remote_rule);
  }
  void add_egress_rule(const Peer& peer, const Port& port, std::optional<std::string> description,
                       bool remote_rule) override {
    // Egress only when the group is known not to allow all outbound traffic already.
    if (options_.is_mutable && !options_.allow_all_outbound)
      ISecurityGroup::add_egress_rule(peer, port, std::move(description), remote_rule);
  }

 private:
  Value id_;
  SecurityGroupImportOptions options_;
};
}  // namespace

ISecurityGroup& SecurityGroup::from_security_group_id(Construct& scope, std::string_view id, Value security_group_id,
                                                      SecurityGroupImportOptions options) {
  return *new ImportedSecurityGroup(scope, id, std::move(security_group_id), options);
}

}  // namespace cdk::ec2

namespace cdk::ec2 {

// CDK's ContextProvider.getValue for the "security-group" provider: the key lists the
// lookup's arguments in alphabetical order after account and region.
namespace {
ISecurityGroup& lookup(Construct& scope, std::string_view id, std::vector<std::pair<std::string, std::string>> args) {
  auto& stack = Stack::of(scope);
  const auto& env = stack.environment();
  const std::string where = scope.path().empty() ? std::string{id} : scope.path() + "/" + std::string{id};
  if (!env.account || !env.region)
    throw Error(errc::Ec2InvalidLookup, where,
                "a security group lookup needs the stack's account and region (StackProps::env)");
  std::string key = "security-group:account=" + *env.account + ":region=" + *env.region;
  for (const auto& [k, v] : args) key += ":" + k + "=" + v;
  std::string group_id = "sg-12345678";
  bool allow_all_outbound = true;
  if (auto found = scope.try_get_context(key)) {
    const Value* id_value = nullptr;
    const Value* outbound = nullptr;
    if (found->is_map())
      for (const auto& [k, v] : found->as_map()) {
        if (k == "securityGroupId") id_value = &v;
        if (k == "allowAllOutbound") outbound = &v;
      }
    if (!id_value || !id_value->is_string())
      throw Error(errc::InvalidContext, where, "context '" + key + "' must be an object with a securityGroupId");
    group_id = id_value->as_string();
    if (outbound && outbound->kind() == Value::Kind::Bool) allow_all_outbound = outbound->as_bool();
  } else if (auto* app = scope.app()) {
    Map props{{"dummyValue", Map{{"securityGroupId", "sg-12345678"}, {"allowAllOutbound", true}}},
              {"account", *env.account},
              {"region", *env.region}};
    for (const auto& [k, v] : args) props.emplace_back(k, v);
    if (const auto* synthesizer = std::get_if<DefaultStackSynthesizer>(&stack.synthesizer()))
      props.emplace_back("lookupRoleArn", "arn:${AWS::Partition}:iam::" + *env.account + ":role/cdk-" +
                                              synthesizer->qualifier + "-lookup-role-" + *env.account + "-" +
                                              *env.region);
    app->report_missing_context({.key = key, .provider = "security-group", .props = std::move(props)});
  }
  return SecurityGroup::from_security_group_id(scope, id, group_id, {.allow_all_outbound = allow_all_outbound});
}
}  // namespace

ISecurityGroup& SecurityGroup::from_lookup_by_id(Construct& scope, std::string_view id, std::string security_group_id) {
  return lookup(scope, id, {{"securityGroupId", std::move(security_group_id)}});
}

ISecurityGroup& SecurityGroup::from_lookup_by_name(Construct& scope, std::string_view id,
                                                   std::string security_group_name, const IVpc& vpc) {
  const Value vpc_id = vpc.vpc_id();
  if (!vpc_id.is_string())
    throw Error(errc::Ec2InvalidLookup, scope.path().empty() ? std::string{id} : scope.path() + "/" + std::string{id},
                "all arguments to look up a security group must be literals; the VPC's id is a token (import the VPC "
                "with Vpc::from_attributes)");
  return lookup(scope, id, {{"securityGroupName", std::move(security_group_name)}, {"vpcId", vpc_id.as_string()}});
}

}  // namespace cdk::ec2
