// KeyPair: an EC2 key pair (AWS::EC2::KeyPair) created by CloudFormation, or an
// existing one by name. A created key's private key is stored by EC2 in the SSM
// parameter /ec2/keypair/<key pair id>.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cdk/construct.hpp"
#include "cdk/ec2/cfn_fwd.hpp"
#include "cdk/ec2/user_data.hpp"

namespace cdk::ec2 {

enum class KeyPairType { Rsa, Ed25519 };
enum class KeyPairFormat { Pem, Ppk };

/// A key pair an instance can name (KeyName).
class IKeyPair {
 public:
  /// The key pair's name (Ref of the created key, or the imported name).
  virtual Value key_pair_name() const = 0;
  /// Shorthand for key_pair_name(), as the KeyName property calls it.
  Value key_name() const { return key_pair_name(); }
  /// ED25519 keys cannot be used with Windows instances.
  virtual bool is_os_compatible(OperatingSystemType os) const = 0;

 protected:
  ~IKeyPair() = default;
};

struct KeyPairProps {
  /// KeyName. Default: a unique name made from the construct's path, as CDK makes it.
  std::optional<std::string> key_pair_name;
  /// Default RSA.
  KeyPairType type = KeyPairType::Rsa;
  /// Default PEM.
  KeyPairFormat format = KeyPairFormat::Pem;
  /// Import this public key instead of having EC2 create one.
  std::optional<std::string> public_key_material;
};

class KeyPair : public Construct, public IKeyPair {
 public:
  using Props = KeyPairProps;

  KeyPair(Construct& scope, std::string_view id, KeyPairProps props = {});

  /// An existing key pair; nothing is created.
  static IKeyPair& from_key_pair_name(Construct& scope, std::string_view id, std::string key_pair_name,
                                      KeyPairType type = KeyPairType::Rsa);

  Value key_pair_name() const override;
  /// Fn::GetAtt KeyFingerprint
  Value key_pair_fingerprint() const;
  /// Fn::GetAtt KeyPairId
  Value key_pair_id() const;
  KeyPairType type() const { return type_; }
  KeyPairFormat format() const { return format_; }
  bool has_imported_material() const { return imported_; }
  /// The name of the SSM parameter holding the private key ("/ec2/keypair/<id>");
  /// cdk.ec2.InvalidKeyPair for imported public keys (there is no private key).
  Value private_key_parameter_name() const;
  bool is_os_compatible(OperatingSystemType os) const override;

  CfnKeyPair& cfn_key_pair() { return *resource_; }

 private:
  CfnKeyPair* resource_;
  KeyPairType type_;
  KeyPairFormat format_;
  bool imported_;
};

}  // namespace cdk::ec2
