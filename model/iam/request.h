#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace heiiki::model::iam {

/// A request as the evaluator sees it: who asks for what on which resource, and the
/// condition keys of the request context.
class RequestContext
{
public:
    RequestContext() = default;
    /// Builds a context and derives the keys AWS derives from the principal:
    /// aws:PrincipalArn, aws:PrincipalAccount, aws:username (IAM users), aws:userid-like
    /// keys are not derived. Keys the caller gives win over derived ones.
    RequestContext(std::string principal, std::string action, std::string resource,
                   std::vector<std::pair<std::string, std::vector<std::string>>> keys);

    const std::string &principal() const { return m_principal; }
    const std::string &action() const { return m_action; }           ///< as given
    const std::string &actionLower() const { return m_actionLower; }
    const std::string &resource() const { return m_resource; }
    const std::string &principalAccount() const { return m_principalAccount; }
    /// The account that owns the resource: aws:ResourceAccount, else the ARN's account field.
    const std::string &resourceAccount() const { return m_resourceAccount; }

    /// The values of a condition key (case-insensitive), or nullptr when absent.
    const std::vector<std::string> *values(std::string_view lowerKey) const;
    void set(std::string key, std::vector<std::string> values);

private:
    std::string m_principal;
    std::string m_action;
    std::string m_actionLower;
    std::string m_resource;
    std::string m_principalAccount;
    std::string m_resourceAccount;
    std::vector<std::pair<std::string, std::vector<std::string>>> m_keys; // lower-case keys
};

/// The account field of an ARN ("arn:aws:iam::111111111111:role/x" → "111111111111").
std::string arnAccount(std::string_view arn);

} // namespace heiiki::model::iam
