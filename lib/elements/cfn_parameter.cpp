#include "cdk/cfn_parameter.hpp"

#include <cmath>
#include <regex>

#include "detail/tokens.hpp"

namespace cdk {

namespace {
bool is_aws_specific_type(std::string_view type) {
  static constexpr std::string_view kTypes[] = {
      "AWS::EC2::AvailabilityZone::Name", "AWS::EC2::Image::Id",          "AWS::EC2::Instance::Id",
      "AWS::EC2::KeyPair::KeyName",       "AWS::EC2::SecurityGroup::GroupName", "AWS::EC2::SecurityGroup::Id",
      "AWS::EC2::Subnet::Id",             "AWS::EC2::Volume::Id",         "AWS::EC2::VPC::Id",
      "AWS::Route53::HostedZone::Id",
  };
  for (auto t : kTypes)
    if (t == type) return true;
  return false;
}

bool strip(std::string_view& s, std::string_view prefix, std::string_view suffix) {
  if (s.size() < prefix.size() + suffix.size() || s.substr(0, prefix.size()) != prefix ||
      s.substr(s.size() - suffix.size()) != suffix)
    return false;
  s = s.substr(prefix.size(), s.size() - prefix.size() - suffix.size());
  return true;
}

// The value of an SSM parameter: String, List<String>, CommaDelimitedList, or an
// AWS-specific type or list of one.
bool is_valid_ssm_value_type(std::string_view inner) {
  if (inner == "String" || inner == "List<String>" || inner == "CommaDelimitedList") return true;
  if (strip(inner, "List<", ">")) return is_aws_specific_type(inner);
  return is_aws_specific_type(inner);
}

}  // namespace

bool is_valid_parameter_type(std::string_view type) {
  if (type == "String" || type == "Number" || type == "List<Number>" || type == "CommaDelimitedList") return true;
  if (type == "AWS::SSM::Parameter::Name") return true;
  if (is_aws_specific_type(type)) return true;
  std::string_view inner = type;
  if (strip(inner, "AWS::SSM::Parameter::Value<", ">")) return is_valid_ssm_value_type(inner);
  inner = type;
  // Every AWS-specific type has a list form except key pairs (CloudFormation's list).
  if (strip(inner, "List<", ">")) return is_aws_specific_type(inner) && inner != "AWS::EC2::KeyPair::KeyName";
  return false;
}

CfnParameter::CfnParameter(Construct& scope, std::string_view id, CfnParameterProps props)
    : CfnElement(scope, id), props_{std::move(props)} {}

bool CfnParameter::is_number() const { return props_.type == "Number"; }

bool CfnParameter::is_list() const {
  std::string_view t = props_.type;
  return t.substr(0, 5) == "List<" || t == "CommaDelimitedList" ||
         t.find("Parameter::Value<List<") != std::string_view::npos ||
         t == "AWS::SSM::Parameter::Value<CommaDelimitedList>";
}

Value CfnParameter::ref() const {
  return detail::ref_to(*this, is_number() ? TokenType::Number : is_list() ? TokenType::List : TokenType::String);
}
Value CfnParameter::value_as_string() const { return detail::ref_to(*this, TokenType::String); }
Value CfnParameter::value_as_number() const { return detail::ref_to(*this, TokenType::Number); }
Value CfnParameter::value_as_list() const { return detail::ref_to(*this, TokenType::List); }

Value CfnParameter::render() const {
  Map body;
  body.emplace_back("Type", Value{props_.type});
  if (props_.default_value) body.emplace_back("Default", *props_.default_value);
  if (props_.allowed_pattern) body.emplace_back("AllowedPattern", Value{*props_.allowed_pattern});
  if (!props_.allowed_values.empty()) body.emplace_back("AllowedValues", Value{props_.allowed_values});
  if (props_.constraint_description) body.emplace_back("ConstraintDescription", Value{*props_.constraint_description});
  if (props_.description) body.emplace_back("Description", Value{*props_.description});
  if (props_.max_length) body.emplace_back("MaxLength", Value{*props_.max_length});
  if (props_.max_value) body.emplace_back("MaxValue", Value{*props_.max_value});
  if (props_.min_length) body.emplace_back("MinLength", Value{*props_.min_length});
  if (props_.min_value) body.emplace_back("MinValue", Value{*props_.min_value});
  if (props_.no_echo) body.emplace_back("NoEcho", Value{true});
  return Value{std::move(body)};
}

void CfnParameter::validate_element(std::vector<Diagnostic>& out) const {
  CfnElement::validate_element(out);
  auto error = [&](const char* code, const std::string& message) { out.push_back({code, path(), message}); };
  if (!is_valid_parameter_type(props_.type)) {
    error(errc::InvalidParameterType, "parameter type '" + props_.type +
                                          "' is not a CloudFormation parameter type (String, Number, List<Number>, "
                                          "CommaDelimitedList, AWS::EC2::..., AWS::SSM::Parameter::Value<...>)");
  }
  if (props_.min_length && props_.max_length && *props_.min_length > *props_.max_length)
    error(errc::InvalidParameter, "min_length " + std::to_string(*props_.min_length) + " exceeds max_length " +
                                      std::to_string(*props_.max_length));
  if (props_.min_value && props_.max_value && *props_.min_value > *props_.max_value)
    error(errc::InvalidParameter, "min_value exceeds max_value");
  if (props_.description && props_.description->size() > 4000)
    error(errc::InvalidParameter, "description is longer than CloudFormation's 4000 characters");
  std::optional<std::regex> pattern;
  if (props_.allowed_pattern) {
    try {
      pattern.emplace(*props_.allowed_pattern);
    } catch (const std::regex_error&) {
      error(errc::InvalidParameter, "allowed_pattern '" + *props_.allowed_pattern + "' is not a valid regular expression");
    }
  }

  if (!props_.default_value || props_.default_value->contains_token()) return;
  const Value& def = *props_.default_value;
  if (def.is_list() || def.is_map()) {
    error(errc::InvalidParameterDefault, "default must be a string or a number (a list default is written \"a,b,c\")");
    return;
  }
  std::string text;
  if (def.is_string()) {
    text = def.as_string();
  } else if (def.kind() == Value::Kind::Integer) {
    text = std::to_string(def.as_integer());
  } else if (def.kind() == Value::Kind::Double) {
    text = (Value{""} + def).as_string();
  } else if (def.kind() == Value::Kind::Bool) {
    text = def.as_bool() ? "true" : "false";
  }
  auto quoted = "default '" + text + "'";
  if (is_number()) {
    char* end = nullptr;
    double number = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(number)) {
      error(errc::InvalidParameterDefault, quoted + " is not a number, but the parameter's type is Number");
    } else {
      if (props_.min_value && number < *props_.min_value)
        error(errc::InvalidParameterDefault, quoted + " is below min_value");
      if (props_.max_value && number > *props_.max_value)
        error(errc::InvalidParameterDefault, quoted + " is above max_value");
    }
  }
  if (!props_.allowed_values.empty()) {
    bool found = false;
    if (is_list()) {
      // Every element of a comma-delimited default must be allowed.
      found = true;
      std::size_t start = 0;
      while (start <= text.size()) {
        auto comma = text.find(',', start);
        auto item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        bool allowed = false;
        for (const auto& a : props_.allowed_values) allowed = allowed || a == item;
        found = found && allowed;
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else {
      for (const auto& a : props_.allowed_values) found = found || a == text;
    }
    if (!found) error(errc::InvalidParameterDefault, quoted + " is not one of the allowed values");
  }
  if (pattern && !std::regex_match(text, *pattern))
    error(errc::InvalidParameterDefault, quoted + " does not match allowed_pattern '" + *props_.allowed_pattern + "'");
  auto length = static_cast<std::int64_t>(text.size());
  if (props_.min_length && length < *props_.min_length)
    error(errc::InvalidParameterDefault, quoted + " is shorter than min_length " + std::to_string(*props_.min_length));
  if (props_.max_length && length > *props_.max_length)
    error(errc::InvalidParameterDefault, quoted + " is longer than max_length " + std::to_string(*props_.max_length));
}

}  // namespace cdk
