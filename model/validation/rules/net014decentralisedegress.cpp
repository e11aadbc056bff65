#include "netrules.h"
#include "rulesupport.h"

#include <set>

namespace heiiki::model::rules {

namespace {

/// NET-014: egress is not centralised: a spoke VPC has its own internet or NAT gateway.
class Net014DecentralisedEgress : public Rule
{
public:
    std::string_view id() const override { return "NET-014"; }
    std::string_view title() const override
    {
        return "Internet egress is centralised in the hub";
    }
    Severity severity() const override { return Severity::Warning; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        const auto &topology = context.topology();
        // A VPC that other VPCs' internet-bound traffic enters is an egress hub.
        std::set<Id> hubs;
        for (const Element *w : context.workloads()) {
            const Element *home = topology.vpcOf(w);
            for (const Element *vpc : context.internetProbe(*w).vpcs())
                if (vpc != home)
                    hubs.insert(vpc->id);
        }
        // So is a VPC that a Transit Gateway's default route leads to.
        for (const Element *e : context.elementsOf(ElementKind::TransitGateway)) {
            if (const auto *tgw = topology.tgw(e->id))
                for (const auto &table : tgw->tables)
                    for (const auto &route : table.routes)
                        if (route.cidr.isDefaultRoute() && route.attachment
                            && route.attachment->kind == LinkKind::TgwAttachment)
                            hubs.insert(route.attachment->from);
        }
        for (const auto &vpc : topology.vpcs()) {
            if (vpc.tgwAttachments.empty() || hubs.count(vpc.vpc->id))
                continue;
            std::vector<Id> own;
            if (vpc.internetGateway)
                own.push_back(vpc.internetGateway->id);
            for (const Element *n : vpc.natGateways)
                own.push_back(n->id);
            if (own.empty())
                continue;
            std::vector<Id> elements{vpc.vpc->id};
            elements.insert(elements.end(), own.begin(), own.end());
            findings.push_back(finding(
                elements,
                describe(design, vpc.vpc->id) + " is a spoke of the Transit Gateway but has its "
                    "own " + (vpc.internetGateway ? std::string("internet gateway")
                                                 : std::string("NAT gateway"))
                    + ": its egress does not pass the central inspection, and each spoke pays "
                      "for its own gateways.",
                "Remove the spoke's internet and NAT gateways and send 0.0.0.0/0 to the Transit "
                "Gateway, whose route table leads to the inspection VPC.",
                pointerOf(design, vpc.vpc->id)));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet014() { return std::make_unique<Net014DecentralisedEgress>(); }

} // namespace heiiki::model::rules
