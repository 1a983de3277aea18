#include "assertions/engine.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "cdk/assertions/error.hpp"
#include "cdk/errors.hpp"
#include "cdk/stack.hpp"
#include "synth/resolver.hpp"
#include "synth/value_json.hpp"

namespace cdk::assertions::detail {

using cdk::detail::TokenData;
using cdk::detail::TokenOp;

// ---------------------------------------------------------------------------------------
// Matchers ride inside cdk::Value as lazy tokens whose producer is a MatcherThunk: the
// Value model needs no new kind, a matcher composes with Map/List literals like any other
// value, and std::function::target<MatcherThunk>() recognizes it again. Synthesizing a
// real stack that holds one calls the thunk, which reports the mistake.

namespace {

class MatcherImpl {
 public:
  virtual ~MatcherImpl() = default;
  virtual const char* name() const = 0;
  virtual MatchResult test(const Json* actual) const = 0;
};

struct MatcherThunk {
  std::shared_ptr<const MatcherImpl> matcher;
  Value operator()() const {
    throw cdk::Error("cdk.assertions.MatcherInTemplate", "",
                     std::string{"a Match::"} + matcher->name() +
                         " matcher is a test pattern and cannot be synthesized (nor nested in an intrinsic "
                         "function of a pattern; write the intrinsic as a cdk::Map, e.g. {{\"Fn::Join\", ...}})");
  }
};

Value make_matcher(std::shared_ptr<const MatcherImpl> matcher) {
  auto data = std::make_shared<TokenData>();
  data->op = TokenOp::Lazy;
  data->type = TokenType::Any;
  data->lazy = MatcherThunk{std::move(matcher)};
  return Value::make_token(std::move(data));
}

const MatcherImpl* as_matcher(const Value& value) {
  if (!value.is_token()) return nullptr;
  const TokenData& token = value.token();
  if (token.op != TokenOp::Lazy) return nullptr;
  const auto* thunk = token.lazy.target<MatcherThunk>();
  return thunk ? thunk->matcher.get() : nullptr;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

// Tokens in a pattern (element.ref(), Fn::...) become their CloudFormation JSON. The
// resolver needs a stack for its messages; references are rendered whatever it reports.
Json resolve_token(const Value& token) {
  static RootConstruct root;
  static const Stack& stack = [] () -> const Stack& {
    StackProps props;
    props.synthesizer = LegacyStackSynthesizer{};
    return root.add<Stack>("AssertionsPattern", std::move(props));
  }();
  static const std::unordered_map<std::string, const CfnElement*> no_elements;
  std::vector<Diagnostic> ignored;
  synth::Resolver resolver{stack, no_elements, ignored};
  return resolver.resolve(token, "");
}

// Per-thread query state: quick mode (pass/fail only, no messages, early exits) and the
// tokens of the current query's pattern, resolved once.
struct QueryState {
  bool quick = false;
  int depth = 0;
  std::unordered_map<const TokenData*, Value> resolved;
};
thread_local QueryState query_state;

Value resolved_token(const Value& token) {
  if (query_state.depth == 0) return synth::json_to_value(resolve_token(token));
  auto [it, inserted] = query_state.resolved.try_emplace(&token.token());
  if (inserted) it->second = synth::json_to_value(resolve_token(token));
  return it->second;
}

std::string value_type_name(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Bool: return "boolean";
    case Value::Kind::Integer:
    case Value::Kind::Double: return "number";
    case Value::Kind::String: return "string";
    case Value::Kind::List: return "array";
    case Value::Kind::Map: return "object";
    case Value::Kind::Token: return "token";
  }
  return "unknown";
}

bool scalar_equals(const Value& pattern, const Json& actual) {
  switch (pattern.kind()) {
    case Value::Kind::Null: return actual.is_null();
    case Value::Kind::Bool: return actual.is_boolean() && actual.get<bool>() == pattern.as_bool();
    case Value::Kind::Integer:
      // Check unsigned first: nlohmann's is_number_integer() is true for unsigned numbers too.
      if (actual.is_number_unsigned()) return pattern.as_integer() >= 0 && actual.get<std::uint64_t>() == static_cast<std::uint64_t>(pattern.as_integer());
      if (actual.is_number_integer()) return actual.get<std::int64_t>() == pattern.as_integer();
      return actual.is_number() && actual.get<double>() == pattern.as_double();
    case Value::Kind::Double: return actual.is_number() && actual.get<double>() == pattern.as_double();
    case Value::Kind::String: return actual.is_string() && actual.get_ref<const std::string&>() == pattern.as_string();
    default: return false;
  }
}

MatchResult test_literal(const char* name, const Value& pattern, const Json* actual, bool partial);

MatchResult test_array(const char* name, const List& pattern, const Json* actual, bool subsequence, bool partial) {
  if (!actual || !actual->is_array()) {
    MatchResult result{actual};
    result.fail([&] { return Failure{name, {}, "Expected type array but received " + type_name(actual)}; });
    return result;
  }
  MatchResult result{actual};
  const std::size_t n = actual->size();
  if (!subsequence) {
    std::size_t i = 0;
    for (; i < pattern.size() && i < n; ++i) {
      result.compose(std::to_string(i), test_value(name, pattern[i], &(*actual)[i], partial));
      if (quick_mode() && result.has_failed()) return result;
    }
    if (i < pattern.size())
      result.fail([&] { return Failure{name, {std::to_string(i)},
                             "Not enough elements in array (expecting " + std::to_string(pattern.size()) + ", got " +
                                 std::to_string(n) + ")"}; });
    if (i < n)
      result.fail([&] { return Failure{name, {std::to_string(i)},
                             "Too many elements in array (expecting " + std::to_string(pattern.size()) + ", got " +
                                 std::to_string(n) + ")"}; });
    return result;
  }

  // Subsequence: try each pattern element against the elements left, in order; keep every
  // attempt to report where earlier patterns matched and the closest try of the first
  // pattern that did not.
  std::size_t p = 0, a = 0;
  if (quick_mode()) {
    while (p < pattern.size() && a < n)
      if (!test_value(name, pattern[p], &(*actual)[a++], partial).has_failed()) ++p;
    if (p < pattern.size()) result.fail([&] { return Failure{name, {}, "no match"}; });
    return result;
  }
  std::vector<std::vector<std::pair<std::size_t, MatchResult>>> attempts(pattern.size());
  while (p < pattern.size() && a < n) {
    MatchResult inner = test_value(name, pattern[p], &(*actual)[a], partial);
    const bool ok = !inner.has_failed();
    if (ok) result.compose(std::to_string(a), inner);  // records its captures
    attempts[p].emplace_back(a, std::move(inner));
    ++a;
    if (ok) ++p;
  }
  if (p < pattern.size()) {
    for (std::size_t done = 0; done < p; ++done) {
      for (const auto& [index, r] : attempts[done]) {
        if (r.has_failed()) continue;
        MatchResult note{&(*actual)[index]};
        note.fail([&] { return Failure{name, {}, "array_with pattern " + std::to_string(done) + " matched here", 0}; });
        result.compose(std::to_string(index), std::move(note));
        break;
      }
    }
    auto& failed = attempts[p];
    if (!failed.empty()) {
      auto best = std::min_element(failed.begin(), failed.end(), [](const auto& x, const auto& y) {
        return x.second.fail_cost() != y.second.fail_cost() ? x.second.fail_cost() < y.second.fail_cost() : x.first < y.first;
      });
      std::string message = "Could not match array_with pattern " + std::to_string(p) + ". This is the closest match";
      if (pattern[p].is_map())
        message += " (a literal object in array_with matches exactly, as in CDK; wrap it in Match::object_like to allow other keys)";
      result.fail([&] { return Failure{name, {std::to_string(best->first)}, std::move(message), 0}; });
      result.compose(std::to_string(best->first), std::move(best->second));
    } else {
      result.fail([&] { return Failure{name, {std::to_string(n)},
                             "Could not match array_with pattern " + std::to_string(p) + ". No more elements to try"}; });
    }
  }
  return result;
}

MatchResult test_literal(const char* name, const Value& pattern, const Json* actual, bool partial) {
  switch (pattern.kind()) {
    case Value::Kind::Token: {
      if (as_matcher(pattern)) return test_value(name, pattern, actual, partial);
      return test_literal(name, resolved_token(pattern), actual, partial);
    }
    case Value::Kind::List: return test_array(name, pattern.as_list(), actual, false, partial);
    case Value::Kind::Map: return test_object(name, pattern.as_map(), actual, partial);
    default: break;
  }
  MatchResult result{actual};
  const std::string expected_type = value_type_name(pattern);
  const std::string actual_type = type_name(actual);
  if (expected_type != actual_type) {
    result.fail([&] { return Failure{name, {}, "Expected type " + expected_type + " but received " + actual_type}; });
  } else if (!scalar_equals(pattern, *actual)) {
    result.fail([&] { return Failure{name, {}, "Expected " + synth::literal_to_json(pattern).dump() + " but received " + jsonify(actual)}; });
  }
  return result;
}

// -- The matchers -----------------------------------------------------------------------

class LiteralMatcher final : public MatcherImpl {
 public:
  LiteralMatcher(const char* name, Value pattern, bool partial) : name_{name}, pattern_(std::move(pattern)), partial_{partial} {}
  const char* name() const override { return name_; }
  MatchResult test(const Json* actual) const override { return test_literal(name_, pattern_, actual, partial_); }

