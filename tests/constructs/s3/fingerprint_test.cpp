// CDK's source fingerprint on the awkward cases: a CRLF cut by the 8 KiB read boundary,
// a UTF-8 character cut by it, symlinks inside and outside the asset, name order,
// binary files, a trailing CR. Expected hashes from aws-cdk-lib's FileSystem.fingerprint
// on the same trees.
#include <doctest/doctest.h>

#include <cdk/cdk.hpp>

#include "support.hpp"

namespace fs = std::filesystem;
using s3_test::TempDir;
using s3_test::write_file;

namespace {
std::string hash_of(const fs::path& p, cdk::FileAssetPackaging packaging = cdk::FileAssetPackaging::ZipDirectory) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  return stack.add_file_asset({.source_path = p.string(), .packaging = packaging}).source_hash;
}
}  // namespace

TEST_CASE("a CRLF across the 8 KiB read boundary") {
  TempDir d;
  write_file(d.path / "a.txt", std::string(8191, 'x') + "\r\ny\r\n");
  CHECK(hash_of(d.path) == "3e6cbe12eeea5547e1fec99abb68bc2bf4e9c00ac06f3b069a5ac1b25ec72fb0");
}

TEST_CASE("a UTF-8 character cut by the read boundary decodes as CDK's does") {
  TempDir d;
  write_file(d.path / "u.txt", std::string(8191, 'a') + "\xC3\xA9\r\nz");
  CHECK(hash_of(d.path) == "60d1f665a7e11d8fbc5129bddafaa4d333c7e73c8c14e64e7c9072a8ed3be005");
}

TEST_CASE("a link inside the asset is hashed as a link, one outside is followed") {
  TempDir d;
  write_file(d.path / "a.txt", "x");
  fs::create_symlink("a.txt", d.path / "link-in");
  fs::create_symlink(fs::path{CDKPP_TEST_DIR} / "fixtures/site/index.html", d.path / "link-out");
  CHECK(hash_of(d.path) == "cba8bbcec866dcfe79f04d7da8a42f3af61c2bcb6b4dc675dd6fae8b764c0e05");
}

TEST_CASE("names in byte order, nested folders, binary files, a trailing CR") {
  TempDir d;
  fs::create_directories(d.path / "b");
  fs::create_directories(d.path / "a");
  write_file(d.path / "B.txt", "1");
  write_file(d.path / "a.txt", "2\r\n");
  write_file(d.path / "b/x", std::string{"\0\1\r\n", 4});
  write_file(d.path / "a/y.bin", std::string(9000, 'x') + "\r");
  CHECK(hash_of(d.path) == "a9b16e1f55702e787bf9f198db485bec90eb1f3cc08fa35bffb87f609f9c270e");
  CHECK(hash_of(d.path / "a/y.bin", cdk::FileAssetPackaging::File) ==
        "00b2a9e261688ddff899c94c495bf833156f88618af434f1cc4aec5742dde3f6");
}

TEST_CASE("the staged copy keeps inside links as links and copies what outside links point at") {
  TempDir d, out;
  fs::create_directories(d.path / "site");
  write_file(d.path / "site/a.txt", "x");
  fs::create_symlink("a.txt", d.path / "site/link-in");
  fs::create_symlink(fs::path{CDKPP_TEST_DIR} / "fixtures/site/index.html", d.path / "site/link-out");
  cdk::App app{{.outdir = (out.path / "cdk.out").string()}};
  auto& stack = app.add<cdk::Stack>("S");
  const auto location = stack.add_file_asset({.source_path = (d.path / "site").string(),
                                              .packaging = cdk::FileAssetPackaging::ZipDirectory});
  stack.add<cdk::CfnResource>("T", {.type = "AWS::SNS::Topic"});
  app.synth();
  const fs::path staged = out.path / "cdk.out" / ("asset." + location.source_hash);
  CHECK(fs::is_symlink(staged / "link-in"));
  CHECK(fs::read_symlink(staged / "link-in") == "a.txt");
  CHECK_FALSE(fs::is_symlink(staged / "link-out"));
  CHECK(s3_test::read_file(staged / "link-out") == s3_test::read_file(fs::path{CDKPP_TEST_DIR} / "fixtures/site/index.html"));
}
