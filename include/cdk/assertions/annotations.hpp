// Assertions over the messages constructs attached with cdk::Annotations::of(c)
// .add_error / add_warning / add_info (CDK's assertions `Annotations`).
//
//   auto a = cdk::assertions::Annotations::from_stack(stack);
//   a.has_warning("MyStack/Bucket", Match::string_like_regexp("public"));
//   a.has_no_error("*", Match::any_value());
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cdk/assertions/error.hpp"
#include "cdk/assertions/match.hpp"
#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk {
class Stack;
}

namespace cdk::assertions {

/// One message attached to a construct.
struct SynthesisMessage {
  /// Path of the construct, e.g. "MyStack/Bucket" (CDK writes it with a leading '/').
  std::string id;
  /// "error", "warning" or "info".
  std::string level;
  /// type "aws:cdk:error" / "aws:cdk:warning" / "aws:cdk:info", and the message itself.
  MetadataEntry entry;
};

class Annotations {
 public:
  /// The messages of every construct in `stack` (the stack itself included).
  static Annotations from_stack(const Stack& stack);

  // `path` is a construct path ("MyStack/Bucket", a leading '/' is allowed) or "*" for
  // every construct; `message` is the text or a matcher (string_like_regexp, any_value).
  void has_error(std::string_view path, const Pattern& message) const;
  void has_no_error(std::string_view path, const Pattern& message) const;
  std::vector<SynthesisMessage> find_error(std::string_view path, const Pattern& message) const;

  void has_warning(std::string_view path, const Pattern& message) const;
  void has_no_warning(std::string_view path, const Pattern& message) const;
  std::vector<SynthesisMessage> find_warning(std::string_view path, const Pattern& message) const;

  void has_info(std::string_view path, const Pattern& message) const;
  void has_no_info(std::string_view path, const Pattern& message) const;
  std::vector<SynthesisMessage> find_info(std::string_view path, const Pattern& message) const;

  /// Every message, in construct order.
  const std::vector<SynthesisMessage>& messages() const { return messages_; }

 private:
  explicit Annotations(std::vector<SynthesisMessage> messages) : messages_{std::move(messages)} {}
  std::vector<SynthesisMessage> messages_;
};

}  // namespace cdk::assertions
