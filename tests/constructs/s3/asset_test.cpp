// s3_assets::Asset and the core's file assets: CDK's hash, the template references, the
// staged copy and the asset manifest (expected values from aws-cdk-lib).
#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/iam.hpp>
#include <cdk/s3_assets.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

using cdk::assertions::Template;
namespace Match = cdk::assertions::Match;
namespace iam = cdk::iam;
using s3_test::fixture;
using s3_test::TempDir;
namespace fs = std::filesystem;

namespace {
constexpr const char* kSiteHash = "3d870d5aa0e0881d0e5bfb6449ca54752f4d716faffed0fc04bc5d94cc2185df";
constexpr const char* kIndexHash = "40897aa41237c9fd063e0434bf71388d3f18f96b98ada48a8fbc39056f91212c";
const cdk::Value kBucket = cdk::Fn::sub("cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}");
}  // namespace

TEST_CASE("a directory asset: CDK's source fingerprint and the bootstrap bucket location") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& asset = stack.add<cdk::s3_assets::Asset>("Site", {.path = fixture("site")});
  CHECK(asset.asset_hash() == kSiteHash);
  CHECK(asset.s3_object_key() == std::string{kSiteHash} + ".zip");
  CHECK(asset.s3_bucket_name() == kBucket);
  CHECK(asset.s3_object_url() ==
        cdk::Fn::sub("s3://cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/" + std::string{kSiteHash} + ".zip"));
  CHECK(asset.http_url() == cdk::Fn::sub("https://s3.${AWS::Region}.${AWS::URLSuffix}/cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/" +
                                         std::string{kSiteHash} + ".zip"));
  CHECK(asset.is_zip_archive());
  CHECK_FALSE(asset.is_file());
}

TEST_CASE("a file asset keeps its extension in the object key") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& asset = stack.add<cdk::s3_assets::Asset>("File", {.path = fixture("site/index.html")});
  CHECK(asset.asset_hash() == kIndexHash);
  CHECK(asset.s3_object_key() == std::string{kIndexHash} + ".html");
  CHECK(asset.is_file());
  CHECK_FALSE(asset.is_zip_archive());
}

TEST_CASE("a stack with an environment gets literal bucket names, as CDK") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("E", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& asset = stack.add<cdk::s3_assets::Asset>("Site", {.path = fixture("site")});
  CHECK(asset.s3_bucket_name() == cdk::Value{"cdk-hnb659fds-assets-123456789012-eu-west-1"});
  CHECK(asset.s3_object_url() ==
        cdk::Value{"s3://cdk-hnb659fds-assets-123456789012-eu-west-1/" + std::string{kSiteHash} + ".zip"});
  CHECK(asset.http_url() == cdk::Fn::sub("https://s3.eu-west-1.${AWS::URLSuffix}/cdk-hnb659fds-assets-123456789012-eu-west-1/" +
                                         std::string{kSiteHash} + ".zip"));
}

TEST_CASE("CRLF line ends of text files hash as LF; binary files hash as they are") {
  TempDir lf, crlf, bin1, bin2;
  s3_test::write_file(lf.path / "a.txt", "one\ntwo\n");
  s3_test::write_file(crlf.path / "a.txt", "one\r\ntwo\r\n");
  s3_test::write_file(bin1.path / "a.bin", std::string{"\0one\ntwo\n", 9});
  s3_test::write_file(bin2.path / "a.bin", std::string{"\0one\r\ntwo\r\n", 11});
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& a = stack.add<cdk::s3_assets::Asset>("A", {.path = lf.path.string()});
  auto& b = stack.add<cdk::s3_assets::Asset>("B", {.path = crlf.path.string()});
  auto& c = stack.add<cdk::s3_assets::Asset>("C", {.path = bin1.path.string()});
  auto& d = stack.add<cdk::s3_assets::Asset>("D", {.path = bin2.path.string()});
  CHECK(a.asset_hash() == b.asset_hash());
  CHECK(c.asset_hash() != d.asset_hash());
}

