// Any bytes given to the template parser either parse or raise cdk::Error (a parse error
// with its line and column, or a malformed template). Anything else (a crash, another
// exception, a leak, undefined behaviour, a hang) is a bug the fuzzer reports.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cdk/errors.hpp"
#include "template/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  try {
    const auto parsed = cdk::template_io::parse_template(text, "fuzz-input");
    // What the tool does next with a template: write it back out.
    (void)parsed.dump(-1, ' ', false, cdk::synth::Json::error_handler_t::replace);
  } catch (const cdk::Error&) {
    // A clear error is the right answer to bad input.
  }
  return 0;
}
