#pragma once

#include "policy.h"
#include "policyparser.h"

#include <string>
#include <utility>
#include <vector>

namespace heiiki::model::iam {

/// For a `NotPrincipal` statement with `Deny`: warns at each user, role or role-session
/// entry (\a entries: value and JSON pointer) whose account — and, for a session, whose
/// role — is not listed too. AWS may check the account first and deny the whole account,
/// so AWS asks for the account (and the role) to be named with the principal. The
/// warnings are appended to \a problems.
void checkNotPrincipalAccounts(const Statement &statement,
                               const std::vector<std::pair<std::string, std::string>> &entries,
                               std::vector<PolicyProblem> &problems);

} // namespace heiiki::model::iam
