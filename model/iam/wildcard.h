#pragma once

#include <string>
#include <string_view>

namespace heiiki::model::iam {

/// IAM wildcard matching: `*` matches any run of characters (also none), `?` any one.
bool wildcardMatch(std::string_view pattern, std::string_view text);
/// The same, ignoring ASCII case (actions are case-insensitive).
bool wildcardMatchIgnoreCase(std::string_view pattern, std::string_view text);
/// The same for a pattern in which `\` makes the next character literal: the form
/// escapeWildcards() writes, used where policy variables put text into a pattern.
bool wildcardMatchEscaped(std::string_view pattern, std::string_view text);
/// \a literal with `*`, `?` and `\` escaped for wildcardMatchEscaped().
std::string escapeWildcards(std::string_view literal);
/// Undoes escapeWildcards(): the text an escaped pattern stands for when compared exactly.
std::string unescapeWildcards(std::string_view pattern);

} // namespace heiiki::model::iam
