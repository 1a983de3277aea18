// KeyPair: AWS::EC2::KeyPair with CDK's generated name, imported key pairs.
#include <doctest/doctest.h>

#include <cdk/ec2/key_pair.hpp>

#include "compute_support.hpp"

using namespace cdk::ec2;

TEST_CASE("KeyPair: created, with CDK's defaults and names") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("KpStack");
  auto& key = stack.add<KeyPair>("MyKey");
  auto& group = stack.add<cdk::Construct>("Group");
  group.add<KeyPair>("Nested-Key", {.type = KeyPairType::Ed25519, .format = KeyPairFormat::Ppk});
  auto& named = stack.add<KeyPair>("Named", {.key_pair_name = "my-name", .public_key_material = "ssh-ed25519 AAAA"});
  stack.add<cdk::CfnOutput>("Name", {.value = key.key_name()});
  // CDK 2.276's Resources for the same program.
  compute_test::expect_resources(stack, R"({
 "MyKey6AB29FA6": {"Type": "AWS::EC2::KeyPair", "Properties": {"KeyFormat": "pem", "KeyName": "KpStackMyKeyEACA2FBE", "KeyType": "rsa"}},
 "GroupNestedKey7CA1A1BC": {"Type": "AWS::EC2::KeyPair", "Properties": {"KeyFormat": "ppk", "KeyName": "KpStackGroupNestedKey4D081607", "KeyType": "ed25519"}},
 "NamedD2F31604": {"Type": "AWS::EC2::KeyPair", "Properties": {"KeyFormat": "pem", "KeyName": "my-name", "KeyType": "rsa", "PublicKeyMaterial": "ssh-ed25519 AAAA"}}
})");
  compute_test::expect_section(stack, "Outputs", R"({"Name": {"Value": {"Ref": "MyKey6AB29FA6"}}})");
  CHECK(named.has_imported_material());
  CHECK_FALSE(stack.try_find_child("Group")->children().empty());
  CHECK(key.is_os_compatible(OperatingSystemType::Windows));
  auto m = compute_test::expect_error([&] { (void)named.private_key_parameter_name(); }, "cdk.ec2.InvalidKeyPair",
                                      "KpStack/Named");
  CHECK(m.find("no private key") != std::string::npos);
  compute_test::expect_error([&] { stack.add<KeyPair>("Bad", {.key_pair_name = ""}); }, "cdk.ec2.InvalidKeyPair",
                             "KpStack/Bad");
}

TEST_CASE("KeyPair: imported by name") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& key = KeyPair::from_key_pair_name(stack, "Existing", "my-key", KeyPairType::Ed25519);
  CHECK(key.key_name() == cdk::Value{"my-key"});
  CHECK_FALSE(key.is_os_compatible(OperatingSystemType::Windows));
  CHECK(key.is_os_compatible(OperatingSystemType::Linux));
}
