// Block devices of an instance or launch template: EBS volumes (encrypted by default in
// cdkpp), snapshots, instance-store (ephemeral) volumes, suppressed mappings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cdk/value.hpp"

namespace cdk {
class Construct;
}

namespace cdk::ec2 {

enum class EbsDeviceVolumeType { Standard, Io1, Io2, Gp2, Gp3, St1, Sc1 };

/// "gp3", "io1", ...
const char* to_string(EbsDeviceVolumeType type);

struct EbsDeviceOptions {
  /// Default: EC2's (true for volumes created at launch).
  std::optional<bool> delete_on_termination;
  /// Required for io1/io2; only with io1, io2 or gp3 (ignored otherwise, with a warning).
  std::optional<int> iops;
  /// Default: EC2's (gp2, or the account's default).
  std::optional<EbsDeviceVolumeType> volume_type;
  /// Default true in cdkpp (CDK: not set, so unencrypted unless the account encrypts by
  /// default). Set false to opt out.
  std::optional<bool> encrypted;
  /// A KMS key ARN or id for the encryption. Default: the AWS managed key.
  std::optional<Value> kms_key_id;
  /// MiB/s, gp3 only, 125-2000; launch templates only (an instance ignores it with a warning).
  std::optional<int> throughput;
};

/// A block device volume: CDK's BlockDeviceVolume.
class BlockDeviceVolume {
 public:
  /// A new EBS volume of `volume_size` GiB, encrypted unless options.encrypted is false.
  static BlockDeviceVolume ebs(int volume_size, EbsDeviceOptions options = {});
  /// A volume from a snapshot; `volume_size` defaults to the snapshot's. Encryption is
  /// left to the snapshot unless set.
  static BlockDeviceVolume ebs_from_snapshot(std::string snapshot_id, EbsDeviceOptions options = {},
                                             std::optional<int> volume_size = {});
  /// Instance store volume "ephemeral<index>" (index >= 0, cdk.ec2.InvalidBlockDevice).
  static BlockDeviceVolume ephemeral(int volume_index);

  bool is_ebs() const { return ebs_; }
  const EbsDeviceOptions& ebs_options() const { return options_; }
  const std::optional<int>& volume_size() const { return volume_size_; }
  const std::optional<std::string>& snapshot_id() const { return snapshot_id_; }
  const std::optional<std::string>& virtual_name() const { return virtual_name_; }

 private:
  BlockDeviceVolume() = default;
  bool ebs_ = false;
  EbsDeviceOptions options_;
  std::optional<int> volume_size_;
  std::optional<std::string> snapshot_id_;
  std::optional<std::string> virtual_name_;
};

struct BlockDevice {
  /// e.g. "/dev/xvda" (the root device of Amazon Linux), "/dev/sdb".
  std::string device_name;
  BlockDeviceVolume volume;
  /// false suppresses a mapping of the AMI (NoDevice). Default true.
  bool mapping_enabled = true;
};

/// The BlockDeviceMappings as CDK writes them (DeviceName, Ebs {...}, VirtualName,
/// NoDevice: {} for an instance, "" for a launch template). Bad combinations throw
/// cdk.ec2.InvalidBlockDevice with scope's path; ignored settings add warnings to scope.
List render_block_devices(Construct& scope, const std::vector<BlockDevice>& devices, bool for_launch_template);

}  // namespace cdk::ec2
