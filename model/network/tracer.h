#pragma once

#include "pathengine.h"
#include "pathresult.h"
#include "topology.h"

#include <array>
#include <cstddef>
#include <memory_resource>
#include <string>
#include <vector>

namespace heiiki::model::network {

/// Follows one query through a topology, hop by hop (PathEngine's worker; one per trace).
/// Resolving the source and the destination (DNS, private DNS, hosted zones, endpoints) is
/// in tracerresolve.cpp, forwarding in tracer.cpp.
///
/// With Detail::Brief, nothing that only a person reads (hops, explanations) is built: the
/// texts are passed as callables and called only for a full trace.
class Tracer
{
public:
    /// \a from and \a to are the query's source and destination elements as the caller
    /// looked them up (null when the query names none, or none exists).
    Tracer(const Topology &topology, const Query &query, Detail detail, const Element *from,
           const Element *to);

    PathResult run();
    /// Aims service calls from the premises at this endpoint interface; without one, a
    /// service's name from the premises is its public name.
    void force(const Interface *endpoint) { m_forced = endpoint; }

private:
    /// What the packet is aimed at once the destination has been resolved.
    struct Destination
    {
        enum class Kind { Host, Internet, Premises, GatewayService };
        Kind kind = Kind::Host;
        Cidr address;
        const Element *element = nullptr;    ///< the element meant
        const Interface *interface = nullptr;
        std::string domain;                  ///< TLS SNI / HTTP Host, when there is one
        std::string service;                 ///< for gateway endpoints' prefix lists
    };

    /// A subnet boundary the packet crossed; the reply crosses it the other way.
    struct Crossing
    {
        const SubnetInfo *subnet;
        bool inbound;
        Cidr peer;
    };

    /// A place where the reply needs a route of its own back to the client.
    struct ReturnLeg
    {
        enum class Kind { Peering, TransitGateway, VirtualPrivateGateway, Firewall, Inspection };
        Kind kind = Kind::Peering;
        const Link *peering = nullptr;        ///< Peering: the peering crossed
        const VpcInfo *vpc = nullptr;         ///< Peering, VirtualPrivateGateway: the VPC entered
        const Element *vgw = nullptr;         ///< VirtualPrivateGateway: the gateway crossed
        const Element *firewall = nullptr;    ///< Firewall: the firewall that saw the request
        /// Firewall: the subnet past the firewall that the reply comes back into (the NAT
        /// gateway's), whose route to the client must lead through the firewall again.
        const SubnetInfo *subnet = nullptr;
        /// Firewall, Inspection: the endpoint subnet the request passed; the reply must pass
        /// it too. Inspection: a firewall in a VPC the request entered and left through a
        /// Transit Gateway (out, entered at `subnet`); without appliance mode on that
        /// attachment the reply enters in its own Availability Zone.
        const SubnetInfo *endpoint = nullptr;
        const TgwInfo *tgw = nullptr;         ///< TransitGateway: the gateway crossed
        const Link *in = nullptr;             ///< the attachment the packet came in by
        const Link *out = nullptr;            ///< the attachment it left by
        const VpcInfo *outVpc = nullptr;      ///< the VPC behind `out`, if any
        Cidr client;                          ///< where the reply goes (the source then)
    };

    // Outcomes. Texts are callables returning std::string, called for full traces only.
    template<typename Why>
    PathResult &stop(StopReason reason, const Element *at, Why &&why)
    {
        m_result.delivered = false;
        m_result.reason = reason;
        m_result.blockedAt = at ? at->id : Id();
        noteVpc(at);
        if (m_full) {
            m_result.explanation = why();
            if (at)
                m_result.hops.push_back({at->id, "stops: " + m_result.explanation});
        }
        return m_result;
    }
    template<typename How>
    PathResult &deliver(const Element *at, How &&how)
    {
        if (!checkReturnPath())
            return m_result;
        m_result.delivered = true;
        m_result.reason = StopReason::None;
        noteVpc(at);
        if (m_full) {
            m_result.explanation = how();
            if (at && !m_result.hops.empty() && m_result.hops.back().element == at->id)
                m_result.hops.back().action += "; delivered";
            else if (at)
                m_result.hops.push_back({at->id, "delivered"});
        }
        return m_result;
    }
    template<typename Action>
    void hop(const Element *e, Action &&action)
    {
        noteVpc(e);
        if (m_full && e)
            m_result.hops.push_back({e->id, action()});
    }
    /// Records the VPC of an element on the path (PathResult::vpcs).
    void noteVpc(const Element *e);
    /// Records that the path went through \a object (an element; a link for peerings).
    void pass(Through kind, const void *object)
    {
        m_through[static_cast<size_t>(kind)].push_back(object);
    }
    /// Where a filter writes why it decided: nowhere in a brief trace.
    std::string *why() { return m_full ? &m_why : nullptr; }

    // Resolution (tracerresolve.cpp).
    bool resolveSource();
    bool resolveDestination();
    bool resolveService(const std::string &service);
    bool resolveDomain(const std::string &domain);
    void aimAtInterface(const Interface *i, Resolution how, const std::string &text);
    const Interface *nearestInterface(std::span<const Interface *const> interfaces) const;

