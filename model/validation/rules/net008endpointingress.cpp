#include "netrules.h"
#include "serviceaccess.h"

namespace heiiki::model::rules {

namespace {

/// NET-008: a network ACL or security group blocks inbound 443 to an interface endpoint that
/// a flow needs.
class Net008EndpointIngress : public Rule
{
public:
    std::string_view id() const override { return "NET-008"; }
    std::string_view title() const override
    {
        return "Network ACLs and security groups let 443 into the endpoints flows need";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        for (const ServiceCall &call : context.serviceCalls()) {
            const auto &path = context.trace(serviceQuery(call));
            if (!blockedAtEndpoint(design, path))
                continue;
            findings.push_back(finding(
                {path.blockedAt, call.caller},
                describe(design, path.blockedAt) + " blocks " + call.service + " for "
                    + describe(design, call.caller) + " (" + purposeOf(call) + "): "
                    + context.explain(path).explanation + ".",
                path.reason == network::StopReason::SecurityGroup
                    ? "Allow inbound tcp 443 from the callers' CIDRs in the endpoint's security "
                      "group."
                    : "Allow inbound tcp 443 from the callers and outbound ephemeral ports "
                      "(1024-65535) back to them in the endpoint subnets' network ACL.",
                pointerOf(design, path.blockedAt)));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet008() { return std::make_unique<Net008EndpointIngress>(); }

} // namespace heiiki::model::rules
