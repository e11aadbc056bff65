#include "validationcontext.h"

#include "../scenarios/scenarios.h"

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

const network::PathResult &ValidationContext::trace(const network::Query &query) const
{
    const std::string key = (query.fromInternet ? std::string("internet") : query.from.str())
                            + '\n' + std::to_string(static_cast<int>(query.to.kind)) + '\n'
                            + query.to.value + '\n' + query.protocol + '\n'
                            + std::to_string(query.port);
    auto it = m_traces.find(key);
    if (it == m_traces.end())
        it = m_traces.emplace(key, paths().trace(query)).first;
    return it->second;
}

const network::PathResult &ValidationContext::flowPath(size_t index) const
{
    if (m_flowPaths.size() != m_design.flows().size())
        m_flowPaths.assign(m_design.flows().size(), std::nullopt);
    auto &slot = m_flowPaths.at(index);
    if (!slot)
        slot = trace(queryFor(m_design.flows()[index]));
    return *slot;
}

std::vector<const Element *> ValidationContext::workloads() const
{
    std::vector<const Element *> out;
    for (const auto &e : m_design.elements())
        if (e->kind == ElementKind::Ec2Instance || e->kind == ElementKind::LoadBalancer)
            out.push_back(e.get());
    return out;
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
