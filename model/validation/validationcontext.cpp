#include "validationcontext.h"

#include "../core/allocator.h"
#include "../scenarios/scenarios.h"
#include "rules/iamsupport.h"
#include "rules/serviceaccess.h"

#include <algorithm>
#include <cstdint>

namespace heiiki::model {

/// The name internet probes ask for: it is on no allow-list, so a firewall drops it and a
/// path without one delivers it.
/// (Short enough to live in a string's own buffer: a probe allocates nothing for it.)
static constexpr const char *kProbeDomain = "egress.invalid";

ValidationContext::ValidationContext(const Design &design)
    : m_design(design)
    , m_kinds(design)
{
    // What a validation frees, the next one allocates again: keep it committed.
    keepFreedMemory();
    // About one trace per element and flow: size the tables once, not step by step.
    const size_t expected = design.elements().size() + design.flows().size();
    for (Shard &shard : m_shards) {
        shard.traces.reserve(expected / kShards + 1);
        shard.classes.reserve(expected / kShards + 1);
        shard.probes.reserve(expected / kShards + 1);
    }
    m_flowPaths = std::make_unique<std::atomic<const network::PathResult *>[]>(
        design.flows().size());
    m_flowSources.reserve(design.flows().size());
    for (size_t i = 0; i < design.flows().size(); ++i) {
        m_flowPaths[i].store(nullptr, std::memory_order_relaxed);
        m_flowSources.push_back(design.element(design.flows()[i].source));
    }
}

ValidationContext::~ValidationContext() = default;

ValidationContext::Traced *ValidationContext::Shard::newEntry()
{
    if (blocks.empty() || blocks.back().used == blocks.back().size) {
        const size_t size = blocks.empty() ? 4 : std::min<size_t>(blocks.back().size * 2, 64);
        blocks.push_back({std::make_unique<Traced[]>(size), size, 0});
    }
    Block &block = blocks.back();
    return &block.entries[block.used++];
}

ValidationContext::Traced *ValidationContext::Shard::holderOf(
    const network::PathResult *brief) const
{
    const auto address = reinterpret_cast<uintptr_t>(brief);
    for (const Block &block : blocks) {
        const auto start = reinterpret_cast<uintptr_t>(block.entries.get());
        if (address < start || address >= start + block.used * sizeof(Traced))
            continue;
        Traced *entry = &block.entries[(address - start) / sizeof(Traced)];
        return &entry->brief == brief ? entry : nullptr;
    }
    return nullptr;
}

const network::Topology &ValidationContext::topology() const
{
    std::call_once(m_topologyOnce,
                   [this] { m_topology = std::make_unique<network::Topology>(m_design, m_kinds); });
    return *m_topology;
}

const network::PathEngine &ValidationContext::paths() const
{
    std::call_once(m_pathsOnce,
                   [this] { m_paths = std::make_unique<network::PathEngine>(topology()); });
    return *m_paths;
}

const rules::IamView &ValidationContext::iam() const
{
    const std::lock_guard lock(m_iamMutex);
    if (!m_iam)
        m_iam = std::make_unique<rules::IamView>(m_design, m_kinds);
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

size_t ValidationContext::targetHash(const network::Query &q)
{
    const std::hash<std::string_view> h;
    size_t seed = static_cast<size_t>(q.to.kind);
    auto mix = [&seed](size_t v) {
        seed ^= v + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
    };
    mix(h(q.to.value));
    mix(h(q.protocol));
    mix(static_cast<size_t>(q.port));
    return seed;
}

ValidationContext::TraceKey ValidationContext::keyOf(const network::Query &q, const Id &from,
                                                     int sourceClass, size_t target)
{
    TraceKey k;
    k.sourceClass = sourceClass;
    k.fromInternet = q.fromInternet;
    // From the internet, or from any source of a class, the source element does not matter.
    if (!q.fromInternet && sourceClass < 0)
        k.from = from.str();
    k.kind = q.to.kind;
    k.to = q.to.value;
    k.protocol = q.protocol;
    k.port = q.port;
    // The source's part: an id keeps the hash of its text.
    const size_t source = k.fromInternet ? 0x51ed27
                          : k.from.empty() ? static_cast<size_t>(sourceClass + 1) * 0x9e3779b1u
                                           : from.hash();
    k.hash = target ^ (source + 0x9e3779b97f4a7c15ULL + (target << 6) + (target >> 2));
    return k;
}

const ValidationContext::Traced *ValidationContext::awaitReady(const Traced *entry)
{
    entry->ready.wait(false, std::memory_order_acquire);
    return entry;
}

void ValidationContext::fill(Traced *entry) const
{
    // Whatever happens, the entry ends ready: a thread waiting for it must not wait forever.
    struct MarkReady
    {
        Traced *entry;
        ~MarkReady()
        {
            entry->ready.store(true, std::memory_order_release);
            entry->ready.notify_all();
        }
    } markReady{entry};

    // Sources of one class trace alike (Topology::sourceClass): copy the verdict of the first
    // one of the class, unless it stopped at that source itself.
    const network::Query &query = entry->query;
    const Element *from = entry->source;
    const int sourceClass = from ? topology().sourceClass(from) : -1;
    entry->sourceClass = sourceClass;
    bool copied = false;
    if (sourceClass >= 0) {
        const TraceKey key = keyOf(query, from->id, sourceClass, entry->targetHash);
        const Traced *first = nullptr;
        {
            Shard &shard = shardOf(key.hash);
            const std::lock_guard lock(shard.mutex);
            first = shard.classes.find(key.hash, [&key](const Traced &t) {
                return keyOf(t.query, t.from(), t.sourceClass, t.targetHash) == key;
            });
            if (!first)
                shard.classes.insert(key.hash, entry);
        }
        // A ready entry's brief never changes again: copy it without a lock.
        if (first && awaitReady(first)->brief.blockedAt != first->from()) {
            entry->brief = first->brief;
            copied = true;
        }
    }
    if (!copied)
        entry->brief = paths().trace(query, from, network::Detail::Brief);
}

const network::PathResult &ValidationContext::trace(const network::Query &query,
                                                    const Element *from) const
{
    const size_t target = targetHash(query);
    const TraceKey key = keyOf(query, query.from, -1, target);
    Traced *entry = nullptr;
    bool mine = false;
    {
        Shard &shard = shardOf(key.hash);
        const std::lock_guard lock(shard.mutex);
        entry = shard.traces.find(key.hash, [&key](const Traced &t) {
            return keyOf(t.query, t.from(), -1, t.targetHash) == key;
        });
        if (!entry) {
            // Filed before it is traced: a thread asking meanwhile waits for this one.
            entry = shard.newEntry();
            if (!query.fromInternet && !(from && from->id == query.from))
                from = m_design.element(query.from);
            entry->source = query.fromInternet ? nullptr : from;
            entry->query.fromInternet = query.fromInternet;
            if (!entry->source)
                entry->query.from = query.from;
            entry->query.to = query.to;
            entry->query.protocol = query.protocol;
            entry->query.port = query.port;
            entry->targetHash = target;
            shard.traces.insert(key.hash, entry);
            mine = true;
        }
    }
    if (mine)
        fill(entry);
    return awaitReady(entry)->brief;
}

const network::PathResult &ValidationContext::explain(const network::PathResult &path) const
{
    // The entry that holds the brief result, in whichever shard it is. A brief result is
    // handed out only once its entry is ready, so the entry's query is final.
    Shard *holding = nullptr;
    Traced *traced = nullptr;
    for (Shard &shard : m_shards) {
        const std::lock_guard lock(shard.mutex);
        if ((traced = shard.holderOf(&path))) {
            if (traced->full)
                return *traced->full;
            holding = &shard;
            break;
        }
    }
    if (!traced)
        return path; // not one of this context's brief traces: it is what there is
    Shard &shard = *holding;
    auto full = std::make_unique<network::PathResult>(
        paths().trace(traced->query, traced->source, network::Detail::Full));
    const std::lock_guard lock(shard.mutex);
    if (!traced->full)
        traced->full = std::move(full);
    return *traced->full;
}

const network::PathResult &ValidationContext::flowPath(size_t index) const
{
    const Flow &flow = m_design.flows().at(index);
    if (const network::PathResult *known = m_flowPaths[index].load(std::memory_order_acquire))
        return *known;
    const network::PathResult &path = trace(queryFor(flow), m_flowSources[index]);
    m_flowPaths[index].store(&path, std::memory_order_release);
    return path;
}

const std::vector<const Element *> &ValidationContext::workloads() const
{
    std::call_once(m_workloadsOnce, [this] {
        for (const auto &e : m_design.elements())
            if (e->kind == ElementKind::Ec2Instance || e->kind == ElementKind::LoadBalancer)
                m_workloads.push_back(e.get());
    });
    return m_workloads;
}

const std::vector<rules::ServiceCall> &ValidationContext::serviceCalls() const
{
    std::call_once(m_serviceCallsOnce, [this] {
        m_serviceCalls = std::make_unique<std::vector<rules::ServiceCall>>(
            rules::serviceCalls(m_design));
    });
    return *m_serviceCalls;
}

const std::vector<ScenarioResult> &ValidationContext::scenarios() const
{
    // A second thread that needs them waits for the first to play them.
    const std::lock_guard lock(m_scenariosMutex);
    if (!m_scenarios)
        m_scenarios = std::make_unique<std::vector<ScenarioResult>>(playScenarios(*this));
    return *m_scenarios;
}

void ValidationContext::forgetNames()
{
    const std::lock_guard lock(m_scenariosMutex);
    m_scenarios.reset();
}

void ValidationContext::forgetPolicies()
{
    {
        const std::lock_guard lock(m_iamMutex);
        m_iam.reset();
    }
    forgetNames();
}

const network::PathResult &ValidationContext::internetProbe(const Element &workload) const
{
    Traced *entry = nullptr;
    bool mine = false;
    {
        Shard &shard = shardOf(&workload);
        const std::lock_guard lock(shard.mutex);
        if (Traced *const *known = shard.probes.find(&workload)) {
            entry = *known;
        } else {
            entry = shard.newEntry();
            entry->source = &workload; // query.from stays empty: Traced::from()
            entry->query.to = {network::Target::Kind::Internet, kProbeDomain};
            entry->targetHash = targetHash(entry->query);
            shard.probes.tryEmplace(&workload, entry);
            mine = true;
        }
    }
    if (mine)
        fill(entry);
    return awaitReady(entry)->brief;
}

} // namespace heiiki::model
