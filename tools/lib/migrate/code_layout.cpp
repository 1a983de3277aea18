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

std::string layout_at(const Code& code, int indent, int column, int width);

// A braced list, or a call that ends with one (`cdk::Fn::join("-", {`).
bool huggable(const Code& code) {
  if (!code.is_list || code.items.empty() || code.open.empty()) return false;
  if (code.open.back() == '{') return true;
  return code.open.back() == '(' && huggable(code.items.back());
}

// A list broken one item per line; the closing bracket returns to `indent`.
std::string broken(const Code& code, int indent, int width) {
  const int inner = indent + 4;
  std::string out = code.prefix + code.open + "\n";
  for (std::size_t i = 0; i < code.items.size(); ++i) {
    const bool last = i + 1 == code.items.size();
    out += std::string(inner, ' ') + layout_at(code.items[i], inner, inner, width) +
           (last && !code.trailing_comma ? "" : ",") + "\n";
  }
  return out + std::string(indent, ' ') + code.close;
}

// `code` starting at `column` of a line whose continuation lines are indented by `indent`.
std::string layout_at(const Code& code, int indent, int column, int width) {
  std::string one_line = flat(code);
  if (!code.is_list || (column + static_cast<int>(one_line.size()) <= width && !multiline(one_line))) return one_line;
  if (code.items.empty()) return one_line;
  // Leading items that fit on the first line and a last item that is itself a list hug
  // the opening: `stack.add<T>("Id", {` ... `})`, `{"Key", cdk::Map{` ... `}}`, the way
  // people write props and nested maps.
  const Code& last = code.items.back();
  if (!code.trailing_comma && huggable(last) && code.items.size() <= 4) {
    std::string head = code.prefix + code.open;
    bool simple = true;
    for (std::size_t i = 0; i + 1 < code.items.size(); ++i) {
      simple = simple && !code.items[i].is_list;
      head += flat(code.items[i]) + ", ";
    }
    const int after_head = column + static_cast<int>(head.size());
    if (simple && after_head + static_cast<int>(last.prefix.size() + last.open.size()) <= width && !multiline(head)) {
      std::string tail = layout_at(last, indent, after_head, width);
      // Worth it only when the last item opens on this line and closes on its own.
      if (multiline(tail)) return head + tail + code.close;
    }
  }
  return broken(code, indent, width);
}

}  // namespace

std::string layout(const Code& code, int indent, int width) { return layout_at(code, indent, indent, width); }

}  // namespace cdk::tools::migrate
