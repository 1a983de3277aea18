#include "diagram/model.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "cdk/errors.hpp"
#include "diagram/construct_paths.hpp"
#include "diagram/families.hpp"
#include "diagram/references.hpp"

namespace cdk::tools::diagram {

namespace {

using synth::Json;

const Json* member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string string_member(const Json& object, std::string_view key) {
  const auto* value = member(object, key);
  return value && value->is_string() ? value->get<std::string>() : std::string{};
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = s.find(sep, start);
    parts.emplace_back(s.substr(start, at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts, std::size_t from, std::size_t to, std::string_view sep) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += sep;
    out += parts[i];
  }
  return out;
}

/// CDK's logical ids end in 8 upper-case hex digits of a hash ("NewsBlogVPCC925B703"):
/// a label reads better without them (the tooltip keeps the whole id).
std::string readable_logical_id(const std::string& id) {
  if (id.size() <= 8) return id;
  const std::string_view tail = std::string_view{id}.substr(id.size() - 8);
  const bool hex = std::all_of(tail.begin(), tail.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'F'); });
  const bool digit = std::any_of(tail.begin(), tail.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  return hex && digit ? id.substr(0, id.size() - 8) : id;
}

// A resource drawn as an edge between two others by default: its two ends are Refs.
struct Fold {
  std::string_view type;
  std::string_view from;                 // property holding the Ref of the edge's tail
  std::vector<std::string_view> to;      // property (the first present) of the edge's head
};

const std::vector<Fold>& folds() {
  static const std::vector<Fold> table{
      {"AWS::EC2::SubnetRouteTableAssociation", "SubnetId", {"RouteTableId"}},
      {"AWS::EC2::SubnetNetworkAclAssociation", "SubnetId", {"NetworkAclId"}},
      {"AWS::EC2::VPCGatewayAttachment", "VpcId", {"InternetGatewayId", "VpnGatewayId"}},
  };
  return table;
}

std::optional<std::string> ref_target(const Json& properties, std::string_view key) {
  const auto* value = member(properties, key);
  if (!value || !value->is_object() || value->size() != 1) return std::nullopt;
  const auto* ref = member(*value, "Ref");
  if (!ref || !ref->is_string()) return std::nullopt;
  return ref->get<std::string>();
}

bool is_noise_parameter(const std::string& id, const Json& parameter) {
  return id == "BootstrapVersion" || string_member(parameter, "Description").find("[cdk:skip]") != std::string::npos;
}

bool is_cdk_export_output(const std::string& id) { return id.rfind("ExportsOutput", 0) == 0; }

std::string subnet_kind_of(const Json& properties) {
  if (const auto* tags = member(properties, "Tags"); tags && tags->is_array()) {
    for (const auto& tag : *tags)
      if (string_member(tag, "Key") == "aws-cdk:subnet-type") return string_member(tag, "Value");
  }
  const auto* public_ip = member(properties, "MapPublicIpOnLaunch");
  return public_ip && public_ip->is_boolean() && public_ip->get<bool>() ? "Public" : "Private";
}

// A short fact an architect writes beside some resources: a CIDR block, an instance type,
// an auto scaling group's capacity. Only literals: tokens say nothing on a drawing.
std::string detail_of(const std::string& type, const Json& properties) {
  auto literal = [&](const Json& object, std::string_view key) -> std::string {
    const auto* value = member(object, key);
    if (!value) return {};
    if (value->is_string()) return value->get<std::string>();
    if (value->is_number_integer()) return std::to_string(value->get<long long>());
    return {};
  };
  if (type == "AWS::EC2::VPC" || type == "AWS::EC2::Subnet") return literal(properties, "CidrBlock");
  if (type == "AWS::EC2::Instance") return literal(properties, "InstanceType");
  if (type == "AWS::EC2::LaunchTemplate") {
    const auto* data = member(properties, "LaunchTemplateData");
    return data ? literal(*data, "InstanceType") : std::string{};
  }
  if (type == "AWS::AutoScaling::AutoScalingGroup") {
    const std::string min = literal(properties, "MinSize"), max = literal(properties, "MaxSize");
    if (min.empty() || max.empty()) return {};
    return min == max ? "capacity " + min : "capacity " + min + "\u2013" + max;
  }
  if (type == "AWS::S3::Bucket") return literal(properties, "BucketName");
  return {};
}

// The construct tree of one stack, as far as its drawn nodes reveal it.
struct Trie {
  std::vector<std::string> path;  // components below the stack
  struct Entry {
    std::size_t node = 0;
    Trie* child = nullptr;
  };
  std::vector<Entry> entries;  // nodes and children in the order they first appear
  std::map<std::string, std::unique_ptr<Trie>, std::less<>> children;
  std::size_t count = 0;  // drawn nodes in this subtree

