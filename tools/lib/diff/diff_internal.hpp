// The pieces of cdk::tools diff that work on the library's JSON type.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "cdk/tools/diff.hpp"
#include "synth/json.hpp"

namespace cdk::tools::diff_detail {

using synth::Json;

/// JSON equality where object keys are unordered (nlohmann's ordered_json compares key order).
bool deep_equal(const Json& a, const Json& b);

/// Compact JSON text, the form ValueChange carries.
std::string compact(const Json& value);

/// A path inside a value: object keys and list indices.
using Segment = std::variant<std::string, std::size_t>;
using Path = std::vector<Segment>;

/// "Tags[1].Value"
std::string path_string(const Path& path);

/// One leaf-level difference between two values (intrinsics are leaves).
struct Leaf {
  Path path;
  ChangeKind kind = ChangeKind::Updated;
  const Json* old_value = nullptr;  // null when added
  const Json* new_value = nullptr;  // null when removed
};

/// The differences between `a` and `b`, below `prefix`. Lists are aligned on their
/// longest common subsequence so an inserted element is one addition, not a cascade.
void diff_values(const Json& a, const Json& b, Path prefix, std::vector<Leaf>& out);

/// Copies of the templates as the diff sees them: GetAtt "A.B" as ["A","B"], DependsOn as a
/// sorted list, and without CDK bookkeeping unless `strict`.
Json normalize_template(const Json& body, bool strict);

/// The diff of two templates as read (normalized here). Throws [cdk.template.Malformed]
/// when one is not a JSON object; `source` names the sides in that message.
TemplateDiff diff_bodies(const Json& old_body, const Json& new_body, bool strict);

/// Fills the IAM and security-group tables of `diff` from the resources it lists.
void collect_security_changes(const Json& old_body, const Json& new_body, TemplateDiff& diff);

/// An intrinsic rendered the way cdk diff prints it in its tables: ${Id}, ${Id.Attr}, a join
/// concatenated; anything else as compact JSON.
std::string render_intrinsics(const Json& value);

}  // namespace cdk::tools::diff_detail
