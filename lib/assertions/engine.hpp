// The matching engine behind cdk/assertions: patterns (cdk::Value with embedded
// matchers) tested against template JSON, with CDK's result model (failures by path,
// a cost per failure, captures committed only on success) and its mismatch rendering.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cdk/assertions/match.hpp"
#include "synth/json.hpp"

namespace cdk::assertions::detail {

using Json = cdk::synth::Json;

struct CaptureState {
  std::optional<Value> pattern;
  std::vector<Value> captured;
  std::size_t index = 0;
};

/// True inside a QuickMode scope: matchers only tell whether the target matches (no
/// messages, no captures kept, first failure ends the test). Queries test every entry
/// quickly, then again in full only where details are needed (captures, failure texts).
bool quick_mode();
class QuickMode {
 public:
  QuickMode();
  ~QuickMode();
  QuickMode(const QuickMode&) = delete;
  QuickMode& operator=(const QuickMode&) = delete;

 private:
  bool previous_;
};

/// One query: tokens of its pattern are resolved once while a scope is open.
class QueryScope {
 public:
  QueryScope();
  ~QueryScope();
  QueryScope(const QueryScope&) = delete;
  QueryScope& operator=(const QueryScope&) = delete;
};

/// One failure: where (relative to the result's target), which matcher, why.
struct Failure {
  const char* matcher = "";
  std::vector<std::string> path;
  std::string message;
  int cost = 1;
};

/// The outcome of testing one target (CDK's MatchResult). `target` is the tested value,
/// nullptr when it is absent (JavaScript's undefined).
class MatchResult {
 public:
  explicit MatchResult(const Json* target) : target_{target} {}
  /// Keeps alive a value computed while matching that the target points into
  /// (serialized_json's parsed JSON).
  void keep_alive(std::shared_ptr<const Json> owned) { owned_.push_back(std::move(owned)); }

  MatchResult& record_failure(Failure failure);
  /// Records the failure `make()` returns; in quick mode only notes that it failed.
  template <class MakeFailure>
  MatchResult& fail(MakeFailure&& make) {
    if (quick_mode()) {
      failed_ = true;
      ++fail_count_;
      ++cost_;
      return *this;
    }
    return record_failure(make());
  }
  /// Adds `inner` (the result for the child `id` of the target) to this result.
  MatchResult& compose(const std::string& id, MatchResult inner);
  void record_capture(const std::shared_ptr<CaptureState>& capture, const Json& value);
  /// Commits the captures when the whole match succeeded.
  void finished();

  bool has_failed() const { return failed_; }
  int fail_count() const { return fail_count_; }
  int fail_cost() const { return cost_; }
  const Json* target() const { return target_; }

  /// "<message> at /a/b (using objectLike matcher)", one per failure.
  std::vector<std::string> to_human_strings() const;
  /// The target rendered with the failures in context, as CDK's renderMismatch.
  std::string render_mismatch() const;

 private:
  struct Inner {
    std::string id;
    std::shared_ptr<MatchResult> result;
  };
  std::vector<Failure>* failures_at(const std::string& key);
  const std::vector<Failure>* failures_at(const std::string& key) const;
  const MatchResult* inner_at(const std::string& id) const;
  void collect_human(const std::string& prefix, std::vector<std::string>& out) const;

  const Json* target_;
  std::vector<std::shared_ptr<const Json>> owned_;
  std::vector<std::pair<std::string, std::vector<Failure>>> failures_here_;  // by path joined with '.'
  std::vector<Inner> inner_;
  std::vector<std::pair<std::shared_ptr<CaptureState>, Json>> captures_;
  bool failed_ = false;
  bool finalized_ = false;
  int fail_count_ = 0;
  int cost_ = 0;

  friend class MismatchRenderer;
};

/// Tests `pattern` against `actual` as CDK's LiteralMatch would when the pattern is a
/// literal (partial_objects: objects nested at any level match partially), or with the
/// matcher when it is one.
MatchResult test_value(const char* name, const Value& pattern, const Json* actual, bool partial_objects);
/// Match::object_like(pattern) (partial) or object_equals (not partial) of a map.
MatchResult test_object(const char* name, const Map& pattern, const Json* actual, bool partial);
/// The pattern at the top of a query: a matcher as is, a map as object_like, another
/// literal compared with partial objects.
MatchResult test_top_level(const Value& pattern, const Json* actual);

bool is_absent_matcher(const Value& value);

/// JSON text of an absent value ("undefined") or a value (compact).
std::string jsonify(const Json* value);
/// "string", "number", "boolean", "null", "array", "object" or "undefined".
std::string type_name(const Json* value);

}  // namespace cdk::assertions::detail
