#include "filters.h"

#include "../core/text.h"

#include <algorithm>

namespace heiiki::model::network {

namespace {

/// The protocols that match every protocol in a rule row.
bool isAnyProtocol(const std::string &rule)
{
    return rule == "all" || rule == "-1";
}

/// Whether a rule row matches \a protocol (\a icmp: it is "icmp", which has no ports) and
/// \a port.
template<typename Rule>
bool rowMatches(const Rule &r, const std::string &protocol, bool icmp, int port)
{
    return (r.anyProtocol || r.protocol == protocol)
           && (icmp || (port >= r.fromPort && port <= r.toPort));
}

std::string text(const heiiki::Json &row, const char *key, const char *fallback)
{
    const auto it = row.find(key);
    return it != row.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
}

int number(const heiiki::Json &row, const char *key, int fallback)
{
    const auto it = row.find(key);
    return it != row.end() && it->is_number() ? it->get<int>() : fallback;
}

std::vector<Cidr> cidrs(const heiiki::Json &list)
{
    std::vector<Cidr> out;
    if (list.is_array())
        for (const auto &c : list)
            if (c.is_string())
                if (auto cidr = Cidr::parse(c.get_ref<const std::string &>()))
                    out.push_back(*cidr);
    return out;
}

std::vector<SecurityGroupRule> sgRules(const Design *design, const heiiki::Json &rules)
{
    std::vector<SecurityGroupRule> out;
    if (!rules.is_array())
        return out;
    for (size_t i = 0; i < rules.size(); ++i) {
        const auto &row = rules[i];
        if (!row.is_object())
            continue;
        SecurityGroupRule r;
        r.row = static_cast<int>(i);
        r.protocol = text(row, "protocol", "tcp");
        r.anyProtocol = isAnyProtocol(r.protocol);
        r.fromPort = number(row, "fromPort", 0);
        r.toPort = number(row, "toPort", 65535);
        if (auto c = row.find("cidr"); c != row.end() && c->is_string())
            r.cidr = Cidr::parse(c->get_ref<const std::string &>());
        if (auto s = row.find("securityGroup"); s != row.end() && s->is_string() && design)
            r.peerGroup = design->element(Id(s->get<std::string>()));
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<AclRule> aclRules(const heiiki::Json &rules)
{
    std::vector<AclRule> out;
    for (const auto &row : rules) {
        if (!row.is_object())
            continue;
        AclRule r;
        r.number = number(row, "rule", 0);
        r.protocol = text(row, "protocol", "tcp");
        r.anyProtocol = isAnyProtocol(r.protocol);
        r.fromPort = number(row, "fromPort", 0);
        r.toPort = number(row, "toPort", 65535);
        r.cidr = Cidr::parse(text(row, "cidr", ""));
        r.allow = text(row, "action", "allow") == "allow";
        out.push_back(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const AclRule &a, const AclRule &b) { return a.number < b.number; });
    return out;
}

} // namespace

SecurityGroupRules SecurityGroupRules::compile(const Design &design, const Element &group)
{
    SecurityGroupRules out;
    out.group = &group;
    out.defaultOutbound = !group.properties.contains("outbound");
    out.inbound = sgRules(&design, group.property("inbound"));
    out.outbound = sgRules(&design, group.property("outbound"));
    return out;
}

AclRules AclRules::compile(const Element &acl)
{
    AclRules out;
    out.acl = &acl;
    out.hasInbound = acl.properties.contains("inbound");
    out.hasOutbound = acl.properties.contains("outbound");
    if (out.hasInbound)
        out.inbound = aclRules(acl.property("inbound"));
    if (out.hasOutbound)
        out.outbound = aclRules(acl.property("outbound"));
    return out;
}

DomainPattern DomainPattern::compile(const std::string &entry)
{
    DomainPattern p;
    p.text = asciiLower(entry);
    if (p.text.rfind("*.", 0) == 0)
        p.text = p.text.substr(1);
    p.suffix = !p.text.empty() && p.text.front() == '.';
    return p;
}

bool DomainPattern::matches(std::string_view d) const
{
    if (!suffix)
        return d == text;
    const std::string_view e = text;
    return d == e.substr(1)
           || (d.size() > e.size() && d.compare(d.size() - e.size(), e.size(), e) == 0);
}

FirewallRules FirewallRules::compile(const Element &firewall)
{
    FirewallRules out;
    out.firewall = &firewall;
    out.homeNet = cidrs(firewall.property("homeNet"));
    const auto &groups = firewall.property("ruleGroups");
    if (groups.is_array())
        for (const auto &group : groups) {
            if (!group.is_object())
                continue;
            FirewallRuleGroup g;
            g.name = text(group, "name", "");
            g.denyList = text(group, "type", "ALLOWLIST") == "DENYLIST";
            if (auto h = group.find("homeNet"); h != group.end())
                g.homeNet = cidrs(*h);
            if (auto t = group.find("targets"); t != group.end() && t->is_array())
                for (const auto &entry : *t)
                    if (entry.is_string())
                        g.targets.push_back(DomainPattern::compile(entry.get<std::string>()));
            out.groups.push_back(std::move(g));
        }
    const auto &action = firewall.property("statefulDefaultAction");
    out.defaultAction = action.is_string() ? action.get<std::string>() : std::string();
    out.defaultPasses = out.defaultAction == "pass" || out.defaultAction.rfind("aws:alert", 0) == 0;
    return out;
}

bool checkSecurityGroups(const std::vector<const SecurityGroupRules *> &groups, bool inbound,
                         const Cidr &peer, const std::vector<const Element *> &peerGroups,
                         const std::string &protocol, int port, std::string *why)
{
    if (groups.empty()) {
        if (why)
            *why = "no security group modelled";
        return true;
    }
    const char *direction = inbound ? "inbound" : "outbound";
    const bool icmp = protocol == "icmp";
    for (const SecurityGroupRules *g : groups) {
        if (!inbound && g->defaultOutbound) {
            if (why)
                *why = g->group->id.str() + " default outbound rule";
            return true;
        }
        for (const SecurityGroupRule &r : inbound ? g->inbound : g->outbound) {
            if (!rowMatches(r, protocol, icmp, port))
                continue;
            const bool peerOk = (r.cidr && r.cidr->contains(peer))
                                || (r.peerGroup
                                    && std::find(peerGroups.begin(), peerGroups.end(), r.peerGroup)
                                           != peerGroups.end());
            if (peerOk) {
                if (why)
                    *why = g->group->id.str() + " " + direction + " rule "
                           + std::to_string(r.row + 1);
                return true;
            }
        }
    }
    if (why) {
        std::string names;
        for (const SecurityGroupRules *g : groups)
            names += (names.empty() ? "" : ", ") + g->group->id.str();
        *why = "no " + std::string(direction) + " rule of " + names + " allows " + protocol + " "
               + std::to_string(port) + " " + (inbound ? "from " : "to ") + peer.addressString();
    }
    return false;
}

bool checkNetworkAcl(const AclRules *acl, bool inbound, const Cidr &peer,
                     const std::string &protocol, int port, std::string *why)
{
    if (!acl) {
        if (why)
            *why = "default network ACL";
        return true;
    }
    const char *direction = inbound ? "inbound" : "outbound";
    if (!(inbound ? acl->hasInbound : acl->hasOutbound)) {
        if (why)
            *why = acl->acl->id.str() + " has no " + direction + " rules (default allow)";
        return true;
    }
    const bool icmp = protocol == "icmp";
    for (const AclRule &r : inbound ? acl->inbound : acl->outbound) {
        if (!rowMatches(r, protocol, icmp, port) || !r.cidr || !r.cidr->contains(peer))
            continue;
        if (why)
            *why = acl->acl->id.str() + " " + direction + " rule " + std::to_string(r.number)
                   + (r.allow ? " allows" : " denies");
        return r.allow;
    }
    if (why)
        *why = acl->acl->id.str() + ": no " + direction + " rule matches " + protocol + " "
               + std::to_string(port) + " " + (inbound ? "from " : "to ") + peer.addressString()
               + " (implicit deny)";
    return false;
}

bool inspectFirewall(const FirewallRules &firewall, const std::vector<Cidr> &vpcCidrs,
                     const Cidr &source, const std::string &domain, std::string *why)
{
    const std::vector<Cidr> &firewallHome = firewall.homeNet.empty() ? vpcCidrs
                                                                     : firewall.homeNet;
    const std::string name = domain.empty() ? std::string() : asciiLower(domain);
    std::string failedAllowList;
    bool anyFailed = false;
    for (const FirewallRuleGroup &group : firewall.groups) {
        const std::vector<Cidr> &home = group.homeNet.empty() ? firewallHome : group.homeNet;
        const bool fromHome = std::any_of(home.begin(), home.end(),
                                          [&](const Cidr &c) { return c.contains(source); });
        if (!fromHome || domain.empty())
            continue;
        const bool listed = std::any_of(group.targets.begin(), group.targets.end(),
                                        [&](const DomainPattern &t) { return t.matches(name); });
        if (group.denyList) {
            if (listed) {
                if (why)
                    *why = "rule group " + group.name + " denies " + domain;
                return false;
            }
        } else if (listed) {
            if (why)
                *why = "rule group " + group.name + " allows " + domain;
            return true;
        } else {
            // (A nameless group adds nothing to the list, and so does not decide.)
            if (why)
                failedAllowList += (failedAllowList.empty() ? "" : ", ") + group.name;
            anyFailed = anyFailed || !group.name.empty();
        }
    }
    if (anyFailed) {
        if (why)
            *why = "no allow-list lists " + domain + " (" + failedAllowList
                   + "): the firewall drops it";
        return false;
    }
    if (why)
        *why = "no rule group matches" + (domain.empty() ? std::string() : " " + domain)
               + "; default action " + firewall.defaultAction;
    return firewall.defaultPasses;
}

FilterDecision checkSecurityGroups(const std::vector<const Element *> &groups, bool inbound,
                                   const Cidr &peer, const std::vector<const Element *> &peerGroups,
                                   const std::string &protocol, int port)
{
    // The peer groups are named by id in the rows: resolve them against the peers.
    std::vector<SecurityGroupRules> compiled;
    for (const Element *g : groups) {
        SecurityGroupRules rules;
        rules.group = g;
        rules.defaultOutbound = !g->properties.contains("outbound");
        rules.inbound = sgRules(nullptr, g->property("inbound"));
        rules.outbound = sgRules(nullptr, g->property("outbound"));
        for (auto *table : {&rules.inbound, &rules.outbound}) {
            const auto &json = g->property(table == &rules.inbound ? "inbound" : "outbound");
            for (SecurityGroupRule &r : *table) {
                const auto &row = json[static_cast<size_t>(r.row)];
                if (auto s = row.find("securityGroup"); s != row.end() && s->is_string())
                    for (const Element *p : peerGroups)
                        if (p->id.str() == s->get<std::string>())
                            r.peerGroup = p;
            }
        }
        compiled.push_back(std::move(rules));
    }
    std::vector<const SecurityGroupRules *> pointers;
    for (const auto &c : compiled)
        pointers.push_back(&c);
    FilterDecision d;
    d.allowed = checkSecurityGroups(pointers, inbound, peer, peerGroups, protocol, port, &d.rule);
    return d;
}

FilterDecision checkNetworkAcl(const Element *acl, bool inbound, const Cidr &peer,
                               const std::string &protocol, int port)
{
    std::optional<AclRules> compiled;
    if (acl)
        compiled = AclRules::compile(*acl);
    FilterDecision d;
    d.allowed = checkNetworkAcl(compiled ? &*compiled : nullptr, inbound, peer, protocol, port,
                                &d.rule);
    return d;
}

FilterDecision inspectFirewall(const Element &firewall, const std::vector<Cidr> &vpcCidrs,
                               const Cidr &source, const std::string &domain)
{
    FilterDecision d;
    d.allowed = inspectFirewall(FirewallRules::compile(firewall), vpcCidrs, source, domain,
                                &d.rule);
    return d;
}

bool domainMatches(const std::string &entry, const std::string &domain)
{
    return DomainPattern::compile(entry).matches(asciiLower(domain));
}

} // namespace heiiki::model::network
