#pragma once

#include "../core/cidr.h"
#include "../core/design.h"

#include <string>
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

/// Security groups are stateful: only the direction that opens a connection is checked.
/// \a groups are the interface's groups; \a peerGroups those of the other side. An element
/// with no security groups in the design is not filtered. A group whose "outbound" is absent
/// keeps AWS's default rule (all traffic out); an absent "inbound" lets nothing in.
FilterDecision checkSecurityGroups(const std::vector<const Element *> &groups, bool inbound,
                                   const Cidr &peer, const std::vector<const Element *> &peerGroups,
                                   const std::string &protocol, int port);

/// Network ACLs are stateless and ordered by rule number; the first match decides, and no
/// match denies. A subnet without an ACL (or an ACL without that direction's table) keeps the
/// default ACL, which allows everything.
FilterDecision checkNetworkAcl(const Element *acl, bool inbound, const Cidr &peer,
                               const std::string &protocol, int port);

/// Does a Network Firewall domain list entry match \a domain? "example.com" matches itself;
/// ".example.com" and "*.example.com" match example.com and every name below it.
bool domainMatches(const std::string &entry, const std::string &domain);

/// The stateful inspection of a Network Firewall for traffic from \a source to a name
/// (TLS SNI / HTTP Host) \a domain ("" for traffic without one).
FilterDecision inspectFirewall(const Element &firewall, const std::vector<Cidr> &vpcCidrs,
                               const Cidr &source, const std::string &domain);

} // namespace heiiki::model::network
