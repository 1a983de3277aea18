// YAML for CloudFormation: YAML 1.1 semantics, so every string a YAML 1.1 reader would
// take for something else (yes, on, null, 0755, 2010-09-09, 1e3, ...) is quoted.
#include <yaml-cpp/yaml.h>

#include <regex>

#include "synth/template_builder.hpp"
#include "template/intrinsics.hpp"

namespace cdk::synth {

namespace {

// Plain scalars that a YAML 1.1 (or 1.2) reader resolves to a non-string.
bool resolves_to_non_string(const std::string& s) {
  static const std::regex special{
      // booleans and null of YAML 1.1
      R"(^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL)$)"
      // integers: decimal, octal (0755, 0o755), hex, binary, with _ separators, sexagesimal
      R"(|^[-+]?(0|[1-9][0-9_]*)$|^[-+]?0[0-7_]+$|^[-+]?0o[0-7_]+$|^[-+]?0x[0-9a-fA-F_]+$|^[-+]?0b[01_]+$)"
      R"(|^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+$)"
      // floats, infinities, not-a-number, sexagesimal floats
      R"(|^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*([eE][-+]?[0-9]+)$)"
      R"(|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*$)"
      // timestamps
      R"(|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$)"
      // merge key and value indicator
      R"(|^(<<|=)$)"};
  return std::regex_search(s, special);
}

// Characters a plain scalar cannot keep: control characters other than \n (a reader
// takes \r for a line break, drops a trailing tab...) and YAML 1.1's other line breaks,
// NEL, LS and PS. Double quotes escape them.
bool has_special_character(const std::string& s) {
  for (char c : s)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7F) return true;
  return s.find("\xC2\x85") != std::string::npos || s.find("\xE2\x80\xA8") != std::string::npos ||
         s.find("\xE2\x80\xA9") != std::string::npos;
}

bool needs_quotes(const std::string& s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return true;
  if (has_special_character(s)) return true;
  if (s.find('\n') != std::string::npos) return false;  // yaml-cpp picks a safe style for these
  if (resolves_to_non_string(s)) return true;
  static const std::string indicators = "-?:,[]{}#&*!|>'\"%@`";
  if (indicators.find(s.front()) != std::string::npos) return true;
  return s.find(": ") != std::string::npos || s.find(" #") != std::string::npos || s.back() == ':';
}

// Numbers in JSON's notation, except that an exponent needs a '.' before it for YAML 1.1
// readers (PyYAML, SnakeYAML) to see a float: 1e+100 would be a string, 1.0e+100 is not.
std::string number_text(const Json& j) {
  std::string text = j.dump();
  if (j.is_number_float()) {
    const auto exponent = text.find_first_of("eE");
    if (exponent != std::string::npos && text.find('.') == std::string::npos) text.insert(exponent, ".0");
  }
  return text;
}

// The short form's tag ("Ref", "GetAtt", ...), or "" where the long form must stay because
// the short form would not read back as the same JSON (template/yaml_reader.cpp): a
// function without a short form, or a number, boolean or null argument (a tagged scalar
// reads as a string). Fn::GetAtt's string argument "A.B" stays long too: its short form
// reads back as the list [A, B].
std::string short_tag(const Json& j) {
  const auto& key = j.begin().key();
  const auto& value = j.begin().value();
  const std::string tag = key == "Ref" || key == "Condition" ? key : key.substr(4);
  if (template_io::long_form_of_tag(tag) != key) return "";
  if (!value.is_string() && !value.is_structured()) return "";
  if (key == "Fn::GetAtt" && value.is_string()) return "";
  return tag;
}

// !GetAtt A.B reads back as [A, B] when A has no dot and neither part is empty.
bool dotted_get_att(const Json& value) {
  if (!value.is_array() || value.size() != 2 || !value[0].is_string() || !value[1].is_string()) return false;
  const auto& id = value[0].get_ref<const std::string&>();
  return !id.empty() && id.find('.') == std::string::npos && !value[1].get_ref<const std::string&>().empty();
}

// Bytes, so that a key of 1024 characters in any script fits; YAML counts characters.
constexpr std::size_t kMaxSimpleKeyBytes = 1000;

// At most how many bytes `s` takes written: quotes, and escapes of up to 6 characters
// for control characters.
std::size_t written_size(const std::string& s) {
  std::size_t size = s.size() + 2;
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) size += 5;
  return size;
}

class Writer {
 public:
  explicit Writer(bool short_form) : short_form_{short_form} {
    out_.SetIndent(2);
    out_.SetMapFormat(YAML::Block);
    out_.SetSeqFormat(YAML::Block);
  }

  // `tagged_parent`: the node is the direct argument of a short-form tag, so it cannot
  // carry a tag of its own (YAML allows one tag per node).
  void emit(const Json& j, bool tagged_parent = false) {
    if (short_form_ && !tagged_parent && is_intrinsic(j)) {
      if (const std::string tag = short_tag(j); !tag.empty()) {
        emit_short_form(tag, j.begin().value());
        return;
      }
    }
    switch (j.type()) {
      case Json::value_t::object:
        if (j.empty()) {
          out_ << YAML::Flow << YAML::BeginMap << YAML::EndMap;
          return;
        }
        out_ << YAML::BeginMap;
        for (const auto& [key, value] : j.items()) {
          // A simple key is at most 1024 characters in YAML; a longer one is written as an
          // explicit key ("? key" then ": value").
          if (written_size(key) > kMaxSimpleKeyBytes) out_ << YAML::LongKey;
          out_ << YAML::Key;
          emit_string(key);
          out_ << YAML::Value;
          emit(value);
        }
        out_ << YAML::EndMap;
        return;
      case Json::value_t::array:
        if (j.empty()) {
          out_ << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
          return;
        }
        out_ << YAML::BeginSeq;
        for (const auto& value : j) emit(value);
        out_ << YAML::EndSeq;
        return;
      case Json::value_t::string: emit_string(j.get_ref<const std::string&>()); return;
      case Json::value_t::boolean: out_ << (j.get<bool>() ? "true" : "false"); return;
      case Json::value_t::null: out_ << YAML::Null; return;
      default: out_ << number_text(j); return;
    }
  }

  std::string str() const { return std::string{out_.c_str()} + "\n"; }

 private:
  void emit_string(const std::string& s) {
    if (needs_quotes(s))
      out_ << YAML::DoubleQuoted << s;
    else
      out_ << s;
  }

  void emit_short_form(const std::string& tag, const Json& value) {
    if (tag == "GetAtt" && dotted_get_att(value)) {
      out_ << YAML::LocalTag("GetAtt") << value[0].get<std::string>() + "." + value[1].get<std::string>();
      return;
    }
    out_ << YAML::LocalTag(tag);
    emit(value, /*tagged_parent=*/true);
  }

  bool short_form_;
  YAML::Emitter out_;
};

}  // namespace

std::string render_yaml(const Json& json, const YamlOptions& options) {
  Writer writer{options.short_form};
  writer.emit(json);
  return writer.str();
}

}  // namespace cdk::synth