 private:
  const char* name_;
  Value pattern_;
  bool partial_;
};

class ObjectMatcher final : public MatcherImpl {
 public:
  ObjectMatcher(const char* name, Map pattern, bool partial) : name_{name}, pattern_(std::move(pattern)), partial_{partial} {}
  const char* name() const override { return name_; }
  MatchResult test(const Json* actual) const override { return test_object(name_, pattern_, actual, partial_); }

 private:
  const char* name_;
  Map pattern_;
  bool partial_;
};

class ArrayMatcher final : public MatcherImpl {
 public:
  ArrayMatcher(const char* name, List pattern, bool subsequence)
      : name_{name}, pattern_(std::move(pattern)), subsequence_{subsequence} {}
  const char* name() const override { return name_; }
  MatchResult test(const Json* actual) const override { return test_array(name_, pattern_, actual, subsequence_, false); }

 private:
  const char* name_;
  List pattern_;
  bool subsequence_;
};

class NotMatcher final : public MatcherImpl {
 public:
  explicit NotMatcher(Value pattern) : pattern_(std::move(pattern)) {}
  const char* name() const override { return "not_"; }
  MatchResult test(const Json* actual) const override {
    MatchResult inner = test_value(name(), pattern_, actual, false);
    MatchResult result{actual};
    if (inner.fail_count() == 0)
      result.fail([&] { return Failure{name(), {}, "Found unexpected match: " + (actual ? actual->dump(2) : std::string{"undefined"})}; });
    return result;
  }

