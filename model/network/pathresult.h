#pragma once

#include "../core/id.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace heiiki::model {
struct Element;
struct Link;
}

namespace heiiki::model::network {

/// Why a path stopped.
enum class StopReason {
    None,                ///< delivered
    NoRoute,             ///< a route table has no route for the destination
    Blackhole,           ///< a Transit Gateway blackhole route drops it
    NetworkAcl,          ///< a network ACL denies it (either direction)
    SecurityGroup,       ///< a security group does not allow it
    FirewallRule,        ///< the Network Firewall drops it
    NatDirection,        ///< a NAT gateway does not take connections from outside
    PeeringTransitivity, ///< VPC peering does not forward beyond the peer VPC
    NoVif,               ///< no usable virtual interface for a Direct Connect association
    NoPublicAddress,     ///< the internet gateway cannot carry a private address
    NoAddress,           ///< nothing holds the destination address
    BadInput,            ///< the query names something the design does not have
    Loop,                ///< the packet would go round forever
};
std::string_view toString(StopReason reason);

/// How much a trace records.
enum class Detail {
    Full,  ///< the hops, the explanation and how the destination resolved, for people
    Brief, ///< only the verdict and what the path went through, for rules that decide
};

/// How the destination's name resolved: PathResult::resolvedAs in a word.
enum class Resolution {
    Direct,              ///< an address, an element or the internet, as asked
    InterfaceEndpoint,   ///< the private DNS of an interface endpoint
    HostedZone,          ///< a Route 53 private hosted zone
    PrivateLinkEndpoint, ///< the private DNS of a PrivateLink endpoint
    GatewayEndpoint,     ///< a public service name that a gateway endpoint serves
    PublicName,          ///< a public name, on the internet
};

/// One step of a path: the element that handled the packet and what it did.
struct Hop
{
    Id element;
    std::string action;
};

/// The elements of one kind that a path went through, in order: a view into its result.
template<typename T>
class PathList
{
public:
    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = const T *;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = const T *;

        const_iterator() = default;
        explicit const_iterator(const void *const *at)
            : m_at(at)
        {}
        const T *operator*() const { return static_cast<const T *>(*m_at); }
        const_iterator &operator++()
        {
            ++m_at;
            return *this;
        }
        const_iterator operator++(int)
        {
            const_iterator was = *this;
            ++m_at;
            return was;
        }
        friend bool operator==(const_iterator, const_iterator) = default;

    private:
        const void *const *m_at = nullptr;
    };
    using value_type = const T *;

    PathList() = default;
    PathList(const void *const *begin, const void *const *end)
        : m_begin(begin)
        , m_end(end)
    {}
    const_iterator begin() const { return const_iterator(m_begin); }
    const_iterator end() const { return const_iterator(m_end); }
    size_t size() const { return static_cast<size_t>(m_end - m_begin); }
    bool empty() const { return m_begin == m_end; }
    const T *front() const { return static_cast<const T *>(*m_begin); }
    const T *back() const { return static_cast<const T *>(*(m_end - 1)); }
    const T *operator[](size_t i) const { return static_cast<const T *>(m_begin[i]); }
    friend bool operator==(PathList a, PathList b)
    {
        return std::equal(a.m_begin, a.m_end, b.m_begin, b.m_end);
    }

private:
    const void *const *m_begin = nullptr;
    const void *const *m_end = nullptr;
};

/// What a path goes through, by kind: the lists PathResult keeps in one array.
enum class Through : uint8_t { Firewall, NatGateway, Endpoint, Relay, Peering, Vpc, Count };

/// The answer to a reachability query. A Detail::Brief trace leaves explanation, hops and
/// resolvedAs empty; everything else is the same as in a full trace.
struct PathResult
{
    bool delivered = false;
    StopReason reason = StopReason::None;
    Resolution resolution = Resolution::Direct;
    bool reachedInternet = false;    ///< it left through an internet gateway
    bool crossedAzToFirewall = false;
    Id blockedAt;            ///< the element that stopped it
    std::string explanation; ///< why it stopped, or how it was delivered
    std::vector<Hop> hops;
    std::string resolvedAs;          ///< how the destination resolved ("endpoint vpce-…")

    // What the path went through, for the rules: objects of the traced design, valid while
    // it stays as it was traced.
    /// The Network Firewalls that inspected it.
    PathList<Element> firewalls() const { return list<Element>(Through::Firewall); }
    PathList<Element> natGateways() const { return list<Element>(Through::NatGateway); }
    /// The VPC endpoints it used.
    PathList<Element> endpoints() const { return list<Element>(Through::Endpoint); }
    /// The instances or load balancers that forwarded it.
    PathList<Element> relays() const { return list<Element>(Through::Relay); }
    PathList<Link> peerings() const { return list<Link>(Through::Peering); }
    /// The VPCs of the elements it went through, in order.
    PathList<Element> vpcs() const { return list<Element>(Through::Vpc); }

    /// Sets what the path went through: \a lists[k] is the list of Through kind k, a range of
    /// pointers to elements (to links for Through::Peering).
    template<typename Lists>
    void setThrough(const Lists &lists)
    {
        size_t total = 0;
        for (size_t k = 0; k < kLists; ++k)
            total += lists[k].size();
        m_through.clear();
        m_through.reserve(total);
        for (size_t k = 0; k < kLists; ++k) {
            for (const auto *p : lists[k])
                m_through.push_back(p);
            m_ends[k] = static_cast<uint16_t>(m_through.size());
        }
    }

private:
    static constexpr size_t kLists = static_cast<size_t>(Through::Count);
    template<typename T>
    PathList<T> list(Through kind) const
    {
        const auto k = static_cast<size_t>(kind);
        const void *const *data = m_through.data();
        return {data + (k ? m_ends[k - 1] : 0), data + m_ends[k]};
    }

    /// The lists, one after another in Through order; m_ends[k] is where list k ends.
    std::vector<const void *> m_through;
    std::array<uint16_t, kLists> m_ends{};
};

} // namespace heiiki::model::network
