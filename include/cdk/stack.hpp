// A stack: the unit of deployment, synthesized to one CloudFormation template.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "cdk/construct.hpp"
#include "cdk/environment.hpp"

namespace cdk {

class CfnElement;
class TagManager;

/// Compatible with `cdk bootstrap` (the default, as in CDK): adds the BootstrapVersion
/// parameter and CheckBootstrapVersion rule to the template, and the bootstrap roles and
/// an asset manifest (which publishes the template) to the cloud assembly, so that
/// `cdk deploy` works against a bootstrapped account.
struct DefaultStackSynthesizer {
  std::string qualifier = "hnb659fds";
  bool generate_bootstrap_version_rule = true;
};

/// Writes the template exactly as declared, nothing added; a hand-written template is
/// reproduced byte for byte. Deploy it with `aws cloudformation deploy` or `cdk deploy`
/// using the caller's own credentials.
struct LegacyStackSynthesizer {};

using StackSynthesizer = std::variant<DefaultStackSynthesizer, LegacyStackSynthesizer>;

struct StackProps {
  /// Template Description (at most 1024 bytes).
  std::optional<std::string> description;
  /// Default: the enclosing Stage's environment, field by field (agnostic without one).
  Environment env;
  /// CloudFormation stack name. Default, as CDK: the stage's name and '-' in front of the
  /// stack's id ("Prod-Api"; just the id directly in the app), or of a unique name built
  /// from the ids below the stage when the stack is nested in other constructs
  /// ("Prod-GroupInner92CB7A4B"). 1-128 characters, [A-Za-z][A-Za-z0-9-]*.
  std::optional<std::string> stack_name;
  StackSynthesizer synthesizer = DefaultStackSynthesizer{};
  /// Stack tags, passed to CloudFormation at deploy (manifest `tags`), which tags every
  /// resource of the stack it can. Merged with Tags::of (these have priority 50).
  std::vector<std::pair<std::string, std::string>> tags;
  bool termination_protection = false;
};

/// Template-level sections other than the elements.
struct TemplateOptions {
  /// AWSTemplateFormatVersion; CDK omits it, hand-written templates usually say
  /// "2010-09-09".
  std::optional<std::string> template_format_version;
  std::optional<std::string> description;
  Map metadata;
  std::vector<std::string> transforms;
};

/// How a file asset is uploaded: the file as it is, or a directory as a zip archive
/// (the `cdk` CLI zips it when publishing).
enum class FileAssetPackaging { File, ZipDirectory };

/// A local file or directory to publish with the stack (Stack::add_file_asset).
struct FileAssetSource {
  /// The file (packaging File) or directory (ZipDirectory); relative paths are taken
  /// from the current directory.
  std::string source_path;
  FileAssetPackaging packaging = FileAssetPackaging::File;
  /// Shown by the CLI when publishing; default: the asset's hash.
  std::string display_name;
};

/// Where a file asset is published, as the DefaultStackSynthesizer gives it.
struct FileAssetLocation {
  /// The bootstrap bucket: Fn::Sub "cdk-<qualifier>-assets-${AWS::AccountId}-${AWS::Region}"
  /// (a literal when the stack's environment is known).
  Value bucket_name;
  /// "<hash>.zip" for a directory, "<hash><extension>" for a file.
  std::string object_key;
  /// "https://s3.<region>.<url suffix>/<bucket>/<key>" (Fn::Sub when not literal).
  Value http_url;
  /// "s3://<bucket>/<key>" (Fn::Sub when not literal).
  Value s3_object_url;
  /// "s3://<bucket>/<key>" with ${AWS::AccountId}-style placeholders left in.
  std::string s3_object_url_with_placeholders;
  /// The content hash (CDK's source fingerprint, SHA-256 hex).
  std::string source_hash;
};

/// A file asset of a stack, as the cloud assembly writer stages it.
struct StackFileAsset {
  std::string source_path;  // absolute
  FileAssetPackaging packaging = FileAssetPackaging::File;
  std::string display_name;
  std::string hash;         // CDK's source fingerprint (SHA-256, hex)
  std::string staged_name;  // "asset.<hash>" (+ the file's extension)
  std::string object_key;
};

/// Options of Stack::export_value.
struct ExportValueOptions {
  /// The export's name (1-255 characters: letters, digits, ':' and '-'). Default: the
  /// name CDK generates, "<stackName>:ExportsOutput<...>", which needs the value to be a
  /// Ref or Fn::GetAtt of an element of the stack; with a name, any value can be exported.
  std::optional<std::string> name;
  /// The output's Description.
  std::optional<std::string> description;
};

enum class TemplateFormat { Json, Yaml };

struct YamlOptions {
  /// Write intrinsics as short-form tags (!Ref, !GetAtt A.B, !Sub ...) instead of the
  /// long form (Ref:, Fn::GetAtt:).
  bool short_form = false;
};

/// A stack: one CloudFormation template.
///
/// Cross-stack references: using `element.ref()` or an attribute (`bucket.attr_arn()`) of
/// an element of another stack of the same app and environment just works, as in CDK.
/// At synth the producing stack gets an Output exported as
/// "<producerStackName>:ExportsOutput<Ref|FnGetAtt><...><hash>" (CDK's name, so stacks
/// move between CDK and cdkpp without breaking imports), the consuming stack writes
/// {"Fn::ImportValue": name}, and the consumer depends on the producer (manifest
/// `dependencies`, deploy order). The same reference used many times, or by many stacks,
/// gives one export. A list-valued attribute or parameter is exported joined with "||"
/// and split again on import. References to parameters are exported like any other.
/// Errors, reported at the consuming element: cdk.resolve.ReferenceCycle (two stacks
/// would depend on each other; the message names both stacks and the references),
/// cdk.resolve.CrossAppReference, cdk.resolve.CrossEnvironmentReference (account or
/// region differ, or only one of the stacks is environment-agnostic),
/// cdk.resolve.CrossStageReference. Conditions and mappings cannot be shared
/// (cdk.resolve.CrossStackReference).
class Stack : public Construct {
 public:
  using Props = StackProps;

