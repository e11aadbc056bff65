#pragma once

#include "../core/cidr.h"
#include "../core/design.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heiiki::model::network {

/// The ephemeral port a reply is sent to when the engine checks a stateless return path
/// (Linux clients pick from 32768–60999).
inline constexpr int kEphemeralPort = 49152;

/// What a filter decided, and which rule decided it.
struct FilterDecision
{
    bool allowed = true;
    std::string rule; ///< "inbound rule 100", "rule group allow-egress", "default action"
};

/// One row of a security group table, parsed once.
struct SecurityGroupRule
{
    int row = 0;                      ///< index in the group's table
    std::string protocol;             ///< "tcp", "udp", "icmp", "all" or "-1"
    bool anyProtocol = false;         ///< protocol is "all" or "-1"
    int fromPort = 0;
    int toPort = 65535;
    std::optional<Cidr> cidr;         ///< the peer network, when the row names one
    const Element *peerGroup = nullptr; ///< the peer security group, when the row names one
};

/// A security group, parsed once per topology. Points into the design.
struct SecurityGroupRules
{
    const Element *group = nullptr;
    bool defaultOutbound = false; ///< "outbound" is absent: AWS's allow-all rule applies
    std::vector<SecurityGroupRule> inbound;
    std::vector<SecurityGroupRule> outbound;

    static SecurityGroupRules compile(const Design &design, const Element &group);
};

/// One row of a network ACL, parsed once.
struct AclRule
{
    int number = 0;
    std::string protocol;
    bool anyProtocol = false; ///< protocol is "all" or "-1"
    int fromPort = 0;
    int toPort = 65535;
    std::optional<Cidr> cidr;
    bool allow = true;
};

/// A network ACL, parsed once per topology, its rows in evaluation order.
struct AclRules
{
    const Element *acl = nullptr;
    bool hasInbound = false;  ///< false: that direction keeps the default (allow)
    bool hasOutbound = false;
    std::vector<AclRule> inbound;
    std::vector<AclRule> outbound;

    static AclRules compile(const Element &acl);
};

/// A Network Firewall domain list entry, lower-cased: "example.com" matches itself;
/// ".example.com" (and "*.example.com") match example.com and every name below it.
struct DomainPattern
{
    std::string text;    ///< lower-cased, "*." turned into "."
    bool suffix = false; ///< starts with "."

    static DomainPattern compile(const std::string &entry);
    /// \a domain must be lower-cased.
    bool matches(std::string_view domain) const;
};

/// A Network Firewall rule group, parsed once.
struct FirewallRuleGroup
{
    std::string name;
    bool denyList = false;
    std::vector<DomainPattern> targets;
    std::vector<Cidr> homeNet; ///< empty: the firewall's
};

/// A Network Firewall's stateful policy, parsed once per topology.
struct FirewallRules
{
    const Element *firewall = nullptr;
    std::vector<Cidr> homeNet; ///< empty: the VPC's CIDRs
    std::vector<FirewallRuleGroup> groups;
    std::string defaultAction;
    bool defaultPasses = false;

    static FirewallRules compile(const Element &firewall);
};

/// Security groups are stateful: only the direction that opens a connection is checked.
/// \a groups are the interface's groups; \a peerGroups those of the other side. An element
/// with no security groups in the design is not filtered. A group whose "outbound" is absent
/// keeps AWS's default rule (all traffic out); an absent "inbound" lets nothing in. When
/// \a why is given, it receives the rule that decided.
bool checkSecurityGroups(const std::vector<const SecurityGroupRules *> &groups, bool inbound,
                         const Cidr &peer, const std::vector<const Element *> &peerGroups,
                         const std::string &protocol, int port, std::string *why);

/// Network ACLs are stateless and ordered by rule number; the first match decides, and no
/// match denies. A subnet without an ACL (or an ACL without that direction's table) keeps the
/// default ACL, which allows everything. When \a why is given, it receives the rule that
/// decided.
bool checkNetworkAcl(const AclRules *acl, bool inbound, const Cidr &peer,
                     const std::string &protocol, int port, std::string *why);

/// The stateful inspection of a Network Firewall for traffic from \a source to a name
/// (TLS SNI / HTTP Host) \a domain ("" for traffic without one). When \a why is given, it
/// receives the rule group or default action that decided.
bool inspectFirewall(const FirewallRules &firewall, const std::vector<Cidr> &vpcCidrs,
                     const Cidr &source, const std::string &domain, std::string *why);

// The same checks on the design's elements directly (they parse the tables each call).
FilterDecision checkSecurityGroups(const std::vector<const Element *> &groups, bool inbound,
                                   const Cidr &peer, const std::vector<const Element *> &peerGroups,
                                   const std::string &protocol, int port);
FilterDecision checkNetworkAcl(const Element *acl, bool inbound, const Cidr &peer,
                               const std::string &protocol, int port);
FilterDecision inspectFirewall(const Element &firewall, const std::vector<Cidr> &vpcCidrs,
                               const Cidr &source, const std::string &domain);

/// Does a Network Firewall domain list entry match \a domain? "example.com" matches itself;
/// ".example.com" and "*.example.com" match example.com and every name below it.
bool domainMatches(const std::string &entry, const std::string &domain);

} // namespace heiiki::model::network
