#include "cdk/ec2/block_device.hpp"

#include "cdk/annotations.hpp"
#include "cdk/construct.hpp"
#include "cdk/errors.hpp"

namespace cdk::ec2 {

const char* to_string(EbsDeviceVolumeType type) {
  switch (type) {
    case EbsDeviceVolumeType::Standard: return "standard";
    case EbsDeviceVolumeType::Io1: return "io1";
    case EbsDeviceVolumeType::Io2: return "io2";
    case EbsDeviceVolumeType::Gp2: return "gp2";
    case EbsDeviceVolumeType::Gp3: return "gp3";
    case EbsDeviceVolumeType::St1: return "st1";
    case EbsDeviceVolumeType::Sc1: return "sc1";
  }
  return "gp2";
}

BlockDeviceVolume BlockDeviceVolume::ebs(int volume_size, EbsDeviceOptions options) {
  if (volume_size < 1)
    throw Error(errc::Ec2InvalidBlockDevice, "", "an EBS volume needs a size of at least 1 GiB, got " +
                                                     std::to_string(volume_size));
  BlockDeviceVolume v;
  v.ebs_ = true;
  if (!options.encrypted) options.encrypted = true;  // cdkpp's safer default
  v.options_ = std::move(options);
  v.volume_size_ = volume_size;
  return v;
}

BlockDeviceVolume BlockDeviceVolume::ebs_from_snapshot(std::string snapshot_id, EbsDeviceOptions options,
                                                       std::optional<int> volume_size) {
  BlockDeviceVolume v;
  v.ebs_ = true;
  v.options_ = std::move(options);
  v.volume_size_ = volume_size;
  v.snapshot_id_ = std::move(snapshot_id);
  return v;
}

BlockDeviceVolume BlockDeviceVolume::ephemeral(int volume_index) {
  if (volume_index < 0)
    throw Error(errc::Ec2InvalidBlockDevice, "",
                "volume index must be a number starting from 0, got \"" + std::to_string(volume_index) + "\"");
  BlockDeviceVolume v;
  v.virtual_name_ = "ephemeral" + std::to_string(volume_index);
  return v;
}

List render_block_devices(Construct& scope, const std::vector<BlockDevice>& devices, bool for_launch_template) {
  List out;
  for (const auto& device : devices) {
    const auto& volume = device.volume;
    Map mapping{{"DeviceName", Value{device.device_name}}};
    if (volume.is_ebs()) {
      const auto& o = volume.ebs_options();
      const bool iops_type = o.volume_type == EbsDeviceVolumeType::Io1 || o.volume_type == EbsDeviceVolumeType::Io2 ||
                             o.volume_type == EbsDeviceVolumeType::Gp3;
      if (o.throughput) {
        if (o.volume_type != EbsDeviceVolumeType::Gp3)
          throw Error(errc::Ec2InvalidBlockDevice, scope.path(), "'throughput' requires volume_type gp3");
        if (*o.throughput < 125 || *o.throughput > 2000)
          throw Error(errc::Ec2InvalidBlockDevice, scope.path(),
                      "'throughput' must be between 125 and 2000, got " + std::to_string(*o.throughput));
        if (o.iops && static_cast<double>(*o.throughput) / *o.iops > 0.25)
          throw Error(errc::Ec2InvalidBlockDevice, scope.path(),
                      "throughput (MiBps) to iops ratio is too high; the maximum is 0.25 MiBps per iops");
        if (!for_launch_template)
          Annotations::of(scope).add_warning(
              "The throughput property is not supported on EC2 instances. Use a Launch Template instead. "
              "[ack: @aws-cdk/aws-ec2:throughputNotSupported]");
      }
      if (o.iops && !iops_type)
        Annotations::of(scope).add_warning(
            "iops will be ignored without volumeType: IO1, IO2, or GP3 [ack: @aws-cdk/aws-ec2:iopsIgnored]");
      if (!o.iops && (o.volume_type == EbsDeviceVolumeType::Io1 || o.volume_type == EbsDeviceVolumeType::Io2))
        throw Error(errc::Ec2InvalidBlockDevice, scope.path(), "iops is required with volume_type io1 and io2");
      Map ebs;
      if (o.delete_on_termination) ebs.emplace_back("DeleteOnTermination", *o.delete_on_termination);
      if (o.encrypted) ebs.emplace_back("Encrypted", *o.encrypted);
      if (o.iops) ebs.emplace_back("Iops", *o.iops);
      if (o.kms_key_id) ebs.emplace_back("KmsKeyId", *o.kms_key_id);
      if (volume.snapshot_id()) ebs.emplace_back("SnapshotId", *volume.snapshot_id());
      if (o.throughput && for_launch_template) ebs.emplace_back("Throughput", *o.throughput);
      if (volume.volume_size()) ebs.emplace_back("VolumeSize", *volume.volume_size());
      if (o.volume_type) ebs.emplace_back("VolumeType", to_string(*o.volume_type));
      mapping.emplace_back("Ebs", Value{std::move(ebs)});
    }
    if (!device.mapping_enabled) mapping.emplace_back("NoDevice", for_launch_template ? Value{""} : Value{Map{}});
    if (volume.virtual_name()) mapping.emplace_back("VirtualName", *volume.virtual_name());
    out.emplace_back(std::move(mapping));
  }
  return out;
}

}  // namespace cdk::ec2
