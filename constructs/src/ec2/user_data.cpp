#include "cdk/ec2/user_data.hpp"

#include "cdk/cfn_resource.hpp"
#include "cdk/errors.hpp"
#include "cdk/stack.hpp"

namespace cdk::ec2 {

struct UserData::State {
  enum class Kind { Linux, Windows, Custom } kind;
  std::string shebang;  // Linux
  bool persist = false;  // Windows
  std::vector<Value> lines;
  std::vector<Value> on_exit_lines;
};

namespace {
Value join_lines(const std::vector<Value>& lines) {
  Value out;
  bool first = true;
  for (const auto& line : lines) {
    out = first ? line : out + "\n" + line;
    first = false;
  }
  return first ? Value{""} : out;
}

[[noreturn]] void unsupported(const char* operation) {
  throw Error(errc::Ec2UnsupportedUserData, "",
              std::string{"custom user data does not support "} + operation +
                  "; use UserData::for_linux() or UserData::for_windows() instead");
}

// The construct's main resource (CDK's node.defaultChild), or the construct itself.
const CfnResource* default_resource(const Construct& c) {
  if (auto* r = dynamic_cast<const CfnResource*>(&c)) return r;
  for (const char* id : {"Resource", "Default"})
    if (auto* child = dynamic_cast<const CfnResource*>(c.try_find_child(id))) return child;
  return nullptr;
}

Value logical_id_token(const CfnResource& r) {
  auto data = std::make_shared<cdk::detail::TokenData>();
  data->op = cdk::detail::TokenOp::LogicalId;
  data->type = TokenType::String;
  data->target = &r;
  return Value::make_token(std::move(data));
}
}  // namespace

UserData UserData::for_linux(LinuxUserDataOptions options) {
  auto s = std::make_shared<State>();
  s->kind = State::Kind::Linux;
  s->shebang = std::move(options.shebang);
  return UserData{std::move(s)};
}

UserData UserData::for_windows(WindowsUserDataOptions options) {
  auto s = std::make_shared<State>();
  s->kind = State::Kind::Windows;
  s->persist = options.persist;
  return UserData{std::move(s)};
}

UserData UserData::custom(std::string content) {
  auto s = std::make_shared<State>();
  s->kind = State::Kind::Custom;
  s->lines.emplace_back(std::move(content));
  return UserData{std::move(s)};
}

UserData UserData::for_operating_system(OperatingSystemType os) {
  switch (os) {
    case OperatingSystemType::Linux: return for_linux();
    case OperatingSystemType::Windows: return for_windows();
    case OperatingSystemType::Unknown: break;
  }
  throw Error(errc::Ec2UnsupportedUserData, "", "cannot determine user data for an unknown operating system type");
}

OperatingSystemType UserData::os_type() const {
  switch (state_->kind) {
    case State::Kind::Linux: return OperatingSystemType::Linux;
    case State::Kind::Windows: return OperatingSystemType::Windows;
    case State::Kind::Custom: return OperatingSystemType::Unknown;
  }
  return OperatingSystemType::Unknown;
}

void UserData::add_commands(std::vector<Value> commands) {
  for (auto& c : commands) state_->lines.push_back(std::move(c));
}

void UserData::add_on_exit_commands(std::vector<Value> commands) {
  if (state_->kind == State::Kind::Custom) unsupported("add_on_exit_commands");
  for (auto& c : commands) state_->on_exit_lines.push_back(std::move(c));
}

Value UserData::add_s3_download_command(const S3DownloadOptions& options) {
  switch (state_->kind) {
    case State::Kind::Custom: unsupported("add_s3_download_command");
    case State::Kind::Linux: {
      const Value local = options.local_file ? *options.local_file : "/tmp/" + options.bucket_key;
      const Value s3_path = "s3://" + options.bucket_name + "/" + options.bucket_key;
      add_commands({"mkdir -p $(dirname '" + local + "')",
                    "aws s3 cp '" + s3_path + "' '" + local + "'" +
                        (options.region ? " --region " + *options.region : std::string{})});
      return local;
    }
    case State::Kind::Windows: {
      const Value local = options.local_file ? *options.local_file : "C:/temp/" + options.bucket_key;
      add_commands({"mkdir (Split-Path -Path '" + local + "' ) -ea 0",
                    "Read-S3Object -BucketName '" + options.bucket_name + "' -key '" + options.bucket_key +
                        "' -file '" + local + "' -ErrorAction Stop" +
                        (options.region ? " -Region " + *options.region : std::string{})});
      return local;
    }
  }
  return {};
}

void UserData::add_execute_file_command(const ExecuteFileOptions& options) {
  const std::string args = options.arguments ? *options.arguments : "";
  switch (state_->kind) {
    case State::Kind::Custom: unsupported("add_execute_file_command");
    case State::Kind::Linux:
      // CDK trims the line, so no trailing space without arguments.
      add_commands({"set -e", "chmod +x '" + options.file_path + "'",
                    args.empty() ? "'" + options.file_path + "'" : "'" + options.file_path + "' " + args});
      return;
    case State::Kind::Windows:
      add_commands({args.empty() ? "&'" + options.file_path + "'" : "&'" + options.file_path + "' " + args,
                    "if (!$?) { Write-Error 'Failed to execute the file \"" + options.file_path +
                        "\"' -ErrorAction Stop }"});
      return;
  }
}

void UserData::add_signal_on_exit_command(const Construct& resource) {
  if (state_->kind == State::Kind::Custom) unsupported("add_signal_on_exit_command");
  const CfnResource* target = default_resource(resource);
  if (!target)
    throw Error(errc::Ec2UnsupportedUserData, resource.path(),
                "add_signal_on_exit_command needs a resource, or a construct whose default child is one");
  const Stack& stack = target->stack();
  const Value id = logical_id_token(*target);
  if (state_->kind == State::Kind::Linux)
    add_on_exit_commands({"/opt/aws/bin/cfn-signal --stack " + stack.stack_name() + " --resource " + id +
                          " --region " + stack.region() +
                          " -e $exitCode || echo 'Failed to send Cloudformation Signal'"});
  else
    add_on_exit_commands({"cfn-signal --stack " + stack.stack_name() + " --resource " + id + " --region " +
                          stack.region() + " --success ($success.ToString().ToLower())"});
}

Value UserData::render() const {
  const State& s = *state_;
  std::vector<Value> all;
  switch (s.kind) {
    case State::Kind::Custom: return join_lines(s.lines);
    case State::Kind::Linux:
      all.emplace_back(s.shebang);
      if (!s.on_exit_lines.empty()) {
        all.emplace_back("function exitTrap(){");
        all.emplace_back("exitCode=$?");
        all.insert(all.end(), s.on_exit_lines.begin(), s.on_exit_lines.end());
        all.emplace_back("}");
        all.emplace_back("trap exitTrap EXIT");
      }
      all.insert(all.end(), s.lines.begin(), s.lines.end());
      return join_lines(all);
    case State::Kind::Windows:
      if (!s.on_exit_lines.empty()) {
        all.emplace_back("trap {");
        all.emplace_back("$success=($PSItem.Exception.Message -eq \"Success\")");
        all.insert(all.end(), s.on_exit_lines.begin(), s.on_exit_lines.end());
        all.emplace_back("break");
        all.emplace_back("}");
      }
      all.insert(all.end(), s.lines.begin(), s.lines.end());
      if (!s.on_exit_lines.empty()) all.emplace_back("throw \"Success\"");
      return "<powershell>" + join_lines(all) + (s.persist ? "</powershell><persist>true</persist>" : "</powershell>");
  }
  return {};
}

}  // namespace cdk::ec2
