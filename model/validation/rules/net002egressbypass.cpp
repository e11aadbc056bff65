#include "netrules.h"
#include "rulesupport.h"

namespace heiiki::model::rules {

namespace {

/// NET-002: internet-bound traffic of a workload leaves without passing a Network Firewall.
class Net002EgressBypass : public Rule
{
public:
    std::string_view id() const override { return "NET-002"; }
    std::string_view title() const override
    {
        return "Internet-bound traffic passes a Network Firewall endpoint";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        auto bypass = [](const network::PathResult &p) {
            return p.delivered && p.reachedInternet && p.firewalls().empty();
        };
        for (const Element *w : context.workloads()) {
            if (!bypass(context.internetProbe(*w)))
                continue;
            const auto &probe = context.explain(context.internetProbe(*w));
            findings.push_back(finding(
                pathElements(probe),
                describe(design, w->id) + " reaches the internet without passing a Network "
                    "Firewall (" + route(probe) + "): any domain can be reached, so data can "
                    "leave unchecked.",
                "Route the subnet's internet-bound traffic to the Transit Gateway (or a firewall "
                "endpoint) so that it passes the inspection VPC's allow-list; remove the spoke's "
                "own NAT or internet gateway route.",
                pointerOf(design, w->id)));
        }
        for (size_t i = 0; i < design.flows().size(); ++i) {
            const Flow &flow = design.flows()[i];
            if (!flow.via.empty())
                continue;
            const Element *src = context.flowSource(i);
            if (!bypass(context.flowPath(i)) || !src
                || (src->kind == ElementKind::Ec2Instance || src->kind == ElementKind::LoadBalancer))
                continue; // workloads were reported above
            const auto &path = context.explain(context.flowPath(i));
            findings.push_back(finding(
                pathElements(path),
                flowName(flow) + " reaches the internet without passing a Network Firewall ("
                    + route(path) + ").",
                "Send it through the inspection VPC so that the allow-list decides.",
                flowPointer(design, flow)));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet002() { return std::make_unique<Net002EgressBypass>(); }

} // namespace heiiki::model::rules
