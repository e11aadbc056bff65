#include "pathengine.h"

#include "filters.h"

#include <algorithm>
#include <optional>
#include <set>

namespace heiiki::model::network {

std::string_view toString(StopReason reason)
{
    static constexpr std::string_view names[] = {
        "delivered", "no-route", "blackhole", "network-acl", "security-group", "firewall-rule",
        "nat-direction", "peering-transitivity", "no-vif", "no-public-address", "no-address",
        "bad-input", "loop"};
    return names[static_cast<int>(reason)];
}

namespace {

const Cidr kInternetClient = *Cidr::parseAddress("198.51.100.10");
const Cidr kInternetServer = *Cidr::parseAddress("203.0.113.10");

std::string str(const nlohmann::json &v)
{
    return v.is_string() ? v.get<std::string>() : std::string();
}

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

struct Crossing
{
    const SubnetInfo *subnet;
    bool inbound;
    Cidr peer;
};

class Tracer
{
public:
    Tracer(const Topology &topology, Query query) : m_t(topology), m_q(std::move(query)) {}

    PathResult run();
    /// Aims service calls from the premises at this endpoint interface.
    void force(const Interface *endpoint) { m_forced = endpoint; }

private:
    // Outcomes.
    PathResult &stop(StopReason reason, const Element *at, std::string why)
    {
        m_result.delivered = false;
        m_result.reason = reason;
        m_result.blockedAt = at ? at->id : Id();
        m_result.explanation = std::move(why);
        if (at)
            hop(at, "stops: " + m_result.explanation);
        return m_result;
    }
    PathResult &deliver(const Element *at, std::string how);
    void hop(const Element *e, std::string action)
    {
        if (e)
            m_result.hops.push_back({e->id, std::move(action)});
    }

    bool resolveSource();
    bool resolveDestination();
    bool resolveService(const std::string &service);
    bool resolveDomain(const std::string &domain);
    void aimAtInterface(const Interface *i, std::string how);

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
    bool checkReturnPath();
    const SubnetInfo *entrySubnet(const VpcInfo &vpc, const Link *attachment,
                                  const std::string &zone);
    std::string describe(const Element *e) const
    {
        return e ? e->id.str() : std::string("?");
    }

