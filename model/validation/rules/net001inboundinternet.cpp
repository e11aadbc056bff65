#include "netrules.h"
#include "rulesupport.h"

#include <set>

namespace heiiki::model::rules {

namespace {

/// NET-001: a workload can be reached from the internet.
class Net001InboundInternet : public Rule
{
public:
    std::string_view id() const override { return "NET-001"; }
    std::string_view title() const override
    {
        return "No workload can be reached from the internet";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        for (const Element *w : context.workloads()) {
            // Only an address the internet can name can be reached from it.
            const auto ifs = context.topology().interfacesOf(w);
            if (std::none_of(ifs.begin(), ifs.end(), [](const auto *i) { return i->publicIp; }))
                continue;
            std::set<int> ports{22, 80, 443, 3389};
            for (const auto *i : ifs)
                for (const Element *g : i->securityGroups)
                    for (const auto &row : g->property("inbound"))
                        ports.insert(row.value("fromPort", 0));
            for (int port : ports) {
                network::Query q;
                q.fromInternet = true;
                q.to = {network::Target::Kind::Element, w->id.str()};
                q.port = port;
                if (!context.trace(q).delivered)
                    continue;
                const auto &path = context.explain(context.trace(q));
                findings.push_back(finding(
                    pathElements(path),
                    describe(design, w->id) + " can be reached from the internet on tcp "
                        + std::to_string(port) + " (" + route(path)
                        + "): a closed network takes no inbound traffic from the internet.",
                    w->kind == ElementKind::LoadBalancer
                        ? "Make the load balancer internal, or remove the internet gateway route "
                          "from its subnets."
                        : "Remove the public IP / Elastic IP and the internet gateway route from "
                          "its subnet; reach it over Direct Connect or Session Manager instead.",
                    pointerOf(design, w->id)));
                break;
            }
        }
        // Flows that must be impossible but that the internet can complete.
        for (size_t i = 0; i < design.flows().size(); ++i) {
            const Flow &flow = design.flows()[i];
            const Element *src = context.flowSource(i);
            if (flow.mustSucceed || !src
                || (src->kind != ElementKind::Saas && src->kind != ElementKind::ThirdPartyHub))
                continue;
            if (!context.flowPath(i).delivered)
                continue;
            const auto &path = context.explain(context.flowPath(i));
            findings.push_back(finding(
                pathElements(path),
                flowName(flow) + " must be impossible, but the internet reaches "
                    + flow.target.value + " (" + route(path) + ").",
                "Remove the inbound path: public addresses, internet gateway routes and "
                "security group rules that admit the internet.",
                flowPointer(design, flow)));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet001() { return std::make_unique<Net001InboundInternet>(); }

} // namespace heiiki::model::rules
