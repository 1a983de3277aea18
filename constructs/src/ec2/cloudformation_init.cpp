// CloudFormationInit and InitConfig: configs and config sets rendered into the
// AWS::CloudFormation::Init metadata as aws-cdk-lib renders them (cfn-init.ts).
#include "cdk/ec2/cloudformation_init.hpp"

#include <algorithm>

#include "cdk/errors.hpp"

namespace cdk::ec2 {

namespace {

// CDK's deepMerge: objects merge key by key, arrays concatenate without duplicates, any
// other value replaces.
Value deep_merge(const Value& target, const Value& source) {
  if (target.is_null()) return source;
  if (source.is_null()) return target;
  if (!target.is_map() || !source.is_map()) return source;
  Map out = target.as_map();
  for (const auto& [key, value] : source.as_map()) {
    auto it = std::find_if(out.begin(), out.end(), [&key = key](const auto& e) { return e.first == key; });
    if (value.is_list()) {
      List merged = (it != out.end() && it->second.is_list()) ? it->second.as_list() : List{};
      for (const auto& item : value.as_list()) {
        if (std::find(merged.begin(), merged.end(), item) == merged.end()) merged.push_back(item);
      }
      if (it != out.end()) it->second = Value{std::move(merged)};
      else out.emplace_back(key, Value{std::move(merged)});
    } else if (value.is_map()) {
      Value merged = deep_merge(it != out.end() ? it->second : Value{Map{}}, value);
      if (it != out.end()) it->second = std::move(merged);
      else out.emplace_back(key, std::move(merged));
    } else if (!value.is_null()) {
      if (it != out.end()) it->second = value;
      else out.emplace_back(key, value);
    }
  }
  return Value{std::move(out)};
}

}  // namespace

Value InitConfig::bind(const InitBindOptions& options) const {
  // Services must come last: they render the restart handles the others fill.
  static constexpr std::pair<InitElementType, const char*> kSections[] = {
      {InitElementType::Package, "packages"}, {InitElementType::Group, "groups"},
      {InitElementType::User, "users"},       {InitElementType::Source, "sources"},
      {InitElementType::File, "files"},       {InitElementType::Command, "commands"},
      {InitElementType::Service, "services"},
  };
  Map out;
  for (const auto& [type, name] : kSections) {
    Value section;
    int index = 0;
    bool any = false;
    for (const auto& element : elements_) {
      if (element.get().element_type() != type) continue;
      InitBindOptions element_options = options;
      element_options.index = index++;
      section = deep_merge(section, element.get().bind(element_options));
      any = true;
    }
    if (any) out.emplace_back(name, section.is_null() ? Value{Map{}} : section);
  }
  return Value{std::move(out)};
}

CloudFormationInit CloudFormationInit::from_elements(std::vector<AnyInitElement> elements) {
  return from_config(InitConfig{std::move(elements)});
}

CloudFormationInit CloudFormationInit::from_config(InitConfig config) {
  ConfigSetProps props;
  props.config_sets.push_back({"default", {"config"}});
  props.configs.push_back({"config", std::move(config)});
  return from_config_sets(std::move(props));
}

CloudFormationInit CloudFormationInit::from_config_sets(ConfigSetProps props) {
  CloudFormationInit init;
  for (auto& [name, config] : props.configs) init.add_config(name, std::move(config));
  for (auto& [name, configs] : props.config_sets) init.add_config_set(name, std::move(configs));
  return init;
}

void CloudFormationInit::add_config(std::string config_name, InitConfig config) {
  for (const auto& [name, _] : configs_) {
    if (name == config_name) throw Error(errc::Ec2InitDuplicateConfig, "", "Config '" + config_name + "' already exists");
  }
  configs_.emplace_back(std::move(config_name), std::move(config));
}

void CloudFormationInit::add_config_set(std::string config_set_name, std::vector<std::string> config_names) {
  for (const auto& [name, _] : config_sets_) {
    if (name == config_set_name) {
      throw Error(errc::Ec2InitDuplicateConfigSet, "", "Config set '" + config_set_name + "' already exists");
    }
  }
  std::string unknown;
  for (const auto& config : config_names) {
    bool known = std::any_of(configs_.begin(), configs_.end(), [&](const auto& c) { return c.first == config; });
    if (!known) unknown += (unknown.empty() ? "" : ",") + config;
  }
  if (!unknown.empty()) {
    throw Error(errc::Ec2InitUnknownConfig, "",
                "Unknown configs referenced in definition of '" + config_set_name + "': " + unknown);
  }
  config_sets_.emplace_back(std::move(config_set_name), std::move(config_names));
}

Value CloudFormationInit::bind(const InitBindOptions& options) const {
  auto non_empty = [&](const std::string& name) {
    return std::any_of(configs_.begin(), configs_.end(),
                       [&](const auto& c) { return c.first == name && !c.second.is_empty(); });
  };
  Map sets;
  for (const auto& [set_name, names] : config_sets_) {
    std::vector<std::string> kept;
    for (const auto& name : names) {
      if (non_empty(name)) kept.push_back(name);
    }
    sets.emplace_back(set_name, Value{std::move(kept)});
  }
  Map out{{"configSets", Value{std::move(sets)}}};
  for (const auto& [name, config] : configs_) {
    if (!config.is_empty()) out.emplace_back(name, config.bind(options));
  }
  return Value{std::move(out)};
}

}  // namespace cdk::ec2
