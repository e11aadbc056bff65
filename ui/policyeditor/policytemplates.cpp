#include "policytemplates.h"

#include <QCoreApplication>

#include <algorithm>

namespace heiiki::ui {

using model::Element;
using model::ElementKind;
using nlohmann::json;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("heiiki::ui::PolicyTemplates", text);
}

std::string str(const json &value)
{
    return value.is_string() ? value.get<std::string>() : std::string();
}

/// The account id of the account element \a e sits in, or "".
std::string accountOf(const model::Design &design, const Element &e)
{
    if (const Element *account = design.ancestor(e.id, ElementKind::Account))
        return str(account->property("accountId"));
    return {};
}

std::vector<const Element *> ofKind(const model::Design &design, ElementKind kind)
{
    std::vector<const Element *> found;
    for (const auto &e : design.elements())
        if (e->kind == kind)
            found.push_back(e.get());
    return found;
}

bool mentionsSsm(const Element &role)
{
    auto has = [](std::string text) {
        std::transform(text.begin(), text.end(), text.begin(), ::tolower);
        return text.find("ssm") != std::string::npos;
    };
    return has(str(role.property("roleName"))) || has(role.name);
}

std::string roleArn(const model::Design &design, const Element &role)
{
    std::string path = str(role.property("path"));
    if (path.empty() || path.front() != '/')
        path.insert(path.begin(), '/');
    if (path.back() != '/')
        path += '/';
    std::string name = str(role.property("roleName"));
    if (name.empty())
        name = role.name;
    return "arn:aws:iam::" + accountOf(design, role) + ":role" + path + name;
}

/// The facts the templates are made of.
struct Facts
{
    std::vector<std::string> organisation;
    std::string operatorAccount;
    std::string workloadAccount;
    std::vector<std::string> ssmRoleArns;
    std::string stsEndpoint;
    std::string ssmEndpoint;
    std::string region;
};

std::string endpointId(const model::Design &design,
                       const std::string &service,
                       const std::string &preferredAccount,
                       std::string *region)
{
    const Element *chosen = nullptr;
    for (const Element *e : ofKind(design, ElementKind::VpcEndpoint)) {
        if (str(e->property("service")) != service)
            continue;
        if (!chosen
            || (accountOf(design, *e) == preferredAccount
                && accountOf(design, *chosen) != preferredAccount))
            chosen = e;
    }
    if (!chosen)
        return {};
    if (region && region->empty())
        *region = design.regionOf(chosen->id);
    const std::string id = str(chosen->property("endpointId"));
    return id.empty() ? chosen->id.str() : id;
}

Facts factsOf(const model::Design &design)
{
    Facts facts;
    facts.organisation = design.settings().organizationAccounts;
    if (facts.organisation.empty())
        for (const auto &a : design.accounts())
            if (!a.external)
                facts.organisation.push_back(a.id);

    for (const Element *user : ofKind(design, ElementKind::IamUser))
        if (facts.operatorAccount.empty())
            facts.operatorAccount = accountOf(design, *user);
    if (facts.operatorAccount.empty() && !facts.organisation.empty())
        facts.operatorAccount = facts.organisation.front();

    std::vector<const Element *> roles = ofKind(design, ElementKind::IamRole);
    std::vector<const Element *> ssmRoles;
    std::copy_if(roles.begin(), roles.end(), std::back_inserter(ssmRoles), [](const Element *r) {
        return mentionsSsm(*r);
    });
    if (ssmRoles.empty())
        ssmRoles = roles;
    for (const Element *role : ssmRoles) {
        facts.ssmRoleArns.push_back(roleArn(design, *role));
        if (facts.workloadAccount.empty())
            facts.workloadAccount = accountOf(design, *role);
    }
    if (facts.workloadAccount.empty())
        for (const auto &id : facts.organisation)
            if (id != facts.operatorAccount && facts.workloadAccount.empty())
                facts.workloadAccount = id;
    if (facts.workloadAccount.empty())
        facts.workloadAccount = facts.operatorAccount;

    facts.stsEndpoint = endpointId(design, "sts", facts.operatorAccount, nullptr);
    facts.ssmEndpoint = endpointId(design, "ssm", facts.operatorAccount, &facts.region);
    if (facts.region.empty() && !design.settings().allowedRegions.empty())
        facts.region = design.settings().allowedRegions.front();
    return facts;
}