 private:
  Value pattern_;
};

class SerializedJsonMatcher final : public MatcherImpl {
 public:
  explicit SerializedJsonMatcher(Value pattern) : pattern_(std::move(pattern)) {}
  const char* name() const override { return "serialized_json"; }
  MatchResult test(const Json* actual) const override {
    if (!actual || !actual->is_string()) {
      MatchResult result{actual};
      result.fail([&] { return Failure{name(), {}, "Expected JSON as a string but found " + type_name(actual)}; });
      return result;
    }
    auto parsed = std::make_shared<Json>(Json::parse(actual->get_ref<const std::string&>(), nullptr, false));
    if (parsed->is_discarded()) {
      MatchResult result{actual};
      result.fail([&] { return Failure{name(), {}, "Invalid JSON string: " + actual->get_ref<const std::string&>()}; });
      return result;
    }
    // The result is about the parsed value (rendered as `"<text>" <*> <parsed>`).
    MatchResult result = test_value(name(), pattern_, parsed.get(), false);
    result.keep_alive(std::move(parsed));
    if (result.has_failed()) result.fail([&] { return Failure{name(), {}, "Encoded JSON value does not match"}; });
    return result;
  }

 private:
  Value pattern_;
};

class AnyMatcher final : public MatcherImpl {
 public:
  const char* name() const override { return "any_value"; }
  MatchResult test(const Json* actual) const override {
    MatchResult result{actual};
    if (!actual || actual->is_null()) result.fail([&] { return Failure{name(), {}, "Expected a value but found none"}; });
    return result;
  }
};

class AbsentMatcher final : public MatcherImpl {
 public:
  const char* name() const override { return "absent"; }
  MatchResult test(const Json* actual) const override {
    MatchResult result{actual};
    if (actual) result.fail([&] { return Failure{name(), {}, "Received " + actual->dump() + ", but key should be absent"}; });
    return result;
  }
};

class RegexpMatcher final : public MatcherImpl {
 public:
  explicit RegexpMatcher(std::string pattern) : pattern_(std::move(pattern)) {
    try {
      regex_ = std::regex{pattern_, std::regex::ECMAScript | std::regex::multiline};
    } catch (const std::regex_error& e) {
      throw std::invalid_argument("Match::string_like_regexp: invalid regular expression '" + pattern_ + "': " + e.what());
    }
  }
  const char* name() const override { return "string_like_regexp"; }
  MatchResult test(const Json* actual) const override {
    MatchResult result{actual};
    if (!actual || !actual->is_string()) {
      result.fail([&] { return Failure{name(), {}, "Expected a string, but got " + type_name(actual)}; });
    } else if (!std::regex_search(actual->get_ref<const std::string&>(), regex_)) {
      result.fail([&] { return Failure{name(), {}, "String " + actual->dump() + " did not match pattern " + Json(pattern_).dump()}; });
    }
    return result;
  }

