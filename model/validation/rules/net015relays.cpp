#include "netrules.h"
#include "rulesupport.h"

#include <set>

namespace heiiki::model::rules {

namespace {

/// NET-015: an EC2 instance or load balancer relays traffic between networks: a bastion to
/// operate.
class Net015Relays : public Rule
{
public:
    std::string_view id() const override { return "NET-015"; }
    std::string_view title() const override
    {
        return "No instance or load balancer relays traffic between networks";
    }
    Severity severity() const override { return Severity::Warning; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        const auto &topology = context.topology();
        std::set<Id> relays;
        // Route tables that send traffic to an instance or load balancer.
        for (const auto &vpc : topology.vpcs())
            for (const auto *subnet : vpc.subnetInfos)
                for (const auto &route : subnet->routes)
                    if (const Element *t = route.target; t
                        && (t->kind == ElementKind::Ec2Instance
                            || t->kind == ElementKind::LoadBalancer))
                        relays.insert(t->id);
        // Instances that forward traffic that is not theirs.
        for (const Element *e : context.elementsOf(ElementKind::Ec2Instance))
            if (!e->property("sourceDestCheck").get<bool>())
                relays.insert(e->id);
        // Network load balancers whose targets are in another VPC.
        for (const Element *e : context.elementsOf(ElementKind::LoadBalancer)) {
            const Element *home = topology.vpcOf(e);
            for (const auto &t : e->property("targets"))
                if (const Element *v = topology.vpcOf(Id(str(t))); v && v != home)
                    relays.insert(e->id);
        }
        for (size_t i = 0; i < design.flows().size(); ++i)
            for (const Element *r : context.flowPath(i).relays())
                relays.insert(r->id);
        for (const Id &r : relays) {
            const Element *e = design.element(r);
            if (!e)
                continue;
            findings.push_back(finding(
                {r},
                describe(design, r) + " relays traffic between networks: it is a bastion that "
                                      "has to be patched, watched and operated.",
                "Reach the destination with Session Manager port forwarding over VPC endpoints, "
                "or route it through the Transit Gateway.",
                pointerOf(design, r)));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet015() { return std::make_unique<Net015Relays>(); }

} // namespace heiiki::model::rules