  void insert(const std::vector<std::string>& owner, std::size_t depth, std::size_t node) {
    ++count;
    if (depth == owner.size()) {
      entries.push_back({node, nullptr});
      return;
    }
    auto& child = children[owner[depth]];
    if (!child) {
      child = std::make_unique<Trie>();
      child->path.assign(owner.begin(), owner.begin() + static_cast<std::ptrdiff_t>(depth) + 1);
      entries.push_back({0, child.get()});
    }
    child->insert(owner, depth + 1, node);
  }

  void collect(std::vector<std::size_t>& out) const {
    for (const auto& entry : entries) {
      if (entry.child)
        entry.child->collect(out);
      else
        out.push_back(entry.node);
    }
  }
};

struct Export {
  std::size_t stack = 0;  // index into the input stacks
  std::string output;     // the output's logical id
  std::vector<std::string> targets;  // what its value reads, in order
};

struct PendingImport {
  std::size_t from = 0;
  std::size_t stack = 0;  // the importing stack
  const Json* name = nullptr;
};

class Builder {
 public:
  Builder(const std::vector<StackTemplate>& stacks, const DiagramOptions& options)
      : stacks_(stacks), options_(options) {}

  Diagram build() {
    select_stacks();
    collect_exports();
    for (std::size_t s : selected_) add_stack(s);
    resolve_imports();
    build_clusters();
    return std::move(diagram_);
  }

 private:
  struct StackState {
    std::map<std::string, std::size_t, std::less<>> nodes;   // logical id -> node
    std::map<std::string, std::vector<std::string>, std::less<>> owners;  // node logical id -> owner components
    std::set<std::string, std::less<>> folded;
    std::unique_ptr<Trie> trie = std::make_unique<Trie>();
  };

  void select_stacks() {
    if (options_.stacks.empty()) {
      for (std::size_t i = 0; i < stacks_.size(); ++i) selected_.push_back(i);
      return;
    }
    std::set<std::size_t> chosen;
    for (const auto& wanted : options_.stacks) {
      bool found = false;
      for (std::size_t i = 0; i < stacks_.size(); ++i) {
        const auto& s = stacks_[i];
        if (s.artifact_id == wanted || s.stack_name == wanted || s.display_name == wanted) {
          chosen.insert(i);
          found = true;
        }
      }
      if (!found) {
        std::string names;
        for (const auto& s : stacks_) names += (names.empty() ? "" : ", ") + s.display_name;
        throw Error(errc::DiagramUnknownStack, wanted, "no stack has this id, name or display name; the stacks are: " + names);
      }
    }
    selected_.assign(chosen.begin(), chosen.end());  // input order, whatever the order asked
  }

  void collect_exports() {
    for (std::size_t s = 0; s < stacks_.size(); ++s) {
      const auto* outputs = member(stacks_[s].body, "Outputs");
      if (!outputs || !outputs->is_object()) continue;
      for (const auto& [id, output] : outputs->items()) {
        const auto* exported = member(output, "Export");
        const auto* name = exported ? member(*exported, "Name") : nullptr;
        if (!name) continue;
        const auto text = static_string(*name, stacks_[s].stack_name);
        if (!text) continue;
        Export e{s, id, {}};
        std::vector<Reference> refs;
        if (const auto* value = member(output, "Value")) collect_references(*value, refs);
        for (const auto& ref : refs)
          if (ref.kind != Reference::Kind::Import) e.targets.push_back(ref.target);
        exports_.try_emplace(*text, std::move(e));
      }
    }
  }

