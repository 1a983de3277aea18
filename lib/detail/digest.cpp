#include "detail/digest.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace cdk::detail {

namespace {
std::string to_hex(const unsigned char* digest, unsigned length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * length);
  for (unsigned i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

const EVP_MD* md_of(DigestKind kind) { return kind == DigestKind::Md5 ? EVP_md5() : EVP_sha256(); }
}  // namespace

std::string hex_digest(DigestKind kind, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!EVP_Digest(data.data(), data.size(), digest, &length, md_of(kind), nullptr))
    throw std::runtime_error("cdk: OpenSSL digest failed");
  return to_hex(digest, length);
}

Digest::Digest(DigestKind kind) : context_{EVP_MD_CTX_new()} {
  if (!context_ || !EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(context_), md_of(kind), nullptr))
    throw std::runtime_error("cdk: OpenSSL digest failed");
}

Digest::~Digest() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(context_)); }

Digest& Digest::update(std::string_view data) {
  if (!EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(context_), data.data(), data.size()))
    throw std::runtime_error("cdk: OpenSSL digest failed");
  return *this;
}

std::string Digest::hex_final() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(context_), digest, &length))
    throw std::runtime_error("cdk: OpenSSL digest failed");
  return to_hex(digest, length);
}

}  // namespace cdk::detail
