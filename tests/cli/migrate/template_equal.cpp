// template_equal <expected> <actual>: exit 0 when the two templates (JSON, or YAML with
// short forms) are JSON-equal: same values, object keys in any order, list order kept,
// 1 and 1.0 the same number. Otherwise prints where they first differ and exits 1.
#include <iostream>

#include "cdk/errors.hpp"
#include "template/parse.hpp"

namespace {

using cdk::synth::Json;

bool same_json(const Json& a, const Json& b, const std::string& where) {
  if (a.is_number() && b.is_number()) {
    if (a.get<double>() == b.get<double>()) return true;
  } else if (a.is_object() && b.is_object()) {
    bool same = true;
    for (const auto& [key, value] : a.items()) {
      auto it = b.find(key);
      if (it == b.end()) {
        std::cerr << where << "/" << key << ": missing in the second template\n";
        same = false;
      } else {
        same = same_json(value, *it, where + "/" + key) && same;
      }
    }
    for (const auto& [key, value] : b.items()) {
      (void)value;
      if (!a.contains(key)) {
        std::cerr << where << "/" << key << ": only in the second template\n";
        same = false;
      }
    }
    return same;
  } else if (a.is_array() && b.is_array() && a.size() == b.size()) {
    bool same = true;
    for (std::size_t i = 0; i < a.size(); ++i) same = same_json(a[i], b[i], where + "/" + std::to_string(i)) && same;
    return same;
  } else if (a == b) {
    return true;
  }
  std::cerr << (where.empty() ? "/" : where) << ": " << a.dump() << " != " << b.dump() << "\n";
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: template_equal <expected> <actual>\n";
    return 2;
  }
  try {
    const Json expected = cdk::template_io::load_template_file(argv[1]);
    const Json actual = cdk::template_io::load_template_file(argv[2]);
    if (same_json(expected, actual, "")) return 0;
    std::cerr << "template_equal: " << argv[1] << " and " << argv[2] << " differ\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "template_equal: " << e.what() << "\n";
    return 2;
  }
}
