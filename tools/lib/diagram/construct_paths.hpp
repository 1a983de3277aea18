// Where each element of a stack sits in the construct tree, which is how the diagram
// groups it: from the aws:cdk:path metadata of the template's resources (written when the
// cdk CLI asks for it), else from the aws:cdk:logicalId entries of the cloud assembly's
// manifest (or of its additionalMetadataFile, as newer CDK versions write them).
#pragma once

#include <map>
#include <string>

#include "stack_templates.hpp"

namespace cdk::tools::diagram {

/// Logical id -> construct path without a leading '/' ("NewsBlogStack/NewsBlogVPC/Resource").
/// Empty when the template carries no paths and no manifest describes it.
std::map<std::string, std::string, std::less<>> construct_paths(const StackTemplate& stack);

}  // namespace cdk::tools::diagram