 private:
  std::string pattern_;
  std::regex regex_;
};

class CaptureMatcher final : public MatcherImpl {
 public:
  explicit CaptureMatcher(std::shared_ptr<CaptureState> state) : state_{std::move(state)} {}
  const char* name() const override { return "Capture"; }
  MatchResult test(const Json* actual) const override {
    MatchResult result{actual};
    if (!actual || actual->is_null()) {
      result.fail([&] { return Failure{name(), {}, "Can only capture non-null values. Found " + jsonify(actual)}; });
      return result;
    }
    if (state_->pattern) {
      MatchResult inner = test_top_level(*state_->pattern, actual);
      if (inner.has_failed()) return inner;
    }
    if (!quick_mode()) result.record_capture(state_, *actual);
    return result;
  }
  const std::shared_ptr<CaptureState>& state() const { return state_; }

 private:
  std::shared_ptr<CaptureState> state_;
};

}  // namespace

// -- Matching ---------------------------------------------------------------------------

bool quick_mode() { return query_state.quick; }

QueryScope::QueryScope() {
  if (query_state.depth++ == 0) query_state.resolved.clear();
}
QueryScope::~QueryScope() {
  if (--query_state.depth == 0) query_state.resolved.clear();
}
QuickMode::QuickMode() : previous_{query_state.quick} { query_state.quick = true; }
QuickMode::~QuickMode() { query_state.quick = previous_; }

bool is_absent_matcher(const Value& value) {
  const MatcherImpl* m = as_matcher(value);
  return m && std::string_view{m->name()} == "absent";
}

MatchResult test_value(const char* name, const Value& pattern, const Json* actual, bool partial_objects) {
  if (const MatcherImpl* m = as_matcher(pattern)) return m->test(actual);
  return test_literal(name, pattern, actual, partial_objects);
}

MatchResult test_object(const char* name, const Map& pattern, const Json* actual, bool partial) {
  MatchResult result{actual};
  if (!actual || !actual->is_object()) {
    result.fail([&] { return Failure{name, {}, "Expected type object but received " + type_name(actual)}; });
    return result;
  }
  if (!partial) {
    for (const auto& item : actual->items()) {
      const bool expected = std::any_of(pattern.begin(), pattern.end(), [&](const auto& e) { return e.first == item.key(); });
      if (!expected && quick_mode()) {
        result.fail([] { return Failure{}; });
        return result;
      }
      if (!expected) result.fail([&] { return Failure{name, {item.key()}, "Unexpected key " + item.key()}; });
    }
  }
  for (const auto& [key, value] : pattern) {
    auto found = actual->find(key);
    const Json* child = found == actual->end() ? nullptr : &*found;
    if (!child && !is_absent_matcher(value)) {
      // Named capture: clang before 16 cannot capture a structured binding.
      result.fail([&name, &key = key] { return Failure{name, {key}, "Missing key '" + key + "'"}; });
      if (quick_mode()) return result;
      continue;
    }
    result.compose(key, test_value(name, value, child, partial));
    if (quick_mode() && result.has_failed()) return result;
  }
  return result;
}

MatchResult test_top_level(const Value& pattern, const Json* actual) {
  if (const MatcherImpl* m = as_matcher(pattern)) return m->test(actual);
  if (pattern.is_map()) return test_object("object_like", pattern.as_map(), actual, true);
  return test_literal("object_like", pattern, actual, true);
}

std::string jsonify(const Json* value) { return value ? value->dump() : "undefined"; }

std::string type_name(const Json* value) {
  if (!value) return "undefined";
  switch (value->type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "number";
    case Json::value_t::string: return "string";
    case Json::value_t::array: return "array";
    case Json::value_t::object: return "object";
    default: return "unknown";
  }
}

// -- MatchResult ------------------------------------------------------------------------

std::vector<Failure>* MatchResult::failures_at(const std::string& key) {
  for (auto& [k, list] : failures_here_)
    if (k == key) return &list;
  return nullptr;
}
const std::vector<Failure>* MatchResult::failures_at(const std::string& key) const {
  for (const auto& [k, list] : failures_here_)
    if (k == key) return &list;
  return nullptr;
}
const MatchResult* MatchResult::inner_at(const std::string& id) const {
  for (const auto& i : inner_)
    if (i.id == id) return i.result.get();
  return nullptr;
}

MatchResult& MatchResult::record_failure(Failure failure) {
  const std::string key = join(failure.path, ".");
  ++fail_count_;
  cost_ += failure.cost;
  failed_ = true;
  if (auto* list = failures_at(key)) {
    list->push_back(std::move(failure));
  } else {
    failures_here_.emplace_back(key, std::vector<Failure>{std::move(failure)});
  }
  return *this;
}

MatchResult& MatchResult::compose(const std::string& id, MatchResult inner) {
  for (auto& capture : inner.captures_) captures_.push_back(std::move(capture));
  inner.captures_.clear();
  if (inner.has_failed() && quick_mode()) {
    failed_ = true;
    ++fail_count_;
    return *this;
  }
  if (inner.has_failed()) {
    failed_ = true;
    fail_count_ += inner.fail_count_;
    cost_ += inner.cost_;
    auto shared = std::make_shared<MatchResult>(std::move(inner));
    for (auto& i : inner_) {
      if (i.id == id) {
        i.result = std::move(shared);
        return *this;
      }
    }
    inner_.push_back({id, std::move(shared)});
  }
  return *this;
}

void MatchResult::record_capture(const std::shared_ptr<CaptureState>& capture, const Json& value) {
  captures_.emplace_back(capture, value);
}

void MatchResult::finished() {
  if (finalized_) return;
  if (fail_count_ == 0)
    for (const auto& [capture, value] : captures_) capture->captured.push_back(synth::json_to_value(value));
  finalized_ = true;
}

void MatchResult::collect_human(const std::string& prefix, std::vector<std::string>& out) const {
  for (const auto& [key, list] : failures_here_) {
    for (const auto& f : list) {
      std::string path = prefix;
      for (const auto& p : f.path) path += "/" + p;
      out.push_back(f.message + (path.empty() ? "" : " at " + path) + " (using " + f.matcher + " matcher)");
    }
  }
  for (const auto& i : inner_) i.result->collect_human(i.id.empty() ? prefix : prefix + "/" + i.id, out);
}

std::vector<std::string> MatchResult::to_human_strings() const {
  std::vector<std::string> out;
  collect_human("", out);
  return out;
}

// CDK's renderMismatch: the target, with each failure printed ("!! ...") on the line
// before the value it is about; values without failures are abridged.
class MismatchRenderer {
 public:
  std::string render(const MatchResult& r) {
    if (!r.has_failed()) return "<match>";
    emit_failures(r, "", nullptr);
    recurse(r);
    while (!out_.empty() && std::isspace(static_cast<unsigned char>(out_.back()))) out_.pop_back();
    return move_markers_to_front(out_);
  }

