#pragma once

#include "../core/cidr.h"
#include "../core/design.h"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace heiiki::model::network {

/// One row of a subnet route table, resolved.
struct Route
{
    std::optional<Cidr> cidr;      ///< destination, or nothing for a prefix-list route
    std::string prefixList;        ///< "pl-…" for gateway-endpoint routes
    const Element *target = nullptr;
    const Link *peering = nullptr; ///< target when the route points at a VPC peering
    const Element *endpointSubnet = nullptr; ///< firewall endpoint named by the route
    int row = 0;                   ///< index in the subnet's "routes" table
};

/// An address-holding interface: an instance, an endpoint ENI, a NAT gateway, a firewall
/// endpoint, a load balancer node, or a host on premises.
struct Interface
{
    const Element *element = nullptr;
    const Element *subnet = nullptr; ///< null on premises
    Cidr address;                    ///< a host network (/32 or /128)
    bool publicIp = false;
    std::vector<const Element *> securityGroups;
};

struct SubnetInfo
{
    const Element *subnet = nullptr;
    const Element *vpc = nullptr;
    std::string zone;                ///< AZ name, or the AZ element's id, or ""
    std::optional<Cidr> cidr;
    std::vector<Route> routes;
    const Element *nacl = nullptr;
    std::vector<int> interfaces;     ///< indexes into Topology::interfaces()
};

struct VpcInfo
{
    const Element *vpc = nullptr;
    std::vector<Cidr> cidrs;
    std::vector<const Element *> subnets;
    const Element *internetGateway = nullptr;
    std::vector<const Element *> natGateways;
    std::vector<const Element *> endpoints;
    std::vector<const Element *> firewalls;
    std::vector<const Link *> tgwAttachments;
    std::vector<const Link *> peerings;
    std::vector<const Link *> vgwAttachments;
    std::string region;
    bool contains(const Cidr &address) const;
};

struct TgwRoute
{
    Cidr cidr;
    const Link *attachment = nullptr;
    bool blackhole = false;
    bool propagated = false;
    int row = -1; ///< static route row, -1 when propagated
};

struct TgwRouteTable
{
    std::string name;
    int index = 0;
    std::vector<TgwRoute> routes;
};

struct TgwInfo
{
    const Element *tgw = nullptr;
    std::vector<TgwRouteTable> tables;
    std::unordered_map<Id, int> associations; ///< attachment link → route table index
};

/// A Direct Connect path from premises into AWS, through a DX gateway association.
struct DxPath
{
    const Element *corporateDc = nullptr;
    const Element *connection = nullptr;
    const Element *vif = nullptr;           ///< the association's VIF, may be null
    const Element *dxGateway = nullptr;
    const Link *association = nullptr;      ///< DX gateway ↔ TGW or VGW
    const Element *gateway = nullptr;       ///< the TGW or VGW
};

/// A compiled, read-only view of a design's network: what the reachability engine and the
/// rules need, indexed by id. Built once per validation in one pass over the design; holds
/// pointers into the design, which must outlive it.
class Topology
{
public:
    explicit Topology(const Design &design);

    const Design &design() const { return m_design; }
    const SubnetInfo *subnet(const Id &id) const;
    const VpcInfo *vpc(const Id &id) const;
    const TgwInfo *tgw(const Id &id) const;
    const std::vector<Interface> &interfaces() const { return m_interfaces; }
    /// The interfaces of an element (an endpoint has one per subnet).
    std::vector<const Interface *> interfacesOf(const Id &element) const;
    /// The interface holding \a address in \a vpc, if any.
    const Interface *interfaceAt(const Id &vpc, const Cidr &address) const;
    /// The subnet of \a vpc whose CIDR holds \a address.
    const SubnetInfo *subnetFor(const Id &vpc, const Cidr &address) const;
    const std::vector<VpcInfo> &vpcs() const { return m_vpcs; }
    const std::vector<DxPath> &dxPaths() const { return m_dxPaths; }
    /// On-premises networks (corporate DC CIDRs).
    const std::vector<std::pair<const Element *, Cidr>> &premises() const { return m_premises; }
    /// The Route 53 private hosted zones of the design.
    const std::vector<const Element *> &hostedZones() const { return m_hostedZones; }
    /// The endpoint service a PrivateLink endpoint connects to, or null.
    const Element *privateLinkServiceOf(const Id &endpoint) const;
    /// The VPC an element lives in, or null.
    const Element *vpcOf(const Id &element) const;
    /// The corporate DC an element lives in (or is), or null.
    const Element *premisesOf(const Id &element) const;

private:
    void addInterface(const Element *element, const Element *subnet, std::optional<Cidr> address,
                      bool publicIp, std::vector<const Element *> groups);

    const Design &m_design;
    std::vector<SubnetInfo> m_subnets;
    std::vector<VpcInfo> m_vpcs;
    std::vector<TgwInfo> m_tgws;
    std::vector<Interface> m_interfaces;
    std::vector<DxPath> m_dxPaths;
    std::vector<std::pair<const Element *, Cidr>> m_premises;
    std::vector<const Element *> m_hostedZones;
    std::unordered_map<Id, const Element *> m_privateLinks;
    std::unordered_map<Id, size_t> m_subnetIndex;
    std::unordered_map<Id, size_t> m_vpcIndex;
    std::unordered_map<Id, size_t> m_tgwIndex;
    std::unordered_map<Id, std::vector<int>> m_interfacesByElement;
    std::unordered_map<Id, const Element *> m_vpcOf;
    std::map<std::pair<std::string, std::array<uint64_t, 2>>, int> m_addressIndex;
};

} // namespace heiiki::model::network
