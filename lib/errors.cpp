#include "cdk/errors.hpp"

namespace cdk {

std::string Diagnostic::to_string() const {
  std::string out = "[" + code + "] ";
  if (!path.empty()) out += path + ": ";
  return out + message;
}

Error::Error(std::string code, std::string path, const std::string& message)
    : Error(Diagnostic{std::move(code), std::move(path), message}) {}

Error::Error(Diagnostic diagnostic) : std::runtime_error(diagnostic.to_string()), diagnostic_(std::move(diagnostic)) {}

namespace {
Diagnostic summary(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.size() == 1) return diagnostics.front();
  std::string message = std::to_string(diagnostics.size()) + " errors:";
  for (const auto& d : diagnostics) message += "\n  " + d.to_string();
  return Diagnostic{diagnostics.empty() ? "" : diagnostics.front().code, "", message};
}
}  // namespace

SynthError::SynthError(std::vector<Diagnostic> diagnostics)
    : Error(summary(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace cdk
