// Machine images: where an instance's AMI id comes from. Latest Amazon Linux and Windows
// through an SSM-parameter-typed CfnParameter (as CDK: resolved at deploy time), a
// per-region map, or any SSM parameter.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cdk/ec2/user_data.hpp"
#include "cdk/value.hpp"

namespace cdk {
class Construct;
}

namespace cdk::ec2 {

/// What get_image gives an instance.
struct MachineImageConfig {
  Value image_id;
  OperatingSystemType os_type = OperatingSystemType::Linux;
  /// The default user data for this image (a fresh script unless the image was given one).
  UserData user_data = UserData::for_linux();
};

enum class AmazonLinuxGeneration { AmazonLinux, AmazonLinux2, AmazonLinux2022, AmazonLinux2023 };
enum class AmazonLinuxCpuType { X86_64, Arm64 };
enum class AmazonLinuxEdition { Standard, Minimal };
enum class AmazonLinuxVirt { Hvm, Pv };
enum class AmazonLinuxStorage { Ebs, GeneralPurpose, S3 };

struct AmazonLinuxImageProps {
  /// Default: Amazon Linux (1), as CDK's `new AmazonLinuxImage()`.
  AmazonLinuxGeneration generation = AmazonLinuxGeneration::AmazonLinux;
  AmazonLinuxEdition edition = AmazonLinuxEdition::Standard;
  AmazonLinuxCpuType cpu_type = AmazonLinuxCpuType::X86_64;
  /// Not for 2022/2023 (cdk.ec2.InvalidMachineImage). Default: HVM.
  std::optional<AmazonLinuxVirt> virtualization;
  /// Not for 2022/2023 (cdk.ec2.InvalidMachineImage). Default: general purpose (gp2).
  std::optional<AmazonLinuxStorage> storage;
  /// Amazon Linux 2 only: "kernel-5.10" (the default for latest_amazon_linux2) or
  /// "kernel-4.14"; Amazon Linux 1 has none.
  std::optional<std::string> kernel;
  /// Default: UserData::for_linux().
  std::optional<UserData> user_data;
};

/// Options of the latest_amazon_linux* factories.
struct AmazonLinuxImageOptions {
  AmazonLinuxEdition edition = AmazonLinuxEdition::Standard;
  AmazonLinuxCpuType cpu_type = AmazonLinuxCpuType::X86_64;
  std::optional<UserData> user_data;
};

struct GenericImageOptions {
  /// Default: an empty script for the image's OS.
  std::optional<UserData> user_data;
};

struct SsmParameterImageOptions {
  /// resolve_ssm_parameter_at_launch only: a version of the parameter. Default: the latest.
  std::optional<std::string> parameter_version;
  /// Default Linux.
  OperatingSystemType os = OperatingSystemType::Linux;
  std::optional<UserData> user_data;
};

/// A value type; copies share the same (immutable) image description.
class MachineImage {
 public:
  /// Amazon Linux 2023 (kernel 6.1) by SSM parameter.
  static MachineImage latest_amazon_linux2023(AmazonLinuxImageOptions options = {});
  /// Amazon Linux 2 (kernel 5.10, HVM, gp2) by SSM parameter.
  static MachineImage latest_amazon_linux2(AmazonLinuxImageOptions options = {});
  /// Windows Server, e.g. "Windows_Server-2022-English-Full-Base", by SSM parameter.
  static MachineImage latest_windows(std::string version, GenericImageOptions options = {});
  /// A Linux AMI per region: {{"us-east-1", "ami-..."}}. An environment-agnostic stack
  /// gets a Mapping "AmiMap" read with the stack's region; a stack with a region gets the
  /// literal id (cdk.ec2.InvalidMachineImage when its region is missing).
  static MachineImage generic_linux(std::vector<std::pair<std::string, std::string>> ami_map,
                                    GenericImageOptions options = {});
  static MachineImage generic_windows(std::vector<std::pair<std::string, std::string>> ami_map,
                                      GenericImageOptions options = {});
  /// The AMI id in an SSM parameter, read at deploy time.
  static MachineImage from_ssm_parameter(std::string parameter_name, SsmParameterImageOptions options = {});

  /// "resolve:ssm:<name>[:<version>]": EC2 reads the parameter when an instance launches
  /// (no template parameter; a new AMI does not replace the instance on update).
  static MachineImage resolve_ssm_parameter_at_launch(std::string parameter_name, SsmParameterImageOptions options = {});

  /// The image id, OS and default user data for an instance in `scope`.
  MachineImageConfig get_image(Construct& scope) const;

  struct Impl;

 protected:
  explicit MachineImage(std::shared_ptr<const Impl> impl) : impl_{std::move(impl)} {}

 private:
  std::shared_ptr<const Impl> impl_;
};

/// CDK's `new AmazonLinuxImage(props)`: Amazon Linux 1 by default (the newsblog sample's
/// image); prefer MachineImage::latest_amazon_linux2023().
class AmazonLinuxImage : public MachineImage {
 public:
  explicit AmazonLinuxImage(AmazonLinuxImageProps props = {});
  /// The SSM parameter name for these props, e.g.
  /// "/aws/service/ami-amazon-linux-latest/amzn-ami-hvm-x86_64-gp2".
  static std::string ssm_parameter_name(const AmazonLinuxImageProps& props);
};

/// The value of an SSM parameter as a stack-level CfnParameter of type
/// AWS::SSM::Parameter::Value<type>, created once per stack and name with CDK's logical id
/// ("SsmParameterValue...C96584B6F00A464EAD1953AFF4B05118Parameter").
Value ssm_parameter_value(Construct& scope, const std::string& parameter_name,
                          const std::string& type = "AWS::EC2::Image::Id");

}  // namespace cdk::ec2
