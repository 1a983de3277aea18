#include "cdk/ec2/instance.hpp"

#include "cdk/ec2/cfn_instance.hpp"
#include "cdk/ec2/cfn_security_group.hpp"
#include "cdk/fn.hpp"
#include "cdk/ec2/cfn_launch_template.hpp"
#include "cdk/ec2/security_group.hpp"
#include "cdk/ec2/vpc.hpp"
#include "cdk/errors.hpp"
#include "cdk/iam/cfn_instance_profile.hpp"
#include "cdk/iam/cfn_role.hpp"
#include "cdk/iam/managed_policy.hpp"
#include "cdk/iam/policy_statement.hpp"
#include "cdk/iam/role.hpp"
#include "cdk/logical_id.hpp"
#include "cdk/stack.hpp"
#include "cdk/tags.hpp"
// The user-data digest needs the user data resolved as synth resolves it.
#include "detail/digest.hpp"
#include "synth/resolver.hpp"

namespace cdk::ec2 {

namespace {
std::vector<std::string> path_components(const Construct& c) {
  std::vector<std::string> out;
  const std::string p = c.path();
  for (std::size_t start = 0;;) {
    const auto slash = p.find('/', start);
    out.push_back(p.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

// CDK's Duration.toIsoString: days, then T and hours, minutes, seconds; zero parts left out.
std::string iso_duration(std::chrono::seconds duration) {
  long long s = duration.count();
  if (s == 0) return "PT0S";
  std::string out = "P";
  const long long days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60, seconds = s % 60;
  if (days) out += std::to_string(days) + "D";
  if (hours || minutes || seconds) out += "T";
  if (hours) out += std::to_string(hours) + "H";
  if (minutes) out += std::to_string(minutes) + "M";
  if (seconds) out += std::to_string(seconds) + "S";
  return out;
}

// JSON.stringify of the resolved user data, as CDK digests it for
// userDataCausesReplacement.
std::string resolved_json(Stack& stack, const Value& value, const std::string& path) {
  std::unordered_map<std::string, const CfnElement*> by_logical_id;
  for (const CfnElement* e : stack.elements()) by_logical_id.emplace(e->logical_id(), e);
  std::vector<Diagnostic> ignored;  // reported when the template itself is resolved
  synth::Resolver resolver{stack, by_logical_id, ignored};
  return resolver.resolve(value, path).dump();
}
}  // namespace

Instance::Instance(Construct& scope, std::string_view id, InstanceProps props)
    : Construct(scope, id), user_data_{UserData::for_linux()} {
  if (!props.vpc) throw Error(errc::Ec2InvalidInstance, path(), "an instance needs a vpc (InstanceProps::vpc)");
  const IVpc& vpc = *props.vpc;
  const std::string name = props.instance_name ? *props.instance_name : path();
  if (props.credit_specification && !props.instance_type.is_burstable())
    throw Error(errc::Ec2InvalidInstance, path(),
                "credit_specification is supported only for T4g, T3a, T3, T2 instance types, got: " +
                    props.instance_type.to_string());

  // CDK's Tags.of(instance).add("Name", ...): the taggable resources the instance creates,
  // its security group, its role and the instance itself.
  Tags::of(*this).add("Name", name);

  // Security group: the given one, or "InstanceSecurityGroup".
  if (props.security_group) {
    security_groups_.push_back(props.security_group.get());
  } else {
    auto& sg = add<SecurityGroup>("InstanceSecurityGroup", {.vpc = props.vpc,
                                                            .allow_all_outbound = props.allow_all_outbound,
                                                            .allow_all_ipv6_outbound = props.allow_all_ipv6_outbound});
    security_groups_.push_back(&sg);
  }
  connections_.add_security_group(*security_groups_.front());

  // Role and instance profile.
  if (props.role) {
    role_ = props.role.get();
  } else {
    auto& role = add<iam::Role>("InstanceRole", {.assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"}});
    role_ = &role;
  }
  if (props.ssm_session_permissions)
    role_->add_managed_policy(iam::ManagedPolicy::from_aws_managed_policy_name("AmazonSSMManagedInstanceCore"));
  auto& profile = add<iam::CfnInstanceProfile>("InstanceProfile", {.roles = ListOf<Str>{role_->role_name()}});

  // Image and user data.
  MachineImageConfig image = props.machine_image.get_image(*this);
  user_data_ = props.user_data ? *props.user_data : image.user_data;
  os_type_ = image.os_type;
  if (props.key_pair && !props.key_pair->is_os_compatible(image.os_type))
    throw Error(errc::Ec2InvalidKeyPair, path(), "ED25519 keys are not compatible with the chosen AMI (Windows)");

  // Subnet: the first selected, or the one in the requested AZ.
  const SelectedSubnets selected = vpc.select_subnets(props.vpc_subnets.value_or(SubnetSelection{}));
  const ISubnet* subnet = nullptr;
  if (props.availability_zone) {
    std::vector<const ISubnet*> in_az;
    for (const ISubnet* s : selected.subnets)
      if (s->availability_zone() == *props.availability_zone) in_az.push_back(s);
    if (in_az.size() != 1)
      throw Error(errc::Ec2InvalidInstance, path(),
                  "need exactly 1 subnet to match the availability zone, found " + std::to_string(in_az.size()) +
                      "; use a different availability_zone");
    subnet = in_az.front();
  } else if (!selected.subnets.empty()) {
    subnet = selected.subnets.front();
  } else {
    throw Error(errc::Ec2InvalidInstance, path(), "no subnets match the selection; use a different vpc_subnets");
  }
  if (props.associate_public_ip_address.value_or(false) && !selected.has_public)
    throw Error(errc::Ec2InvalidInstance, path(),
                "associate_public_ip_address = true needs public subnets (vpc_subnets = {.subnet_type = "
                "SubnetType::Public})");

  CfnInstance::Props cfn;
  cfn.image_id = image.image_id;
  if (props.key_pair) cfn.key_name = props.key_pair->key_pair_name();
  cfn.instance_type = props.instance_type.to_string();
  uses_network_interface_ = props.associate_public_ip_address.has_value();
  if (uses_network_interface_) {
    CfnInstance::NetworkInterfaceProperty nic{.device_index = "0"};
    nic.associate_public_ip_address = *props.associate_public_ip_address;
    nic.subnet_id = subnet->subnet_id();
    if (props.private_ip_address) nic.private_ip_address = *props.private_ip_address;
    cfn.network_interfaces = ListOf<CfnInstance::NetworkInterfaceProperty>{std::move(nic)};
  } else {
    cfn.subnet_id = subnet->subnet_id();
    if (props.private_ip_address) cfn.private_ip_address = *props.private_ip_address;
  }
  cfn.iam_instance_profile = profile.ref();
  // The script may still grow (add_user_data, or the UserData handle itself): rendered at synth.
  cfn.user_data = lazy([this] { return Fn::base64(user_data_.render()); }, TokenType::String);
  cfn.availability_zone = subnet->availability_zone();
  if (props.source_dest_check) cfn.source_dest_check = *props.source_dest_check;
  if (props.block_devices) cfn.block_device_mappings = Value{render_block_devices(*this, *props.block_devices, false)};
  if (props.propagate_tags_to_volume_on_creation)
    cfn.propagate_tags_to_volume_on_creation = *props.propagate_tags_to_volume_on_creation;
  if (props.detailed_monitoring) cfn.monitoring = *props.detailed_monitoring;
  if (props.ebs_optimized) cfn.ebs_optimized = *props.ebs_optimized;
  if (props.credit_specification)
    cfn.credit_specification.cpu_credits = *props.credit_specification == CpuCredits::Unlimited ? "unlimited" : "standard";
  if (props.disable_api_termination) cfn.disable_api_termination = *props.disable_api_termination;
  if (props.instance_initiated_shutdown_behavior)
    cfn.instance_initiated_shutdown_behavior =
        *props.instance_initiated_shutdown_behavior == InstanceInitiatedShutdownBehavior::Stop ? "stop" : "terminate";
  instance_ = &add<CfnInstance>("Resource", std::move(cfn));
  // As CDK without its summed-timeout flag: init first (a signal awaited for its timeout),
  // then resource_signal_timeout replaces the timeout.
  std::optional<long long> signal_count;
  std::optional<std::string> signal_timeout;
  if (props.init) {
    const ApplyCloudFormationInitOptions options = props.init_options.value_or(ApplyCloudFormationInitOptions{});
    props.init->attach(*instance_, AttachInitOptions::from(options, role_, &user_data_, os_type_));
    signal_count = 1;
    signal_timeout = iso_duration(options.timeout);
  }
  if (props.resource_signal_timeout) signal_timeout = iso_duration(*props.resource_signal_timeout);
  if (signal_count || signal_timeout) {
    Map signal;
    if (signal_count) signal.emplace_back("Count", *signal_count);
    signal.emplace_back("Timeout", *signal_timeout);
    instance_->options().creation_policy = Map{{"ResourceSignal", Value{std::move(signal)}}};
  }
  sync_security_groups();
  instance_->add_dependency(role_->node());
  if (props.associate_public_ip_address.value_or(false))
    for (Construct* c : selected.internet_connectivity_established) instance_->add_dependency(*c);

  if (props.require_imdsv2) {
    // CDK's InstanceRequireImdsv2Aspect: a launch template that only sets HttpTokens. Its
    // name is unique per stack path (CDK's @aws-cdk/aws-ec2:uniqueImdsv2TemplateName), so
    // two stacks with an instance of the same id do not collide.
    CfnLaunchTemplate::Props lt;
    lt.launch_template_data.metadata_options.http_tokens = "required";
    auto& launch_template = add<CfnLaunchTemplate>("LaunchTemplate", std::move(lt));
    const std::string lt_name = make_logical_id(path_components(launch_template));
    launch_template.props().launch_template_name = lt_name;
    instance_->props().launch_template.launch_template_name = lt_name;
    instance_->props().launch_template.version = launch_template.get_att("LatestVersionNumber");
  }

  if (props.user_data_causes_replacement.value_or(props.init_options.has_value())) {
    // A new logical id for every different script: the original id and the first 16 hex
    // digits of the MD5 of the resolved user data as JSON, as CDK computes it. Done at
    // synth (validation runs before the template is built), when the script is final.
    add_validation([this, original = instance_->logical_id()] {
      instance_->override_logical_id(original);
      const std::string json = resolved_json(Stack::of(*this), user_data_.render(), instance_->path());
      instance_->override_logical_id(original + cdk::detail::hex_digest(cdk::detail::DigestKind::Md5, json).substr(0, 16));
      return std::vector<std::string>{};
    });
  }
}

void Instance::sync_security_groups() {
  std::vector<Str> ids;
  for (auto* sg : security_groups_) ids.emplace_back(sg->security_group_id());
  if (uses_network_interface_)
    instance_->props().network_interfaces.items().front().group_set = ListOf<Str>{ids};
  else
    instance_->props().security_group_ids = ListOf<Str>{ids};
}

void Instance::add_security_group(ISecurityGroup& security_group) {
  security_groups_.push_back(&security_group);
  connections_.add_security_group(security_group);
  sync_security_groups();
}

void Instance::add_to_role_policy(const iam::PolicyStatement& statement) { role_->add_to_principal_policy(statement); }

iam::IPrincipal& Instance::grant_principal() { return *role_; }

Value Instance::instance_id() const { return instance_->ref(); }
Value Instance::instance_private_ip() const { return instance_->attr_private_ip(); }
Value Instance::instance_public_ip() const { return instance_->attr_public_ip(); }
Value Instance::instance_public_dns_name() const { return instance_->attr_public_dns_name(); }
Value Instance::instance_private_dns_name() const { return instance_->attr_private_dns_name(); }
Value Instance::instance_availability_zone() const { return instance_->get_att("AvailabilityZone"); }

}  // namespace cdk::ec2
