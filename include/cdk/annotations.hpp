// Messages attached to constructs: warnings and infos are printed by synth_main and
// the `cdk` CLI; an error fails synth (with the construct's path), as in CDK.
#pragma once

#include <string>

#include "cdk/construct.hpp"

namespace cdk {

class Annotations {
 public:
  static Annotations of(Construct& scope) { return Annotations{scope}; }

  void add_info(std::string message) { scope_.add_metadata("aws:cdk:info", Value{std::move(message)}); }
  void add_warning(std::string message) { scope_.add_metadata("aws:cdk:warning", Value{std::move(message)}); }
  void add_error(std::string message) { scope_.add_metadata("aws:cdk:error", Value{std::move(message)}); }

 private:
  explicit Annotations(Construct& scope) : scope_{scope} {}
  Construct& scope_;
};

}  // namespace cdk
