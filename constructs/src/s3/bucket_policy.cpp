#include "cdk/s3/bucket_policy.hpp"

#include "cdk/errors.hpp"
#include "cdk/s3/bucket.hpp"
#include "cdk/s3/cfn_bucket_policy.hpp"

namespace cdk::s3 {

BucketPolicy::BucketPolicy(Construct& scope, std::string_view id, BucketPolicyProps props) : Construct(scope, id) {
  if (!props.bucket) throw Error(errc::S3MissingBucket, path(), "a bucket policy needs its bucket");
  resource_ = &add<CfnBucketPolicy>("Resource", {.bucket = props.bucket->bucket_name(),
                                                 .policy_document = document_.lazy_render()});
  if (props.removal_policy) apply_removal_policy(*resource_, *props.removal_policy);
  add_validation([this] {
    std::vector<std::string> errors;
    if (document_.is_empty()) errors.emplace_back("the bucket policy has no statements");
    return errors;
  });
}

void BucketPolicy::add_statements(std::vector<iam::PolicyStatement> statements) {
  for (const auto& s : statements) {
    const auto errors = s.validate_for_resource_policy();
    if (!errors.empty()) throw Error(errc::IamInvalidStatement, path(), errors.front());
  }
  document_.add_statements(std::move(statements));
}

}  // namespace cdk::s3