 private:
  void emit(std::string_view x) {
    for (char c : x) {
      out_ += c;
      if (c == '\n') out_ += indent_;
    }
  }
  void push_indent() { indent_ += "  "; }
  void pop_indent() { indent_.resize(indent_.size() - 2); }

  void emit_failures(const MatchResult& r, const std::string& path, std::vector<std::string>* remaining) {
    if (const auto* list = r.failures_at(path))
      for (const auto& f : *list) emit("!! " + f.message + "\n");
    if (remaining) remaining->erase(std::remove(remaining->begin(), remaining->end(), path), remaining->end());
  }

  void emit_remaining(const MatchResult& r, const std::vector<std::string>& remaining) {
    if (!remaining.empty()) emit("\n");
    for (const auto& key : remaining) emit_failures(r, key, nullptr);
  }

  void recurse(const MatchResult& r) {
    std::vector<std::string> remaining;
    for (const auto& [key, list] : r.failures_here_)
      if (!key.empty()) remaining.push_back(key);
    const Json* target = r.target();

    if (target && target->is_array()) {
      push_indent();
      emit("[\n");
      for (std::size_t i = 0; i < target->size(); ++i) {
        if (i) emit(",\n");
        const std::string key = std::to_string(i);
        emit_failures(r, key, &remaining);
        if (const MatchResult* inner = r.inner_at(key)) {
          emit_failures(*inner, "", nullptr);
          recurse_comparing(*inner, &(*target)[i]);
        } else {
          emit(abridged(&(*target)[i]));
        }
      }
      emit_remaining(r, remaining);
      pop_indent();
      emit("\n]");
      return;
    }

    if (target && target->is_object()) {
      push_indent();
      emit("{\n");
      std::set<std::string> keys;
      for (const auto& item : target->items()) keys.insert(item.key());
      for (const auto& k : remaining) keys.insert(k);
      bool first = true;
      for (const auto& key : keys) {
        if (!first) emit(",\n");
        first = false;
        emit_failures(r, key, &remaining);
        auto found = target->find(key);
        const Json* child = found == target->end() ? nullptr : &*found;
        if (const MatchResult* inner = r.inner_at(key)) {
          emit_failures(*inner, "", nullptr);
          emit(Json(key).dump() + ": ");
          recurse_comparing(*inner, child);
        } else {
          emit(Json(key).dump() + ": ");
          emit(abridged(child));
        }
      }
      emit_remaining(r, remaining);
      pop_indent();
      emit("\n}");
      return;
    }

    emit_remaining(r, remaining);
    emit(jsonify(target));
  }

