// CloudFormation Init (CDK's CloudFormationInit): configuration that cfn-init applies on
// an instance at boot, rendered as the AWS::CloudFormation::Init metadata of a resource,
// plus the user data that runs cfn-init and cfn-signal and the role permissions they need.
//
//   auto init = cdk::ec2::CloudFormationInit::from_elements({
//       cdk::ec2::InitPackage::yum("nginx"),
//       cdk::ec2::InitService::enable("nginx"),
//   });
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cdk/borrowed.hpp"
#include "cdk/ec2/cloudformation_init_elements.hpp"
#include "cdk/ec2/user_data.hpp"
#include "cdk/value.hpp"

namespace cdk {
class CfnResource;
class Construct;
}  // namespace cdk

namespace cdk::ec2 {

/// A named list of elements (one cfn-init "config").
class InitConfig {
 public:
  InitConfig() = default;
  InitConfig(std::vector<AnyInitElement> elements) : elements_{std::move(elements)} {}  // NOLINT
  void add(AnyInitElement element) { elements_.push_back(std::move(element)); }
  bool is_empty() const { return elements_.empty(); }
  /// The config's sections (packages, groups, users, sources, files, commands, services),
  /// each the merge of its elements' fragments; empty sections are left out.
  Value bind(const InitBindOptions& options) const;

 private:
  std::vector<AnyInitElement> elements_;
};

struct ConfigSetProps {
  /// Config set name -> config names, in the order cfn-init runs them.
  std::vector<std::pair<std::string, std::vector<std::string>>> config_sets;
  /// Config name -> config.
  std::vector<std::pair<std::string, InitConfig>> configs;
};

/// How init is attached to a resource (CDK's AttachInitOptions).
struct AttachInitOptions {
  /// The role of the instances: it is granted cloudformation:DescribeStackResource and
  /// cloudformation:SignalResource on the stack. Required.
  Borrowed<iam::IRole> instance_role;
  /// The user data that receives the cfn-init / cfn-signal lines. Required.
  Borrowed<UserData> user_data;
  /// The instances' operating system (Unknown is an error).
  OperatingSystemType platform = OperatingSystemType::Linux;
  /// Config sets to run. Default {"default"}.
  std::vector<std::string> config_sets;
  /// Add a comment with a hash of the config to the user data, so a change of the
  /// config replaces the instances. Default true.
  bool embed_fingerprint = true;
  /// Print cfn-init's log to the console. Default true.
  bool print_log = true;
  /// Signal success even when cfn-init fails. Default false.
  bool ignore_failures = false;
  /// Pass --url (the regional CloudFormation endpoint) to cfn-init and cfn-signal.
  bool include_url = false;
  /// Pass --role to cfn-init and cfn-signal.
  bool include_role = false;
  /// The resource cfn-signal signals. Default: the resource the init is attached to.
  const CfnResource* signal_resource = nullptr;

  /// From the options of an instance's or a group's init (CDK's two
  /// ApplyCloudFormationInitOptions types, which share these fields).
  template <class ApplyOptions>
  static AttachInitOptions from(const ApplyOptions& options, Borrowed<iam::IRole> role, Borrowed<UserData> user_data,
                                OperatingSystemType platform) {
    return {.instance_role = role,
            .user_data = user_data,
            .platform = platform,
            .config_sets = options.config_sets,
            .embed_fingerprint = options.embed_fingerprint,
            .print_log = options.print_log,
            .ignore_failures = options.ignore_failures,
            .include_url = options.include_url,
            .include_role = options.include_role};
  }
};

class CloudFormationInit {
 public:
  /// One config named "config" in the config set "default".
  static CloudFormationInit from_elements(std::vector<AnyInitElement> elements);
  /// `config` as the config named "config" in the config set "default".
  static CloudFormationInit from_config(InitConfig config);
  /// Several configs and config sets; every config a set names must exist.
  static CloudFormationInit from_config_sets(ConfigSetProps props);

  /// Adds a config; its name must be new.
  void add_config(std::string config_name, InitConfig config);
  /// Adds a config set; its name must be new and its configs must exist.
  void add_config_set(std::string config_set_name, std::vector<std::string> config_names = {});

  /// The AWS::CloudFormation::Init metadata: {configSets, <config>...}; empty configs are
  /// left out, and so are their names in the config sets.
  Value bind(const InitBindOptions& options) const;

  /// Attaches the metadata to `resource`, adds the cfn-init and cfn-signal lines to the
  /// user data and grants the role what they need (CDK's attach()).
  void attach(CfnResource& resource, const AttachInitOptions& options) const;

 private:
  std::vector<std::pair<std::string, std::vector<std::string>>> config_sets_;
  std::vector<std::pair<std::string, InitConfig>> configs_;
};

}  // namespace cdk::ec2
