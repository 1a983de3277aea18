// Message digests as lower-case hex, from OpenSSL (internal).
#pragma once

#include <string>
#include <string_view>

namespace cdk::detail {

enum class DigestKind { Md5, Sha256 };

/// The whole digest of `data`, lower-case hex.
std::string hex_digest(DigestKind kind, std::string_view data);

}  // namespace cdk::detail
