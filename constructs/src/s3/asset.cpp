#include "cdk/s3_assets.hpp"

#include <filesystem>

#include "cdk/stack.hpp"

namespace cdk::s3_assets {

namespace {
// CDK's Names.stackRelativeConstructPath.
std::string stack_relative_path(const Construct& construct) {
  const std::string stack_path = Stack::of(construct).path();
  const std::string path = construct.path();
  return stack_path.empty() ? path : path.substr(stack_path.size() + 1);
}

bool is_archive_file(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".zip" || ext == ".jar";
}
}  // namespace

Asset::Asset(Construct& scope, std::string_view id, AssetProps props) : Construct(scope, id) {
  std::error_code ec;
  const bool directory = !props.path.empty() && std::filesystem::is_directory(props.path, ec);
  Stack& stack = Stack::of(*this);
  const FileAssetLocation location = stack.add_file_asset(
      {.source_path = props.path,
       .packaging = directory ? FileAssetPackaging::ZipDirectory : FileAssetPackaging::File,
       .display_name = props.display_name.value_or(stack_relative_path(*this))},
      this);
  bucket_name_ = location.bucket_name;
  object_key_ = location.object_key;
  s3_object_url_ = location.s3_object_url;
  http_url_ = location.http_url;
  hash_ = location.source_hash;
  is_file_ = !directory;
  zip_archive_ = directory || is_archive_file(props.path);
  bucket_ = &s3::Bucket::from_bucket_name(*this, "AssetBucket", bucket_name_);
  for (const auto& reader : props.readers)
    if (reader) grant_read(*reader);
}

iam::Grant Asset::grant_read(iam::IGrantable& grantee) { return bucket_->grant_read(grantee); }

}  // namespace cdk::s3_assets
