// Subnet selection (CDK's VpcBase) and VPCs imported by attributes (ImportedVpc).
#include <algorithm>
#include <set>

#include "cdk/ec2/vpc.hpp"
#include "cdk/errors.hpp"
#include "cdk/stack.hpp"

namespace cdk::ec2 {

namespace {

/// "PublicSubnet2" -> "Public": the group name CDK derives from a subnet's construct id
/// (CDK removes /Subnet[0-9]+$/).
std::string group_name_of(const ISubnet& subnet) {
  std::string_view id = subnet.subnet_construct().id();
  const auto digits = id.find_last_not_of("0123456789");
  constexpr std::string_view kSuffix = "Subnet";
  if (digits == id.size() - 1 || digits == std::string_view::npos || !id.substr(0, digits + 1).ends_with(kSuffix))
    return std::string{id};
  return std::string{id.substr(0, digits + 1 - kSuffix.size())};
}

std::string type_name(SubnetType type) { return std::string{subnet_type_tag_value(type)}; }

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

}  // namespace

std::vector<const ISubnet*> VpcBase::select_subnet_objects(const SubnetSelection& selection) const {
  const int exclusive = (selection.subnets ? 1 : 0) + (selection.subnet_type ? 1 : 0) +
                        (selection.subnet_group_name ? 1 : 0);
  if (exclusive > 1) {
    throw Error(errc::Ec2InvalidSubnetSelection, path(),
                "only one of subnets, subnet_type and subnet_group_name can be given in a subnet selection");
  }
  std::vector<const ISubnet*> subnets;
  if (selection.subnets) {
    for (const auto& subnet : *selection.subnets) {
      if (!subnet) throw Error(errc::Ec2InvalidSubnetSelection, path(), "a selected subnet is empty");
      subnets.push_back(subnet.get());
    }
    // As CDK: explicit subnets are taken as they are, without the AZ filters.
    if (subnets.empty()) throw Error(errc::Ec2NoSubnetsMatch, path(), "the subnet selection lists no subnets");
    return subnets;
  }
  const auto pub = public_subnets();
  const auto priv = private_subnets();
  const auto iso = isolated_subnets();
  if (selection.subnet_group_name) {
    std::vector<std::string> names;
    for (const auto* group : {&pub, &priv, &iso}) {
      for (const auto* subnet : *group) {
        const auto name = group_name_of(*subnet);
        if (name == *selection.subnet_group_name) subnets.push_back(subnet);
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
    }
    if (subnets.empty()) {
      throw Error(errc::Ec2NoSubnetsMatch, path(),
                  "there are no subnet groups with name '" + *selection.subnet_group_name +
                      "' in this VPC. Available names: " + join(names));
    }
  } else {
    const auto type = selection.subnet_type.value_or(!priv.empty()  ? SubnetType::PrivateWithEgress
                                                     : !iso.empty() ? SubnetType::PrivateIsolated
                                                                    : SubnetType::Public);
    subnets = type == SubnetType::Public ? pub : type == SubnetType::PrivateWithEgress ? priv : iso;
    if (subnets.empty()) {
      std::vector<std::string> available;
      if (!iso.empty()) available.push_back(type_name(SubnetType::PrivateIsolated));
      if (!priv.empty()) available.push_back(type_name(SubnetType::PrivateWithEgress));
      if (!pub.empty()) available.push_back(type_name(SubnetType::Public));
      throw Error(errc::Ec2NoSubnetsMatch, path(),
                  "there are no '" + type_name(type) + "' subnet groups in this VPC. Available types: " + join(available));
    }
  }
  if (selection.availability_zones) {
    const auto& zones = *selection.availability_zones;
    std::erase_if(subnets, [&](const ISubnet* s) {
      return std::find(zones.begin(), zones.end(), s->availability_zone()) == zones.end();
    });
  }
  if (selection.one_per_az) {
    std::vector<Value> seen;
    std::erase_if(subnets, [&](const ISubnet* s) {
      const auto zone = s->availability_zone();
      if (std::find(seen.begin(), seen.end(), zone) != seen.end()) return true;
      seen.push_back(zone);
      return false;
    });
  }
  if (subnets.empty()) {
    throw Error(errc::Ec2NoSubnetsMatch, path(), "no subnet of this VPC is in the selected availability zones");
  }
  return subnets;
}

Value VpcBase::vpc_arn() const {
  const auto& stack = cdk::Stack::of(*this);
  return "arn:" + stack.partition() + ":ec2:" + stack.region() + ":" + stack.account() + ":vpc/" + vpc_id();
}

SelectedSubnets VpcBase::select_subnets(const SubnetSelection& selection) const {
  SelectedSubnets result;
  result.subnets = select_subnet_objects(selection);
  const auto pub = public_subnets();
  for (const auto* subnet : result.subnets) {
    result.subnet_ids.push_back(subnet->subnet_id());
    result.availability_zones.push_back(subnet->availability_zone());
    if (std::find(pub.begin(), pub.end(), subnet) != pub.end()) result.has_public = true;
    for (auto* dependable : subnet->internet_connectivity_established()) {
      result.internet_connectivity_established.push_back(dependable);
    }
  }
  return result;
}

GatewayVpcEndpoint& VpcBase::add_gateway_endpoint(std::string_view id, GatewayVpcEndpointOptions options) {
  return add<GatewayVpcEndpoint>(id, {.vpc = this, .service = std::move(options.service), .subnets = std::move(options.subnets)});
}

FlowLog& VpcBase::add_flow_log(std::string_view id, FlowLogOptions options) {
  return add<FlowLog>(id, {.vpc = this,
                           .traffic_type = options.traffic_type,
                           .destination = std::move(options.destination),
                           .max_aggregation_interval = options.max_aggregation_interval});
}

namespace {

/// A VPC that exists outside the app (CDK's ImportedVpc).
class ImportedVpc : public VpcBase {
 public:
  ImportedVpc(Construct& scope, std::string_view id, VpcAttributes attributes)
      : VpcBase(scope, id), attributes_{std::move(attributes)} {
    for (const auto& zone : attributes_.availability_zones) zones_.emplace_back(zone);
    public_ = import_group(attributes_.public_subnet_ids, attributes_.public_subnet_names,
                           attributes_.public_subnet_route_table_ids, SubnetType::Public, "public");
    private_ = import_group(attributes_.private_subnet_ids, attributes_.private_subnet_names,
                            attributes_.private_subnet_route_table_ids, SubnetType::PrivateWithEgress, "private");
    isolated_ = import_group(attributes_.isolated_subnet_ids, attributes_.isolated_subnet_names,
                             attributes_.isolated_subnet_route_table_ids, SubnetType::PrivateIsolated, "isolated");
  }

  Value vpc_id() const override { return attributes_.vpc_id; }
  Value vpc_cidr_block() const override {
    if (!attributes_.vpc_cidr_block) {
      throw Error(errc::Ec2MissingVpcAttribute, path(),
                  "cannot perform this operation: 'vpc_cidr_block' was not supplied when importing this VPC");
    }
    return *attributes_.vpc_cidr_block;
  }
  std::vector<Value> availability_zones() const override { return zones_; }
  std::vector<const ISubnet*> public_subnets() const override { return public_; }
  std::vector<const ISubnet*> private_subnets() const override { return private_; }
  std::vector<const ISubnet*> isolated_subnets() const override { return isolated_; }
  std::vector<Construct*> internet_connectivity_established() const override { return {}; }

 private:
  // CDK's ImportSubnetGroup: ids are given group after group, one per AZ.
  std::vector<const ISubnet*> import_group(const std::vector<Value>& ids, std::vector<std::string> names,
                                           const std::vector<Value>& route_tables, SubnetType type,
                                           const std::string& field) {
    if (ids.empty()) return {};
    const auto zones = zones_.size();
    if (zones == 0 || ids.size() % zones != 0) {
      throw Error(errc::Ec2InvalidVpcAttributes, path(),
                  "number of " + field + "_subnet_ids (" + std::to_string(ids.size()) +
                      ") must be a multiple of availability zones (" + std::to_string(zones) + ")");
    }
    const auto groups = ids.size() / zones;
    if (names.empty()) names.assign(1, type_name(type));
    if (names.size() != groups) {
      throw Error(errc::Ec2InvalidVpcAttributes, path(),
                  "number of " + field + "_subnet_names (" + std::to_string(names.size()) +
                      ") must be equal to the amount of groups (" + std::to_string(groups) + ")");
    }
    if (!route_tables.empty() && route_tables.size() != ids.size()) {
      throw Error(errc::Ec2InvalidVpcAttributes, path(),
                  "number of " + field + "_subnet_route_table_ids (" + std::to_string(route_tables.size()) +
                      ") must be equal to the number of subnet ids (" + std::to_string(ids.size()) + ")");
    }
    std::vector<const ISubnet*> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      SubnetAttributes attributes{.subnet_id = ids[i], .availability_zone = zones_[i % zones]};
      if (!route_tables.empty()) attributes.route_table_id = route_tables[i];
      out.push_back(&Subnet::from_subnet_attributes(*this, names[i / zones] + "Subnet" + std::to_string(i + 1),
                                                    std::move(attributes)));
    }
    return out;
  }

  VpcAttributes attributes_;
  std::vector<Value> zones_;
  std::vector<const ISubnet*> public_;
  std::vector<const ISubnet*> private_;
  std::vector<const ISubnet*> isolated_;
};

}  // namespace

IVpc& Vpc::from_attributes(Construct& scope, std::string_view id, VpcAttributes attributes) {
  return *new ImportedVpc(scope, id, std::move(attributes));
}

}  // namespace cdk::ec2