    const Topology &m_t;
    Query m_q;
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
    std::vector<Crossing> m_crossings;
    std::set<std::pair<const void *, std::array<uint64_t, 2>>> m_visited;
    int m_steps = 0;
};

PathResult &Tracer::deliver(const Element *at, std::string how)
{
    if (!checkReturnPath())
        return m_result;
    m_result.delivered = true;
    m_result.reason = StopReason::None;
    m_result.explanation = std::move(how);
    if (at && !m_result.hops.empty() && m_result.hops.back().element == at->id)
        m_result.hops.back().action += "; delivered";
    else
        hop(at, "delivered");
    return m_result;
}

PathResult Tracer::run()
{
    if (!resolveSource() || !resolveDestination())
        return m_result;
    if (m_q.fromInternet)
        return fromInternet();
    if (m_srcPremises)
        return fromPremises();
    const SubnetInfo *s = m_t.subnet(m_srcIf->subnet->id);
    if (!s)
        return stop(StopReason::BadInput, m_srcIf->element, "the source is not in a subnet");
    hop(m_srcIf->element, "sends " + m_q.protocol + " " + std::to_string(m_q.port) + " to "
                              + (m_dst.domain.empty() ? m_dst.address.addressString()
                                                      : m_dst.domain));
    const std::vector<const Element *> peerGroups = m_dst.interface
                                                        ? m_dst.interface->securityGroups
                                                        : std::vector<const Element *>();
    const auto sg = checkSecurityGroups(m_srcIf->securityGroups, false, m_dst.address, peerGroups,
                                        m_q.protocol, m_q.port);
    if (!sg.allowed)
        return stop(StopReason::SecurityGroup, m_srcIf->element, sg.rule);
    return fromSubnet(s);
}

bool Tracer::resolveSource()
{
    const Design &design = m_t.design();
    if (m_q.fromInternet) {
        m_src = m_originalSrc = kInternetClient;
        m_srcPublic = true;
        return true;
    }
    const Element *from = design.element(m_q.from);
    if (!from) {
        stop(StopReason::BadInput, nullptr, "\"" + m_q.from.str() + "\" is not an element of "
                                            "the design");
        return false;
    }
    if (from->kind == ElementKind::Saas || from->kind == ElementKind::ThirdPartyHub) {
        // A service on the internet opening a connection inwards.
        hop(from, "on the internet");
        m_src = m_originalSrc = kInternetClient;
        m_srcPublic = true;
        m_q.fromInternet = true;
        return true;
    }
    if (const Element *dc = m_t.premisesOf(from->id)) {
        m_srcPremises = dc;
        auto ifs = m_t.interfacesOf(from->id);
        if (!ifs.empty()) {
            m_srcIf = ifs.front();
            m_src = ifs.front()->address;
        } else {
            bool found = false;
            for (const auto &[owner, cidr] : m_t.premises())
                if (owner == dc) {
                    m_src = cidr.host(10).value_or(cidr);
                    found = true;
                    break;
                }
            if (!found) {
                stop(StopReason::BadInput, dc, "the corporate data center has no networks "
                                               "(cidrs)");
                return false;
            }
        }
        m_originalSrc = m_src;
        return true;
    }
    auto ifs = m_t.interfacesOf(from->id);
    if (ifs.empty()) {
        stop(StopReason::BadInput, from,
             "the source has no address in a subnet (check its subnet's CIDR)");
        return false;
    }
    m_srcIf = ifs.front();
    m_src = m_originalSrc = m_srcIf->address;
    m_srcPublic = false;
    if (const Element *vpc = m_t.vpcOf(from->id))
        m_srcVpc = m_t.vpc(vpc->id);
    if (m_srcIf->subnet)
        if (const SubnetInfo *si = m_t.subnet(m_srcIf->subnet->id))
            m_srcZone = si->zone;
    return true;
}

void Tracer::aimAtInterface(const Interface *i, std::string how)
{
    m_dst.kind = Destination::Kind::Host;
    m_dst.interface = i;
    m_dst.address = i->address;
    m_dst.element = i->element;
    m_result.resolvedAs = std::move(how);
}

bool Tracer::resolveService(const std::string &rawService)
{
    const std::string service = PathEngine::serviceName(rawService);
    const std::string region = m_srcVpc ? m_srcVpc->region
                                        : (m_srcPremises ? m_t.design().regionOf(m_srcPremises->id)
                                                         : std::string());
    m_dst.domain = PathEngine::serviceDomain(service, region.empty() ? "ap-northeast-1" : region);
    m_dst.service = service;
    auto isEndpointFor = [&](const Element *e, const char *type) {
        return e->kind == ElementKind::VpcEndpoint && str(e->property("type")) == type
               && PathEngine::serviceName(str(e->property("service"))) == service;
    };
    auto pickInterface = [&](const Element *endpoint) -> const Interface * {
        auto ifs = m_t.interfacesOf(endpoint->id);
        if (ifs.empty())
            return nullptr;
        // Prefer the endpoint's ENI in the source's zone.
        if (m_srcIf && m_srcIf->subnet)
            if (const SubnetInfo *s = m_t.subnet(m_srcIf->subnet->id))
                for (const Interface *i : ifs)
                    if (const SubnetInfo *is = m_t.subnet(i->subnet->id); is && is->zone == s->zone)
                        return i;
        return ifs.front();
    };
    if (m_srcVpc) {
        for (const Element *e : m_srcVpc->endpoints)
            if (isEndpointFor(e, "interface") && e->property("privateDns").get<bool>())
                if (const Interface *i = pickInterface(e)) {
                    aimAtInterface(i, "private DNS of interface endpoint " + e->id.str());
                    return true;
                }
        // A private hosted zone for the service's name, associated with this VPC.
        for (const Element *z : m_t.hostedZones()) {
            if (!domainMatches("." + str(z->property("domain")), m_dst.domain))
                continue;
            const auto &vpcs = z->property("vpcs");
            const bool associated = std::any_of(vpcs.begin(), vpcs.end(), [&](const auto &v) {
                return str(v) == m_srcVpc->vpc->id.str();
            });
            const Element *target = m_t.design().element(Id(str(z->property("target"))));
            if (associated && target)
                if (const Interface *i = pickInterface(target)) {
                    aimAtInterface(i, "private hosted zone " + z->id.str() + " → "
                                          + target->id.str());
                    return true;
                }
        }
        for (const Element *e : m_srcVpc->endpoints)
            if (isEndpointFor(e, "gateway")) {
                m_dst.kind = Destination::Kind::GatewayService;
                m_dst.address = kInternetServer;
                m_dst.element = e;
                m_result.resolvedAs = "public name " + m_dst.domain + " (gateway endpoint "
                                      + e->id.str() + " in the VPC)";
                return true;
            }
    } else if (m_srcPremises) {
        // Premises resolve endpoint names through the hub's resolver: PathEngine::trace tries
        // the interface endpoints with private DNS in turn and keeps one that is reached.
        if (m_forced) {
            aimAtInterface(m_forced, "private DNS of interface endpoint "
                                         + m_forced->element->id.str());
            return true;
        }
        for (const auto &vpc : m_t.vpcs())
            for (const Element *e : vpc.endpoints)
                if (isEndpointFor(e, "interface") && e->property("privateDns").get<bool>())
                    if (const Interface *i = pickInterface(e)) {
                        aimAtInterface(i, "private DNS of interface endpoint " + e->id.str());
                        return true;
                    }
    }
    m_dst.kind = Destination::Kind::Internet;
    m_dst.address = kInternetServer;
    m_result.resolvedAs = "public name " + m_dst.domain + " (no VPC endpoint in reach)";
    return true;
}

bool Tracer::resolveDomain(const std::string &domain)
{
    m_dst.domain = domain;
    if (m_srcVpc) {
        // PrivateLink endpoints with private DNS for an endpoint service that owns the name.
        for (const Element *e : m_srcVpc->endpoints) {
            if (str(e->property("type")) != "interface" || !e->property("privateDns").get<bool>())
                continue;
            if (const Element *svc = m_t.privateLinkServiceOf(e->id)) {
                const auto &domains = svc->property("domains");
                const bool owns = std::any_of(domains.begin(), domains.end(), [&](const auto &d) {
                    return domainMatches(str(d), domain);
                });
                auto ifs = m_t.interfacesOf(e->id);
                if (owns && !ifs.empty()) {
                    aimAtInterface(ifs.front(), "private DNS of PrivateLink endpoint "
                                                    + e->id.str() + " for " + svc->id.str());
                    return true;
                }
            }
        }
        for (const Element *z : m_t.hostedZones()) {
            if (!domainMatches("." + str(z->property("domain")), domain))
                continue;
            const auto &vpcs = z->property("vpcs");
            const bool associated = std::any_of(vpcs.begin(), vpcs.end(), [&](const auto &v) {
                return str(v) == m_srcVpc->vpc->id.str();
            });
            const Element *target = m_t.design().element(Id(str(z->property("target"))));
            if (associated && target) {
                auto ifs = m_t.interfacesOf(target->id);
                if (!ifs.empty()) {
                    aimAtInterface(ifs.front(), "private hosted zone " + z->id.str());
                    return true;
                }
            }
        }
    }
    m_dst.kind = Destination::Kind::Internet;
    m_dst.address = kInternetServer;
    m_result.resolvedAs = "public DNS: " + domain + " is on the internet";
    return true;
}

bool Tracer::resolveDestination()
{
    const Design &design = m_t.design();
    switch (m_q.to.kind) {
    case Target::Kind::Internet:
        m_dst.kind = Destination::Kind::Internet;
        m_dst.address = kInternetServer;
        m_dst.domain = m_q.to.value;
        return true;
    case Target::Kind::Domain:
        return resolveDomain(m_q.to.value);
    case Target::Kind::Service:
        return resolveService(m_q.to.value);
    case Target::Kind::Cidr: {
        auto cidr = Cidr::parse(m_q.to.value);
        if (!cidr)
            cidr = Cidr::parseAddress(m_q.to.value);
        if (!cidr) {
            stop(StopReason::BadInput, nullptr, "\"" + m_q.to.value + "\" is not a CIDR or "
                                                "address");
            return false;
        }
        m_dst.address = cidr->prefixLength() >= cidr->maxPrefix() - 1
                            ? cidr->host(0).value()
                            : cidr->host(1).value_or(*cidr);
        for (const auto &[dc, net] : m_t.premises())
            if (net.contains(m_dst.address)) {
                m_dst.kind = Destination::Kind::Premises;
                m_dst.element = dc;
                return true;
            }
        for (const auto &vpc : m_t.vpcs())
            if (vpc.contains(m_dst.address)) {
                m_dst.kind = Destination::Kind::Host;
                m_dst.interface = m_t.interfaceAt(vpc.vpc->id, m_dst.address);
                m_dst.element = m_dst.interface ? m_dst.interface->element : vpc.vpc;
                return true;
            }
        m_dst.kind = Destination::Kind::Internet;
        return true;
    }
    case Target::Kind::Element:
        break;
    }
    const Element *to = design.element(Id(m_q.to.value));
    if (!to) {
        stop(StopReason::BadInput, nullptr, "\"" + m_q.to.value + "\" is not an element of the "
                                            "design");
        return false;
    }
    m_dst.element = to;
    switch (to->kind) {
    case ElementKind::Saas:
    case ElementKind::ThirdPartyHub: {
        const auto &domains = to->property("domains");
        if (domains.empty()) {
            stop(StopReason::BadInput, to, "the service names no domain");
            return false;
        }
        const bool ok = resolveDomain(str(domains.front()));
        if (m_dst.kind == Destination::Kind::Internet)
            m_dst.element = to;
        return ok;
    }
    case ElementKind::AwsService:
        return resolveService(str(to->property("service")));
    case ElementKind::CorporateDc:
    case ElementKind::Operator: {
        const Element *dc = m_t.premisesOf(to->id);
        m_dst.kind = Destination::Kind::Premises;
        auto ifs = m_t.interfacesOf(to->id);
        if (!ifs.empty()) {
            m_dst.address = ifs.front()->address;
            return true;
        }
        for (const auto &[owner, cidr] : m_t.premises())
            if (owner == dc) {
                m_dst.address = cidr.host(10).value_or(cidr);
                return true;
            }
        stop(StopReason::BadInput, to, "the corporate data center has no networks (cidrs)");
        return false;
    }
    case ElementKind::VpcEndpoint:
        if (str(to->property("type")) == "gateway")
            return resolveService(str(to->property("service")));
        [[fallthrough]];
    default: {
        auto ifs = m_t.interfacesOf(to->id);
        if (ifs.empty()) {
            stop(StopReason::BadInput, to, "the destination has no address (is it in a subnet "
                                           "with a CIDR?)");
            return false;
        }
        const Interface *pick = ifs.front();
        if (m_srcIf && m_srcIf->subnet)
            if (const SubnetInfo *s = m_t.subnet(m_srcIf->subnet->id))
                for (const Interface *i : ifs)
                    if (const SubnetInfo *is = m_t.subnet(i->subnet->id); is && is->zone == s->zone)
                        pick = i;
        aimAtInterface(pick, to->id.str() + " at " + pick->address.addressString());
        return true;
    }
    }
}

bool Tracer::cross(const SubnetInfo *from, const SubnetInfo *to)
{
    if (from == to)
        return true;
    if (from) {
        const auto d = checkNetworkAcl(from->nacl, false, m_dst.address, m_q.protocol, m_q.port);
        if (!d.allowed) {
            stop(StopReason::NetworkAcl, from->nacl ? from->nacl : from->subnet,
                 d.rule + " (leaving " + from->subnet->id.str() + ")");
            return false;
        }
        m_crossings.push_back({from, false, m_dst.address});
    }
    if (to) {
        const auto d = checkNetworkAcl(to->nacl, true, m_src, m_q.protocol, m_q.port);
        if (!d.allowed) {
            stop(StopReason::NetworkAcl, to->nacl ? to->nacl : to->subnet,
                 d.rule + " (entering " + to->subnet->id.str() + ")");
            return false;
        }
        m_crossings.push_back({to, true, m_src});
    }
    return true;
}

bool Tracer::checkReturnPath()
{
    for (const auto &c : m_crossings) {
        // The reply goes the other way, to the client's ephemeral port.
        const auto d = checkNetworkAcl(c.subnet->nacl, !c.inbound, c.peer, m_q.protocol,
                                       kEphemeralPort);
        if (!d.allowed) {
            stop(StopReason::NetworkAcl, c.subnet->nacl ? c.subnet->nacl : c.subnet->subnet,
                 "the reply is dropped: " + d.rule + " (network ACLs are stateless; allow the "
                 "ephemeral ports " + std::string(c.inbound ? "out of " : "into ")
                     + c.subnet->subnet->id.str() + ")");
            return false;
        }
    }
    return true;
}

const SubnetInfo *Tracer::entrySubnet(const VpcInfo &vpc, const Link *attachment,
                                      const std::string &zone)
{
    std::vector<const SubnetInfo *> subnets;
    if (attachment) {
        const auto &list = attachment->property("subnets");
        for (const auto &s : list)
            if (const SubnetInfo *si = m_t.subnet(Id(str(s))))
                subnets.push_back(si);
    }
    for (const SubnetInfo *s : subnets)
        if (s->zone == zone)
            return s;
    if (!subnets.empty())
        return subnets.front();
    (void)vpc;
    return nullptr;
}

PathResult &Tracer::fromSubnet(const SubnetInfo *s)
{
    if (++m_steps > 64 || !m_visited.insert({s, m_src.first()}).second)
        return stop(StopReason::Loop, s->subnet, "the route tables send the packet round in a "
                                                 "loop");
    const VpcInfo *vpc = s->vpc ? m_t.vpc(s->vpc->id) : nullptr;
    if (!vpc)
        return stop(StopReason::NoRoute, s->subnet, "the subnet is not in a VPC");

    // Longest prefix match over the local routes and the route table.
    const Route *best = nullptr;
    int bestLength = -1;
    bool local = false;
    for (const Cidr &c : vpc->cidrs)
        if (c.contains(m_dst.address) && c.prefixLength() > bestLength
            && m_dst.kind != Destination::Kind::GatewayService) {
            bestLength = c.prefixLength();
            local = true;
        }
    for (const Route &r : s->routes) {
        int length = -1;
        if (!r.prefixList.empty()) {
            if (m_dst.kind == Destination::Kind::GatewayService && r.target
                && r.target->kind == ElementKind::VpcEndpoint
                && PathEngine::serviceName(str(r.target->property("service"))) == m_dst.service)
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
        return stop(StopReason::NoRoute, s->subnet,
                    "the route table of " + s->subnet->id.str() + " has no route to "
                        + (m_dst.domain.empty() ? m_dst.address.addressString() : m_dst.domain));

    const std::string via = "route " + (best->cidr ? best->cidr->toString() : best->prefixList)
                            + " → ";
    if (best->peering) {
        const Link *p = best->peering;
        hop(s->subnet, via + p->id.str());
        m_result.peerings.push_back(p->id);
        const Id otherId = p->from == vpc->vpc->id ? p->to : p->from;
        const VpcInfo *other = m_t.vpc(otherId);
        if (!other || !other->contains(m_dst.address))
            return stop(StopReason::PeeringTransitivity, s->subnet,
                        "VPC peering " + p->id.str() + " only reaches addresses inside "
                            + otherId.str() + "; it does not forward to "
                            + m_dst.address.addressString()
                            + " (peering is not transitive)");
        return deliverInVpc(*other, s, true);
    }
    const Element *target = best->target;
    hop(s->subnet, via + target->id.str());
    switch (target->kind) {
    case ElementKind::InternetGateway: {
        if (m_dst.kind != Destination::Kind::Internet
            && m_dst.kind != Destination::Kind::GatewayService)
            return stop(StopReason::NoRoute, target,
                        "an internet gateway only reaches the internet, not "
                            + m_dst.address.addressString());
        const bool hasPublic = m_srcPublic || (m_srcIf && m_srcIf->publicIp && m_src == m_srcIf->address);
        if (!hasPublic)
            return stop(StopReason::NoPublicAddress, target,
                        "the source address " + m_src.addressString()
                            + " is private and has no public IP; an internet gateway does not "
                              "translate it (route through a NAT gateway)");
        if (!leave(s))
            return m_result;
        m_result.reachedInternet = true;
        hop(target, "to the internet");
        return deliver(m_dst.element ? m_dst.element : target,
                       "reached " + (m_dst.domain.empty() ? std::string("the internet")
                                                          : m_dst.domain)
                           + " through " + target->id.str());
    }
    case ElementKind::NatGateway: {
        const SubnetInfo *ns = m_t.subnet(target->parent);
        auto ifs = m_t.interfacesOf(target->id);
        if (!ns || ifs.empty())
            return stop(StopReason::NoAddress, target, "the NAT gateway has no address");
        if (!cross(s, ns))
            return m_result;
        m_result.natGateways.push_back(target->id);
        m_src = ifs.front()->address;
        m_srcPublic = str(target->property("connectivity")) == "public";
        hop(target, "translates the source to " + m_src.addressString());
        return fromSubnet(ns);
    }
    case ElementKind::NetworkFirewall: {
        std::vector<const SubnetInfo *> endpoints;
        for (const auto &sid : target->property("subnets"))
            if (const SubnetInfo *si = m_t.subnet(Id(str(sid))))
                endpoints.push_back(si);
        if (endpoints.empty())
            return stop(StopReason::NoAddress, target, "the firewall has no endpoint subnets");
        const SubnetInfo *fs = nullptr;
        if (best->endpointSubnet)
            fs = m_t.subnet(best->endpointSubnet->id);
        if (!fs)
            for (const SubnetInfo *e : endpoints)
                if (e->zone == s->zone)
                    fs = e;
        if (!fs)
            fs = endpoints.front();
        const std::string &origin = m_srcZone.empty() ? s->zone : m_srcZone;
        if (fs->zone != origin)
            m_result.crossedAzToFirewall = true;
        if (!cross(s, fs))
            return m_result;
        m_result.firewalls.push_back(target->id);
        const VpcInfo *fwVpc = fs->vpc ? m_t.vpc(fs->vpc->id) : vpc;
        const auto d = inspectFirewall(*target, fwVpc ? fwVpc->cidrs : vpc->cidrs,
                                       m_originalSrc, m_dst.domain);
        if (!d.allowed)
            return stop(StopReason::FirewallRule, target, d.rule);
        hop(target, "inspects: " + d.rule);
        return fromSubnet(fs);
    }
    case ElementKind::TransitGateway: {
        const Link *attachment = nullptr;
        for (const Link *a : vpc->tgwAttachments)
            if (a->to == target->id)
                attachment = a;
        if (!attachment)
            return stop(StopReason::NoRoute, target,
                        vpc->vpc->id.str() + " is not attached to " + target->id.str());
        if (!leave(s))
            return m_result;
        return intoTransitGateway(target, attachment, s->zone);
    }
    case ElementKind::VpcEndpoint:
        if (m_dst.kind == Destination::Kind::GatewayService) {
            if (!leave(s))
                return m_result;
            m_result.endpoints.push_back(target->id);
            hop(target, "gateway endpoint for " + m_dst.service);
            return deliver(target, "reached " + m_dst.service + " through gateway endpoint "
                                       + target->id.str());
        }
        return stop(StopReason::NoRoute, target, "an endpoint is not a router");
    case ElementKind::Vgw:
        for (const auto &path : m_t.dxPaths())
            if (path.gateway == target)
                return leave(s) ? toPremises(path.association, target) : m_result;
        return stop(StopReason::NoRoute, target, "the virtual private gateway has no Direct "
                                                 "Connect association");
    case ElementKind::Ec2Instance:
    case ElementKind::LoadBalancer: {
        if (target->kind == ElementKind::Ec2Instance
            && target->property("sourceDestCheck").get<bool>())
            return stop(StopReason::NoRoute, target,
                        "the instance's source/destination check drops traffic it does not "
                        "own");
        const SubnetInfo *rs = m_t.subnet(target->parent);
        auto ifs = m_t.interfacesOf(target->id);
        if (!rs && !ifs.empty() && ifs.front()->subnet)
            rs = m_t.subnet(ifs.front()->subnet->id);
        if (!rs)
            return stop(StopReason::NoAddress, target, "the relay has no subnet");
        if (!cross(s, rs))
            return m_result;
        m_result.relays.push_back(target->id);
        hop(target, "relays the packet");
        return fromSubnet(rs);
    }
    default:
        return stop(StopReason::NoRoute, target, "cannot forward through a "
                                                     + Catalogue::instance().info(target->kind).label);
    }
}

PathResult &Tracer::deliverInVpc(const VpcInfo &vpc, const SubnetInfo *from, bool fromGateway)
{
    const SubnetInfo *d = m_t.subnetFor(vpc.vpc->id, m_dst.address);
    if (!d)
        return stop(StopReason::NoAddress, vpc.vpc,
                    "no subnet of " + vpc.vpc->id.str() + " holds " + m_dst.address.addressString());
    const Interface *target = m_t.interfaceAt(vpc.vpc->id, m_dst.address);
    if (!target)
        return stop(StopReason::NoAddress, d->subnet,
                    "nothing in " + d->subnet->id.str() + " has the address "
                        + m_dst.address.addressString());
    if (!cross(fromGateway && from && from->vpc != vpc.vpc ? nullptr : from, d))
        return m_result;
    if (fromGateway && from && from->vpc != vpc.vpc) {
        // Leaving the source subnet was not checked above: do it now.
        const auto out = checkNetworkAcl(from->nacl, false, m_dst.address, m_q.protocol, m_q.port);
        if (!out.allowed)
            return stop(StopReason::NetworkAcl, from->nacl, out.rule);
        m_crossings.push_back({from, false, m_dst.address});
    }
    hop(d->subnet, "local route to " + target->element->id.str());
    const std::vector<const Element *> srcGroups = m_srcIf && m_src == m_srcIf->address
                                                       ? m_srcIf->securityGroups
                                                       : std::vector<const Element *>();
    const auto sg = checkSecurityGroups(target->securityGroups, true, m_src, srcGroups,
                                        m_q.protocol, m_q.port);
    if (!sg.allowed)
        return stop(StopReason::SecurityGroup, target->element, sg.rule);
    if (target->element->kind == ElementKind::VpcEndpoint) {
        m_result.endpoints.push_back(target->element->id);
        return deliver(target->element, "reached " + target->element->id.str()
                                            + (m_dst.service.empty() ? std::string()
                                                                     : " for " + m_dst.service));
    }
    return deliver(target->element, "reached " + target->element->id.str() + " at "
                                        + m_dst.address.addressString());
}

PathResult &Tracer::intoTransitGateway(const Element *tgw, const Link *attachment,
                                       const std::string &zone)
{
    if (++m_steps > 64)
        return stop(StopReason::Loop, tgw, "the packet goes round in a loop");
    const TgwInfo *info = m_t.tgw(tgw->id);
    if (!info)
        return stop(StopReason::BadInput, tgw, "not a Transit Gateway");
    auto assoc = info->associations.find(attachment->id);
    if (assoc == info->associations.end())
        return stop(StopReason::NoRoute, tgw,
                    "attachment " + attachment->id.str() + " is associated with no route table");
    const TgwRouteTable &table = info->tables[assoc->second];
    const TgwRoute *best = nullptr;
    for (const TgwRoute &r : table.routes) {
        if (!r.cidr.contains(m_dst.address))
            continue;
        // Longest prefix; a static route beats a propagated one of the same length.
        if (!best || r.cidr.prefixLength() > best->cidr.prefixLength()
            || (r.cidr.prefixLength() == best->cidr.prefixLength() && best->propagated
                && !r.propagated))
            best = &r;
    }
    if (!best)
        return stop(StopReason::NoRoute, tgw,
                    "route table " + table.name + " has no route to "
                        + m_dst.address.addressString());
    if (best->blackhole)
        return stop(StopReason::Blackhole, tgw,
                    "route table " + table.name + " blackholes " + best->cidr.toString());
    hop(tgw, "route table " + table.name + ": " + best->cidr.toString() + " → "
                 + best->attachment->id.str() + (best->propagated ? " (propagated)" : ""));
    const Link *out = best->attachment;
    if (out->kind == LinkKind::DxAssociation)
        return toPremises(out, tgw);
    const VpcInfo *vpc = m_t.vpc(out->from);
    if (!vpc)
        return stop(StopReason::NoRoute, tgw, "attachment " + out->id.str() + " has no VPC");
    const SubnetInfo *entry = entrySubnet(*vpc, out, zone);
    if (!entry) {
        if (vpc->contains(m_dst.address))
            return deliverInVpc(*vpc, nullptr, true);
        return stop(StopReason::NoRoute, vpc->vpc,
                    "attachment " + out->id.str() + " names no subnets to forward from");
    }
    // Traffic from a Transit Gateway is not checked against the attachment subnet's inbound
    // rules; its outbound rules apply when the packet moves on.
    hop(entry->subnet, "enters " + vpc->vpc->id.str() + " through the attachment");
    return fromSubnet(entry);
}

PathResult &Tracer::toPremises(const Link *association, const Element *gateway)
{
    if (m_dst.kind != Destination::Kind::Premises)
        return stop(StopReason::NoRoute, gateway,
                    m_dst.address.addressString() + " is not on the premises");
    const Element *vif = nullptr;
    const Element *dc = nullptr;
    for (const auto &p : m_t.dxPaths())
        if (p.association == association) {
            vif = p.vif;
            if (p.corporateDc)
                dc = p.corporateDc;
        }
    const bool toTgw = gateway->kind == ElementKind::TransitGateway;
    if (!vif)
        return stop(StopReason::NoVif, gateway,
                    "association " + association->id.str() + " names no virtual interface");
    if (str(vif->property("type")) != (toTgw ? "transit" : "private"))
        return stop(StopReason::NoVif, vif,
                    std::string("a ") + (toTgw ? "Transit Gateway" : "virtual private gateway")
                        + " association needs a " + (toTgw ? "transit" : "private") + " VIF");
    if (!vif->property("availableToProject").get<bool>())
        return stop(StopReason::NoVif, vif,
                    "the virtual interface " + vif->id.str() + " is not available to this "
                                                               "project");
    if (!dc)
        return stop(StopReason::NoRoute, vif,
                    "the virtual interface reaches no corporate data center");
    hop(vif, "Direct Connect to " + dc->id.str());
    return deliver(m_dst.element ? m_dst.element : dc, "reached the premises "
                                                           + m_dst.address.addressString());
}

PathResult &Tracer::fromPremises()
{
    hop(m_srcIf ? m_srcIf->element : m_srcPremises,
        "sends " + m_q.protocol + " " + std::to_string(m_q.port) + " to "
            + (m_dst.domain.empty() ? m_dst.address.addressString() : m_dst.domain));
    if (m_dst.kind == Destination::Kind::Premises)
        return deliver(m_dst.element ? m_dst.element : m_srcPremises, "on the premises");
    if (m_dst.kind == Destination::Kind::Internet || m_dst.kind == Destination::Kind::GatewayService)
        return stop(StopReason::NoRoute, m_srcPremises,
                    "the premises reach the internet outside this design; "
                        + (m_dst.domain.empty() ? std::string("the destination")
                                                : m_dst.domain)
                        + " has no private path");
    std::string lastWhy = "no Direct Connect path from " + m_srcPremises->id.str();
    for (const auto &p : m_t.dxPaths()) {
        if (p.corporateDc != m_srcPremises || !p.gateway)
            continue;
        // The premises learn only the allowed prefixes of the association.
        const auto &allowed = p.association->property("allowedPrefixes");
        bool advertised = allowed.empty();
        for (const auto &a : allowed)
            if (auto c = Cidr::parse(str(a)); c && c->contains(m_dst.address))
                advertised = true;
        if (!advertised) {
            lastWhy = "association " + p.association->id.str() + " does not advertise "
                      + m_dst.address.addressString() + " to the premises (allowed prefixes)";
            continue;
        }
        const bool toTgw = p.gateway->kind == ElementKind::TransitGateway;
        if (!p.vif || str(p.vif->property("type")) != (toTgw ? "transit" : "private")
            || !p.vif->property("availableToProject").get<bool>()) {
            return stop(StopReason::NoVif, p.vif ? p.vif : p.dxGateway,
                        std::string("association ") + p.association->id.str() + " needs a "
                            + (toTgw ? "transit" : "private")
                            + " VIF available to this project");
        }
        hop(p.connection, "Direct Connect");
        hop(p.vif, std::string(toTgw ? "transit" : "private") + " VIF");
        hop(p.dxGateway, "Direct Connect gateway → " + p.gateway->id.str());
        if (toTgw)
            return intoTransitGateway(p.gateway, p.association, std::string());
        for (const auto &vpc : m_t.vpcs())
            for (const Link *a : vpc.vgwAttachments)
                if (a->from == p.gateway->id && vpc.contains(m_dst.address))
                    return deliverInVpc(vpc, nullptr, true);
        lastWhy = p.gateway->id.str() + " is attached to no VPC holding "
                  + m_dst.address.addressString();
    }
    return stop(StopReason::NoRoute, m_srcPremises, lastWhy);
}

PathResult &Tracer::fromInternet()
{
    if (m_dst.kind != Destination::Kind::Host || !m_dst.interface)
        return stop(StopReason::NoRoute, m_dst.element,
                    "the internet has no route to "
                        + (m_dst.element ? m_dst.element->id.str() : m_dst.address.addressString()));
    const Interface *target = m_dst.interface;
    const Element *e = target->element;
    if (e->kind == ElementKind::NatGateway)
        return stop(StopReason::NatDirection, e,
                    "a NAT gateway does not accept connections from the internet");
    if (!target->publicIp)
        return stop(StopReason::NoPublicAddress, e,
                    e->id.str() + " has no public address: nothing on the internet can name it");
    const SubnetInfo *s = target->subnet ? m_t.subnet(target->subnet->id) : nullptr;
    const VpcInfo *vpc = s && s->vpc ? m_t.vpc(s->vpc->id) : nullptr;
    if (!vpc || !vpc->internetGateway)
        return stop(StopReason::NoRoute, e,
                    "the VPC of " + e->id.str() + " has no internet gateway");
    hop(vpc->internetGateway, "maps the public address to " + target->address.addressString());
    m_dst.address = target->address;
    if (!cross(nullptr, s))
        return m_result;
    const auto sg = checkSecurityGroups(target->securityGroups, true, m_src, {}, m_q.protocol,
                                        m_q.port);
    if (!sg.allowed)
        return stop(StopReason::SecurityGroup, e, sg.rule);
    // The reply must leave through the same internet gateway.
    const Route *back = nullptr;
    int length = -1;
    for (const Route &r : s->routes)
        if (r.cidr && r.cidr->contains(m_src) && r.cidr->prefixLength() > length) {
            back = &r;
            length = r.cidr->prefixLength();
        }
    if (!back || back->target != vpc->internetGateway)
        return stop(StopReason::NoRoute, s->subnet,
                    "the reply from " + e->id.str()
                        + " does not go back through the internet gateway (the subnet's route "
                          "table sends it elsewhere)");
    m_result.reachedInternet = true;
    return deliver(e, "reached from the internet");
}

} // namespace

PathEngine::PathEngine(const Topology &topology)
    : m_topology(topology)
{}

PathResult PathEngine::trace(const Query &query) const
{
    const Design &design = m_topology.design();
    const Element *from = query.fromInternet ? nullptr : design.element(query.from);
    std::string service;
    if (query.to.kind == Target::Kind::Service)
        service = serviceName(query.to.value);
    else if (query.to.kind == Target::Kind::Element)
        if (const Element *t = design.element(Id(query.to.value));
            t && t->kind == ElementKind::AwsService)
            service = serviceName(str(t->property("service")));
    if (!from || service.empty() || !m_topology.premisesOf(from->id)) {
        Tracer tracer(m_topology, query);
        return tracer.run();
    }
    // From the premises: the endpoints with private DNS for the service, those of the
    // caller's own account first, each tried until one is reached.
    std::string account;
    if (const Element *user = design.element(Id(str(from->property("user")))))
        if (const Element *a = design.ancestor(user->id, ElementKind::Account))
            account = str(a->property("accountId"));
    std::vector<const Interface *> own, other;
    for (const auto &vpc : m_topology.vpcs())
        for (const Element *e : vpc.endpoints) {
            if (str(e->property("type")) != "interface" || !e->property("privateDns").get<bool>()
                || serviceName(str(e->property("service"))) != service)
                continue;
            auto ifs = m_topology.interfacesOf(e->id);
            if (ifs.empty())
                continue;
            const Element *a = design.ancestor(e->id, ElementKind::Account);
            const bool mine = !account.empty() && a && str(a->property("accountId")) == account;
            (mine ? own : other).push_back(ifs.front());
        }
    own.insert(own.end(), other.begin(), other.end());
    std::optional<PathResult> first;
    for (const Interface *candidate : own) {
        Tracer tracer(m_topology, query);
        tracer.force(candidate);
        PathResult r = tracer.run();
        if (r.delivered)
            return r;
        if (!first)
            first = std::move(r);
    }
    if (first)
        return *first;
    Tracer tracer(m_topology, query);
    return tracer.run();
}

std::string PathEngine::serviceName(const std::string &service)
{
    // "com.amazonaws.ap-northeast-1.ssm" → "ssm"; "ssm" stays.
    if (service.rfind("com.amazonaws.", 0) == 0) {
        const auto last = service.rfind('.');
        return service.substr(last + 1);
    }
    return service;
}

std::string PathEngine::serviceDomain(const std::string &service, const std::string &region)
{
    return serviceName(service) + "." + region + ".amazonaws.com";
}

} // namespace heiiki::model::network
