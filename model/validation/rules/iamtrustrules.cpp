// The four rules on role trust policies (IAM-004, -005, -006, -009) ask the same question of
// the evaluator with different requests, so they share this file and its probe.
#include "iamsupport.h"
#include "netrules.h"

namespace heiiki::model::rules {

namespace {

/// One role trust policy and the role it guards.
struct TrustCase
{
    const AttachedPolicy *policy;
    const Element *role;
};

std::vector<TrustCase> trustCases(const Design &design, const IamView &view)
{
    std::vector<TrustCase> out;
    for (const AttachedPolicy *p : view.trustPolicies()) {
        if (!trustsAwsPrincipals(*p->policy))
            continue; // a service role (ec2.amazonaws.com…): not assumed by people
        for (const Element *e : p->attachedTo)
            if (e->kind == ElementKind::IamRole)
                out.push_back({p, e});
    }
    (void)design;
    return out;
}

/// Does the trust policy let \a caller assume the role with \a keys in the request?
bool assumes(const Design &design, const TrustCase &c, const std::string &caller,
             std::vector<std::pair<std::string, std::vector<std::string>>> keys, int *statement)
{
    const iam::RequestContext request(caller, "sts:AssumeRole", roleArn(design, *c.role),
                                      std::move(keys));
    return iam::evaluatePolicy(*c.policy->policy, request, true, statement)
           == iam::PolicyVerdict::Allow;
}

std::string operatorArn(const IamView &view, const Design &design, const Element &role)
{
    return "arn:aws:iam::" + view.organisationAccount(design.accountOf(role.id))
           + ":user/heiiki-probe";
}

std::string stsEndpoint(const IamView &view)
{
    const auto ids = view.endpointIds("sts");
    return ids.empty() ? std::string("vpce-0000000000000sts0") : ids.front();
}

/// The base of the trust rules: one finding per role whose trust policy allows \a probe.
class TrustRule : public Rule
{
public:
    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        const IamView &view = context.iam();
        for (const TrustCase &c : trustCases(design, view)) {
            int statement = -1;
            std::string how;
            if (!probe(design, view, c, &statement, how))
                continue;
            findings.push_back(finding(
                {c.role->id, c.policy->document->id},
                "The trust policy \"" + c.policy->document->name + "\" of "
                    + describe(design, c.role->id) + " " + how + " (statement "
                    + std::to_string(statement + 1) + ").",
                fixText(),
                pointerOf(design, c.policy->document->id) + "/document"
                    + (statement >= 0 ? c.policy->policy->statements[statement].pointer
                                      : std::string())));
        }
    }

protected:
    virtual bool probe(const Design &design, const IamView &view, const TrustCase &c,
                       int *statement, std::string &how) const = 0;
    virtual std::string fixText() const = 0;
};

class Iam004SourceVpce : public TrustRule
{
public:
    std::string_view id() const override { return "IAM-004"; }
    std::string_view title() const override
    {
        return "Roles can be assumed only through the design's STS endpoint";
    }
    Severity severity() const override { return Severity::Error; }

protected:
    bool probe(const Design &design, const IamView &view, const TrustCase &c, int *statement,
               std::string &how) const override
    {
        const std::string caller = operatorArn(view, design, *c.role);
        if (assumes(design, c, caller,
                    {{"aws:MultiFactorAuthPresent", {"true"}},
                     {"sts:RoleSessionName", {"heiiki-probe"}}},
                    statement)) {
            how = "lets the role be assumed from anywhere, with no aws:SourceVpce: a leaked "
                  "access key works from outside the closed network";
            return true;
        }
        if (assumes(design, c, caller,
                    {{"aws:MultiFactorAuthPresent", {"true"}},
                     {"sts:RoleSessionName", {"heiiki-probe"}},
                     {"aws:SourceVpce", {"vpce-0fffffffffffffff0"}}},
                    statement)) {
            how = "lets the role be assumed through an endpoint that is not the design's STS "
                  "endpoint";
            return true;
        }
        return false;
    }
    std::string fixText() const override
    {
        return "Add the condition StringEquals aws:SourceVpce = the design's STS endpoint id.";
    }
};

class Iam005Mfa : public TrustRule
{
public:
    std::string_view id() const override { return "IAM-005"; }
    std::string_view title() const override { return "Assuming a role requires MFA"; }
    Severity severity() const override { return Severity::Warning; }

protected:
    bool probe(const Design &design, const IamView &view, const TrustCase &c, int *statement,
               std::string &how) const override
    {
        how = "lets the role be assumed without MFA";
        return assumes(design, c, operatorArn(view, design, *c.role),
                       {{"aws:SourceVpce", {stsEndpoint(view)}},
                        {"sts:RoleSessionName", {"heiiki-probe"}},
                        {"aws:MultiFactorAuthPresent", {"false"}}},
                       statement);
    }
    std::string fixText() const override
    {
        return "Add the condition Bool aws:MultiFactorAuthPresent = true.";
    }
};

class Iam006SessionName : public TrustRule
{
public:
    std::string_view id() const override { return "IAM-006"; }
    std::string_view title() const override
    {
        return "Role sessions carry the caller's user name";
    }
    Severity severity() const override { return Severity::Warning; }

protected:
    bool probe(const Design &design, const IamView &view, const TrustCase &c, int *statement,
               std::string &how) const override
    {
        how = "lets a caller pick any session name, so CloudTrail cannot tell who used the "
              "role";
        return assumes(design, c, operatorArn(view, design, *c.role),
                       {{"aws:SourceVpce", {stsEndpoint(view)}},
                        {"aws:MultiFactorAuthPresent", {"true"}},
                        {"sts:RoleSessionName", {"someone-else"}}},
                       statement);
    }
    std::string fixText() const override
    {
        return "Add the condition StringEquals sts:RoleSessionName = ${aws:username}.";
    }
};

class Iam009OutsideTrust : public TrustRule
{
public:
    std::string_view id() const override { return "IAM-009"; }
    std::string_view title() const override
    {
        return "Trust policies trust only the organisation";
    }
    Severity severity() const override { return Severity::Error; }

protected:
    bool probe(const Design &design, const IamView &view, const TrustCase &c, int *statement,
               std::string &how) const override
    {
        how = "lets a principal of account " + view.outsideAccount()
              + ", outside the organisation, assume the role";
        return assumes(design, c,
                       "arn:aws:iam::" + view.outsideAccount() + ":user/heiiki-probe",
                       {{"aws:SourceVpce", {stsEndpoint(view)}},
                        {"aws:MultiFactorAuthPresent", {"true"}},
                        {"sts:RoleSessionName", {"heiiki-probe"}}},
                       statement);
    }
    std::string fixText() const override
    {
        return "Trust only the organisation's accounts (arn:aws:iam::ACCOUNT:root), never * "
               "or an outside account.";
    }
};

} // namespace

std::unique_ptr<Rule> makeIam004() { return std::make_unique<Iam004SourceVpce>(); }
std::unique_ptr<Rule> makeIam005() { return std::make_unique<Iam005Mfa>(); }
std::unique_ptr<Rule> makeIam006() { return std::make_unique<Iam006SessionName>(); }
std::unique_ptr<Rule> makeIam009() { return std::make_unique<Iam009OutsideTrust>(); }

} // namespace heiiki::model::rules
