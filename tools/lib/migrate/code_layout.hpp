// A tiny layout engine for the C++ that `cdkpp migrate` writes: an expression is an atom
// or a bracketed list of items; it is written on one line when that fits, otherwise one
// item per line, indented, with a trailing comma (the way clang-format lays out designated
// initializers), so the output reads like code a person wrote.
#pragma once

#include <string>
#include <vector>

namespace cdk::tools::migrate {

struct Code {
  /// Written before the expression, on the same line (".cidr_block = ", "{\"Key\", ").
  std::string prefix;
  /// An atom's text, or a list's opening ("cdk::Map{", "cdk::Fn::join(", "{").
  std::string open;
  std::vector<Code> items;
  /// A list's closing ("}", ")"); empty for an atom.
  std::string close;
  bool is_list = false;
  /// Broken lists end their last item with a comma (braces; not function calls).
  bool trailing_comma = true;

  static Code atom(std::string text) { return Code{{}, std::move(text), {}, {}, false, true}; }
  static Code list(std::string open, std::vector<Code> items, std::string close, bool trailing_comma = true) {
    return Code{{}, std::move(open), std::move(items), std::move(close), true, trailing_comma};
  }
  /// A function call: items are arguments; a last brace argument hugs the call.
  static Code call(std::string function, std::vector<Code> arguments) {
    return list(std::move(function) + "(", std::move(arguments), ")", false);
  }
  Code&& with_prefix(std::string p) && {
    prefix = std::move(p) + prefix;
    return std::move(*this);
  }
};

/// The expression on one line.
std::string flat(const Code& code);

/// The expression laid out to fit `width` columns, starting at column `indent` (the
/// first line is not indented; later lines are).
std::string layout(const Code& code, int indent, int width = 110);

}  // namespace cdk::tools::migrate
