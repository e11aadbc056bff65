#include "netrules.h"
#include "rulesupport.h"

#include "../../network/filters.h"

#include <set>

namespace heiiki::model::rules {

namespace {

/// Names under which anyone can register a domain: an allow-list entry at this level allows
/// the whole internet of that suffix.
const std::set<std::string> kPublicSuffixes{
    "com", "net", "org", "io", "jp", "co.jp", "ne.jp", "or.jp", "go.jp", "ac.jp", "ad.jp",
    "gr.jp", "lg.jp", "uk", "co.uk", "com.au", "com.cn", "info", "biz", "cloud", "app", "dev"};

/// How broad an allow-list entry is: "" when it is specific enough, else why not.
std::string tooBroad(std::string entry)
{
    if (entry.rfind("*.", 0) == 0)
        entry = entry.substr(1);
    const bool wildcard = !entry.empty() && entry.front() == '.';
    std::string bare = wildcard ? entry.substr(1) : entry;
    if (bare.empty() || bare == "*")
        return "matches every domain";
    if (bare.find('*') != std::string::npos)
        return "uses a wildcard inside the name";
    if (wildcard && kPublicSuffixes.count(bare))
        return "matches every domain under the public suffix ." + bare;
    if (bare.find('.') == std::string::npos)
        return "is a top-level domain";
    return {};
}

/// NET-004: a firewall rule group is not default-deny, or an allow-list entry is too broad
/// to mean anything.
class Net004FirewallDefaultDeny : public Rule
{
public:
    std::string_view id() const override { return "NET-004"; }
    std::string_view title() const override
    {
        return "Firewall rule groups are default-deny allow-lists of named domains";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        for (const Element *e : context.elementsOf(ElementKind::NetworkFirewall)) {
            const std::string pointer = pointerOf(design, e->id);
            const auto &groups = e->property("ruleGroups");
            bool anyAllowList = false;
            for (size_t g = 0; g < groups.size(); ++g) {
                const auto &group = groups[g];
                const std::string name = group.value("name", "");
                const std::string groupPointer = pointer + "/properties/ruleGroups/"
                                                 + std::to_string(g);
                if (group.value("type", "ALLOWLIST") == "DENYLIST") {
                    findings.push_back(finding(
                        {e->id},
                        describe(design, e->id) + ": rule group " + name
                            + " is a deny-list, which lets every domain it does not name out.",
                        "Replace it with an ALLOWLIST of the domains the workloads need.",
                        groupPointer + "/type"));
                    continue;
                }
                anyAllowList = true;
                const auto &targets = group.value("targets", heiiki::Json::array());
                for (size_t t = 0; t < targets.size(); ++t) {
                    const std::string why = tooBroad(str(targets[t]));
                    if (!why.empty())
                        findings.push_back(finding(
                            {e->id},
                            describe(design, e->id) + ": allow-list entry \"" + str(targets[t])
                                + "\" in rule group " + name + " " + why
                                + ", so the allow-list no longer limits where data goes.",
                            "Name the exact domains (or a leading-dot wildcard of a domain the "
                            "vendor owns, such as .vendor.example.com).",
                            groupPointer + "/targets/" + std::to_string(t)));
                }
            }
            const std::string action = str(e->property("statefulDefaultAction"));
            const bool passes = action == "pass" || action.rfind("aws:alert", 0) == 0;
            if (passes && !anyAllowList)
                findings.push_back(finding(
                    {e->id},
                    describe(design, e->id) + " has no allow-list and its default action is "
                        + action + ": every domain passes.",
                    "Add an ALLOWLIST rule group and set the stateful default action to "
                    "aws:drop_established.",
                    pointer + "/properties/statefulDefaultAction"));
        }
        // What the firewalls really do with a domain no list names.
        for (const Element *w : context.workloads()) {
            const auto &probe = context.internetProbe(*w);
            if (!probe.delivered || probe.firewalls().empty())
                continue;
            findings.push_back(finding(
                {probe.firewalls().front()->id, w->id},
                describe(design, probe.firewalls().front()->id) + " lets internet traffic of "
                    + describe(design, w->id) + " to a domain on no list through: "
                    + "it is not default-deny for this source (is the source in HOME_NET?).",
                "Put the spokes' CIDRs in HOME_NET so that the allow-list applies to them, and "
                "use a dropping stateful default action.",
                pointerOf(design, probe.firewalls().front()->id) + "/properties/homeNet"));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet004() { return std::make_unique<Net004FirewallDefaultDeny>(); }

} // namespace heiiki::model::rules