  // A matcher that tested a transformation of the value (serialized_json) shows both.
  void recurse_comparing(const MatchResult& inner, const Json* actual) {
    if (inner.target() == actual) return recurse(inner);
    emit(abridged(actual));
    emit(" <*> ");
    recurse(inner);
  }

  static std::string abridged(const Json* x) {
    if (x && x->is_array()) {
      switch (x->size()) {
        case 0: return "[]";
        case 1: return "[ " + abridged(&(*x)[0]) + " ]";
        case 2:
          if (std::all_of(x->begin(), x->end(), [](const Json& e) { return e.is_number() || e.is_boolean() || e.is_string(); }))
            return "[ " + abridged(&(*x)[0]) + ", " + abridged(&(*x)[1]) + " ]";
          return "[ ... ]";
        default: return "[ ... ]";
      }
    }
    if (x && x->is_object()) {
      switch (x->size()) {
        case 0: return "{}";
        case 1: return "{ " + Json(x->begin().key()).dump() + ": " + abridged(&x->begin().value()) + " }";
        default: return "{ ... }";
      }
    }
    return jsonify(x);
  }

  // "    !! message" -> "!!   message": markers start the line, the text stays in place.
  static std::string move_markers_to_front(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string_view line{text.data() + start, end - start};
      std::size_t spaces = 0;
      while (spaces < line.size() && (line[spaces] == ' ' || line[spaces] == '\t')) ++spaces;
      if (spaces > 0 && line.substr(spaces, 2) == "!!") {
        out += "!!";
        out.append(spaces >= 2 ? spaces - 2 : 0, ' ');
        out += line.substr(spaces + 2);
      } else {
        out += line;
      }
      if (end == text.size()) break;
      out += '\n';
      start = end + 1;
    }
    return out;
  }

