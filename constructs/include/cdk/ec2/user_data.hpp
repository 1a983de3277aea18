// User data: the script an instance runs at first boot. Linux (bash), Windows
// (PowerShell) or custom; rendered as one string, or one flat Fn::Join when a command
// holds tokens, exactly as CDK renders it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cdk/value.hpp"

namespace cdk {
class Construct;
}

namespace cdk::ec2 {

enum class OperatingSystemType { Linux, Windows, Unknown };

struct LinuxUserDataOptions {
  /// First line. Default "#!/bin/bash".
  std::string shebang = "#!/bin/bash";
};

struct WindowsUserDataOptions {
  /// Adds <persist>true</persist>: run on every boot, not only the first.
  bool persist = false;
};

struct S3DownloadOptions {
  /// The bucket's name (a literal or a token, e.g. an asset's s3_bucket_name()).
  Value bucket_name;
  /// The object key.
  Value bucket_key;
  /// Where to write the file. Default: /tmp/<key> (Linux), C:/temp/<key> (Windows).
  std::optional<Value> local_file;
  /// The bucket's region. Default: the instance's.
  std::optional<std::string> region;
};

struct ExecuteFileOptions {
  Value file_path;
  /// Arguments, appended after a space. Default: none.
  std::optional<std::string> arguments;
};

/// A handle: copies share the same script, as CDK's UserData object is shared (the
/// instance adds to the user data its props were given).
class UserData {
 public:
  static UserData for_linux(LinuxUserDataOptions options = {});
  static UserData for_windows(WindowsUserDataOptions options = {});
  /// Exactly the given content, no shebang; only add_commands is allowed.
  static UserData custom(std::string content);
  /// for_linux() or for_windows(); Unknown throws cdk.ec2.UnsupportedUserData.
  static UserData for_operating_system(OperatingSystemType os);

  /// Linux, Windows, or Unknown for custom user data.
  OperatingSystemType os_type() const;

  void add_commands(std::vector<Value> commands);
  /// Commands run when the script exits (a bash EXIT trap, or a PowerShell trap).
  void add_on_exit_commands(std::vector<Value> commands);
  /// Downloads an object from S3; returns the local path.
  Value add_s3_download_command(const S3DownloadOptions& options);
  void add_execute_file_command(const ExecuteFileOptions& options);
  /// Sends a CloudFormation signal for `resource` (a construct whose default child is
  /// a resource, or a resource) when the script exits.
  void add_signal_on_exit_command(const Construct& resource);

  /// The whole script: a string, or an Fn::Join with "" when a command has tokens.
  Value render() const;

  friend bool operator==(const UserData& a, const UserData& b) { return a.state_ == b.state_; }

  struct State;

 private:
  explicit UserData(std::shared_ptr<State> state) : state_{std::move(state)} {}
  std::shared_ptr<State> state_;
};

}  // namespace cdk::ec2
