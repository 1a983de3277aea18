// A Stage: a group of stacks deployed together (dev, prod, ...), synthesized as a nested
// cloud assembly that the `cdk` CLI lists as `Prod/Api`. The App is itself a Stage (the
// root one), as in CDK.
//
//   cdk::App app;
//   auto& prod = app.add<cdk::Stage>("Prod", {.env = {.account = "123456789012", .region = "eu-west-1"}});
//   auto& api = prod.add<cdk::Stack>("Api");   // stack name "Prod-Api", env from the stage
//
// Synth writes, next to the app's manifest.json, a folder `assembly-Prod` with the stage's
// own manifest.json, templates and asset manifests; the app's manifest refers to it with
// an artifact of type `cdk:cloud-assembly`. Stages nest: `Prod/Eu` writes
// `assembly-Prod/assembly-Prod-Eu`, and its stacks are named `Prod-Eu-<id>`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cdk/construct.hpp"
#include "cdk/environment.hpp"

namespace cdk {

struct StageProps {
  /// Default environment of the stacks in this stage (each field separately: a stack's
  /// own account or region wins). Default: the enclosing stage's.
  Environment env;
  /// Where the stage's assembly is written when it is synthesized on its own. Only for
  /// a top-level stage: a nested stage (any stage inside an App) always writes to
  /// `<parent outdir>/<artifact_id()>` (cdk.stage.OutdirForNestedStage otherwise).
  std::optional<std::string> outdir;
  /// The prefix of the stack names of this stage; the enclosing stages' names are put
  /// in front, joined with '-'. Default: the stage's id.
  std::optional<std::string> stage_name;
};

class Stage : public Construct {
 public:
  using Props = StageProps;

  /// The id must start with a letter and hold only letters, digits, '-', '_' and '.'
  /// (cdk.stage.InvalidName), as CDK's.
  Stage(Construct& scope, std::string_view id, StageProps props = {});

  /// The closest Stage strictly above `construct` (the App included), or nullptr for a
  /// free-standing tree. As in CDK, Stage::of(stage) is the stage's parent stage, not
  /// the stage itself; Stage::of(app) is nullptr.
  static Stage* of(const Construct& construct);
  /// Whether `construct` is a Stage, the App included (CDK's Stage.isStage).
  static bool is_stage(const Construct& construct) { return construct.has_trait(Trait::Stage); }

  /// The enclosing stage (Stage::of(*this)); nullptr for the App.
  Stage* parent_stage() const { return parent_stage_; }

  /// The enclosing stages' names and this stage's (props.stage_name or its id) joined
  /// with '-': "Prod", "Prod-Eu". "" for the App.
  const std::string& stage_name() const { return stage_name_; }

  /// The id of the nested assembly in the parent's manifest and the name of its folder:
  /// "assembly-" + the path with '/' replaced by '-' ("assembly-Prod-Eu"). "" for the App.
  std::string artifact_id() const;

  /// The stage's environment: its own fields, else the enclosing stage's.
  const Environment& environment() const { return env_; }

  /// The folder the stage's assembly is written to: the App's outdir, and for a nested
  /// stage `<parent outdir>/<artifact_id()>`.
  const std::string& outdir() const { return outdir_; }

 protected:
  /// The root stage (the App): no parent, no name.
  explicit Stage(std::string_view id);

  std::string outdir_;

 private:
  Stage* parent_stage_ = nullptr;
  std::string stage_name_;
  Environment env_;
};

}  // namespace cdk
