// A `pattern` of a registry schema, searched for in a string value as std::regex_search
// with ECMAScript syntax would (Java's \A, \Z and \z anchors translated).
//
// Why not std::regex alone: building and running libstdc++'s regex costs microseconds
// per pattern and per value, about a fifth of a small app's whole synth. Most schema
// patterns are a plain sequence of character sets with counts (^[a-zA-Z0-9_-]{1,36}$,
// ^#[A-F0-9]{6}$, .*\S.*); those are matched here directly, and everything else (groups,
// alternation, look-ahead, back references...) by std::regex, built on first use.
// tests/unit/schema_pattern_test.cpp checks both agree on every pattern of the pinned
// schemas.
#pragma once

#include <bitset>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace cdk::synth {

class SchemaPattern {
 public:
  explicit SchemaPattern(std::string_view pattern);

  /// False when the pattern cannot be checked: syntax std::regex lacks (\p{L}, (?i)),
  /// which is skipped rather than guessed at.
  bool usable() const { return simple_ || regex_ != nullptr; }
  /// Whether the pattern matches somewhere in `text`. Only when usable().
  bool search(std::string_view text) const;
  /// One character set repeated between `min` and `max` times (max < 0: unbounded).
  struct Atom {
    std::bitset<256> set;
    int min = 1;
    int max = 1;
  };
  /// Matched without std::regex, as this sequence of atoms (the tests read them).
  bool simple() const { return simple_; }
  const std::vector<Atom>& atoms() const { return atoms_; }

 private:
  bool parse(std::string_view pattern);
  bool match_from(std::size_t atom, std::size_t pos, std::string_view text, std::vector<char>* failed) const;

  bool simple_ = false;
  bool anchored_start_ = false;
  bool anchored_end_ = false;
  std::vector<Atom> atoms_;
  std::unique_ptr<std::regex> regex_;
};

/// The ECMAScript text of a schema pattern written for Java's engine.
std::string to_ecmascript(std::string_view pattern);

}  // namespace cdk::synth
