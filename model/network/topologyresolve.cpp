// The second pass of building a Topology: pointers between its parts, and the filters,
// endpoints, attachments and hosted zones compiled once for the reachability engine.
#include "topology.h"

#include "pathengine.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace heiiki::model::network {

namespace {

std::string str(const heiiki::Json &v)
{
    return v.is_string() ? v.get<std::string>() : std::string();
}

} // namespace

void Topology::resolve()
{
    // Everything below points into vectors that no longer grow.
    for (Interface &i : m_interfaces) {
        if (i.subnet)
            if (const size_t *index = m_subnetByElement.find(i.subnet))
                i.subnetInfo = &m_subnets[*index];
        for (const Element *g : i.securityGroups)
            if (const size_t *index = m_groupIndex.find(g))
                i.groupRules.push_back(&m_groups[*index]);
    }
    m_interfacePointers.reserve(m_interfaces.size());
    for (const Interface &i : m_interfaces)
        m_interfacePointers.push_back(&i);

    // Network ACLs, once per ACL.
    std::unordered_map<const Element *, size_t> aclIndex;
    for (const SubnetInfo &s : m_subnets)
        if (s.nacl && aclIndex.emplace(s.nacl, m_acls.size()).second)
            m_acls.push_back(AclRules::compile(*s.nacl));

    // Network Firewalls: those of the VPCs in VPC order, then any other.
    const auto compileFirewall = [this](const Element *f) {
        if (m_firewallIndex.find(f))
            return;
        FirewallInfo info{FirewallRules::compile(*f), {}};
        for (const auto &sid : f->property("subnets"))
            if (const SubnetInfo *si = subnet(Id(str(sid))))
                info.endpoints.push_back(si);
        m_firewallIndex.tryEmplace(f, m_firewalls.size());
        m_firewalls.push_back(std::move(info));
    };
    for (const VpcInfo &vpc : m_vpcs)
        for (const Element *f : vpc.firewalls)
            compileFirewall(f);
    for (const Element *f : m_kinds(ElementKind::NetworkFirewall))
        compileFirewall(f);

    // VPC endpoints.
    for (const Element *e : m_kinds(ElementKind::VpcEndpoint)) {
        EndpointInfo info;
        info.endpoint = e;
        info.type = str(e->property("type"));
        info.service = PathEngine::serviceName(str(e->property("service")));
        const auto &privateDns = e->property("privateDns");
        info.privateDns = privateDns.is_boolean() && privateDns.get<bool>();
        info.privateLinkService = privateLinkServiceOf(e->id);
        if (info.privateLinkService)
            for (const auto &d : info.privateLinkService->property("domains"))
                info.serviceDomains.push_back(DomainPattern::compile(str(d)));
        const auto ifs = interfacesOf(e);
        info.interfaces.assign(ifs.begin(), ifs.end());
        m_endpointIndex.tryEmplace(e, m_endpoints.size());
        m_endpoints.push_back(std::move(info));
    }
    for (VpcInfo &vpc : m_vpcs) {
        for (const Element *s : vpc.subnets)
            vpc.subnetInfos.push_back(&m_subnets[*m_subnetByElement.find(s)]);
        for (const Element *e : vpc.endpoints) {
            const EndpointInfo *info = &m_endpoints[*m_endpointIndex.find(e)];
            vpc.endpointInfos.push_back(info);
            if (info->type == "interface" && info->privateDns && !info->interfaces.empty())
                m_privateDnsEndpoints[info->service].push_back(info);
        }
    }

    // Subnets and their routes.
    for (SubnetInfo &s : m_subnets) {
        if (s.vpc)
            if (const size_t *index = m_vpcByElement.find(s.vpc))
                s.vpcInfo = &m_vpcs[*index];
        if (s.nacl)
            s.acl = &m_acls[aclIndex.at(s.nacl)];
        for (Route &r : s.routes) {
            if (r.endpointSubnet)
                if (const size_t *index = m_subnetByElement.find(r.endpointSubnet))
                    r.endpointSubnetInfo = &m_subnets[*index];
            if (!r.target)
                continue;
            if (r.target->kind == ElementKind::VpcEndpoint)
                r.service = PathEngine::serviceName(str(r.target->property("service")));
            if (const size_t *index = m_subnetByElement.find(m_design.element(r.target->parent)))
                r.targetSubnet = &m_subnets[*index];
            if (const auto ifs = interfacesOf(r.target); !ifs.empty())
                r.targetInterface = ifs.front();
        }
    }

    // Transit Gateway attachments and route tables.
    for (const auto &l : m_design.links()) {
        const auto &subnets = l->property("subnets");
        if (!subnets.is_array() || subnets.empty())
            continue;
        auto &list = m_attachmentSubnets[l.get()];
        for (const auto &s : subnets)
            if (const SubnetInfo *si = subnet(Id(str(s))))
                list.push_back(si);
    }
    for (TgwInfo &tgw : m_tgws)
        for (TgwRouteTable &table : tgw.tables)
            table.buildIndex();

    // Private hosted zones.
    for (const Element *z : m_hostedZones) {
        HostedZoneInfo info;
        info.zone = z;
        info.names = DomainPattern::compile("." + str(z->property("domain")));
        for (const auto &v : z->property("vpcs"))
            if (const Element *vpc = m_design.element(Id(str(v))))
                info.vpcs.push_back(vpc);
        info.target = m_design.element(Id(str(z->property("target"))));
        m_zoneInfos.push_back(std::move(info));
    }

    buildSourceClasses();
}

