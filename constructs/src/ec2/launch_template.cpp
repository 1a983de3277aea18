// LaunchTemplate: LaunchTemplateData as aws-cdk-lib renders it (launch-template.ts).
#include "cdk/ec2/launch_template.hpp"

#include <cstdio>

#include "cdk/ec2/cfn_launch_template.hpp"
#include "cdk/ec2/security_group.hpp"
#include "cdk/errors.hpp"
#include "cdk/fn.hpp"
#include "cdk/iam/cfn_instance_profile.hpp"
#include "cdk/iam/instance_profile.hpp"
#include "cdk/iam/role.hpp"

namespace cdk::ec2 {

namespace {

using Cfn = CfnLaunchTemplate;

// JavaScript's Number.prototype.toString for a price such as 0.05.
std::string js_number(double d) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", d);
  return buffer;
}

const char* enabled(bool b) { return b ? "enabled" : "disabled"; }

Cfn::MetadataOptionsProperty metadata_options(const LaunchTemplateProps& props, const std::string& path) {
  Cfn::MetadataOptionsProperty out;
  if (props.require_imdsv2 && props.http_tokens == LaunchTemplateHttpTokens::Optional) {
    throw Error(errc::Ec2LaunchTemplateInvalidProps, path, "httpTokens must be required when requireImdsv2 is true");
  }
  if (props.http_endpoint) out.http_endpoint = enabled(*props.http_endpoint);
  if (props.http_protocol_ipv6) out.http_protocol_ipv6 = enabled(*props.http_protocol_ipv6);
  if (props.http_put_response_hop_limit) out.http_put_response_hop_limit = *props.http_put_response_hop_limit;
  if (props.require_imdsv2) out.http_tokens = "required";
  else if (props.http_tokens) out.http_tokens = *props.http_tokens == LaunchTemplateHttpTokens::Required ? "required" : "optional";
  if (props.instance_metadata_tags) out.instance_metadata_tags = enabled(*props.instance_metadata_tags);
  return out;
}

}  // namespace