TEST_CASE("grant_read gives the role CDK's InstanceRoleDefaultPolicy of the newsblog sample") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("NewsBlogStack");
  auto& asset = stack.add<cdk::s3_assets::Asset>("YourSampleApp", {.path = fixture("site")});
  auto& role = stack.add<iam::Role>("InstanceRole", {.assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"}});
  CHECK(asset.grant_read(role).success());
  auto t = Template::from_stack(stack);
  const cdk::Value bucket_arn = "arn:" + cdk::Aws::partition() + ":s3:::" + kBucket;
  t.has_resource("AWS::IAM::Policy",
                 Match::object_equals(
                     {{"Type", "AWS::IAM::Policy"},
                      {"Properties",
                       cdk::Map{{"PolicyDocument",
                                 cdk::Map{{"Statement", cdk::List{cdk::Map{
                                                            {"Action", cdk::List{"s3:GetObject*", "s3:GetBucket*", "s3:List*"}},
                                                            {"Effect", "Allow"},
                                                            {"Resource", cdk::List{bucket_arn, bucket_arn + "/*"}}}}},
                                          {"Version", "2012-10-17"}}},
                                {"PolicyName", "InstanceRoleDefaultPolicy1531605C"},
                                {"Roles", cdk::List{cdk::Map{{"Ref", "InstanceRole3CCE2F1D"}}}}}}}));
  // The asset adds no resources of its own.
  std::size_t resources = 0;
  const cdk::Value whole = t.to_value();
  for (const auto& [section, body] : whole.as_map())
    if (section == "Resources") resources = body.as_map().size();
  CHECK(resources == 2);
}

TEST_CASE("readers are granted at construction") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& role = stack.add<iam::Role>("R", {.assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"}});
  stack.add<cdk::s3_assets::Asset>("Site", {.path = fixture("site"), .readers = {role}});
  Template::from_stack(stack).resource_count_is("AWS::IAM::Policy", 1);
}

TEST_CASE("the cloud assembly holds the staged asset and its manifest entry") {
  TempDir out;
  const fs::path outdir = out.path / "cdk.out";
  cdk::App app{{.outdir = outdir.string()}};
  auto& stack = app.add<cdk::Stack>("NewsBlogStack");
  stack.add<cdk::s3_assets::Asset>("YourSampleApp", {.path = fixture("site")});
  stack.add<cdk::s3_assets::Asset>("Again", {.path = fixture("site")});  // same content: one asset
  stack.add<cdk::s3_assets::Asset>("File", {.path = fixture("site/index.html")});
  stack.add<iam::Role>("R", {.assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"}});
  app.synth();

  const std::string site = std::string{"asset."} + kSiteHash;
  const std::string file = std::string{"asset."} + kIndexHash + ".html";
  CHECK(s3_test::read_file(outdir / site / "index.html") == s3_test::read_file(fixture("site/index.html")));
  CHECK(s3_test::read_file(outdir / file) == s3_test::read_file(fixture("site/index.html")));

  const auto manifest = nlohmann::ordered_json::parse(s3_test::read_file(outdir / "NewsBlogStack.assets.json"));
  const auto& files = manifest.at("files");
  REQUIRE(files.size() == 3);
  CHECK(files.begin().key() == kSiteHash);  // assets first, then the template, as CDK
  const nlohmann::ordered_json expected = {
      {"displayName", "YourSampleApp"},
      {"source", {{"path", site}, {"packaging", "zip"}}},
      {"destinations",
       {{"current_account-current_region-781c50c8",  // CDK's key for this destination
         {{"bucketName", "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"},
          {"objectKey", std::string{kSiteHash} + ".zip"},
          {"assumeRoleArn",
           "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-file-publishing-role-${AWS::AccountId}-${AWS::Region}"}}}}}};
  CHECK(files.at(kSiteHash) == expected);
  CHECK(files.at(kIndexHash).at("source") == nlohmann::ordered_json{{"path", file}, {"packaging", "file"}});
  CHECK(files.at(kIndexHash).at("displayName") == "File");
  CHECK(files.at(kIndexHash).at("destinations").at("current_account-current_region-7800fef8").at("objectKey") ==
        std::string{kIndexHash} + ".html");

  // Same bytes on every run.
  const std::string first = s3_test::read_file(outdir / "NewsBlogStack.assets.json");
  app.synth();
  CHECK(s3_test::read_file(outdir / "NewsBlogStack.assets.json") == first);
  CHECK(fs::exists(outdir / site / "index.html"));
}

TEST_CASE("a failed synth writes nothing, staged assets included") {
  TempDir out;
  const fs::path outdir = out.path / "cdk.out";
  cdk::App app{{.outdir = outdir.string()}};
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<cdk::s3_assets::Asset>("Site", {.path = fixture("site")});
  stack.add<cdk::CfnResource>("Bad", {.type = "AWS::S3::Bucket", .properties = {{"BucketName", cdk::Fn::ref("Nope")}}});
  CHECK_THROWS_AS(app.synth(), cdk::SynthError);
  CHECK_FALSE(fs::exists(outdir));
  for (const auto& entry : fs::directory_iterator(out.path)) FAIL("left behind: " << entry.path());
}

TEST_CASE("a missing source is an error with the construct path") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  try {
    stack.add<cdk::s3_assets::Asset>("Site", {.path = fixture("no-such-dir")});
    FAIL("expected an error");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == "cdk.asset.SourceNotFound");
    CHECK(e.path() == "S/Site");
    CHECK(std::string{e.what()}.find("Cannot find asset at") != std::string::npos);
  }
}

TEST_CASE("the LegacyStackSynthesizer has no asset manifest: a clear error") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  try {
    stack.add<cdk::s3_assets::Asset>("Site", {.path = fixture("site")});
    FAIL("expected an error");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == "cdk.asset.UnsupportedSynthesizer");
    CHECK(e.path() == "S/Site");
  }
}

TEST_CASE("Stack::add_file_asset checks the packaging against the source") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  try {
    stack.add_file_asset({.source_path = fixture("site"), .packaging = cdk::FileAssetPackaging::File});
    FAIL("expected an error");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == "cdk.asset.InvalidPackaging");
    CHECK(e.path() == "S");
  }
  CHECK_THROWS_WITH_AS(stack.add_file_asset({.source_path = fixture("site/index.html"),
                                             .packaging = cdk::FileAssetPackaging::ZipDirectory}),
                       doctest::Contains("zip-directory packaging needs a directory"), cdk::Error);
  const auto location = stack.add_file_asset({.source_path = fixture("site/index.html")});
  CHECK(location.object_key == std::string{kIndexHash} + ".html");
  CHECK(location.source_hash == kIndexHash);
  CHECK(location.s3_object_url_with_placeholders ==
        "s3://cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/" + std::string{kIndexHash} + ".html");
}
