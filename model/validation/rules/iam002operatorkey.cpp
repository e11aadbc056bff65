#include "iamsupport.h"
#include "netrules.h"

namespace heiiki::model::rules {

namespace {

/// IAM-002: policy I (an operator's access-key / group policy) grants more than
/// sts:AssumeRole on the organisation's own roles.
class Iam002OperatorKey : public Rule
{
public:
    std::string_view id() const override { return "IAM-002"; }
    std::string_view title() const override
    {
        return "Operators' keys may only assume the organisation's roles";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        const IamView &view = context.iam();
        for (ElementKind kind : {ElementKind::IamGroup, ElementKind::IamUser}) {
            for (const AttachedPolicy *p : view.identityPoliciesOn(kind)) {
                const std::string account = design.accountOf(p->attachedTo.front()->id);
                const std::string user = "arn:aws:iam::" + account + ":user/heiiki-probe";
                const std::pair<std::string, std::string> probes[] = {
                    {"sts:AssumeRole", "arn:aws:iam::" + view.outsideAccount() + ":role/any"},
                    {"s3:GetObject", "arn:aws:s3:::any-bucket/any-object"},
                    {"ec2:RunInstances", "*"},
                    {"iam:CreateAccessKey", "arn:aws:iam::" + account + ":user/any"},
                    {"ssm:StartSession", "arn:aws:ec2:ap-northeast-1:" + account
                                             + ":instance/i-0123456789abcdef0"},
                    {"firehose:PutRecord", "arn:aws:firehose:ap-northeast-1:"
                                               + view.outsideAccount() + ":deliverystream/x"}};
                for (const auto &[action, resource] : probes) {
                    const iam::RequestContext request(user, action, resource,
                                                      {{"aws:MultiFactorAuthPresent", {"true"}}});
                    int statement = -1;
                    if (iam::evaluatePolicy(*p->policy, request, false, &statement)
                        != iam::PolicyVerdict::Allow)
                        continue;
                    std::vector<Id> elements{p->document->id};
                    for (const Element *e : p->attachedTo)
                        elements.push_back(e->id);
                    findings.push_back(finding(
                        elements,
                        "Policy \"" + p->document->name + "\" on the operators grants " + action
                            + " on " + resource + " (statement "
                            + std::to_string(statement + 1)
                            + "): an operator's key should do nothing but assume the "
                              "organisation's own roles, so a leaked key is worth little.",
                        "Allow only sts:AssumeRole, on the ARNs of the organisation's roles.",
                        pointerOf(design, p->document->id) + "/document"
                            + p->policy->statements[statement].pointer));
                    break;
                }
            }
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeIam002() { return std::make_unique<Iam002OperatorKey>(); }

} // namespace heiiki::model::rules
