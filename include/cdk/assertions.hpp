// Unit-testing infrastructure definitions, modelled on aws-cdk-lib/assertions:
// Template (queries and checks over a synthesized template), Match (partial and special
// matching), Capture, Annotations, and snapshot testing. Independent of any test
// framework: a failure throws cdk::assertions::AssertionError. For doctest, see
// cdk/assertions/doctest.hpp.
#pragma once

#include "cdk/assertions/annotations.hpp"
#include "cdk/assertions/error.hpp"
#include "cdk/assertions/match.hpp"
#include "cdk/assertions/template.hpp"
