// Rendering of the CloudFormation Init elements, key for key as aws-cdk-lib renders them
// (cfn-init-elements.ts), so that the metadata and its fingerprint match CDK's.
#include "cdk/ec2/cloudformation_init_elements.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "cdk/errors.hpp"

namespace cdk::ec2 {

namespace detail {
struct RestartHandleState {
  std::vector<std::string> commands;
  std::vector<std::string> files;
  std::vector<std::string> sources;
  std::vector<std::pair<std::string, std::vector<std::string>>> packages;
};
}  // namespace detail

namespace {

std::string padded_index(int index) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%03d", index);
  return buffer;
}

Value strings(const std::vector<std::string>& items) { return Value{items}; }

[[noreturn]] void platform_error(const InitBindOptions& options, const std::string& message) {
  throw Error(errc::Ec2InitPlatform, options.path, message);
}

std::string base64(const std::string& data) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    unsigned n = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8) |
                 static_cast<unsigned char>(data[i + 2]);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    out += alphabet[n & 63];
  }
  if (i + 1 == data.size()) {
    unsigned n = static_cast<unsigned char>(data[i]) << 16;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == data.size()) {
    unsigned n = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

}  // namespace

// -- restart handles -------------------------------------------------------------------------

InitServiceRestartHandle::InitServiceRestartHandle() : state_{std::make_shared<detail::RestartHandleState>()} {}

void InitServiceRestartHandle::add_command(std::string key) { state_->commands.push_back(std::move(key)); }
void InitServiceRestartHandle::add_file(std::string file_name) { state_->files.push_back(std::move(file_name)); }
void InitServiceRestartHandle::add_source(std::string directory) { state_->sources.push_back(std::move(directory)); }
void InitServiceRestartHandle::add_package(std::string package_type, std::string package_name) {
  for (auto& [type, names] : state_->packages) {
    if (type == package_type) {
      names.push_back(std::move(package_name));
      return;
    }
  }
  state_->packages.push_back({std::move(package_type), {std::move(package_name)}});
}

Map InitServiceRestartHandle::render_restart_handles() const {
  Map out;
  if (!state_->commands.empty()) out.emplace_back("commands", strings(state_->commands));
  if (!state_->files.empty()) out.emplace_back("files", strings(state_->files));
  if (!state_->packages.empty()) {
    Map packages;
    for (const auto& [type, names] : state_->packages) packages.emplace_back(type, strings(names));
    out.emplace_back("packages", Value{std::move(packages)});
  }
  if (!state_->sources.empty()) out.emplace_back("sources", strings(state_->sources));
  return out;
}

// -- commands ------------------------------------------------------------------------------

InitCommand InitCommand::shell_command(std::string command, InitCommandOptions options) {
  return InitCommand{Value{std::move(command)}, std::move(options)};
}

InitCommand InitCommand::argv_command(std::vector<std::string> argv, InitCommandOptions options) {
  if (argv.empty()) throw Error(errc::Ec2InitEmptyArgv, "", "Cannot define argvCommand with an empty arguments");
  return InitCommand{Value{std::move(argv)}, std::move(options)};
}

Value InitCommand::bind(const InitBindOptions& options) const {
  std::string key = options_.key.value_or(padded_index(options.index));
  if (options.platform != InitPlatform::Windows && options_.wait_after_completion) {
    platform_error(options, "Command '" + (command_.is_string() ? command_.as_string() : key) +
                                "': 'waitAfterCompletion' is only valid for Windows systems.");
  }
  for (auto handle : options_.service_restart_handles) handle.add_command(key);

  Map body{{"command", command_}};
  if (!options_.env.empty()) {
    Map env;
    for (const auto& [name, value] : options_.env) env.emplace_back(name, value);
    body.emplace_back("env", Value{std::move(env)});
  }
  if (options_.cwd) body.emplace_back("cwd", *options_.cwd);
  if (options_.test_cmd) body.emplace_back("test", *options_.test_cmd);
  if (options_.ignore_errors) body.emplace_back("ignoreErrors", *options_.ignore_errors);
  if (options_.wait_after_completion) {
    body.emplace_back("waitAfterCompletion", static_cast<long long>(options_.wait_after_completion->count()));
  }
  return Map{{key, Value{std::move(body)}}};
}

