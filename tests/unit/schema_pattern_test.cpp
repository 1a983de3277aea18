// The schema pattern matcher (lib/synth/schema_pattern.hpp) against std::regex: every
// pattern of the pinned schemas that it matches without std::regex must give the same
// answer as std::regex_search on fixed probes and on strings made from the pattern itself
// (which mostly match) and their one-character mutations (which mostly do not).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "synth/schema_pattern.hpp"

namespace fs = std::filesystem;
using cdk::synth::SchemaPattern;

namespace {

void collect_patterns(const nlohmann::json& j, std::set<std::string>& out) {
  if (j.is_object()) {
    if (auto it = j.find("pattern"); it != j.end() && it->is_string()) out.insert(it->get<std::string>());
    for (const auto& item : j) collect_patterns(item, out);
  } else if (j.is_array()) {
    for (const auto& item : j) collect_patterns(item, out);
  }
}

std::set<std::string> schema_patterns() {
  std::set<std::string> patterns;
  for (const auto& entry : fs::directory_iterator{fs::path{CDKPP_SOURCE_DIR} / "codegen" / "schemas"})
    if (entry.path().extension() == ".json") collect_patterns(nlohmann::json::parse(std::ifstream{entry.path()}), patterns);
  return patterns;
}

// A string the atoms describe: each atom repeated a count within its bounds.
std::string example_of(const SchemaPattern& pattern, std::mt19937& random) {
  std::string out;
  for (const auto& atom : pattern.atoms()) {
    std::vector<char> members;
    for (int c = 0; c < 256; ++c)
      if (atom.set[static_cast<std::size_t>(c)]) members.push_back(static_cast<char>(c));
    if (members.empty()) continue;
    const int extra = atom.max < 0 ? 3 : std::min(atom.max - atom.min, 3);
    const int count = atom.min + static_cast<int>(random() % static_cast<unsigned>(extra + 1));
    for (int i = 0; i < count; ++i) out += members[random() % members.size()];
  }
  return out;
}

bool regex_search(const std::regex& re, const std::string& text) { return std::regex_search(text, re); }

}  // namespace

TEST_CASE("schema patterns: the matcher agrees with std::regex on every pattern it takes") {
  const auto patterns = schema_patterns();
  REQUIRE(patterns.size() > 1000);
  const std::vector<std::string> probes{
      "", "a", "Z", "0", "_", "-", ".", " ", "\n", "\r", "\t", "a b", "abc", "ABC-123", "abc_def.ghi", "#A0B1C2",
      "#a0b1c2", "123456789012", "12345678901", "arn:aws:iam::123456789012:role/MyRole",
      "arn:aws:s3:::my-bucket/key", "https://example.com/path", "s3://bucket/key", "10.0.0.0/16", "t3.micro",
      "sg-0123456789abcdef0", "vpc-12345678", "ami-0abcdef1234567890", "us-east-1", "2012-10-17", "caf\xc3\xa9",
      "\xff", std::string(1, '\0'), "a\nb", " leading", "trailing ", "UPPER", "lower", "MiXeD-case_123",
      std::string(70, 'a'), std::string(70, ' ') + "x", std::string(300, '9'), "aws:tag", "{{resolve:ssm:x}}"};
  std::mt19937 random{20261127};
  std::size_t simple = 0;
  std::size_t compared = 0;
  for (const auto& text : patterns) {
    const SchemaPattern pattern{text};
    if (!pattern.simple()) continue;
    ++simple;
    CAPTURE(text);
    std::regex re;
    REQUIRE_NOTHROW(re = std::regex{cdk::synth::to_ecmascript(text), std::regex::ECMAScript});
    std::vector<std::string> inputs = probes;
    for (int i = 0; i < 8; ++i) {
      std::string example = example_of(pattern, random);
      inputs.push_back(example);
      if (!example.empty()) {
        std::string changed = example;
        changed[random() % changed.size()] = static_cast<char>(random() % 256);
        inputs.push_back(changed);
        inputs.push_back(example.substr(1));
        inputs.push_back(example + static_cast<char>(random() % 128));
      }
    }
    for (const auto& input : inputs) {
      CAPTURE(input);
      CHECK(pattern.search(input) == regex_search(re, input));
      ++compared;
    }
  }
  MESSAGE(simple << " of " << patterns.size() << " schema patterns matched without std::regex, " << compared
                 << " comparisons");
  // Nearly half the patterns (and most of those used often) take the quick path;
  // fewer would mean the parser refuses what it should take.
  CHECK(simple * 5 > patterns.size() * 2);
}

TEST_CASE("schema patterns: a group of one set is the set") {
  // The description pattern of several EC2 types: '[' and ')' inside the set are plain.
  const SchemaPattern description{"^([a-z,A-Z,0-9,. _\\-:/()#,@[\\]+=&;\\{\\}!$*])*$"};
  CHECK(description.simple());
  CHECK(description.search("Allow all (port 443) #1 [web]"));
  CHECK_FALSE(description.search("tab\there"));
  CHECK(SchemaPattern{"^(?:[0-9])+$"}.simple());
  CHECK_FALSE(SchemaPattern{"^([0-9]+)$"}.simple());
}

TEST_CASE("schema patterns: what the matcher leaves to std::regex, or does not check") {
  CHECK_FALSE(SchemaPattern{"^(a|b)$"}.simple());
  CHECK(SchemaPattern{"^(a|b)$"}.usable());
  CHECK(SchemaPattern{"^(a|b)$"}.search("b"));
  CHECK_FALSE(SchemaPattern{"^(a|b)$"}.search("c"));
  CHECK_FALSE(SchemaPattern{"^a*?$"}.simple());
  CHECK_FALSE(SchemaPattern{"\\bword"}.simple());
  // Unicode classes are not checked at all: libstdc++ would read them as letters.
  CHECK_FALSE(SchemaPattern{"^[\\p{L}]+$"}.usable());
  // Java's anchors.
  const SchemaPattern anchored{"\\A[0-9]{3}\\z"};
  CHECK(anchored.simple());
  CHECK(anchored.search("123"));
  CHECK_FALSE(anchored.search("1234"));
  CHECK_FALSE(anchored.search("x123"));
}

TEST_CASE("schema patterns: a long value against a backtracking-heavy pattern stays quick") {
  const SchemaPattern pattern{".*\\S.*\\S.*\\S.*"};
  REQUIRE(pattern.simple());
  CHECK_FALSE(pattern.search(std::string(20000, ' ')));
  CHECK(pattern.search(std::string(20000, ' ') + "abc"));
}
