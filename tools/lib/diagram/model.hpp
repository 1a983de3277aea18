// The diagram before it is DOT: nodes (resources, parameters, outputs, imports from
// outside), edges between them and the boxes (clusters) that group them: one per stack,
// one per stage holding several stacks, one per construct holding several nodes.
// Everything is in template order, so that the same input gives the same drawing.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cdk/tools/diagram.hpp"
#include "stack_templates.hpp"

namespace cdk::tools::diagram {

/// The colour and shape of a node, after the AWS service families architects know.
enum class Family { Network, Compute, Security, Storage, Database, Integration, Analytics, Management, Other };

enum class NodeKind { Resource, Parameter, Output, External };

struct Node {
  std::string id;          // the DOT id: "<stack display name>/<logical id>"
  NodeKind kind = NodeKind::Resource;
  std::string stack;       // the stack's display name ("" for an External node)
  std::string logical_id;  // the external's export name for an External node
  std::string type;        // the CloudFormation type; a parameter's Type; "" for outputs
  std::string name;        // what the label says first: the construct id, or the logical id
  std::string caption;     // the label's second line: "Subnet", "NAT gateway", "SSM parameter"
  std::string detail;      // a third line when useful: an SSM parameter's name, an export's name
  std::string path;        // the construct path (stack included) when known, for the tooltip
  Family family = Family::Other;
  std::string subnet_kind;  // a subnet's "Public", "Private" or "Isolated", else ""
};

enum class EdgeKind {
  Reference,    // Ref, Fn::GetAtt, Fn::Sub: `from` reads `to`
  DependsOn,    // `from` is created after `to`, without reading it
  Import,       // Fn::ImportValue of an export of `to` (or of an output `to`)
  Association,  // a folded association resource: subnet -> route table, VPC -> gateway
};

struct Edge {
  std::size_t from = 0;
  std::size_t to = 0;
  EdgeKind kind = EdgeKind::Reference;
  std::string how;  // for the tooltip: "Ref", "Fn::GetAtt Arn", "DependsOn", the export name
};

enum class ClusterKind { Stage, Stack, Construct };

struct Cluster {
  std::string id;     // the DOT id: "cluster:<path>"
  ClusterKind kind = ClusterKind::Construct;
  std::string label;  // the construct id ("PublicSubnet1"), a stack's display name
  std::string path;   // the construct path, for the tooltip
  std::vector<std::size_t> nodes;  // directly inside, in template order
  std::vector<Cluster> clusters;   // nested, in the order of their first node
};

struct Diagram {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::vector<Cluster> clusters;  // top level: stages and stacks
  /// Finds a node by stack display name and logical id; nullptr when not drawn.
  const Node* find(std::string_view stack, std::string_view logical_id) const;
};

/// Builds the diagram of `stacks` (errors: [cdk.diagram.UnknownStack]).
Diagram build_diagram(const std::vector<StackTemplate>& stacks, const DiagramOptions& options);

/// The DOT text of a diagram.
std::string to_dot(const Diagram& diagram, const DiagramOptions& options);

}  // namespace cdk::tools::diagram
