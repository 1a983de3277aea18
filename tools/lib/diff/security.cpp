// The security changes cdk diff calls out: IAM statements and managed policies added or
// removed, and security-group rules added or removed. Like cdk diff, the statements of
// every changed resource are read from both templates and compared as sets, so a
// statement moved between resources shows as removed and added.
#include <algorithm>
#include <set>
#include <tuple>

#include "diff_internal.hpp"

namespace cdk::tools::diff_detail {

std::string render_intrinsics(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  if (synth::is_intrinsic(value)) {
    const auto first = value.begin();
    const std::string& name = first.key();
    const Json& argument = first.value();
    if (name == "Ref" && argument.is_string()) return "${" + argument.get<std::string>() + "}";
    if (name == "Fn::GetAtt" && argument.is_array() && argument.size() == 2 && argument[0].is_string())
      return "${" + argument[0].get<std::string>() + "." + render_intrinsics(argument[1]) + "}";
    if (name == "Fn::Join" && argument.is_array() && argument.size() == 2 && argument[0].is_string() &&
        argument[1].is_array()) {
      std::string out;
      for (std::size_t i = 0; i < argument[1].size(); ++i) {
        if (i) out += argument[0].get<std::string>();
        out += render_intrinsics(argument[1][i]);
      }
      return out;
    }
    if (name == "Fn::Sub" && argument.is_string()) return argument.get<std::string>();
  }
  return compact(value);
}

namespace {

const Json& member(const Json& object, const char* key) {
  static const Json null;
  if (!object.is_object()) return null;
  const auto it = object.find(key);
  return it == object.end() ? null : *it;
}

std::vector<std::string> rendered_list(const Json& value) {
  std::vector<std::string> out;
  if (value.is_null()) return out;
  if (value.is_array()) {
    for (const auto& element : value) out.push_back(render_intrinsics(element));
  } else {
    out.push_back(render_intrinsics(value));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "\n") + item;
  return out;
}

std::string render_principal(const Json& principal) {
  if (principal.is_string()) return principal.get<std::string>();
  std::vector<std::string> out;
  if (principal.is_object() && !synth::is_intrinsic(principal)) {
    for (const auto& [kind, ids] : principal.items())
      for (const auto& id : rendered_list(ids)) out.push_back(kind + ":" + id);
  } else if (!principal.is_null()) {
    out.push_back(render_intrinsics(principal));
  }
  std::sort(out.begin(), out.end());
  return lines(out);
}

struct Statement {
  std::string resource, effect, action, principal, condition;
  std::string source;
  auto key() const { return std::tie(resource, effect, action, principal, condition); }
  bool operator<(const Statement& other) const { return key() < other.key(); }
};

// `default_principal` for identity policies (the statement applies to the role or user),
// `default_resource` for resource policies (the statement is about the bucket or queue).
void read_statements(const Json& document, const std::string& source, const std::vector<std::string>& default_principal,
                     const std::string& default_resource, std::vector<Statement>& out) {
  const Json& statements = member(document, "Statement");
  const Json list = statements.is_array() ? statements : Json::array({statements});
  for (const auto& raw : list) {
    if (raw.is_null()) continue;
    Statement s;
    s.source = source;
    if (!raw.is_object() || synth::is_intrinsic(raw)) {
      s.action = render_intrinsics(raw);  // a statement computed at deploy time (Fn::If)
      out.push_back(s);
      continue;
    }
    s.effect = member(raw, "Effect").is_null() ? "Allow" : render_intrinsics(member(raw, "Effect"));
    if (!member(raw, "Action").is_null()) {
      s.action = lines(rendered_list(member(raw, "Action")));
    } else {
      auto not_actions = rendered_list(member(raw, "NotAction"));
      for (auto& a : not_actions) a = "NOT " + a;
      s.action = lines(not_actions);
    }
    if (!member(raw, "Resource").is_null()) {
      s.resource = lines(rendered_list(member(raw, "Resource")));
    } else if (!member(raw, "NotResource").is_null()) {
      auto not_resources = rendered_list(member(raw, "NotResource"));
      for (auto& r : not_resources) r = "NOT " + r;
      s.resource = lines(not_resources);
    } else {
      s.resource = default_resource;
    }
    if (!member(raw, "Principal").is_null()) {
      s.principal = render_principal(member(raw, "Principal"));
    } else if (!member(raw, "NotPrincipal").is_null()) {
      s.principal = "NOT " + render_principal(member(raw, "NotPrincipal"));
    } else {
      s.principal = lines(default_principal);
    }
    if (!member(raw, "Condition").is_null()) s.condition = member(raw, "Condition").dump(2);
    out.push_back(s);
  }
}

struct Attachment {
  std::string resource, arn;
  bool operator<(const Attachment& other) const { return std::tie(resource, arn) < std::tie(other.resource, other.arn); }
};

struct Rule {
  std::string group, direction, protocol, peer;
  std::string source;
  auto key() const { return std::tie(group, direction, protocol, peer); }
  bool operator<(const Rule& other) const { return key() < other.key(); }
};

std::string render_port(const Json& port) { return port.is_null() ? "" : render_intrinsics(port.is_number() ? Json(port.dump()) : port); }

Rule read_rule(const Json& rule, const std::string& group, const std::string& direction, const std::string& source) {
  Rule r{group, direction, "", "", source};
  std::string protocol = render_intrinsics(member(rule, "IpProtocol"));
  std::transform(protocol.begin(), protocol.end(), protocol.begin(), [](unsigned char c) { return std::toupper(c); });
  const std::string from = render_port(member(rule, "FromPort")), to = render_port(member(rule, "ToPort"));
  if (protocol == "-1" || protocol.empty()) {
    r.protocol = "Everything";
  } else {
    if (protocol == "6") protocol = "TCP";
    if (protocol == "17") protocol = "UDP";
    if (protocol == "1") protocol = "ICMP";
    r.protocol = protocol;
    if (!from.empty() && from == to) r.protocol += " " + from;
    else if (!from.empty() || !to.empty()) r.protocol += " " + from + "-" + to;
  }
  for (const char* peer : {"CidrIp", "CidrIpv6", "SourceSecurityGroupId", "DestinationSecurityGroupId",
                           "SourcePrefixListId", "DestinationPrefixListId", "SourceSecurityGroupName"}) {
    if (!member(rule, peer).is_null()) {
      r.peer = render_intrinsics(member(rule, peer));
      break;
    }
  }
  return r;
}

struct Security {
  std::vector<Statement> statements;
  std::vector<Attachment> attachments;
  std::vector<Rule> rules;
};

void read_identity_policies(const Json& policies, const std::string& id, Security& out) {
  if (!policies.is_array()) return;
  for (const auto& policy : policies)
    read_statements(member(policy, "PolicyDocument"), id, {"AWS:${" + id + "}"}, "", out.statements);
}

void read_managed_policies(const Json& arns, const std::string& id, Security& out) {
  for (const auto& arn : rendered_list(arns)) out.attachments.push_back({"${" + id + "}", arn});
}

// The security-relevant contents of one resource, as cdk diff's scrutiny types pick them.
void read_resource(const std::string& id, const Json& resource, Security& out) {
  const std::string type = member(resource, "Type").is_string() ? member(resource, "Type").get<std::string>() : "";
  const Json& p = member(resource, "Properties");
  if (type == "AWS::IAM::Role") {
    read_statements(member(p, "AssumeRolePolicyDocument"), id, {}, "${" + id + ".Arn}", out.statements);
    read_identity_policies(member(p, "Policies"), id, out);
    read_managed_policies(member(p, "ManagedPolicyArns"), id, out);
  } else if (type == "AWS::IAM::User" || type == "AWS::IAM::Group") {
    read_identity_policies(member(p, "Policies"), id, out);
    read_managed_policies(member(p, "ManagedPolicyArns"), id, out);
  } else if (type == "AWS::IAM::Policy" || type == "AWS::IAM::ManagedPolicy") {
    std::vector<std::string> principals;
    for (const char* key : {"Groups", "Users", "Roles"})
      for (const auto& principal : rendered_list(member(p, key))) principals.push_back("AWS:" + principal);
    if (principals.empty() && type == "AWS::IAM::ManagedPolicy") principals.push_back("AWS:${" + id + "}");
    read_statements(member(p, "PolicyDocument"), id, principals, "", out.statements);
  } else if (type == "AWS::S3::BucketPolicy") {
    read_statements(member(p, "PolicyDocument"), id, {}, lines(rendered_list(member(p, "Bucket"))), out.statements);
  } else if (type == "AWS::SQS::QueuePolicy") {
    read_statements(member(p, "PolicyDocument"), id, {}, lines(rendered_list(member(p, "Queues"))), out.statements);
  } else if (type == "AWS::SNS::TopicPolicy") {
    read_statements(member(p, "PolicyDocument"), id, {}, lines(rendered_list(member(p, "Topics"))), out.statements);
  } else if (type == "AWS::KMS::Key") {
    read_statements(member(p, "KeyPolicy"), id, {}, "${" + id + ".Arn}", out.statements);
  } else if (type == "AWS::Lambda::Permission") {
    Statement s;
    s.source = id;
    s.resource = render_intrinsics(member(p, "FunctionName"));
    s.effect = "Allow";
    s.action = render_intrinsics(member(p, "Action"));
    s.principal = render_intrinsics(member(p, "Principal"));
    Json condition = Json::object();
    if (!member(p, "SourceArn").is_null()) condition["ArnLike"] = {{"AWS:SourceArn", member(p, "SourceArn")}};
    if (!member(p, "SourceAccount").is_null())
      condition["StringEquals"] = {{"AWS:SourceAccount", member(p, "SourceAccount")}};
    if (!condition.empty()) s.condition = condition.dump(2);
    out.statements.push_back(s);
  } else if (type == "AWS::EC2::SecurityGroup") {
    const std::string group = "${" + id + ".GroupId}";
    for (const auto& [key, direction] : {std::pair{"SecurityGroupIngress", "In"}, std::pair{"SecurityGroupEgress", "Out"}}) {
      const Json& rules = member(p, key);
      if (rules.is_array())
        for (const auto& rule : rules) out.rules.push_back(read_rule(rule, group, direction, id));
    }
  } else if (type == "AWS::EC2::SecurityGroupIngress") {
    out.rules.push_back(read_rule(p, render_intrinsics(member(p, "GroupId")), "In", id));
  } else if (type == "AWS::EC2::SecurityGroupEgress") {
    out.rules.push_back(read_rule(p, render_intrinsics(member(p, "GroupId")), "Out", id));
  }
}

// Elements of `a` not in `b` (as sets, each once).
template <typename T>
std::vector<T> minus(std::vector<T> a, std::vector<T> b) {
  std::stable_sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end(), [](const T& x, const T& y) { return !(x < y) && !(y < x); }), a.end());
  std::sort(b.begin(), b.end());
  std::vector<T> out;
  for (const auto& x : a)
    if (!std::binary_search(b.begin(), b.end(), x)) out.push_back(x);
  return out;
}

}  // namespace

