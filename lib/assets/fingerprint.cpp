#include "assets/fingerprint.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "detail/digest.hpp"

namespace cdk::assets {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChunk = 8 * 1024;  // CDK reads files in 8 KiB chunks

// Node's Buffer.toString(): UTF-8 with each invalid or truncated sequence (its maximal
// valid prefix) replaced by U+FFFD. CDK decodes each 8 KiB chunk on its own, so a
// character cut by a chunk boundary becomes replacement characters too.
std::string decode_utf8(std::string_view in) {
  static constexpr char kReplacement[] = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  const std::size_t n = in.size();
  while (i < n) {
    const auto b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    int need = 0;
    unsigned char lower = 0x80, upper = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b == 0xE0) {
      need = 2, lower = 0xA0;
    } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
      need = 2;
    } else if (b == 0xED) {
      need = 2, upper = 0x9F;
    } else if (b == 0xF0) {
      need = 3, lower = 0x90;
    } else if (b >= 0xF1 && b <= 0xF3) {
      need = 3;
    } else if (b == 0xF4) {
      need = 3, upper = 0x8F;
    } else {
      out += kReplacement;
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    bool complete = true;
    for (int k = 0; k < need; ++k, ++j) {
      const unsigned char lo = k == 0 ? lower : 0x80;
      const unsigned char hi = k == 0 ? upper : 0xBF;
      if (j >= n || static_cast<unsigned char>(in[j]) < lo || static_cast<unsigned char>(in[j]) > hi) {
        complete = false;
        break;
      }
    }
    if (complete) {
      out.append(in.substr(i, j - i));
    } else {
      out += kReplacement;
    }
    i = j;
  }
  return out;
}

std::string crlf_to_lf(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\r' && i + 1 < in.size() && in[i + 1] == '\n') continue;
    out.push_back(in[i]);
  }
  return out;
}

void hash_field(detail::Digest& hash, std::string_view header, std::string_view value) {
  hash.update("\x01").update(header).update("\x02").update(value).update("\x03");
}

std::string generic(const fs::path& p) { return p.generic_string(); }

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// SymlinkFollowMode.EXTERNAL: follow a link only when its target is outside the asset
// (CDK compares the resolved target's text with the root's).
bool follow_link(const fs::path& resolved_target, const fs::path& root) {
  return !starts_with(resolved_target.string(), root.string());
}

fs::path resolve_link_target(const fs::path& link, const fs::path& target) {
  return (target.is_absolute() ? target : link.parent_path() / target).lexically_normal();
}

std::vector<fs::directory_entry> sorted_entries(const fs::path& dir) {
  std::vector<fs::directory_entry> entries;
  for (const auto& e : fs::directory_iterator(dir)) entries.push_back(e);
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename().string() < b.path().filename().string(); });
  return entries;
}

class Walker {
 public:
  Walker(detail::Digest& hash, fs::path root) : hash_{hash}, root_{std::move(root)} {}

  void directory(const fs::path& symbolic, const fs::path& real) {
    for (const auto& entry : sorted_entries(real)) {
      const fs::path child_symbolic = symbolic / entry.path().filename();
      const fs::path child_real = real / entry.path().filename();
      if (entry.is_symlink()) {
        symlink(child_symbolic, child_real);
      } else if (entry.is_regular_file()) {
        hash_field(hash_, "file:" + relative(child_symbolic), content_fingerprint(child_real));
      } else if (entry.is_directory()) {
        directory(child_symbolic, child_real);
      }
    }
  }

 private:
  std::string relative(const fs::path& p) const { return generic(p.lexically_relative(root_)); }

  void symlink(const fs::path& symbolic, const fs::path& real) {
    const fs::path target = fs::read_symlink(real);
    const fs::path resolved = resolve_link_target(real, target);
    std::error_code ec;
    const auto status = fs::status(resolved, ec);
    if (!follow_link(resolved, root_) || ec || !fs::exists(status)) {
      hash_field(hash_, "link:" + relative(symbolic), target.string());
      return;
    }
    if (fs::is_directory(status)) {
      directory(symbolic, resolved);
    } else if (fs::is_regular_file(status)) {
      hash_field(hash_, "file:" + relative(symbolic), content_fingerprint(resolved));
    } else {
      throw std::runtime_error("Unable to hash " + symbolic.string() + ": it is neither a file nor a directory");
    }
  }

  detail::Digest& hash_;
  fs::path root_;
};

void copy_directory(const fs::path& source, const fs::path& destination, const fs::path& root) {
  fs::create_directories(destination);
  for (const auto& entry : sorted_entries(source)) {
    const fs::path from = entry.path();
    const fs::path to = destination / from.filename();
    if (entry.is_symlink()) {
      const fs::path target = fs::read_symlink(from);
      const fs::path resolved = resolve_link_target(from, target);
      if (!follow_link(resolved, root)) {
        fs::create_symlink(target, to);
        continue;
      }
      if (fs::is_directory(resolved)) {
        copy_directory(resolved, to, root);
      } else {
        fs::copy_file(resolved, to);
      }
    } else if (entry.is_directory()) {
      copy_directory(from, to, root);
    } else if (entry.is_regular_file()) {
      fs::copy_file(from, to);
    }
  }
}

}  // namespace

std::string content_fingerprint(const fs::path& file) {
  std::ifstream in{file, std::ios::binary};
  if (!in) throw std::runtime_error("cannot read " + file.string());
  detail::Digest hash{detail::DigestKind::Sha256};
  std::string buffer(kChunk, '\0');
  std::uintmax_t size = 0;
  bool first = true;
  bool binary = false;
  std::string pending;  // text ending in '\r', held until the next chunk (CDK's lastStr)
  while (true) {
    in.read(buffer.data(), static_cast<std::streamsize>(kChunk));
    const auto read = static_cast<std::size_t>(in.gcount());
    if (read == 0) break;
    const std::string_view chunk{buffer.data(), read};
    if (first) binary = chunk.find('\0') != std::string_view::npos;
    first = false;
    if (binary) {
      size += read;
      hash.update(chunk);
      continue;
    }
    const std::string text = decode_utf8(chunk);
    if (!text.empty() && text.back() == '\r') {
      pending += text;
      continue;
    }
    const std::string data = crlf_to_lf(pending + text);
    pending.clear();
    size += data.size();
    hash.update(data);
  }
  if (in.bad()) throw std::runtime_error("cannot read " + file.string());
  // As CDK: a trailing "\r" chunk is hashed as is and not counted in the size.
  if (!pending.empty()) hash.update(pending);
  return std::to_string(size) + ":" + hash.hex_final();
}

std::string fingerprint(const fs::path& file_or_directory) {
  detail::Digest hash{detail::DigestKind::Sha256};
  hash_field(hash, "options.extra", "");
  hash_field(hash, "options.follow", "external");
  const fs::path real = fs::canonical(file_or_directory);
  if (fs::is_directory(real)) {
    Walker{hash, real}.directory(real, real);
  } else {
    hash_field(hash, "file:", content_fingerprint(real));
  }
  return hash.hex_final();
}

void copy_asset(const fs::path& source, const fs::path& destination) {
  const fs::path real = fs::canonical(source);
  if (fs::is_directory(real)) {
    copy_directory(real, destination, real);
  } else {
    fs::copy_file(real, destination);
  }
}

}  // namespace cdk::assets
