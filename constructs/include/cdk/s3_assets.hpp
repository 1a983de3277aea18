// S3 assets (aws-cdk-lib's aws-s3-assets): a local file or directory published with the
// stack to the bootstrap bucket, referenced from the template as CDK does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/borrowed.hpp"
#include "cdk/construct.hpp"
#include "cdk/iam/grant.hpp"
#include "cdk/s3/bucket.hpp"

namespace cdk::s3_assets {

struct AssetProps {
  /// A directory (published as a zip archive) or a file (published as is). Required;
  /// relative paths are taken from the current directory.
  std::string path;
  /// Shown by the CLI when publishing; default: the construct's path in the stack.
  std::optional<std::string> display_name;
  /// Principals that may read the asset (grant_read for each).
  std::vector<Borrowed<iam::IGrantable>> readers;
};

/// The asset is hashed at construction (CDK's source fingerprint), copied into the cloud
/// assembly at synth as asset.<hash>, and listed in the stack's asset manifest.
/// A missing path throws cdk.asset.SourceNotFound with this construct's path.
class Asset : public Construct {
 public:
  using Props = AssetProps;

  Asset(Construct& scope, std::string_view id, AssetProps props);

  /// The bootstrap bucket (Fn::Sub "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}").
  const Value& s3_bucket_name() const { return bucket_name_; }
  /// "<hash>.zip" for a directory, "<hash><extension>" for a file.
  const std::string& s3_object_key() const { return object_key_; }
  /// "s3://<bucket>/<key>"
  const Value& s3_object_url() const { return s3_object_url_; }
  /// "https://s3.<region>.<url suffix>/<bucket>/<key>"
  const Value& http_url() const { return http_url_; }
  /// The content hash (SHA-256, hex).
  const std::string& asset_hash() const { return hash_; }
  /// True when the object is a zip archive (a directory, or a .zip / .jar file).
  bool is_zip_archive() const { return zip_archive_; }
  /// True when the source is a file (not a directory).
  bool is_file() const { return is_file_; }
  /// The bucket as an IBucket ("AssetBucket" child, imported by name).
  s3::IBucket& bucket() { return *bucket_; }

  /// s3:GetObject*, s3:GetBucket*, s3:List* on the whole bucket (as CDK: a new version
  /// of the asset must stay readable while the old one is still in use).
  iam::Grant grant_read(iam::IGrantable& grantee);

 private:
  Value bucket_name_;
  std::string object_key_;
  Value s3_object_url_;
  Value http_url_;
  std::string hash_;
  bool zip_archive_ = false;
  bool is_file_ = false;
  s3::IBucket* bucket_ = nullptr;
};

}  // namespace cdk::s3_assets
