// The diagram as DOT text, styled after AWS's architecture drawings: a dark box per stack,
// a purple one per VPC, green public and teal private subnets, dashed orange auto scaling
// groups, nodes tinted by service family.
#include <cctype>
#include <string>

#include "diagram/dot_text.hpp"
#include "diagram/families.hpp"
#include "diagram/model.hpp"

namespace cdk::tools::diagram {

namespace {

constexpr std::string_view font = "Helvetica";
constexpr std::string_view ink = "#232F3E";        // AWS's squid ink: stacks and titles
constexpr std::string_view secondary = "#545B64";  // captions, reference edges
constexpr std::string_view faint = "#879196";      // details, DependsOn edges

std::string_view rankdir(DiagramDirection direction) {
  switch (direction) {
    case DiagramDirection::TopBottom: return "TB";
    case DiagramDirection::LeftRight: return "LR";
    case DiagramDirection::RightLeft: return "RL";
    case DiagramDirection::BottomTop: break;
  }
  return "BT";
}

// <b>name</b>, then the caption and a detail in smaller grey type.
std::string label(std::string_view name, std::string_view caption, std::string_view detail, int name_size = 0) {
  std::string out = "<";
  if (name_size > 0) out += "<font point-size=\"" + std::to_string(name_size) + "\">";
  out += "<b>" + html_text(name) + "</b>";
  if (name_size > 0) out += "</font>";
  if (!caption.empty())
    out += "<br/><font point-size=\"9\" color=\"" + std::string{secondary} + "\">" + html_text(caption) + "</font>";
  if (!detail.empty())
    out += "<br/><font point-size=\"8\" color=\"" + std::string{faint} + "\">" + html_text(detail) + "</font>";
  return out + ">";
}

// "NATGateway" and "NAT gateway" are the same words.
bool same_words(std::string_view a, std::string_view b) {
  auto next = [](std::string_view s, std::size_t& i) -> int {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    return i < s.size() ? std::tolower(static_cast<unsigned char>(s[i++])) : -1;
  };
  std::size_t i = 0, j = 0;
  while (true) {
    const int x = next(a, i), y = next(b, j);
    if (x != y) return false;
    if (x < 0) return true;
  }
}

class Writer {
 public:
  Writer(const Diagram& diagram, const DiagramOptions& options) : diagram_(diagram), options_(options) {}

  std::string write() {
    out_ += "// Drawn by `cdkpp diagram`; render with: dot -Tsvg -o diagram.svg <this file>\n";
    out_ += "digraph \"cdkpp\" {\n";
    out_ += "  graph [rankdir=" + std::string{rankdir(options_.direction)} +
            ", newrank=true, compound=true, splines=true, nodesep=0.35, ranksep=0.55, pad=0.4"
            ", fontname=\"" + std::string{font} + "\", fontsize=12, fontcolor=\"" + std::string{ink} +
            "\", labelloc=t, labeljust=l";
    if (!options_.title.empty()) out_ += ", label=" + label(options_.title, "", "", 16);
    out_ += "];\n";
    out_ += "  node [fontname=\"" + std::string{font} +
            "\", fontsize=11, shape=box, style=\"rounded,filled\", penwidth=1.2, margin=\"0.14,0.06\"];\n";
    out_ += "  edge [fontname=\"" + std::string{font} + "\", fontsize=9, color=\"" + std::string{secondary} +
            "\", arrowsize=0.7];\n";
    // Nodes outside every box: imports from stacks that are not drawn.
    for (std::size_t n = 0; n < diagram_.nodes.size(); ++n)
      if (diagram_.nodes[n].kind == NodeKind::External) write_node(n, 1);
    for (const auto& cluster : diagram_.clusters) write_cluster(cluster, 1);
    for (const auto& edge : diagram_.edges) write_edge(edge);
    out_ += "}\n";
    return std::move(out_);
  }

 private:
  void indent(int depth) { out_.append(static_cast<std::size_t>(depth) * 2, ' '); }

