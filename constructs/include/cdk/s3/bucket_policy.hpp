// AWS::S3::BucketPolicy: the resource policy of a bucket.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "cdk/borrowed.hpp"
#include "cdk/construct.hpp"
#include "cdk/iam/policy_document.hpp"
#include "cdk/removal_policy.hpp"
#include "cdk/s3/cfn_fwd.hpp"

namespace cdk::s3 {

class IBucket;

struct BucketPolicyProps {
  /// The bucket (required).
  Borrowed<IBucket> bucket;
  /// Default: none written (deleted with the stack), as CDK.
  std::optional<RemovalPolicy> removal_policy;
};

/// Statements need a principal (resource policy); otherwise cdk.iam.InvalidStatement.
class BucketPolicy : public Construct {
 public:
  using Props = BucketPolicyProps;

  BucketPolicy(Construct& scope, std::string_view id, BucketPolicyProps props);

  void add_statements(std::vector<iam::PolicyStatement> statements);
  iam::PolicyDocument& document() { return document_; }
  CfnBucketPolicy& cfn_bucket_policy() { return *resource_; }

 private:
  iam::PolicyDocument document_;
  CfnBucketPolicy* resource_ = nullptr;
};

}  // namespace cdk::s3
