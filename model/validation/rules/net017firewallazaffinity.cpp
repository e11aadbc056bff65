#include "netrules.h"
#include "rulesupport.h"

#include <set>

namespace heiiki::model::rules {

namespace {

/// NET-017: an AZ with workloads has no firewall endpoint of its own, or its routes cross
/// AZs to reach one.
class Net017FirewallAzAffinity : public Rule
{
public:
    std::string_view id() const override { return "NET-017"; }
    std::string_view title() const override
    {
        return "Each AZ with workloads is inspected by a firewall endpoint in the same AZ";
    }
    Severity severity() const override { return Severity::Warning; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        std::set<Id> reported;
        auto check = [&](const Id &source, const network::PathResult &path,
                         const Id &declaredBy) {
            if (!path.crossedAzToFirewall || path.firewalls().empty()
                || !reported.insert(source).second)
                return;
            const auto &full = context.explain(path);
            const Id &firewall = path.firewalls().front()->id;
            findings.push_back(finding(
                {source, firewall},
                describe(design, source) + " reaches " + describe(design, firewall)
                    + " through an endpoint in another Availability Zone (" + route(full)
                    + "): an AZ outage cuts its egress, inspection can become asymmetric, and "
                      "cross-AZ traffic is charged.",
                "Give the firewall an endpoint in every AZ that has workloads, route each AZ's "
                "subnets to the endpoint of the same AZ, and name the AZs (zone) consistently "
                "across VPCs.",
                pointerOf(design, declaredBy)));
        };
        for (const Element *w : context.workloads())
            check(w->id, context.internetProbe(*w), w->id);
        for (size_t i = 0; i < design.flows().size(); ++i)
            check(design.flows()[i].source, context.flowPath(i), design.flows()[i].id);
    }
};

} // namespace

std::unique_ptr<Rule> makeNet017() { return std::make_unique<Net017FirewallAzAffinity>(); }

} // namespace heiiki::model::rules