// -- files ---------------------------------------------------------------------------------

InitFile InitFile::from_string(std::string file_name, Value content, InitFileOptions options) {
  if (content.is_null() || (content.is_string() && content.as_string().empty())) {
    throw Error(errc::Ec2InitEmptyContent, "",
                "InitFile " + file_name + ": cannot create empty file. Please supply at least one character of content.");
  }
  Map vars{{"content", std::move(content)}, {"encoding", options.base64_encoded ? "base64" : "plain"}};
  return InitFile{std::move(file_name), std::move(vars), std::move(options)};
}

InitFile InitFile::symlink(std::string file_name, std::string target, InitFileOptions options) {
  if (options.mode && options.mode->substr(0, 3) != "120") {
    throw Error(errc::Ec2InitSymlinkMode, "", "SymLink file modes must begin with 120XXX");
  }
  if (!options.mode) options.mode = "120644";
  return from_string(std::move(file_name), Value{std::move(target)}, std::move(options));
}

InitFile InitFile::from_object(std::string file_name, Map object, InitFileOptions options) {
  Map vars{{"content", Value{std::move(object)}}};
  return InitFile{std::move(file_name), std::move(vars), std::move(options)};
}

InitFile InitFile::from_file_inline(std::string target_file_name, const std::string& source_file_name,
                                    InitFileOptions options) {
  std::ifstream in{source_file_name, std::ios::binary};
  if (!in) throw Error(errc::Ec2InitFileRead, "", "cannot read '" + source_file_name + "'");
  std::ostringstream text;
  text << in.rdbuf();
  std::string contents = options.base64_encoded ? base64(text.str()) : text.str();
  return from_string(std::move(target_file_name), Value{std::move(contents)}, std::move(options));
}

InitFile InitFile::from_url(std::string file_name, Value url, InitFileOptions options) {
  Map vars{{"source", std::move(url)}};
  return InitFile{std::move(file_name), std::move(vars), std::move(options)};
}

Value InitFile::bind(const InitBindOptions& options) const {
  for (auto handle : options_.service_restart_handles) handle.add_file(file_name_);
  Map body = content_vars_;
  if (options.platform == InitPlatform::Windows) {
    if (options_.group || options_.owner || options_.mode) {
      platform_error(options, "Owner, group, and mode options not supported for Windows.");
    }
  } else {
    body.emplace_back("mode", options_.mode.value_or("000644"));
    body.emplace_back("owner", options_.owner.value_or("root"));
    body.emplace_back("group", options_.group.value_or("root"));
  }
  return Map{{file_name_, Value{std::move(body)}}};
}

// -- packages ------------------------------------------------------------------------------

InitPackage InitPackage::rpm(std::string location, LocationPackageOptions options) {
  return InitPackage{"rpm", {std::move(location)}, std::move(options.key), std::move(options.service_restart_handles)};
}
InitPackage InitPackage::msi(std::string location, LocationPackageOptions options) {
  return InitPackage{"msi", {std::move(location)}, std::move(options.key), std::move(options.service_restart_handles)};
}
InitPackage InitPackage::yum(std::string package_name, NamedPackageOptions options) {
  return InitPackage{"yum", std::move(options.version), std::move(package_name),
                     std::move(options.service_restart_handles)};
}
InitPackage InitPackage::ruby_gem(std::string gem_name, NamedPackageOptions options) {
  return InitPackage{"rubygems", std::move(options.version), std::move(gem_name),
                     std::move(options.service_restart_handles)};
}
InitPackage InitPackage::python(std::string package_name, NamedPackageOptions options) {
  return InitPackage{"python", std::move(options.version), std::move(package_name),
                     std::move(options.service_restart_handles)};
}
InitPackage InitPackage::apt(std::string package_name, NamedPackageOptions options) {
  return InitPackage{"apt", std::move(options.version), std::move(package_name),
                     std::move(options.service_restart_handles)};
}

