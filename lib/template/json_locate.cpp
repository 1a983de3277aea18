#include "template/json_locate.hpp"

#include "template/intrinsics.hpp"

namespace cdk::template_io {

std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++line, line_start = i + 1;
  return {line, static_cast<int>(offset - line_start) + 1};
}

std::optional<std::size_t> json_too_deep(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > max_depth) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::nullopt;
}

namespace {

// A reader of valid JSON that only skips, except along the path it looks for.
class Finder {
 public:
  explicit Finder(std::string_view text) : t_{text} {}

  std::optional<std::size_t> find(const std::vector<std::string>& path, std::size_t k, int depth) {
    space();
    if (k == path.size()) return i_;
    if (depth > kMaxDepth + 1 || i_ >= t_.size()) return std::nullopt;
    if (t_[i_] == '{') {
      ++i_;
      while (true) {
        space();
        if (i_ >= t_.size() || t_[i_] == '}') return std::nullopt;
        const std::string key = read_string();
        space();
        ++i_;  // ':'
        if (key == path[k]) return find(path, k + 1, depth + 1);
        skip_value(depth + 1);
        space();
        if (i_ >= t_.size() || t_[i_] != ',') return std::nullopt;
        ++i_;
      }
    }
    if (t_[i_] == '[') {
      ++i_;
      for (std::size_t index = 0;; ++index) {
        space();
        if (i_ >= t_.size() || t_[i_] == ']') return std::nullopt;
        if (std::to_string(index) == path[k]) return find(path, k + 1, depth + 1);
        skip_value(depth + 1);
        space();
        if (i_ >= t_.size() || t_[i_] != ',') return std::nullopt;
        ++i_;
      }
    }
    return std::nullopt;
  }

 private:
  void space() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\r' || t_[i_] == '\n')) ++i_;
  }

  // Keys are compared after decoding only the escapes a key plausibly has; a key with
  // \u escapes simply does not match (the position is then left out of the message).
  std::string read_string() {
    std::string out;
    if (i_ >= t_.size() || t_[i_] != '"') return out;
    for (++i_; i_ < t_.size() && t_[i_] != '"'; ++i_) {
      if (t_[i_] == '\\' && i_ + 1 < t_.size()) {
        ++i_;
        const char e = t_[i_];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'u' ? '\x01' : e;
        continue;
      }
      out += t_[i_];
    }
    ++i_;
    return out;
  }

  void skip_value(int depth) {
    space();
    if (i_ >= t_.size() || depth > kMaxDepth + 1) return;
    const char c = t_[i_];
    if (c == '"') {
      read_string();
    } else if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++i_;
      while (true) {
        space();
        if (i_ >= t_.size()) return;
        if (t_[i_] == close) {
          ++i_;
          return;
        }
        if (c == '{') {
          read_string();
          space();
          ++i_;  // ':'
        }
        skip_value(depth + 1);
        space();
        if (i_ < t_.size() && t_[i_] == ',') ++i_;
      }
    } else {
      while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != '}' && t_[i_] != ']' && t_[i_] != ' ' && t_[i_] != '\n' &&
             t_[i_] != '\r' && t_[i_] != '\t')
        ++i_;
    }
  }

  std::string_view t_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<std::pair<int, int>> json_position(std::string_view text, const std::vector<std::string>& path) {
  auto offset = Finder{text}.find(path, 0, 0);
  if (!offset) return std::nullopt;
  return line_and_column(text, *offset);
}

}  // namespace cdk::template_io
