#include "migrate/code_layout.hpp"

namespace cdk::tools::migrate {

std::string flat(const Code& code) {
  std::string out = code.prefix + code.open;
  if (!code.is_list) return out;
  for (std::size_t i = 0; i < code.items.size(); ++i) out += (i ? ", " : "") + flat(code.items[i]);
  return out + code.close;
}

namespace {

bool multiline(const std::string& s) { return s.find('\n') != std::string::npos; }

std::string layout_at(const Code& code, int indent, int width);

// A list broken one item per line; the closing bracket returns to `indent`.
std::string broken(const Code& code, int indent, int width) {
  const int inner = indent + 4;
  std::string out = code.prefix + code.open + "\n";
  for (std::size_t i = 0; i < code.items.size(); ++i) {
    const bool last = i + 1 == code.items.size();
    out += std::string(inner, ' ') + layout_at(code.items[i], inner, width) + (last && !code.trailing_comma ? "" : ",") +
           "\n";
  }
  return out + std::string(indent, ' ') + code.close;
}

std::string layout_at(const Code& code, int indent, int width) {
  std::string one_line = flat(code);
  if (!code.is_list || (indent + static_cast<int>(one_line.size()) <= width && !multiline(one_line))) return one_line;
  if (code.items.empty()) return one_line;
  // A call whose leading arguments fit on the first line and whose last argument is a
  // bracketed list: `stack.add<T>("Id", {` ... `})`, the way people write props.
  const Code& last = code.items.back();
  if (!code.trailing_comma && last.is_list && last.prefix.empty() && last.open == "{") {
    std::string head = code.prefix + code.open;
    for (std::size_t i = 0; i + 1 < code.items.size(); ++i) head += flat(code.items[i]) + ", ";
    if (indent + static_cast<int>(head.size()) + 1 <= width && !multiline(head)) {
      Code body = last;
      return head + broken(body, indent, width) + code.close;
    }
  }
  return broken(code, indent, width);
}

}  // namespace

std::string layout(const Code& code, int indent, int width) { return layout_at(code, indent, width); }

}  // namespace cdk::tools::migrate
