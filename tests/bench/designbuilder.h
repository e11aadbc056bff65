#pragma once

// A terse way to build designs in code, for the generators of the benchmarks.

#include "model/core/design.h"

#include <cstdint>
#include <string>
#include <vector>

namespace heiiki::bench {

/// Adds elements, links, policies and flows to a design with little ceremony. Flows are kept
/// aside until finish(), because Design::addElement() checks a new id against every flow.
/// The builder writes into a design it does not own; call finish() before using the design.
class DesignBuilder
{
public:
    explicit DesignBuilder(model::Design &design);

    /// Adds an element; \a parent "" stands at the top level. The reference stays valid.
    model::Element &element(const std::string &id,
                            model::ElementKind kind,
                            const std::string &name,
                            const std::string &parent,
                            heiiki::Json properties = heiiki::Json::object());
    void link(const std::string &id,
              model::LinkKind kind,
              const std::string &from,
              const std::string &to,
              heiiki::Json properties = heiiki::Json::object(),
              const std::string &name = {});
    void policy(const std::string &id,
                model::PolicyType type,
                const std::string &name,
                heiiki::Json document);
    void flow(const std::string &id,
              const std::string &name,
              const std::string &source,
              model::FlowTarget::Kind targetKind,
              const std::string &target,
              int port,
              bool mustSucceed = true,
              double gbPerMonth = 0,
              const std::string &via = {});

    /// A fresh AWS endpoint id: "vpce-0a1b2c00000000001", then …002 and on.
    std::string nextEndpointId();

    /// Adds the flows kept aside.
    void finish();

private:
    model::Design &m_design;
    std::vector<model::Flow> m_flows;
    unsigned m_endpoints = 0;
};

/// "10.0.8.10" for the IPv4 address \a address.
std::string ipv4(uint32_t address);
/// "10.0.8.0/21".
std::string cidr(uint32_t address, int prefix);

/// A row of a subnet's "routes" table.
heiiki::Json route(const std::string &destination, const std::string &target);
/// A tcp row of a security group's "inbound" or "outbound" table; \a peerKey is "cidr" or
/// "securityGroup".
heiiki::Json sgRule(int fromPort,
                      int toPort,
                      const std::string &peerKey,
                      const std::string &peer,
                      const std::string &description);
/// An allowing tcp row of a network ACL's "inbound" or "outbound" table.
heiiki::Json aclRule(int rule, int fromPort, int toPort, const std::string &peer);

} // namespace heiiki::bench
