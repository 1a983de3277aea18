// The autoscaling constructs with intent (L2): one include for all of them.
#pragma once

#include "cdk/autoscaling/auto_scaling_group.hpp"
#include "cdk/autoscaling/policies.hpp"
#include "cdk/autoscaling/scaling.hpp"
#include "cdk/autoscaling/step_scaling.hpp"
