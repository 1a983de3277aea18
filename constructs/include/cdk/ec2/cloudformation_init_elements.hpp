// The elements of a CloudFormation Init config (CDK's cfn-init-elements): packages,
// groups, users, sources, files, commands and services, each rendered into the
// AWS::CloudFormation::Init metadata exactly as aws-cdk-lib renders it.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cdk/value.hpp"

namespace cdk::iam {
class IRole;
}

namespace cdk::ec2 {

/// The platform an init config is rendered for (CDK's InitPlatform).
enum class InitPlatform { Linux, Windows };

/// The kinds of element; cfn-init runs them in this order within a config.
enum class InitElementType { Package, Group, User, Source, File, Command, Service };

/// What an element is rendered with.
struct InitBindOptions {
  InitPlatform platform = InitPlatform::Linux;
  /// Position among the elements of the same type in the config (default keys "000", ...).
  int index = 0;
  /// The role the instances run as (for elements that read S3), may be null.
  iam::IRole* instance_role = nullptr;
  /// Construct path that errors are reported at (the resource the init is attached to).
  std::string path;
};

namespace detail {
struct RestartHandleState;
}

/// Restarts a service when a command, file, package or source that names this handle
/// changes (cfn-init's services.<name>.commands/files/packages/sources). Copies share state.
class InitServiceRestartHandle {
 public:
  InitServiceRestartHandle();
  void add_command(std::string key);
  void add_file(std::string file_name);
  void add_source(std::string directory);
  void add_package(std::string package_type, std::string package_name);
  /// {commands, files, packages, sources}, each only when non-empty.
  Map render_restart_handles() const;

 private:
  std::shared_ptr<detail::RestartHandleState> state_;
};

/// One element of an InitConfig.
class InitElement {
 public:
  virtual ~InitElement() = default;
  virtual InitElementType element_type() const = 0;
  /// The element's fragment of the config section of its type (merged with the others).
  virtual Value bind(const InitBindOptions& options) const = 0;
};

/// Any element, held by value in InitConfig's lists: `{InitPackage::yum("nginx"), ...}`.
class AnyInitElement {
 public:
  template <class T>
    requires std::is_base_of_v<InitElement, T>
  AnyInitElement(T element) : element_{std::make_shared<T>(std::move(element))} {}  // NOLINT
  const InitElement& get() const { return *element_; }

 private:
  std::shared_ptr<const InitElement> element_;
};

// -- commands ------------------------------------------------------------------------------

struct InitCommandOptions {
  /// Key of the command in the config (commands run in key order). Default: the
  /// command's index among the config's commands, padded to three digits ("000").
  std::optional<std::string> key;
  /// Environment variables of the command.
  std::vector<std::pair<std::string, std::string>> env;
  /// Working directory.
  std::optional<std::string> cwd;
  /// Run the command only when this test command succeeds.
  std::optional<std::string> test_cmd;
  /// Continue when the command fails. Default: cfn-init's (false).
  std::optional<bool> ignore_errors;
  /// Windows only: seconds to wait after the command (a reboot command may need it).
  std::optional<std::chrono::seconds> wait_after_completion;
  /// Services restarted after this command runs.
  std::vector<InitServiceRestartHandle> service_restart_handles;
};

class InitCommand : public InitElement {
 public:
  /// A command run through the shell.
  static InitCommand shell_command(std::string command, InitCommandOptions options = {});
  /// A command given as arguments, run without a shell; needs at least one argument.
  static InitCommand argv_command(std::vector<std::string> argv, InitCommandOptions options = {});

  InitElementType element_type() const override { return InitElementType::Command; }
  Value bind(const InitBindOptions& options) const override;

 private:
  InitCommand(Value command, InitCommandOptions options) : command_{std::move(command)}, options_{std::move(options)} {}
  Value command_;
  InitCommandOptions options_;
};

// -- files ---------------------------------------------------------------------------------

struct InitFileOptions {
  /// Linux only: mode as six octal digits. Default "000644".
  std::optional<std::string> mode;
  /// Linux only. Default "root".
  std::optional<std::string> owner;
  /// Linux only. Default "root".
  std::optional<std::string> group;
  /// The content is base64 encoded (from_string) / is read as base64 (from_file_inline).
  bool base64_encoded = false;
  std::vector<InitServiceRestartHandle> service_restart_handles;
};

class InitFile : public InitElement {
 public:
  /// A file with literal content (which may hold tokens); content must not be empty.
  static InitFile from_string(std::string file_name, Value content, InitFileOptions options = {});
  /// A symbolic link to `target` (mode 120644 unless given; a mode must start with 120).
  static InitFile symlink(std::string file_name, std::string target, InitFileOptions options = {});
  /// A JSON file rendered from an object (may hold tokens).
  static InitFile from_object(std::string file_name, Map object, InitFileOptions options = {});
  /// A file whose content is read now from a local file and embedded in the template.
  static InitFile from_file_inline(std::string target_file_name, const std::string& source_file_name,
                                   InitFileOptions options = {});
  /// A file downloaded from a URL.
  static InitFile from_url(std::string file_name, Value url, InitFileOptions options = {});

