// How a trace finds its two ends: the source's address, and what the destination (an
// element, an address, a DNS name or an AWS service) resolves to from there.
#include "tracer.h"

#include "../core/text.h"

#include <algorithm>

namespace heiiki::model::network {

namespace {

const Cidr kInternetClient = *Cidr::parseAddress("198.51.100.10");
const Cidr kInternetServer = *Cidr::parseAddress("203.0.113.10");

std::string str(const heiiki::Json &v)
{
    return v.is_string() ? v.get<std::string>() : std::string();
}

} // namespace

bool Tracer::resolveSource()
{
    if (m_fromInternet) {
        m_src = m_originalSrc = kInternetClient;
        m_srcPublic = true;
        return true;
    }
    const Element *from = m_from;
    if (!from) {
        stop(StopReason::BadInput, nullptr, [&] {
            return "\"" + m_q.from.str() + "\" is not an element of the design";
        });
        return false;
    }
    if (from->kind == ElementKind::Saas || from->kind == ElementKind::ThirdPartyHub) {
        // A service on the internet opening a connection inwards.
        hop(from, [] { return std::string("on the internet"); });
        m_src = m_originalSrc = kInternetClient;
        m_srcPublic = true;
        m_fromInternet = true;
        return true;
    }
    const auto ifs = m_t.interfacesOf(from);
    if (const Element *dc = m_t.premisesOf(from)) {
        m_srcPremises = dc;
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
                stop(StopReason::BadInput, dc, [] {
                    return std::string("the corporate data center has no networks (cidrs)");
                });
                return false;
            }
        }
        m_originalSrc = m_src;
        return true;
    }
    if (ifs.empty()) {
        stop(StopReason::BadInput, from, [] {
            return std::string("the source has no address in a subnet (check its subnet's "
                               "CIDR)");
        });
        return false;
    }
    m_srcIf = ifs.front();
    m_src = m_originalSrc = m_srcIf->address;
    m_srcPublic = false;
    m_srcVpc = m_t.vpcInfoOf(from);
    if (m_srcIf->subnetInfo)
        m_srcZone = m_srcIf->subnetInfo->zone;
    return true;
}

void Tracer::aimAtInterface(const Interface *i, Resolution how, const std::string &text)
{
    m_dst.kind = Destination::Kind::Host;
    m_dst.interface = i;
    m_dst.address = i->address;
    m_dst.element = i->element;
    m_result.resolution = how;
    if (m_full)
        m_result.resolvedAs = text;
}

const Interface *Tracer::nearestInterface(std::span<const Interface *const> ifs) const
{
    if (ifs.empty())
        return nullptr;
    // Prefer the interface in the source's zone.
    if (m_srcIf && m_srcIf->subnetInfo)
        for (const Interface *i : ifs)
            if (i->subnetInfo && i->subnetInfo->zone == m_srcIf->subnetInfo->zone)
                return i;
    return ifs.front();
}

bool Tracer::resolveService(const std::string &rawService)
{
    const std::string service = PathEngine::serviceName(rawService);
    std::string premisesRegion;
    if (!m_srcVpc && m_srcPremises)
        premisesRegion = m_t.design().regionOf(m_srcPremises->id);
    const std::string &region = m_srcVpc ? m_srcVpc->region : premisesRegion;
    m_dst.domain = PathEngine::serviceDomain(service, region.empty() ? "ap-northeast-1" : region);
    m_dst.service = service;
    auto text = [&](const std::string &prefix, const Element *e) {
        return m_full ? prefix + e->id.str() : std::string();
    };
    if (m_srcVpc) {
        for (const EndpointInfo *e : m_srcVpc->endpointInfos)
            if (e->privateDns && e->service == service && e->type == "interface")
                if (const Interface *i = nearestInterface(e->interfaces)) {
                    aimAtInterface(i, Resolution::InterfaceEndpoint,
                                   text("private DNS of interface endpoint ", e->endpoint));
                    return true;
                }
        // A private hosted zone for the service's name, associated with this VPC.
        const std::string name = m_t.hostedZoneInfos().empty() ? std::string()
                                                                : asciiLower(m_dst.domain);
        for (const HostedZoneInfo &z : m_t.hostedZoneInfos()) {
            if (!z.names.matches(name))
                continue;
            const bool associated = std::find(z.vpcs.begin(), z.vpcs.end(), m_srcVpc->vpc)
                                    != z.vpcs.end();
            if (associated && z.target)
                if (const Interface *i = nearestInterface(m_t.interfacesOf(z.target))) {
                    aimAtInterface(i, Resolution::HostedZone,
                                   m_full ? "private hosted zone " + z.zone->id.str() + " → "
                                                + z.target->id.str()
                                          : std::string());
                    return true;
                }
        }
        for (const EndpointInfo *e : m_srcVpc->endpointInfos)
            if (e->service == service && e->type == "gateway") {
                m_dst.kind = Destination::Kind::GatewayService;
                m_dst.address = kInternetServer;
                m_dst.element = e->endpoint;
                m_result.resolution = Resolution::GatewayEndpoint;
                if (m_full)
                    m_result.resolvedAs = "public name " + m_dst.domain + " (gateway endpoint "
                                          + e->endpoint->id.str() + " in the VPC)";
                return true;
            }
    } else if (m_srcPremises) {
        // Premises resolve endpoint names through their account's VPCs: PathEngine::trace
        // aims the call at each interface endpoint with private DNS of the caller's account
        // (of any account when the caller's is not known) in turn and keeps one that is
        // reached; with none, the name is public.
        if (m_forced) {
            aimAtInterface(m_forced, Resolution::InterfaceEndpoint,
                           text("private DNS of interface endpoint ", m_forced->element));
            return true;
        }
    }
    m_dst.kind = Destination::Kind::Internet;
    m_dst.address = kInternetServer;
    m_result.resolution = Resolution::PublicName;
    if (m_full)
        m_result.resolvedAs = "public name " + m_dst.domain + " (no VPC endpoint in reach)";
    return true;
}