  std::size_t add_node(Node node) {
    diagram_.nodes.push_back(std::move(node));
    return diagram_.nodes.size() - 1;
  }

  void add_edge(std::size_t from, std::size_t to, EdgeKind kind, const std::string& how) {
    if (from == to) return;
    for (auto& edge : diagram_.edges) {
      if (edge.from != from || edge.to != to) continue;
      if (edge.kind == kind) {
        if (edge.how.find(how) == std::string::npos) edge.how += ", " + how;
        return;
      }
      if (kind == EdgeKind::DependsOn) return;  // already linked by something stronger
    }
    diagram_.edges.push_back({from, to, kind, how});
  }

  // Which association resources become edges: both ends must be resources that are drawn.
  std::set<std::string, std::less<>> folded_resources(const Json& resources) {
    std::set<std::string, std::less<>> folded;
    if (options_.all) return folded;
    auto drawn = [&](const std::string& id) {
      const auto* target = member(resources, id);
      if (!target) return false;
      const std::string type = string_member(*target, "Type");
      if (type == "AWS::CDK::Metadata") return false;
      return std::none_of(folds().begin(), folds().end(), [&](const Fold& f) { return f.type == type; });
    };
    for (const auto& [id, resource] : resources.items()) {
      const std::string type = string_member(resource, "Type");
      for (const auto& fold : folds()) {
        if (fold.type != type) continue;
        const auto* properties = member(resource, "Properties");
        if (!properties) continue;
        const auto from = ref_target(*properties, fold.from);
        std::optional<std::string> to;
        for (auto key : fold.to)
          if (!to) to = ref_target(*properties, key);
        if (from && to && drawn(*from) && drawn(*to)) folded.insert(id);
      }
    }
    return folded;
  }

  std::vector<std::string> owner_of(const std::string& path, const std::vector<std::string>& stack_path) {
    auto parts = split(path, '/');
    std::size_t skip = 0;
    if (parts.size() > stack_path.size() && std::equal(stack_path.begin(), stack_path.end(), parts.begin()))
      skip = stack_path.size();
    else if (parts.size() > 1)
      skip = 1;  // a template read on its own: its first component is the stack's
    std::vector<std::string> owner(parts.begin() + static_cast<std::ptrdiff_t>(skip), parts.end());
    // An L2 construct's main resource is its child "Resource" (or "Default"): it is drawn
    // as the construct itself.
    if (!owner.empty() && (owner.back() == "Resource" || owner.back() == "Default")) owner.pop_back();
    return owner;
  }

