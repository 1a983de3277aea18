// Turns the model into C++ text.
#pragma once

#include <string>
#include <vector>

#include "model.hpp"

namespace codegen {

std::string emit_type_header(const Service& service, const ResourceType& type);
/// cdk/<service>/cfn.hpp: includes every type of the service.
std::string emit_service_header(const Service& service);
/// cdk/<service>/cfn_fwd.hpp: forward declarations only.
std::string emit_forward_header(const Service& service);
/// <service>.cpp: the constructors and rendering of a service's typed classes.
std::string emit_service_source(const Service& service);
/// <service>_schema.cpp: the type facts and shapes of a service, as constant data that
/// needs no relocation. A separate file, so that find_resource_type() links only this
/// data, and a program links the classes of the services it uses.
std::string emit_schema_source(const Service& service);

struct RegistryService {
  std::string file_stem;                // aws_ec2
  std::vector<std::string> type_names;  // in the service's order
};
/// registry.cpp: all_resource_types() / find_resource_type() over the services built.
std::string emit_registry(const std::vector<RegistryService>& services);
/// factories.cpp: find_resource_factory() over the services built (CfnInclude's typed
/// classes; lib/include/resource_factory.hpp).
std::string emit_factories(const std::vector<RegistryService>& services);
/// A doctest case that instantiates and renders every type of the service.
std::string emit_instantiation_test(const Service& service);

}  // namespace codegen
