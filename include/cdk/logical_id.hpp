// CDK's logical-id algorithm, exposed for tools and tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cdk {

/// The logical id CDK allocates for an element at `components` below its stack, e.g.
/// {"NewsBlogVPC", "Resource"} -> "NewsBlogVPCC925B703". Components "Default" are left
/// out; when nothing else is left, throws cdk::Error [cdk.element.InvalidLogicalId] (as
/// CDK does).
std::string make_logical_id(const std::vector<std::string>& components);

/// True for [A-Za-z0-9]{1,255}.
bool is_valid_logical_id(std::string_view id);

}  // namespace cdk
