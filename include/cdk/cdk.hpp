// The core of cdkpp: constructs, stacks, values and intrinsics, template elements.
#pragma once

#include "cdk/annotations.hpp"
#include "cdk/app.hpp"
#include "cdk/borrowed.hpp"
#include "cdk/cfn_condition.hpp"
#include "cdk/cfn_element.hpp"
#include "cdk/cfn_mapping.hpp"
#include "cdk/cfn_output.hpp"
#include "cdk/cfn_parameter.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/cfn_rule.hpp"
#include "cdk/construct.hpp"
#include "cdk/errors.hpp"
#include "cdk/fn.hpp"
#include "cdk/logical_id.hpp"
#include "cdk/stack.hpp"
#include "cdk/value.hpp"
