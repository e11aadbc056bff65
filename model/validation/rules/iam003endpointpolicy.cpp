#include "iamsupport.h"
#include "netrules.h"

#include "../../network/pathengine.h"

#include <map>

namespace heiiki::model::rules {

namespace {

std::string probeAction(const std::string &service)
{
    if (service == "sts")
        return "sts:AssumeRole";
    if (service == "s3")
        return "s3:PutObject";
    if (service == "ssm")
        return "ssm:StartSession";
    if (service == "ssmmessages")
        return "ssmmessages:OpenDataChannel";
    if (service == "ec2messages")
        return "ec2messages:GetMessages";
    if (service == "firehose" || service == "kinesis-firehose")
        return "firehose:PutRecord";
    return service + ":Get";
}

/// IAM-003: a VPC endpoint's policy lets a principal of an account outside the
/// organisation through.
class Iam003EndpointPolicy : public Rule
{
public:
    std::string_view id() const override { return "IAM-003"; }
    std::string_view title() const override
    {
        return "Endpoint policies stop principals of outside accounts";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        const IamView &view = context.iam();
        const std::string outsider = "arn:aws:iam::" + view.outsideAccount()
                                     + ":user/outside-credentials";
        // The policy's answer per (policy, action): endpoints share their policy.
        std::map<std::pair<const AttachedPolicy *, std::string>, std::pair<iam::PolicyVerdict, int>>
            verdicts;
        for (const Element *e : context.elementsOf(ElementKind::VpcEndpoint)) {
            // Endpoints to PrivateLink endpoint services carry no AWS credentials and take no
            // endpoint policy; the rule is about AWS APIs.
            if (context.topology().privateLinkServiceOf(e->id))
                continue;
            const std::string service = network::PathEngine::serviceName(
                str(e->property("service")));
            const AttachedPolicy *p = view.endpointPolicyOf(e->id);
            const std::string action = probeAction(service);
            if (!p) {
                findings.push_back(finding(
                    {e->id},
                    describe(design, e->id) + " has no endpoint policy, so AWS's default "
                        "(full access for any principal) applies: credentials of an outside "
                        "account work through it.",
                    "Attach an endpoint policy that denies every principal whose "
                    "aws:PrincipalAccount is not one of the organisation's accounts.",
                    pointerOf(design, e->id)));
                continue;
            }
            auto [known, fresh] = verdicts.try_emplace({p, action}, iam::PolicyVerdict::Allow, -1);
            if (fresh) {
                const iam::RequestContext request(outsider, action, "*", {});
                known->second.first = iam::evaluatePolicy(*p->policy, request, true,
                                                          &known->second.second);
            }
            const int statement = known->second.second;
            if (known->second.first != iam::PolicyVerdict::Allow)
                continue;
            findings.push_back(finding(
                {e->id, p->document->id},
                describe(design, e->id) + " lets " + action + " by " + outsider
                    + " through (endpoint policy \"" + p->document->name + "\", statement "
                    + std::to_string(statement + 1)
                    + "): an insider can bring outside credentials and carry data away.",
                "Add a Deny for every principal whose aws:PrincipalAccount is not one of the "
                "organisation's accounts (or aws:PrincipalOrgID is not the organisation's).",
                pointerOf(design, p->document->id) + "/document"));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeIam003() { return std::make_unique<Iam003EndpointPolicy>(); }

} // namespace heiiki::model::rules
