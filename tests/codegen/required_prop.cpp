// Compiled twice by check_required.cmake: with REQUIRED_SET the required property of
// AWS::IAM::Role is given and the file must compile; without it, both statements must
// fail to compile.
#include <cdk/cdk.hpp>
#include <cdk/iam/cfn_role.hpp>

void declare(cdk::Stack& stack) {
#ifdef REQUIRED_SET
  stack.add<cdk::iam::CfnRole>("Role", {.assume_role_policy_document = cdk::Map{}, .path = "/"});
  cdk::iam::CfnRole::Props props{.assume_role_policy_document = cdk::Map{}, .path = "/"};
#else
  stack.add<cdk::iam::CfnRole>("Role", {.path = "/"});
  // The same props on their own: here clang names the deleted Required() as GCC does for
  // both (for the call above clang only says the braces cannot convert to Props).
  cdk::iam::CfnRole::Props props{.path = "/"};
#endif
  (void)props;
}
