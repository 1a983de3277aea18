#include "cdk/app.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "cdk/errors.hpp"
#include "cdk/stack.hpp"
#include "detail/aspect_state.hpp"
#include "detail/construct_cast.hpp"
#include "detail/map_entry.hpp"
#include "detail/stages.hpp"
#include "synth/assembly_writer.hpp"
#include "synth/cross_stack.hpp"
#include "synth/template_builder.hpp"
#include "synth/value_json.hpp"

namespace cdk {

namespace {

// Construct-level dependencies between stacks become stack dependencies.
// A dependency between constructs of different stages, or on the stack or stage that
// contains the construct, is an error, as in CDK.
void add_stack_dependencies(App& app, std::vector<Diagnostic>& diagnostics) {
  for (Construct* node : app.find_all()) {
    for (Construct* target : node->dependencies()) {
      if (auto wrong = detail::check_dependency(*node, *target)) {
        diagnostics.push_back(std::move(*wrong));
        continue;
      }
      Stack* from = nullptr;
      Stack* to = nullptr;
      try {
        from = &Stack::of(*node);
        to = &Stack::of(*target);
      } catch (const Error&) {
        continue;
      }
      if (from != to) from->add_stack_dependency(*to);
    }
  }
}

// Deploy order: dependencies first, otherwise tree order. Reports cycles.
std::vector<Stack*> deploy_order(const std::vector<Stack*>& stacks, std::vector<Diagnostic>& diagnostics) {
  std::vector<Stack*> out;
  enum class Mark { None, Active, Done };
  std::vector<std::pair<Stack*, Mark>> marks;
  for (auto* s : stacks) marks.emplace_back(s, Mark::None);
  auto mark = [&](Stack* s) -> Mark& {
    for (auto& [stack, m] : marks)
      if (stack == s) return m;
    marks.emplace_back(s, Mark::None);
    return marks.back().second;
  };
  std::vector<Stack*> path;
  bool cycle = false;
  auto visit = [&](auto& self, Stack* s) -> void {
    if (cycle) return;
    mark(s) = Mark::Active;
    path.push_back(s);
    for (Stack* d : s->stack_dependencies()) {
      if (mark(d) == Mark::Active) {
        std::string names;
        for (auto it = std::find(path.begin(), path.end(), d); it != path.end(); ++it) names += (*it)->stack_name() + " -> ";
        diagnostics.push_back({errc::DependencyCycle, s->path(), "stacks depend on each other in a cycle: " + names + d->stack_name()});
        cycle = true;
        return;
      }
      if (mark(d) == Mark::None) self(self, d);
    }
    path.pop_back();
    mark(s) = Mark::Done;
    out.push_back(s);
  };
  for (auto* s : stacks)
    if (mark(s) == Mark::None) visit(visit, s);
  return out;
}
// A cdk::Error thrown while the tree is built (a duplicate id, say) and not caught by
// main() would otherwise abort the program with a core dump. Print it like synth_main
// does and exit 1 instead; other exceptions go to the previous handler.
std::terminate_handler previous_terminate = nullptr;

[[noreturn]] void report_uncaught_error() {
  if (auto current = std::current_exception()) {
    try {
      std::rethrow_exception(current);
    } catch (const SynthError& e) {
      for (const auto& d : e.diagnostics()) std::cerr << "error: " << d.to_string() << "\n";
      std::_Exit(1);
    } catch (const Error& e) {
      std::cerr << "error: " << e.what() << "\n";
      std::_Exit(1);
    } catch (...) {
    }
  }
  if (previous_terminate) previous_terminate();
  std::abort();
}

void install_terminate_handler() {
  static const bool installed = [] {
    previous_terminate = std::set_terminate(report_uncaught_error);
    return true;
  }();
  (void)installed;
}

// A stack's template and what building it found.
struct BuiltStack {
  synth::SynthesizedStack synthesized;
  std::vector<Diagnostic> diagnostics;
  bool cross_stack = false;  // it refers to elements of other stacks
};

// How build_templates works: on one thread or one per core, writing each template to
// `staging` (when given), with or without tree.json's nodes.
struct BuildOptions {
  bool parallel = true;
  bool tree_metadata = true;
  synth::AssemblyStaging* staging = nullptr;
};

// Stacks are independent once the tree is locked, so their templates are built on one
// thread per core, each written out as soon as it is built, so that only one template per
// thread is in memory. Results are kept per stack, in the order given, so the output does
// not depend on which thread finished first.
std::vector<BuiltStack> build_templates(const std::vector<Stack*>& stacks, const BuildOptions& options) {
  std::vector<BuiltStack> out(stacks.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    synth::TemplateText text;  // reused: its memory is already mapped for the next stack
    for (std::size_t i = next++; i < stacks.size(); i = next++) {
      auto& built = out[i];
      built.synthesized.stack = stacks[i];
      synth::build_template_text(*stacks[i], built.diagnostics, text, &built.cross_stack);
      // One with problems is not written: synth fails and removes the staging folder.
      synth::finish_stack(built.synthesized, text, built.diagnostics.empty() ? options.staging : nullptr,
                          options.tree_metadata);
    }
  };
  std::size_t threads = options.parallel ? std::min<std::size_t>(std::thread::hardware_concurrency(), stacks.size()) : 1;
  std::vector<std::thread> pool;
  std::exception_ptr failure;
  std::mutex failure_mutex;
  for (std::size_t t = 1; t < threads; ++t)
    pool.emplace_back([&] {
      try {
        work();
      } catch (...) {
        std::lock_guard lock{failure_mutex};
        if (!failure) failure = std::current_exception();
      }
    });
  try {
    work();
  } catch (...) {
    std::lock_guard lock{failure_mutex};
    if (!failure) failure = std::current_exception();
  }
  for (auto& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
  return out;
}

// Cross-stack references (lib/synth/cross_stack.cpp): consumers were built with their
// imports already; the producers' exports and the stack dependencies are made now, the
// producers that gained exports are built again, and everything is put in the new
// deploy order.
void link_stacks(App& app, const std::vector<Stack*>& all, std::vector<Stack*>& ordered, std::vector<BuiltStack>& built,
                 std::vector<Diagnostic>& diagnostics, const BuildOptions& options) {
  const auto producers = synth::resolve_cross_stack_references(app, diagnostics);
  ordered = deploy_order(all, diagnostics);
  auto rebuilt = build_templates(producers, options);
  std::vector<BuiltStack> reordered;
  reordered.reserve(ordered.size());
  for (Stack* stack : ordered) {
    auto is_it = [&](const BuiltStack& b) { return b.synthesized.stack == stack; };
    BuiltStack* source = nullptr;
    if (auto again = std::find_if(rebuilt.begin(), rebuilt.end(), is_it); again != rebuilt.end())
      source = &*again;
    else if (auto first = std::find_if(built.begin(), built.end(), is_it); first != built.end())
      source = &*first;
    if (source) reordered.push_back(std::move(*source));
  }
  built = std::move(reordered);
}

}  // namespace

App::App(AppProps props) : Stage(std::string_view{}) {
  install_terminate_handler();
  read_environment(props);
}

App::App(int argc, char** argv, AppProps props) : Stage(std::string_view{}) {
  install_terminate_handler();
  Map cli_context;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--outdir" || arg == "-o") && i + 1 < argc) {
      props.outdir = argv[++i];
    } else if (arg == "--context" && i + 1 < argc) {
      std::string kv = argv[++i];
      auto eq = kv.find('=');
      if (eq == std::string::npos)
        throw Error(errc::InvalidContext, "", "--context expects key=value, got '" + kv + "'");
      detail::set_entry(cli_context, kv.substr(0, eq), Value{kv.substr(eq + 1)});
    }
  }
  read_environment(props);
  // --context wins over CDK_CONTEXT_JSON, as `cdk --context` does.
  for (auto& [key, value] : cli_context) detail::set_entry(context_, key, std::move(value));
}

