#pragma once

#include <string_view>

namespace heiiki::model::iam {

/// IAM wildcard matching: `*` matches any run of characters (also none), `?` any one.
bool wildcardMatch(std::string_view pattern, std::string_view text);
/// The same, ignoring ASCII case (actions are case-insensitive).
bool wildcardMatchIgnoreCase(std::string_view pattern, std::string_view text);

} // namespace heiiki::model::iam