  void add_stack(std::size_t s) {
    const StackTemplate& stack = stacks_[s];
    StackState& state = states_[s];
    const auto paths = construct_paths(stack);
    const auto stack_path = split(stack.display_name, '/');
    const Json empty = Json::object();
    const Json* parameters = member(stack.body, "Parameters");
    const Json* resources = member(stack.body, "Resources");
    const Json* outputs = member(stack.body, "Outputs");
    if (!parameters || !parameters->is_object()) parameters = &empty;
    if (!resources || !resources->is_object()) resources = &empty;
    if (!outputs || !outputs->is_object()) outputs = &empty;
    state.folded = folded_resources(*resources);

    auto base = [&](NodeKind kind, const std::string& id) {
      Node node;
      node.id = stack.display_name + "/" + id;
      node.kind = kind;
      node.stack = stack.display_name;
      node.logical_id = id;
      node.name = readable_logical_id(id);
      return node;
    };

    if (options_.parameters) {
      for (const auto& [id, parameter] : parameters->items()) {
        if (!options_.all && is_noise_parameter(id, parameter)) continue;
        Node node = base(NodeKind::Parameter, id);
        node.type = string_member(parameter, "Type");
        const std::string default_value = string_member(parameter, "Default");
        if (node.type.rfind("AWS::SSM::Parameter::Value<", 0) == 0) {
          node.caption = "SSM parameter";
          if (!default_value.empty()) {
            node.detail = default_value;
            // CDK names these after the SSM parameter ("SsmParameterValue...Parameter"):
            // its last path segment says more.
            if (id.rfind("SsmParameterValue", 0) == 0) node.name = split(default_value, '/').back();
          }
        } else {
          node.caption = "Parameter" + (node.type.empty() ? std::string{} : " (" + node.type + ")");
        }
        state.nodes.emplace(id, add_node(std::move(node)));
      }
    }

    for (const auto& [id, resource] : resources->items()) {
      const std::string type = string_member(resource, "Type");
      if (!options_.all && type == "AWS::CDK::Metadata") continue;
      if (state.folded.contains(id)) continue;
      Node node = base(NodeKind::Resource, id);
      node.type = type;
      node.caption = friendly_type(type);
      node.family = family_of(type);
      const Json* properties = member(resource, "Properties");
      if (properties) {
        node.detail = detail_of(type, *properties);
        if (type == "AWS::EC2::Subnet") node.subnet_kind = subnet_kind_of(*properties);
      }
      if (auto path = paths.find(id); path != paths.end()) {
        node.path = path->second;
        state.owners.emplace(id, owner_of(path->second, stack_path));
      }
      state.nodes.emplace(id, add_node(std::move(node)));
    }

    std::vector<std::pair<std::string, std::size_t>> output_nodes;
    if (options_.outputs) {
      for (const auto& [id, output] : outputs->items()) {
        if (!options_.all && is_cdk_export_output(id)) continue;
        Node node = base(NodeKind::Output, id);
        node.name = id;  // outputs are named by people; no hash to drop
        const auto* exported = member(output, "Export");
        const auto* name = exported ? member(*exported, "Name") : nullptr;
        node.caption = name ? "Export" : "Output";
        if (name) node.detail = static_string(*name, stack.stack_name).value_or("");
        const std::size_t index = add_node(std::move(node));
        state.nodes.emplace(id, index);
        output_nodes.emplace_back(id, index);
      }
    }

    // Edges, in template order: each resource's references, then its DependsOn.
    for (const auto& [id, resource] : resources->items()) {
      if (state.folded.contains(id)) {
        add_fold_edge(state, resource, id);
        continue;
      }
      const auto self = state.nodes.find(id);
      if (self == state.nodes.end()) continue;
      for (const auto& [key, value] : resource.items()) {
        if (key == "Type" || key == "DependsOn" || key == "Condition") continue;
        add_reference_edges(s, self->second, value);
      }
      if (!options_.depends_on) continue;
      const auto* depends = member(resource, "DependsOn");
      if (!depends) continue;
      std::vector<std::string> targets;
      if (depends->is_string()) targets.push_back(depends->get<std::string>());
      if (depends->is_array())
        for (const auto& t : *depends)
          if (t.is_string()) targets.push_back(t.get<std::string>());
      for (const auto& target : targets)
        if (auto to = state.nodes.find(target); to != state.nodes.end())
          add_edge(self->second, to->second, EdgeKind::DependsOn, "DependsOn");
    }
    for (const auto& [id, index] : output_nodes) {
      if (const auto* value = member((*outputs)[id], "Value")) add_reference_edges(s, index, *value);
    }
  }

  void add_fold_edge(StackState& state, const Json& resource, const std::string& id) {
    const std::string type = string_member(resource, "Type");
    const Json& properties = (resource)["Properties"];
    for (const auto& fold : folds()) {
      if (fold.type != type) continue;
      const auto from = ref_target(properties, fold.from);
      std::optional<std::string> to;
      for (auto key : fold.to)
        if (!to) to = ref_target(properties, key);
      const auto a = state.nodes.find(*from);
      const auto b = state.nodes.find(*to);
      if (a != state.nodes.end() && b != state.nodes.end())
        add_edge(a->second, b->second, EdgeKind::Association, friendly_type(type) + " " + id);
    }
  }

