#include "netrules.h"
#include "rulesupport.h"

#include "../../network/pathengine.h"
#include "../pricing.h"

#include <cmath>
#include <cstdio>

namespace heiiki::model::rules {

namespace {

std::string money(double amount, const std::string &currency)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f %s", amount, currency.c_str());
    return buffer;
}

/// NET-016: heavy S3 or DynamoDB traffic goes through NAT and the firewall instead of a
/// gateway endpoint.
class Net016GatewayEndpointCost : public Rule
{
public:
    std::string_view id() const override { return "NET-016"; }
    std::string_view title() const override
    {
        return "S3 and DynamoDB traffic uses gateway endpoints";
    }
    Severity severity() const override { return Severity::Warning; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        const PriceTable &prices = PriceTable::tokyo();
        for (size_t i = 0; i < design.flows().size(); ++i) {
            const Flow &flow = design.flows()[i];
            std::string service;
            if (flow.target.kind == FlowTarget::Kind::Service)
                service = network::PathEngine::serviceName(flow.target.value);
            else if (const Element *t = design.element(Id(flow.target.value));
                     t && flow.target.kind == FlowTarget::Kind::Element
                     && t->kind == ElementKind::AwsService)
                service = network::PathEngine::serviceName(str(t->property("service")));
            if ((service != "s3" && service != "dynamodb") || flow.gbPerMonth <= 0)
                continue;
            const network::PathResult &brief = context.flowPath(i);
            if (brief.natGateways().empty() && brief.firewalls().empty())
                continue;
            const auto &path = context.explain(brief);
            const bool viaTgw = std::any_of(path.hops.begin(), path.hops.end(), [&](const auto &h) {
                const Element *e = design.element(h.element);
                return e && e->kind == ElementKind::TransitGateway;
            });
            double perGb = 0;
            std::string parts;
            auto add = [&](bool used, double price, const char *what) {
                if (!used)
                    return;
                perGb += price;
                parts += (parts.empty() ? "" : " + ") + std::string(what);
            };
            add(!path.natGateways().empty(), prices.natGatewayGb, "NAT gateway");
            add(!path.firewalls().empty(), prices.networkFirewallGb, "Network Firewall");
            add(viaTgw, prices.transitGatewayGb, "Transit Gateway");
            const double now = flow.gbPerMonth * perGb;
            const double withEndpoint = flow.gbPerMonth * prices.gatewayEndpointGb;
            const double difference = now - withEndpoint;
            if (difference < 0.005)
                continue;
            char gb[32];
            std::snprintf(gb, sizeof gb, "%g", flow.gbPerMonth);
            findings.push_back(finding(
                pathElements(path),
                flowName(flow) + " sends " + gb + " GB a month to " + service + " through "
                    + parts + " (" + money(now, prices.currency) + " a month in processing, at "
                    + prices.region + " prices of " + prices.retrieved
                    + ") where a gateway endpoint costs " + money(withEndpoint, prices.currency)
                    + ": " + money(difference, prices.currency) + " a month more"
                    + (path.delivered ? std::string()
                                      : ", and the firewall should not let AWS domains out "
                                        "anyway")
                    + ".",
                "Add a gateway endpoint for " + service + " in the source VPC and route the "
                "subnets' prefix list to it.",
                flowPointer(design, flow)));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet016() { return std::make_unique<Net016GatewayEndpointCost>(); }

} // namespace heiiki::model::rules
