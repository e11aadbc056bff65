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

ValidationContext::TraceKey ValidationContext::keyOf(const network::Query &q, int sourceClass)
{
    TraceKey k;
    k.sourceClass = sourceClass;
    k.fromInternet = q.fromInternet;
    // From the internet, or from any source of a class, the source element does not matter.
    if (!q.fromInternet && sourceClass < 0)
        k.from = q.from.str();
    k.kind = q.to.kind;
    k.to = q.to.value;
    k.protocol = q.protocol;
    k.port = q.port;
    const std::hash<std::string_view> h;
    size_t seed = k.fromInternet ? 0x51ed27 : h(k.from) ^ static_cast<size_t>(sourceClass + 1);
    auto mix = [&seed](size_t v) {
        seed ^= v + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
    };
    mix(static_cast<size_t>(k.kind));
    mix(h(k.to));
    mix(h(k.protocol));
    mix(static_cast<size_t>(k.port));
    k.hash = seed;
    return k;
}

size_t ValidationContext::traceNew(const network::Query &query) const
{
    const size_t index = m_traced.size();
    if (index == 0) {
        // About one trace per element and flow: grow the indexes once, not step by step.
        const size_t expected = m_design.elements().size() + m_design.flows().size();
        m_traceIndex.reserve(expected);
        m_classIndex.reserve(expected);
    }
    Traced &entry = m_traced.emplace_back();
    entry.query = query;
    // Sources of one class trace alike (Topology::sourceClass): copy the verdict of the first
    // one traced, unless it stopped at that source itself.
    const Element *from = query.fromInternet ? nullptr : m_design.element(query.from);
    const int sourceClass = from ? topology().sourceClass(from) : -1;
    if (sourceClass >= 0) {
        auto [it, fresh] = m_classIndex.try_emplace(keyOf(entry.query, sourceClass), index);
        if (!fresh) {
            const Traced &first = m_traced[it->second];
            if (first.brief.blockedAt != first.query.from) {
                entry.brief = first.brief;
                return index;
            }
        }
    }
    entry.brief = paths().trace(entry.query, from, network::Detail::Brief);
    return index;
}

const network::PathResult &ValidationContext::trace(const network::Query &query) const
{
    auto it = m_traceIndex.find(keyOf(query, -1));
    if (it != m_traceIndex.end())
        return m_traced[it->second].brief;
    const size_t index = traceNew(query);
    m_traceIndex.emplace(keyOf(m_traced[index].query, -1), index);
    return m_traced[index].brief;
}

const network::PathResult &ValidationContext::explain(const network::PathResult &path) const
{
    for (; m_explainIndexed < m_traced.size(); ++m_explainIndexed)
        m_explainIndex.emplace(&m_traced[m_explainIndexed].brief, m_explainIndexed);
    auto found = m_explainIndex.find(&path);
    if (found == m_explainIndex.end())
        return path; // not one of this context's brief traces: it is what there is
    Traced &traced = m_traced[found->second];
    if (!traced.full)
        traced.full = std::make_unique<network::PathResult>(
            paths().trace(traced.query, network::Detail::Full));
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
    auto [it, fresh] = m_probes.try_emplace(&workload, 0);
    if (fresh) {
        network::Query q;
        q.from = workload.id;
        q.to = {network::Target::Kind::Internet, kProbeDomain};
        it->second = traceNew(q);
    }
    return m_traced[it->second].brief;
}

} // namespace heiiki::model
