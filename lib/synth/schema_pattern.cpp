#include "synth/schema_pattern.hpp"

#include <algorithm>
#include <cctype>

namespace cdk::synth {

namespace {

using CharSet = std::bitset<256>;

// The classes as std::regex sees them in the classic locale: ASCII only.
CharSet class_of(char escape) {
  CharSet set;
  for (int c = 0; c < 256; ++c) {
    const bool in = (escape == 'd' && std::isdigit(c)) || (escape == 'w' && (std::isalnum(c) || c == '_')) ||
                    (escape == 's' && std::isspace(c));
    set[static_cast<std::size_t>(c)] = in && c < 128;
  }
  return set;
}

// The character an escape stands for, or 0 when it is not a plain character here
// (\b, \x41, \u0041, \1, \c...: left to std::regex).
char escaped_char(char c) {
  switch (c) {
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'f': return '\f';
    case 'v': return '\v';
    default: break;
  }
  const auto u = static_cast<unsigned char>(c);
  return (u < 128 && std::ispunct(u)) ? c : 0;
}

// One character set at p[i]: a character, an escaped punctuation or control character,
// ., \d \w \s \D \W \S, or a bracket set of those and ranges. Advances i past it; false
// for anything else.
bool parse_set(std::string_view p, std::size_t& i, CharSet& set) {
  const char c = p[i];
  if (c == '.') {
    set.set();
    set['\n'] = set['\r'] = false;
    ++i;
    return true;
  }
  if (c == '\\') {
    if (i + 1 >= p.size()) return false;
    const char e = p[i + 1];
    if (e == 'd' || e == 'w' || e == 's') {
      set = class_of(e);
    } else if (e == 'D' || e == 'W' || e == 'S') {
      set = ~class_of(static_cast<char>(std::tolower(static_cast<unsigned char>(e))));
    } else if (const char literal = escaped_char(e)) {
      set[static_cast<unsigned char>(literal)] = true;
    } else {
      return false;
    }
    i += 2;
    return true;
  }
  if (c != '[') {
    if (std::string_view{"^$*+?{}()|]"}.find(c) != std::string_view::npos) return false;
    set[static_cast<unsigned char>(c)] = true;
    ++i;
    return true;
  }
  ++i;
  bool negated = false;
  if (i < p.size() && p[i] == '^') {
    negated = true;
    ++i;
  }
  if (i < p.size() && p[i] == ']') return false;  // [] and [^]: rare, left to std::regex
  while (i < p.size()) {
    char first = p[i];
    if (first == ']') {
      ++i;
      if (negated) set.flip();
      return true;
    }
    // [[:alpha:]], [[.a.]], [[=a=]]; a lone [ is an ordinary character.
    if (first == '[' && i + 1 < p.size() && (p[i + 1] == ':' || p[i + 1] == '.' || p[i + 1] == '=')) return false;
    if (first == '\\') {
      if (i + 1 >= p.size()) return false;
      const char e = p[i + 1];
      if (e == 'd' || e == 'w' || e == 's') {
        set |= class_of(e);
        i += 2;
        // A range from a class ([\w-z]) means different things to different engines.
        if (i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') return false;
        continue;
      }
      first = escaped_char(e);
      if (!first) return false;
      ++i;
    }
    ++i;
    // A range first-last, unless the dash is the set's last character.
    if (i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
      char last = p[i + 1];
      i += 2;
      if (last == '\\') {
        if (i >= p.size()) return false;
        last = escaped_char(p[i]);
        if (!last) return false;
        ++i;
      } else if (last == '[') {
        return false;
      }
      const auto from = static_cast<unsigned char>(first);
      const auto to = static_cast<unsigned char>(last);
      // std::regex rejects a reversed range; one ending in a byte of a UTF-8 sequence it
      // compares as a signed char.
      if (from > to || to >= 128) return false;
      for (unsigned v = from; v <= to; ++v) set[v] = true;
      continue;
    }
    set[static_cast<unsigned char>(first)] = true;
  }
  return false;  // no closing ]
}

// A quantifier at p[i], if any (* + ? {m} {m,} {m,n}); false for one that is not plain
// and greedy.
bool parse_quantifier(std::string_view p, std::size_t& i, int& min, int& max) {
  if (i >= p.size()) return true;
  const char q = p[i];
  if (q == '*' || q == '+' || q == '?') {
    min = q == '+' ? 1 : 0;
    max = q == '?' ? 1 : -1;
    ++i;
  } else if (q == '{') {
    const std::size_t close = p.find('}', i);
    if (close == std::string_view::npos) return false;
    const std::string_view body = p.substr(i + 1, close - i - 1);
    const std::size_t comma = body.find(',');
    auto number = [](std::string_view digits, int& out) {
      if (digits.empty() || digits.size() > 5) return false;
      out = 0;
      for (char d : digits) {
        if (d < '0' || d > '9') return false;
        out = out * 10 + (d - '0');
      }
      return true;
    };
    if (comma == std::string_view::npos) {
      if (!number(body, min)) return false;
      max = min;
    } else {
      if (!number(body.substr(0, comma), min)) return false;
      const std::string_view upper = body.substr(comma + 1);
      if (upper.empty()) {
        max = -1;
      } else if (!number(upper, max) || max < min) {
        return false;
      }
    }
    i = close + 1;
  }
  // Lazy (*?) or doubled quantifiers: left to std::regex.
  return !(i < p.size() && (p[i] == '?' || p[i] == '*' || p[i] == '+' || p[i] == '{'));
}

}  // namespace

std::string to_ecmascript(std::string_view pattern) {
  // Registry schemas write patterns for Java's engine. \A, \Z and \z are anchors there
  // but would match the letters themselves in ECMAScript, so they are translated.
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      const char next = pattern[i + 1];
      if (next == 'A' || next == 'Z' || next == 'z') {
        out += next == 'A' ? "^" : "$";
        ++i;
        continue;
      }
      out += pattern.substr(i, 2);
      ++i;
      continue;
    }
    out.push_back(pattern[i]);
  }
  return out;
}