  // What a construct's box looks like follows from what it holds directly.
  void cluster_style(const Cluster& cluster) {
    std::string caption;
    std::string_view colour = "#AAB7B8", fill = "", style = "rounded";
    std::string_view penwidth = "1";
    if (cluster.kind == ClusterKind::Stage) {
      caption = "stage";
      colour = ink;
      style = "rounded,dashed";
    } else if (cluster.kind == ClusterKind::Stack) {
      caption = "stack";
      colour = ink;
      penwidth = "1.6";
    } else {
      for (std::size_t n : cluster.nodes) {
        const Node& node = diagram_.nodes[n];
        if (node.type == "AWS::EC2::VPC") {
          caption = "VPC", colour = "#8C4FFF", penwidth = "1.4";
          break;
        }
        if (node.type == "AWS::EC2::Subnet") {
          const bool is_public = node.subnet_kind == "Public";
          caption = node.subnet_kind.empty() ? "subnet" : node.subnet_kind + " subnet";
          colour = is_public ? "#7AA116" : "#00A4A6";
          fill = is_public ? "#F2F7E8" : "#E6F6F6";
          style = "rounded,filled";
          break;
        }
        if (node.type == "AWS::AutoScaling::AutoScalingGroup") {
          caption = "Auto Scaling group", colour = "#ED7100", style = "rounded,dashed", penwidth = "1.4";
          break;
        }
      }
    }
    // Graphviz turns "t" over with the ranks: a box's name goes where the drawing starts.
    const std::string_view labelloc = options_.direction == DiagramDirection::BottomTop ? "b" : "t";
    std::string text = "<<b>" + html_text(cluster.label) + "</b>";
    if (!caption.empty())
      text += "  <font point-size=\"9\" color=\"" + std::string{secondary} + "\">" + html_text(caption) + "</font>";
    text += ">";
    out_ += "graph [label=" + text + ", labelloc=" + std::string{labelloc} +
            ", tooltip=" + dot_quoted(cluster.path) +
            ", style=\"" + std::string{style} + "\", color=\"" + std::string{colour} + "\", penwidth=" +
            std::string{penwidth};
    if (!fill.empty()) out_ += ", fillcolor=\"" + std::string{fill} + "\"";
    out_ += "];\n";
  }

  void write_cluster(const Cluster& cluster, int depth) {
    indent(depth);
    out_ += "subgraph " + dot_quoted(cluster.id) + " {\n";
    indent(depth + 1);
    cluster_style(cluster);
    for (std::size_t n : cluster.nodes) write_node(n, depth + 1);
    for (const auto& nested : cluster.clusters) write_cluster(nested, depth + 1);
    indent(depth);
    out_ += "}\n";
  }

  void write_node(std::size_t n, int depth) {
    const Node& node = diagram_.nodes[n];
    indent(depth);
    // "Subnet" over "Subnet" says it twice: the caption alone then names it.
    if (same_words(node.name, node.caption))
      out_ += dot_quoted(node.id) + " [label=" + label(node.caption, "", node.detail);
    else
      out_ += dot_quoted(node.id) + " [label=" + label(node.name, node.caption, node.detail);
    std::string tooltip;
    switch (node.kind) {
      case NodeKind::Resource: {
        const auto& style = style_of(node.family);
        out_ += ", shape=" + std::string{style.shape} + ", color=\"" + std::string{style.colour} +
                "\", fillcolor=\"" + std::string{style.fill} + "\"";
        tooltip = node.logical_id + " (" + node.type + ")";
        if (!node.path.empty()) tooltip += "\n" + node.path;
        break;
      }
      case NodeKind::Parameter:
        out_ += ", style=\"rounded,filled,dashed\", color=\"#5F6B7A\", fillcolor=\"#FFFFFF\"";
        tooltip = "Parameter " + node.logical_id + (node.type.empty() ? "" : " (" + node.type + ")");
        break;
      case NodeKind::Output:
        out_ += ", shape=note, style=filled, color=\"#5F6B7A\", fillcolor=\"#FFFFFF\"";
        tooltip = "Output " + node.logical_id;
        break;
      case NodeKind::External:
        out_ += ", style=\"rounded,dashed\", color=\"#0972D3\"";
        tooltip = "Fn::ImportValue " + node.logical_id;
        break;
    }
    out_ += ", tooltip=" + dot_quoted(tooltip) + "];\n";
  }

  void write_edge(const Edge& edge) {
    out_ += "  " + dot_quoted(diagram_.nodes[edge.from].id) + " -> " + dot_quoted(diagram_.nodes[edge.to].id) + " [";
    switch (edge.kind) {
      case EdgeKind::Reference: break;
      case EdgeKind::DependsOn:
        out_ += "style=dashed, color=\"" + std::string{faint} + "\", arrowhead=empty, ";
        break;
      case EdgeKind::Import:
        out_ += "color=\"#0972D3\", penwidth=1.8, label=\"import\", fontcolor=\"#0972D3\", ";
        break;
      case EdgeKind::Association:
        out_ += "color=\"#8C4FFF\", arrowhead=none, ";
        break;
    }
    out_ += "tooltip=" + dot_quoted(edge.how) + "];\n";
  }

  const Diagram& diagram_;
  const DiagramOptions& options_;
  std::string out_;
};

}  // namespace

std::string to_dot(const Diagram& diagram, const DiagramOptions& options) { return Writer{diagram, options}.write(); }

}  // namespace cdk::tools::diagram
