// Matching a pattern against every entry of a template section (resources of a type,
// outputs, parameters, annotation messages, ...) and the failure texts CDK prints.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "assertions/engine.hpp"

namespace cdk::assertions::detail {

struct Entry {
  std::string id;
  const Json* value;
};

struct SectionMatch {
  std::vector<Entry> matches;
  std::size_t analyzed = 0;
  /// Entries that did not match, closest first (lowest failure cost, then id).
  std::vector<std::pair<std::string, MatchResult>> failures;
};

using Tester = std::function<MatchResult(const Json*)>;

/// Tests every entry (quickly first; in full where a capture or a failure text needs it).
/// `failures` is filled when nothing matched, or always with `all_failures`.
SectionMatch match_section(const std::vector<Entry>& entries, const Tester& test, bool all_failures = false);

/// "<what> has N <qualifier>, but none match as expected." followed by the differences of
/// the closest entry, path by path, and CDK's rendering of the three closest.
std::string format_section_failure(const std::string& qualifier, const SectionMatch& result,
                                   const std::string& what = "Template");

/// The differences of one result, one "  <message> at <path> (using <matcher> matcher)"
/// line each.
std::string format_differences(const MatchResult& result);

/// "  " before every line.
std::string indent_lines(const std::string& text, const std::string& pad = "  ");

}  // namespace cdk::assertions::detail