  Stack(Construct& scope, std::string_view id, StackProps props = {});

  /// The stack that contains `construct` (or the construct itself). The search stops at
  /// a Stage: a construct of a stage outside its stacks is in no stack (cdk.construct.NoStack).
  static Stack& of(const Construct& construct);
  /// Whether `construct` is a Stack (CDK's Stack.isStack).
  static bool is_stack(const Construct& construct) { return construct.has_trait(Trait::Stack); }

  const std::string& stack_name() const { return stack_name_; }
  /// Artifact id in the cloud assembly; also the template file's base name. Built from
  /// the ids below the app, so unique in the whole app: "Api" for a stack of the app,
  /// "ProdApi2466CF1F" for Prod/Api (CDK's unique name of the path).
  const std::string& artifact_id() const { return artifact_id_; }
  std::string template_file() const { return artifact_id_ + ".template.json"; }

  const Environment& environment() const { return props_.env; }
  /// "aws://<account>/<region>", with unknown-account / unknown-region when agnostic.
  std::string environment_string() const;
  /// The account as a literal, or AWS::AccountId when agnostic.
  Value account() const;
  /// The region as a literal, or AWS::Region when agnostic.
  Value region() const;
  /// AWS::Partition
  Value partition() const;
  /// AWS::URLSuffix
  Value url_suffix() const;

  bool termination_protection() const { return props_.termination_protection; }
  /// The stack's tags for the manifest: StackProps::tags merged with the tags that
  /// Tags::of gave the stack (resource type "aws:cdk:stack"), sorted by key.
  std::vector<std::pair<std::string, std::string>> tags() const;
  /// The manager behind tags() (cdk/tags.hpp).
  TagManager& tag_manager();
  const StackSynthesizer& synthesizer() const { return props_.synthesizer; }

  TemplateOptions& template_options() { return template_options_; }
  const TemplateOptions& template_options() const { return template_options_; }
  void add_transform(std::string transform) { template_options_.transforms.push_back(std::move(transform)); }

  /// This stack is deployed after `other` (manifest dependencies). Both must be in the
  /// same stage (cdk.stage.CrossStageDependency otherwise, as in CDK); a stack cannot
  /// depend on itself (cdk.resource.DependencyCycle). A longer cycle is reported by synth,
  /// naming every stack of the cycle.
  void add_stack_dependency(Stack& other);
  const std::vector<Stack*>& stack_dependencies() const { return stack_dependencies_; }

  /// Adds a local file or directory to publish with the stack: its content hash (CDK's
  /// source fingerprint) names it, the cloud assembly holds a copy (asset.<hash>) and
  /// an entry of the asset manifest, so `cdk deploy` uploads it to the bootstrap bucket.
  /// Adding the same content twice gives one asset. Needs the DefaultStackSynthesizer
  /// (cdk.asset.UnsupportedSynthesizer otherwise); a missing source is
  /// cdk.asset.SourceNotFound. Errors name `scope` (default: the stack).
  FileAssetLocation add_file_asset(const FileAssetSource& source, const Construct* scope = nullptr);
  const std::vector<StackFileAsset>& file_assets() const { return file_assets_; }

  /// Exports `value` from this stack and returns the value to import it with elsewhere
  /// (Fn::ImportValue; Fn::Split of it for a list), as CDK's exportValue. Without a name
  /// it creates the very export an automatic cross-stack reference to `value` creates, so
  /// the export stays while its last consumer is removed: deploy the consumer without the
  /// reference first, then remove the export_value call (CDK's "deadly embrace"). The
  /// value must then be a Ref or Fn::GetAtt of an element of this stack
  /// (cdk.resolve.ExportNeedsReference, cdk.resolve.ExportFromOtherStack, thrown at once).
  /// With a name, any value is exported under that name (output id "Export<name>").
  Value export_value(const Value& value, ExportValueOptions options = {});

  /// Every element of this stack, in template order (pre-order of the tree).
  std::vector<CfnElement*> elements();

  /// The synthesized template. Validates first; throws SynthError on any problem.
  std::string to_json();
  std::string to_yaml(YamlOptions options = {});

 private:
  StackProps props_;
  std::string stack_name_;
  std::string artifact_id_;
  TemplateOptions template_options_;
  std::vector<Stack*> stack_dependencies_;
  std::vector<StackFileAsset> file_assets_;
  std::shared_ptr<TagManager> tag_manager_;
};

}  // namespace cdk
