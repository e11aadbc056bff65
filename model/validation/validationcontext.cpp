#include "validationcontext.h"

#include "../scenarios/scenarios.h"
#include "rules/iamsupport.h"

namespace heiiki::model {

/// The name internet probes ask for: it is on no allow-list, so a firewall drops it and a
/// path without one delivers it.
static constexpr const char *kProbeDomain = "egress-probe.heiiki.invalid";

ValidationContext::ValidationContext(const Design &design)
    : m_design(design)
{}

ValidationContext::~ValidationContext() = default;

const network::Topology &ValidationContext::topology() const
{
    if (!m_topology)
        m_topology = std::make_unique<network::Topology>(m_design);
    return *m_topology;
}

const network::PathEngine &ValidationContext::paths() const
{
    if (!m_paths)
        m_paths = std::make_unique<network::PathEngine>(topology());
    return *m_paths;
}

const rules::IamView &ValidationContext::iam() const
{
    if (!m_iam)
        m_iam = std::make_unique<rules::IamView>(m_design);
    return *m_iam;
}

network::Query ValidationContext::queryFor(const Flow &flow)
{
    network::Query q;
    q.from = flow.source;
    q.protocol = flow.protocol;
    q.port = flow.port;
    switch (flow.target.kind) {
    case FlowTarget::Kind::Element: q.to.kind = network::Target::Kind::Element; break;
    case FlowTarget::Kind::Domain: q.to.kind = network::Target::Kind::Domain; break;
    case FlowTarget::Kind::Service: q.to.kind = network::Target::Kind::Service; break;
    case FlowTarget::Kind::Cidr: q.to.kind = network::Target::Kind::Cidr; break;
    }
    q.to.value = flow.target.value;
    return q;
}

size_t ValidationContext::QueryHash::operator()(const network::Query &q) const noexcept
{
    const std::hash<std::string> h;
    size_t seed = q.fromInternet ? 0x51ed27 : h(q.from.str());
    auto mix = [&seed](size_t v) { seed ^= v + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2); };
    mix(static_cast<size_t>(q.to.kind));
    mix(h(q.to.value));
    mix(h(q.protocol));
    mix(static_cast<size_t>(q.port));
    return seed;
}

bool ValidationContext::QueryEqual::operator()(const network::Query &a,
                                               const network::Query &b) const noexcept
{
    // From the internet, the source element does not matter.
    return a.fromInternet == b.fromInternet && (a.fromInternet || a.from == b.from)
           && a.to.kind == b.to.kind && a.to.value == b.to.value && a.protocol == b.protocol
           && a.port == b.port;
}

const network::PathResult &ValidationContext::trace(const network::Query &query) const
{
    auto it = m_traces.find(query);
    if (it == m_traces.end()) {
        it = m_traces.emplace(query, Traced{paths().trace(query, network::Detail::Brief), {}})
                 .first;
        m_queries.emplace(&it->second.brief, &it->first);
    }
    return it->second.brief;
}

const network::PathResult &ValidationContext::explain(const network::PathResult &path) const
{
    auto q = m_queries.find(&path);
    if (q == m_queries.end())
        return path; // not one of this context's brief traces: it is what there is
    Traced &traced = m_traces.find(*q->second)->second;
    if (!traced.full)
        traced.full = std::make_unique<network::PathResult>(
            paths().trace(*q->second, network::Detail::Full));
    return *traced.full;
}

const network::PathResult &ValidationContext::flowPath(size_t index) const
{
    if (m_flowPaths.size() != m_design.flows().size())
        m_flowPaths.assign(m_design.flows().size(), nullptr);
    auto &slot = m_flowPaths.at(index);
    if (!slot)
        slot = &trace(queryFor(m_design.flows()[index]));
    return *slot;
}

const std::vector<const Element *> &ValidationContext::workloads() const
{
    if (!m_workloads) {
        m_workloads.emplace();
        for (const auto &e : m_design.elements())
            if (e->kind == ElementKind::Ec2Instance || e->kind == ElementKind::LoadBalancer)
                m_workloads->push_back(e.get());
    }
    return *m_workloads;
}

const std::vector<ScenarioResult> &ValidationContext::scenarios() const
{
    if (!m_scenarios)
        m_scenarios = std::make_unique<std::vector<ScenarioResult>>(playScenarios(*this));
    return *m_scenarios;
}

const network::PathResult &ValidationContext::internetProbe(const Element &workload) const
{
    network::Query q;
    q.from = workload.id;
    q.to = {network::Target::Kind::Internet, kProbeDomain};
    return trace(q);
}

} // namespace heiiki::model
