#pragma once

#include "../core/design.h"
#include "../core/flattable.h"
#include "../core/kindindex.h"
#include "../network/pathengine.h"
#include "../network/topology.h"

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace heiiki::model {

struct ScenarioResult;

namespace rules {
class IamView;
struct ServiceCall;
}

/// What the rules of one validation run share: the design, and analyses that several rules
/// need, computed at most once per run and only when a rule asks for them.
///
/// Traces are brief (network::Detail::Brief): they decide, and record what the path went
/// through, but carry no hops or explanation. A rule that reports a path asks explain() for
/// the full trace of the finding it writes.
///
/// Rules may ask from several threads at once (validate() runs them on the machine's cores):
/// every analysis is built once (the others wait for it), and the trace cache is shared under
/// a lock that is never held while a path is traced.
class ValidationContext
{
public:
    explicit ValidationContext(const Design &design);
    ~ValidationContext();

    const Design &design() const { return m_design; }
    /// The design's elements of \a kind, in document order (built once, with the context).
    const std::vector<const Element *> &elementsOf(ElementKind kind) const { return m_kinds(kind); }
    const network::Topology &topology() const;
    const network::PathEngine &paths() const;
    /// The policies, identities and endpoints the IAM rules and scenarios read, once per run.
    const rules::IamView &iam() const;

    /// The answer to \a query, traced once per validation run (brief). \a from: the query's
    /// source element, when the caller has it at hand (it saves looking the id up).
    const network::PathResult &trace(const network::Query &query,
                                     const Element *from = nullptr) const;
    /// The full trace (hops, explanation, resolvedAs) of a result that trace(), flowPath()
    /// or internetProbe() returned; traced again once, when first asked.
    const network::PathResult &explain(const network::PathResult &path) const;
    /// The path of the design's flow number \a index (brief).
    const network::PathResult &flowPath(size_t index) const;
    /// The query a flow asks.
    static network::Query queryFor(const Flow &flow);
    /// The source element of the design's flow number \a index, or null when the design has
    /// no element of that id (looked up once, with the context).
    const Element *flowSource(size_t index) const { return m_flowSources[index]; }

    /// The elements that count as workloads: EC2 instances and load balancers.
    const std::vector<const Element *> &workloads() const;

    /// The AWS API calls the design implies (rules::serviceCalls()), once per run.
    const std::vector<rules::ServiceCall> &serviceCalls() const;

    /// SCN-001 … SCN-005 played against the design, once per run.
    const std::vector<ScenarioResult> &scenarios() const;

    /// The design's elements were renamed (or moved on the canvas) and nothing else changed,
    /// in place (DesignMirror::onlyNamesChanged()): the topology, the traces, the IAM view and
    /// the service calls stay, for no name decides them and their texts name ids; the
    /// scenarios, whose texts name elements, are played again when next asked for. The rules
    /// then run again on this context as on a new one, at a fraction of the cost. Not while
    /// anything reads the context.
    void forgetNames();

    /// Policy documents changed, and perhaps names, and nothing else
    /// (DesignMirror::onlyNamesOrPoliciesChanged()): the topology, the traces and the service
    /// calls stay, for no path depends on a policy; the IAM view is built again and the
    /// scenarios played again when next asked for. Not while anything reads the context.
    void forgetPolicies();

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
    struct Traced
    {
        /// The query; its `from` is left empty when `source` holds the element it names (an
        /// id seldom fits in a string's own buffer: that saves an allocation per entry).
        network::Query query;
        size_t targetHash = 0; ///< targetHash(query)
        const Element *source = nullptr; ///< the element query.from names, if it exists
        /// The id of the query's source element.
        const Id &from() const { return source ? source->id : query.from; }
        int sourceClass = -1; ///< the source's class, once fill() has looked it up
        network::PathResult brief;
        std::unique_ptr<network::PathResult> full;
        /// Set once brief is final. An entry is filed before it is traced, so that a thread
        /// asking for the same query meanwhile waits for it instead of tracing it again.
        std::atomic<bool> ready{false};
    };
    /// The part of a key's hash that the destination, protocol and port make.
    static size_t targetHash(const network::Query &query);
    static TraceKey keyOf(const network::Query &query, const Id &from, int sourceClass,
                          size_t targetHash);
    /// Traces a filed entry, or copies the verdict of the first source of its class, and
    /// marks it ready. No lock is held while it traces.
    void fill(Traced *entry) const;
    static const Traced *awaitReady(const Traced *entry);

    const Design &m_design;
    KindIndex m_kinds;
    mutable std::once_flag m_topologyOnce, m_pathsOnce, m_workloadsOnce, m_serviceCallsOnce;
    mutable std::mutex m_iamMutex; ///< built once per run, again after forgetPolicies()
    mutable std::mutex m_scenariosMutex; ///< played once per run, again after forgetNames()
    mutable std::unique_ptr<network::Topology> m_topology;
    mutable std::unique_ptr<network::PathEngine> m_paths;
    mutable std::unique_ptr<rules::IamView> m_iam;
    mutable std::vector<const Element *> m_workloads;
    mutable std::unique_ptr<std::vector<ScenarioResult>> m_scenarios;
    mutable std::unique_ptr<std::vector<rules::ServiceCall>> m_serviceCalls;

    // The trace cache, in shards by key hash so that threads rarely wait for each other;
    // each shard's tables and entries are read and written under its mutex. Entries are never
    // moved or dropped, so results point into them, and the tables compare a key with the
    // one an entry makes instead of keeping a copy.
    struct Shard
    {
        std::mutex mutex;
        FlatTable<Traced> traces;  ///< by keyOf(query, -1, …)
        FlatTable<Traced> classes; ///< the first entry of each source class and target
        network::PointerMap<Traced *> probes; ///< by workload
        /// The entries, in blocks that never move and grow to 64 entries: one allocation for
        /// many entries, freed together, and a result's address tells which entry holds it.
        struct Block
        {
            std::unique_ptr<Traced[]> entries;
            size_t size = 0;
            size_t used = 0;
        };
        std::vector<Block> blocks;
        /// A fresh entry of this shard.
        Traced *newEntry();
        /// The entry whose brief is \a brief, or null when no entry of this shard holds it.
        Traced *holderOf(const network::PathResult *brief) const;
    };
    static constexpr size_t kShards = 16;
    Shard &shardOf(size_t hash) const { return m_shards[(hash >> 8) % kShards]; }
    Shard &shardOf(const void *p) const { return shardOf(std::hash<const void *>()(p) << 4); }
    mutable std::array<Shard, kShards> m_shards;
    std::vector<const Element *> m_flowSources; ///< flowSource()
    /// The path of each flow, once traced (set by whichever thread traced it first).
    mutable std::unique_ptr<std::atomic<const network::PathResult *>[]> m_flowPaths;
};

} // namespace heiiki::model
