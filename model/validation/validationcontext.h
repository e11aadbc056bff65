#pragma once

#include "../core/design.h"
#include "../network/pathengine.h"
#include "../network/topology.h"

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace heiiki::model {

struct ScenarioResult;

namespace rules {
class IamView;
}

/// What the rules of one validation run share: the design, and analyses that several rules
/// need, computed at most once per run and only when a rule asks for them.
///
/// Traces are brief (network::Detail::Brief): they decide, and record what the path went
/// through, but carry no hops or explanation. A rule that reports a path asks explain() for
/// the full trace of the finding it writes.
class ValidationContext
{
public:
    explicit ValidationContext(const Design &design);
    ~ValidationContext();

    const Design &design() const { return m_design; }
    const network::Topology &topology() const;
    const network::PathEngine &paths() const;
    /// The policies, identities and endpoints the IAM rules and scenarios read, once per run.
    const rules::IamView &iam() const;

    /// The answer to \a query, traced once per validation run (brief).
    const network::PathResult &trace(const network::Query &query) const;
    /// The full trace (hops, explanation, resolvedAs) of a result that trace(), flowPath()
    /// or internetProbe() returned; traced again once, when first asked.
    const network::PathResult &explain(const network::PathResult &path) const;
    /// The path of the design's flow number \a index (brief).
    const network::PathResult &flowPath(size_t index) const;
    /// The query a flow asks.
    static network::Query queryFor(const Flow &flow);

    /// The elements that count as workloads: EC2 instances and load balancers.
    const std::vector<const Element *> &workloads() const;

    /// SCN-001 … SCN-005 played against the design, once per run.
    const std::vector<ScenarioResult> &scenarios() const;

    /// A probe from \a workload to an internet name no allow-list holds: where does
    /// internet-bound traffic of the workload go? (brief)
    const network::PathResult &internetProbe(const Element &workload) const;

private:
    struct QueryHash
    {
        size_t operator()(const network::Query &q) const noexcept;
    };
    struct QueryEqual
    {
        bool operator()(const network::Query &a, const network::Query &b) const noexcept;
    };
    struct Traced
    {
        network::PathResult brief;
        std::unique_ptr<network::PathResult> full;
    };

    const Design &m_design;
    mutable std::unique_ptr<network::Topology> m_topology;
    mutable std::unique_ptr<network::PathEngine> m_paths;
    mutable std::unique_ptr<rules::IamView> m_iam;
    mutable std::vector<const network::PathResult *> m_flowPaths;
    mutable std::unordered_map<network::Query, Traced, QueryHash, QueryEqual> m_traces;
    mutable std::unordered_map<const network::PathResult *, const network::Query *> m_queries;
    mutable std::optional<std::vector<const Element *>> m_workloads;
    mutable std::unique_ptr<std::vector<ScenarioResult>> m_scenarios;
};

} // namespace heiiki::model
