#include "cdk/iam/instance_profile.hpp"

#include "cdk/iam/cfn_instance_profile.hpp"

namespace cdk::iam {

InstanceProfile::InstanceProfile(Construct& scope, std::string_view id, InstanceProfileProps props)
    : Construct(scope, id) {
  role_ = props.role ? props.role.get()
                     : &add<Role>("InstanceRole", {.assumed_by = ServicePrincipal{"ec2.amazonaws.com"}});
  CfnInstanceProfile::Props cfn{.roles = ListOf<Str>{std::vector<Str>{Str{role_->role_name()}}}};
  if (props.instance_profile_name) cfn.instance_profile_name = *props.instance_profile_name;
  if (props.path) cfn.path = *props.path;
  resource_ = &add<CfnInstanceProfile>("Resource", std::move(cfn));
}

Value InstanceProfile::instance_profile_name() const { return resource_->ref(); }
Value InstanceProfile::instance_profile_arn() const { return resource_->attr_arn(); }

}  // namespace cdk::iam
