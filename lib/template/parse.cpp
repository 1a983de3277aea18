#include "template/parse.hpp"

#include <fstream>
#include <sstream>

#include "cdk/errors.hpp"
#include "template/check.hpp"
#include "template/intrinsics.hpp"
#include "template/json_locate.hpp"
#include "template/yaml_reader.hpp"

namespace cdk::template_io {

namespace {

bool looks_like_json(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

std::string at(std::pair<int, int> position) {
  return "line " + std::to_string(position.first) + ", column " + std::to_string(position.second);
}

synth::Json parse_json(std::string_view text, std::string_view source) {
  if (auto deep = json_too_deep(text, kMaxDepth))
    throw Error(errc::TemplateTooDeep, std::string{source},
                at(line_and_column(text, *deep)) + ": nested deeper than " + std::to_string(kMaxDepth) + " levels");
  try {
    return synth::Json::parse(text);
  } catch (const synth::Json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
    std::string_view what = e.what();
    const auto line = what.find(" at line ");
    throw Error(errc::TemplateParse, std::string{source},
                std::string{line == std::string_view::npos ? what : what.substr(line + 4)});
  } catch (const synth::Json::exception& e) {
    // Not a syntax error but a value JSON cannot hold, such as the number 1e999:
    // "[json.exception.out_of_range.406] number overflow parsing '1e999'".
    std::string_view what = e.what();
    const auto bracket = what.find("] ");
    throw Error(errc::TemplateParse, std::string{source},
                "invalid JSON: " + std::string{bracket == std::string_view::npos ? what : what.substr(bracket + 2)});
  }
}

synth::Json parse_yaml(std::string_view text, std::string_view source) {
  try {
    return yaml_to_json(text);
  } catch (const YamlError& e) {
    throw Error(e.code, std::string{source}, e.what());
  }
}

}  // namespace

synth::Json parse_document(std::string_view text, std::string_view source) {
  return looks_like_json(text) ? parse_json(text, source) : parse_yaml(text, source);
}

synth::Json parse_template(std::string_view text, std::string_view source) {
  const bool json = looks_like_json(text);
  synth::Json root = json ? parse_json(text, source) : parse_yaml(text, source);
  if (auto problem = check_template(root)) {
    // An intrinsic is shown where its map starts, not where its argument does.
    auto located = problem->path;
    if (!located.empty() && (located.back() == "Ref" || located.back() == "Condition" || located.back().rfind("Fn::", 0) == 0))
      located.pop_back();
    const auto position = json ? json_position(text, located) : yaml_position(text, located);
    std::string where = dotted(problem->path);
    if (position) where += where.empty() ? at(*position) : " (" + at(*position) + ")";
    throw Error(problem->code, std::string{source}, where.empty() ? problem->message : where + ": " + problem->message);
  }
  return root;
}

namespace {
std::string read_file(const std::string& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) throw Error(errc::TemplateRead, path, "cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
}  // namespace

synth::Json load_template_file(const std::string& path) { return parse_template(read_file(path), path); }
synth::Json load_document_file(const std::string& path) { return parse_document(read_file(path), path); }

}  // namespace cdk::template_io
