#include "cdk/ec2/machine_image.hpp"

#include "cdk/cfn_mapping.hpp"
#include "cdk/cfn_parameter.hpp"
#include "cdk/errors.hpp"
#include "cdk/stack.hpp"

namespace cdk::ec2 {

struct MachineImage::Impl {
  enum class Kind { Ssm, Generic, ResolveAtLaunch } kind;
  std::string parameter_name;                                // Ssm
  std::vector<std::pair<std::string, std::string>> ami_map;  // Generic
  OperatingSystemType os = OperatingSystemType::Linux;
  std::optional<UserData> user_data;
};

namespace {
std::shared_ptr<const MachineImage::Impl> ssm_image(std::string name, OperatingSystemType os,
                                                     std::optional<UserData> user_data) {
  auto impl = std::make_shared<MachineImage::Impl>();
  impl->kind = MachineImage::Impl::Kind::Ssm;
  impl->parameter_name = std::move(name);
  impl->os = os;
  impl->user_data = std::move(user_data);
  return impl;
}

const char* edition_part(AmazonLinuxEdition e) { return e == AmazonLinuxEdition::Minimal ? "minimal" : nullptr; }
const char* cpu_part(AmazonLinuxCpuType c) { return c == AmazonLinuxCpuType::Arm64 ? "arm64" : "x86_64"; }
}  // namespace

// CDK's valueForTypedStringParameterV2: one parameter per stack and name, with the id
// "SsmParameterValue:<name>:C96584B6-F00A-464E-AD19-53AFF4B05118.Parameter" directly in
// the stack ('/' becomes '--' as construct ids cannot hold it), so that its logical id is
// that id without the non-alphanumerics.
Value ssm_parameter_value(Construct& scope, const std::string& parameter_name, const std::string& type) {
  Stack& stack = Stack::of(scope);
  std::string id = "SsmParameterValue:" + parameter_name + ":C96584B6-F00A-464E-AD19-53AFF4B05118.Parameter";
  for (std::size_t at = id.find('/'); at != std::string::npos; at = id.find('/', at + 2)) id.replace(at, 1, "--");
  if (auto* existing = dynamic_cast<CfnParameter*>(stack.try_find_child(id))) return existing->value_as_string();
  auto& parameter = stack.add<CfnParameter>(
      id, {.type = "AWS::SSM::Parameter::Value<" + type + ">", .default_value = Value{parameter_name}});
  return parameter.value_as_string();
}

MachineImage MachineImage::latest_amazon_linux2023(AmazonLinuxImageOptions options) {
  return AmazonLinuxImage{{.generation = AmazonLinuxGeneration::AmazonLinux2023,
                           .edition = options.edition,
                           .cpu_type = options.cpu_type,
                           .user_data = std::move(options.user_data)}};
}

MachineImage MachineImage::latest_amazon_linux2(AmazonLinuxImageOptions options) {
  return AmazonLinuxImage{{.generation = AmazonLinuxGeneration::AmazonLinux2,
                           .edition = options.edition,
                           .cpu_type = options.cpu_type,
                           .kernel = "kernel-5.10",
                           .user_data = std::move(options.user_data)}};
}

MachineImage MachineImage::latest_windows(std::string version, GenericImageOptions options) {
  return MachineImage{
      ssm_image("/aws/service/ami-windows-latest/" + version, OperatingSystemType::Windows, std::move(options.user_data))};
}

MachineImage MachineImage::generic_linux(std::vector<std::pair<std::string, std::string>> ami_map,
                                         GenericImageOptions options) {
  auto impl = std::make_shared<Impl>();
  impl->kind = Impl::Kind::Generic;
  impl->ami_map = std::move(ami_map);
  impl->user_data = std::move(options.user_data);
  return MachineImage{std::move(impl)};
}

MachineImage MachineImage::generic_windows(std::vector<std::pair<std::string, std::string>> ami_map,
                                           GenericImageOptions options) {
  auto impl = std::make_shared<Impl>();
  impl->kind = Impl::Kind::Generic;
  impl->ami_map = std::move(ami_map);
  impl->os = OperatingSystemType::Windows;
  impl->user_data = std::move(options.user_data);
  return MachineImage{std::move(impl)};
}

MachineImage MachineImage::from_ssm_parameter(std::string parameter_name, SsmParameterImageOptions options) {
  return MachineImage{ssm_image(std::move(parameter_name), options.os, std::move(options.user_data))};
}

MachineImage MachineImage::resolve_ssm_parameter_at_launch(std::string parameter_name, SsmParameterImageOptions options) {
  auto impl = std::make_shared<Impl>();
  impl->kind = Impl::Kind::ResolveAtLaunch;
  impl->parameter_name =
      "resolve:ssm:" + parameter_name + (options.parameter_version ? ":" + *options.parameter_version : std::string{});
  impl->os = options.os;
  impl->user_data = std::move(options.user_data);
  return MachineImage{std::move(impl)};
}

MachineImageConfig MachineImage::get_image(Construct& scope) const {
  // A fresh script unless the image was given one (CDK's `userData ?? UserData.forX()`).
  UserData user_data = impl_->user_data ? *impl_->user_data : UserData::for_operating_system(impl_->os);
  if (impl_->kind == Impl::Kind::ResolveAtLaunch) return {Value{impl_->parameter_name}, impl_->os, std::move(user_data)};
  if (impl_->kind == Impl::Kind::Ssm)
    return {ssm_parameter_value(scope, impl_->parameter_name), impl_->os, std::move(user_data)};

  const Stack& stack = Stack::of(scope);
  if (!stack.environment().region) {
    // Environment-agnostic: a mapping read with the region at deploy time.
    CfnMappingProps mapping;
    for (const auto& [region, ami] : impl_->ami_map) mapping.mapping.push_back({region, Map{{"ami", Value{ami}}}});
    auto& m = scope.add<CfnMapping>("AmiMap", std::move(mapping));
    return {m.find_in_map(Stack::of(scope).region(), "ami"), impl_->os, std::move(user_data)};
  }
  const std::string& region = *stack.environment().region;
  for (const auto& [r, ami] : impl_->ami_map)
    if (r == region) return {Value{ami}, impl_->os, std::move(user_data)};
  throw Error(errc::Ec2InvalidMachineImage, scope.path(),
              "unable to find AMI in AMI map: no AMI specified for region '" + region + "'");
}

std::string AmazonLinuxImage::ssm_parameter_name(const AmazonLinuxImageProps& props) {
  std::vector<const char*> parts;
  const char* generation = "amzn-ami";
  const char* kernel = props.kernel ? props.kernel->c_str() : nullptr;
  const char* virtualization = nullptr;
  const char* storage = nullptr;
  switch (props.generation) {
    case AmazonLinuxGeneration::AmazonLinux: generation = "amzn"; break;
    case AmazonLinuxGeneration::AmazonLinux2: generation = "amzn2"; break;
    case AmazonLinuxGeneration::AmazonLinux2022: generation = "al2022"; kernel = "kernel-5.10"; break;
    case AmazonLinuxGeneration::AmazonLinux2023: generation = "al2023"; kernel = "kernel-6.1"; break;
  }
  const bool new_generation = props.generation == AmazonLinuxGeneration::AmazonLinux2022 ||
                              props.generation == AmazonLinuxGeneration::AmazonLinux2023;
  if (new_generation) {
    if (props.storage)
      throw Error(errc::Ec2InvalidMachineImage, "", "storage is not part of the SSM parameter name for Amazon Linux 2022/2023");
    if (props.virtualization)
      throw Error(errc::Ec2InvalidMachineImage, "",
                  "virtualization is not part of the SSM parameter name for Amazon Linux 2022/2023");
  } else {
    virtualization = props.virtualization == AmazonLinuxVirt::Pv ? "pv" : "hvm";
    const auto st = props.storage.value_or(AmazonLinuxStorage::GeneralPurpose);
    storage = st == AmazonLinuxStorage::Ebs ? "ebs" : st == AmazonLinuxStorage::S3 ? "s3" : "gp2";
  }
  std::string name = "/aws/service/ami-amazon-linux-latest/";
  bool first = true;
  for (const char* part :
       {generation, "ami", edition_part(props.edition), kernel, virtualization, cpu_part(props.cpu_type), storage}) {
    if (!part) continue;
    if (!first) name += "-";
    name += part;
    first = false;
  }
  return name;
}

AmazonLinuxImage::AmazonLinuxImage(AmazonLinuxImageProps props)
    : MachineImage{ssm_image(ssm_parameter_name(props), OperatingSystemType::Linux, std::move(props.user_data))} {}

}  // namespace cdk::ec2
