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
    /// True when the principal is a role session (arn:aws:sts::…:assumed-role/ROLE/SESSION).
    bool isRoleSession() const { return m_roleSession; }
    /// The ROLE of a role session principal; empty otherwise.
    std::string_view sessionRoleName() const { return m_sessionRoleName; }
    /// True when the resource is an IAM role ARN (a role trust policy decides on it).
    bool isRoleResource() const { return m_roleResource; }

    /// The values of a condition key (case-insensitive), or nullptr when absent.
    const std::vector<std::string> *values(std::string_view lowerKey) const
    {
        return values(lowerKey, keyHash(lowerKey));
    }
    /// The same, with \a hash = keyHash(lowerKey) computed beforehand (compiled policies
    /// keep the hash of each key they test).
    const std::vector<std::string> *values(std::string_view lowerKey, unsigned hash) const
    {
        for (const Key &k : m_keys)
            if (k.hash == hash && k.name == lowerKey)
                return &k.values;
        return nullptr;
    }
    void set(std::string key, std::vector<std::string> values);

    /// The hash values() compares before the key itself (FNV-1a of the lower-case key).
    static unsigned keyHash(std::string_view lowerKey)
    {
        unsigned h = 2166136261u;
        for (char c : lowerKey)
            h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
        return h;
    }

private:
    std::string m_principal;
    std::string m_action;
    std::string m_actionLower;
    std::string m_resource;
    std::string m_principalAccount;
    std::string m_resourceAccount;
    std::string m_sessionRoleName;
    bool m_roleSession = false;
    bool m_roleResource = false;
    struct Key
    {
        unsigned hash;
        std::string name; ///< lower case
        std::vector<std::string> values;
    };
    std::vector<Key> m_keys;
};

/// The account field of an ARN ("arn:aws:iam::111111111111:role/x" → "111111111111").
std::string arnAccount(std::string_view arn);

} // namespace heiiki::model::iam
