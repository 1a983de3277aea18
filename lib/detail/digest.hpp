// Message digests as lower-case hex, from OpenSSL (internal).
#pragma once

#include <string>
#include <string_view>

namespace cdk::detail {

enum class DigestKind { Md5, Sha256 };

/// The whole digest of `data`, lower-case hex.
std::string hex_digest(DigestKind kind, std::string_view data);

/// A digest fed piece by piece (large files).
class Digest {
 public:
  explicit Digest(DigestKind kind);
  ~Digest();
  Digest(const Digest&) = delete;
  Digest& operator=(const Digest&) = delete;
  Digest& update(std::string_view data);
  /// Lower-case hex; the digest cannot be updated afterwards.
  std::string hex_final();

 private:
  void* context_;  // the algorithm's state, defined in digest.cpp
};

}  // namespace cdk::detail
