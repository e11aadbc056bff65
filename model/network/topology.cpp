#include "topology.h"

#include <algorithm>
#include <set>

namespace heiiki::model::network {

namespace {

std::optional<Cidr> cidrProperty(const Element &e, const char *name)
{
    const auto &v = e.property(name);
    if (!v.is_string())
        return std::nullopt;
    return Cidr::parse(v.get_ref<const std::string &>());
}

/// The member \a key of \a object, or null: read in place (Json::value() returns a copy of
/// the whole member, every route of a route table with it).
const heiiki::Json &member(const heiiki::Json &object, const char *key)
{
    static const heiiki::Json none;
    if (!object.is_object())
        return none;
    const auto it = object.find(key);
    return it == object.end() ? none : *it;
}

std::vector<std::string> stringList(const heiiki::Json &v)
{
    std::vector<std::string> out;
    if (v.is_array())
        for (const auto &s : v)
            if (s.is_string())
                out.push_back(s.get<std::string>());
    return out;
}

std::vector<const Element *> refList(const Design &design, const heiiki::Json &v)
{
    std::vector<const Element *> out;
    if (!v.is_array())
        return out;
    out.reserve(v.size());
    for (const auto &s : v)
        if (s.is_string())
            if (const Element *e = design.element(Id(s.get_ref<const std::string &>())))
                out.push_back(e);
    return out;
}

} // namespace

bool DxPath::advertises(const Cidr &address) const
{
    return advertisesAll
           || std::any_of(allowedPrefixes.begin(), allowedPrefixes.end(), [&](const Cidr &c) {
                  return c.contains(address);
              });
}

bool VpcInfo::contains(const Cidr &address) const
{
    return std::any_of(cidrs.begin(), cidrs.end(), [&](const Cidr &c) { return c.contains(address); });
}

size_t Topology::AddressHash::operator()(const AddressKey &k) const
{
    return static_cast<size_t>((k.address[0] * 0x9e3779b97f4a7c15ULL) ^ k.address[1]
                               ^ (static_cast<uint64_t>(reinterpret_cast<uintptr_t>(k.vpc)) << 7));
}

Topology::~Topology() = default;

Topology::Topology(const Design &design)
    : m_design(design)
    , m_ownKinds(std::make_unique<KindIndex>(design))
    , m_kinds(*m_ownKinds)
{
    build();
}

Topology::Topology(const Design &design, const KindIndex &kinds)
    : m_design(design)
    , m_kinds(kinds)
{
    build();
}

void Topology::build()
{
    const Design &design = m_design;
    // VPCs.
    for (const Element *e : m_kinds(ElementKind::Vpc)) {
        VpcInfo info;
        info.vpc = e;
        for (const auto &c : stringList(e->property("cidrs")))
            if (auto cidr = Cidr::parse(c))
                info.cidrs.push_back(*cidr);
        info.region = design.regionOf(e->id);
        m_vpcByElement.tryEmplace(e, m_vpcs.size());
        m_vpcs.push_back(std::move(info));
    }
    // The VPC and the corporate DC each element lives in: the nearest ancestors of those
    // kinds, found once per element by walking up to the first element already placed.
    m_places.reserve(design.elements().size());
    m_addressIndex.reserve(design.elements().size());
    std::vector<const Element *> chain;
    for (const auto &e : design.elements()) {
        chain.clear();
        Place place;
        const Element *walk = e.get();
        while (walk && chain.size() < 256) {
            if (const Place *found = m_places.find(walk)) {
                place.vpc = found->vpc;
                place.premises = found->premises;
                place.vpcInfo = found->vpcInfo;
                break;
            }
            chain.push_back(walk);
            walk = walk->parent.isNull() ? nullptr : design.element(walk->parent);
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            if ((*it)->kind == ElementKind::Vpc) {
                place.vpc = *it;
                place.vpcInfo = &m_vpcs[*m_vpcByElement.find(*it)];
            } else if ((*it)->kind == ElementKind::CorporateDc)
                place.premises = *it;
            m_places.tryEmplace(*it, place);
        }
    }
    auto vpcInfoOf = [&](const Element *e) -> VpcInfo * {
        return const_cast<VpcInfo *>(this->vpcInfoOf(e));
    };

    // Subnets.
    for (const Element *e : m_kinds(ElementKind::Subnet)) {
        SubnetInfo info;
        info.subnet = e;
        info.vpc = vpcOf(e);
        if (const Element *az = design.ancestor(e->id, ElementKind::AvailabilityZone)) {
            const auto &zone = az->property("zone");
            info.zone = zone.is_string() ? zone.get<std::string>() : az->id.str();
        }
        info.cidr = cidrProperty(*e, "cidr");
        const auto &routes = e->property("routes");
        if (routes.is_array()) {
            for (size_t i = 0; i < routes.size(); ++i) {
                const auto &row = routes[i];
                Route route;
                route.row = static_cast<int>(i);
                const std::string dest = row.value("destination", "");
                if (dest.rfind("pl-", 0) == 0)
                    route.prefixList = dest;
                else
                    route.cidr = Cidr::parse(dest);
                const std::string target = row.value("target", "");
                route.target = design.element(Id(target));
                if (!route.target)
                    route.peering = design.link(Id(target));
                if (row.contains("endpoint") && row["endpoint"].is_string())
                    route.endpointSubnet = design.element(Id(row["endpoint"].get<std::string>()));
                if ((route.cidr || !route.prefixList.empty()) && (route.target || route.peering))
                    info.routes.push_back(route);
            }
        }
        if (VpcInfo *vpc = vpcInfoOf(e))
            vpc->subnets.push_back(e);
        m_subnetByElement.tryEmplace(e, m_subnets.size());
        m_subnets.push_back(std::move(info));
    }

    // Per-VPC gateways, NACLs, and interfaces with explicit addresses first.
    std::vector<const Element *> pending;
    for (const auto &e : design.elements()) {
        VpcInfo *vpc = vpcInfoOf(e.get());
        switch (e->kind) {
        case ElementKind::InternetGateway:
            if (vpc)
                vpc->internetGateway = e.get();
            break;
        case ElementKind::NatGateway:
            if (vpc)
                vpc->natGateways.push_back(e.get());
            pending.push_back(e.get());
            break;
        case ElementKind::VpcEndpoint:
            if (vpc)
                vpc->endpoints.push_back(e.get());
            pending.push_back(e.get());
            break;
        case ElementKind::NetworkFirewall:
            if (vpc)
                vpc->firewalls.push_back(e.get());
            pending.push_back(e.get());
            break;
        case ElementKind::NetworkAcl:
            for (const Element *s : refList(design, e->property("subnets")))
                if (const size_t *i = m_subnetByElement.find(s))
                    m_subnets[*i].nacl = e.get();
            break;
        case ElementKind::SecurityGroup:
            m_groupIndex.tryEmplace(e.get(), m_groups.size());
            m_groups.push_back(SecurityGroupRules::compile(design, *e));
            break;
        case ElementKind::Ec2Instance: {
            const Element *subnet = design.element(e->parent);
            if (const auto &ip = e->property("privateIp"); ip.is_string())
                addInterface(e.get(), subnet, Cidr::parseAddress(ip.get_ref<const std::string &>()),
                             e->property("publicIp").get<bool>(),
                             refList(design, e->property("securityGroups")));
            else
                pending.push_back(e.get());
            break;
        }
        case ElementKind::LoadBalancer:
        case ElementKind::Operator:
            pending.push_back(e.get());
            break;
        case ElementKind::Route53Phz:
            m_hostedZones.push_back(e.get());
            break;
        case ElementKind::CorporateDc:
            for (const auto &c : stringList(e->property("cidrs")))
                if (auto cidr = Cidr::parse(c))
                    m_premises.emplace_back(e.get(), *cidr);
            break;
        default:
            break;
        }
    }
    // Interfaces without a stated address get the next free one in their subnet.
    std::unordered_map<const Element *, uint64_t> nextOffset;
    auto place = [&](const Element *e, const Element *subnet, bool publicIp,
                     std::vector<const Element *> groups) {
        std::optional<Cidr> base;
        if (subnet && subnet->kind == ElementKind::Subnet)
            base = cidrProperty(*subnet, "cidr");
        std::optional<Cidr> address;
        if (base) {
            uint64_t &offset = nextOffset.try_emplace(subnet, 4).first->second;
            const Element *vpc = vpcOf(subnet);
            for (; !address; ++offset) {
                auto candidate = base->host(offset);
                if (!candidate)
                    break;
                if (!m_addressIndex.find({vpc, candidate->first()}))
                    address = candidate;
            }
        }
        addInterface(e, subnet, address, publicIp, std::move(groups));
    };
    for (const Element *e : pending) {
        switch (e->kind) {
        case ElementKind::Ec2Instance:
            place(e, design.element(e->parent), e->property("publicIp").get<bool>(),
                  refList(design, e->property("securityGroups")));
            break;
        case ElementKind::NatGateway:
            place(e, design.element(e->parent),
                  e->property("connectivity") == "public", {});
            break;
        case ElementKind::VpcEndpoint:
        case ElementKind::LoadBalancer:
        case ElementKind::NetworkFirewall: {
            if (e->kind == ElementKind::VpcEndpoint && e->property("type") == "gateway")
                break;
            auto subnets = refList(design, e->property("subnets"));
            const Element *parent = design.element(e->parent);
            if (subnets.empty() && parent && parent->kind == ElementKind::Subnet)
                subnets.push_back(parent);
            const bool isPublic = e->kind == ElementKind::LoadBalancer
                                  && e->property("scheme") == "internet-facing";
            auto groups = e->kind == ElementKind::NetworkFirewall
                              ? std::vector<const Element *>()
                              : refList(design, e->property("securityGroups"));
            for (const Element *s : subnets)
                place(e, s, isPublic, groups);
            break;
        }
        case ElementKind::Operator: {
            const Element *dc = premisesOf(e);
            std::optional<Cidr> address;
            for (const auto &[owner, cidr] : m_premises)
                if (owner == dc) {
                    // The k-th element with interfaces so far names the host.
                    const uint64_t k = m_elementsWithInterfaces + 10;
                    address = cidr.host(k).value_or(cidr.host(1).value_or(cidr));
                    break;
                }
            addInterface(e, nullptr, address, false, {});
            break;
        }
        default:
            break;
        }
    }

    // Links.
    auto vpcInfo = [&](const Id &id) { return const_cast<VpcInfo *>(vpc(id)); };
    for (const auto &l : design.links()) {
        switch (l->kind) {
        case LinkKind::TgwAttachment:
            if (VpcInfo *vpc = vpcInfo(l->from))
                vpc->tgwAttachments.push_back(l.get());
            break;
        case LinkKind::VpcPeering:
            for (const Id &end : {l->from, l->to})
                if (VpcInfo *vpc = vpcInfo(end))
                    vpc->peerings.push_back(l.get());
            break;
        case LinkKind::PrivateLink:
            if (const Element *service = design.element(l->to))
                m_privateLinks.emplace(l->from, service);
            break;
        case LinkKind::VgwAttachment:
            if (VpcInfo *vpc = vpcInfo(l->to))
                vpc->vgwAttachments.push_back(l.get());
            break;
        default:
            break;
        }
    }

    // Direct Connect paths: corporate DC → connection → VIF → DX gateway → TGW / VGW.
    for (const auto &assoc : design.links()) {
        if (assoc->kind != LinkKind::DxAssociation)
            continue;
        const Element *vif = nullptr;
        if (const auto &v = assoc->property("vif"); v.is_string())
            vif = design.element(Id(v.get<std::string>()));
        DxPath path;
        path.vif = vif;
        path.dxGateway = design.element(assoc->from);
        path.association = assoc.get();
        path.gateway = design.element(assoc->to);
        const auto &allowed = assoc->property("allowedPrefixes");
        path.advertisesAll = allowed.empty();
        for (const auto &prefix : allowed)
            if (prefix.is_string())
                if (auto cidr = Cidr::parse(prefix.get_ref<const std::string &>()))
                    path.allowedPrefixes.push_back(*cidr);
        std::vector<const Element *> connections;
        for (const auto &l : design.links())
            if (l->kind == LinkKind::VifOn && vif && l->from == vif->id)
                if (const Element *c = design.element(l->to))
                    connections.push_back(c);
        bool any = false;
        for (const Element *connection : connections)
            for (const auto &l : design.links())
                if (l->kind == LinkKind::DxLink && l->to == connection->id)
                    if (const Element *dc = design.element(l->from)) {
                        m_dxPaths.push_back(path);
                        m_dxPaths.back().corporateDc = dc;
                        m_dxPaths.back().connection = connection;
                        any = true;
                    }
        if (!any)
            m_dxPaths.push_back(std::move(path));
    }

    // Route propagation: a subnet whose route table takes the routes of its VPC's virtual
    // private gateway gets one route per network of the corporate DCs that the gateway
    // reaches over Direct Connect. A static route to the same network wins, and so does the
    // local route over a network inside the VPC's own CIDRs.
    for (SubnetInfo &s : m_subnets) {
        const VpcInfo *vpc = vpcInfoOf(s.subnet);
        if (!vpc || vpc->vgwAttachments.empty()
            || !s.subnet->property("vgwRoutePropagation").get<bool>())
            continue;
        for (const Link *attachment : vpc->vgwAttachments)
            for (const DxPath &path : m_dxPaths) {
                if (!path.corporateDc || !path.gateway || path.gateway->id != attachment->from)
                    continue;
                for (const auto &[dc, cidr] : m_premises) {
                    if (dc != path.corporateDc)
                        continue;
                    const auto same = [&cidr](const Route &r) { return r.cidr == cidr; };
                    const auto holds = [&cidr](const Cidr &c) { return c.contains(cidr); };
                    if (std::none_of(s.routes.begin(), s.routes.end(), same)
                        && std::none_of(vpc->cidrs.begin(), vpc->cidrs.end(), holds)) {
                        Route route;
                        route.cidr = cidr;
                        route.target = path.gateway;
                        route.row = -1;
                        route.propagated = true;
                        s.routes.push_back(route);
                    }
                }
            }
    }

    // Transit Gateways: route tables with static and propagated routes.
    for (const Element *e : m_kinds(ElementKind::TransitGateway)) {
        TgwInfo info;
        info.tgw = e;
        const auto &tables = e->property("routeTables");
        for (size_t t = 0; tables.is_array() && t < tables.size(); ++t) {
            const auto &table = tables[t];
            TgwRouteTable rt;
            rt.name = table.value("name", "");
            rt.index = static_cast<int>(t);
            for (const auto &a : stringList(member(table, "associations"))) {
                if (const Link *link = design.link(Id(a)))
                    info.associationTables.emplace(link, rt.index);
                info.associations.emplace(Id(a), rt.index);
            }
            const auto &routes = member(table, "routes");
            for (size_t r = 0; routes.is_array() && r < routes.size(); ++r) {
                auto cidr = Cidr::parse(routes[r].value("destination", ""));
                if (!cidr)
                    continue;
                TgwRoute route;
                route.cidr = *cidr;
                route.blackhole = routes[r].value("blackhole", false);
                route.row = static_cast<int>(r);
                if (auto a = routes[r].find("attachment"); a != routes[r].end() && a->is_string())
                    route.attachment = design.link(Id(a->get<std::string>()));
                if (route.attachment || route.blackhole)
                    rt.routes.push_back(route);
            }
            for (const auto &p : stringList(member(table, "propagations"))) {
                const Link *attachment = design.link(Id(p));
                if (!attachment)
                    continue;
                if (attachment->kind == LinkKind::TgwAttachment) {
                    if (const VpcInfo *vpc = this->vpc(attachment->from))
                        for (const auto &c : vpc->cidrs)
                            rt.routes.push_back({c, attachment, false, true, -1, nullptr});
                } else if (attachment->kind == LinkKind::DxAssociation) {
                    std::set<const Element *> dcs;
                    for (const auto &path : m_dxPaths)
                        if (path.association == attachment && path.corporateDc)
                            dcs.insert(path.corporateDc);
                    for (const auto &[dc, cidr] : m_premises)
                        if (dcs.count(dc))
                            rt.routes.push_back({cidr, attachment, false, true, -1, nullptr});
                }
            }
            for (TgwRoute &route : rt.routes)
                if (route.attachment)
                    route.attachmentVpc = vpc(route.attachment->from);
            info.tables.push_back(std::move(rt));
        }
        m_tgwByElement.tryEmplace(e, m_tgws.size());
        m_tgws.push_back(std::move(info));
    }

    resolve();
}

void Topology::addInterface(const Element *element, const Element *subnet,
                            std::optional<Cidr> address, bool publicIp,
                            std::vector<const Element *> groups)
{
    if (!address)
        return;
    const int index = static_cast<int>(m_interfaces.size());
    m_interfaces.push_back(
        {element, subnet, *address, publicIp, std::move(groups), nullptr, {}});
    // Each element is placed once, so its interfaces follow one another.
    Place *place = m_places.tryEmplace(element, Place{}).first;
    if (place->interfaces.count++ == 0) {
        place->interfaces.start = static_cast<uint32_t>(index);
        ++m_elementsWithInterfaces;
    }
    if (subnet) {
        if (const size_t *i = m_subnetByElement.find(subnet))
            m_subnets[*i].interfaces.push_back(index);
        if (const Element *vpc = vpcOf(subnet))
            m_addressIndex.tryEmplace(AddressKey{vpc, address->first()}, index);
    }
}

const TgwRouteTable *TgwInfo::tableOf(const Link *attachment) const
{
    auto it = associationTables.find(attachment);
    return it == associationTables.end() ? nullptr : &tables[static_cast<size_t>(it->second)];
}

const TgwInfo *Topology::tgw(const Element *tgw) const
{
    const size_t *i = m_tgwByElement.find(tgw);
    return i ? &m_tgws[*i] : nullptr;
}

const VpcInfo *Topology::vpcInfoOf(const Element *element) const
{
    const Place *place = m_places.find(element);
    return place ? place->vpcInfo : nullptr;
}

int Topology::sourceClass(const Element *element) const
{
    const Place *place = m_places.find(element);
    return place ? place->sourceClass : -1;
}

const SubnetInfo *Topology::subnet(const Id &id) const
{
    const size_t *i = m_subnetByElement.find(m_design.element(id));
    return i ? &m_subnets[*i] : nullptr;
}

const VpcInfo *Topology::vpc(const Id &id) const
{
    const size_t *i = m_vpcByElement.find(m_design.element(id));
    return i ? &m_vpcs[*i] : nullptr;
}

const TgwInfo *Topology::tgw(const Id &id) const
{
    return tgw(m_design.element(id));
}

std::vector<const Interface *> Topology::interfacesOf(const Id &element) const
{
    const auto span = interfacesOf(m_design.element(element));
    return {span.begin(), span.end()};
}

std::span<const Interface *const> Topology::interfacesOf(const Element *element) const
{
    const Place *place = m_places.find(element);
    if (!place || place->interfaces.count == 0)
        return {};
    return {m_interfacePointers.data() + place->interfaces.start, place->interfaces.count};
}

const Interface *Topology::interfaceAt(const Id &vpc, const Cidr &address) const
{
    return interfaceAt(m_design.element(vpc), address);
}

const Interface *Topology::interfaceAt(const Element *vpc, const Cidr &address) const
{
    const int *i = m_addressIndex.find({vpc, address.first()});
    return i ? &m_interfaces[static_cast<size_t>(*i)] : nullptr;
}

const SubnetInfo *Topology::subnetFor(const Id &vpcId, const Cidr &address) const
{
    const VpcInfo *info = vpc(vpcId);
    return info ? subnetFor(*info, address) : nullptr;
}

const SubnetInfo *Topology::subnetFor(const VpcInfo &vpc, const Cidr &address) const
{
    const SubnetInfo *best = nullptr;
    for (const SubnetInfo *si : vpc.subnetInfos)
        if (si->cidr && si->cidr->contains(address)
            && (!best || si->cidr->prefixLength() > best->cidr->prefixLength()))
            best = si;
    return best;
}

const Element *Topology::privateLinkServiceOf(const Id &endpoint) const
{
    auto it = m_privateLinks.find(endpoint);
    return it == m_privateLinks.end() ? nullptr : it->second;
}

const Element *Topology::vpcOf(const Id &element) const
{
    return vpcOf(m_design.element(element));
}

const Element *Topology::vpcOf(const Element *element) const
{
    const Place *place = m_places.find(element);
    return place ? place->vpc : nullptr;
}

const Element *Topology::premisesOf(const Id &element) const
{
    return premisesOf(m_design.element(element));
}

const Element *Topology::premisesOf(const Element *element) const
{
    const Place *place = m_places.find(element);
    return place ? place->premises : nullptr;
}

const EndpointInfo *Topology::endpoint(const Element *element) const
{
    const size_t *i = m_endpointIndex.find(element);
    return i ? &m_endpoints[*i] : nullptr;
}

const std::vector<const EndpointInfo *> &Topology::privateDnsEndpoints(
    const std::string &service) const
{
    static const std::vector<const EndpointInfo *> none;
    auto it = m_privateDnsEndpoints.find(service);
    return it == m_privateDnsEndpoints.end() ? none : it->second;
}

const std::vector<const SubnetInfo *> &Topology::attachmentSubnets(const Link *attachment) const
{
    static const std::vector<const SubnetInfo *> none;
    auto it = m_attachmentSubnets.find(attachment);
    return it == m_attachmentSubnets.end() ? none : it->second;
}

const FirewallInfo *Topology::firewall(const Element *element) const
{
    const size_t *i = m_firewallIndex.find(element);
    return i ? &m_firewalls[*i] : nullptr;
}

} // namespace heiiki::model::network
