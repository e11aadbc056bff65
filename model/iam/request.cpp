#include "request.h"

#include "../core/text.h"

#include <algorithm>

namespace heiiki::model::iam {

namespace {
std::string_view arnField(std::string_view arn, int index)
{
    for (int i = 0; i < index; ++i) {
        const auto colon = arn.find(':');
        if (colon == std::string_view::npos)
            return {};
        arn.remove_prefix(colon + 1);
    }
    return arn.substr(0, arn.find(':'));
}
} // namespace

std::string arnAccount(std::string_view arn)
{
    if (arn.rfind("arn:", 0) != 0)
        return {};
    return std::string(arnField(arn, 4));
}

RequestContext::RequestContext(std::string principal, std::string action, std::string resource,
                               std::vector<std::pair<std::string, std::vector<std::string>>> keys)
    : m_principal(std::move(principal))
    , m_action(std::move(action))
    , m_actionLower(asciiLower(m_action))
    , m_resource(std::move(resource))
{
    for (auto &[key, values] : keys)
        set(key, std::move(values));
    if (m_principal.size() == 12
        && std::all_of(m_principal.begin(), m_principal.end(), ::isdigit))
        m_principalAccount = m_principal;
    else
        m_principalAccount = arnAccount(m_principal);
    if (!values("aws:principalarn") && !m_principal.empty())
        set("aws:PrincipalArn", {m_principal});
    if (!values("aws:principalaccount") && !m_principalAccount.empty())
        set("aws:PrincipalAccount", {m_principalAccount});
    // arn:aws:iam::123456789012:user/path/name → aws:username = name
    const std::string_view resourcePart = arnField(m_principal, 5);
    if (!values("aws:username") && m_principal.find(":iam::") != std::string::npos
        && resourcePart.rfind("user/", 0) == 0) {
        const std::string full(m_principal.substr(m_principal.find(":user/") + 6));
        set("aws:username", {full.substr(full.rfind('/') + 1)});
    }
    if (const auto session = m_principal.find(":assumed-role/"); session != std::string::npos) {
        m_roleSession = true;
        const std::string_view rest = std::string_view(m_principal).substr(session + 14);
        m_sessionRoleName = std::string(rest.substr(0, rest.find('/')));
    }
    m_roleResource = m_resource.rfind("arn:", 0) == 0
                     && m_resource.find(":iam::") != std::string::npos
                     && m_resource.find(":role/") != std::string::npos;
    if (const auto *ra = values("aws:resourceaccount"); ra && !ra->empty())
        m_resourceAccount = ra->front();
    else
        m_resourceAccount = arnAccount(m_resource);
}

void RequestContext::set(std::string key, std::vector<std::string> values)
{
    key = asciiLower(std::move(key));
    const unsigned hash = keyHash(key);
    for (Key &k : m_keys)
        if (k.hash == hash && k.name == key) {
            k.values = std::move(values);
            return;
        }
    m_keys.push_back({hash, std::move(key), std::move(values)});
}

} // namespace heiiki::model::iam
