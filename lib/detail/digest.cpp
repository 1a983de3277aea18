// MD5 (logical ids) and SHA-256 (template hashes, asset fingerprints) from libcrypto.
//
// Start-up cost matters here: a small synth is a few milliseconds in all, and the first
// EVP digest of OpenSSL 3 costs about 1 ms of CPU on its own (it reads openssl.cnf, loads
// the default provider and fills the name map with every legacy algorithm name). The
// algorithm-specific functions (MD5_Init, SHA256_Init...) compute the same digests
// with none of that, and no system configuration (providers, FIPS mode, a slow or broken
// openssl.cnf) can change or slow them. OpenSSL 3 marks them deprecated but keeps them;
// a libcrypto built without them gets the EVP path, initialized without the config file.
#define OPENSSL_SUPPRESS_DEPRECATED  // MD5_Init & co. are deprecated, not removed, in 3.x
#include "detail/digest.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include <stdexcept>

#if defined(OPENSSL_NO_DEPRECATED_3_0) || defined(OPENSSL_NO_MD5)
#define CDKPP_DIGEST_EVP 1
#else
#include <openssl/md5.h>
#include <openssl/sha.h>
#endif

namespace cdk::detail {

namespace {

[[noreturn]] void fail() { throw std::runtime_error("cdk: OpenSSL digest failed"); }

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

#ifdef CDKPP_DIGEST_EVP
// libcrypto is initialized once (thread-safe), without reading openssl.cnf, and the two
// digests are fetched once: EVP_md5() would fetch again on every use.
const EVP_MD* md_of(DigestKind kind) {
  struct Digests {
    const EVP_MD* md5;
    const EVP_MD* sha256;
  };
  static const Digests d = [] {
    if (OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr) != 1) fail();
    Digests fetched{EVP_MD_fetch(nullptr, "MD5", nullptr), EVP_MD_fetch(nullptr, "SHA256", nullptr)};
    if (!fetched.md5 || !fetched.sha256) fail();
    return fetched;
  }();
  return kind == DigestKind::Md5 ? d.md5 : d.sha256;
}

class State {
 public:
  explicit State(DigestKind kind) : context_{EVP_MD_CTX_new()} {
    if (!context_ || !EVP_DigestInit_ex(context_, md_of(kind), nullptr)) {
      EVP_MD_CTX_free(context_);
      fail();
    }
  }
  ~State() { EVP_MD_CTX_free(context_); }
  void update(std::string_view data) {
    if (!EVP_DigestUpdate(context_, data.data(), data.size())) fail();
  }
  unsigned final(unsigned char* out) {
    unsigned length = 0;
    if (!EVP_DigestFinal_ex(context_, out, &length)) fail();
    return length;
  }

 private:
  EVP_MD_CTX* context_;
};
#else
class State {
 public:
  explicit State(DigestKind kind) : kind_{kind} {
    if (!(kind == DigestKind::Md5 ? MD5_Init(&md5_) : SHA256_Init(&sha256_))) fail();
  }
  void update(std::string_view data) {
    if (!(kind_ == DigestKind::Md5 ? MD5_Update(&md5_, data.data(), data.size())
                                   : SHA256_Update(&sha256_, data.data(), data.size())))
      fail();
  }
  unsigned final(unsigned char* out) {
    if (!(kind_ == DigestKind::Md5 ? MD5_Final(out, &md5_) : SHA256_Final(out, &sha256_))) fail();
    return kind_ == DigestKind::Md5 ? MD5_DIGEST_LENGTH : SHA256_DIGEST_LENGTH;
  }

 private:
  DigestKind kind_;
  union {
    MD5_CTX md5_;
    SHA256_CTX sha256_;
  };
};
#endif

}  // namespace

std::string hex_digest(DigestKind kind, std::string_view data) {
  State state{kind};
  state.update(data);
  unsigned char digest[EVP_MAX_MD_SIZE];
  const unsigned length = state.final(digest);
  return to_hex(digest, length);
}

Digest::Digest(DigestKind kind) : context_{new State{kind}} {}

Digest::~Digest() { delete static_cast<State*>(context_); }

Digest& Digest::update(std::string_view data) {
  static_cast<State*>(context_)->update(data);
  return *this;
}

std::string Digest::hex_final() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  const unsigned length = static_cast<State*>(context_)->final(digest);
  return to_hex(digest, length);
}

}  // namespace cdk::detail