  void add_reference_edges(std::size_t s, std::size_t from, const Json& value) {
    std::vector<Reference> refs;
    collect_references(value, refs);
    const StackState& state = states_[s];
    for (const auto& ref : refs) {
      if (ref.kind == Reference::Kind::Import) {
        imports_.push_back({from, s, ref.import_name});
        continue;
      }
      const auto to = state.nodes.find(ref.target);
      if (to == state.nodes.end()) continue;  // hidden, folded, or a name that is not drawn
      std::string how = ref.kind == Reference::Kind::Ref      ? "Ref"
                        : ref.kind == Reference::Kind::GetAtt ? "Fn::GetAtt " + ref.attribute
                        : ref.attribute.empty()               ? "Fn::Sub ${" + ref.target + "}"
                                                              : "Fn::Sub ${" + ref.target + "." + ref.attribute + "}";
      add_edge(from, to->second, EdgeKind::Reference, how);
    }
  }

  std::size_t external_node(const std::string& key, Node node) {
    if (auto it = externals_.find(key); it != externals_.end()) return it->second;
    node.id = "import:" + key;
    node.kind = NodeKind::External;
    const std::size_t index = add_node(std::move(node));
    externals_.emplace(key, index);
    return index;
  }

  void resolve_imports() {
    for (const auto& pending : imports_) {
      const auto name = static_string(*pending.name, stacks_[pending.stack].stack_name);
      const std::string shown = name.value_or("(an export named at deploy time)");
      const auto exported = name ? exports_.find(*name) : exports_.end();
      if (exported == exports_.end()) {
        Node node;
        node.name = shown;
        node.logical_id = shown;
        node.caption = "Import from outside";
        add_edge(pending.from, external_node(shown, std::move(node)), EdgeKind::Import, "Fn::ImportValue " + shown);
        continue;
      }
      const Export& e = exported->second;
      const std::string how = "Fn::ImportValue " + *name;
      const auto producer = states_.find(e.stack);
      bool linked = false;
      if (producer != states_.end()) {
        if (auto output = producer->second.nodes.find(e.output); output != producer->second.nodes.end()) {
          add_edge(pending.from, output->second, EdgeKind::Import, how);
          continue;
        }
        for (const auto& target : e.targets) {
          if (auto to = producer->second.nodes.find(target); to != producer->second.nodes.end()) {
            add_edge(pending.from, to->second, EdgeKind::Import, how);
            linked = true;
          }
        }
      }
      if (linked) continue;
      // The producer is not drawn (--stack): name what is imported and from where.
      Node node;
      node.name = e.targets.empty() ? e.output : readable_logical_id(e.targets.front());
      node.logical_id = *name;
      node.caption = "Export of " + stacks_[e.stack].display_name;
      node.detail = *name;
      add_edge(pending.from, external_node(*name, std::move(node)), EdgeKind::Import, how);
    }
  }

  // The name of a node drawn in the cluster of construct `cluster` (components below the stack).
  void name_node(Node& node, const std::vector<std::string>& owner, const std::vector<std::string>& cluster) {
    std::vector<std::string> parts;
    for (std::size_t i = cluster.size(); i < owner.size(); ++i)
      if (owner[i] != "Default") parts.push_back(owner[i]);
    if (!parts.empty())
      node.name = join(parts, 0, parts.size(), "/");
    else if (!cluster.empty())
      node.name = cluster.back();  // the construct's own resource
  }

  void fill(Cluster& cluster, const Trie& trie, const StackState& state, const std::string& stack_id) {
    for (const auto& entry : trie.entries) {
      if (!entry.child) {
        place(cluster, entry.node, trie.path, state);
        continue;
      }
      const Trie* child = entry.child;
      if (child->count < 2) {
        std::vector<std::size_t> nodes;
        child->collect(nodes);
        for (std::size_t n : nodes) place(cluster, n, trie.path, state);
        continue;
      }
      // A construct whose only content is one construct is drawn as one box: "A/B".
      std::string label = child->path.back();
      while (child->entries.size() == 1 && child->entries.front().child && child->entries.front().child->count >= 2) {
        child = child->entries.front().child;
        label += "/" + child->path.back();
      }
      Cluster nested;
      nested.kind = ClusterKind::Construct;
      nested.label = label;
      nested.path = stack_id + "/" + join(child->path, 0, child->path.size(), "/");
      nested.id = "cluster:" + nested.path;
      fill(nested, *child, state, stack_id);
      cluster.clusters.push_back(std::move(nested));
    }
  }