LaunchTemplate::LaunchTemplate(Construct& scope, std::string_view id, LaunchTemplateProps props)
    : Construct(scope, id), instance_type_{props.instance_type} {
  const std::string where = path();
  if (props.http_put_response_hop_limit && (*props.http_put_response_hop_limit < 1 || *props.http_put_response_hop_limit > 64)) {
    throw Error(errc::Ec2LaunchTemplateInvalidProps, where, "HttpPutResponseHopLimit must between 1 and 64");
  }
  if (props.instance_profile && props.role) {
    throw Error(errc::Ec2LaunchTemplateInvalidProps, where, "You cannot provide both an instanceProfile and a role");
  }
  if (props.key_name && props.key_pair) {
    throw Error(errc::Ec2LaunchTemplateInvalidProps, where, "Cannot specify both of 'keyName' and 'keyPair'; prefer 'keyPair'");
  }
  if (props.version_description && props.version_description->size() > 255) {
    throw Error(errc::Ec2LaunchTemplateInvalidProps, where,
                "versionDescription must be less than or equal to 255 characters, got " +
                    std::to_string(props.version_description->size()));
  }

  Value profile_arn;
  if (props.instance_profile) {
    role_ = props.instance_profile->role();
    profile_arn = props.instance_profile->instance_profile_arn();
  } else if (props.role) {
    role_ = props.role.get();
    auto& profile = add<iam::CfnInstanceProfile>("Profile", {.roles = {props.role->role_name()}});
    profile_arn = profile.attr_arn();
  }
  if (props.security_group) connections_.emplace(ConnectionsProps{.security_groups = {props.security_group.get()}});

  user_data_ = props.user_data;
  if (props.machine_image) {
    auto image = props.machine_image->get_image(*this);
    os_type_ = image.os_type;
    image_id_ = image.image_id;
    if (!user_data_ && props.use_image_user_data) user_data_ = image.user_data;
  }
  if (props.key_pair && os_type_ != OperatingSystemType::Unknown && !props.key_pair->is_os_compatible(os_type_)) {
    throw Error(errc::Ec2LaunchTemplateInvalidProps, where, "The key pair type is not compatible with the chosen AMI");
  }
  Cfn::LaunchTemplateDataProperty data;
  if (!props.block_devices.empty()) {
    data.block_device_mappings = ListOf<Cfn::BlockDeviceMappingProperty>{Value{render_block_devices(*this, props.block_devices, true)}};
  }
  if (props.disable_api_termination) data.disable_api_termination = *props.disable_api_termination;
  if (props.ebs_optimized) data.ebs_optimized = *props.ebs_optimized;
  if (!profile_arn.is_null()) data.iam_instance_profile.arn = profile_arn;
  if (!image_id_.is_null()) data.image_id = image_id_;
  if (props.instance_type) data.instance_type = props.instance_type->to_string();
  if (props.instance_initiated_shutdown_behavior) {
    data.instance_initiated_shutdown_behavior =
        *props.instance_initiated_shutdown_behavior == InstanceInitiatedShutdownBehavior::Stop ? "stop" : "terminate";
  }
  if (props.spot_options) {
    data.instance_market_options.market_type = "spot";
    const auto& spot = *props.spot_options;
    if (spot.interruption_behavior) {
      static const char* names[] = {"stop", "terminate", "hibernate"};
      data.instance_market_options.spot_options.instance_interruption_behavior =
          names[static_cast<int>(*spot.interruption_behavior)];
    }
    if (spot.max_price) data.instance_market_options.spot_options.max_price = js_number(*spot.max_price);
    if (spot.request_type) {
      data.instance_market_options.spot_options.spot_instance_type =
          *spot.request_type == SpotRequestType::OneTime ? "one-time" : "persistent";
    }
  }
  if (props.key_pair) data.key_name = props.key_pair->key_pair_name();
  else if (props.key_name) data.key_name = *props.key_name;
  if (props.http_endpoint || props.http_protocol_ipv6 || props.http_put_response_hop_limit || props.http_tokens ||
      props.instance_metadata_tags || props.require_imdsv2) {
    data.metadata_options = metadata_options(props, where);
  }
  if (props.detailed_monitoring) data.monitoring.enabled = *props.detailed_monitoring;
  if (props.associate_public_ip_address) {
    network_interface_ = true;
    data.network_interfaces = ListOf<Cfn::NetworkInterfaceProperty>{
        {.associate_public_ip_address = *props.associate_public_ip_address, .device_index = 0}};
  }
  // CDK's Tags.of(this).add("Name", path): the template's tags, rendered at synth into
  // the tag specifications of what it launches (and of itself, below).
  Tags::of(*this).add("Name", where);
  auto tag_specifications = [this](std::vector<const char*> resource_types) {
    return lazy([this, resource_types] {
      const Value tags = tags_.render();
      if (tags.is_null()) return Value{};
      List out;
      for (const char* type : resource_types) out.push_back(Map{{"ResourceType", type}, {"Tags", tags}});
      return Value{std::move(out)};
    });
  };
  data.tag_specifications = tag_specifications({"instance", "volume"});
  if (user_data_) {
    UserData user_data = *user_data_;
    data.user_data = lazy([user_data] { return Fn::base64(user_data.render()); }, TokenType::String);
  }

  Cfn::Props cfn_props{.launch_template_data = std::move(data)};
  if (props.launch_template_name) cfn_props.launch_template_name = *props.launch_template_name;
  if (props.version_description) cfn_props.version_description = *props.version_description;
  cfn_props.tag_specifications = tag_specifications({"launch-template"});
  resource_ = &add<CfnLaunchTemplate>("Resource", std::move(cfn_props));
  sync_security_groups();

  if (role_) resource_->add_dependency(role_->node());
}

void LaunchTemplate::sync_security_groups() {
  if (!connections_) return;
  std::vector<Str> ids;
  for (auto* group : connections_->security_groups()) ids.emplace_back(group->security_group_id());
  auto& data = resource_->props().launch_template_data;
  if (network_interface_) data.network_interfaces.items()[0].groups = ListOf<Str>{ids};
  else data.security_group_ids = ListOf<Str>{ids};
}

Value LaunchTemplate::launch_template_id() const { return resource_->ref(); }
Value LaunchTemplate::latest_version_number() const { return resource_->attr_latest_version_number(); }
Value LaunchTemplate::default_version_number() const { return resource_->attr_default_version_number(); }
Value LaunchTemplate::launch_template_name() const { return resource_->get_att("LaunchTemplateName"); }

Connections& LaunchTemplate::connections() {
  if (!connections_) {
    throw Error(errc::Ec2LaunchTemplateNoSecurityGroup, path(),
                "LaunchTemplate can only be used as IConnectable if a securityGroup is provided when constructing it.");
  }
  return *connections_;
}

iam::IPrincipal& LaunchTemplate::grant_principal() {
  if (!role_) {
    throw Error(errc::Ec2LaunchTemplateNoRole, path(),
                "LaunchTemplate can only be used as IGrantable if a role is provided when constructing it.");
  }
  return *role_;
}

void LaunchTemplate::add_security_group(ISecurityGroup& security_group) {
  if (!connections_) {
    throw Error(errc::Ec2LaunchTemplateNoSecurityGroup, path(),
                "LaunchTemplate can only be added a securityGroup if another securityGroup is initialized in the "
                "constructor.");
  }
  connections_->add_security_group(security_group);
  sync_security_groups();
}

}  // namespace cdk::ec2