  InitElementType element_type() const override { return InitElementType::File; }
  Value bind(const InitBindOptions& options) const override;

 private:
  InitFile(std::string file_name, Map content_vars, InitFileOptions options)
      : file_name_{std::move(file_name)}, content_vars_{std::move(content_vars)}, options_{std::move(options)} {}
  std::string file_name_;
  Map content_vars_;  // content/encoding or source
  InitFileOptions options_;
};

// -- packages ------------------------------------------------------------------------------

struct NamedPackageOptions {
  /// Versions to install; default the latest.
  std::vector<std::string> version;
  std::vector<InitServiceRestartHandle> service_restart_handles;
};

struct LocationPackageOptions {
  /// Identifier of the package in the config; default its index ("000").
  std::optional<std::string> key;
  std::vector<InitServiceRestartHandle> service_restart_handles;
};

class InitPackage : public InitElement {
 public:
  /// An RPM from a URL or file location.
  static InitPackage rpm(std::string location, LocationPackageOptions options = {});
  static InitPackage yum(std::string package_name, NamedPackageOptions options = {});
  static InitPackage ruby_gem(std::string gem_name, NamedPackageOptions options = {});
  static InitPackage python(std::string package_name, NamedPackageOptions options = {});
  static InitPackage apt(std::string package_name, NamedPackageOptions options = {});
  /// Windows only: an MSI installer from a URL.
  static InitPackage msi(std::string location, LocationPackageOptions options = {});

  InitElementType element_type() const override { return InitElementType::Package; }
  Value bind(const InitBindOptions& options) const override;

 private:
  InitPackage(std::string type, std::vector<std::string> versions, std::optional<std::string> name,
              std::vector<InitServiceRestartHandle> handles)
      : type_{std::move(type)}, versions_{std::move(versions)}, name_{std::move(name)}, handles_{std::move(handles)} {}
  std::string type_;
  std::vector<std::string> versions_;
  std::optional<std::string> name_;
  std::vector<InitServiceRestartHandle> handles_;
};

// -- services ------------------------------------------------------------------------------

enum class ServiceManager { Sysvinit, Windows, Systemd };

struct InitServiceOptions {
  /// Start the service at boot. Default true (enable()).
  std::optional<bool> enabled;
  /// Make sure the service runs after cfn-init. Default: `enabled`.
  std::optional<bool> ensure_running;
  /// Restart the service when the elements naming this handle change.
  std::optional<InitServiceRestartHandle> service_restart_handle;
  /// Default: sysvinit on Linux, windows on Windows.
  std::optional<ServiceManager> service_manager;
};

class InitService : public InitElement {
 public:
  static InitService enable(std::string service_name, InitServiceOptions options = {});
  static InitService disable(std::string service_name);

  InitElementType element_type() const override { return InitElementType::Service; }
  Value bind(const InitBindOptions& options) const override;

 private:
  InitService(std::string name, InitServiceOptions options) : name_{std::move(name)}, options_{std::move(options)} {}
  std::string name_;
  InitServiceOptions options_;
};

// -- sources, users, groups ------------------------------------------------------------------

struct InitSourceOptions {
  std::vector<InitServiceRestartHandle> service_restart_handles;
};

class InitSource : public InitElement {
 public:
  /// An archive (zip, tar, tgz, ...) downloaded from a URL and unpacked into a directory.
  static InitSource from_url(std::string target_directory, Value url, InitSourceOptions options = {});
  /// A GitHub repository's tarball at `ref_spec` (default "master").
  static InitSource from_git_hub(std::string target_directory, const std::string& owner, const std::string& repo,
                                 std::optional<std::string> ref_spec = {}, InitSourceOptions options = {});

  InitElementType element_type() const override { return InitElementType::Source; }
  Value bind(const InitBindOptions& options) const override;

 private:
  InitSource(std::string directory, Value url, InitSourceOptions options)
      : directory_{std::move(directory)}, url_{std::move(url)}, options_{std::move(options)} {}
  std::string directory_;
  Value url_;
  InitSourceOptions options_;
};

struct InitUserOptions {
  std::optional<std::string> home_dir;
  std::optional<int> user_id;
  std::vector<std::string> groups;
};

/// Linux only.
class InitUser : public InitElement {
 public:
  static InitUser from_name(std::string user_name, InitUserOptions options = {});
  InitElementType element_type() const override { return InitElementType::User; }
  Value bind(const InitBindOptions& options) const override;

 private:
  InitUser(std::string name, InitUserOptions options) : name_{std::move(name)}, options_{std::move(options)} {}
  std::string name_;
  InitUserOptions options_;
};

/// Linux only.
class InitGroup : public InitElement {
 public:
  static InitGroup from_name(std::string group_name, std::optional<int> group_id = {});
  InitElementType element_type() const override { return InitElementType::Group; }
  Value bind(const InitBindOptions& options) const override;

 private:
  InitGroup(std::string name, std::optional<int> id) : name_{std::move(name)}, id_{id} {}
  std::string name_;
  std::optional<int> id_;
};

}  // namespace cdk::ec2
