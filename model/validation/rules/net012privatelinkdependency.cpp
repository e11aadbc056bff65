#include "netrules.h"
#include "rulesupport.h"

#include <set>

namespace heiiki::model::rules {

namespace {

/// NET-012: a flow depends on a PrivateLink endpoint service in another region or owned by
/// a third party: a change on their side can break it.
class Net012PrivateLinkDependency : public Rule
{
public:
    std::string_view id() const override { return "NET-012"; }
    std::string_view title() const override
    {
        return "Flows do not depend on third-party or other-region PrivateLink services";
    }
    Severity severity() const override { return Severity::Warning; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        const auto &org = design.settings().organizationAccounts;
        std::set<std::pair<std::string, std::string>> reported;
        for (size_t i = 0; i < design.flows().size(); ++i) {
            const Flow &flow = design.flows()[i];
            const Element *src = context.flowSource(i);
            if (!src)
                continue;
            const std::string sourceRegion = design.regionOf(src->id);
            const auto &path = context.flowPath(i);
            for (const Element *endpoint : path.endpoints()) {
                const Element *service = context.topology().privateLinkServiceOf(endpoint->id);
                if (service) {
                    const std::string region = design.regionOf(service->id);
                    const std::string owner = str(service->property("ownerAccountId"));
                    const bool ownedOutside = owner.empty()
                                                  ? !str(service->property("provider")).empty()
                                                  : std::find(org.begin(), org.end(), owner)
                                                        == org.end();
                    const bool otherRegion = !region.empty() && !sourceRegion.empty()
                                             && region != sourceRegion;
                    if (!ownedOutside && !otherRegion)
                        continue;
                    if (!reported.insert({flow.id.str(), service->id.str()}).second)
                        continue;
                    std::string why;
                    if (ownedOutside)
                        why = "is owned by a third party ("
                              + (owner.empty() ? str(service->property("provider")) : owner)
                              + ")";
                    if (otherRegion)
                        why += std::string(why.empty() ? "" : " and ") + "lives in " + region
                               + " while the flow starts in " + sourceRegion;
                    findings.push_back(finding(
                        {flow.source, endpoint->id, service->id},
                        flowName(flow) + " depends on " + describe(design, service->id)
                            + ", which " + why + ": when the provider changes its service "
                              "(a new URL, a region) the verified path silently breaks.",
                        "Reach the SaaS through the firewall allow-list of the home region "
                        "instead, and keep data in the allowed regions.",
                        flowPointer(design, flow)));
                }
            }
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet012() { return std::make_unique<Net012PrivateLinkDependency>(); }

} // namespace heiiki::model::rules
