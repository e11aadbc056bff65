#include "tracer.h"

#include <algorithm>

namespace heiiki::model::network {

namespace {

std::string str(const heiiki::Json &v)
{
    return v.is_string() ? v.get<std::string>() : std::string();
}

} // namespace

Tracer::Tracer(const Topology &topology, const Query &query, Detail detail, const Element *from,
               const Element *to)
    : m_t(topology)
    , m_q(query)
    , m_from(from)
    , m_to(to)
    , m_fromInternet(query.fromInternet)
    , m_full(detail == Detail::Full)
{
    m_crossings.reserve(8);
    m_returns.reserve(4);
    m_visited.reserve(8);
    m_through[static_cast<size_t>(Through::Vpc)].reserve(4);
}

PathResult Tracer::run()
{
    start();
    m_result.setThrough(m_through);
    return std::move(m_result);
}

void Tracer::noteVpc(const Element *e)
{
    if (!e)
        return;
    const Element *vpc = m_t.vpcOf(e);
    auto &vpcs = m_through[static_cast<size_t>(Through::Vpc)];
    if (vpc && std::find(vpcs.begin(), vpcs.end(), vpc) == vpcs.end())
        vpcs.push_back(vpc);
}

PathResult &Tracer::start()
{
    if (!resolveSource() || !resolveDestination())
        return m_result;
    if (m_fromInternet)
        return fromInternet();
    if (m_srcPremises)
        return fromPremises();
    const SubnetInfo *s = m_srcIf->subnetInfo;
    if (!s)
        return stop(StopReason::BadInput, m_srcIf->element,
                    [] { return std::string("the source is not in a subnet"); });
    hop(m_srcIf->element, [&] {
        return "sends " + m_q.protocol + " " + std::to_string(m_q.port) + " to "
               + (m_dst.domain.empty() ? m_dst.address.addressString() : m_dst.domain);
    });
    static const std::vector<const Element *> noGroups;
    const auto &peerGroups = m_dst.interface ? m_dst.interface->securityGroups : noGroups;
    if (!checkSecurityGroups(m_srcIf->groupRules, false, m_dst.address, peerGroups, m_q.protocol,
                             m_q.port, why()))
        return stop(StopReason::SecurityGroup, m_srcIf->element, [&] { return m_why; });
    return fromSubnet(s);
}

bool Tracer::cross(const SubnetInfo *from, const SubnetInfo *to)
{
    if (from == to)
        return true;
    if (from) {
        if (!checkNetworkAcl(from->acl, false, m_dst.address, m_q.protocol, m_q.port, why())) {
            stop(StopReason::NetworkAcl, from->nacl ? from->nacl : from->subnet,
                 [&] { return m_why + " (leaving " + from->subnet->id.str() + ")"; });
            return false;
        }
        m_crossings.push_back({from, false, m_dst.address});
    }
    if (to) {
        if (!checkNetworkAcl(to->acl, true, m_src, m_q.protocol, m_q.port, why())) {
            stop(StopReason::NetworkAcl, to->nacl ? to->nacl : to->subnet,
                 [&] { return m_why + " (entering " + to->subnet->id.str() + ")"; });
            return false;
        }
        m_crossings.push_back({to, true, m_src});
    }
    return true;
}

const SubnetInfo *Tracer::entrySubnet(const Link *attachment, const std::string &zone) const
{
    if (!attachment)
        return nullptr;
    const auto &subnets = m_t.attachmentSubnets(attachment);
    for (const SubnetInfo *s : subnets)
        if (s->zone == zone)
            return s;
    return subnets.empty() ? nullptr : subnets.front();
}

PathResult &Tracer::fromSubnet(const SubnetInfo *s)
{
    const auto visit = std::make_pair(s, m_src.first());
    if (++m_steps > 64 || std::find(m_visited.begin(), m_visited.end(), visit) != m_visited.end())
        return stop(StopReason::Loop, s->subnet, [] {
            return std::string("the route tables send the packet round in a loop");
        });
    m_visited.push_back(visit);
    const VpcInfo *vpc = s->vpcInfo;
    if (!vpc)
        return stop(StopReason::NoRoute, s->subnet,
                    [] { return std::string("the subnet is not in a VPC"); });

    // Longest prefix match over the local routes and the route table.
    const Route *best = nullptr;
    int bestLength = -1;
    bool local = false;
    if (m_dst.kind != Destination::Kind::GatewayService)
        for (const Cidr &c : vpc->cidrs)
            if (c.contains(m_dst.address) && c.prefixLength() > bestLength) {
                bestLength = c.prefixLength();
                local = true;
            }
    for (const Route &r : s->routes) {
        int length = -1;
        if (!r.prefixList.empty()) {
            if (m_dst.kind == Destination::Kind::GatewayService && r.target
                && r.target->kind == ElementKind::VpcEndpoint && r.service == m_dst.service)
                length = 129; // a prefix list is more specific than any CIDR route for its service
        } else if (r.cidr && r.cidr->contains(m_dst.address)) {
            length = r.cidr->prefixLength();
        }
        if (length > bestLength) {
            bestLength = length;
            best = &r;
            local = false;
        }
    }
    if (local)
        return deliverInVpc(*vpc, s, false);
    if (!best)
        return stop(StopReason::NoRoute, s->subnet, [&] {
            return "the route table of " + s->subnet->id.str() + " has no route to "
                   + (m_dst.domain.empty() ? m_dst.address.addressString() : m_dst.domain);
        });

    auto via = [best] {
        return std::string(best->propagated ? "propagated route " : "route ")
               + (best->cidr ? best->cidr->toString() : best->prefixList) + " → ";
    };
    if (best->peering) {
        const Link *p = best->peering;
        hop(s->subnet, [&] { return via() + p->id.str(); });
        pass(Through::Peering, p);
        const Id &otherId = p->from == vpc->vpc->id ? p->to : p->from;
        const VpcInfo *other = m_t.vpc(otherId);
        if (!other || !other->contains(m_dst.address))
            return stop(StopReason::PeeringTransitivity, s->subnet, [&] {
                return "VPC peering " + p->id.str() + " only reaches addresses inside "
                       + otherId.str() + "; it does not forward to "
                       + m_dst.address.addressString() + " (peering is not transitive)";
            });
        m_returns.push_back(
            {.kind = ReturnLeg::Kind::Peering, .peering = p, .vpc = other, .client = m_src});
        return deliverInVpc(*other, s, true);
    }
    const Element *target = best->target;
    hop(s->subnet, [&] { return via() + target->id.str(); });
    switch (target->kind) {
    case ElementKind::InternetGateway: {
        if (m_dst.kind != Destination::Kind::Internet
            && m_dst.kind != Destination::Kind::GatewayService)
            return stop(StopReason::NoRoute, target, [&] {
                return "an internet gateway only reaches the internet, not "
                       + m_dst.address.addressString();
            });
        const bool hasPublic = m_srcPublic
                               || (m_srcIf && m_srcIf->publicIp && m_src == m_srcIf->address);
        if (!hasPublic)
            return stop(StopReason::NoPublicAddress, target, [&] {
                return "the source address " + m_src.addressString()
                       + " is private and has no public IP; an internet gateway does not "
                         "translate it (route through a NAT gateway)";
            });
        if (!leave(s))
            return m_result;
        m_result.reachedInternet = true;
        hop(target, [] { return std::string("to the internet"); });
        return deliver(m_dst.element ? m_dst.element : target, [&] {
            return "reached "
                   + (m_dst.domain.empty() ? std::string("the internet") : m_dst.domain)
                   + " through " + target->id.str();
        });
    }
    case ElementKind::NatGateway: {
        const SubnetInfo *ns = best->targetSubnet;
        const Interface *nat = best->targetInterface;
        if (!ns || !nat)
            return stop(StopReason::NoAddress, target,
                        [] { return std::string("the NAT gateway has no address"); });
        if (!cross(s, ns))
            return m_result;
        pass(Through::NatGateway, target);
        if (m_lastFirewall && s == m_lastFirewallSubnet) {
            // Straight from a firewall endpoint: the reply, translated back at the NAT
            // gateway, must be routed through that firewall again, or it sees only the request.
            m_returns.push_back({.kind = ReturnLeg::Kind::Firewall,
                                 .firewall = m_lastFirewall,
                                 .subnet = ns,
                                 .endpoint = m_lastFirewallSubnet,
                                 .client = m_src});
        }
        m_src = nat->address;
        m_srcPublic = str(target->property("connectivity")) == "public";
        hop(target, [&] { return "translates the source to " + m_src.addressString(); });
        return fromSubnet(ns);
    }
    case ElementKind::NetworkFirewall: {
        const FirewallInfo *firewall = m_t.firewall(target);
        if (!firewall || firewall->endpoints.empty())
            return stop(StopReason::NoAddress, target,
                        [] { return std::string("the firewall has no endpoint subnets"); });
        const SubnetInfo *fs = endpointFor(*firewall, *best, *s);
        const std::string &origin = m_srcZone.empty() ? s->zone : m_srcZone;
        if (fs->zone != origin)
            m_result.crossedAzToFirewall = true;
        if (!cross(s, fs))
            return m_result;
        pass(Through::Firewall, target);
        const VpcInfo *fwVpc = fs->vpcInfo ? fs->vpcInfo : vpc;
        if (!inspectFirewall(firewall->rules, fwVpc->cidrs, m_originalSrc, m_dst.domain, why()))
            return stop(StopReason::FirewallRule, target, [&] { return m_why; });
        hop(target, [&] { return "inspects: " + m_why; });
        m_lastFirewall = target;
        m_lastFirewallSubnet = fs;
        return fromSubnet(fs);
    }
    case ElementKind::TransitGateway: {
        const Link *attachment = nullptr;
        for (const Link *a : vpc->tgwAttachments)
            if (a->to == target->id)
                attachment = a;
        if (!attachment)
            return stop(StopReason::NoRoute, target, [&] {
                return vpc->vpc->id.str() + " is not attached to " + target->id.str();
            });
        if (!leave(s))
            return m_result;
        if (m_enteredAt && m_enteredAt->vpcInfo == vpc && m_lastFirewallSubnet
            && m_lastFirewallSubnet->vpcInfo == vpc)
            // Inspected on the way through this VPC (east-west through an inspection VPC).
            m_returns.push_back({.kind = ReturnLeg::Kind::Inspection,
                                 .firewall = m_lastFirewall,
                                 .subnet = m_enteredAt,
                                 .endpoint = m_lastFirewallSubnet,
                                 .out = m_enteredBy,
                                 .client = m_src});
        return intoTransitGateway(target, attachment, s->zone);
    }
    case ElementKind::VpcEndpoint:
        if (m_dst.kind == Destination::Kind::GatewayService) {
            if (!leave(s))
                return m_result;
            pass(Through::Endpoint, target);
            hop(target, [&] { return "gateway endpoint for " + m_dst.service; });
            return deliver(target, [&] {
                return "reached " + m_dst.service + " through gateway endpoint "
                       + target->id.str();
            });
        }
        return stop(StopReason::NoRoute, target,
                    [] { return std::string("an endpoint is not a router"); });
    case ElementKind::Vgw:
        for (const auto &path : m_t.dxPaths())
            if (path.gateway == target)
                return leave(s) ? toPremises(path.association, target) : m_result;
        return stop(StopReason::NoRoute, target, [] {
            return std::string("the virtual private gateway has no Direct Connect association");
        });
    case ElementKind::Ec2Instance:
    case ElementKind::LoadBalancer: {
        if (target->kind == ElementKind::Ec2Instance
            && target->property("sourceDestCheck").get<bool>())
            return stop(StopReason::NoRoute, target, [] {
                return std::string("the instance's source/destination check drops traffic it "
                                   "does not own");
            });
        const SubnetInfo *rs = best->targetSubnet;
        if (!rs && best->targetInterface)
            rs = best->targetInterface->subnetInfo;
        if (!rs)
            return stop(StopReason::NoAddress, target,
                        [] { return std::string("the relay has no subnet"); });
        if (!cross(s, rs))
            return m_result;
        pass(Through::Relay, target);
        hop(target, [] { return std::string("relays the packet"); });
        return fromSubnet(rs);
    }
    default:
        return stop(StopReason::NoRoute, target, [&] {
            return "cannot forward through a " + Catalogue::instance().info(target->kind).label;
        });
    }
}

PathResult &Tracer::deliverInVpc(const VpcInfo &vpc, const SubnetInfo *from, bool fromGateway)
{
    const SubnetInfo *d = m_t.subnetFor(vpc, m_dst.address);
    if (!d)
        return stop(StopReason::NoAddress, vpc.vpc, [&] {
            return "no subnet of " + vpc.vpc->id.str() + " holds " + m_dst.address.addressString();
        });
    const Interface *target = m_t.interfaceAt(vpc.vpc, m_dst.address);
    if (!target)
        return stop(StopReason::NoAddress, d->subnet, [&] {
            return "nothing in " + d->subnet->id.str() + " has the address "
                   + m_dst.address.addressString();
        });
    const bool otherVpc = fromGateway && from && from->vpc != vpc.vpc;
    if (!cross(otherVpc ? nullptr : from, d))
        return m_result;
    if (otherVpc) {
        // Leaving the source subnet was not checked above: do it now.
        if (!checkNetworkAcl(from->acl, false, m_dst.address, m_q.protocol, m_q.port, why()))
            return stop(StopReason::NetworkAcl, from->nacl, [&] { return m_why; });
        m_crossings.push_back({from, false, m_dst.address});
    }
    hop(d->subnet, [&] { return "local route to " + target->element->id.str(); });
    static const std::vector<const Element *> noGroups;
    const auto &srcGroups = m_srcIf && m_src == m_srcIf->address ? m_srcIf->securityGroups
                                                                  : noGroups;
    if (!checkSecurityGroups(target->groupRules, true, m_src, srcGroups, m_q.protocol, m_q.port,
                             why()))
        return stop(StopReason::SecurityGroup, target->element, [&] { return m_why; });
    m_deliveredIn = d;
    if (target->element->kind == ElementKind::VpcEndpoint) {
        pass(Through::Endpoint, target->element);
        return deliver(target->element, [&] {
            return "reached " + target->element->id.str()
                   + (m_dst.service.empty() ? std::string() : " for " + m_dst.service);
        });
    }
    return deliver(target->element, [&] {
        return "reached " + target->element->id.str() + " at " + m_dst.address.addressString();
    });
}

PathResult &Tracer::intoTransitGateway(const Element *tgw, const Link *attachment,
                                       const std::string &zone)
{
    if (++m_steps > 64)
        return stop(StopReason::Loop, tgw,
                    [] { return std::string("the packet goes round in a loop"); });
    const TgwInfo *info = m_t.tgw(tgw);
    if (!info)
        return stop(StopReason::BadInput, tgw, [] { return std::string("not a Transit Gateway"); });
    const TgwRouteTable *assoc = info->tableOf(attachment);
    if (!assoc)
        return stop(StopReason::NoRoute, tgw, [&] {
            return "attachment " + attachment->id.str() + " is associated with no route table";
        });
    const TgwRouteTable &table = *assoc;
    const TgwRoute *best = table.lookup(m_dst.address);
    if (!best)
        return stop(StopReason::NoRoute, tgw, [&] {
            return "route table " + table.name + " has no route to "
                   + m_dst.address.addressString();
        });
    if (best->blackhole)
        return stop(StopReason::Blackhole, tgw, [&] {
            return "route table " + table.name + " blackholes " + best->cidr.toString();
        });
    hop(tgw, [&] {
        return "route table " + table.name + ": " + best->cidr.toString() + " → "
               + best->attachment->id.str() + (best->propagated ? " (propagated)" : "");
    });
    const Link *out = best->attachment;
    ReturnLeg leg;
    leg.kind = ReturnLeg::Kind::TransitGateway;
    leg.tgw = info;
    leg.in = attachment;
    leg.out = out;
    leg.client = m_src;
    if (out->kind == LinkKind::DxAssociation) {
        m_returns.push_back(leg);
        return toPremises(out, tgw);
    }
    const VpcInfo *vpc = best->attachmentVpc;
    if (!vpc)
        return stop(StopReason::NoRoute, tgw,
                    [&] { return "attachment " + out->id.str() + " has no VPC"; });
    leg.outVpc = vpc;
    m_returns.push_back(leg);
    const SubnetInfo *entry = entrySubnet(out, zone);
    if (!entry) {
        if (vpc->contains(m_dst.address))
            return deliverInVpc(*vpc, nullptr, true);
        return stop(StopReason::NoRoute, vpc->vpc, [&] {
            return "attachment " + out->id.str() + " names no subnets to forward from";
        });
    }
    // Traffic from a Transit Gateway is not checked against the attachment subnet's inbound
    // rules; its outbound rules apply when the packet moves on.
    hop(entry->subnet,
        [&] { return "enters " + vpc->vpc->id.str() + " through the attachment"; });
    m_enteredBy = out;
    m_enteredAt = entry;
    return fromSubnet(entry);
}

} // namespace heiiki::model::network
