#include "netrules.h"
#include "serviceaccess.h"

namespace heiiki::model::rules {

namespace {

/// NET-006: a workload calls an AWS service with no VPC endpoint for it in reach.
class Net006ServiceEndpoint : public Rule
{
public:
    std::string_view id() const override { return "NET-006"; }
    std::string_view title() const override
    {
        return "AWS services are called through VPC endpoints";
    }
    Severity severity() const override { return Severity::Warning; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        for (const ServiceCall &call : context.serviceCalls()) {
            if (call.flow && call.flow->via == "session-manager")
                continue; // NET-007
            const auto &brief = context.trace(serviceQuery(call));
            if (!brief.endpoints().empty() || blockedAtEndpoint(design, brief))
                continue;
            const auto &path = context.explain(brief);
            findings.push_back(finding(
                {call.caller},
                describe(design, call.caller) + " calls " + call.service + " ("
                    + purposeOf(call) + ") with no VPC endpoint for it in reach: the call "
                    + (path.delivered ? "goes out through " + route(path)
                                      : "fails (" + path.explanation + ")")
                    + ".",
                "Add " + std::string(call.service == "s3" || call.service == "dynamodb"
                                         ? "a gateway endpoint (route the subnets' prefix list "
                                           "to it)"
                                         : "an interface endpoint with private DNS")
                    + " for " + call.service + " in the caller's VPC, with an endpoint policy "
                                               "for the organisation's accounts.",
                pointerOf(design, call.flow->id)));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet006() { return std::make_unique<Net006ServiceEndpoint>(); }

} // namespace heiiki::model::rules
