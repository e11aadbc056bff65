#pragma once

#include "../core/design.h"
#include "../network/pathengine.h"
#include "../network/topology.h"

#include <memory>
#include <optional>
#include <vector>

namespace heiiki::model {

struct ScenarioResult;

/// What the rules of one validation run share: the design, and analyses that several rules
/// need, computed at most once per run and only when a rule asks for them.
class ValidationContext
{
public:
    explicit ValidationContext(const Design &design);
    ~ValidationContext();

    const Design &design() const { return m_design; }
    const network::Topology &topology() const;
    const network::PathEngine &paths() const;

    /// The answer to \a query, traced once per validation run.
    const network::PathResult &trace(const network::Query &query) const;

    /// The path of the design's flow number \a index.
    const network::PathResult &flowPath(size_t index) const;
    /// The query a flow asks.
    static network::Query queryFor(const Flow &flow);

    /// The elements that count as workloads: EC2 instances and load balancers.
    std::vector<const Element *> workloads() const;
    /// SCN-001 … SCN-005 played against the design, once per run.
    const std::vector<ScenarioResult> &scenarios() const;

    /// A probe from \a workload to an internet name no allow-list holds: where does
    /// internet-bound traffic of the workload go?
    const network::PathResult &internetProbe(const Element &workload) const;

private:
    const Design &m_design;
    mutable std::unique_ptr<network::Topology> m_topology;
    mutable std::unique_ptr<network::PathEngine> m_paths;
    mutable std::vector<std::optional<network::PathResult>> m_flowPaths;
    mutable std::unordered_map<std::string, network::PathResult> m_traces;
    mutable std::unique_ptr<std::vector<ScenarioResult>> m_scenarios;
};

} // namespace heiiki::model