bool Tracer::resolveDomain(const std::string &domain)
{
    m_dst.domain = domain;
    if (m_srcVpc) {
        const std::string lowered = asciiLower(domain);
        // PrivateLink endpoints with private DNS for an endpoint service that owns the name.
        for (const EndpointInfo *e : m_srcVpc->endpointInfos) {
            if (e->type != "interface" || !e->privateDns || !e->privateLinkService)
                continue;
            const bool owns = std::any_of(e->serviceDomains.begin(), e->serviceDomains.end(),
                                          [&](const DomainPattern &d) { return d.matches(lowered); });
            if (owns && !e->interfaces.empty()) {
                aimAtInterface(e->interfaces.front(), Resolution::PrivateLinkEndpoint,
                               m_full ? "private DNS of PrivateLink endpoint "
                                            + e->endpoint->id.str() + " for "
                                            + e->privateLinkService->id.str()
                                      : std::string());
                return true;
            }
        }
        for (const HostedZoneInfo &z : m_t.hostedZoneInfos()) {
            if (!z.names.matches(lowered))
                continue;
            const bool associated = std::find(z.vpcs.begin(), z.vpcs.end(), m_srcVpc->vpc)
                                    != z.vpcs.end();
            if (associated && z.target) {
                const auto ifs = m_t.interfacesOf(z.target);
                if (!ifs.empty()) {
                    aimAtInterface(ifs.front(), Resolution::HostedZone,
                                   m_full ? "private hosted zone " + z.zone->id.str()
                                          : std::string());
                    return true;
                }
            }
        }
    }
    m_dst.kind = Destination::Kind::Internet;
    m_dst.address = kInternetServer;
    m_result.resolution = Resolution::PublicName;
    if (m_full)
        m_result.resolvedAs = "public DNS: " + domain + " is on the internet";
    return true;
}

bool Tracer::resolveDestination()
{
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
            stop(StopReason::BadInput, nullptr, [&] {
                return "\"" + m_q.to.value + "\" is not a CIDR or address";
            });
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
                m_dst.interface = m_t.interfaceAt(vpc.vpc, m_dst.address);
                m_dst.element = m_dst.interface ? m_dst.interface->element : vpc.vpc;
                return true;
            }
        m_dst.kind = Destination::Kind::Internet;
        return true;
    }
    case Target::Kind::Element:
        break;
    }
    const Element *to = m_to;
    if (!to) {
        stop(StopReason::BadInput, nullptr, [&] {
            return "\"" + m_q.to.value + "\" is not an element of the design";
        });
        return false;
    }
    m_dst.element = to;
    switch (to->kind) {
    case ElementKind::Saas:
    case ElementKind::ThirdPartyHub: {
        const auto &domains = to->property("domains");
        if (domains.empty()) {
            stop(StopReason::BadInput, to,
                 [] { return std::string("the service names no domain"); });
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
        const Element *dc = m_t.premisesOf(to);
        m_dst.kind = Destination::Kind::Premises;
        const auto ifs = m_t.interfacesOf(to);
        if (!ifs.empty()) {
            m_dst.address = ifs.front()->address;
            return true;
        }
        for (const auto &[owner, cidr] : m_t.premises())
            if (owner == dc) {
                m_dst.address = cidr.host(10).value_or(cidr);
                return true;
            }
        stop(StopReason::BadInput, to, [] {
            return std::string("the corporate data center has no networks (cidrs)");
        });
        return false;
    }
    case ElementKind::VpcEndpoint:
        if (str(to->property("type")) == "gateway")
            return resolveService(str(to->property("service")));
        [[fallthrough]];
    default: {
        const auto ifs = m_t.interfacesOf(to);
        if (ifs.empty()) {
            stop(StopReason::BadInput, to, [] {
                return std::string("the destination has no address (is it in a subnet with a "
                                   "CIDR?)");
            });
            return false;
        }
        const Interface *pick = ifs.front();
        if (m_srcIf && m_srcIf->subnetInfo)
            for (const Interface *i : ifs)
                if (i->subnetInfo && i->subnetInfo->zone == m_srcIf->subnetInfo->zone)
                    pick = i;
        aimAtInterface(pick, Resolution::Direct,
                       m_full ? to->id.str() + " at " + pick->address.addressString()
                              : std::string());
        return true;
    }
    }
}

} // namespace heiiki::model::network