App::~App() {
  if (free_tree_) return;
  // synth_main() ran: leave the tree to the system, reachable from here so that leak
  // checkers see it as in use (LLVM's BuryPointer does the same). Never destroyed.
  static std::mutex mutex;
  static auto* const buried = new std::vector<std::unique_ptr<Construct>>();
  std::lock_guard lock{mutex};
  for (auto& child : children_) buried->push_back(std::move(child));
  children_.clear();
}

void App::read_environment(const AppProps& props) {
  tree_metadata_ = props.tree_metadata;
  parallel_synth_ = props.parallel_synth;
  context_ = props.context;
  if (const char* json = std::getenv("CDK_CONTEXT_JSON"); json && *json) {
    synth::Json parsed = synth::Json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_object())
      throw Error(errc::InvalidContext, "", "CDK_CONTEXT_JSON is not a JSON object");
    for (const auto& [key, value] : parsed.items()) detail::set_entry(context_, key, synth::json_to_value(value));
  }
  if (props.outdir) {
    outdir_ = *props.outdir;
  } else if (const char* dir = std::getenv("CDK_OUTDIR"); dir && *dir) {
    outdir_ = dir;
  } else {
    outdir_ = "cdk.out";
  }
}

std::vector<Stack*> App::stacks() {
  std::vector<Stack*> out;
  for (Construct* node : find_all())
    if (auto* stack = detail::construct_cast<Stack>(node)) out.push_back(stack);
  return out;
}

