#include "cdk/logical_id.hpp"

#include "cdk/errors.hpp"
#include "detail/digest.hpp"

#include <algorithm>
#include <cctype>

namespace cdk {

namespace {
constexpr std::string_view kHiddenId = "Default";           // dropped everywhere
constexpr std::string_view kHiddenFromHumanId = "Resource";  // dropped from the readable part only
constexpr std::size_t kMaxHumanLength = 240;
constexpr std::size_t kMaxIdLength = 255;

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

std::string remove_non_alphanumeric(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (is_alnum(c)) out.push_back(c);
  return out;
}

// First 8 hex digits, upper case, of the MD5 of the components joined with '/'.
std::string path_hash(const std::vector<std::string_view>& components) {
  std::string joined;
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (i) joined.push_back('/');
    joined.append(components[i]);
  }
  std::string out = detail::hex_digest(detail::DigestKind::Md5, joined).substr(0, 8);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
}  // namespace

std::string make_logical_id(const std::vector<std::string>& components) {
  std::vector<std::string_view> kept;
  kept.reserve(components.size());
  for (const auto& c : components)
    if (c != kHiddenId) kept.push_back(c);
  if (kept.empty())
    throw Error(errc::InvalidLogicalId, "",
                "no logical id can be made from a path whose every component is 'Default' (it is left out of logical "
                "ids): give the element or a construct above it another id");
  if (kept.size() == 1) {
    std::string candidate = remove_non_alphanumeric(kept.front());
    if (candidate.size() <= kMaxIdLength) return candidate;
  }
  std::string human;
  std::string_view previous;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    // Skip a component the previous kept one already ends with ("VPC" after "NewsBlogVPC").
    if (i > 0 && ends_with(previous, kept[i])) continue;
    previous = kept[i];
    if (kept[i] == kHiddenFromHumanId) continue;
    human += remove_non_alphanumeric(kept[i]);
  }
  if (human.size() > kMaxHumanLength) human.resize(kMaxHumanLength);
  return human + path_hash(kept);
}

bool is_valid_logical_id(std::string_view id) {
  return !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), is_alnum);
}

}  // namespace cdk
