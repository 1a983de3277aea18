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
/// Rendering, shape tables and type facts of a service, compiled into the library.
std::string emit_service_source(const Service& service);
/// all_resource_types() / find_resource_type() over the services built.
std::string emit_registry(const std::vector<std::string>& file_stems);
/// A doctest case that instantiates and renders every type of the service.
std::string emit_instantiation_test(const Service& service);

}  // namespace codegen
