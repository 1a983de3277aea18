// Architecture diagrams of CloudFormation templates and cloud assemblies: the resources
// of each stack and their references (Ref, Fn::GetAtt, Fn::Sub, DependsOn, and
// Fn::ImportValue across the stacks of an assembly) as Graphviz DOT, grouped by
// construct path, and rendered to SVG by Graphviz's `dot` when it is installed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cdk::tools {

/// Graphviz's rankdir: where references point. BottomTop (the default) puts what is
/// referenced above what refers to it: the VPC above its subnets, the subnets above the
/// auto scaling group, as architects draw a network from the outside in.
enum class DiagramDirection { BottomTop, TopBottom, LeftRight, RightLeft };

struct DiagramOptions {
  /// Stacks to draw, each an artifact id, a stack name or a display name ("Prod/Api");
  /// empty: every stack. An unknown one is [cdk.diagram.UnknownStack].
  std::vector<std::string> stacks;
  /// Everything, noise included: CDKMetadata, the BootstrapVersion parameter, the outputs
  /// CDK adds for cross-stack references, and the association resources that are drawn
  /// as an edge by default (subnet -> route table, gateway attachment). Default false.
  bool all = false;
  /// Parameters as input nodes, with an edge from each resource that reads one. Default true.
  bool parameters = true;
  /// Outputs as nodes, with an edge to what each one reads. Default true.
  bool outputs = true;
  /// DependsOn edges (dashed) where no reference already links the two. Default true.
  bool depends_on = true;
  DiagramDirection direction = DiagramDirection::BottomTop;
  /// The graph's caption; empty: none (each stack's box carries its name).
  std::string title;
};

/// The DOT text of the stacks of `inputs`: template files (JSON or YAML) and cloud
/// assembly folders (cdk.out, stage assemblies included), drawn together so that imports
/// between them are edges. Same input, same bytes. Errors: those of reading the inputs
/// ([cdk.template.ReadError], [cdk.template.ParseError], [cdk.assembly.Invalid]) and
/// [cdk.diagram.UnknownStack].
std::string diagram_dot(const std::vector<std::string>& inputs, const DiagramOptions& options = {});

struct RenderOptions {
  std::string format = "svg";  // any output format of `dot -T`: svg, png, pdf
  std::string program = "dot";  // looked up on PATH unless it holds a '/'
};

/// Runs Graphviz (without a shell) over `dot` and returns what it wrote. Errors:
/// [cdk.diagram.GraphvizMissing] when the program cannot be found,
/// [cdk.diagram.GraphvizFailed] when it fails (its messages in the error).
std::string render_dot(std::string_view dot, const RenderOptions& options = {});

/// Writes `content` to `path` atomically: a temporary file beside it, then a rename, so
/// that a reader never sees half a file and a failure leaves the old one.
/// [cdk.diagram.WriteError] when it cannot.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace cdk::tools