CloudAssembly App::synth() {
  locked_ = true;
  std::vector<Diagnostic> diagnostics;
  detail::invoke_aspects(*this, diagnostics);
  synth::collect_validations(*this, diagnostics);
  for (Construct* node : find_all())
    for (const auto& m : node->metadata())
      if (m.type == "aws:cdk:error")
        diagnostics.push_back({"cdk.annotation.Error", node->path(), m.data.is_string() ? m.data.as_string() : "error"});

  add_stack_dependencies(*this, diagnostics);
  const auto all = stacks();
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (all[i]->artifact_id() == all[j]->artifact_id())
        diagnostics.push_back({errc::DuplicateStackName, all[i]->path(),
                               "stack artifact '" + all[i]->artifact_id() + "' is also produced by '" + all[j]->path() + "'"});
  if (all.empty()) diagnostics.push_back({errc::NoStack, "", "the app has no stacks; add one with app.add<cdk::Stack>(id)"});

  // The assembly goes to a staging folder as it is made, swapped in at the end. A
  // problem with the output folder is reported only when synthesis itself found none.
  std::optional<synth::AssemblyStaging> staging;
  std::exception_ptr output_error;
  try {
    staging.emplace(outdir_);
  } catch (const Error&) {
    output_error = std::current_exception();
  }
  const BuildOptions options{parallel_synth_, tree_metadata_, staging ? &*staging : nullptr};

  const std::size_t checked = diagnostics.size();
  auto ordered = deploy_order(all, diagnostics);
  auto built = build_templates(ordered, options);
  if (std::any_of(built.begin(), built.end(), [](const BuiltStack& b) { return b.cross_stack; })) {
    diagnostics.erase(diagnostics.begin() + static_cast<std::ptrdiff_t>(checked), diagnostics.end());
    link_stacks(*this, all, ordered, built, diagnostics, options);
  }
  std::vector<synth::SynthesizedStack> synthesized;
  synthesized.reserve(built.size());
  for (auto& b : built) {
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(b.diagnostics.begin()),
                       std::make_move_iterator(b.diagnostics.end()));
    synthesized.push_back(std::move(b.synthesized));
  }
  if (!diagnostics.empty()) throw SynthError(std::move(diagnostics));
  if (output_error) std::rethrow_exception(output_error);

  CloudAssembly assembly = detail::describe_assembly(*this, ordered);
  synth::write_manifests(*this, synthesized, tree_metadata_, *staging);
  if (tree_metadata_) staging->write("tree.json", {synth::tree_json(*this, synthesized)});
  staging->commit(synth::asset_copies(synthesized));
  return assembly;
}

int App::synth_main() {
  free_tree_ = false;
  try {
    synth();
    for (Construct* node : find_all())
      for (const auto& m : node->metadata())
        if ((m.type == "aws:cdk:warning" || m.type == "aws:cdk:info") && m.data.is_string())
          std::cerr << (m.type == "aws:cdk:warning" ? "warning: " : "info: ") << node->path() << ": "
                    << m.data.as_string() << "\n";
    return 0;
  } catch (const SynthError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << "error: " << d.to_string() << "\n";
    std::cerr << "synth failed with " << e.diagnostics().size() << " error(s); nothing was written\n";
  } catch (const Error& e) {
    std::cerr << "error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return 1;
}

void App::report_missing_context(MissingContext missing) {
  for (const auto& known : missing_context_) {
    if (known.key == missing.key) return;
  }
  missing_context_.push_back(std::move(missing));
}

}  // namespace cdk
