#include "catalogue.h"

#include <algorithm>
#include <stdexcept>

namespace heiiki::model {

using json = heiiki::Json;
using EK = ElementKind;
using LK = LinkKind;
using PT = PropertyType;

namespace {

PropertySpec prop(std::string name, PT type, json def, std::string label)
{
    PropertySpec spec;
    spec.name = std::move(name);
    spec.type = type;
    spec.defaultValue = std::move(def);
    spec.label = std::move(label);
    return spec;
}

PropertySpec choice(std::string name, std::vector<std::string> values, json def, std::string label)
{
    PropertySpec spec = prop(std::move(name), PT::Enum, std::move(def), std::move(label));
    spec.enumValues = std::move(values);
    return spec;
}

PropertySpec ref(std::string name, std::vector<EK> kinds, std::string label, bool list = false)
{
    PropertySpec spec = prop(std::move(name), list ? PT::RefList : PT::Ref,
                             list ? json::array() : json(), std::move(label));
    spec.refKinds = std::move(kinds);
    return spec;
}

/// A reference to elements of the owner's own VPC.
PropertySpec vpcRef(std::string name, std::vector<EK> kinds, std::string label, bool list = false)
{
    PropertySpec spec = ref(std::move(name), std::move(kinds), std::move(label), list);
    spec.sameVpc = true;
    return spec;
}

PropertySpec linkRef(std::string name, std::vector<LK> kinds, std::string label, bool list)
{
    PropertySpec spec = prop(std::move(name), list ? PT::RefList : PT::Ref,
                             list ? json::array() : json(), std::move(label));
    spec.refLinkKinds = std::move(kinds);
    return spec;
}

PropertySpec table(std::string name, std::vector<PropertySpec> columns, std::string label)
{
    PropertySpec spec = prop(std::move(name), PT::Table, json::array(), std::move(label));
    spec.columns = std::move(columns);
    return spec;
}

/// An Int property limited to [\a minimum, \a maximum].
PropertySpec ranged(PropertySpec spec, long long minimum, long long maximum)
{
    spec.minimum = minimum;
    spec.maximum = maximum;
    return spec;
}

/// The Amazon-side BGP ASN of a Transit Gateway, a Direct Connect gateway or a virtual
/// private gateway: AWS takes a private ASN, 16-bit (64512 to 65534) or 32-bit (4200000000 to
/// 4294967294).
PropertySpec amazonSideAsn(long long defaultAsn)
{
    PropertySpec spec = ranged(prop("asn", PropertyType::Int, defaultAsn, "Amazon side ASN"),
                               64512, 4294967294LL);
    spec.ranges = {{64512, 65534}, {4200000000LL, 4294967294LL}};
    return spec;
}

PropertySpec required(PropertySpec spec)
{
    spec.required = true;
    return spec;
}

const std::vector<std::string> kProtocols{"tcp", "udp", "icmp", "all"};

std::vector<PropertySpec> sgRuleColumns(const char *peer)
{
    return {required(choice("protocol", kProtocols, "tcp", "Protocol")),
            ranged(prop("fromPort", PT::Int, 0, "From port"), -1, 65535),
            ranged(prop("toPort", PT::Int, 65535, "To port"), -1, 65535),
            prop("cidr", PT::Cidr, json(), std::string(peer) + " CIDR"),
            ref("securityGroup", {EK::SecurityGroup}, std::string(peer) + " security group"),
            prop("description", PT::String, json(), "Description")};
}

std::vector<PropertySpec> aclRuleColumns()
{
    return {required(ranged(prop("rule", PT::Int, json(), "Rule number"), 1, 32766)),
            required(choice("protocol", kProtocols, "tcp", "Protocol")),
            ranged(prop("fromPort", PT::Int, 0, "From port"), -1, 65535),
            ranged(prop("toPort", PT::Int, 65535, "To port"), -1, 65535),
            required(prop("cidr", PT::Cidr, json(), "CIDR")),
            required(choice("action", {"allow", "deny"}, "allow", "Action"))};
}

} // namespace

const PropertySpec *ElementKindInfo::property(std::string_view propertyName) const
{
    for (const auto &p : properties)
        if (p.name == propertyName)
            return &p;
    return nullptr;
}

const PropertySpec *LinkKindInfo::property(std::string_view propertyName) const
{
    for (const auto &p : properties)
        if (p.name == propertyName)
            return &p;
    return nullptr;
}

Catalogue::Catalogue()
{
    const auto C = Category::Groups;
    const auto N = Category::Networking;
    const auto X = Category::Compute;
    const auto S = Category::SecurityIdentity;
    const auto D = Category::Connectivity;
    const auto E = Category::External;

    auto add = [this](EK kind, std::string name, std::string label, Category category,
                      bool container, bool topLevel, std::vector<EK> parents,
                      std::vector<PropertySpec> props) {
        m_elements.push_back({kind, std::move(name), std::move(label), category, container,
                              topLevel, std::move(parents), std::move(props)});
    };

    add(EK::Region, "region", "Region", C, true, true, {EK::Account},
        {prop("region", PT::Region, "ap-northeast-1", "Region code")});
    add(EK::Account, "account", "AWS account", C, true, true, {EK::Region},
        {prop("accountId", PT::AccountId, json(), "Account id")});
    add(EK::CorporateDc, "corporate-dc", "Corporate data center", C, true, true, {},
        {prop("cidrs", PT::CidrList, json::array(), "Networks")});
    add(EK::Vpc, "vpc", "VPC", N, true, false, {EK::Region, EK::Account},
        {prop("cidrs", PT::CidrList, json::array(), "CIDR blocks"),
         prop("enableDnsSupport", PT::Bool, true, "DNS resolution"),
         prop("enableDnsHostnames", PT::Bool, true, "DNS host names")});
    add(EK::AvailabilityZone, "availability-zone", "Availability Zone", C, true, false, {EK::Vpc},
        {prop("zone", PT::String, json(), "Zone name")});
    add(EK::Subnet, "subnet", "Subnet", N, true, false, {EK::AvailabilityZone, EK::Vpc},
        {prop("cidr", PT::Cidr, json(), "CIDR"),
         choice("role", {"private", "public", "firewall", "endpoint"}, "private", "Role"),
         prop("mapPublicIp", PT::Bool, false, "Auto-assign public IP"),
         table("routes",
               {required(prop("destination", PT::RouteDestination, json(), "Destination")),
                [] {
                    auto target = ref("target",
                                      {EK::InternetGateway, EK::NatGateway, EK::NetworkFirewall,
                                       EK::TransitGateway, EK::VpcEndpoint, EK::Vgw,
                                       EK::Ec2Instance, EK::LoadBalancer},
                                      "Target");
                    target.refLinkKinds = {LK::VpcPeering};
                    target.required = true;
                    return target;
                }(),
                vpcRef("endpoint", {EK::Subnet}, "Firewall endpoint subnet")},
               "Route table"),
         prop("vgwRoutePropagation", PT::Bool, false, "VGW route propagation")});
    add(EK::Ec2Instance, "ec2-instance", "EC2 instance", X, false, false, {EK::Subnet},
        {prop("privateIp", PT::Address, json(), "Private IP"),
         prop("publicIp", PT::Bool, false, "Public IP or Elastic IP"),
         vpcRef("securityGroups", {EK::SecurityGroup}, "Security groups", true),
         ref("instanceProfile", {EK::IamRole}, "Instance profile role"),
         prop("ssmAgent", PT::Bool, true, "SSM Agent running"),
         prop("sourceDestCheck", PT::Bool, true, "Source/destination check")});
    add(EK::LoadBalancer, "load-balancer", "Load balancer", X, false, false, {EK::Subnet, EK::Vpc},
        {choice("type", {"application", "network", "gateway"}, "application", "Type"),
         choice("scheme", {"internal", "internet-facing"}, "internal", "Scheme"),
         vpcRef("subnets", {EK::Subnet}, "Subnets", true),
         vpcRef("securityGroups", {EK::SecurityGroup}, "Security groups", true),
         vpcRef("targets", {EK::Ec2Instance}, "Targets", true)});
    add(EK::InternetGateway, "internet-gateway", "Internet gateway", N, false, false, {EK::Vpc}, {});
    add(EK::NatGateway, "nat-gateway", "NAT gateway", N, false, false, {EK::Subnet},
        {choice("connectivity", {"public", "private"}, "public", "Connectivity")});
    add(EK::NetworkFirewall, "network-firewall", "Network Firewall", S, false, false, {EK::Vpc},
        {vpcRef("subnets", {EK::Subnet}, "Endpoint subnets (one per AZ)", true),
         prop("homeNet", PT::CidrList, json::array(), "HOME_NET (empty: the VPC's CIDRs)"),
         choice("statefulDefaultAction",
                {"pass", "aws:drop_strict", "aws:drop_established", "aws:alert_strict",
                 "aws:alert_established"},
                "aws:drop_established", "Stateful default action"),
         table("ruleGroups",
               {required(prop("name", PT::String, json(), "Name")),
                required(choice("type", {"ALLOWLIST", "DENYLIST"}, "ALLOWLIST", "Type")),
                required(prop("targets", PT::DomainList, json::array(), "Domains")),
                prop("targetTypes", PT::StringList, json::array({"TLS_SNI", "HTTP_HOST"}),
                     "Inspected fields"),
                prop("homeNet", PT::CidrList, json(), "HOME_NET override"),
                prop("capacity", PT::Int, 100, "Capacity")},
               "Stateful domain-list rule groups")});
    add(EK::TransitGateway, "transit-gateway", "Transit Gateway", N, false, false,
        {EK::Region, EK::Account},
        {amazonSideAsn(64512),
         table("routeTables",
               {required(prop("name", PT::String, json(), "Name")),
                linkRef("associations", {LK::TgwAttachment, LK::DxAssociation}, "Associations",
                        true),
                linkRef("propagations", {LK::TgwAttachment, LK::DxAssociation}, "Propagations",
                        true),
                table("routes",
                      {required(prop("destination", PT::Cidr, json(), "Destination")),
                       linkRef("attachment", {LK::TgwAttachment, LK::DxAssociation},
                               "Attachment", false),
                       prop("blackhole", PT::Bool, false, "Blackhole")},
                      "Static routes")},
               "Route tables")});
    add(EK::DxGateway, "dx-gateway", "Direct Connect gateway", D, false, true, {EK::Account},
        {amazonSideAsn(64513)});
    add(EK::DxConnection, "dx-connection", "Direct Connect connection", D, false, true,
        {EK::Region, EK::Account, EK::CorporateDc},
        {prop("location", PT::String, json(), "Location"),
         prop("bandwidth", PT::String, "1Gbps", "Bandwidth")});
    add(EK::Vif, "vif", "Virtual interface", D, false, true, {EK::Account, EK::Region},
        {choice("type", {"private", "transit", "public"}, "transit", "Type"),
         prop("owner", PT::String, json(), "Owner"),
         prop("availableToProject", PT::Bool, true, "Available to this project"),
         ranged(prop("vlan", PT::Int, json(), "VLAN"), 1, 4094)});
    add(EK::Vgw, "vgw", "Virtual private gateway", D, false, false, {EK::Region, EK::Account},
        {amazonSideAsn(64512)});
    add(EK::VpcEndpoint, "vpc-endpoint", "VPC endpoint", N, false, false,
        {EK::Vpc, EK::AvailabilityZone, EK::Subnet},
        {choice("type", {"interface", "gateway"}, "interface", "Type"),
         prop("service", PT::String, json(), "Service (ssm, s3, …) or endpoint service name"),
         prop("endpointId", PT::String, json(), "AWS endpoint id (vpce-…), as policies name it"),
         prop("privateDns", PT::Bool, true, "Private DNS"),
         vpcRef("subnets", {EK::Subnet}, "Subnets", true),
         vpcRef("securityGroups", {EK::SecurityGroup}, "Security groups", true)});
    add(EK::EndpointService, "endpoint-service", "Endpoint service (PrivateLink)", N, false, true,
        {EK::Region, EK::Account, EK::Vpc},
        {prop("serviceName", PT::String, json(), "Service name"),
         prop("provider", PT::String, json(), "Provider"),
         prop("ownerAccountId", PT::AccountId, json(), "Owner account"),
         prop("domains", PT::DomainList, json::array(), "Private DNS names")});
    add(EK::Route53Phz, "route53-phz", "Route 53 private hosted zone", N, false, true,
        {EK::Region, EK::Account},
        {prop("domain", PT::String, json(), "Domain"),
         ref("vpcs", {EK::Vpc}, "Associated VPCs", true),
         ref("target", {EK::VpcEndpoint, EK::LoadBalancer, EK::Ec2Instance},
             "Alias target of the zone's name")});
    add(EK::SecurityGroup, "security-group", "Security group", S, false, false, {EK::Vpc},
        {table("inbound", sgRuleColumns("Source"), "Inbound rules"),
         table("outbound", sgRuleColumns("Destination"), "Outbound rules")});
    add(EK::NetworkAcl, "network-acl", "Network ACL", S, false, false, {EK::Vpc},
        {vpcRef("subnets", {EK::Subnet}, "Subnets", true),
         table("inbound", aclRuleColumns(), "Inbound rules"),
         table("outbound", aclRuleColumns(), "Outbound rules")});
    add(EK::IamUser, "iam-user", "IAM user", S, false, false, {EK::Account},
        {prop("userName", PT::String, json(), "User name"),
         prop("hasAccessKey", PT::Bool, true, "Has an access key"),
         prop("mfa", PT::Bool, true, "MFA device")});
    add(EK::IamGroup, "iam-group", "IAM group", S, false, false, {EK::Account},
        {prop("groupName", PT::String, json(), "Group name")});
    add(EK::IamRole, "iam-role", "IAM role", S, false, false, {EK::Account},
        {prop("roleName", PT::String, json(), "Role name"),
         prop("path", PT::String, "/", "Path")});
    add(EK::Operator, "operator", "Operator", E, false, true, {EK::CorporateDc},
        {ref("user", {EK::IamUser}, "IAM user"),
         prop("mfa", PT::Bool, true, "Uses MFA")});
    add(EK::Saas, "saas", "SaaS (internet service)", E, false, true, {},
        {prop("domains", PT::DomainList, json::array(), "Domains"),
         prop("provider", PT::String, json(), "Provider")});
    add(EK::ThirdPartyHub, "third-party-hub", "Third-party hub", E, false, true, {EK::Region},
        {prop("domains", PT::DomainList, json::array(), "Domains"),
         prop("provider", PT::String, json(), "Provider")});
    add(EK::AwsService, "aws-service", "AWS service", E, false, true, {EK::Region},
        {prop("service", PT::String, json(), "Service (sts, ssm, s3, …)")});

    auto link = [this](LK kind, std::string name, std::string label, bool directed, bool toPolicy,
                       LinkEnds ends, std::vector<PropertySpec> props) {
        m_links.push_back({kind, std::move(name), std::move(label), directed, toPolicy,
                           std::move(ends), std::move(props)});
    };
    link(LK::TgwAttachment, "tgw-attachment", "Transit Gateway attachment", true, false,
         {{EK::Vpc}, {EK::TransitGateway}},
         {vpcRef("subnets", {EK::Subnet}, "Attachment subnets", true),
          prop("applianceMode", PT::Bool, false, "Appliance mode")});
    link(LK::DxAssociation, "dx-association", "Direct Connect gateway association", true, false,
         {{EK::DxGateway}, {EK::TransitGateway, EK::Vgw}},
         {ref("vif", {EK::Vif}, "Virtual interface"),
          prop("allowedPrefixes", PT::CidrList, json::array(), "Allowed prefixes")});
    link(LK::VifOn, "vif-on", "VIF on connection", true, false,
         {{EK::Vif}, {EK::DxConnection}}, {});
    link(LK::VpcPeering, "vpc-peering", "VPC peering", false, false, {{EK::Vpc}, {EK::Vpc}}, {});
    link(LK::PrivateLink, "privatelink", "PrivateLink", true, false,
         {{EK::VpcEndpoint}, {EK::EndpointService}}, {});
    link(LK::VgwAttachment, "vgw-attachment", "VGW attachment", true, false,
         {{EK::Vgw}, {EK::Vpc}}, {});
    link(LK::DxLink, "dx-link", "Direct Connect link", true, false,
         {{EK::CorporateDc}, {EK::DxConnection}}, {});
    link(LK::MemberOf, "member-of", "Group membership", true, false,
         {{EK::IamUser}, {EK::IamGroup}}, {});
    link(LK::Policy, "policy", "Policy attachment", true, true,
         {{EK::IamUser, EK::IamGroup, EK::IamRole, EK::VpcEndpoint, EK::Account}, {}}, {});
}

const Catalogue &Catalogue::instance()
{
    static const Catalogue catalogue;
    return catalogue;
}

const ElementKindInfo &Catalogue::info(ElementKind kind) const
{
    return m_elements.at(static_cast<size_t>(kind));
}

const LinkKindInfo &Catalogue::info(LinkKind kind) const
{
    return m_links.at(static_cast<size_t>(kind));
}

bool Catalogue::mayHold(ElementKind parent, ElementKind child) const
{
    const auto &parents = info(child).parents;
    return std::find(parents.begin(), parents.end(), parent) != parents.end();
}

bool Catalogue::mayBeTopLevel(ElementKind kind) const
{
    return info(kind).topLevel;
}

bool Catalogue::mayLink(LinkKind link, ElementKind from, ElementKind to) const
{
    const auto &ends = info(link).ends;
    auto has = [](const std::vector<EK> &kinds, EK k) {
        return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
    };
    if (info(link).toPolicy)
        return false;
    if (has(ends.from, from) && has(ends.to, to))
        return true;
    return !info(link).directed && has(ends.from, to) && has(ends.to, from);
}

std::vector<LinkKind> Catalogue::linkKindsBetween(ElementKind from, ElementKind to) const
{
    std::vector<LinkKind> kinds;
    for (const auto &l : m_links)
        if (mayLink(l.kind, from, to))
            kinds.push_back(l.kind);
    return kinds;
}

std::string_view toString(ElementKind kind)
{
    return Catalogue::instance().info(kind).name;
}

std::string_view toString(LinkKind kind)
{
    return Catalogue::instance().info(kind).name;
}

std::optional<ElementKind> elementKindFromString(std::string_view name)
{
    for (const auto &k : Catalogue::instance().elementKinds())
        if (k.name == name)
            return k.kind;
    return std::nullopt;
}

std::optional<LinkKind> linkKindFromString(std::string_view name)
{
    for (const auto &k : Catalogue::instance().linkKinds())
        if (k.name == name)
            return k.kind;
    return std::nullopt;
}

std::string_view toString(PropertyType type)
{
    static constexpr std::string_view names[] = {
        "string", "bool", "int", "number", "enum", "cidr", "cidr-list", "address",
        "string-list", "domain-list", "route-destination", "region", "account-id", "ref",
        "ref-list", "table"};
    return names[static_cast<int>(type)];
}

std::string_view toString(Category category)
{
    static constexpr std::string_view names[] = {"Groups", "Networking", "Compute",
                                                 "Security & Identity", "Connectivity",
                                                 "External"};
    return names[static_cast<int>(category)];
}

namespace {
constexpr std::string_view kPolicyTypes[] = {"identity", "trust", "resource", "endpoint",
                                             "scp", "session", "permissions-boundary"};
}

std::string_view toString(PolicyType type)
{
    return kPolicyTypes[static_cast<int>(type)];
}

std::optional<PolicyType> policyTypeFromString(std::string_view name)
{
    for (int i = 0; i < 7; ++i)
        if (kPolicyTypes[i] == name)
            return static_cast<PolicyType>(i);
    return std::nullopt;
}

} // namespace heiiki::model
