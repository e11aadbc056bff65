#include "iamsupport.h"

#include "../../network/pathengine.h"

namespace heiiki::model::rules {

IamView::IamView(const Design &design, const KindIndex &kinds)
    : m_design(design)
    , m_org(design.settings().organizationAccounts)
{
    std::unordered_map<Id, size_t> index;
    for (const auto &p : design.policies()) {
        const bool resource = p->type == PolicyType::Trust || p->type == PolicyType::Resource
                              || p->type == PolicyType::Endpoint;
        auto parsed = iam::parsePolicy(p->document, resource ? iam::DocumentKind::Resource
                                                             : iam::DocumentKind::Identity);
        index.emplace(p->id, m_policies.size());
        m_policies.push_back({p.get(),
                              std::make_shared<iam::Policy>(parsed.policy ? std::move(*parsed.policy)
                                                                          : iam::Policy()),
                              {},
                              std::move(parsed.problems),
                              {}});
    }
    for (const auto &l : design.links())
        if (l->kind == LinkKind::Policy)
            if (auto it = index.find(l->to); it != index.end()) {
                AttachedPolicy &p = m_policies[it->second];
                p.linkedFrom.push_back(l->from);
                if (const Element *e = design.element(l->from))
                    p.attachedTo.push_back(e);
            }
    for (const auto &p : m_policies)
        if (p.document->type == PolicyType::Endpoint)
            for (const Element *e : p.attachedTo)
                m_endpointPolicies.emplace(e->id, &p);
    for (const Element *e : kinds(ElementKind::VpcEndpoint)) {
        const std::string id = str(e->property("endpointId"));
        m_endpointIds.emplace_back(id.empty() ? e->id.str() : id,
                                   network::PathEngine::serviceName(str(e->property("service"))));
    }
}

std::vector<const AttachedPolicy *> IamView::trustPolicies() const
{
    std::vector<const AttachedPolicy *> out;
    for (const auto &p : m_policies)
        if (p.document->type == PolicyType::Trust)
            for (const Element *e : p.attachedTo)
                if (e->kind == ElementKind::IamRole) {
                    out.push_back(&p);
                    break;
                }
    return out;
}

std::vector<const AttachedPolicy *> IamView::identityPoliciesOn(ElementKind kind) const
{
    std::vector<const AttachedPolicy *> out;
    for (const auto &p : m_policies)
        if (p.document->type == PolicyType::Identity)
            for (const Element *e : p.attachedTo)
                if (e->kind == kind) {
                    out.push_back(&p);
                    break;
                }
    return out;
}

const AttachedPolicy *IamView::endpointPolicyOf(const Id &endpoint) const
{
    auto it = m_endpointPolicies.find(endpoint);
    return it == m_endpointPolicies.end() ? nullptr : it->second;
}

std::vector<std::string> IamView::endpointIds(const std::string &service) const
{
    std::vector<std::string> out;
    for (const auto &[id, svc] : m_endpointIds)
        if (svc == service)
            out.push_back(id);
    return out;
}

std::string IamView::outsideAccount() const
{
    for (const auto &a : m_design.accounts())
        if (a.external)
            return a.id;
    for (const char *candidate : {"999999999999", "999999999998"})
        if (std::find(m_org.begin(), m_org.end(), candidate) == m_org.end())
            return candidate;
    return "999999999997";
}

std::string IamView::organisationAccount(const std::string &notThis) const
{
    for (const auto &a : m_org)
        if (a != notThis)
            return a;
    return m_org.empty() ? std::string("111111111111") : m_org.front();
}

bool trustsAwsPrincipals(const iam::Policy &policy)
{
    for (const auto &s : policy.statements)
        for (const auto &p : s.principals)
            if (p.type == iam::PrincipalEntry::Type::Aws || p.type == iam::PrincipalEntry::Type::Any)
                return true;
    return false;
}

std::string roleArn(const Design &design, const Element &role)
{
    std::string name = str(role.property("roleName"));
    if (name.empty())
        name = role.id.str();
    std::string path = str(role.property("path"));
    if (path.empty())
        path = "/";
    return "arn:aws:iam::" + design.accountOf(role.id) + ":role" + path + name;
}

} // namespace heiiki::model::rules
