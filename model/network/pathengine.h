#pragma once

#include "pathresult.h"
#include "topology.h"

#include <string>

namespace heiiki::model::network {

/// Where a query goes.
struct Target
{
    enum class Kind { Element, Cidr, Domain, Service, Internet };
    Kind kind = Kind::Element;
    std::string value; ///< element id, CIDR or address, DNS name, service ("s3", "ssm"…)
};

/// A reachability question: can \a from open a connection to \a to?
struct Query
{
    Id from;                   ///< an element; ignored when fromInternet
    bool fromInternet = false; ///< start on the internet (an attacker, a SaaS)
    Target to;
    std::string protocol = "tcp";
    int port = 443;
};

/// Forwards a packet through a design as AWS does: subnet route tables (longest prefix),
/// local routes, internet and NAT gateways, Network Firewall inspection, Transit Gateway route
/// tables, VPC peering, Direct Connect, gateway and interface endpoints with private DNS,
/// security groups (stateful) and network ACLs (stateless, the return path too).
class PathEngine
{
public:
    explicit PathEngine(const Topology &topology);

    /// Traces \a query. A Detail::Brief trace decides the same and records the same
    /// elements, but builds no hops, explanation or resolvedAs text.
    PathResult trace(const Query &query, Detail detail = Detail::Full) const;
    /// The same, for a caller that has looked up the query's source element already (null
    /// when the query comes from the internet or names no element).
    PathResult trace(const Query &query, const Element *from, Detail detail) const;

    /// The service short name for "ssm", "com.amazonaws.ap-northeast-1.ssm" …
    static std::string serviceName(const std::string &service);
    /// The public DNS name of an AWS service in a region: "ssm.ap-northeast-1.amazonaws.com".
    static std::string serviceDomain(const std::string &service, const std::string &region);
    /// The account of the IAM user \a caller (an operator on the premises) acts as, or "":
    /// the account whose VPCs resolve AWS service names for it.
    static std::string callerAccount(const Design &design, const Element &caller);

    const Topology &topology() const { return m_topology; }

private:
    const Topology &m_topology;
};

} // namespace heiiki::model::network
