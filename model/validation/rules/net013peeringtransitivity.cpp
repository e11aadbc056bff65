#include "netrules.h"
#include "rulesupport.h"

namespace heiiki::model::rules {

namespace {

/// NET-013: a flow depends on transitive routing through VPC peering.
class Net013PeeringTransitivity : public Rule
{
public:
    std::string_view id() const override { return "NET-013"; }
    std::string_view title() const override
    {
        return "No flow relies on transitive routing through VPC peering";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        for (size_t i = 0; i < design.flows().size(); ++i) {
            const Flow &flow = design.flows()[i];
            if (!flow.mustSucceed || !flow.via.empty())
                continue;
            const auto &path = context.flowPath(i);
            if (path.reason != network::StopReason::PeeringTransitivity)
                continue;
            std::vector<Id> elements{flow.source};
            for (const Link *p : path.peerings())
                elements.push_back(p->id);
            findings.push_back(finding(
                elements,
                flowName(flow) + " needs to go on past a VPC peering: "
                    + context.explain(path).explanation
                    + ".",
                "Peer the two VPCs directly, or attach both to a Transit Gateway.",
                flowPointer(design, flow)));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet013() { return std::make_unique<Net013PeeringTransitivity>(); }

} // namespace heiiki::model::rules
