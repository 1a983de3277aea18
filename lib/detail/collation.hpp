// JavaScript's localeCompare (ICU root collation) for ASCII, which CDK uses to order
// DependsOn by path and tags by key.
#pragma once

#include <algorithm>
#include <cctype>
#include <string_view>

namespace cdk::detail {

// Spaces, then punctuation in ICU's order (so '_' and '-' sort before '/'), then digits,
// then letters case-insensitively.
inline int collation_weight(unsigned char c) {
  constexpr std::string_view kPunctuation = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
  if (std::isalpha(c)) return 300 + std::tolower(c);
  if (std::isdigit(c)) return 200 + c;
  if (auto i = kPunctuation.find(static_cast<char>(c)); i != std::string_view::npos) return 100 + static_cast<int>(i);
  if (std::isspace(c)) return c;
  return 1000 + c;  // beyond ASCII: byte order, after everything else
}

/// a.localeCompare(b) < 0. On a tie of the weights, the first difference in case puts
/// lower case first.
inline bool locale_less(std::string_view a, std::string_view b) {
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    const int wa = collation_weight(static_cast<unsigned char>(a[i]));
    const int wb = collation_weight(static_cast<unsigned char>(b[i]));
    if (wa != wb) return wa < wb;
  }
  if (a.size() != b.size()) return a.size() < b.size();
  return b < a;  // the first difference is one of case: 'a' (0x61) sorts before 'A' (0x41)
}

}  // namespace cdk::detail
