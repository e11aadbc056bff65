#include "pathengine.h"

#include "tracer.h"

#include <optional>

namespace heiiki::model::network {

std::string_view toString(StopReason reason)
{
    static constexpr std::string_view names[] = {
        "delivered", "no-route", "blackhole", "network-acl", "security-group", "firewall-rule",
        "nat-direction", "peering-transitivity", "no-vif", "no-public-address", "no-address",
        "bad-input", "loop"};
    return names[static_cast<int>(reason)];
}

namespace {

/// "com.amazonaws.ap-northeast-1.ssm" → "ssm"; "ssm" stays.
std::string_view shortServiceName(std::string_view service)
{
    if (service.starts_with("com.amazonaws."))
        return service.substr(service.rfind('.') + 1);
    return service;
}

std::string str(const heiiki::Json &v)
{
    return v.is_string() ? v.get<std::string>() : std::string();
}

std::string accountIdOf(const Design &design, const Element &element)
{
    if (const Element *a = design.ancestor(element.id, ElementKind::Account))
        return str(a->property("accountId"));
    return {};
}

} // namespace

PathEngine::PathEngine(const Topology &topology)
    : m_topology(topology)
{}

PathResult PathEngine::trace(const Query &query, Detail detail) const
{
    const Design &design = m_topology.design();
    return trace(query, query.fromInternet ? nullptr : design.element(query.from), detail);
}

PathResult PathEngine::trace(const Query &query, const Element *from, Detail detail) const
{
    const Design &design = m_topology.design();
    const Element *to = query.to.kind == Target::Kind::Element ? design.element(Id(query.to.value))
                                                               : nullptr;
    if (!from || !m_topology.premisesOf(from))
        return Tracer(m_topology, query, detail, from, to).run();
    std::string service;
    if (query.to.kind == Target::Kind::Service)
        service = serviceName(query.to.value);
    else if (to && to->kind == ElementKind::AwsService)
        service = serviceName(str(to->property("service")));
    if (service.empty())
        return Tracer(m_topology, query, detail, from, to).run();
    // From the premises: the endpoints with private DNS for the service, those of the
    // caller's own account first, each tried until one is reached.
    std::string account;
    if (const Element *user = design.element(Id(str(from->property("user")))))
        account = accountIdOf(design, *user);
    // A caller whose account is known resolves the name where its own account does: through
    // its account's VPCs, whose private DNS names their own endpoints; another account's
    // endpoint does not answer for it (and policies II and III name its own endpoints). A
    // caller of no known account may reach any VPC's endpoint.
    std::vector<const Interface *> own, other;
    for (const EndpointInfo *e : m_topology.privateDnsEndpoints(service)) {
        const bool mine = !account.empty() && accountIdOf(design, *e->endpoint) == account;
        (mine ? own : other).push_back(e->interfaces.front());
    }
    if (account.empty())
        own.insert(own.end(), other.begin(), other.end());
    std::optional<PathResult> first;
    for (const Interface *candidate : own) {
        Tracer tracer(m_topology, query, detail, from, to);
        tracer.force(candidate);
        PathResult r = tracer.run();
        if (r.delivered)
            return r;
        if (!first)
            first = std::move(r);
    }
    if (first)
        return std::move(*first);
    Tracer tracer(m_topology, query, detail, from, to);
    if (!account.empty())
        tracer.resolvePublicly(); // no endpoint of its account: the public name
    return tracer.run();
}

std::string PathEngine::serviceName(const std::string &service)
{
    return std::string(shortServiceName(service));
}

std::string PathEngine::serviceDomain(const std::string &service, const std::string &region)
{
    // Built in one allocation: a trace to a service asks for it every time.
    constexpr std::string_view suffix = ".amazonaws.com";
    const std::string_view name = shortServiceName(service);
    std::string domain;
    domain.reserve(name.size() + 1 + region.size() + suffix.size());
    domain.append(name).append(1, '.').append(region).append(suffix);
    return domain;
}

} // namespace heiiki::model::network
