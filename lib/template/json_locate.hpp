// Positions in JSON text, which nlohmann's DOM does not keep: the template checks name a
// path, and the error message gives its line and column.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdk::template_io {

/// 1-based line and column of byte `offset` of `text`.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset);

/// The offset where brackets first nest deeper than `max_depth` (strings skipped), or
/// nullopt. Checked before parsing so that no reader recurses too deep.
std::optional<std::size_t> json_too_deep(std::string_view text, int max_depth);

/// Where the value at `path` (object keys and array indices) starts in `text`, which
/// must be valid JSON nested at most kMaxDepth deep; nullopt when there is no such value.
std::optional<std::pair<int, int>> json_position(std::string_view text, const std::vector<std::string>& path);

}  // namespace cdk::template_io
