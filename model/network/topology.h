#pragma once

#include "../core/cidr.h"
#include "../core/design.h"
#include "../core/kindindex.h"
#include "filters.h"
#include "pointermap.h"

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace heiiki::model::network {

struct SubnetInfo;
struct VpcInfo;
struct TgwInfo;
struct Interface;

/// One row of a subnet route table, resolved.
struct Route
{
    std::optional<Cidr> cidr;      ///< destination, or nothing for a prefix-list route
    std::string prefixList;        ///< "pl-…" for gateway-endpoint routes
    const Element *target = nullptr;
    const Link *peering = nullptr; ///< target when the route points at a VPC peering
    const Element *endpointSubnet = nullptr; ///< firewall endpoint named by the route
    int row = 0;                   ///< index in the subnet's "routes" table; -1 when propagated
    /// Learned by the VPC's virtual private gateway over Direct Connect and propagated into
    /// the route table (the subnet's `vgwRoutePropagation`); target is the gateway.
    bool propagated = false;

    // Resolved once, for the reachability engine.
    std::string service;                      ///< an endpoint target's service ("s3")
    const SubnetInfo *targetSubnet = nullptr; ///< the subnet a NAT gateway or relay is in
    const Interface *targetInterface = nullptr; ///< the target's first interface
    const SubnetInfo *endpointSubnetInfo = nullptr; ///< endpointSubnet, compiled
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
    const SubnetInfo *subnetInfo = nullptr;                ///< null on premises
    std::vector<const SecurityGroupRules *> groupRules;    ///< securityGroups, compiled
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
    const VpcInfo *vpcInfo = nullptr; ///< vpc, compiled
    const AclRules *acl = nullptr;    ///< nacl, compiled
};

/// A VPC endpoint, resolved.
struct EndpointInfo
{
    const Element *endpoint = nullptr;
    std::string type;                 ///< "interface", "gateway", "gatewayLoadBalancer"…
    std::string service;              ///< the short service name ("ssm")
    bool privateDns = false;
    const Element *privateLinkService = nullptr; ///< the endpoint service it connects to
    std::vector<DomainPattern> serviceDomains;   ///< that endpoint service's domains
    std::vector<const Interface *> interfaces;   ///< one per subnet
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
    std::vector<const SubnetInfo *> subnetInfos;     ///< subnets, compiled
    std::vector<const EndpointInfo *> endpointInfos; ///< endpoints, compiled
    bool contains(const Cidr &address) const;
};

struct TgwRoute
{
    Cidr cidr;
    const Link *attachment = nullptr;
    bool blackhole = false;
    bool propagated = false;
    int row = -1; ///< static route row, -1 when propagated
    const VpcInfo *attachmentVpc = nullptr; ///< the VPC at the attachment's "from" end, if any
};

struct TgwRouteTable
{
    std::string name;
    int index = 0;
    std::vector<TgwRoute> routes;

    /// The route AWS picks for \a address: the longest prefix, a static route before a
    /// propagated one of the same length, else the first listed. Null when none matches.
    const TgwRoute *lookup(const Cidr &address) const;
    /// Builds the index lookup() uses; called once the routes are final.
    void buildIndex();

private:
    struct NetworkHash
    {
        size_t operator()(const std::array<uint64_t, 2> &a) const noexcept
        {
            return std::hash<uint64_t>()(a[0] * 0x9e3779b97f4a7c15ULL ^ a[1]);
        }
    };
    /// The routes of one prefix length, by network: the one AWS picks among them.
    struct Level
    {
        int prefix = 0;
        Cidr::Family family = Cidr::Family::V4;
        std::unordered_map<std::array<uint64_t, 2>, const TgwRoute *, NetworkHash> best;
    };
    std::vector<Level> m_levels; // longest prefix first
};

struct TgwInfo
{
    const Element *tgw = nullptr;
    std::vector<TgwRouteTable> tables;
    std::unordered_map<Id, int> associations; ///< attachment link → route table index
    /// The route table index of an attachment, by link: associations without the string ids.
    std::unordered_map<const Link *, int> associationTables;
    /// The route table of \a attachment, or null when it is associated with none.
    const TgwRouteTable *tableOf(const Link *attachment) const;
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
    /// The association's allowed prefixes, compiled: what it advertises to the premises.
    std::vector<Cidr> allowedPrefixes;
    bool advertisesAll = true; ///< the association names no allowed prefixes

    /// Whether the association advertises \a address to the premises.
    bool advertises(const Cidr &address) const;
};

/// A Route 53 private hosted zone, resolved.
struct HostedZoneInfo
{
    const Element *zone = nullptr;
    DomainPattern names;                   ///< the zone's domain and every name below it
    std::vector<const Element *> vpcs;     ///< the VPCs it is associated with
    const Element *target = nullptr;       ///< the element its names resolve to
};

/// A Network Firewall, compiled: its stateful rules and its endpoint subnets.
struct FirewallInfo
{
    FirewallRules rules;
    std::vector<const SubnetInfo *> endpoints;
};

/// A compiled, read-only view of a design's network: what the reachability engine and the
/// rules need, indexed by id. Built once per validation in one pass over the design, with
/// the filters (security groups, network ACLs, firewall rule groups) parsed once; holds
/// pointers into the design, which must outlive it.
class Topology
{
public:
    explicit Topology(const Design &design);
    /// The same, with \a design's elements by kind made already (by a ValidationContext);
    /// \a kinds must outlive the topology.
    Topology(const Design &design, const KindIndex &kinds);
    Topology(const Topology &) = delete;
    Topology &operator=(const Topology &) = delete;
    ~Topology();

    const Design &design() const { return m_design; }
    /// The design's elements of \a kind, in document order.
    const std::vector<const Element *> &elementsOf(ElementKind kind) const { return m_kinds(kind); }
    const SubnetInfo *subnet(const Id &id) const;
    const VpcInfo *vpc(const Id &id) const;
    const TgwInfo *tgw(const Id &id) const;
    const TgwInfo *tgw(const Element *tgw) const;
    /// The compiled VPC an element lives in (vpcOf()), or null.
    const VpcInfo *vpcInfoOf(const Element *element) const;
    const std::vector<Interface> &interfaces() const { return m_interfaces; }
    /// The interfaces of an element (an endpoint has one per subnet).
    std::vector<const Interface *> interfacesOf(const Id &element) const;
    std::span<const Interface *const> interfacesOf(const Element *element) const;
    /// The interface holding \a address in \a vpc, if any.
    const Interface *interfaceAt(const Id &vpc, const Cidr &address) const;
    const Interface *interfaceAt(const Element *vpc, const Cidr &address) const;
    /// The subnet of \a vpc whose CIDR holds \a address.
    const SubnetInfo *subnetFor(const Id &vpc, const Cidr &address) const;
    const SubnetInfo *subnetFor(const VpcInfo &vpc, const Cidr &address) const;
    const std::vector<VpcInfo> &vpcs() const { return m_vpcs; }
    const std::vector<DxPath> &dxPaths() const { return m_dxPaths; }
    /// On-premises networks (corporate DC CIDRs).
    const std::vector<std::pair<const Element *, Cidr>> &premises() const { return m_premises; }
    /// The Route 53 private hosted zones of the design.
    const std::vector<const Element *> &hostedZones() const { return m_hostedZones; }
    const std::vector<HostedZoneInfo> &hostedZoneInfos() const { return m_zoneInfos; }
    /// The endpoint service a PrivateLink endpoint connects to, or null.
    const Element *privateLinkServiceOf(const Id &endpoint) const;
    /// The VPC an element lives in, or null.
    const Element *vpcOf(const Id &element) const;
    const Element *vpcOf(const Element *element) const;
    /// The corporate DC an element lives in (or is), or null.
    const Element *premisesOf(const Id &element) const;
    const Element *premisesOf(const Element *element) const;

    /// A VPC endpoint, compiled; null for other elements.
    const EndpointInfo *endpoint(const Element *element) const;
    /// The interface endpoints with private DNS for \a service (a short name), VPC by VPC in
    /// the order of vpcs().
    const std::vector<const EndpointInfo *> &privateDnsEndpoints(const std::string &service) const;
    /// The subnets a Transit Gateway attachment forwards from ("subnets").
    const std::vector<const SubnetInfo *> &attachmentSubnets(const Link *attachment) const;
    /// A Network Firewall, compiled; null for other elements.
    const FirewallInfo *firewall(const Element *element) const;

    /// Elements that trace alike as the source of a query share a class: their first
    /// interfaces are in the same subnet and VPC, with the same security groups and public IP,
    /// in a subnet whose addresses every route, filter and CIDR of the design treats alike.
    /// A trace from one of them decides as a trace from any other, except where it stops at
    /// the source itself. -1 for elements that must be traced on their own.
    int sourceClass(const Element *element) const;

private:
    void addInterface(const Element *element, const Element *subnet, std::optional<Cidr> address,
                      bool publicIp, std::vector<const Element *> groups);
    /// Compiles the design (both constructors).
    void build();
    void resolve();

    struct AddressKey
    {
        const Element *vpc;
        std::array<uint64_t, 2> address;
        friend bool operator==(const AddressKey &, const AddressKey &) = default;
    };
    struct AddressHash
    {
        size_t operator()(const AddressKey &k) const;
    };
    /// Where an element's interfaces are in m_interfacePointers (each element's interfaces
    /// are added one after the other).
    struct Span
    {
        uint32_t start = 0;
        uint32_t count = 0;
    };
    /// What the topology knows of one element, in one table so that a hop reads one entry:
    /// where it lives, its interfaces and its source class.
    struct Place
    {
        const Element *vpc = nullptr;
        const Element *premises = nullptr;
        const VpcInfo *vpcInfo = nullptr;
        Span interfaces;
        int sourceClass = -1; ///< sourceClass()
    };
    void buildSourceClasses();

    const Design &m_design;
    std::unique_ptr<KindIndex> m_ownKinds; ///< when no one handed the topology its kinds
    const KindIndex &m_kinds;
    std::vector<SubnetInfo> m_subnets;
    std::vector<VpcInfo> m_vpcs;
    std::vector<TgwInfo> m_tgws;
    std::vector<Interface> m_interfaces;
    std::vector<DxPath> m_dxPaths;
    std::vector<std::pair<const Element *, Cidr>> m_premises;
    std::vector<const Element *> m_hostedZones;
    std::vector<HostedZoneInfo> m_zoneInfos;
    std::vector<EndpointInfo> m_endpoints;
    std::vector<SecurityGroupRules> m_groups;
    std::vector<AclRules> m_acls;
    std::vector<FirewallInfo> m_firewalls;
    std::unordered_map<Id, const Element *> m_privateLinks;
    // Indexes into m_tgws, m_subnets, m_vpcs, m_endpoints, m_groups and m_firewalls by element.
    PointerMap<size_t> m_tgwByElement;
    PointerMap<size_t> m_subnetByElement;
    PointerMap<size_t> m_vpcByElement;
    PointerMap<Place> m_places; ///< every element of the design
    size_t m_elementsWithInterfaces = 0;
    std::vector<const Interface *> m_interfacePointers; ///< &m_interfaces[i], in order
    PointerMap<size_t> m_endpointIndex;
    PointerMap<size_t> m_groupIndex;
    PointerMap<size_t> m_firewallIndex;
    std::unordered_map<std::string, std::vector<const EndpointInfo *>> m_privateDnsEndpoints;
    std::unordered_map<const Link *, std::vector<const SubnetInfo *>> m_attachmentSubnets;
    FlatMap<AddressKey, int, AddressHash> m_addressIndex; ///< index into m_interfaces
};

} // namespace heiiki::model::network