void collect_security_changes(const Json& old_body, const Json& new_body, TemplateDiff& diff) {
  Security before, after;
  const Json& old_resources = member(old_body, "Resources");
  const Json& new_resources = member(new_body, "Resources");
  for (const auto& change : diff.resources) {
    if (old_resources.is_object() && old_resources.contains(change.logical_id))
      read_resource(change.logical_id, old_resources[change.logical_id], before);
    if (new_resources.is_object() && new_resources.contains(change.logical_id))
      read_resource(change.logical_id, new_resources[change.logical_id], after);
  }
  auto add_statements = [&](const std::vector<Statement>& statements, ChangeKind kind) {
    for (const auto& s : statements)
      diff.iam_statements.push_back({kind, s.resource, s.effect, s.action, s.principal, s.condition, s.source});
  };
  add_statements(minus(after.statements, before.statements), ChangeKind::Added);
  add_statements(minus(before.statements, after.statements), ChangeKind::Removed);
  // cdk diff sorts the table on the resource column.
  std::stable_sort(diff.iam_statements.begin(), diff.iam_statements.end(),
                   [](const IamStatementChange& a, const IamStatementChange& b) { return a.resource < b.resource; });
  for (const auto& a : minus(after.attachments, before.attachments)) diff.managed_policies.push_back({ChangeKind::Added, a.resource, a.arn});
  for (const auto& a : minus(before.attachments, after.attachments)) diff.managed_policies.push_back({ChangeKind::Removed, a.resource, a.arn});
  std::stable_sort(diff.managed_policies.begin(), diff.managed_policies.end(),
                   [](const ManagedPolicyChange& a, const ManagedPolicyChange& b) { return a.resource < b.resource; });
  for (const auto& r : minus(after.rules, before.rules))
    diff.security_group_rules.push_back({ChangeKind::Added, r.group, r.direction, r.protocol, r.peer, r.source});
  for (const auto& r : minus(before.rules, after.rules))
    diff.security_group_rules.push_back({ChangeKind::Removed, r.group, r.direction, r.protocol, r.peer, r.source});
  std::stable_sort(diff.security_group_rules.begin(), diff.security_group_rules.end(),
                   [](const SecurityGroupRuleChange& a, const SecurityGroupRuleChange& b) { return a.group < b.group; });
}

}  // namespace cdk::tools::diff_detail