    // Forwarding (tracer.cpp).
    PathResult &start();
    PathResult &fromSubnet(const SubnetInfo *s);
    PathResult &deliverInVpc(const VpcInfo &vpc, const SubnetInfo *from, bool fromGateway);
    PathResult &intoTransitGateway(const Element *tgw, const Link *attachment,
                                   const std::string &zone);
    PathResult &toPremises(const Link *association, const Element *gateway);
    PathResult &fromPremises();
    PathResult &fromInternet();
    bool cross(const SubnetInfo *from, const SubnetInfo *to);
    /// Leaves \a from towards a gateway (internet, Transit Gateway, VGW, endpoint): its
    /// network ACL's outbound rules apply.
    bool leave(const SubnetInfo *from) { return cross(from, nullptr); }
    /// The reply's way back: the network ACLs crossed (stateless), then a route back at
    /// every peering, Transit Gateway and virtual private gateway crossed, and through every
    /// firewall that saw the request before a NAT gateway.
    bool checkReturnPath();
    bool checkReturnRoute(const ReturnLeg &leg, const SubnetInfo *delivered);
    const SubnetInfo *entrySubnet(const Link *attachment, const std::string &zone) const;
    /// The route a subnet's table picks for \a address (longest prefix; the VPC's own CIDRs
    /// as local routes). Null when none; \a local tells a local route.
    const Route *routeFor(const SubnetInfo &s, const Cidr &address, bool *local) const;
    /// The route the reply to \a client leaves its VPC by, starting in \a s: routeFor(), and
    /// past the Network Firewall endpoints a route sends it through first (a reply may be
    /// inspected on its way out). Null when none; \a local tells a local route.
    const Route *replyRoute(const SubnetInfo &s, const Cidr &client, bool *local) const;
    /// An Inspection leg: does the reply pass the firewall endpoint the request passed?
    bool checkInspectedReply(const ReturnLeg &leg, const SubnetInfo *delivered);
    /// The endpoint subnet of \a firewall that \a route (a route of subnet \a from to the
    /// firewall) sends traffic to: the one it names, else the one in from's Availability
    /// Zone, else the first. Null when the firewall has none.
    static const SubnetInfo *endpointFor(const FirewallInfo &firewall, const Route &route,
                                         const SubnetInfo &from);
    /// The endpoint of \a firewall that subnet \a s sends the reply to \a client through,
    /// or null when its route for the client (\a route; \a local: the local route) does not
    /// lead to that firewall.
    const SubnetInfo *replyEndpoint(const SubnetInfo &s,
                                    const Cidr &client,
                                    const Element *firewall,
                                    const Route **route,
                                    bool *local) const;

    const Topology &m_t;
    const Query &m_q;                ///< not owned: the caller's, for the trace's length
    const Element *m_from;           ///< the query's source element, if any
    const Element *m_to;             ///< the query's destination element, if any
    bool m_fromInternet = false;     ///< the query's, or a service on the internet's
    const bool m_full;
    PathResult m_result;
    Destination m_dst;
    Cidr m_src;                      ///< the source address as the packet carries it now
    Cidr m_originalSrc;
    const Interface *m_srcIf = nullptr;
    const Element *m_srcPremises = nullptr;
    const VpcInfo *m_srcVpc = nullptr;
    std::string m_srcZone;           ///< the source's Availability Zone, when in a VPC
    const Interface *m_forced = nullptr;
    bool m_srcPublic = false;        ///< the current source address is public
    const Element *m_lastFirewall = nullptr;     ///< the last firewall the packet went through
    const Link *m_enteredBy = nullptr; ///< the TGW attachment the packet last entered a VPC by
    const SubnetInfo *m_enteredAt = nullptr;          ///< … at this subnet (set with m_enteredBy)
    const SubnetInfo *m_lastFirewallSubnet = nullptr; ///< the endpoint subnet it left from
    // The lists below live in m_arena, on the tracer itself, while they are short: a trace
    // then allocates nothing of its own.
    alignas(std::max_align_t) std::array<std::byte, 2048> m_buffer;
    std::pmr::monotonic_buffer_resource m_arena{m_buffer.data(), m_buffer.size()};
    std::pmr::vector<Crossing> m_crossings{&m_arena};
    std::pmr::vector<ReturnLeg> m_returns{&m_arena};
    const SubnetInfo *m_deliveredIn = nullptr; ///< the subnet the destination is in
    std::pmr::vector<std::pair<const SubnetInfo *, std::array<uint64_t, 2>>> m_visited{&m_arena};
    /// PathResult's lists of what the path went through, by Through kind, as the trace goes.
    std::array<std::pmr::vector<const void *>, static_cast<size_t>(Through::Count)> m_through{
        std::pmr::vector<const void *>(&m_arena), std::pmr::vector<const void *>(&m_arena),
        std::pmr::vector<const void *>(&m_arena), std::pmr::vector<const void *>(&m_arena),
        std::pmr::vector<const void *>(&m_arena), std::pmr::vector<const void *>(&m_arena)};
    std::string m_why;               ///< the last filter's reason, in a full trace
    int m_steps = 0;
};

} // namespace heiiki::model::network
