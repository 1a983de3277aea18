#include "cdk/ec2/key_pair.hpp"

#include "cdk/ec2/cfn_key_pair.hpp"
#include "cdk/errors.hpp"
#include "cdk/logical_id.hpp"

namespace cdk::ec2 {

namespace {
// CDK's Names.uniqueResourceName: the path from the app in logical-id form.
std::string unique_resource_name(const Construct& c) {
  std::vector<std::string> components;
  const std::string p = c.path();
  for (std::size_t start = 0;;) {
    const auto slash = p.find('/', start);
    components.push_back(p.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return make_logical_id(components);
}

class ImportedKeyPair : public Construct, public IKeyPair {
 public:
  ImportedKeyPair(Construct& scope, std::string_view id, std::string name, KeyPairType type)
      : Construct(scope, id), name_{std::move(name)}, type_{type} {}
  Value key_pair_name() const override { return Value{name_}; }
  bool is_os_compatible(OperatingSystemType os) const override {
    return type_ != KeyPairType::Ed25519 || os != OperatingSystemType::Windows;
  }

 private:
  std::string name_;
  KeyPairType type_;
};
}  // namespace

KeyPair::KeyPair(Construct& scope, std::string_view id, KeyPairProps props)
    : Construct(scope, id),
      type_{props.type},
      format_{props.format},
      imported_{props.public_key_material.has_value()} {
  if (props.key_pair_name && (props.key_pair_name->empty() || props.key_pair_name->size() > 255))
    throw Error(errc::Ec2InvalidKeyPair, path(), "a key pair name must be 1-255 characters");
  CfnKeyPair::Props cfn{.key_name = props.key_pair_name ? *props.key_pair_name : unique_resource_name(*this)};
  cfn.key_format = format_ == KeyPairFormat::Pem ? "pem" : "ppk";
  cfn.key_type = type_ == KeyPairType::Rsa ? "rsa" : "ed25519";
  if (props.public_key_material) cfn.public_key_material = *props.public_key_material;
  resource_ = &add<CfnKeyPair>("Resource", std::move(cfn));
}

IKeyPair& KeyPair::from_key_pair_name(Construct& scope, std::string_view id, std::string key_pair_name,
                                      KeyPairType type) {
  return *new ImportedKeyPair(scope, id, std::move(key_pair_name), type);
}

Value KeyPair::key_pair_name() const { return resource_->ref(); }
Value KeyPair::key_pair_fingerprint() const { return resource_->attr_key_fingerprint(); }
Value KeyPair::key_pair_id() const { return resource_->attr_key_pair_id(); }

Value KeyPair::private_key_parameter_name() const {
  if (imported_)
    throw Error(errc::Ec2InvalidKeyPair, path(), "an imported public key has no private key parameter");
  return "/ec2/keypair/" + key_pair_id();
}

bool KeyPair::is_os_compatible(OperatingSystemType os) const {
  return type_ != KeyPairType::Ed25519 || os != OperatingSystemType::Windows;
}

}  // namespace cdk::ec2
