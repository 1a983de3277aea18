// File assets (internal): CDK's source fingerprint and the copy staged into the cloud
// assembly.
#pragma once

#include <filesystem>
#include <string>

namespace cdk::assets {

/// CDK's FileSystem.fingerprint with its defaults (no extra hash, symlinks followed when
/// they point outside the asset, nothing excluded): SHA-256 over
/// \x01 header \x02 value \x03 fields, the directory walked in name order, each file
/// given as "<size>:<sha256>" of its content (text files with CRLF read as LF).
/// Throws std::filesystem::filesystem_error or std::runtime_error when unreadable.
std::string fingerprint(const std::filesystem::path& file_or_directory);

/// CDK's contentFingerprint of one file: "<size>:<sha256 hex>".
std::string content_fingerprint(const std::filesystem::path& file);

/// Copies a directory as CDK stages it (symlinks inside the directory stay links, those
/// pointing outside are followed), or a file.
void copy_asset(const std::filesystem::path& source, const std::filesystem::path& destination);

}  // namespace cdk::assets
