// How a CloudFormation type is drawn: its service family (colour and shape) and the short
// name an architect would write beside it ("NAT gateway", "Auto Scaling group").
#pragma once

#include <string>
#include <string_view>

#include "diagram/model.hpp"

namespace cdk::tools::diagram {

Family family_of(std::string_view type);

/// "AWS::EC2::NatGateway" -> "NAT gateway"; types without a curated name read
/// "<Service> <Type>" ("EC2 NetworkAcl"); Custom::X and other non-AWS types stay whole.
std::string friendly_type(std::string_view type);

struct FamilyStyle {
  std::string_view name;       // "network", for the legend and the tests
  std::string_view colour;     // border and edge colour
  std::string_view fill;       // a light tint of it
  std::string_view shape;      // Graphviz shape
};

const FamilyStyle& style_of(Family family);

}  // namespace cdk::tools::diagram
