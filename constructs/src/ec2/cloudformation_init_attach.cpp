// CloudFormationInit::attach: the metadata on the resource, the cfn-init / cfn-signal
// lines in the user data (with CDK's fingerprint of the config) and the role's
// permission to read the metadata and signal, as aws-cdk-lib's attach() does.
#include <unordered_map>

#include "cdk/cfn_resource.hpp"
#include "cdk/ec2/cloudformation_init.hpp"
#include "cdk/ec2/user_data.hpp"
#include "cdk/errors.hpp"
#include "cdk/fn.hpp"
#include "cdk/iam/policy_statement.hpp"
#include "cdk/iam/role.hpp"
#include "cdk/stack.hpp"
#include "detail/digest.hpp"
#include "synth/resolver.hpp"

namespace cdk::ec2 {

namespace {

// CDK hashes JSON.stringify({config: <resolved config>}) with SHA-256 and keeps 16 hex digits.
std::string fingerprint(const CfnResource& resource, const Value& config) {
  Stack& stack = resource.stack();
  std::unordered_map<std::string, const CfnElement*> by_logical_id;
  for (const auto* element : stack.elements()) by_logical_id.emplace(element->logical_id(), element);
  std::vector<Diagnostic> ignored;
  synth::Resolver resolver{stack, by_logical_id, ignored};
  synth::Json input = synth::Json::object();
  input["config"] = resolver.resolve(config, resource.path());
  return cdk::detail::hex_digest(cdk::detail::DigestKind::Sha256, input.dump()).substr(0, 16);
}

}  // namespace

void CloudFormationInit::attach(CfnResource& resource, const AttachInitOptions& options) const {
  static const std::string kInitKey = "AWS::CloudFormation::Init";
  if (options.platform == OperatingSystemType::Unknown) {
    throw Error(errc::Ec2InitUnknownPlatform, resource.path(), "Cannot attach CloudFormationInit to an unknown OS type");
  }
  for (const auto& [key, _] : resource.options().metadata) {
    if (key == kInitKey) {
      throw Error(errc::Ec2InitAlreadyAttached, resource.path(),
                  "Cannot bind CfnInit: resource '" + resource.path() + "' already has '" + kInitKey + "' attached");
    }
  }
  if (!options.instance_role || !options.user_data) {
    throw Error(errc::Ec2InitPlatform, resource.path(), "attach needs an instance role and user data");
  }

  InitBindOptions bind_options{
      .platform = options.platform == OperatingSystemType::Windows ? InitPlatform::Windows : InitPlatform::Linux,
      .index = 0,
      .instance_role = options.instance_role.get(),
      .path = resource.path(),
  };
  Value config = bind(bind_options);
  resource.options().metadata.emplace_back(kInitKey, config);
  const std::string hash = fingerprint(resource, config);

  options.instance_role->add_to_principal_policy(iam::PolicyStatement{{
      .actions = {"cloudformation:DescribeStackResource", "cloudformation:SignalResource"},
      .resources = {Aws::stack_id()},
  }});

  // The logical id is read at synth, so a later override_logical_id is honoured.
  const CfnResource* signal = options.signal_resource ? options.signal_resource : &resource;
  auto logical_id_of = [](const CfnResource* r) {
    return lazy([r] { return Value{r->logical_id()}; }, TokenType::String);
  };
  Value locator = "--region " + Aws::region() + " --stack " + Aws::stack_name() + " --resource " + logical_id_of(&resource);
  Value notify = "--region " + Aws::region() + " --stack " + Aws::stack_name() + " --resource " + logical_id_of(signal);
  if (options.include_url) {
    Value url = " --url https://cloudformation." + Aws::region() + "." + Aws::url_suffix();
    locator = locator + url;
    notify = notify + url;
  }
  if (options.include_role) {
    Value role = " --role " + options.instance_role->role_name();
    locator = locator + role;
    notify = notify + role;
  }
  std::string config_sets;
  for (const auto& set : options.config_sets.empty() ? std::vector<std::string>{"default"} : options.config_sets) {
    config_sets += (config_sets.empty() ? "" : ",") + set;
  }

  UserData& user_data = *options.user_data;
  if (options.embed_fingerprint) user_data.add_commands({Value{"# fingerprint: " + hash}});
  if (options.platform == OperatingSystemType::Windows) {
    std::string err = options.ignore_failures ? "0" : "$LASTEXITCODE";
    std::vector<Value> lines{"cfn-init.exe -v " + locator + " -c " + config_sets,
                             "cfn-signal.exe -e " + err + " " + notify};
    if (options.print_log) lines.emplace_back("type C:\\cfn\\log\\cfn-init.log");
    user_data.add_commands(std::move(lines));
  } else {
    std::string err = options.ignore_failures ? "0" : "$?";
    std::vector<Value> lines{"(", "  set +e", "  /opt/aws/bin/cfn-init -v " + locator + " -c " + config_sets,
                             "  /opt/aws/bin/cfn-signal -e " + err + " " + notify};
    if (options.print_log) lines.emplace_back("  cat /var/log/cfn-init.log >&2");
    lines.emplace_back(")");
    user_data.add_commands(std::move(lines));
  }
}

}  // namespace cdk::ec2
