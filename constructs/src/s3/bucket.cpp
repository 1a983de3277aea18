#include "cdk/s3/bucket.hpp"

#include <algorithm>
#include <regex>

#include "cdk/errors.hpp"
#include "cdk/fn.hpp"
#include "cdk/s3/bucket_policy.hpp"
#include "cdk/s3/cfn_bucket.hpp"
#include "cdk/stack.hpp"

namespace cdk::s3 {

namespace {

const std::vector<Value>& read_actions() {
  static const std::vector<Value> actions{"s3:GetObject*", "s3:GetBucket*", "s3:List*"};
  return actions;
}
const std::vector<Value>& put_actions() {
  static const std::vector<Value> actions{"s3:PutObject",          "s3:PutObjectLegalHold",     "s3:PutObjectRetention",
                                          "s3:PutObjectTagging",   "s3:PutObjectVersionTagging", "s3:Abort*"};
  return actions;
}
const std::vector<Value>& delete_actions() {
  static const std::vector<Value> actions{"s3:DeleteObject*"};
  return actions;
}

std::vector<Value> concat(std::initializer_list<const std::vector<Value>*> lists) {
  std::vector<Value> out;
  for (const auto* list : lists) out.insert(out.end(), list->begin(), list->end());
  return out;
}

// CDK's validateBucketName, with its messages.
void check_bucket_name(const Construct& bucket, const std::string& name) {
  std::vector<std::string> errors;
  if (name.size() < 3 || name.size() > 63) errors.emplace_back("Bucket name must be at least 3 and no more than 63 characters");
  if (!std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-'; }))
    errors.emplace_back("Bucket name must only contain lowercase characters and the symbols, period (.) and dash (-)");
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (name.empty() || !alnum(name.front()) || !alnum(name.back()))
    errors.emplace_back("Bucket name must start and end with a lowercase character or number");
  if (name.find(".-") != std::string::npos || name.find("-.") != std::string::npos || name.find("..") != std::string::npos)
    errors.emplace_back("Bucket name must not have dash next to period, or period next to dash, or consecutive periods");
  static const std::regex ip{R"(^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$)"};
  if (std::regex_match(name, ip)) errors.emplace_back("Bucket name must not resemble an IP address");
  if (errors.empty()) return;
  std::string message = "Invalid S3 bucket name (value: " + name + ")";
  for (const auto& e : errors) message += "\n" + e;
  throw Error(errc::S3InvalidBucketName, bucket.path(), message);
}

const char* storage_class_name(StorageClass c) {
  switch (c) {
    case StorageClass::InfrequentAccess: return "STANDARD_IA";
    case StorageClass::IntelligentTiering: return "INTELLIGENT_TIERING";
    case StorageClass::Glacier: return "GLACIER";
    case StorageClass::GlacierInstantRetrieval: return "GLACIER_IR";
    case StorageClass::DeepArchive: return "DEEP_ARCHIVE";
    case StorageClass::OneZoneInfrequentAccess: return "ONEZONE_IA";
  }
  return "STANDARD_IA";
}

void check_lifecycle_rule(const Construct& bucket, const LifecycleRule& rule) {
  if (!rule.expiration && !rule.abort_incomplete_multipart_upload_after && !rule.noncurrent_version_expiration &&
      rule.transitions.empty())
    throw Error(errc::S3InvalidLifecycleRule, bucket.path(),
                "All rules must have at least one of the following properties: abort_incomplete_multipart_upload_after, "
                "expiration, noncurrent_version_expiration, transitions");
}

// The rule as CDK's parseLifecycleConfiguration writes it (keys in the schema's order).
Value render_rule(const LifecycleRule& rule) {
  auto days = [](std::chrono::days d) { return Value{static_cast<long long>(d.count())}; };
  Map out;
  if (rule.abort_incomplete_multipart_upload_after)
    out.emplace_back("AbortIncompleteMultipartUpload",
                     Map{{"DaysAfterInitiation", days(*rule.abort_incomplete_multipart_upload_after)}});
  if (rule.expiration) out.emplace_back("ExpirationInDays", days(*rule.expiration));
  if (rule.id) out.emplace_back("Id", *rule.id);
  if (rule.noncurrent_version_expiration)
    out.emplace_back("NoncurrentVersionExpiration", Map{{"NoncurrentDays", days(*rule.noncurrent_version_expiration)}});
  if (rule.prefix) out.emplace_back("Prefix", *rule.prefix);
  out.emplace_back("Status", rule.enabled ? "Enabled" : "Disabled");
  if (!rule.transitions.empty()) {
    List transitions;
    for (const auto& t : rule.transitions)
      transitions.push_back(Map{{"StorageClass", storage_class_name(t.storage_class)},
                                {"TransitionInDays", days(t.transition_after)}});
    out.emplace_back("Transitions", std::move(transitions));
  }
  return out;
}

// A bucket that exists outside the stack (Bucket::from_bucket_name).
class ImportedBucket : public Construct, public IBucket {
 public:
  struct Props {
    Value name;
  };
  ImportedBucket(Construct& scope, std::string_view id, Props props)
      : Construct(scope, id), name_{std::move(props.name)} {}
  Value bucket_name() const override { return name_; }
  Value bucket_arn() const override { return "arn:" + Aws::partition() + ":s3:::" + name_; }
  Construct& node() override { return *this; }
  bool add_to_resource_policy(const iam::PolicyStatement&) override { return false; }

 private:
  Value name_;
};

}  // namespace

Value IBucket::arn_for_objects(std::string_view key_pattern) const {
  return bucket_arn() + ("/" + std::string{key_pattern});
}

Value IBucket::s3_url_for_object(std::string_view key) const {
  Value url = "s3://" + bucket_name();
  return key.empty() ? url : url + ("/" + std::string{key});
}

Value IBucket::url_for_object(std::string_view key) {
  const Stack& stack = Stack::of(node());
  Value url = "https://s3." + stack.region() + "." + stack.url_suffix() + "/" + bucket_name();
  return key.empty() ? url : url + ("/" + std::string{key});
}

iam::Grant IBucket::grant(iam::IGrantable& grantee, std::vector<Value> actions, std::string_view objects_key_pattern) {
  return iam::Grant::add_to_principal({.grantee = grantee,
                                       .actions = std::move(actions),
                                       .resource_arns = {bucket_arn(), arn_for_objects(objects_key_pattern)}});
}

iam::Grant IBucket::grant_read(iam::IGrantable& grantee, std::string_view pattern) {
  return grant(grantee, read_actions(), pattern);
}
iam::Grant IBucket::grant_write(iam::IGrantable& grantee, std::string_view pattern) {
  return grant(grantee, concat({&delete_actions(), &put_actions()}), pattern);
}
iam::Grant IBucket::grant_put(iam::IGrantable& grantee, std::string_view pattern) {
  return grant(grantee, put_actions(), pattern);
}
iam::Grant IBucket::grant_delete(iam::IGrantable& grantee, std::string_view pattern) {
  return grant(grantee, delete_actions(), pattern);
}
iam::Grant IBucket::grant_read_write(iam::IGrantable& grantee, std::string_view pattern) {
  return grant(grantee, concat({&read_actions(), &delete_actions(), &put_actions()}), pattern);
}

Bucket::Bucket(Construct& scope, std::string_view id, BucketProps props) : Construct(scope, id) {
  if (props.bucket_name) check_bucket_name(*this, *props.bucket_name);
  for (const auto& rule : props.lifecycle_rules) check_lifecycle_rule(*this, rule);
  lifecycle_rules_ = std::move(props.lifecycle_rules);

  // Set in the schema's (CDK's) key order; the lifecycle rules can be added until synth.
  resource_ = &add<CfnBucket>("Resource", {});
  if (props.encryption != BucketEncryption::Unencrypted)
    resource_->set_property(
        "BucketEncryption",
        Map{{"ServerSideEncryptionConfiguration",
             List{Map{{"ServerSideEncryptionByDefault",
                       Map{{"SSEAlgorithm", props.encryption == BucketEncryption::S3Managed ? "AES256" : "aws:kms"}}}}}}});
  if (props.bucket_name) resource_->set_property("BucketName", *props.bucket_name);
  resource_->set_property("LifecycleConfiguration", lazy([this]() -> Value {
                            if (lifecycle_rules_.empty()) return {};
                            List rules;
                            for (const auto& rule : lifecycle_rules_) rules.push_back(render_rule(rule));
                            return Map{{"Rules", std::move(rules)}};
                          }));
  const auto& bpa = props.block_public_access;
  resource_->set_property("PublicAccessBlockConfiguration", Map{{"BlockPublicAcls", bpa.block_public_acls},
                                                                {"BlockPublicPolicy", bpa.block_public_policy},
                                                                {"IgnorePublicAcls", bpa.ignore_public_acls},
                                                                {"RestrictPublicBuckets", bpa.restrict_public_buckets}});
  if (props.versioned) resource_->set_property("VersioningConfiguration", Map{{"Status", "Enabled"}});
  apply_removal_policy(*resource_, props.removal_policy);

  if (props.enforce_ssl) {
    iam::PolicyStatement statement{{.effect = iam::Effect::Deny,
                                    .actions = {"s3:*"},
                                    .principals = {iam::AnyPrincipal{}},
                                    .resources = {bucket_arn(), arn_for_objects("*")},
                                    .conditions = {{"Bool", Map{{"aws:SecureTransport", "false"}}}}}};
    add_to_resource_policy(statement);
  }
}

IBucket& Bucket::from_bucket_name(Construct& scope, std::string_view id, Value bucket_name) {
  return scope.add<ImportedBucket>(id, {.name = std::move(bucket_name)});
}

Value Bucket::bucket_name() const { return resource_->ref(); }
Value Bucket::bucket_arn() const { return resource_->attr_arn(); }
Value Bucket::bucket_domain_name() const { return resource_->attr_domain_name(); }
Value Bucket::bucket_regional_domain_name() const { return resource_->attr_regional_domain_name(); }

bool Bucket::add_to_resource_policy(const iam::PolicyStatement& statement) {
  if (!policy_) policy_ = &add<BucketPolicy>("Policy", {.bucket = *this});
  policy_->add_statements({statement});
  return true;
}

void Bucket::add_lifecycle_rule(LifecycleRule rule) {
  check_lifecycle_rule(*this, rule);
  lifecycle_rules_.push_back(std::move(rule));
}

}  // namespace cdk::s3
