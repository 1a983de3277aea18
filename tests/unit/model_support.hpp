// Helpers shared by the model tests (value, fn, construct, elements, overrides,
// parameter): a stack that renders exactly what was declared, and ways to look at the
// rendered JSON and at the diagnostics of a failed synth.
#pragma once

#include <doctest/doctest.h>

#include <cdk/cdk.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "synth/resolver.hpp"

namespace model_test {

// Ordered, so that comparing with an expected literal also checks key order: the
// template must be byte-identical run to run, and CDK's order is part of the contract.
using Json = nlohmann::ordered_json;

// An app that is never synthesized to disk, with one stack that adds nothing of its own
// (the legacy synthesizer), so templates hold only what a test declared.
struct Fixture {
  cdk::App app{cdk::AppProps{.outdir = "model-test-unused.out"}};
  cdk::Stack& stack = app.add<cdk::Stack>("S", {.synthesizer = cdk::LegacyStackSynthesizer{}});
};

inline Json template_of(cdk::Stack& stack) { return Json::parse(stack.to_json()); }

// A resource CloudFormation accepts as a placeholder, for templates that would
// otherwise have no resources.
inline cdk::CfnResource& add_placeholder(cdk::Construct& scope, std::string id = "Placeholder") {
  return scope.add<cdk::CfnResource>(id, {.type = "AWS::CloudFormation::WaitConditionHandle"});
}

// The diagnostics of a failed to_json(); empty when it succeeded.
inline std::vector<cdk::Diagnostic> synth_errors(cdk::Stack& stack) {
  try {
    (void)stack.to_json();
  } catch (const cdk::SynthError& e) {
    return e.diagnostics();
  }
  return {};
}

// Resolves one value against `stack` as synth would, without building a template.
struct Resolved {
  Json json;
  std::vector<cdk::Diagnostic> diagnostics;
};

inline Resolved resolve_in(cdk::Stack& stack, const cdk::Value& value) {
  std::unordered_map<std::string, const cdk::CfnElement*> by_logical_id;
  for (const cdk::CfnElement* e : stack.elements()) by_logical_id.emplace(e->logical_id(), e);
  Resolved out;
  cdk::synth::Resolver resolver{stack, by_logical_id, out.diagnostics};
  out.json = resolver.resolve(value, "S/Probe");
  return out;
}

// Resolves a value that must resolve without problems.
inline Json resolve(cdk::Stack& stack, const cdk::Value& value) {
  auto r = resolve_in(stack, value);
  for (const auto& d : r.diagnostics) FAIL_CHECK("unexpected diagnostic: " << d.to_string());
  return r.json;
}

}  // namespace model_test
