#include "policytemplates.h"

#include "../core/text.h"

#include <algorithm>
#include <iterator>

namespace heiiki::model::exporting {

using json = heiiki::Json;

namespace {

std::string str(const json &value)
{
    return value.is_string() ? value.get<std::string>() : std::string();
}

std::vector<const Element *> ofKind(const Design &design, ElementKind kind)
{
    std::vector<const Element *> found;
    for (const auto &e : design.elements())
        if (e->kind == kind)
            found.push_back(e.get());
    return found;
}

std::string roleArn(const Design &design, const Element &role)
{
    std::string path = str(role.property("path"));
    if (path.empty() || path.front() != '/')
        path.insert(path.begin(), '/');
    if (path.back() != '/')
        path += '/';
    std::string name = str(role.property("roleName"));
    if (name.empty())
        name = role.name;
    return "arn:aws:iam::" + design.accountOf(role.id) + ":role" + path + name;
}

std::string endpointId(const Design &design,
                       const std::string &service,
                       const std::string &preferredAccount,
                       std::string *region)
{
    const Element *chosen = nullptr;
    for (const Element *e : ofKind(design, ElementKind::VpcEndpoint)) {
        if (str(e->property("service")) != service)
            continue;
        if (!chosen
            || (design.accountOf(e->id) == preferredAccount
                && design.accountOf(chosen->id) != preferredAccount))
            chosen = e;
    }
    if (!chosen)
        return {};
    if (region && region->empty())
        *region = design.regionOf(chosen->id);
    const std::string id = str(chosen->property("endpointId"));
    return id.empty() ? chosen->id.str() : id;
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

bool isSessionManagerRole(const Element &role)
{
    auto has = [](const std::string &text) {
        return asciiLower(text).find("ssm") != std::string::npos;
    };
    return has(str(role.property("roleName"))) || has(role.name);
}

TemplateFacts templateFacts(const Design &design)
{
    TemplateFacts facts;
    facts.organisation = design.settings().organizationAccounts;
    if (facts.organisation.empty())
        for (const auto &a : design.accounts())
            if (!a.external)
                facts.organisation.push_back(a.id);

    for (const Element *user : ofKind(design, ElementKind::IamUser))
        if (facts.operatorAccount.empty())
            facts.operatorAccount = design.accountOf(user->id);
    if (facts.operatorAccount.empty() && !facts.organisation.empty())
        facts.operatorAccount = facts.organisation.front();

    std::vector<const Element *> roles = ofKind(design, ElementKind::IamRole);
    std::vector<const Element *> ssmRoles;
    std::copy_if(roles.begin(), roles.end(), std::back_inserter(ssmRoles), [](const Element *r) {
        return isSessionManagerRole(*r);
    });
    if (ssmRoles.empty())
        ssmRoles = roles;
    for (const Element *role : ssmRoles) {
        facts.ssmRoleArns.push_back(roleArn(design, *role));
        if (facts.workloadAccount.empty())
            facts.workloadAccount = design.accountOf(role->id);
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

json policyDocument(PolicyControl control, const TemplateFacts &f)
{
    switch (control) {
    case PolicyControl::OperatorKey:
        return policy(json::array({json{{"Sid", "AssumeTheCompanySsmRoleOnly"},
                                        {"Effect", "Allow"},
                                        {"Action", "sts:AssumeRole"},
                                        {"Resource", oneOrMany(f.ssmRoleArns)}}}));
    case PolicyControl::EndpointPolicy:
        return policy(json::array(
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
                  {"Resource", "*"}}}));
    case PolicyControl::TrustPolicy:
        return policy(json::array(
            {json{{"Sid", "OperatorsThroughTheClosedNetworkWithMfa"},
                  {"Effect", "Allow"},
                  {"Principal", json{{"AWS", "arn:aws:iam::" + f.operatorAccount + ":root"}}},
                  {"Action", "sts:AssumeRole"},
                  {"Condition",
                   json{{"StringEquals", json{{"aws:SourceVpce", f.stsEndpoint}}},
                        {"Bool", json{{"aws:MultiFactorAuthPresent", "true"}}},
                        {"StringLike", json{{"sts:RoleSessionName", "${aws:username}"}}}}}}}));
    case PolicyControl::PermissionPolicy:
        break;
    }
    const std::string &region = f.region;
    const std::string &account = f.workloadAccount;
    return policy(json::array(
        {json{
             {"Sid", "PortForwardingToOwnInstancesOnly"},
             {"Effect", "Allow"},
             {"Action", "ssm:StartSession"},
             {"Resource",
              json::array({"arn:aws:ec2:" + region + ":" + account + ":instance/*",
                           "arn:aws:ssm:" + region + "::document/AWS-StartPortForwardingSession"})},
             {"Condition",
              json{{"BoolIfExists", json{{"ssm:SessionDocumentAccessCheck", "true"}}},
                   {"StringEquals", json{{"aws:SourceVpce", f.ssmEndpoint}}}}}},
         json{{"Sid", "ManageOwnSessions"},
              {"Effect", "Allow"},
              {"Action", json::array({"ssm:ResumeSession", "ssm:TerminateSession"})},
              {"Resource", "arn:aws:ssm:" + region + ":" + account + ":session/${aws:userid}-*"},
              {"Condition", json{{"StringEquals", json{{"aws:SourceVpce", f.ssmEndpoint}}}}}}}));
}

PolicyType policyType(PolicyControl control)
{
    switch (control) {
    case PolicyControl::EndpointPolicy:
        return PolicyType::Endpoint;
    case PolicyControl::TrustPolicy:
        return PolicyType::Trust;
    case PolicyControl::OperatorKey:
    case PolicyControl::PermissionPolicy:
        break;
    }
    return PolicyType::Identity;
}

std::string_view numeral(PolicyControl control)
{
    static constexpr std::string_view numerals[] = {"I", "II", "III", "IV"};
    return numerals[static_cast<int>(control)];
}

} // namespace heiiki::model::exporting
