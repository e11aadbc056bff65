// IAM-007 and IAM-008 both probe the permission policies of roles with ssm:StartSession
// requests, so they share this file.
#include "iamsupport.h"
#include "netrules.h"

namespace heiiki::model::rules {

namespace {

struct SessionCase
{
    const AttachedPolicy *policy;
    const Element *role;
};

std::vector<SessionCase> sessionCases(const IamView &view)
{
    std::vector<SessionCase> out;
    for (const AttachedPolicy *p : view.identityPoliciesOn(ElementKind::IamRole))
        for (const Element *e : p->attachedTo)
            if (e->kind == ElementKind::IamRole)
                out.push_back({p, e});
    return out;
}

std::string ssmEndpoint(const IamView &view)
{
    const auto ids = view.endpointIds("ssm");
    return ids.empty() ? std::string("vpce-0000000000000ssm0") : ids.front();
}

bool starts(const Design &design, const SessionCase &c, const std::string &resource,
            std::vector<std::pair<std::string, std::vector<std::string>>> keys, int *statement)
{
    const std::string account = design.accountOf(c.role->id);
    std::string name = str(c.role->property("roleName"));
    if (name.empty())
        name = c.role->id.str();
    const iam::RequestContext request("arn:aws:sts::" + account + ":assumed-role/" + name
                                          + "/heiiki-probe",
                                      "ssm:StartSession", resource, std::move(keys));
    return iam::evaluatePolicy(*c.policy->policy, request, false, statement)
           == iam::PolicyVerdict::Allow;
}

std::string instanceArn(const Design &design, const SessionCase &c)
{
    return "arn:aws:ec2:ap-northeast-1:" + design.accountOf(c.role->id)
           + ":instance/i-0123456789abcdef0";
}

class Iam007StartSessionVpce : public Rule
{
public:
    std::string_view id() const override { return "IAM-007"; }
    std::string_view title() const override
    {
        return "Sessions start only through the design's SSM endpoint";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        const IamView &view = context.iam();
        for (const SessionCase &c : sessionCases(view)) {
            int statement = -1;
            std::string how;
            if (starts(design, c, instanceArn(design, c),
                       {{"ssm:SessionDocumentAccessCheck", {"true"}}}, &statement))
                how = "with no aws:SourceVpce";
            else if (starts(design, c, instanceArn(design, c),
                            {{"ssm:SessionDocumentAccessCheck", {"true"}},
                             {"aws:SourceVpce", {"vpce-0fffffffffffffff0"}}},
                            &statement))
                how = "through an endpoint that is not the design's SSM endpoint";
            else
                continue;
            findings.push_back(finding(
                {c.role->id, c.policy->document->id},
                "Policy \"" + c.policy->document->name + "\" of " + describe(design, c.role->id)
                    + " allows ssm:StartSession " + how
                    + ": leaked session credentials can start sessions from outside.",
                "Add the condition StringEquals aws:SourceVpce = the design's SSM endpoint id.",
                pointerOf(design, c.policy->document->id) + "/document"
                    + c.policy->policy->statements[statement].pointer));
        }
    }
};

class Iam008PortForwardingOnly : public Rule
{
public:
    std::string_view id() const override { return "IAM-008"; }
    std::string_view title() const override
    {
        return "Sessions are limited to port forwarding";
    }
    Severity severity() const override { return Severity::Warning; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        const IamView &view = context.iam();
        for (const SessionCase &c : sessionCases(view)) {
            const auto inside = std::vector<std::pair<std::string, std::vector<std::string>>>{
                {"aws:SourceVpce", {ssmEndpoint(view)}},
                {"ssm:SessionDocumentAccessCheck", {"true"}}};
            int statement = -1;
            std::string what;
            for (const char *doc : {"AWS-StartSSHSession", "SSM-SessionManagerRunShell",
                                    "AWS-StartInteractiveCommand"})
                if (starts(design, c, "arn:aws:ssm:ap-northeast-1::document/" + std::string(doc),
                           inside, &statement)) {
                    what = std::string("allows the document ") + doc
                           + ", not only AWS-StartPortForwardingSession";
                    break;
                }
            if (what.empty()
                && starts(design, c, instanceArn(design, c),
                          {{"aws:SourceVpce", {ssmEndpoint(view)}}}, &statement)) {
                // Allowed even without the document check: the check is not required.
                int withCheck = -1;
                (void)withCheck;
                const auto &conditions = c.policy->policy->statements[statement].conditions;
                const bool required = std::any_of(conditions.begin(), conditions.end(),
                                                  [](const iam::Condition &k) {
                                                      return k.keyLower
                                                             == "ssm:sessiondocumentaccesscheck";
                                                  });
                if (!required)
                    what = "does not require ssm:SessionDocumentAccessCheck, so the default "
                           "shell document can be used";
            }
            if (what.empty())
                continue;
            findings.push_back(finding(
                {c.role->id, c.policy->document->id},
                "Policy \"" + c.policy->document->name + "\" of " + describe(design, c.role->id)
                    + " " + what + ".",
                "Allow ssm:StartSession only on the instances and on "
                "arn:aws:ssm:REGION::document/AWS-StartPortForwardingSession, with Bool "
                "ssm:SessionDocumentAccessCheck = true.",
                pointerOf(design, c.policy->document->id) + "/document"
                    + (statement >= 0 ? c.policy->policy->statements[statement].pointer
                                      : std::string())));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeIam007() { return std::make_unique<Iam007StartSessionVpce>(); }
std::unique_ptr<Rule> makeIam008() { return std::make_unique<Iam008PortForwardingOnly>(); }

} // namespace heiiki::model::rules
