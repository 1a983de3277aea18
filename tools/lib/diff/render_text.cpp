// The human-readable diff, laid out like cdk diff's: per stack the security tables, then
// the sections, each entry with [+] [-] [~] and a tree of what changed inside it.
#include <algorithm>
#include <ostream>
#include <sstream>

#include "cdk/tools/diff.hpp"

namespace cdk::tools {

namespace {

struct Style {
  bool on;
  std::string operator()(std::string_view codes, std::string_view text) const {
    if (!on || text.empty()) return std::string{text};
    return "\x1b[" + std::string{codes} + "m" + std::string{text} + "\x1b[0m";
  }
};

constexpr std::string_view Green = "32", Red = "31", Yellow = "33", Cyan = "36", Grey = "90",
                           Heading = "1;4", ReplaceStyle = "1;3;31", MayReplaceStyle = "3;33";

std::string tag(const Style& s, ChangeKind kind) {
  switch (kind) {
    case ChangeKind::Added: return s(Green, "[+]");
    case ChangeKind::Removed: return s(Red, "[-]");
    case ChangeKind::Updated: return s(Yellow, "[~]");
  }
  return "[?]";
}

// A value as cdk diff prints it: a JSON string without its quotes, anything else as JSON.
std::string shown(const std::string& json) {
  if (json.size() >= 2 && json.front() == '"' && json.back() == '"' && json.find("\\") == std::string::npos)
    return json.substr(1, json.size() - 2);
  return json;
}

// "/Stack/Vpc/Resource" -> "Vpc", as cdk diff shortens construct paths.
std::string short_path(std::string path) {
  if (!path.empty() && path.front() == '/') path.erase(0, 1);
  std::vector<std::string> parts;
  std::stringstream in{path};
  for (std::string part; std::getline(in, part, '/');) parts.push_back(part);
  if (parts.size() <= 1) return path;
  parts.erase(parts.begin());
  if (parts.size() > 1 && (parts.back() == "Resource" || parts.back() == "Default")) parts.pop_back();
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

class Printer {
 public:
  Printer(std::ostream& out, const RenderOptions& options) : out_{out}, s_{options.colour}, options_{options} {}

  void heading(std::string_view title) { out_ << s_(Heading, title) << '\n'; }

  void table(const std::vector<std::string>& header, const std::vector<std::pair<ChangeKind, std::vector<std::string>>>& rows) {
    std::vector<std::size_t> width(header.size(), 0);
    auto split = [](const std::string& cell) {
      std::vector<std::string> lines;
      std::stringstream in{cell};
      for (std::string line; std::getline(in, line);) lines.push_back(line);
      if (lines.empty()) lines.emplace_back();
      return lines;
    };
    auto measure = [&](const std::vector<std::string>& row) {
      for (std::size_t c = 0; c < row.size(); ++c)
        for (const auto& line : split(row[c])) width[c] = std::max(width[c], utf8_length(line));
    };
    measure(header);
    for (const auto& [kind, row] : rows) measure(row);
    auto rule = [&](std::string_view left, std::string_view middle, std::string_view right) {
      out_ << left;
      for (std::size_t c = 0; c < width.size(); ++c) {
        for (std::size_t i = 0; i < width[c] + 2; ++i) out_ << "─";
        out_ << (c + 1 == width.size() ? right : middle);
      }
      out_ << '\n';
    };
    auto print_row = [&](const std::vector<std::string>& row, std::string_view colour) {
      std::vector<std::vector<std::string>> cells;
      std::size_t height = 1;
      for (const auto& cell : row) {
        cells.push_back(split(cell));
        height = std::max(height, cells.back().size());
      }
      for (std::size_t line = 0; line < height; ++line) {
        out_ << "│";
        for (std::size_t c = 0; c < cells.size(); ++c) {
          const std::string text = line < cells[c].size() ? cells[c][line] : "";
          out_ << ' ' << (colour.empty() ? text : s_(colour, text)) << std::string(width[c] - utf8_length(text), ' ') << " │";
        }
        out_ << '\n';
      }
    };
    rule("┌", "┬", "┐");
    print_row(header, "");
    for (const auto& [kind, row] : rows) {
      rule("├", "┼", "┤");
      print_row(row, kind == ChangeKind::Added ? Green : Red);
    }
    rule("└", "┴", "┘");
  }

  void security(const TemplateDiff& diff) {
    if (!diff.has_security_changes()) return;
    auto sign = [](ChangeKind k) { return std::string{k == ChangeKind::Added ? "+" : "-"}; };
    if (!diff.iam_statements.empty()) {
      heading("IAM Statement Changes");
      std::vector<std::pair<ChangeKind, std::vector<std::string>>> rows;
      for (const auto& r : diff.iam_statements)
        rows.push_back({r.kind, {sign(r.kind), r.resource, r.effect, r.action, r.principal, r.condition}});
      table({"", "Resource", "Effect", "Action", "Principal", "Condition"}, rows);
    }
    if (!diff.managed_policies.empty()) {
      heading("IAM Policy Changes");
      std::vector<std::pair<ChangeKind, std::vector<std::string>>> rows;
      for (const auto& r : diff.managed_policies) rows.push_back({r.kind, {sign(r.kind), r.resource, r.arn}});
      table({"", "Resource", "Managed Policy ARN"}, rows);
    }
    if (!diff.security_group_rules.empty()) {
      heading("Security Group Changes");
      std::vector<std::pair<ChangeKind, std::vector<std::string>>> rows;
      for (const auto& r : diff.security_group_rules)
        rows.push_back({r.kind, {sign(r.kind), r.group, r.direction, r.protocol, r.peer}});
      table({"", "Group", "Dir", "Protocol", "Peer"}, rows);
    }
    out_ << s_(Yellow, "(NOTE: There may be security-related changes not in this list.)") << "\n\n";
  }

  // The tree under an entry: one branch per change, old and new value below it.
  void details(const std::vector<ValueChange>& changes, bool with_impact) {
    for (std::size_t i = 0; i < changes.size(); ++i) {
      const auto& c = changes[i];
      const bool last = i + 1 == changes.size();
      std::string note;
      if (with_impact && c.impact == Impact::Replace) note = " (requires replacement";
      if (with_impact && c.impact == Impact::MayReplace) note = " (may cause replacement";
      if (!note.empty()) note += (c.reason.empty() ? "" : ": " + c.reason) + ")";
      else if (!c.reason.empty()) note = " (" + c.reason + ")";
      out_ << ' ' << (last ? "└" : "├") << "─ " << tag(s_, c.kind) << ' ' << c.path
           << (note.empty() ? "" : s_(c.impact == Impact::Replace ? Red : Yellow, note)) << '\n';
      const std::string indent = last ? "    " : " │  ";
      if (c.kind == ChangeKind::Updated && c.old_value == c.new_value) {
        out_ << indent << " └─ " << shown(c.new_value) << '\n';
      } else if (c.kind == ChangeKind::Updated) {
        out_ << indent << " ├─ " << tag(s_, ChangeKind::Removed) << ' ' << s_(Red, shown(c.old_value)) << '\n';
        out_ << indent << " └─ " << tag(s_, ChangeKind::Added) << ' ' << s_(Green, shown(c.new_value)) << '\n';
      } else if (c.kind == ChangeKind::Added) {
        out_ << indent << " └─ " << s_(Green, shown(c.new_value)) << '\n';
      } else {
        out_ << indent << " └─ " << s_(Red, shown(c.old_value)) << '\n';
      }
    }
  }

  void entries(std::string_view title, std::string_view type, const std::vector<EntryChange>& changes) {
    if (changes.empty()) return;
    heading(title);
    for (const auto& c : changes) {
      out_ << tag(s_, c.kind) << ' ' << s_(Cyan, type) << (type.empty() ? "" : " ") << c.id;
      if (c.kind == ChangeKind::Added) out_ << ": " << s_(Green, shown(c.new_value));
      if (c.kind == ChangeKind::Removed) out_ << ": " << s_(Red, shown(c.old_value));
      // A scalar (Description, a condition's value) reads best on one line.
      const bool whole = c.kind == ChangeKind::Updated && c.details.size() == 1 && c.details[0].path.empty();
      if (whole) out_ << ": " << s_(Red, shown(c.old_value)) << " to " << s_(Green, shown(c.new_value));
      if (c.old_export != c.new_export) {
        if (c.new_export.empty()) out_ << s_(Yellow, "  (export " + shown(c.old_export) + " removed)");
        else if (c.old_export.empty()) out_ << s_(Green, "  (export " + shown(c.new_export) + " added)");
        else out_ << s_(Yellow, "  (export renamed from " + shown(c.old_export) + " to " + shown(c.new_export) + ")");
      }
      out_ << '\n';
      if (c.kind == ChangeKind::Updated && !whole) details(c.details, false);
    }
    out_ << '\n';
  }

  void resources(const std::vector<ResourceChange>& changes) {
    if (changes.empty()) return;
    heading("Resources");
    for (const auto& r : changes) {
      out_ << tag(s_, r.kind) << ' ' << s_(Cyan, r.kind == ChangeKind::Removed ? r.old_type : r.new_type) << ' ';
      if (!r.construct_path.empty()) out_ << short_path(r.construct_path) << ' ' << s_(Grey, r.logical_id);
      else out_ << r.logical_id;
      switch (r.impact) {
        case Impact::Replace: out_ << ' ' << s_(ReplaceStyle, "replace"); break;
        case Impact::MayReplace: out_ << ' ' << s_(MayReplaceStyle, "may be replaced"); break;
        case Impact::Destroy: out_ << ' ' << s_(ReplaceStyle, "destroy"); break;
        case Impact::Orphan: out_ << ' ' << s_(MayReplaceStyle, "orphan"); break;
        default: break;
      }
      if (!r.schema_known) out_ << s_(Grey, " (type not in the schemas: replacement unknown)");
      out_ << '\n';
      if (r.type_changed()) {
        out_ << " └─ " << tag(s_, ChangeKind::Updated) << " Type " << s_(Red, "(requires replacement)") << '\n';
        out_ << "     ├─ " << tag(s_, ChangeKind::Removed) << ' ' << s_(Red, r.old_type) << '\n';
        out_ << "     └─ " << tag(s_, ChangeKind::Added) << ' ' << s_(Green, r.new_type) << '\n';
        continue;
      }
      std::vector<ValueChange> all = r.properties;
      all.insert(all.end(), r.attributes.begin(), r.attributes.end());
      details(all, true);
    }
    out_ << '\n';
  }

  void template_diff(const TemplateDiff& diff) {
    security(diff);
    if (options_.security_only) return;
    entries("Template", "", diff.template_fields);
    entries("Parameters", "Parameter", diff.parameters);
    entries("Metadata", "Metadata", diff.metadata);
    entries("Mappings", "Mapping", diff.mappings);
    entries("Conditions", "Condition", diff.conditions);
    entries("Rules", "Rule", diff.rules);
    resources(diff.resources);
    entries("Outputs", "Output", diff.outputs);
    entries("Other Changes", "Unknown", diff.other);
  }

  std::ostream& out() { return out_; }
  const Style& style() const { return s_; }

 private:
  static std::size_t utf8_length(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
  }

  std::ostream& out_;
  Style s_;
  RenderOptions options_;
};

}  // namespace

void render_text(std::ostream& out, const TemplateDiff& diff, const RenderOptions& options) {
  Printer printer{out, options};
  if (diff.empty()) {
    if (!options.quiet) out << "There were no differences\n";
    return;
  }
  printer.template_diff(diff);
}

void render_text(std::ostream& out, const AssemblyDiff& diff, const RenderOptions& options) {
  Printer printer{out, options};
  const Style& s = printer.style();
  std::size_t differing = 0;
  for (const auto& stack : diff.stacks) {
    const bool differs = stack.status != StackDiff::Status::Unchanged;
    if (differs) ++differing;
    if (!differs && options.quiet) continue;
    if (options.security_only && !stack.diff.has_security_changes() && options.quiet) continue;
    out << "Stack " << s("1", stack.display_name);
    if (stack.stack_name != stack.display_name) out << " (" << stack.stack_name << ')';
    if (stack.status == StackDiff::Status::Added) out << ' ' << s(Green, "(new stack)");
    if (stack.status == StackDiff::Status::Removed) out << ' ' << s(Red, "(removed: every resource is destroyed)");
    out << '\n';
    if (!differs) {
      out << "There were no differences\n\n";
      continue;
    }
    printer.template_diff(stack.diff);
    if (options.security_only && !stack.diff.has_security_changes()) out << "There were no security-related changes\n\n";
  }
  out << "\nNumber of stacks with differences: " << differing << '\n';
}

}  // namespace cdk::tools
