// Stack::add_file_asset: a local file or directory published with the stack, as CDK's
// DefaultStackSynthesizer does it.
#include <filesystem>
#include <system_error>

#include "assets/fingerprint.hpp"
#include "cdk/errors.hpp"
#include "cdk/fn.hpp"
#include "cdk/stack.hpp"

namespace cdk {

namespace fs = std::filesystem;

namespace {

// CDK's cfnify: a string with ${...} placeholders becomes Fn::Sub, others stay literal.
Value cfnify(const std::string& text) { return text.find("${") != std::string::npos ? Fn::sub(text) : Value{text}; }

std::string specialize(std::string text, const Environment& env) {
  auto replace = [&](const std::string& placeholder, const std::optional<std::string>& literal) {
    if (!literal) return;
    for (auto pos = text.find(placeholder); pos != std::string::npos; pos = text.find(placeholder, pos))
      text.replace(pos, placeholder.size(), *literal);
  };
  replace("${AWS::AccountId}", env.account);
  replace("${AWS::Region}", env.region);
  return text;
}

}  // namespace

FileAssetLocation Stack::add_file_asset(const FileAssetSource& source, const Construct* scope) {
  const std::string where = (scope ? scope : this)->path();
  const auto* synthesizer = std::get_if<DefaultStackSynthesizer>(&props_.synthesizer);
  if (!synthesizer)
    throw Error(errc::AssetUnsupportedSynthesizer, where,
                "file assets need the DefaultStackSynthesizer, which publishes them with `cdk deploy`; stack '" +
                    stack_name_ + "' uses the LegacyStackSynthesizer, which writes no asset manifest");
  std::error_code ec;
  const fs::path absolute = fs::absolute(fs::path{source.source_path}, ec).lexically_normal();
  if (source.source_path.empty() || ec || !fs::exists(absolute, ec))
    throw Error(errc::AssetSourceNotFound, where, "Cannot find asset at " + (ec ? source.source_path : absolute.string()));
  const bool directory = fs::is_directory(absolute, ec);
  if (source.packaging == FileAssetPackaging::ZipDirectory && !directory)
    throw Error(errc::AssetInvalidPackaging, where,
                "asset '" + absolute.string() + "' is a file; zip-directory packaging needs a directory");
  if (source.packaging == FileAssetPackaging::File && directory)
    throw Error(errc::AssetInvalidPackaging, where,
                "asset '" + absolute.string() + "' is a directory; use zip-directory packaging for a directory");

  std::string hash;
  try {
    hash = assets::fingerprint(absolute);
  } catch (const std::exception& e) {
    throw Error(errc::AssetUnreadable, where, "cannot read asset '" + absolute.string() + "': " + e.what());
  }
  const std::string extension = directory ? std::string{} : absolute.extension().string();
  const std::string object_key =
      hash + (source.packaging == FileAssetPackaging::ZipDirectory ? std::string{".zip"} : extension);

  bool known = false;
  for (const auto& asset : file_assets_) known = known || asset.hash == hash;
  if (!known)
    file_assets_.push_back({absolute.string(), source.packaging, source.display_name, hash, "asset." + hash + extension,
                            object_key});

  const std::string bucket =
      specialize("cdk-" + synthesizer->qualifier + "-assets-${AWS::AccountId}-${AWS::Region}", props_.env);
  const std::string region = props_.env.region.value_or("${AWS::Region}");
  const std::string with_placeholders = "s3://" + bucket + "/" + object_key;
  return {.bucket_name = cfnify(bucket),
          .object_key = object_key,
          .http_url = cfnify("https://s3." + region + ".${AWS::URLSuffix}/" + bucket + "/" + object_key),
          .s3_object_url = cfnify(with_placeholders),
          .s3_object_url_with_placeholders = with_placeholders,
          .source_hash = hash};
}

}  // namespace cdk
