// The ec2 constructs with intent (L2): one include for all of them.
#pragma once

#include "cdk/ec2/block_device.hpp"
#include "cdk/ec2/connections.hpp"
#include "cdk/ec2/instance.hpp"
#include "cdk/ec2/instance_type.hpp"
#include "cdk/ec2/ip_addresses.hpp"
#include "cdk/ec2/key_pair.hpp"
#include "cdk/ec2/machine_image.hpp"
#include "cdk/ec2/peer.hpp"
#include "cdk/ec2/port.hpp"
#include "cdk/ec2/security_group.hpp"
#include "cdk/ec2/subnet.hpp"
#include "cdk/ec2/user_data.hpp"
#include "cdk/ec2/vpc.hpp"
#include "cdk/ec2/vpc_endpoint.hpp"
#include "cdk/ec2/vpc_flow_logs.hpp"
