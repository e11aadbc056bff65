#include "principalchecks.h"

#include "request.h"

#include <algorithm>

namespace heiiki::model::iam {

void checkNotPrincipalAccounts(const Statement &st,
                               const std::vector<std::pair<std::string, std::string>> &entries,
                               std::vector<PolicyProblem> &problems)
{
    // AWS (NotPrincipal): "you must also specify the account ARN of the not-denied principal.
    // Otherwise, the policy might deny access to the entire account containing the
    // principal"; for a role session, AWS may check the account, then the role, then the
    // session. Whether it does depends on the service, so this is a warning, not a decision.
    auto listed = [&](const std::string &value) {
        return std::any_of(st.principals.begin(), st.principals.end(),
                           [&](const PrincipalEntry &e) {
                               return e.type == PrincipalEntry::Type::Aws && e.value == value;
                           });
    };
    auto accountListed = [&](const std::string &account) {
        return std::any_of(st.principals.begin(), st.principals.end(),
                           [&](const PrincipalEntry &e) {
                               if (e.type != PrincipalEntry::Type::Aws)
                                   return false;
                               if (e.value == account)
                                   return true;
                               const auto resource = e.value.rfind(':');
                               return e.value.rfind("arn:", 0) == 0
                                      && resource != std::string::npos
                                      && e.value.substr(resource) == ":root"
                                      && arnAccount(e.value) == account;
                           });
    };
    for (const auto &[value, pointer] : entries) {
        const std::string account = arnAccount(value);
        const bool user = value.find(":iam::") != std::string::npos
                          && value.find(":user/") != std::string::npos;
        const bool role = value.find(":iam::") != std::string::npos
                          && value.find(":role/") != std::string::npos;
        const auto session = value.find(":assumed-role/");
        if (account.empty() || !(user || role || session != std::string::npos))
            continue;
        const std::string partition = value.substr(4, value.find(':', 4) - 4);
        std::vector<std::string> missing;
        if (!accountListed(account))
            missing.push_back("arn:" + partition + ":iam::" + account + ":root");
        if (session != std::string::npos) {
            const std::string rest = value.substr(session + 14);
            const std::string roleArn = "arn:" + partition + ":iam::" + account + ":role/"
                                        + rest.substr(0, rest.find('/'));
            if (!listed(roleArn))
                missing.push_back(roleArn);
        }
        if (missing.empty())
            continue;
        std::string names;
        for (const auto &m : missing)
            names += (names.empty() ? "" : " and ") + m;
        problems.push_back({pointer,
                            "NotPrincipal with Deny names " + value + " but not " + names
                                + "; AWS may check the account (and the role) first and then "
                                  "deny this principal too: list " + names + " as well",
                            true});
    }
}

} // namespace heiiki::model::iam
