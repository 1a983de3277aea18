// Writing round trips: a document (the input, read by the library's parser as JSON or
// YAML, without the template checks) written by the library's writers and read back by
// its parser is the same document, exactly:
//  - JSON as templates and manifests are written (synth::render_json);
//  - YAML in the long form (Ref:, Fn::GetAtt:) and in the short form (!Ref, !GetAtt A.B),
//    synth::render_yaml, which Stack::to_yaml uses;
// for every document within the reader's nesting limit (template_io::kMaxDepth), except
// that YAML cannot carry Unicode's 66 noncharacters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF):
// yaml-cpp's emitter writes them as U+FFFD, so YAML is checked only without them. "The
// same" is strict: the same kinds (an integer stays an integer, a float a float, "1" a
// string), the same values (-0.0 keeps its sign), keys in the same order.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cdk/errors.hpp"
#include "cdk/stack.hpp"
#include "synth/template_builder.hpp"
#include "template/parse.hpp"

namespace {

using Json = cdk::synth::Json;

bool is_integer(const Json& j) { return j.is_number_integer(); }  // signed or unsigned

bool same(const Json& a, const Json& b) {
  if (is_integer(a) && is_integer(b)) {
    if (a.is_number_unsigned() != b.is_number_unsigned() && (a.get<std::int64_t>() < 0 || b.get<std::int64_t>() < 0))
      return false;
    return a.get<std::uint64_t>() == b.get<std::uint64_t>();
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Json::value_t::number_float: {
      const double x = a.get<double>(), y = b.get<double>();
      return x == y && std::signbit(x) == std::signbit(y);
    }
    case Json::value_t::array:
      if (a.size() != b.size()) return false;
      for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i])) return false;
      return true;
    case Json::value_t::object: {
      if (a.size() != b.size()) return false;
      for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y)
        if (x.key() != y.key() || !same(x.value(), y.value())) return false;
      return true;
    }
    default: return a == b;
  }
}

// Nesting as the JSON reader counts it: the number of maps and lists around the deepest value.
int nesting(const Json& j) {
  int deepest = 0;
  if (j.is_structured())
    for (const auto& item : j) deepest = std::max(deepest, nesting(item));
  return j.is_structured() ? deepest + 1 : 0;
}

// A code point of Unicode's noncharacters, in a string (the parser gives valid UTF-8).
bool has_noncharacter(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::uint32_t cp = length == 1 ? c : c & (0x7F >> length);
    for (std::size_t k = 1; k < length && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return true;
    i += length;
  }
  return false;
}

bool has_noncharacter(const Json& j) {
  if (j.is_string()) return has_noncharacter(j.get_ref<const std::string&>());
  if (j.is_array()) return std::any_of(j.begin(), j.end(), [](const Json& item) { return has_noncharacter(item); });
  if (j.is_object())
    for (const auto& [key, value] : j.items())
      if (has_noncharacter(key) || has_noncharacter(value)) return true;
  return false;
}

void round_trip(const Json& original, const std::string& written, const char* writer) {
  Json read;
  try {
    read = cdk::template_io::parse_document(written, writer);
  } catch (const cdk::Error& e) {
    std::fprintf(stderr, "%s wrote what the parser rejects: %s\n--- original\n%s\n--- written\n%s\n", writer, e.what(),
                 original.dump(1, ' ', true).c_str(), written.c_str());
    std::abort();
  }
  if (!same(read, original)) {
    std::fprintf(stderr, "%s does not read back the same\n--- original\n%s\n--- written\n%s\n--- read\n%s\n", writer,
                 original.dump(1, ' ', true).c_str(), written.c_str(), read.dump(1, ' ', true).c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Json document;
  try {
    document = cdk::template_io::parse_document({reinterpret_cast<const char*>(data), size}, "fuzz-input");
  } catch (const cdk::Error&) {
    return 0;  // not a document: the parser's own target covers that
  }
  // Templates and manifests are maps (and a JSON reader tells JSON from YAML by the '{').
  if (!document.is_object()) document = Json{{"Value", std::move(document)}};
  if (nesting(document) > cdk::template_io::kMaxDepth) return 0;

  round_trip(document, cdk::synth::render_json(document), "render_json");
  if (has_noncharacter(document)) return 0;
  round_trip(document, cdk::synth::render_yaml(document, {.short_form = false}), "render_yaml (long form)");
  round_trip(document, cdk::synth::render_yaml(document, {.short_form = true}), "render_yaml (short form)");
  return 0;
}
