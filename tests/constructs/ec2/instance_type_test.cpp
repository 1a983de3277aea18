// InstanceType: identifiers from class and size, architecture (instance-types.test.ts).
#include <doctest/doctest.h>

#include <cdk/ec2/instance_type.hpp>

#include "compute_support.hpp"

using namespace cdk::ec2;

TEST_CASE("InstanceType: of(class, size) gives CDK's identifiers") {
  CHECK(InstanceType::of(InstanceClass::Burstable3, InstanceSize::Micro).to_string() == "t3.micro");
  CHECK(InstanceType::of(InstanceClass::T3, InstanceSize::Micro).to_string() == "t3.micro");
  CHECK(InstanceType::of(InstanceClass::Burstable4Graviton, InstanceSize::Large).to_string() == "t4g.large");
  CHECK(InstanceType::of(InstanceClass::M5, InstanceSize::Xlarge2).to_string() == "m5.2xlarge");
  CHECK(InstanceType::of(InstanceClass::Standard6Intel, InstanceSize::Xlarge24metal).to_string() == "m6i.metal-24xl");
  CHECK(InstanceType::of(InstanceClass::C7iFlex, InstanceSize::Large).to_string() == "c7i-flex.large");
  CHECK(InstanceType{"t3.micro"} == InstanceType::of(InstanceClass::T3, InstanceSize::Micro));
}

TEST_CASE("InstanceType: architecture") {
  CHECK(InstanceType{"t4g.micro"}.architecture() == InstanceArchitecture::Arm64);
  CHECK(InstanceType{"c7gn.large"}.architecture() == InstanceArchitecture::Arm64);
  CHECK(InstanceType{"a1.large"}.architecture() == InstanceArchitecture::Arm64);
  CHECK(InstanceType{"im4gn.large"}.architecture() == InstanceArchitecture::Arm64);
  CHECK(InstanceType{"t3.micro"}.architecture() == InstanceArchitecture::X86_64);
  CHECK(InstanceType{"m5a.large"}.architecture() == InstanceArchitecture::X86_64);
  CHECK(InstanceType{"t3.micro"}.same_instance_class_as(InstanceType{"t3.large"}));
  CHECK_FALSE(InstanceType{"t3.micro"}.same_instance_class_as(InstanceType{"t3a.micro"}));
  CHECK(InstanceType{"t3.micro"}.is_burstable());
}

TEST_CASE("InstanceType: a malformed identifier") {
  auto m = compute_test::expect_error([] { (void)InstanceType{"t3micro"}.architecture(); },
                                      "cdk.ec2.InvalidInstanceType", "");
  CHECK(m.find("'t3micro' is not of the form <class>.<size>") != std::string::npos);
  for (const char* bad : {"3.micro", "t.micro", "t123.micro", "t3.", "t3.Micro", "T3.micro", "t3g_.large", "t3.mi.cro"})
    CHECK_THROWS_AS((void)InstanceType{bad}.architecture(), cdk::Error);
  CHECK(InstanceType{"c7i-flex.large"}.architecture() == InstanceArchitecture::X86_64);
  CHECK(InstanceType{"x2gd.metal-16xl"}.architecture() == InstanceArchitecture::Arm64);
}