SchemaPattern::SchemaPattern(std::string_view java_pattern) {
  // libstdc++ reads \p{L} as the letters "p{L}" instead of rejecting it, so a pattern
  // with Unicode classes would wrongly refuse ordinary values: not checked at all.
  if (java_pattern.find("\\p{") != std::string_view::npos || java_pattern.find("\\P{") != std::string_view::npos)
    return;
  const std::string pattern = to_ecmascript(java_pattern);
  simple_ = parse(pattern);
  if (simple_) return;
  atoms_.clear();
  try {
    regex_ = std::make_unique<std::regex>(pattern, std::regex::ECMAScript | std::regex::optimize);
  } catch (const std::regex_error&) {
  }
}

// Accepts: an optional leading ^, then character sets (see parse_set), each alone or
// in a group of its own ((X) or (?:X): a search does not care what a group captured),
// each with an optional greedy quantifier, then an optional trailing $. Anything else
// returns false and the pattern goes to std::regex.
bool SchemaPattern::parse(std::string_view p) {
  std::size_t i = 0;
  if (i < p.size() && p[i] == '^') {
    anchored_start_ = true;
    ++i;
  }
  while (i < p.size()) {
    if (p[i] == '$' && i + 1 == p.size()) {
      anchored_end_ = true;
      return true;
    }
    Atom atom;
    if (p[i] == '(') {
      i += p.substr(i, 3) == "(?:" ? 3 : 1;
      if (i >= p.size() || !parse_set(p, i, atom.set) || i >= p.size() || p[i] != ')') return false;
      ++i;
    } else if (!parse_set(p, i, atom.set)) {
      return false;
    }
    if (!parse_quantifier(p, i, atom.min, atom.max)) return false;
    atoms_.push_back(atom);
  }
  return true;
}

bool SchemaPattern::search(std::string_view text) const {
  if (!simple_) return std::regex_search(text.begin(), text.end(), *regex_);
  // Which (atom, position) pairs are known not to lead to a match, so that a long value
  // against patterns such as .*\S.* costs atoms x length steps, not a power of it.
  std::vector<char> failed;
  if (text.size() > 64) failed.assign((atoms_.size() + 1) * (text.size() + 1), 0);
  std::vector<char>* memo = failed.empty() ? nullptr : &failed;
  if (anchored_start_) return match_from(0, 0, text, memo);
  for (std::size_t start = 0; start <= text.size(); ++start)
    if (match_from(0, start, text, memo)) return true;
  return false;
}

// Greedy, longest run first, as a backtracking engine would try it.
bool SchemaPattern::match_from(std::size_t atom, std::size_t pos, std::string_view text,
                               std::vector<char>* failed) const {
  if (atom == atoms_.size()) return !anchored_end_ || pos == text.size();
  const std::size_t key = atom * (text.size() + 1) + pos;
  if (failed && (*failed)[key]) return false;
  const Atom& a = atoms_[atom];
  const std::size_t room = text.size() - pos;
  const std::size_t limit = a.max < 0 ? room : std::min(room, static_cast<std::size_t>(a.max));
  std::size_t run = 0;
  while (run < limit && a.set[static_cast<unsigned char>(text[pos + run])]) ++run;
  const auto min = static_cast<std::size_t>(a.min);
  for (std::size_t n = run; n >= min && n != static_cast<std::size_t>(-1); --n)
    if (match_from(atom + 1, pos + n, text, failed)) return true;
  if (failed) (*failed)[key] = 1;
  return false;
}

}  // namespace cdk::synth
