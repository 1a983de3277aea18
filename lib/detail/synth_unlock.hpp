// Lets a synth pass add constructs to a locked tree (internal): the cross-stack pass
// creates export outputs after App::synth has locked the tree against user changes.
#pragma once

#include "cdk/construct.hpp"

namespace cdk::detail {

class SynthUnlock {
 public:
  explicit SynthUnlock(Construct& root) : root_{root}, was_locked_{root.locked_} { root_.locked_ = false; }
  ~SynthUnlock() { root_.locked_ = was_locked_; }
  SynthUnlock(const SynthUnlock&) = delete;
  SynthUnlock& operator=(const SynthUnlock&) = delete;

 private:
  Construct& root_;
  bool was_locked_;
};

}  // namespace cdk::detail
