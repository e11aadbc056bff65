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
    // From the premises: the endpoints with private DNS for the service, each tried until one
    // is reached. A caller whose account is known resolves the name where its own account
    // does: through its account's VPCs, whose private DNS names their own endpoints; another
    // account's endpoint does not answer for it (and policies II and III name its own
    // endpoints). A caller of no known account may reach any VPC's endpoint.
    const std::string account = callerAccount(design, *from);
    std::optional<PathResult> first;
    for (const EndpointInfo *e : m_topology.privateDnsEndpoints(service)) {
        if (!account.empty() && design.accountOf(e->endpoint->id) != account)
            continue;
        Tracer tracer(m_topology, query, detail, from, to);
        tracer.force(e->interfaces.front());
        PathResult r = tracer.run();
        if (r.delivered)
            return r;
        if (!first)
            first = std::move(r);
    }
    if (first)
        return std::move(*first);
    return Tracer(m_topology, query, detail, from, to).run(); // no endpoint: the public name
}

std::string PathEngine::callerAccount(const Design &design, const Element &caller)
{
    const Element *user = design.element(Id(str(caller.property("user"))));
    return user ? design.accountOf(user->id) : std::string();
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
