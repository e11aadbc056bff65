#include "filters.h"

#include <algorithm>

namespace heiiki::model::network {

namespace {

bool protocolMatches(const std::string &rule, const std::string &protocol)
{
    return rule == "all" || rule == "-1" || rule == protocol;
}

bool portMatches(const nlohmann::json &row, const std::string &protocol, int port)
{
    if (protocol == "icmp")
        return true;
    const int from = row.value("fromPort", 0);
    const int to = row.value("toPort", 65535);
    return port >= from && port <= to;
}

std::vector<Cidr> cidrs(const nlohmann::json &list)
{
    std::vector<Cidr> out;
    if (list.is_array())
        for (const auto &c : list)
            if (c.is_string())
                if (auto cidr = Cidr::parse(c.get<std::string>()))
                    out.push_back(*cidr);
    return out;
}

} // namespace

FilterDecision checkSecurityGroups(const std::vector<const Element *> &groups, bool inbound,
                                   const Cidr &peer, const std::vector<const Element *> &peerGroups,
                                   const std::string &protocol, int port)
{
    if (groups.empty())
        return {true, "no security group modelled"};
    const char *direction = inbound ? "inbound" : "outbound";
    for (const Element *g : groups) {
        if (!inbound && !g->properties.contains("outbound"))
            return {true, g->id.str() + " default outbound rule"};
        const auto &rules = g->property(direction);
        if (!rules.is_array())
            continue;
        for (size_t i = 0; i < rules.size(); ++i) {
            const auto &row = rules[i];
            if (!protocolMatches(row.value("protocol", "tcp"), protocol)
                || !portMatches(row, protocol, port))
                continue;
            bool peerOk = false;
            if (auto c = row.find("cidr"); c != row.end() && c->is_string())
                if (auto cidr = Cidr::parse(c->get<std::string>()))
                    peerOk = cidr->contains(peer);
            if (auto s = row.find("securityGroup"); s != row.end() && s->is_string())
                peerOk = peerOk
                         || std::any_of(peerGroups.begin(), peerGroups.end(), [&](const Element *p) {
                                return p->id.str() == s->get<std::string>();
                            });
            if (peerOk)
                return {true, g->id.str() + " " + direction + " rule " + std::to_string(i + 1)};
        }
    }
    std::string names;
    for (const Element *g : groups)
        names += (names.empty() ? "" : ", ") + g->id.str();
    return {false, "no " + std::string(direction) + " rule of " + names + " allows " + protocol
                       + " " + std::to_string(port) + " " + (inbound ? "from " : "to ")
                       + peer.addressString()};
}

FilterDecision checkNetworkAcl(const Element *acl, bool inbound, const Cidr &peer,
                               const std::string &protocol, int port)
{
    if (!acl)
        return {true, "default network ACL"};
    const char *direction = inbound ? "inbound" : "outbound";
    if (!acl->properties.contains(direction))
        return {true, acl->id.str() + " has no " + direction + " rules (default allow)"};
    const auto &rules = acl->property(direction);
    std::vector<const nlohmann::json *> ordered;
    for (const auto &row : rules)
        ordered.push_back(&row);
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto *a, const auto *b) {
        return a->value("rule", 0) < b->value("rule", 0);
    });
    for (const auto *row : ordered) {
        if (!protocolMatches(row->value("protocol", "tcp"), protocol)
            || !portMatches(*row, protocol, port))
            continue;
        auto cidr = Cidr::parse(row->value("cidr", ""));
        if (!cidr || !cidr->contains(peer))
            continue;
        const bool allow = row->value("action", "allow") == "allow";
        return {allow, acl->id.str() + " " + direction + " rule "
                           + std::to_string(row->value("rule", 0)) + (allow ? " allows" : " denies")};
    }
    return {false, acl->id.str() + ": no " + direction + " rule matches " + protocol + " "
                       + std::to_string(port) + " " + (inbound ? "from " : "to ")
                       + peer.addressString() + " (implicit deny)"};
}

bool domainMatches(const std::string &entry, const std::string &domain)
{
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    };
    std::string e = lower(entry);
    const std::string d = lower(domain);
    if (e.rfind("*.", 0) == 0)
        e = e.substr(1);
    if (!e.empty() && e.front() == '.') {
        const std::string bare = e.substr(1);
        return d == bare
               || (d.size() > e.size() && d.compare(d.size() - e.size(), e.size(), e) == 0);
    }
    return d == e;
}

FilterDecision inspectFirewall(const Element &firewall, const std::vector<Cidr> &vpcCidrs,
                               const Cidr &source, const std::string &domain)
{
    auto firewallHome = cidrs(firewall.property("homeNet"));
    if (firewallHome.empty())
        firewallHome = vpcCidrs;
    const auto &groups = firewall.property("ruleGroups");
    std::string failedAllowList;
    for (const auto &group : groups) {
        auto home = cidrs(group.value("homeNet", nlohmann::json()));
        if (home.empty())
            home = firewallHome;
        const bool fromHome = std::any_of(home.begin(), home.end(),
                                          [&](const Cidr &c) { return c.contains(source); });
        if (!fromHome || domain.empty())
            continue;
        const auto targets = group.value("targets", nlohmann::json::array());
        const bool listed = std::any_of(targets.begin(), targets.end(), [&](const auto &t) {
            return t.is_string() && domainMatches(t.template get<std::string>(), domain);
        });
        const std::string name = group.value("name", "");
        if (group.value("type", "ALLOWLIST") == "DENYLIST") {
            if (listed)
                return {false, "rule group " + name + " denies " + domain};
        } else if (listed) {
            return {true, "rule group " + name + " allows " + domain};
        } else {
            failedAllowList += (failedAllowList.empty() ? "" : ", ") + name;
        }
    }
    if (!failedAllowList.empty())
        return {false, "no allow-list lists " + domain + " (" + failedAllowList
                           + "): the firewall drops it"};
    const std::string action = firewall.property("statefulDefaultAction").get<std::string>();
    const bool pass = action == "pass" || action.rfind("aws:alert", 0) == 0;
    return {pass, "no rule group matches" + (domain.empty() ? std::string() : " " + domain)
                      + "; default action " + action};
}

} // namespace heiiki::model::network
