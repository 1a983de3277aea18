// Instance: one EC2 instance with its security group, role and instance profile, user
// data and block devices, as CDK's ec2.Instance builds it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/borrowed.hpp"
#include "cdk/construct.hpp"
#include "cdk/ec2/block_device.hpp"
#include "cdk/ec2/cfn_fwd.hpp"
#include "cdk/ec2/cloudformation_init.hpp"
#include "cdk/ec2/connections.hpp"
#include "cdk/ec2/instance_type.hpp"
#include "cdk/ec2/key_pair.hpp"
#include "cdk/ec2/launch_template.hpp"  // InstanceInitiatedShutdownBehavior
#include "cdk/ec2/machine_image.hpp"
#include "cdk/ec2/subnet.hpp"
#include "cdk/ec2/user_data.hpp"
#include "cdk/iam/principal.hpp"

namespace cdk::iam {
class IRole;
class PolicyStatement;
}  // namespace cdk::iam

namespace cdk::ec2 {

class ISecurityGroup;
class IVpc;

/// CPU credits of a burstable instance.
enum class CpuCredits { Standard, Unlimited };

/// How CloudFormation Init runs on the instance (CDK's ApplyCloudFormationInitOptions).
struct ApplyCloudFormationInitOptions {
  /// Default {"default"}.
  std::vector<std::string> config_sets;
  /// How long CloudFormation waits for the instance's signal. Default 5 minutes.
  std::chrono::seconds timeout{300};
  bool embed_fingerprint = true;
  bool print_log = true;
  bool ignore_failures = false;
  bool include_url = false;
  bool include_role = false;
};

struct InstanceProps {
  /// The VPC to launch in (required; cdk.ec2.InvalidInstance).
  Borrowed<const IVpc> vpc;
  /// Default: the VPC's default selection (private subnets with egress, else isolated,
  /// else public), as CDK. The instance goes in the first selected subnet.
  std::optional<SubnetSelection> vpc_subnets;
  /// Pick the selected subnet in this AZ (exactly one must match).
  std::optional<Value> availability_zone;
  InstanceType instance_type;
  MachineImage machine_image;
  /// Default: a new group "InstanceSecurityGroup" (no inbound rules).
  Borrowed<ISecurityGroup> security_group;
  /// For the group created by default. Default true.
  bool allow_all_outbound = true;
  /// For the group created by default. Default false.
  bool allow_all_ipv6_outbound = false;
  /// Default: a new role "InstanceRole" assumed by ec2.amazonaws.com.
  Borrowed<iam::IRole> role;
  /// Default: the machine image's user data (an empty script for its OS).
  std::optional<UserData> user_data;
  /// A new logical id (so a new instance) whenever the user data changes. Default: true
  /// when init_options is given, else false (as CDK).
  std::optional<bool> user_data_causes_replacement;
  /// Configure the instance at boot with cfn-init (metadata, user data lines, a signal
  /// the stack waits for). Default: none.
  std::optional<CloudFormationInit> init;
  /// Default: ApplyCloudFormationInitOptions{} when init is given.
  std::optional<ApplyCloudFormationInitOptions> init_options;
  /// Default: none (connect with SSM Session Manager, see ssm_session_permissions).
  Borrowed<const IKeyPair> key_pair;
  /// Default: the AMI's block device mappings.
  std::optional<std::vector<BlockDevice>> block_devices;
  /// HttpTokens required through a launch template (CDK's shape). Default TRUE in cdkpp
  /// (CDK: false); set false to allow IMDSv1.
  bool require_imdsv2 = true;
  /// Writes a network interface with AssociatePublicIpAddress; true needs public
  /// subnets. Default: the subnet's MapPublicIpOnLaunch decides.
  std::optional<bool> associate_public_ip_address;
  std::optional<std::string> private_ip_address;
  std::optional<bool> source_dest_check;
  /// The Name tag. Default: the construct's path.
  std::optional<std::string> instance_name;
  std::optional<bool> detailed_monitoring;
  std::optional<bool> ebs_optimized;
  std::optional<bool> propagate_tags_to_volume_on_creation;
  /// Attach AmazonSSMManagedInstanceCore to the role. Default false.
  bool ssm_session_permissions = false;
  /// Burstable types only (cdk.ec2.InvalidInstance). Default: the type's default.
  std::optional<CpuCredits> credit_specification;
  std::optional<bool> disable_api_termination;
  std::optional<InstanceInitiatedShutdownBehavior> instance_initiated_shutdown_behavior;
  /// Wait for a cfn-signal this long (CreationPolicy). Default: no signal awaited.
  std::optional<std::chrono::seconds> resource_signal_timeout;
};

class Instance : public Construct, public IConnectable, public iam::IGrantable {
 public:
  using Props = InstanceProps;

  Instance(Construct& scope, std::string_view id, InstanceProps props);

  /// Ref
  Value instance_id() const;
  Value instance_private_ip() const;
  Value instance_public_ip() const;
  Value instance_public_dns_name() const;
  Value instance_private_dns_name() const;
  Value instance_availability_zone() const;

  Connections& connections() override { return connections_; }
  /// The role.
  iam::IPrincipal& grant_principal() override;
  iam::IRole& role() { return *role_; }
  UserData& user_data() { return user_data_; }
  OperatingSystemType os_type() const { return os_type_; }

  void add_user_data(std::vector<Value> commands) { user_data_.add_commands(std::move(commands)); }
  void add_security_group(ISecurityGroup& security_group);
  void add_to_role_policy(const iam::PolicyStatement& statement);

  CfnInstance& cfn_instance() { return *instance_; }
  const CfnInstance& cfn_instance() const { return *instance_; }

 private:
  Connections connections_;
  std::vector<ISecurityGroup*> security_groups_;
  iam::IRole* role_ = nullptr;
  UserData user_data_;
  OperatingSystemType os_type_;
  CfnInstance* instance_ = nullptr;
  bool uses_network_interface_ = false;

  void sync_security_groups();
};

}  // namespace cdk::ec2