json oneOrMany(const std::vector<std::string> &values)
{
    return values.size() == 1 ? json(values.front()) : json(values);
}

json policy(json statements)
{
    return json{{"Version", "2012-10-17"}, {"Statement", std::move(statements)}};
}

} // namespace

QList<PolicyTemplate> closedNetworkTemplates(const model::Design &design)
{
    const Facts f = factsOf(design);
    QList<PolicyTemplate> templates;

    templates.append({tr("I. Operators' access keys: assume ssm-role only"),
                      model::PolicyType::Identity,
                      policy(json::array({json{{"Sid", "AssumeTheCompanySsmRoleOnly"},
                                               {"Effect", "Allow"},
                                               {"Action", "sts:AssumeRole"},
                                               {"Resource", oneOrMany(f.ssmRoleArns)}}}))});

    templates.append(
        {tr("II. VPC endpoints: company principals only"),
         model::PolicyType::Endpoint,
         policy(json::array(
             {json{{"Sid", "DenyPrincipalsOutsideTheCompany"},
                   {"Effect", "Deny"},
                   {"Principal", json{{"AWS", "*"}}},
                   {"Action", "*"},
                   {"Resource", "*"},
                   {"Condition",
                    json{{"StringNotEquals", json{{"aws:PrincipalAccount", f.organisation}}}}}},
              json{{"Sid", "AllowTheRest"},
                   {"Effect", "Allow"},
                   {"Principal", "*"},
                   {"Action", "*"},
                   {"Resource", "*"}}}))});

    templates.append(
        {tr("III. ssm-role trust: operators via the STS endpoint, with MFA"),
         model::PolicyType::Trust,
         policy(json::array(
             {json{{"Sid", "OperatorsThroughTheClosedNetworkWithMfa"},
                   {"Effect", "Allow"},
                   {"Principal", json{{"AWS", "arn:aws:iam::" + f.operatorAccount + ":root"}}},
                   {"Action", "sts:AssumeRole"},
                   {"Condition",
                    json{{"StringEquals", json{{"aws:SourceVpce", f.stsEndpoint}}},
                         {"Bool", json{{"aws:MultiFactorAuthPresent", "true"}}},
                         {"StringLike", json{{"sts:RoleSessionName", "${aws:username}"}}}}}}}))});

    const std::string region = f.region;
    templates.append(
        {tr("IV. ssm-role permissions: port forwarding via the SSM endpoint"),
         model::PolicyType::Identity,
         policy(json::array(
             {json{{"Sid", "PortForwardingToOwnInstancesOnly"},
                   {"Effect", "Allow"},
                   {"Action", "ssm:StartSession"},
                   {"Resource",
                    json::array(
                        {"arn:aws:ec2:" + region + ":" + f.workloadAccount + ":instance/*",
                         "arn:aws:ssm:" + region + "::document/AWS-StartPortForwardingSession"})},
                   {"Condition",
                    json{{"BoolIfExists", json{{"ssm:SessionDocumentAccessCheck", "true"}}},
                         {"StringEquals", json{{"aws:SourceVpce", f.ssmEndpoint}}}}}},
              json{{"Sid", "ManageOwnSessions"},
                   {"Effect", "Allow"},
                   {"Action", json::array({"ssm:ResumeSession", "ssm:TerminateSession"})},
                   {"Resource",
                    "arn:aws:ssm:" + region + ":" + f.workloadAccount + ":session/${aws:userid}-*"},
                   {"Condition",
                    json{{"StringEquals", json{{"aws:SourceVpce", f.ssmEndpoint}}}}}}}))});
    return templates;
}

} // namespace heiiki::ui
