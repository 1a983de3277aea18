// LaunchTemplate (CDK's ec2.LaunchTemplate): an AWS::EC2::LaunchTemplate with the instance
// type, image, user data, instance profile, security groups, block devices and metadata
// options of the instances launched from it, tagged with its path as CDK tags it.
//
//   auto& lt = stack.add<cdk::ec2::LaunchTemplate>("Template", {
//       .instance_type = cdk::ec2::InstanceType{"t3.micro"},
//       .machine_image = cdk::ec2::MachineImage::latest_amazon_linux2023(),
//       .security_group = sg,
//   });
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/borrowed.hpp"
#include "cdk/construct.hpp"
#include "cdk/ec2/block_device.hpp"
#include "cdk/ec2/cfn_fwd.hpp"
#include "cdk/ec2/connections.hpp"
#include "cdk/ec2/instance_type.hpp"
#include "cdk/ec2/key_pair.hpp"
#include "cdk/ec2/machine_image.hpp"
#include "cdk/ec2/user_data.hpp"
#include "cdk/iam/principal.hpp"
#include "cdk/tags.hpp"
#include "cdk/value.hpp"

namespace cdk::iam {
class IRole;
class IInstanceProfile;
}  // namespace cdk::iam

namespace cdk::ec2 {

class ISecurityGroup;

/// What an OS shutdown does (instances and launch templates).
enum class InstanceInitiatedShutdownBehavior { Stop, Terminate };
enum class LaunchTemplateHttpTokens { Optional, Required };
enum class SpotInstanceInterruption { Stop, Terminate, Hibernate };
enum class SpotRequestType { OneTime, Persistent };

struct LaunchTemplateSpotOptions {
  /// Maximum hourly price, e.g. 0.05; default: the on-demand price.
  std::optional<double> max_price;
  std::optional<SpotInstanceInterruption> interruption_behavior;
  std::optional<SpotRequestType> request_type;
};

struct LaunchTemplateProps {
  /// Default: a name CloudFormation generates.
  std::optional<std::string> launch_template_name;
  std::optional<std::string> version_description;
  /// Default: none (given at launch).
  std::optional<InstanceType> instance_type;
  /// Default: none (given at launch).
  std::optional<MachineImage> machine_image;
  /// Default: none. (CDK fills in the image's default user data only behind a feature
  /// flag; an AutoScalingGroup's own launch template does get it.)
  std::optional<UserData> user_data;
  /// Without user_data, use the machine image's default user data (CDK does so behind
  /// @aws-cdk/aws-ec2:launchTemplateDefaultUserData). Default false.
  bool use_image_user_data = false;
  /// The instances' role; an instance profile ("Profile") is created for it.
  Borrowed<iam::IRole> role;
  /// An existing instance profile instead of a role.
  Borrowed<iam::IInstanceProfile> instance_profile;
  /// Makes the template IConnectable; more groups with add_security_group.
  Borrowed<ISecurityGroup> security_group;
  Borrowed<const IKeyPair> key_pair;
  std::optional<std::string> key_name;
  std::vector<BlockDevice> block_devices;
  /// HttpTokens "required" (IMDSv2 only). Default false for a bare LaunchTemplate, as in
  /// CDK; an AutoScalingGroup turns it on by default.
  bool require_imdsv2 = false;
  std::optional<LaunchTemplateHttpTokens> http_tokens;
  std::optional<bool> http_endpoint;
  std::optional<bool> http_protocol_ipv6;
  /// 1..64.
  std::optional<int> http_put_response_hop_limit;
  std::optional<bool> instance_metadata_tags;
  std::optional<bool> detailed_monitoring;
  std::optional<bool> ebs_optimized;
  std::optional<bool> disable_api_termination;
  /// Given, the template has one network interface (device 0) that holds the security
  /// groups, as CDK writes it.
  std::optional<bool> associate_public_ip_address;
  std::optional<LaunchTemplateSpotOptions> spot_options;
  std::optional<InstanceInitiatedShutdownBehavior> instance_initiated_shutdown_behavior;
};

class LaunchTemplate : public Construct, public IConnectable, public iam::IGrantable, public ITaggable {
 public:
  using Props = LaunchTemplateProps;

  LaunchTemplate(Construct& scope, std::string_view id, LaunchTemplateProps props = {});

  /// {"Ref": template}
  Value launch_template_id() const;
  /// Fn::GetAtt LatestVersionNumber
  Value latest_version_number() const;
  /// Fn::GetAtt DefaultVersionNumber
  Value default_version_number() const;
  Value launch_template_name() const;

  const std::optional<InstanceType>& instance_type() const { return instance_type_; }
  /// The image id, null when no machine image was given.
  const Value& image_id() const { return image_id_; }
  OperatingSystemType os_type() const { return os_type_; }
  /// The user data, or nullptr.
  UserData* user_data() { return user_data_ ? &*user_data_ : nullptr; }
  /// The role, or nullptr.
  iam::IRole* role() const { return role_; }

  /// Throws cdk.ec2.LaunchTemplateNoSecurityGroup when no security group was given.
  Connections& connections() override;
  /// Throws cdk.ec2.LaunchTemplateNoRole when no role was given.
  iam::IPrincipal& grant_principal() override;
  /// Needs a security group given at construction.
  void add_security_group(ISecurityGroup& security_group);

  CfnLaunchTemplate& cfn_launch_template() { return *resource_; }

  /// The template's tags (Tags::of reaches them; Name is its path, as CDK's): written to
  /// the tag specifications of the instances and volumes it launches and of the template.
  TagManager& tag_manager() override { return tags_; }

 private:
  void sync_security_groups();

  CfnLaunchTemplate* resource_ = nullptr;
  std::optional<Connections> connections_;
  std::optional<InstanceType> instance_type_;
  Value image_id_;
  OperatingSystemType os_type_ = OperatingSystemType::Unknown;
  std::optional<UserData> user_data_;
  iam::IRole* role_ = nullptr;
  bool network_interface_ = false;
  TagManager tags_{TagType::KeyValue, "AWS::EC2::LaunchTemplate"};
};

}  // namespace cdk::ec2
