#include "synth/cross_stack.hpp"

#include <algorithm>
#include <utility>

#include "cdk/cfn_output.hpp"
#include "cdk/cfn_parameter.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/fn.hpp"
#include "cdk/logical_id.hpp"
#include "cdk/stack.hpp"
#include "cdk/stage.hpp"
#include "detail/construct_cast.hpp"
#include "detail/stages.hpp"
#include "detail/synth_unlock.hpp"
#include "synth/json.hpp"

namespace cdk::synth {

namespace {
using detail::TokenData;
using detail::TokenOp;

// The scope CDK creates in a producer for its exports (Stack.getCreateExportsScope).
constexpr std::string_view kExportsScope = "Exports";
// CDK's STRING_LIST_REFERENCE_DELIMITER.
constexpr const char* kListDelimiter = "||";
constexpr int kMaxDepth = 256;  // lazy values that produce themselves; the resolver reports them

const Construct& root_of(const Construct& c) {
  const Construct* node = &c;
  while (node->parent()) node = node->parent();
  return *node;
}

// The attribute of a GetAtt token, or "" for a Ref.
const std::string& attribute_of(const TokenData& t) {
  static const std::string none;
  return t.op == TokenOp::GetAtt ? t.name : none;
}

// "Producer/Bucket.Arn", "Producer/Bucket.Ref": CDK's display of a reference.
std::string describe(const CfnElement& target, const std::string& attribute) {
  return target.path() + "." + (attribute.empty() ? std::string{"Ref"} : attribute);
}

// The output's construct id: "Output" + the reference as compact JSON, as CDK names it
// ("Output" + JSON.stringify(resolved)), e.g. Output{"Fn::GetAtt":["Bucket","Arn"]}.
std::string output_id(const CfnElement& target, const std::string& attribute) {
  Json reference = attribute.empty() ? Json{{"Ref", target.logical_id()}}
                                     : Json{{"Fn::GetAtt", Json::array({target.logical_id(), attribute})}};
  // An id or attribute that is not UTF-8 is an error reported with the template
  // (template_builder.cpp); until then it is named with U+FFFD.
  return "Output" + reference.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// CDK's generateExportName with stack-relative exports: "<stackName>:" + the unique id
// of Exports/<output id>, cut from the front so the whole name fits in 255 characters.
std::string export_name(const Stack& producer, const std::string& id) {
  const std::string prefix = producer.stack_name() + ":";
  std::string local = make_logical_id({std::string{kExportsScope}, id});
  const std::size_t room = prefix.size() < 255 ? 255 - prefix.size() : 0;
  if (local.size() > room) local = local.substr(local.size() - room);
  return prefix + local;
}

// A Ref of a resource or parameter, or a GetAtt of a resource: what can be exported.
bool is_exportable(const TokenData& t) {
  if (!t.target) return false;
  if (t.op == TokenOp::Ref)
    return detail::construct_cast<const CfnResource>(t.target) || dynamic_cast<const CfnParameter*>(t.target);
  return t.op == TokenOp::GetAtt && !t.name.empty() && detail::construct_cast<const CfnResource>(t.target);
}

// The export of `reference` (a Ref or GetAtt token of an element of `producer`), created
// when missing, under producer/Exports as CDK places it.
const CfnOutput& ensure_export(Stack& producer, const Value& reference, const std::optional<std::string>& description,
                               bool* created = nullptr) {
  const TokenData& t = reference.token();
  const std::string id = output_id(*t.target, attribute_of(t));
  Construct* scope = producer.try_find_child(kExportsScope);
  if (!scope) scope = &producer.add<Construct>(kExportsScope);
  if (auto* existing = dynamic_cast<const CfnOutput*>(scope->try_find_child(id))) return *existing;
  if (created) *created = true;
  Value value = t.type == TokenType::List ? Fn::join_list(kListDelimiter, reference) : reference;
  return scope->add<CfnOutput>(id, {.value = std::move(value),
                                    .description = description,
                                    .export_name = Value{export_name(producer, id)}});
}

// A reference (Ref or GetAtt token) or a DependsOn from `consumer` to another stack.
struct Found {
  const Construct* consumer;  // an element, or a stack (its template metadata)
  Stack* consumer_stack;
  Value reference;
  const CfnResource* depends_on = nullptr;
};

// Ref/GetAtt tokens in `value` whose target is outside `stack`, in the order they appear.
void find_foreign(const Value& value, Stack& stack, const Construct& consumer, std::vector<Found>& out, int depth) {
  switch (value.kind()) {
    case Value::Kind::List:
      for (const auto& item : value.as_list()) find_foreign(item, stack, consumer, out, depth);
      return;
    case Value::Kind::Map:
      for (const auto& [key, item] : value.as_map()) find_foreign(item, stack, consumer, out, depth);
      return;
    case Value::Kind::Token: {
      const TokenData& t = value.token();
      if (t.op == TokenOp::Lazy) {
        if (depth < kMaxDepth) find_foreign(t.lazy(), stack, consumer, out, depth + 1);
        return;
      }
      if (t.target && &t.target->stack() != &stack && is_exportable(t)) out.push_back({&consumer, &stack, value, nullptr});
      for (const auto& arg : t.args) find_foreign(arg, stack, consumer, out, depth);
      return;
    }
    default: return;
  }
}

// Why each stack dependency added here exists, for the cycle message.
struct Reasons {
  std::vector<std::pair<std::pair<const Stack*, const Stack*>, std::vector<std::string>>> edges;

  void add(const Stack& from, const Stack& to, std::string reason) {
    auto& list = of(from, to);
    if (std::find(list.begin(), list.end(), reason) == list.end()) list.push_back(std::move(reason));
  }
  std::vector<std::string>& of(const Stack& from, const Stack& to) {
    for (auto& [edge, reasons] : edges)
      if (edge.first == &from && edge.second == &to) return reasons;
    edges.push_back({{&from, &to}, {}});
    return edges.back().second;
  }
};

// The chain of stack dependencies from `from` to `to`, or empty when there is none.
bool dependency_path(const Stack& from, const Stack& to, std::vector<const Stack*>& path) {
  path.push_back(&from);
  if (&from == &to) return true;
  for (const Stack* next : from.stack_dependencies()) {
    if (std::find(path.begin(), path.end(), next) != path.end()) continue;
    if (dependency_path(*next, to, path)) return true;
  }
  path.pop_back();
  return false;
}

std::string quoted_path(const Stack& s) { return "'" + s.path() + "'"; }

// "Stage 'Prod'" or "the App", as CDK describes a stack's stage.
std::string describe_stage(const Stage* stage) {
  if (!stage || !stage->parent()) return "the App";
  return "Stage '" + stage->path() + "'";
}
}  // namespace

std::optional<Diagnostic> cross_stack_problem(const Stack& consumer, const Stack& producer, const std::string& reference,
                                              bool check_environment) {
  const std::string head = "cannot refer to " + reference + " in stack " + quoted_path(producer) + ": ";
  if (&root_of(consumer) != &root_of(producer))
    return Diagnostic{errc::CrossAppReference, {},
                      head + "the stacks are in different apps (consuming and producing stacks must be defined within "
                             "the same app)"};
  const Stage* consumer_stage = Stage::of(consumer);
  const Stage* producer_stage = Stage::of(producer);
  if (consumer_stage != producer_stage)
    return Diagnostic{errc::CrossStageReference, {},
                      head + "stack " + quoted_path(consumer) + " is in " + describe_stage(consumer_stage) + " and stack " +
                          quoted_path(producer) + " in " + describe_stage(producer_stage) +
                          "; references and dependencies cannot cross stage boundaries (each stage deploys on its own)"};
  const Environment& c = consumer.environment();
  const Environment& p = producer.environment();
  if (check_environment && (c.account != p.account || c.region != p.region)) {
    const bool agnostic = !c.account || !c.region || !p.account || !p.region;
    return Diagnostic{
        errc::CrossEnvironmentReference, {},
        head + "stack " + quoted_path(consumer) + " deploys to " + consumer.environment_string() + " and stack " +
            quoted_path(producer) + " to " + producer.environment_string() +
            (agnostic ? "; exports are imported within one account and region, so give both stacks the same explicit "
                        "environment or leave both environment-agnostic"
                      : "; exports are imported within one account and region only (CDK's cross-region and "
                        "cross-account references through custom resources are not supported): pass the value "
                        "another way, e.g. through an SSM parameter")};
  }
  return std::nullopt;
}

std::string export_name_of(const CfnElement& target, const std::string& attribute) {
  return export_name(target.stack(), output_id(target, attribute));
}

Value import_of(const CfnOutput& output, bool list) {
  Value imported = Fn::import_value(*output.props().export_name);
  return list ? Fn::split(kListDelimiter, imported) : imported;
}

std::vector<Stack*> resolve_cross_stack_references(Construct& root, std::vector<Diagnostic>& diagnostics) {
  // In tree order, as CDK finds them: the order the producers' outputs are created in.
  std::vector<Found> found;
  for (Construct* node : root.find_all()) {
    // The template's own metadata is resolved with the stack's elements, so it can refer
    // to other stacks too.
    if (auto* stack = detail::construct_cast<Stack>(node)) {
      find_foreign(Value{stack->template_options().metadata}, *stack, *stack, found, 0);
      continue;
    }
    auto* element = detail::construct_cast<const CfnElement>(node);
    if (!element) continue;
    Stack& stack = element->stack();
    find_foreign(element->render(), stack, *element, found, 0);
    if (auto* resource = detail::construct_cast<const CfnResource>(element)) {
      for (const auto& o : resource->overrides())
        if (o.value) find_foreign(*o.value, stack, *element, found, 0);
      for (const CfnResource* target : resource->depends_on())
        if (&target->stack() != &stack) found.push_back({element, &stack, Value{}, target});
    }
  }
  std::vector<Stack*> changed;
  if (found.empty()) return changed;

  detail::SynthUnlock unlock{root};
  Reasons reasons;
  std::vector<std::pair<const Stack*, const Stack*>> reported_cycles;
  for (const auto& [consumer, consumer_stack_of, reference, depends_on] : found) {
    const CfnElement& target = depends_on ? *depends_on : *reference.token().target;
    Stack& producer = target.stack();
    Stack& consumer_stack = *consumer_stack_of;
    std::string reason;
    if (depends_on) {
      // DependsOn across stacks orders the stacks; environments may differ.
      reason = consumer->path() + " DependsOn " + target.path();
      auto problem = cross_stack_problem(consumer_stack, producer, target.path(), /*check_environment=*/false);
      if (problem && problem->code == errc::CrossStageReference) problem = detail::check_same_stage(*consumer, target);
      if (problem) {
        problem->path = consumer->path();
        diagnostics.push_back(std::move(*problem));
        continue;
      }
    } else {
      const std::string described = describe(target, attribute_of(reference.token()));
      if (cross_stack_problem(consumer_stack, producer, described)) continue;  // the resolver reports it
      reason = consumer->path() + " -> " + described;
    }
    const auto& deps = consumer_stack.stack_dependencies();
    if (std::find(deps.begin(), deps.end(), &producer) == deps.end()) {
      std::vector<const Stack*> path;
      if (dependency_path(producer, consumer_stack, path)) {
        // As CDK: the dependency that would close the cycle is refused, naming the chain
        // that is already there and the reference that asked for it.
        const std::pair<const Stack*, const Stack*> edge{&consumer_stack, &producer};
        if (std::find(reported_cycles.begin(), reported_cycles.end(), edge) == reported_cycles.end()) {
          reported_cycles.push_back(edge);
          std::string chain;
          for (std::size_t i = 0; i + 1 < path.size(); ++i) {
            const auto& why = reasons.of(*path[i], *path[i + 1]);
            if (why.empty()) {
              chain += (chain.empty() ? "" : ", ") + path[i]->path() + " -> " + path[i + 1]->path() + " (add_stack_dependency)";
            } else {
              for (const auto& r : why) chain += (chain.empty() ? "" : ", ") + r;
            }
          }
          diagnostics.push_back({errc::ReferenceCycle, consumer->path(),
                                 "stack " + quoted_path(producer) + " depends on stack " + quoted_path(consumer_stack) +
                                     " (" + chain + "); " + reason + " would make " + quoted_path(consumer_stack) +
                                     " depend on " + quoted_path(producer) + ", a cyclic reference between the stacks"});
        }
      } else {
        consumer_stack.add_stack_dependency(producer);
      }
    }
    reasons.add(consumer_stack, producer, reason);
    // The export is made even when the dependency was refused, so the consumer still
    // resolves and only the cycle is reported.
    bool created = false;
    if (!depends_on) ensure_export(producer, reference, std::nullopt, &created);
    if (created && std::find(changed.begin(), changed.end(), &producer) == changed.end()) changed.push_back(&producer);
  }
  return changed;
}

}  // namespace cdk::synth

namespace cdk {

Value Stack::export_value(const Value& value, ExportValueOptions options) {
  const bool list = value.token_type() == TokenType::List;
  if (options.name) {
    auto& output = add<CfnOutput>("Export" + *options.name,
                                  {.value = list ? Fn::join_list("||", value) : value,
                                   .description = std::move(options.description),
                                   .export_name = Value{*options.name}});
    return synth::import_of(output, list);
  }
  if (!value.is_token() || !synth::is_exportable(value.token()))
    throw Error(errc::ExportNeedsReference, path(),
                "export_value: either give a name or export a Ref or Fn::GetAtt of an element of this stack (like "
                "bucket.ref() or bucket.attr_arn())");
  const CfnElement& target = *value.token().target;
  if (&target.stack() != this)
    throw Error(errc::ExportFromOtherStack, path(),
                "export_value: the reference must be to an element of stack '" + path() + "', got '" + target.path() + "'");
  return synth::import_of(synth::ensure_export(*this, value, options.description), list);
}

}  // namespace cdk