void Topology::buildSourceClasses()
{
    // Every network that a route, a filter or a resolution tests an address against, and
    // the addresses the engine gives the internet's ends (tracerresolve.cpp). A default route
    // lies inside no subnet and is left out.
    struct Cut
    {
        Cidr::Family family;
        std::array<uint64_t, 2> first;
        int prefix;
        bool operator<(const Cut &o) const
        {
            if (family != o.family)
                return family < o.family;
            if (first[0] != o.first[0])
                return first[0] < o.first[0];
            if (first[1] != o.first[1])
                return first[1] < o.first[1];
            return prefix < o.prefix;
        }
        bool operator==(const Cut &o) const
        {
            return family == o.family && first[0] == o.first[0] && first[1] == o.first[1]
                   && prefix == o.prefix;
        }
    };
    std::vector<Cut> cuts;
    auto add = [&cuts](const std::optional<Cidr> &c) {
        if (c && c->prefixLength() > 0)
            cuts.push_back({c->family(), c->first(), c->prefixLength()});
    };
    auto addAll = [&add](const std::vector<Cidr> &list) {
        for (const Cidr &c : list)
            add(c);
    };
    for (const char *internet : {"198.51.100.10", "203.0.113.10"})
        add(Cidr::parseAddress(internet));
    for (const SecurityGroupRules &g : m_groups)
        for (const auto *table : {&g.inbound, &g.outbound})
            for (const SecurityGroupRule &r : *table)
                add(r.cidr);
    for (const AclRules &a : m_acls)
        for (const auto *table : {&a.inbound, &a.outbound})
            for (const AclRule &r : *table)
                add(r.cidr);
    for (const FirewallInfo &f : m_firewalls) {
        addAll(f.rules.homeNet);
        for (const FirewallRuleGroup &g : f.rules.groups)
            addAll(g.homeNet);
    }
    for (const VpcInfo &v : m_vpcs)
        addAll(v.cidrs);
    for (const SubnetInfo &sn : m_subnets) {
        add(sn.cidr);
        for (const Route &r : sn.routes)
            add(r.cidr);
    }
    for (const TgwInfo &t : m_tgws)
        for (const TgwRouteTable &table : t.tables)
            for (const TgwRoute &r : table.routes)
                add(r.cidr);
    for (const auto &[dc, cidr] : m_premises)
        add(cidr);
    // What a Direct Connect association advertises to the premises decides whether a reply
    // from there can come back (Tracer::toPremises()).
    for (const DxPath &path : m_dxPaths)
        addAll(path.allowedPrefixes);
    // IPv4 networks, the most of them, sort as one integer each: address, then prefix.
    std::vector<uint64_t> cuts4;
    cuts4.reserve(cuts.size());
    std::erase_if(cuts, [&cuts4](const Cut &c) {
        if (c.family != Cidr::Family::V4)
            return false;
        cuts4.push_back(c.first[1] << 8 | static_cast<uint64_t>(c.prefix));
        return true;
    });
    std::sort(cuts4.begin(), cuts4.end());
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    // A subnet is uniform when no network lies strictly inside it: every test then answers
    // the same for all of its addresses.
    std::vector<char> uniform(m_subnets.size(), 0);
    for (size_t i = 0; i < m_subnets.size(); ++i) {
        if (!m_subnets[i].cidr)
            continue;
        const Cidr &net = *m_subnets[i].cidr;
        bool cut = false;
        if (net.family() == Cidr::Family::V4) {
            const uint64_t end = net.last()[1] << 8 | 255;
            for (auto it = std::lower_bound(cuts4.begin(), cuts4.end(), net.first()[1] << 8);
                 !cut && it != cuts4.end() && *it <= end; ++it)
                cut = static_cast<int>(*it & 255) > net.prefixLength();
        } else {
            const Cut start{net.family(), net.first(), 0};
            const Cut end{net.family(), net.last(), 255};
            for (auto it = std::lower_bound(cuts.begin(), cuts.end(), start);
                 !cut && it != cuts.end() && !(end < *it); ++it)
                cut = it->prefix > net.prefixLength();
        }
        uniform[i] = !cut;
    }
    // An address held twice could make two sources' paths differ (loop detection compares
    // addresses): such sources are traced on their own.
    std::vector<uint64_t> addresses4; // IPv4: the address
    std::vector<Cut> addresses;       // IPv6
    addresses4.reserve(m_interfaces.size());
    for (const Interface &i : m_interfaces) {
        if (i.address.family() == Cidr::Family::V4)
            addresses4.push_back(i.address.first()[1]);
        else
            addresses.push_back({i.address.family(), i.address.first(), 0});
    }
    std::sort(addresses4.begin(), addresses4.end());
    std::sort(addresses.begin(), addresses.end());
    auto unique = [&addresses, &addresses4](const Cidr &a) {
        if (a.family() == Cidr::Family::V4) {
            auto [lo, hi] = std::equal_range(addresses4.begin(), addresses4.end(), a.first()[1]);
            return hi - lo == 1;
        }
        const Cut key{a.family(), a.first(), 0};
        auto [lo, hi] = std::equal_range(addresses.begin(), addresses.end(), key);
        return hi - lo == 1;
    };

    // The class: subnet, VPC, public IP and security groups of the first interface.
    using Key = std::tuple<const SubnetInfo *, const Element *, bool,
                           const std::vector<const Element *> *>;
    auto less = [](const Key &a, const Key &b) {
        if (std::get<0>(a) != std::get<0>(b))
            return std::get<0>(a) < std::get<0>(b);
        if (std::get<1>(a) != std::get<1>(b))
            return std::get<1>(a) < std::get<1>(b);
        if (std::get<2>(a) != std::get<2>(b))
            return std::get<2>(a) < std::get<2>(b);
        return *std::get<3>(a) < *std::get<3>(b);
    };
    std::map<Key, int, decltype(less)> classes(less);
    for (size_t k = 0; k < m_interfaces.size(); ++k) {
        const Interface *i = &m_interfaces[k];
        const Element *element = i->element;
        if (k > 0 && m_interfaces[k - 1].element == element)
            continue; // the element's first interface decides
        const SubnetInfo *s = i->subnetInfo;
        if (!s || !uniform[static_cast<size_t>(s - m_subnets.data())] || premisesOf(element)
            || !s->cidr->contains(i->address) || !unique(i->address))
            continue;
        const Key key{s, vpcOf(element), i->publicIp, &i->securityGroups};
        m_places.find(element)->sourceClass
            = classes.try_emplace(key, static_cast<int>(classes.size())).first->second;
    }
}

} // namespace heiiki::model::network
