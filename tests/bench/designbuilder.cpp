#include "designbuilder.h"

#include <cstdio>

namespace heiiki::bench {

using model::Id;
using json = heiiki::Json;

DesignBuilder::DesignBuilder(model::Design &design)
    : m_design(design)
{}

model::Element &DesignBuilder::element(const std::string &id,
                                       model::ElementKind kind,
                                       const std::string &name,
                                       const std::string &parent,
                                       json properties)
{
    model::Element e;
    e.id = Id(id);
    e.kind = kind;
    e.name = name;
    e.parent = Id(parent);
    e.properties = std::move(properties);
    return m_design.addElement(std::move(e));
}

void DesignBuilder::link(const std::string &id,
                         model::LinkKind kind,
                         const std::string &from,
                         const std::string &to,
                         json properties,
                         const std::string &name)
{
    model::Link l;
    l.id = Id(id);
    l.kind = kind;
    l.name = name;
    l.from = Id(from);
    l.to = Id(to);
    l.properties = std::move(properties);
    m_design.addLink(std::move(l));
}

void DesignBuilder::policy(const std::string &id,
                           model::PolicyType type,
                           const std::string &name,
                           json document)
{
    m_design.addPolicy({Id(id), name, type, std::move(document)});
}

void DesignBuilder::flow(const std::string &id,
                         const std::string &name,
                         const std::string &source,
                         model::FlowTarget::Kind targetKind,
                         const std::string &target,
                         int port,
                         bool mustSucceed,
                         double gbPerMonth,
                         const std::string &via)
{
    model::Flow f;
    f.id = Id(id);
    f.name = name;
    f.source = Id(source);
    f.target = {targetKind, target};
    f.port = port;
    f.gbPerMonth = gbPerMonth;
    f.mustSucceed = mustSucceed;
    f.via = via;
    m_flows.push_back(std::move(f));
}

std::string DesignBuilder::nextEndpointId()
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "vpce-0a1b2c%011x", ++m_endpoints);
    return buffer;
}

void DesignBuilder::finish()
{
    for (auto &f : m_flows)
        m_design.flows().push_back(std::move(f));
    m_flows.clear();
}

std::string ipv4(uint32_t address)
{
    return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 255) + "."
           + std::to_string((address >> 8) & 255) + "." + std::to_string(address & 255);
}

std::string cidr(uint32_t address, int prefix)
{
    return ipv4(address) + "/" + std::to_string(prefix);
}

json route(const std::string &destination, const std::string &target)
{
    return {{"destination", destination}, {"target", target}};
}

json sgRule(int fromPort,
            int toPort,
            const std::string &peerKey,
            const std::string &peer,
            const std::string &description)
{
    return {{"protocol", "tcp"},
            {"fromPort", fromPort},
            {"toPort", toPort},
            {peerKey, peer},
            {"description", description}};
}

json aclRule(int rule, int fromPort, int toPort, const std::string &peer)
{
    return {{"rule", rule},
            {"protocol", "tcp"},
            {"fromPort", fromPort},
            {"toPort", toPort},
            {"cidr", peer},
            {"action", "allow"}};
}

} // namespace heiiki::bench
