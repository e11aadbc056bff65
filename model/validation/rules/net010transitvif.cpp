#include "netrules.h"
#include "rulesupport.h"

namespace heiiki::model::rules {

namespace {

/// NET-010: a Direct Connect gateway association to a Transit Gateway has no transit VIF
/// available to this project.
class Net010TransitVif : public Rule
{
public:
    std::string_view id() const override { return "NET-010"; }
    std::string_view title() const override
    {
        return "Direct Connect gateway associations have the VIF they need";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        for (const auto &l : design.links()) {
            if (l->kind != LinkKind::DxAssociation)
                continue;
            const Element *gateway = design.element(l->to);
            if (!gateway)
                continue;
            const bool toTgw = gateway->kind == ElementKind::TransitGateway;
            const std::string needed = toTgw ? "transit" : "private";
            const Element *vif = design.element(Id(str(l->property("vif"))));
            std::string why;
            if (!vif)
                why = "names no virtual interface";
            else if (str(vif->property("type")) != needed)
                why = "uses " + vif->id.str() + ", a " + str(vif->property("type"))
                      + " VIF, where a " + needed + " VIF is needed";
            else if (!vif->property("availableToProject").get<bool>())
                why = "uses " + vif->id.str() + ", which is not available to this project"
                      + (str(vif->property("owner")).empty()
                             ? std::string()
                             : " (it belongs to " + str(vif->property("owner")) + ")");
            if (why.empty())
                continue;
            std::vector<Id> elements{l->id, gateway->id};
            if (vif)
                elements.push_back(vif->id);
            findings.push_back(finding(
                elements,
                describe(design, l->id) + " to " + describe(design, gateway->id) + " " + why
                    + ": the premises cannot reach the " + (toTgw ? "hub" : "VPC") + " this way.",
                toTgw ? "Get a transit VIF for this project from the network team, or reach the "
                        "instances with Session Manager over VPC endpoints instead of a routed "
                        "path (do not add a relay VPC or a VGW per VPC)."
                      : "Use a private VIF available to this project.",
                pointerOf(design, l->id)));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet010() { return std::make_unique<Net010TransitVif>(); }

} // namespace heiiki::model::rules
