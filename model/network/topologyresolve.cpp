// The second pass of building a Topology: pointers between its parts, and the filters,
// endpoints, attachments and hosted zones compiled once for the reachability engine.
#include "topology.h"

#include "pathengine.h"

namespace heiiki::model::network {

namespace {

std::string str(const nlohmann::json &v)
{
    return v.is_string() ? v.get<std::string>() : std::string();
}

} // namespace

void Topology::resolve()
{
    // Everything below points into vectors that no longer grow.
    for (Interface &i : m_interfaces) {
        if (i.subnet)
            if (auto it = m_subnetByElement.find(i.subnet); it != m_subnetByElement.end())
                i.subnetInfo = &m_subnets[it->second];
        for (const Element *g : i.securityGroups)
            if (auto it = m_groupIndex.find(g); it != m_groupIndex.end())
                i.groupRules.push_back(&m_groups[it->second]);
    }
    for (const auto &[element, indexes] : m_interfaceIndexes) {
        auto &list = m_interfacesByElement[element];
        for (int index : indexes)
            list.push_back(&m_interfaces[static_cast<size_t>(index)]);
    }

    // Network ACLs, once per ACL.
    std::unordered_map<const Element *, size_t> aclIndex;
    for (const SubnetInfo &s : m_subnets)
        if (s.nacl && aclIndex.emplace(s.nacl, m_acls.size()).second)
            m_acls.push_back(AclRules::compile(*s.nacl));

    // Network Firewalls.
    for (const VpcInfo &vpc : m_vpcs)
        for (const Element *f : vpc.firewalls) {
            if (m_firewallIndex.count(f))
                continue;
            FirewallInfo info{FirewallRules::compile(*f), {}};
            for (const auto &sid : f->property("subnets"))
                if (const SubnetInfo *si = subnet(Id(str(sid))))
                    info.endpoints.push_back(si);
            m_firewallIndex.emplace(f, m_firewalls.size());
            m_firewalls.push_back(std::move(info));
        }
    for (const auto &e : m_design.elements())
        if (e->kind == ElementKind::NetworkFirewall && !m_firewallIndex.count(e.get())) {
            FirewallInfo info{FirewallRules::compile(*e), {}};
            for (const auto &sid : e->property("subnets"))
                if (const SubnetInfo *si = subnet(Id(str(sid))))
                    info.endpoints.push_back(si);
            m_firewallIndex.emplace(e.get(), m_firewalls.size());
            m_firewalls.push_back(std::move(info));
        }

    // VPC endpoints.
    for (const auto &e : m_design.elements()) {
        if (e->kind != ElementKind::VpcEndpoint)
            continue;
        EndpointInfo info;
        info.endpoint = e.get();
        info.type = str(e->property("type"));
        info.service = PathEngine::serviceName(str(e->property("service")));
        const auto &privateDns = e->property("privateDns");
        info.privateDns = privateDns.is_boolean() && privateDns.get<bool>();
        info.privateLinkService = privateLinkServiceOf(e->id);
        if (info.privateLinkService)
            for (const auto &d : info.privateLinkService->property("domains"))
                info.serviceDomains.push_back(DomainPattern::compile(str(d)));
        if (auto it = m_interfacesByElement.find(e.get()); it != m_interfacesByElement.end())
            info.interfaces = it->second;
        m_endpointIndex.emplace(e.get(), m_endpoints.size());
        m_endpoints.push_back(std::move(info));
    }
    for (VpcInfo &vpc : m_vpcs) {
        for (const Element *s : vpc.subnets)
            vpc.subnetInfos.push_back(&m_subnets[m_subnetByElement.at(s)]);
        for (const Element *e : vpc.endpoints) {
            const EndpointInfo *info = &m_endpoints[m_endpointIndex.at(e)];
            vpc.endpointInfos.push_back(info);
            if (info->type == "interface" && info->privateDns && !info->interfaces.empty())
                m_privateDnsEndpoints[info->service].push_back(info);
        }
    }

    // Subnets and their routes.
    for (SubnetInfo &s : m_subnets) {
        if (s.vpc)
            if (auto it = m_vpcByElement.find(s.vpc); it != m_vpcByElement.end())
                s.vpcInfo = &m_vpcs[it->second];
        if (s.nacl)
            s.acl = &m_acls[aclIndex.at(s.nacl)];
        for (Route &r : s.routes) {
            if (r.endpointSubnet)
                if (auto it = m_subnetByElement.find(r.endpointSubnet);
                    it != m_subnetByElement.end())
                    r.endpointSubnetInfo = &m_subnets[it->second];
            if (!r.target)
                continue;
            if (r.target->kind == ElementKind::VpcEndpoint)
                r.service = PathEngine::serviceName(str(r.target->property("service")));
            if (auto it = m_subnetByElement.find(m_design.element(r.target->parent));
                it != m_subnetByElement.end())
                r.targetSubnet = &m_subnets[it->second];
            if (auto it = m_interfacesByElement.find(r.target); it != m_interfacesByElement.end())
                r.targetInterface = it->second.front();
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
}

} // namespace heiiki::model::network