Value InitPackage::bind(const InitBindOptions& options) const {
  bool windows = options.platform == InitPlatform::Windows;
  if ((type_ == "msi") != windows) {
    platform_error(options, type_ == "msi" ? "MSI installers are only supported on Windows systems."
                                           : "Windows only supports the MSI package type");
  }
  if ((!name_ || name_->empty()) && type_ != "rpm" && type_ != "msi") {
    throw Error(errc::Ec2InitPackageName, options.path,
                "Package name must be specified for all package types besides RPM and MSI.");
  }
  std::string name = name_ && !name_->empty() ? *name_ : padded_index(options.index);
  for (auto handle : handles_) handle.add_package(type_, name);
  return Map{{type_, Map{{name, strings(versions_)}}}};
}

// -- services ------------------------------------------------------------------------------

InitService InitService::enable(std::string service_name, InitServiceOptions options) {
  bool enabled = options.enabled.value_or(true);
  options.ensure_running = options.ensure_running.value_or(enabled);
  options.enabled = enabled;
  return InitService{std::move(service_name), std::move(options)};
}

InitService InitService::disable(std::string service_name) {
  InitServiceOptions options;
  options.enabled = false;
  options.ensure_running = false;
  return InitService{std::move(service_name), std::move(options)};
}

Value InitService::bind(const InitBindOptions& options) const {
  auto manager = options_.service_manager.value_or(options.platform == InitPlatform::Linux ? ServiceManager::Sysvinit
                                                                                           : ServiceManager::Windows);
  const char* manager_name = manager == ServiceManager::Sysvinit  ? "sysvinit"
                             : manager == ServiceManager::Windows ? "windows"
                                                                  : "systemd";
  Map body;
  if (options_.enabled) body.emplace_back("enabled", *options_.enabled);
  if (options_.ensure_running) body.emplace_back("ensureRunning", *options_.ensure_running);
  if (options_.service_restart_handle) {
    for (auto& entry : options_.service_restart_handle->render_restart_handles()) body.push_back(std::move(entry));
  }
  return Map{{manager_name, Map{{name_, Value{std::move(body)}}}}};
}

// -- sources, users, groups ------------------------------------------------------------------

InitSource InitSource::from_url(std::string target_directory, Value url, InitSourceOptions options) {
  return InitSource{std::move(target_directory), std::move(url), std::move(options)};
}

InitSource InitSource::from_git_hub(std::string target_directory, const std::string& owner, const std::string& repo,
                                    std::optional<std::string> ref_spec, InitSourceOptions options) {
  return from_url(std::move(target_directory),
                  "https://github.com/" + owner + "/" + repo + "/tarball/" + ref_spec.value_or("master"),
                  std::move(options));
}

Value InitSource::bind(const InitBindOptions&) const {
  for (auto handle : options_.service_restart_handles) handle.add_source(directory_);
  return Map{{directory_, url_}};
}

InitUser InitUser::from_name(std::string user_name, InitUserOptions options) {
  return InitUser{std::move(user_name), std::move(options)};
}

Value InitUser::bind(const InitBindOptions& options) const {
  if (options.platform == InitPlatform::Windows) platform_error(options, "Init users are not supported on Windows");
  Map body;
  if (options_.user_id) body.emplace_back("uid", *options_.user_id);
  if (!options_.groups.empty()) body.emplace_back("groups", strings(options_.groups));
  if (options_.home_dir) body.emplace_back("homeDir", *options_.home_dir);
  return Map{{name_, Value{std::move(body)}}};
}

InitGroup InitGroup::from_name(std::string group_name, std::optional<int> group_id) {
  return InitGroup{std::move(group_name), group_id};
}

Value InitGroup::bind(const InitBindOptions& options) const {
  if (options.platform == InitPlatform::Windows) platform_error(options, "Init groups are not supported on Windows");
  Map body;
  if (id_) body.emplace_back("gid", *id_);
  return Map{{name_, Value{std::move(body)}}};
}

}  // namespace cdk::ec2
