// Compiled twice by check_required.cmake: with REQUIRED_SET the required property of
// AWS::IAM::Role is given and the file must compile; without it, compilation must fail.
#include <cdk/cdk.hpp>
#include <cdk/iam/cfn_role.hpp>

void declare(cdk::Stack& stack) {
#ifdef REQUIRED_SET
  stack.add<cdk::iam::CfnRole>("Role", {.assume_role_policy_document = cdk::Map{}, .path = "/"});
#else
  stack.add<cdk::iam::CfnRole>("Role", {.path = "/"});
#endif
}
