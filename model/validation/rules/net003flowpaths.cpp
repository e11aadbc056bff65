#include "netrules.h"
#include "rulesupport.h"

namespace heiiki::model::rules {

namespace {

/// NET-003: a declared flow does not behave as declared: a flow that must succeed has no
/// path (the allow-list does not permit its domain, a route is missing…), or a flow that
/// must be impossible is delivered. Flows to AWS services, Session Manager flows, peering
/// transitivity and inbound internet flows have rules of their own.
class Net003FlowPaths : public Rule
{
public:
    std::string_view id() const override { return "NET-003"; }
    std::string_view title() const override
    {
        return "Declared flows are delivered, or impossible, as declared";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        for (size_t i = 0; i < design.flows().size(); ++i) {
            const Flow &flow = design.flows()[i];
            if (!flow.via.empty() || flow.target.kind == FlowTarget::Kind::Service)
                continue;
            const Element *target = flow.target.kind == FlowTarget::Kind::Element
                                        ? design.element(Id(flow.target.value))
                                        : nullptr;
            if (target && target->kind == ElementKind::AwsService)
                continue; // NET-006
            const Element *src = context.flowSource(i);
            const bool fromInternet = src && (src->kind == ElementKind::Saas
                                              || src->kind == ElementKind::ThirdPartyHub);
            const auto &brief = context.flowPath(i);
            if (flow.mustSucceed && !brief.delivered) {
                if (brief.reason == network::StopReason::PeeringTransitivity)
                    continue; // NET-013
                const auto &path = context.explain(brief);
                std::vector<Id> elements{flow.source};
                if (!path.blockedAt.isNull())
                    elements.push_back(path.blockedAt);
                const bool firewall = path.reason == network::StopReason::FirewallRule;
                findings.push_back(finding(
                    elements,
                    flowName(flow) + " must succeed but stops at "
                        + (path.blockedAt.isNull() ? std::string("its start")
                                                   : path.blockedAt.str())
                        + ": " + path.explanation + ".",
                    firewall ? "Add the domain the flow needs to the firewall's allow-list (a "
                               "named domain, not a wildcard), or correct the flow's domain if "
                               "the service moved."
                             : "Add the missing route, attachment or rule on the path so that the "
                               "flow is delivered, or mark the flow as one that must be blocked.",
                    flowPointer(design, flow)));
            } else if (!flow.mustSucceed && brief.delivered && !fromInternet) {
                const auto &path = context.explain(brief);
                findings.push_back(finding(
                    pathElements(path),
                    flowName(flow) + " must be impossible but is delivered (" + route(path)
                        + ").",
                    "Remove the route, allow-list entry or rule that lets it through.",
                    flowPointer(design, flow)));
            }
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet003() { return std::make_unique<Net003FlowPaths>(); }

} // namespace heiiki::model::rules