  std::string out_;
  std::string indent_;
};

std::string MatchResult::render_mismatch() const { return MismatchRenderer{}.render(*this); }

}  // namespace cdk::assertions::detail

// -- Public API -----------------------------------------------------------------------------

namespace cdk::assertions {

using detail::as_matcher;
using detail::make_matcher;

namespace Match {

Value object_like(Map pattern) { return make_matcher(std::make_shared<detail::ObjectMatcher>("object_like", std::move(pattern), true)); }
Value object_equals(Map pattern) {
  return make_matcher(std::make_shared<detail::ObjectMatcher>("object_equals", std::move(pattern), false));
}
Value array_with(List pattern) {
  for (const auto& element : pattern) {
    const std::string name = name_of(element);
    if (name == "absent" || name == "any_value")
      throw std::invalid_argument("Match::" + name + "() cannot be nested within Match::array_with()");
  }
  return make_matcher(std::make_shared<detail::ArrayMatcher>("array_with", std::move(pattern), true));
}
Value array_equals(List pattern) {
  return make_matcher(std::make_shared<detail::ArrayMatcher>("array_equals", std::move(pattern), false));
}
Value exact(Pattern pattern) {
  if (is_matcher(pattern.value()))
    throw std::invalid_argument("Match::exact() cannot directly contain another matcher (" + name_of(pattern.value()) +
                                "); remove the outer matcher or nest the inner one more deeply");
  return make_matcher(std::make_shared<detail::LiteralMatcher>("exact", pattern.value(), false));
}
Value absent() { return make_matcher(std::make_shared<detail::AbsentMatcher>()); }
Value any_value() { return make_matcher(std::make_shared<detail::AnyMatcher>()); }
Value not_(Pattern pattern) { return make_matcher(std::make_shared<detail::NotMatcher>(pattern.value())); }
Value serialized_json(Pattern pattern) { return make_matcher(std::make_shared<detail::SerializedJsonMatcher>(pattern.value())); }
Value string_like_regexp(std::string pattern) { return make_matcher(std::make_shared<detail::RegexpMatcher>(std::move(pattern))); }

bool is_matcher(const Value& value) { return as_matcher(value) != nullptr; }
std::string name_of(const Value& value) {
  const auto* m = as_matcher(value);
  return m ? m->name() : "";
}

}  // namespace Match

// -- Capture ----------------------------------------------------------------------------

Capture::Capture() : state_{std::make_shared<detail::CaptureState>()} {}
Capture::Capture(Pattern pattern) : Capture() { state_->pattern = pattern.value(); }

Capture::operator Value() const { return make_matcher(std::make_shared<detail::CaptureMatcher>(state_)); }

namespace {
std::string value_json(const Value& v) {
  if (v.is_token()) return "<token>";
  return synth::literal_to_json(v).dump(2);
}
}  // namespace

const Value& Capture::value() const {
  if (state_->captured.empty()) throw AssertionError("No value captured");
  return state_->captured[state_->index];
}

namespace {
[[noreturn]] void wrong_type(const char* expected, const Value& v) {
  throw AssertionError(std::string{"Captured value is expected to be "} + expected + " but found " +
                       detail::value_type_name(v) + ". Value is " + value_json(v));
}
}  // namespace

std::string Capture::as_string() const {
  const Value& v = value();
  if (!v.is_string()) wrong_type("string", v);
  return v.as_string();
}
double Capture::as_number() const {
  const Value& v = value();
  if (!v.is_number()) wrong_type("number", v);
  return v.as_double();
}
bool Capture::as_bool() const {
  const Value& v = value();
  if (v.kind() != Value::Kind::Bool) wrong_type("boolean", v);
  return v.as_bool();
}
List Capture::as_array() const {
  const Value& v = value();
  if (!v.is_list()) wrong_type("array", v);
  return v.as_list();
}
Map Capture::as_object() const {
  const Value& v = value();
  if (!v.is_map()) wrong_type("object", v);
  return v.as_map();
}
bool Capture::next() {
  if (state_->index + 1 < state_->captured.size()) {
    ++state_->index;
    return true;
  }
  return false;
}
std::size_t Capture::size() const { return state_->captured.size(); }

}  // namespace cdk::assertions
