#include "cdk/ec2/instance_type.hpp"

#include <iterator>
#include <optional>
#include <string_view>

#include "cdk/errors.hpp"

namespace cdk::ec2 {

namespace {
// In the order of the InstanceClass enumerators (CDK's InstanceClass and its mapping
// to identifiers).
constexpr const char* kClassIds[] = {
    "m3",  // Standard3
    "m3",  // M3
    "m4",  // Standard4
    "m4",  // M4
    "m5",  // Standard5
    "m5",  // M5
    "m5d",  // Standard5NvmeDrive
    "m5d",  // M5d
    "m5a",  // Standard5Amd
    "m5a",  // M5a
    "m5ad",  // Standard5AmdNvmeDrive
    "m5ad",  // M5ad
    "m5n",  // Standard5HighPerformance
    "m5n",  // M5n
    "m5dn",  // Standard5NvmeDriveHighPerformance
    "m5dn",  // M5dn
    "m5zn",  // Standard5HighCompute
    "m5zn",  // M5zn
    "r3",  // Memory3
    "r3",  // R3
    "r4",  // Memory4
    "r4",  // R4
    "r5",  // Memory5
    "r5",  // R5
    "r6a",  // Memory6Amd
    "r6a",  // R6a
    "r6i",  // Memory6Intel
    "r6i",  // R6i
    "r6id",  // Memory6IntelNvmeDrive
    "r6id",  // R6id
    "r6in",  // Memory6IntelHighPerformance
    "r6in",  // R6in
    "r6idn",  // Memory6IntelNvmeDriveHighPerformance
    "r6idn",  // R6idn
    "r5n",  // Memory5HighPerformance
    "r5n",  // R5n
    "r5d",  // Memory5NvmeDrive
    "r5d",  // R5d
    "r5dn",  // Memory5NvmeDriveHighPerformance
    "r5dn",  // R5dn
    "r5a",  // Memory5Amd
    "r5a",  // R5a
    "r5ad",  // Memory5AmdNvmeDrive
    "r5ad",  // R5ad
    "u-3tb1",  // HighMemory3tb1
    "u-3tb1",  // U3tb1
    "u-6tb1",  // HighMemory6tb1
    "u-6tb1",  // U6tb1
    "u-9tb1",  // HighMemory9tb1
    "u-9tb1",  // U9tb1
    "u-12tb1",  // HighMemory12tb1
    "u-12tb1",  // U12tb1
    "u-18tb1",  // HighMemory18tb1
    "u-18tb1",  // U18tb1
    "u-24tb1",  // HighMemory24tb1
    "u-24tb1",  // U24tb1
    "u7i-6tb",  // HighMemory6tb7
    "u7i-6tb",  // U7i6tb
    "u7i-8tb",  // HighMemory8tb7
    "u7i-8tb",  // U7i8tb
    "u7i-12tb",  // HighMemory12tb7
    "u7i-12tb",  // U7i12tb
    "u7in-16tb",  // HighMemoryHighNetwork16tb7
    "u7in-16tb",  // U7in16tb
    "u7in-24tb",  // HighMemoryHighNetwork24tb7
    "u7in-24tb",  // U7in24tb
    "u7in-32tb",  // HighMemoryHighNetwork32tb7
    "u7in-32tb",  // U7in32tb
    "u7inh-32tb",  // HighMemoryHighNetworkHpe32tb7
    "u7inh-32tb",  // U7inh32tb
    "r5b",  // Memory5EbsOptimized
    "r5b",  // R5b
    "r6g",  // Memory6Graviton
    "r6g",  // R6g
    "r6gd",  // Memory6Graviton2NvmeDrive
    "r6gd",  // R6gd
    "r7g",  // Memory7Graviton
    "r7g",  // R7g
    "r7gd",  // Memory7Graviton3NvmeDrive
    "r7gd",  // R7gd
    "r7i",  // Memory7IntelBase
    "r7i",  // R7i
    "r7iz",  // Memory7Intel
    "r7iz",  // R7iz
    "r8i",  // Memory8IntelBase
    "r8i",  // R8i
    "r8i-flex",  // Memory8IntelFlex
    "r8i-flex",  // R8iFlex
    "r7a",  // Memory7Amd
    "r7a",  // R7a
    "r8a",  // Memory8Amd
    "r8a",  // R8a
    "r8g",  // Memory8Graviton
    "r8g",  // R8g
    "r8gd",  // Memory8Graviton4NvmeDrive
    "r8gd",  // R8gd
    "r8gn",  // Memory8Graviton4HighNetworkBandwidth
    "r8gn",  // R8gn
    "r8gb",  // Memory8Graviton4EbsOptimized
    "r8gb",  // R8gb
    "c3",  // Compute3
    "c3",  // C3
    "c4",  // Compute4
    "c4",  // C4
    "c5",  // Compute5
    "c5",  // C5
    "c5d",  // Compute5NvmeDrive
    "c5d",  // C5d
    "c5a",  // Compute5Amd
    "c5a",  // C5a
    "c5ad",  // Compute5AmdNvmeDrive
    "c5ad",  // C5ad
    "c5n",  // Compute5HighPerformance
    "c5n",  // C5n
    "c6i",  // Compute6Intel
    "c6i",  // C6i
    "c6id",  // Compute6IntelNvmeDrive
    "c6id",  // C6id
    "c6in",  // Compute6IntelHighPerformance
    "c6in",  // C6in
    "c6a",  // Compute6Amd
    "c6a",  // C6a
    "c6g",  // Compute6Graviton2
    "c6g",  // C6g
    "c7g",  // Compute7Graviton3
    "c7g",  // C7g
    "c8g",  // Compute8Graviton4
    "c8g",  // C8g
    "c6gd",  // Compute6Graviton2NvmeDrive
    "c6gd",  // C6gd
    "c7gd",  // Compute7Graviton3NvmeDrive
    "c7gd",  // C7gd
    "c8gd",  // Compute8Graviton4NvmeDrive
    "c8gd",  // C8gd
    "c6gn",  // Compute6Graviton2HighNetworkBandwidth
    "c6gn",  // C6gn
    "c7gn",  // Compute7Graviton3HighNetworkBandwidth
    "c7gn",  // C7gn
    "c8gn",  // Compute8Graviton4HighNetworkBandwidth
    "c8gn",  // C8gn
    "c7i",  // Compute7Intel
    "c7i",  // C7i
    "c7i-flex",  // Compute7IntelFlex
    "c7i-flex",  // C7iFlex
    "c8i",  // Compute8Intel
    "c8i",  // C8i
    "c8i-flex",  // Compute8IntelFlex
    "c8i-flex",  // C8iFlex
    "c7a",  // Compute7Amd
    "c7a",  // C7a
    "c8a",  // Compute8Amd
    "c8a",  // C8a
    "d2",  // Storage2
    "d2",  // D2
    "d3",  // Storage3
    "d3",  // D3
    "d3en",  // Storage3EnhancedNetwork
    "d3en",  // D3en
    "h1",  // StorageCompute1
    "h1",  // H1
    "trn1",  // TrainingAccelerator1
    "trn1",  // Trn1
    "trn1n",  // TrainingAccelerator1EnhancedNetwork
    "trn1n",  // Trn1n
    "trn2",  // TrainingAccelerator2
    "trn2",  // Trn2
    "trn2u",  // TrainingAccelerator2Ultraserver
    "trn2u",  // Trn2u
    "i3",  // Io3
    "i3",  // I3
    "i3en",  // Io3DenseNvmeDrive
    "i3en",  // I3en
    "i4i",  // Io4Intel
    "i4i",  // I4i
    "i4g",  // Storage4Graviton
    "i4g",  // I4g
    "im4gn",  // Storage4GravitonNetworkOptimized
    "im4gn",  // Im4gn
    "is4gen",  // Storage4GravitonNetworkStorageOptimized
    "is4gen",  // Is4gen
    "i7ie",  // Storage7IntelStorageOptimized
    "i7ie",  // I7ie
    "i7i",  // Io7Intel
    "i7i",  // I7i
    "i8g",  // Storage8Graviton
    "i8g",  // I8g
    "i8ge",  // Storage8GravitonStorageOptimized
    "i8ge",  // I8ge
    "t2",  // Burstable2
    "t2",  // T2
    "t3",  // Burstable3
    "t3",  // T3
    "t3a",  // Burstable3Amd
    "t3a",  // T3a
    "t4g",  // Burstable4Graviton
    "t4g",  // T4g
    "x1",  // MemoryIntensive1
    "x1",  // X1
    "x1e",  // MemoryIntensive1Extended
    "x1e",  // X1e
    "x2g",  // MemoryIntensive2Graviton2
    "x2g",  // X2g
    "x2gd",  // MemoryIntensive2Graviton2NvmeDrive
    "x2gd",  // X2gd
    "x2iedn",  // MemoryIntensive2XtIntel
    "x2iedn",  // X2iedn
    "x2idn",  // MemoryIntensive2Intel
    "x2idn",  // X2idn
    "x2iezn",  // MemoryIntensive2XtzIntel
    "x2iezn",  // X2iezn
    "x8g",  // MemoryIntensive8Graviton
    "x8g",  // X8g
    "f1",  // Fpga1
    "f1",  // F1
    "f2",  // Fpga2
    "f2",  // F2
    "g3s",  // Graphics3Small
    "g3s",  // G3s
    "g3",  // Graphics3
    "g3",  // G3
    "g4dn",  // Graphics4NvmeDriveHighPerformance
    "g4dn",  // G4dn
    "g4ad",  // Graphics4AmdNvmeDrive
    "g4ad",  // G4ad
    "g5",  // Graphics5
    "g5",  // G5
    "g5g",  // Graphics5Graviton2
    "g5g",  // G5g
    "g6",  // Graphics6
    "g6",  // G6
    "g6e",  // Graphics6Efficient
    "g6e",  // G6e
    "g7e",  // Graphics7Efficient
    "g7e",  // G7e
    "gr6",  // GraphicsRam6
    "gr6",  // Gr6
    "p2",  // Parallel2
    "p2",  // P2
    "p3",  // Parallel3
    "p3",  // P3
    "p3dn",  // Parallel3NvmeDriveHighPerformance
    "p3dn",  // P3dn
    "p4de",  // Parallel4NvmeDriveExtended
    "p4de",  // P4de
    "p4d",  // Parallel4
    "p4d",  // P4d
    "p5",  // Parallel5
    "p5",  // P5
    "parallel5-extended",  // Parallel5Extended
    "p5e",  // P5e
    "parallel5-extended-network",  // Parallel5ExtendedNetwork
    "p5en",  // P5en
    "a1",  // Arm1
    "a1",  // A1
    "m6g",  // Standard6Graviton
    "m6g",  // M6g
    "m6i",  // Standard6Intel
    "m6i",  // M6i
    "m6id",  // Standard6IntelNvmeDrive
    "m6id",  // M6id
    "m6in",  // Standard6IntelHighPerformance
    "m6in",  // M6in
    "m6idn",  // Standard6IntelNvmeDriveHighPerformance
    "m6idn",  // M6idn
    "m6a",  // Standard6Amd
    "m6a",  // M6a
    "m6gd",  // Standard6Graviton2NvmeDrive
    "m6gd",  // M6gd
    "m7g",  // Standard7Graviton
    "m7g",  // M7g
    "m8g",  // Standard8Graviton
    "m8g",  // M8g
    "m7gd",  // Standard7Graviton3NvmeDrive
    "m7gd",  // M7gd
    "m8gd",  // Standard8Graviton4NvmeDrive
    "m8gd",  // M8gd
    "m8i",  // Standard8Intel
    "m8i",  // M8i
    "m8i-flex",  // Standard8IntelFlex
    "m8i-flex",  // M8iFlex
    "m7i",  // Standard7Intel
    "m7i",  // M7i
    "m7i-flex",  // Standard7IntelFlex
    "m7i-flex",  // M7iFlex
    "m7a",  // Standard7Amd
    "m7a",  // M7a
    "m8a",  // Standard8Amd
    "m8a",  // M8a
    "m9g",  // Standard9Graviton
    "m9g",  // M9g
    "z1d",  // HighComputeMemory1
    "z1d",  // Z1d
    "inf1",  // Inference1
    "inf1",  // Inf1
    "inf2",  // Inference2
    "inf2",  // Inf2
    "mac1",  // Macintosh1Intel
    "mac1",  // Mac1
    "mac2",  // Macintosh2M1
    "mac2",  // Mac2
    "mac2-m2",  // Macintosh2M2
    "mac2-m2",  // Mac2M2
    "mac2-m2pro",  // Macintosh2M2Pro
    "mac2-m2pro",  // Mac2M2pro
    "mac2-m1ultra",  // Macintosh2M1Ultra
    "mac2-m1ultra",  // Mac2M1ultra
    "vt1",  // VideoTranscoding1
    "vt1",  // Vt1
    "hpc6a",  // HighPerformanceComputing6Amd
    "hpc6a",  // Hpc6a
    "hpc6id",  // HighPerformanceComputing6IntelNvmeDrive
    "hpc6id",  // Hpc6id
    "hpc7a",  // HighPerformanceComputing7Amd
    "hpc7a",  // Hpc7a
    "hpc7g",  // HighPerformanceComputing7Graviton
    "hpc7g",  // Hpc7g
    "dl1",  // DeepLearning1
    "dl1",  // Dl1
    "dl2q",  // DeepLearning2Qualcomm
    "dl2q",  // Dl2q
};

constexpr const char* kSizeIds[] = {
    "nano",
    "micro",
    "small",
    "medium",
    "large",
    "xlarge",
    "2xlarge",
    "3xlarge",
    "4xlarge",
    "6xlarge",
    "8xlarge",
    "9xlarge",
    "10xlarge",
    "12xlarge",
    "16xlarge",
    "18xlarge",
    "24xlarge",
    "32xlarge",
    "48xlarge",
    "56xlarge",
    "96xlarge",
    "112xlarge",
    "224xlarge",
    "480xlarge",
    "metal",
    "metal-16xl",
    "metal-24xl",
    "metal-32xl",
    "metal-48xl",
};

struct TypeParts {
  std::string_view family;
  std::string_view capabilities;
};

// <family><generation><capabilities>.<size>, e.g. t4g.micro, c7gn.large, c7i-flex.large:
// /^([a-z]+)(\d{1,2})([a-z\-]*)\.([a-z0-9\-]+)$/ read left to right (its character
// classes do not overlap, so no backtracking is needed); nothing when it does not match.
std::optional<TypeParts> split_type(std::string_view id) {
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0;
  while (i < id.size() && lower(id[i])) ++i;
  const std::size_t family_end = i;
  while (i < id.size() && digit(id[i])) ++i;
  const std::size_t digits = i - family_end;
  if (family_end == 0 || digits < 1 || digits > 2) return std::nullopt;
  const std::size_t capabilities_start = i;
  while (i < id.size() && (lower(id[i]) || id[i] == '-')) ++i;
  const std::size_t capabilities_end = i;
  if (i == id.size() || id[i] != '.' || i + 1 == id.size()) return std::nullopt;
  for (++i; i < id.size(); ++i)
    if (!lower(id[i]) && !digit(id[i]) && id[i] != '-') return std::nullopt;
  return TypeParts{id.substr(0, family_end), id.substr(capabilities_start, capabilities_end - capabilities_start)};
}
}  // namespace

const char* to_string(InstanceClass instance_class) { return kClassIds[static_cast<int>(instance_class)]; }
const char* to_string(InstanceSize size) { return kSizeIds[static_cast<int>(size)]; }

InstanceType InstanceType::of(InstanceClass instance_class, InstanceSize size) {
  return InstanceType{std::string{ec2::to_string(instance_class)} + "." + ec2::to_string(size)};
}

InstanceArchitecture InstanceType::architecture() const {
  const auto parts = split_type(identifier_);
  if (!parts)
    throw Error(errc::Ec2InvalidInstanceType, "",
                "instance type '" + identifier_ + "' is not of the form <class>.<size> (e.g. 't3.micro')");
  return parts->family == "a" || parts->capabilities.find('g') != std::string_view::npos
             ? InstanceArchitecture::Arm64
             : InstanceArchitecture::X86_64;
}

bool InstanceType::same_instance_class_as(const InstanceType& other) const {
  auto cls = [](const std::string& id) { return id.substr(0, id.find('.')); };
  return cls(identifier_) == cls(other.identifier_);
}

bool InstanceType::is_burstable() const {
  const auto cls = identifier_.substr(0, identifier_.find('.'));
  return cls == "t2" || cls == "t3" || cls == "t3a" || cls == "t4g";
}

}  // namespace cdk::ec2
