#pragma once

#include <string>
#include <string_view>

namespace heiiki::model::exporting {

/// A name for a file or folder of the policy bundle: letters, digits and "._-"; any other
/// character becomes '-' ("unnamed" when nothing is left).
std::string fileName(std::string_view text);

/// An IAM name (policy, role, group, user): letters, digits and "_+=,.@-"; any other
/// character becomes '-' ("unnamed" when nothing is left).
std::string iamName(std::string_view text);

/// A Network Firewall rule group name: letters, digits and '-'; any other character becomes
/// '-' ("unnamed" when nothing is left).
std::string ruleGroupName(std::string_view text);

/// \a word quoted for a POSIX shell when it needs it.
std::string shellWord(const std::string &word);

} // namespace heiiki::model::exporting
