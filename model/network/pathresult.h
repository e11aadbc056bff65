#pragma once

#include "../core/id.h"

#include <string>
#include <string_view>
#include <vector>

namespace heiiki::model {
struct Element;
struct Link;
}

namespace heiiki::model::network {

/// Why a path stopped.
enum class StopReason {
    None,                ///< delivered
    NoRoute,             ///< a route table has no route for the destination
    Blackhole,           ///< a Transit Gateway blackhole route drops it
    NetworkAcl,          ///< a network ACL denies it (either direction)
    SecurityGroup,       ///< a security group does not allow it
    FirewallRule,        ///< the Network Firewall drops it
    NatDirection,        ///< a NAT gateway does not take connections from outside
    PeeringTransitivity, ///< VPC peering does not forward beyond the peer VPC
    NoVif,               ///< no usable virtual interface for a Direct Connect association
    NoPublicAddress,     ///< the internet gateway cannot carry a private address
    NoAddress,           ///< nothing holds the destination address
    BadInput,            ///< the query names something the design does not have
    Loop,                ///< the packet would go round forever
};
std::string_view toString(StopReason reason);

/// How much a trace records.
enum class Detail {
    Full,  ///< the hops, the explanation and how the destination resolved, for people
    Brief, ///< only the verdict and what the path went through, for rules that decide
};

/// How the destination's name resolved: PathResult::resolvedAs in a word.
enum class Resolution {
    Direct,              ///< an address, an element or the internet, as asked
    InterfaceEndpoint,   ///< the private DNS of an interface endpoint
    HostedZone,          ///< a Route 53 private hosted zone
    PrivateLinkEndpoint, ///< the private DNS of a PrivateLink endpoint
    GatewayEndpoint,     ///< a public service name that a gateway endpoint serves
    PublicName,          ///< a public name, on the internet
};

/// One step of a path: the element that handled the packet and what it did.
struct Hop
{
    Id element;
    std::string action;
};

/// The answer to a reachability query. A Detail::Brief trace leaves explanation, hops and
/// resolvedAs empty; everything else is the same as in a full trace.
struct PathResult
{
    bool delivered = false;
    StopReason reason = StopReason::None;
    std::string explanation; ///< why it stopped, or how it was delivered
    Id blockedAt;            ///< the element that stopped it
    std::vector<Hop> hops;
    Resolution resolution = Resolution::Direct;

    // What the path went through, for the rules: objects of the traced design, valid while
    // it stays as it was traced.
    std::vector<const Element *> firewalls; ///< Network Firewalls that inspected it
    std::vector<const Element *> natGateways;
    std::vector<const Element *> endpoints; ///< VPC endpoints it used
    std::vector<const Element *> relays;    ///< instances or load balancers that forwarded it
    std::vector<const Link *> peerings;
    std::vector<const Element *> vpcs;      ///< the VPCs of the elements it went through, in order
    bool reachedInternet = false;    ///< it left through an internet gateway
    bool crossedAzToFirewall = false;
    std::string resolvedAs;          ///< how the destination resolved ("endpoint vpce-…")
};

} // namespace heiiki::model::network
