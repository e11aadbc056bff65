// The ends of the network: Direct Connect to and from the premises, and the internet.
#include "tracer.h"

namespace heiiki::model::network {

namespace {

std::string str(const heiiki::Json &v)
{
    return v.is_string() ? v.get<std::string>() : std::string();
}

} // namespace

PathResult &Tracer::toPremises(const Link *association, const Element *gateway)
{
    if (m_dst.kind != Destination::Kind::Premises)
        return stop(StopReason::NoRoute, gateway, [&] {
            return m_dst.address.addressString() + " is not on the premises";
        });
    const DxPath *path = nullptr;
    const Element *dc = nullptr;
    for (const auto &p : m_t.dxPaths())
        if (p.association == association) {
            path = &p;
            if (p.corporateDc)
                dc = p.corporateDc;
        }
    const Element *vif = path ? path->vif : nullptr;
    const bool toTgw = gateway->kind == ElementKind::TransitGateway;
    if (!vif)
        return stop(StopReason::NoVif, gateway, [&] {
            return "association " + association->id.str() + " names no virtual interface";
        });
    if (str(vif->property("type")) != (toTgw ? "transit" : "private"))
        return stop(StopReason::NoVif, vif, [&] {
            return std::string("a ") + (toTgw ? "Transit Gateway" : "virtual private gateway")
                   + " association needs a " + (toTgw ? "transit" : "private") + " VIF";
        });
    if (!vif->property("availableToProject").get<bool>())
        return stop(StopReason::NoVif, vif, [&] {
            return "the virtual interface " + vif->id.str() + " is not available to this "
                                                              "project";
        });
    if (!dc)
        return stop(StopReason::NoRoute, vif, [] {
            return std::string("the virtual interface reaches no corporate data center");
        });
    // The reply needs the premises to know the way back: the association must advertise the
    // source (as the packet now carries it) to them.
    if (!path->advertises(m_src))
        return stop(StopReason::NoRoute, path->dxGateway ? path->dxGateway : vif, [&] {
            return "no return route: association " + association->id.str()
                   + " does not advertise " + m_src.addressString()
                   + " to the premises (allowed prefixes), so the reply from "
                   + m_dst.address.addressString() + " has no way back";
        });
    hop(vif, [&] { return "Direct Connect to " + dc->id.str(); });
    return deliver(m_dst.element ? m_dst.element : dc,
                   [&] { return "reached the premises " + m_dst.address.addressString(); });
}

PathResult &Tracer::fromPremises()
{
    hop(m_srcIf ? m_srcIf->element : m_srcPremises, [&] {
        return "sends " + m_q.protocol + " " + std::to_string(m_q.port) + " to "
               + (m_dst.domain.empty() ? m_dst.address.addressString() : m_dst.domain);
    });
    if (m_dst.kind == Destination::Kind::Premises)
        return deliver(m_dst.element ? m_dst.element : m_srcPremises,
                       [] { return std::string("on the premises"); });
    if (m_dst.kind == Destination::Kind::Internet || m_dst.kind == Destination::Kind::GatewayService)
        return stop(StopReason::NoRoute, m_srcPremises, [&] {
            return "the premises reach the internet outside this design; "
                   + (m_dst.domain.empty() ? std::string("the destination") : m_dst.domain)
                   + " has no private path";
        });
    std::string lastWhy;
    if (m_full)
        lastWhy = "no Direct Connect path from " + m_srcPremises->id.str();
    for (const auto &p : m_t.dxPaths()) {
        if (p.corporateDc != m_srcPremises || !p.gateway)
            continue;
        // The premises learn only the allowed prefixes of the association.
        if (!p.advertises(m_dst.address)) {
            if (m_full)
                lastWhy = "association " + p.association->id.str() + " does not advertise "
                          + m_dst.address.addressString() + " to the premises (allowed prefixes)";
            continue;
        }
        const bool toTgw = p.gateway->kind == ElementKind::TransitGateway;
        if (!p.vif || str(p.vif->property("type")) != (toTgw ? "transit" : "private")
            || !p.vif->property("availableToProject").get<bool>()) {
            return stop(StopReason::NoVif, p.vif ? p.vif : p.dxGateway, [&] {
                return std::string("association ") + p.association->id.str() + " needs a "
                       + (toTgw ? "transit" : "private") + " VIF available to this project";
            });
        }
        hop(p.connection, [] { return std::string("Direct Connect"); });
        hop(p.vif, [&] { return std::string(toTgw ? "transit" : "private") + " VIF"; });
        hop(p.dxGateway, [&] { return "Direct Connect gateway → " + p.gateway->id.str(); });
        if (toTgw)
            return intoTransitGateway(p.gateway, p.association, std::string());
        for (const auto &vpc : m_t.vpcs())
            for (const Link *a : vpc.vgwAttachments)
                if (a->from == p.gateway->id && vpc.contains(m_dst.address)) {
                    m_returns.push_back({.kind = ReturnLeg::Kind::VirtualPrivateGateway,
                                         .vpc = &vpc,
                                         .vgw = p.gateway,
                                         .client = m_src});
                    return deliverInVpc(vpc, nullptr, true);
                }
        if (m_full)
            lastWhy = p.gateway->id.str() + " is attached to no VPC holding "
                      + m_dst.address.addressString();
    }
    return stop(StopReason::NoRoute, m_srcPremises, [&] { return lastWhy; });
}

PathResult &Tracer::fromInternet()
{
    if (m_dst.kind != Destination::Kind::Host || !m_dst.interface)
        return stop(StopReason::NoRoute, m_dst.element, [&] {
            return "the internet has no route to "
                   + (m_dst.element ? m_dst.element->id.str() : m_dst.address.addressString());
        });
    const Interface *target = m_dst.interface;
    const Element *e = target->element;
    if (e->kind == ElementKind::NatGateway)
        return stop(StopReason::NatDirection, e, [] {
            return std::string("a NAT gateway does not accept connections from the internet");
        });
    if (!target->publicIp)
        return stop(StopReason::NoPublicAddress, e, [&] {
            return e->id.str() + " has no public address: nothing on the internet can name it";
        });
    const SubnetInfo *s = target->subnetInfo;
    const VpcInfo *vpc = s ? s->vpcInfo : nullptr;
    if (!vpc || !vpc->internetGateway)
        return stop(StopReason::NoRoute, e,
                    [&] { return "the VPC of " + e->id.str() + " has no internet gateway"; });
    hop(vpc->internetGateway,
        [&] { return "maps the public address to " + target->address.addressString(); });
    m_dst.address = target->address;
    if (!cross(nullptr, s))
        return m_result;
    if (!checkSecurityGroups(target->groupRules, true, m_src, {}, m_q.protocol, m_q.port, why()))
        return stop(StopReason::SecurityGroup, e, [&] { return m_why; });
    // The reply must leave through the same internet gateway.
    const Route *back = nullptr;
    int length = -1;
    for (const Route &r : s->routes)
        if (r.cidr && r.cidr->contains(m_src) && r.cidr->prefixLength() > length) {
            back = &r;
            length = r.cidr->prefixLength();
        }
    if (!back || back->target != vpc->internetGateway)
        return stop(StopReason::NoRoute, s->subnet, [&] {
            return "the reply from " + e->id.str()
                   + " does not go back through the internet gateway (the subnet's route "
                     "table sends it elsewhere)";
        });
    m_result.reachedInternet = true;
    return deliver(e, [] { return std::string("reached from the internet"); });
}

} // namespace heiiki::model::network
