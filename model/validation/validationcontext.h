#pragma once

#include "../core/design.h"
#include "../network/pathengine.h"
#include "../network/topology.h"

#include <deque>
#include <memory>
#include <optional>
#include <string_view>
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
    /// A query as the trace cache knows it, viewing strings that a cached entry (or, for a
    /// lookup, the caller) owns. Keys of a source class have no source id.
    struct TraceKey
    {
        size_t hash = 0;
        int sourceClass = -1;
        bool fromInternet = false;
        std::string_view from;
        network::Target::Kind kind = network::Target::Kind::Element;
        std::string_view to;
        std::string_view protocol;
        int port = 0;
        friend bool operator==(const TraceKey &, const TraceKey &) = default;
    };
    struct TraceKeyHash
    {
        size_t operator()(const TraceKey &k) const noexcept { return k.hash; }
    };
    struct Traced
    {
        network::Query query;
        network::PathResult brief;
        std::unique_ptr<network::PathResult> full;
    };
    static TraceKey keyOf(const network::Query &query, int sourceClass);
    /// Traces \a query into a new entry, or copies the verdict of a source of its class.
    size_t traceNew(const network::Query &query) const;
    const Design &m_design;
    mutable std::unique_ptr<network::Topology> m_topology;
    mutable std::unique_ptr<network::PathEngine> m_paths;
    mutable std::unique_ptr<rules::IamView> m_iam;
    mutable std::vector<const network::PathResult *> m_flowPaths;
    mutable std::deque<Traced> m_traced; // stable: results and keys point into it
    mutable std::unordered_map<TraceKey, size_t, TraceKeyHash> m_traceIndex;
    mutable std::unordered_map<TraceKey, size_t, TraceKeyHash> m_classIndex;
    mutable std::unordered_map<const Element *, size_t> m_probes;
    mutable std::unordered_map<const network::PathResult *, size_t> m_explainIndex;
    mutable size_t m_explainIndexed = 0; ///< entries of m_traced in m_explainIndex
    mutable std::optional<std::vector<const Element *>> m_workloads;
    mutable std::unique_ptr<std::vector<ScenarioResult>> m_scenarios;
};

} // namespace heiiki::model