  void place(Cluster& cluster, std::size_t n, const std::vector<std::string>& cluster_path, const StackState& state) {
    Node& node = diagram_.nodes[n];
    if (auto owner = state.owners.find(node.logical_id); owner != state.owners.end())
      name_node(node, owner->second, cluster_path);
    cluster.nodes.push_back(n);
  }

  void build_clusters() {
    // Stacks of one stage (display names "Prod/Network", "Prod/Compute") share its box
    // when more than one of them is drawn.
    std::map<std::string, std::size_t> per_stage;
    auto stage_of = [](const std::string& display) {
      const std::size_t slash = display.rfind('/');
      return slash == std::string::npos ? std::string{} : display.substr(0, slash);
    };
    for (std::size_t s : selected_) ++per_stage[stage_of(stacks_[s].display_name)];
    std::map<std::string, std::size_t> stage_cluster;  // stage -> index in diagram_.clusters
    for (std::size_t s : selected_) {
      const StackTemplate& stack = stacks_[s];
      StackState& state = states_[s];
      // Parameters and outputs belong to the stack; resources to their constructs.
      std::vector<std::size_t> order;
      for (const auto& [id, index] : state.nodes) order.push_back(index);
      std::sort(order.begin(), order.end());
      for (std::size_t n : order) {
        const Node& node = diagram_.nodes[n];
        auto owner = state.owners.find(node.logical_id);
        static const std::vector<std::string> root;
        state.trie->insert(node.kind == NodeKind::Resource && owner != state.owners.end() ? owner->second : root, 0, n);
      }
      const std::string stage = stage_of(stack.display_name);
      Cluster cluster;
      cluster.kind = ClusterKind::Stack;
      cluster.path = stack.display_name;
      cluster.id = "cluster:" + stack.display_name;
      const bool shared = !stage.empty() && per_stage[stage] > 1;
      cluster.label = shared ? stack.display_name.substr(stage.size() + 1) : stack.display_name;
      if (stack.stack_name != stack.display_name && stack.stack_name != cluster.label)
        cluster.label += " (" + stack.stack_name + ")";
      fill(cluster, *state.trie, state, stack.display_name);
      if (!shared) {
        diagram_.clusters.push_back(std::move(cluster));
        continue;
      }
      auto [it, added] = stage_cluster.try_emplace(stage, diagram_.clusters.size());
      if (added) {
        Cluster box;
        box.kind = ClusterKind::Stage;
        box.label = stage;
        box.path = stage;
        box.id = "cluster:stage:" + stage;
        diagram_.clusters.push_back(std::move(box));
      }
      diagram_.clusters[it->second].clusters.push_back(std::move(cluster));
    }
  }

  const std::vector<StackTemplate>& stacks_;
  const DiagramOptions& options_;
  Diagram diagram_;
  std::vector<std::size_t> selected_;
  std::map<std::size_t, StackState> states_;
  std::map<std::string, Export, std::less<>> exports_;
  std::vector<PendingImport> imports_;
  std::map<std::string, std::size_t, std::less<>> externals_;
};

}  // namespace

const Node* Diagram::find(std::string_view stack, std::string_view logical_id) const {
  for (const auto& node : nodes)
    if (node.stack == stack && node.logical_id == logical_id) return &node;
  return nullptr;
}

Diagram build_diagram(const std::vector<StackTemplate>& stacks, const DiagramOptions& options) {
  return Builder{stacks, options}.build();
}

}  // namespace cdk::tools::diagram
