#include "template/parse.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "assertions/yaml_reader.hpp"
#include "cdk/errors.hpp"

namespace cdk::template_io {

namespace {

bool looks_like_json(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

}  // namespace

synth::Json parse_template(std::string_view text, std::string_view source) {
  if (looks_like_json(text)) {
    try {
      const auto depth_check = [&](int depth, synth::Json::parse_event_t, synth::Json&) {
        if (depth > max_depth)
          throw Error(errc::TemplateParse, std::string{source}, "nested deeper than " + std::to_string(max_depth) + " levels");
        return true;
      };
      return synth::Json::parse(text, depth_check);
    } catch (const synth::Json::parse_error& e) {
      // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
      std::string_view what = e.what();
      const auto at = what.find(" at line ");
      throw Error(errc::TemplateParse, std::string{source},
                  std::string{at == std::string_view::npos ? what : what.substr(at + 4)});
    } catch (const synth::Json::exception& e) {
      // Not a syntax error but a value JSON cannot hold, such as the number 1e999:
      // "[json.exception.out_of_range.406] number overflow parsing '1e999'".
      std::string_view what = e.what();
      const auto bracket = what.find("] ");
      throw Error(errc::TemplateParse, std::string{source},
                  "invalid JSON: " + std::string{bracket == std::string_view::npos ? what : what.substr(bracket + 2)});
    }
  }
  try {
    return assertions::detail::yaml_to_json(text);
  } catch (const std::invalid_argument& e) {
    throw Error(errc::TemplateParse, std::string{source}, e.what());
  }
}

synth::Json load_template_file(const std::string& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) throw Error(errc::TemplateRead, path, "cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_template(text.str(), path);
}

}  // namespace cdk::template_io
