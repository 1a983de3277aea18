#include "assertions/section.hpp"

#include <algorithm>

namespace cdk::assertions::detail {

SectionMatch match_section(const std::vector<Entry>& entries, const Tester& test, bool all_failures) {
  QueryScope scope;
  SectionMatch out;
  out.analyzed = entries.size();
  std::vector<const Entry*> failed;
  for (const auto& entry : entries) {
    bool ok;
    {
      QuickMode quick;
      ok = !test(entry.value).has_failed();
    }
    if (!ok) {
      failed.push_back(&entry);
      continue;
    }
    MatchResult full = test(entry.value);  // records its captures
    full.finished();
    if (full.has_failed()) {
      out.failures.emplace_back(entry.id, std::move(full));
    } else {
      out.matches.push_back(entry);
    }
  }
  if (out.matches.empty() || all_failures) {
    for (const Entry* entry : failed) {
      MatchResult full = test(entry->value);
      full.finished();
      out.failures.emplace_back(entry->id, std::move(full));
    }
  }
  std::stable_sort(out.failures.begin(), out.failures.end(), [](const auto& a, const auto& b) {
    if (a.second.fail_cost() != b.second.fail_cost()) return a.second.fail_cost() < b.second.fail_cost();
    return a.first < b.first;
  });
  return out;
}

std::string indent_lines(const std::string& text, const std::string& pad) {
  std::string out = pad;
  for (char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

std::string format_differences(const MatchResult& result) {
  std::string out;
  for (const auto& line : result.to_human_strings()) out += "\n  " + line;
  return out;
}

std::string format_section_failure(const std::string& qualifier, const SectionMatch& result, const std::string& what) {
  std::string out = what + " has " + std::to_string(result.analyzed) + " " + qualifier;
  if (result.analyzed > 0) out += ", but none match as expected";
  out += ".\n";
  if (result.failures.empty()) return out + "No matches found";
  const auto& [closest_id, closest] = result.failures.front();
  out += "The closest match is " + closest_id + "; it differs at:" + format_differences(closest) + "\n";
  const std::size_t shown = std::min<std::size_t>(3, result.failures.size());
  out += "The " + std::to_string(shown) + " closest matches:";
  for (std::size_t i = 0; i < shown; ++i)
    out += "\n" + result.failures[i].first + " :: " + result.failures[i].second.render_mismatch();
  return out;
}

}  // namespace cdk::assertions::detail
