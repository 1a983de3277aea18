// The ec2 constructs with intent (L2): one include for all of them.
#pragma once

#include "cdk/ec2/ip_addresses.hpp"
#include "cdk/ec2/subnet.hpp"
#include "cdk/ec2/vpc.hpp"
#include "cdk/ec2/vpc_endpoint.hpp"
#include "cdk/ec2/vpc_flow_logs.hpp"
