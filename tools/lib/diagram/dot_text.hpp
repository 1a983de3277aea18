// Text inside DOT: quoted ids and attribute values, and the text of HTML-like labels.
// Template names and construct ids may hold anything, so nothing is written unescaped.
#pragma once

#include <string>
#include <string_view>

namespace cdk::tools::diagram {

/// `s` as a DOT double-quoted string, quotes included. '"' and '\' are escaped (so that
/// Graphviz's escString reads them back as themselves), a line break becomes "\n" and
/// other control characters a space; invalid UTF-8 bytes become U+FFFD.
std::string dot_quoted(std::string_view s);

/// `s` as the text of an HTML-like label: & < > " escaped, control characters a space,
/// invalid UTF-8 bytes U+FFFD.
std::string html_text(std::string_view s);

/// `s` with every byte that is not part of valid UTF-8 replaced by U+FFFD.
std::string valid_utf8(std::string_view s);

}  // namespace cdk::tools::diagram
