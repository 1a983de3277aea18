#include "detail/digest.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace cdk::detail {

std::string hex_digest(DigestKind kind, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  const EVP_MD* md = kind == DigestKind::Md5 ? EVP_md5() : EVP_sha256();
  if (!EVP_Digest(data.data(), data.size(), digest, &length, md, nullptr))
    throw std::runtime_error("cdk: OpenSSL digest failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * length);
  for (unsigned i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

}  // namespace cdk::detail
