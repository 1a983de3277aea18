// The root of a cdkpp program. An App owns its stacks and writes the cloud assembly.
//
// The official `cdk` CLI runs a program with CDK_OUTDIR (where to write) and
// CDK_CONTEXT_JSON (context from cdk.json and cdk.context.json) set; App honours both.
// Run directly, it writes ./cdk.out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cdk/construct.hpp"
#include "cdk/stage.hpp"

namespace cdk {

struct AppProps {
  /// Context values, below those of CDK_CONTEXT_JSON (the CLI's wins, as in CDK).
  Map context;
  /// Where synth writes the cloud assembly. Default: $CDK_OUTDIR, else "cdk.out".
  std::optional<std::string> outdir;
  /// Build the stacks' templates on one thread per core. Lazy values then run on those
  /// threads: turn this off if yours change shared state.
  bool parallel_synth = true;
  /// Write tree.json (the construct tree, for tools such as the CDK console view).
  bool tree_metadata = true;
};

/// What synth wrote: one entry per stack, in deploy order.
struct StackArtifact {
  std::string artifact_id;
  std::string stack_name;
  std::string template_file;  // relative to the assembly directory
  std::string environment;    // aws://account/region
  std::string display_name;   // the stack's path, as `cdk ls` shows it ("Prod/Api")
};

/// A context value a construct needed but did not find (e.g. the AZs of a region): the
/// manifest lists it under "missing", and the `cdk` CLI looks it up, stores it in
/// cdk.context.json and runs the program again.
struct MissingContext {
  std::string key;       // e.g. "availability-zones:account=123456789012:region=us-east-1"
  std::string provider;  // e.g. "availability-zones"
  Map props;             // the lookup's parameters (account, region, lookupRoleArn, ...)
};

/// An assembly synth wrote: the app's, or the nested one of a stage.
struct CloudAssembly {
  std::string directory;
  /// This assembly's stacks in deploy order (those of its stages are in `nested`).
  std::vector<StackArtifact> stacks;
  /// "assembly-Prod" for a stage's assembly (its folder in the parent's); "" for the app's.
  std::string artifact_id;
  /// The stage's path ("Prod/Eu"); "" for the app's.
  std::string display_name;
  /// The assemblies of the stages directly in this one, in tree order.
  std::vector<CloudAssembly> nested;

  /// Every stack of this assembly and of the nested ones: this assembly's first, then
  /// each nested assembly's, depth first.
  std::vector<StackArtifact> all_stacks() const;
};

/// The root Stage: owns the stages and stacks of a program and writes the cloud assembly.
class App : public Stage {
 public:
  using Props = AppProps;

  explicit App(AppProps props = {});
  /// Also accepts `--outdir DIR` and `--context key=value` on the command line.
  App(int argc, char** argv, AppProps props = {});
  ~App() override;

  /// Every stack of the app, stages included, in tree order.
  std::vector<Stack*> stacks();

  /// Locks the tree, validates and resolves every stack, and writes the assembly
  /// atomically. Throws SynthError listing every problem; nothing is written then.
  CloudAssembly synth();

  /// synth() for main(): prints every error to stderr and returns the exit code (0, or 1
  /// on any error). Meant as main()'s last step (`return app.synth_main();`): destroying
  /// the App afterwards does not free its constructs one by one (for a large tree that
  /// took longer than synthesizing it); the process is about to end and the system takes
  /// the memory back at once, as compilers do (clang's -disable-free). The constructs are
  /// kept reachable, so leak checkers do not report them. Call synth() to keep the usual
  /// lifetime.
  int synth_main();

  /// Context visible to every construct (props, then CDK_CONTEXT_JSON, then --context).
  const Map& context() const { return context_; }

  /// Records a missing context lookup for the manifest; a key reported twice is kept once.
  void report_missing_context(MissingContext missing);
  const std::vector<MissingContext>& missing_context() const { return missing_context_; }

 private:
  void read_environment(const AppProps& props);

  bool tree_metadata_ = true;
  bool parallel_synth_ = true;
  bool free_tree_ = true;  // false after synth_main()
  std::vector<MissingContext> missing_context_;
};

}  // namespace cdk
