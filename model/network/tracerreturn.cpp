// The reply's way back: a connection works only when the reply gets through the stateless
// network ACLs it meets, finds a route back at every peering, Transit Gateway and virtual
// private gateway the request crossed, and passes every firewall endpoint the request passed.
#include "tracer.h"

namespace heiiki::model::network {

bool Tracer::checkReturnPath()
{
    for (const auto &c : m_crossings) {
        // The reply goes the other way, to the client's ephemeral port.
        if (!checkNetworkAcl(c.subnet->acl, !c.inbound, c.peer, m_q.protocol, kEphemeralPort,
                             why())) {
            stop(StopReason::NetworkAcl, c.subnet->nacl ? c.subnet->nacl : c.subnet->subnet, [&] {
                return "the reply is dropped: " + m_why + " (network ACLs are stateless; allow "
                       "the ephemeral ports " + std::string(c.inbound ? "out of " : "into ")
                       + c.subnet->subnet->id.str() + ")";
            });
            return false;
        }
    }
    // The reply retraces the gateways crossed, last first, and needs a route at each.
    for (auto leg = m_returns.rbegin(); leg != m_returns.rend(); ++leg)
        if (!checkReturnRoute(*leg, m_deliveredIn))
            return false;
    return true;
}

const Route *Tracer::routeFor(const SubnetInfo &s, const Cidr &address, bool *local) const
{
    const Route *best = nullptr;
    int bestLength = -1;
    *local = false;
    if (s.vpcInfo)
        for (const Cidr &c : s.vpcInfo->cidrs)
            if (c.contains(address) && c.prefixLength() > bestLength) {
                bestLength = c.prefixLength();
                *local = true;
            }
    for (const Route &r : s.routes)
        if (r.cidr && r.cidr->contains(address) && r.cidr->prefixLength() > bestLength) {
            bestLength = r.cidr->prefixLength();
            best = &r;
            *local = false;
        }
    return *local ? nullptr : best;
}

bool Tracer::checkInspectedReply(const ReturnLeg &leg, const SubnetInfo *delivered)
{
    // With appliance mode the Transit Gateway keeps both directions of a connection on one
    // attachment subnet; without it, the reply enters in the Availability Zone it comes from.
    if (!delivered || leg.out->property("applianceMode").get<bool>())
        return true;
    const SubnetInfo *entry = entrySubnet(leg.out, delivered->zone);
    if (!entry || entry == leg.subnet)
        return true;
    const Route *route = nullptr;
    bool local = false;
    const SubnetInfo *endpoint = replyEndpoint(*entry, leg.client, leg.firewall, &route, &local);
    if (endpoint == leg.endpoint)
        return true;
    stop(StopReason::NoRoute, m_t.design().element(leg.out->to), [&] {
        return "no return route through " + leg.firewall->id.str() + ": the reply enters "
               + entry->vpc->id.str() + " through " + entry->subnet->id.str()
               + ", in the Availability Zone it comes from, and "
               + (endpoint ? "passes the firewall's endpoint in " + endpoint->subnet->id.str()
                           : std::string("does not pass the firewall"))
               + ", not the one in " + leg.endpoint->subnet->id.str()
               + " that saw the request, which drops the connection (turn on appliance "
                 "mode on "
               + leg.out->id.str() + ")";
    });
    return false;
}

const SubnetInfo *Tracer::endpointFor(const FirewallInfo &firewall, const Route &route,
                                     const SubnetInfo &from)
{
    if (route.endpointSubnetInfo)
        return route.endpointSubnetInfo;
    for (const SubnetInfo *e : firewall.endpoints)
        if (e->zone == from.zone)
            return e;
    return firewall.endpoints.empty() ? nullptr : firewall.endpoints.front();
}

const SubnetInfo *Tracer::replyEndpoint(const SubnetInfo &s,
                                        const Cidr &client,
                                        const Element *firewall,
                                        const Route **route,
                                        bool *local) const
{
    *route = routeFor(s, client, local);
    const FirewallInfo *info
        = *route && (*route)->target == firewall ? m_t.firewall(firewall) : nullptr;
    return info ? endpointFor(*info, **route, s) : nullptr;
}

const Route *Tracer::replyRoute(const SubnetInfo &s, const Cidr &client, bool *local) const
{
    const SubnetInfo *at = &s;
    const Route *route = routeFor(*at, client, local);
    for (int hops = 0; route && route->target && hops < 4; ++hops) {
        if (route->target->kind != ElementKind::NetworkFirewall)
            break;
        const FirewallInfo *firewall = m_t.firewall(route->target);
        const SubnetInfo *next = firewall ? endpointFor(*firewall, *route, *at) : nullptr;
        if (!next || next == at)
            break;
        at = next;
        route = routeFor(*at, client, local);
    }
    return route;
}

bool Tracer::checkReturnRoute(const ReturnLeg &leg, const SubnetInfo *delivered)
{
    if (leg.kind == ReturnLeg::Kind::Inspection)
        return checkInspectedReply(leg, delivered);
    if (leg.kind == ReturnLeg::Kind::Firewall) {
        // Network Firewall inspects a connection only when both directions pass the same
        // endpoint: each keeps the state of the connections it saw.
        const Route *back = nullptr;
        bool local = false;
        const SubnetInfo *endpoint
            = replyEndpoint(*leg.subnet, leg.client, leg.firewall, &back, &local);
        if (endpoint == leg.endpoint)
            return true;
        stop(StopReason::NoRoute, leg.subnet->subnet, [&] {
            const std::string to = leg.client.addressString();
            if (endpoint)
                return "no return route through " + leg.firewall->id.str() + ": the route table of "
                       + leg.subnet->subnet->id.str() + " sends the reply to " + to
                       + " through its endpoint in " + endpoint->subnet->id.str()
                       + ", not the one in " + leg.endpoint->subnet->id.str()
                       + " that saw the request, which drops the connection (route the reply "
                         "to the endpoint of the same Availability Zone)";
            const std::string how =
                back ? " sends the reply to " + to + " to "
                           + (back->peering ? back->peering->id.str() : back->target->id.str())
                                    : local ? " delivers the reply to " + to + " by its local route"
                                            : " has no route back to " + to;
            return "no return route through " + leg.firewall->id.str() + ": the route table of "
                   + leg.subnet->subnet->id.str() + how + ", past the firewall, which saw only "
                   + "the request and drops the connection (Network Firewall needs both "
                     "directions through it; add a route to " + to + " through "
                   + leg.firewall->id.str() + ")";
        });
        return false;
    }
    // The subnet the reply starts from, when it is in the network the leg led into.
    const VpcInfo *entered = leg.kind == ReturnLeg::Kind::TransitGateway ? leg.outVpc : leg.vpc;
    if (delivered && entered && delivered->vpcInfo == entered) {
        bool local = false;
        const Route *back = replyRoute(*delivered, leg.client, &local);
        bool ok = local;
        if (back && !ok) {
            switch (leg.kind) {
            case ReturnLeg::Kind::Peering: ok = back->peering == leg.peering; break;
            case ReturnLeg::Kind::TransitGateway: ok = back->target == leg.tgw->tgw; break;
            case ReturnLeg::Kind::VirtualPrivateGateway: ok = back->target == leg.vgw; break;
            }
        }
        if (!ok) {
            stop(StopReason::NoRoute, delivered->subnet, [&] {
                const std::string way = leg.kind == ReturnLeg::Kind::Peering ? leg.peering->id.str()
                                        : leg.kind == ReturnLeg::Kind::TransitGateway
                                            ? leg.tgw->tgw->id.str()
                                            : leg.vgw->id.str();
                const std::string target = !back         ? std::string()
                                           : back->peering ? back->peering->id.str()
                                                           : back->target->id.str();
                return "no return route: the route table of " + delivered->subnet->id.str()
                       + (back ? " sends the reply to " + leg.client.addressString() + " to "
                                     + target + ", not back through " + way
                               : " has no route back to " + leg.client.addressString()
                                     + " (through " + way + ")")
                       + ", so the connection fails"
                       + (leg.kind == ReturnLeg::Kind::VirtualPrivateGateway
                              ? " (add a route to " + way + ", or turn on VGW route propagation "
                                    "for " + delivered->subnet->id.str() + ")"
                              : std::string());
            });
            return false;
        }
    }
    if (leg.kind != ReturnLeg::Kind::TransitGateway)
        return true;
    const Element *tgw = leg.tgw->tgw;
    const TgwRouteTable *assoc = leg.tgw->tableOf(leg.out);
    if (!assoc) {
        stop(StopReason::NoRoute, tgw, [&] {
            return "no return route: attachment " + leg.out->id.str()
                   + " is associated with no route table, so the reply to "
                   + leg.client.addressString() + " goes nowhere";
        });
        return false;
    }
    const TgwRouteTable &table = *assoc;
    const TgwRoute *back = table.lookup(leg.client);
    if (!back || back->blackhole || back->attachment != leg.in) {
        stop(StopReason::NoRoute, tgw, [&] {
            std::string what;
            if (!back)
                what = " has no route back to " + leg.client.addressString();
            else if (back->blackhole)
                what = " blackholes the reply to " + leg.client.addressString() + " ("
                       + back->cidr.toString() + ")";
            else
                what = " sends the reply to " + leg.client.addressString() + " to "
                       + back->attachment->id.str() + ", not back to " + leg.in->id.str();
            return "no return route: route table " + table.name + " (of "
                   + leg.out->id.str() + ")" + what + ", so the connection fails";
        });
        return false;
    }
    return true;
}

} // namespace heiiki::model::network
