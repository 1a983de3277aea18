// Errors with a stable code and the construct path, e.g.
//   [cdk.construct.DuplicateId] NewsBlogStack/Vpc: there is already a construct with id 'Vpc'
// Construction errors are thrown at once; synth collects every error and throws them
// together as a SynthError.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace cdk {

/// One problem found in a construct tree.
struct Diagnostic {
  std::string code;  // stable, e.g. "cdk.resolve.UnknownTarget"
  std::string path;  // construct path, "" for the app itself
  std::string message;

  /// "[code] path: message"
  std::string to_string() const;
};

class Error : public std::runtime_error {
 public:
  Error(std::string code, std::string path, const std::string& message);
  explicit Error(Diagnostic diagnostic);

  const std::string& code() const { return diagnostic_.code; }
  const std::string& path() const { return diagnostic_.path; }
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

/// Everything synth found wrong; what() lists one diagnostic per line.
class SynthError : public Error {
 public:
  explicit SynthError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// The stable error codes. Codes never change meaning; new ones may be added.
namespace errc {
// construct tree
inline constexpr const char* EmptyId = "cdk.construct.EmptyId";
inline constexpr const char* InvalidId = "cdk.construct.InvalidId";
inline constexpr const char* DuplicateId = "cdk.construct.DuplicateId";
inline constexpr const char* Locked = "cdk.construct.Locked";
inline constexpr const char* NoStack = "cdk.construct.NoStack";
inline constexpr const char* Validation = "cdk.construct.Validation";
inline constexpr const char* DependencyOnParent = "cdk.construct.DependencyOnParent";
// stacks and app
inline constexpr const char* InvalidStackName = "cdk.stack.InvalidName";
inline constexpr const char* DuplicateStackName = "cdk.stack.DuplicateName";
inline constexpr const char* InvalidEnvironment = "cdk.stack.InvalidEnvironment";
inline constexpr const char* InvalidContext = "cdk.app.InvalidContext";
inline constexpr const char* OutputDirectory = "cdk.app.OutputDirectory";
// stages
inline constexpr const char* InvalidStageName = "cdk.stage.InvalidName";
inline constexpr const char* OutdirForNestedStage = "cdk.stage.OutdirForNestedStage";
inline constexpr const char* CrossStageDependency = "cdk.stage.CrossStageDependency";
// elements
inline constexpr const char* InvalidLogicalId = "cdk.element.InvalidLogicalId";
inline constexpr const char* DuplicateLogicalId = "cdk.element.DuplicateLogicalId";
inline constexpr const char* InvalidResourceType = "cdk.resource.InvalidType";
inline constexpr const char* InvalidOverride = "cdk.resource.InvalidOverride";
inline constexpr const char* DependencyCycle = "cdk.resource.DependencyCycle";
inline constexpr const char* InvalidParameterType = "cdk.parameter.InvalidType";
inline constexpr const char* InvalidParameterDefault = "cdk.parameter.InvalidDefault";
inline constexpr const char* InvalidParameter = "cdk.parameter.Invalid";
inline constexpr const char* InvalidOutput = "cdk.output.Invalid";
inline constexpr const char* InvalidMapping = "cdk.mapping.Invalid";
inline constexpr const char* InvalidRule = "cdk.rule.Invalid";
// values
inline constexpr const char* InvalidConcatenation = "cdk.value.InvalidConcatenation";
inline constexpr const char* InvalidUtf8 = "cdk.value.InvalidUtf8";
// resolution
inline constexpr const char* UnknownTarget = "cdk.resolve.UnknownTarget";
inline constexpr const char* WrongTargetKind = "cdk.resolve.WrongTargetKind";
inline constexpr const char* CrossStackReference = "cdk.resolve.CrossStackReference";
// cross-stack references and exports
inline constexpr const char* CrossAppReference = "cdk.resolve.CrossAppReference";
inline constexpr const char* CrossEnvironmentReference = "cdk.resolve.CrossEnvironmentReference";
inline constexpr const char* CrossStageReference = "cdk.resolve.CrossStageReference";
inline constexpr const char* ReferenceCycle = "cdk.resolve.ReferenceCycle";
inline constexpr const char* ExportNeedsReference = "cdk.resolve.ExportNeedsReference";
inline constexpr const char* ExportFromOtherStack = "cdk.resolve.ExportFromOtherStack";
inline constexpr const char* UnknownMappingKey = "cdk.resolve.UnknownMappingKey";
inline constexpr const char* InvalidIntrinsic = "cdk.resolve.InvalidIntrinsic";
// resource properties checked against the registry schema
inline constexpr const char* SchemaRequired = "cdk.schema.RequiredProperty";
inline constexpr const char* SchemaUnknown = "cdk.schema.UnknownProperty";
inline constexpr const char* SchemaKind = "cdk.schema.WrongKind";
inline constexpr const char* SchemaEnum = "cdk.schema.EnumValue";
inline constexpr const char* SchemaPattern = "cdk.schema.Pattern";
inline constexpr const char* SchemaLength = "cdk.schema.Length";
inline constexpr const char* SchemaRange = "cdk.schema.Range";
inline constexpr const char* SchemaItems = "cdk.schema.ItemCount";
// CloudFormation limits
inline constexpr const char* TooManyResources = "cdk.limit.Resources";
inline constexpr const char* TooManyParameters = "cdk.limit.Parameters";
inline constexpr const char* TooManyOutputs = "cdk.limit.Outputs";
inline constexpr const char* TooManyMappings = "cdk.limit.Mappings";
inline constexpr const char* TemplateTooLarge = "cdk.limit.TemplateSize";
inline constexpr const char* DescriptionTooLong = "cdk.limit.Description";
inline constexpr const char* EmptyTemplate = "cdk.template.NoResources";
// ec2 networking (Vpc, subnets, endpoints, flow logs)
inline constexpr const char* Ec2InvalidCidr = "cdk.ec2.InvalidCidr";
inline constexpr const char* Ec2CidrMaskOutOfRange = "cdk.ec2.CidrMaskOutOfRange";
inline constexpr const char* Ec2SubnetsDoNotFit = "cdk.ec2.SubnetsDoNotFit";
inline constexpr const char* Ec2DuplicateSubnetGroupName = "cdk.ec2.DuplicateSubnetGroupName";
inline constexpr const char* Ec2NatGatewaysWithoutPublicSubnets = "cdk.ec2.NatGatewaysWithoutPublicSubnets";
inline constexpr const char* Ec2PrivateSubnetsWithoutNat = "cdk.ec2.PrivateSubnetsWithoutNat";
inline constexpr const char* Ec2NatPlacementNotPublic = "cdk.ec2.NatPlacementNotPublic";
inline constexpr const char* Ec2MaxAzsWithAvailabilityZones = "cdk.ec2.MaxAzsWithAvailabilityZones";
inline constexpr const char* Ec2AvailabilityZoneNotInStack = "cdk.ec2.AvailabilityZoneNotInStack";
inline constexpr const char* Ec2DnsHostnamesWithoutDnsSupport = "cdk.ec2.DnsHostnamesWithoutDnsSupport";
inline constexpr const char* Ec2MapPublicIpNotAllowed = "cdk.ec2.MapPublicIpNotAllowed";
inline constexpr const char* Ec2InvalidSubnetSelection = "cdk.ec2.InvalidSubnetSelection";
inline constexpr const char* Ec2NoSubnetsMatch = "cdk.ec2.NoSubnetsMatch";
inline constexpr const char* Ec2InvalidVpcAttributes = "cdk.ec2.InvalidVpcAttributes";
inline constexpr const char* Ec2MissingVpcAttribute = "cdk.ec2.MissingVpcAttribute";
inline constexpr const char* Ec2MissingSubnetAttribute = "cdk.ec2.MissingSubnetAttribute";
inline constexpr const char* Ec2InvalidRoute = "cdk.ec2.InvalidRoute";
inline constexpr const char* Ec2InvalidFlowLog = "cdk.ec2.InvalidFlowLog";
// file assets
inline constexpr const char* AssetSourceNotFound = "cdk.asset.SourceNotFound";
inline constexpr const char* AssetInvalidPackaging = "cdk.asset.InvalidPackaging";
inline constexpr const char* AssetUnsupportedSynthesizer = "cdk.asset.UnsupportedSynthesizer";
inline constexpr const char* AssetUnreadable = "cdk.asset.Unreadable";
// s3
inline constexpr const char* S3InvalidBucketName = "cdk.s3.InvalidBucketName";
inline constexpr const char* S3InvalidLifecycleRule = "cdk.s3.InvalidLifecycleRule";
inline constexpr const char* S3MissingBucket = "cdk.s3.MissingBucket";
// iam
inline constexpr const char* IamInvalidAction = "cdk.iam.InvalidAction";
inline constexpr const char* IamInvalidStatement = "cdk.iam.InvalidStatement";
inline constexpr const char* IamInvalidCondition = "cdk.iam.InvalidCondition";
inline constexpr const char* IamMissingPrincipal = "cdk.iam.MissingPrincipal";
inline constexpr const char* IamInvalidRoleName = "cdk.iam.InvalidRoleName";
inline constexpr const char* IamInvalidPath = "cdk.iam.InvalidPath";
inline constexpr const char* IamInvalidMaxSessionDuration = "cdk.iam.InvalidMaxSessionDuration";
inline constexpr const char* IamDescriptionTooLong = "cdk.iam.DescriptionTooLong";
inline constexpr const char* IamInvalidGrantee = "cdk.iam.InvalidGrantee";
inline constexpr const char* IamInvalidPolicyName = "cdk.iam.InvalidPolicyName";
// ec2 security groups and compute (constructs/)
inline constexpr const char* Ec2InvalidPort = "cdk.ec2.InvalidPort";
inline constexpr const char* Ec2InvalidIcmp = "cdk.ec2.InvalidIcmp";
inline constexpr const char* Ec2InvalidPeer = "cdk.ec2.InvalidPeer";
inline constexpr const char* Ec2InvalidSecurityGroupRule = "cdk.ec2.InvalidSecurityGroupRule";
inline constexpr const char* Ec2SecurityGroupWithoutVpc = "cdk.ec2.SecurityGroupWithoutVpc";
inline constexpr const char* Ec2NoDefaultPort = "cdk.ec2.NoDefaultPort";
inline constexpr const char* Ec2InvalidInstanceType = "cdk.ec2.InvalidInstanceType";
inline constexpr const char* Ec2UnsupportedUserData = "cdk.ec2.UnsupportedUserData";
inline constexpr const char* Ec2InvalidMachineImage = "cdk.ec2.InvalidMachineImage";
inline constexpr const char* Ec2InvalidBlockDevice = "cdk.ec2.InvalidBlockDevice";
inline constexpr const char* Ec2InvalidInstance = "cdk.ec2.InvalidInstance";
inline constexpr const char* Ec2InvalidKeyPair = "cdk.ec2.InvalidKeyPair";
inline constexpr const char* Ec2InvalidLookup = "cdk.ec2.InvalidLookup";
// ec2 CloudFormation Init
inline constexpr const char* Ec2InitEmptyContent = "cdk.ec2.InitEmptyContent";
inline constexpr const char* Ec2InitEmptyArgv = "cdk.ec2.InitEmptyArgv";
inline constexpr const char* Ec2InitSymlinkMode = "cdk.ec2.InitSymlinkMode";
inline constexpr const char* Ec2InitFileRead = "cdk.ec2.InitFileRead";
inline constexpr const char* Ec2InitPlatform = "cdk.ec2.InitPlatform";
inline constexpr const char* Ec2InitPackageName = "cdk.ec2.InitPackageName";
inline constexpr const char* Ec2InitDuplicateConfig = "cdk.ec2.InitDuplicateConfig";
inline constexpr const char* Ec2InitDuplicateConfigSet = "cdk.ec2.InitDuplicateConfigSet";
inline constexpr const char* Ec2InitUnknownConfig = "cdk.ec2.InitUnknownConfig";
inline constexpr const char* Ec2InitAlreadyAttached = "cdk.ec2.InitAlreadyAttached";
inline constexpr const char* Ec2InitUnknownPlatform = "cdk.ec2.InitUnknownPlatform";
// ec2 LaunchTemplate
inline constexpr const char* Ec2LaunchTemplateInvalidProps = "cdk.ec2.LaunchTemplateInvalidProps";
inline constexpr const char* Ec2LaunchTemplateNoSecurityGroup = "cdk.ec2.LaunchTemplateNoSecurityGroup";
inline constexpr const char* Ec2LaunchTemplateNoRole = "cdk.ec2.LaunchTemplateNoRole";
// autoscaling
inline constexpr const char* AsgCapacity = "cdk.autoscaling.Capacity";
inline constexpr const char* AsgLaunchSettings = "cdk.autoscaling.LaunchSettings";
inline constexpr const char* AsgSignals = "cdk.autoscaling.Signals";
inline constexpr const char* AsgUpdatePolicy = "cdk.autoscaling.UpdatePolicy";
inline constexpr const char* AsgInit = "cdk.autoscaling.Init";
inline constexpr const char* AsgMaxInstanceLifetime = "cdk.autoscaling.MaxInstanceLifetime";
inline constexpr const char* AsgPublicIp = "cdk.autoscaling.PublicIp";
inline constexpr const char* AsgScaling = "cdk.autoscaling.Scaling";
inline constexpr const char* AsgSchedule = "cdk.autoscaling.Schedule";
// aspects, tags and removal policies
inline constexpr const char* AspectInvalid = "cdk.aspect.Invalid";
inline constexpr const char* AspectInvalidPriority = "cdk.aspect.InvalidPriority";
inline constexpr const char* AspectPriorityOrder = "cdk.aspect.PriorityOrder";
inline constexpr const char* AspectInfiniteLoop = "cdk.aspect.InfiniteLoop";
inline constexpr const char* TagsInvalidKey = "cdk.tags.InvalidKey";
inline constexpr const char* TagsInvalidValue = "cdk.tags.InvalidValue";
inline constexpr const char* TagsInvalidPriority = "cdk.tags.InvalidPriority";
inline constexpr const char* TagsInvalidTagProperty = "cdk.tags.InvalidTagProperty";
inline constexpr const char* SnapshotNotSupported = "cdk.resource.SnapshotNotSupported";
// reading existing templates (CfnInclude, the cdkpp tool): the path is the file name
inline constexpr const char* TemplateParse = "cdk.template.ParseError";
inline constexpr const char* TemplateRead = "cdk.template.ReadError";
inline constexpr const char* TemplateMalformed = "cdk.template.Malformed";
inline constexpr const char* TemplateUnknownIntrinsic = "cdk.template.UnknownIntrinsic";
inline constexpr const char* TemplateTooDeep = "cdk.template.TooDeep";
inline constexpr const char* TemplateTooManyValues = "cdk.template.TooManyValues";
// CfnInclude (cdk/cfn_include.hpp)
inline constexpr const char* IncludeInvalidProps = "cdk.include.InvalidProps";
inline constexpr const char* IncludeUnknownElement = "cdk.include.UnknownElement";
inline constexpr const char* IncludeWrongType = "cdk.include.WrongType";
inline constexpr const char* IncludeUnknownReference = "cdk.include.UnknownReference";
inline constexpr const char* IncludeUnsupported = "cdk.include.Unsupported";
inline constexpr const char* AssemblyInvalid = "cdk.assembly.Invalid";
// cdkpp migrate: the path is the template's file name
inline constexpr const char* MigrateInvalidTemplate = "cdk.migrate.InvalidTemplate";
inline constexpr const char* MigrateUnsupported = "cdk.migrate.Unsupported";
inline constexpr const char* MigrateWrite = "cdk.migrate.WriteError";
// cdkpp diagram
inline constexpr const char* DiagramUnknownStack = "cdk.diagram.UnknownStack";
inline constexpr const char* DiagramGraphvizMissing = "cdk.diagram.GraphvizMissing";
inline constexpr const char* DiagramGraphvizFailed = "cdk.diagram.GraphvizFailed";
inline constexpr const char* DiagramWriteError = "cdk.diagram.WriteError";
// cdkpp diff: the path is "old"/"new" or the stack asked for
inline constexpr const char* DiffUnknownStack = "cdk.diff.UnknownStack";
inline constexpr const char* DiffAmbiguousStack = "cdk.diff.AmbiguousStack";
}  // namespace errc

}  // namespace cdk
