#include "scenarios.h"

#include "../iam/evaluator.h"
#include "../network/pathengine.h"
#include "../validation/designpaths.h"
#include "../validation/rules/iamsupport.h"
#include "../validation/validationcontext.h"

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace heiiki::model {

using rules::AttachedPolicy;
using rules::IamView;
using rules::str;

namespace {

/// The identity policies that apply to a user: its own and its groups'.
std::vector<const iam::Policy *> userPolicies(const Design &design, const IamView &view,
                                              const Element &user)
{
    std::set<Id> holders{user.id};
    for (const auto &l : design.links())
        if (l->kind == LinkKind::MemberOf && l->from == user.id)
            holders.insert(l->to);
    std::vector<const iam::Policy *> out;
    for (const AttachedPolicy &p : view.policies())
        if (p.document->type == PolicyType::Identity)
            for (const Element *e : p.attachedTo)
                if (holders.count(e->id)) {
                    out.push_back(p.policy.get());
                    break;
                }
    return out;
}

std::string userArn(const Design &design, const Element &user)
{
    std::string name = str(user.property("userName"));
    if (name.empty())
        name = user.id.str();
    return "arn:aws:iam::" + design.accountOf(user.id) + ":user/" + name;
}

std::string statementText(const std::string &layer, const iam::EvaluationResult &r)
{
    for (const auto &l : r.layers)
        if (l.layer == layer && l.statement >= 0)
            return l.sid.empty() ? "statement " + std::to_string(l.statement + 1)
                                 : "statement " + l.sid;
    return {};
}

/// The roles operators assume: roles whose trust policy trusts AWS principals.
std::vector<std::pair<const Element *, const AttachedPolicy *>> humanRoles(const IamView &view)
{
    std::vector<std::pair<const Element *, const AttachedPolicy *>> out;
    for (const AttachedPolicy *p : view.trustPolicies())
        if (rules::trustsAwsPrincipals(*p->policy))
            for (const Element *e : p->attachedTo)
                if (e->kind == ElementKind::IamRole)
                    out.emplace_back(e, p);
    return out;
}

const Element *operatorUser(const Design &design)
{
    for (const auto &e : design.elements())
        if (e->kind == ElementKind::Operator)
            if (const Element *u = design.element(Id(str(e->property("user")))))
                return u;
    for (const auto &e : design.elements())
        if (e->kind == ElementKind::IamUser)
            return e.get();
    return nullptr;
}

std::string probeAction(const std::string &service)
{
    if (service == "s3")
        return "s3:PutObject";
    if (service == "sts")
        return "sts:GetCallerIdentity";
    if (service == "ssm")
        return "ssm:SendCommand";
    if (service == "firehose")
        return "firehose:PutRecord";
    return service + ":Put";
}

ScenarioResult scn001(const ValidationContext &context, const IamView &view)
{
    const Design &design = context.design();
    ScenarioResult r{"SCN-001", "an insider uses credentials of an outside account through "
                                "the design's endpoints or the firewall",
                     false, "", "", {}, ""};
    const std::string outsider = "arn:aws:iam::" + view.outsideAccount() + ":user/carried-in";
    std::set<std::string> services{"firehose", "s3", "sts"};
    for (const auto &[id, svc] : view.allEndpointIds())
        services.insert(svc);
    const auto workloads = context.workloads();
    if (workloads.empty()) {
        r.control = "nothing to attack";
        r.detail = "the design has no workload";
        return r;
    }
    std::vector<std::string> blockedBy;
    // One request per service; only aws:SourceVpce changes from endpoint to endpoint.
    std::vector<iam::RequestContext> requests;
    requests.reserve(services.size());
    for (const std::string &svc : services)
        requests.emplace_back(outsider, probeAction(svc), "*",
                              std::vector<std::pair<std::string, std::vector<std::string>>>{});
    // The endpoint policy's answer for one (endpoint, service): workloads share endpoints.
    struct Verdict
    {
        iam::PolicyVerdict verdict;
        int statement;
    };
    struct VerdictKey
    {
        const Element *endpoint;
        size_t service;
        bool operator==(const VerdictKey &) const = default;
    };
    struct VerdictHash
    {
        size_t operator()(const VerdictKey &k) const
        {
            return std::hash<const Element *>()(k.endpoint) ^ (k.service * 0x9e3779b97f4a7c15ULL);
        }
    };
    std::unordered_map<VerdictKey, Verdict, VerdictHash> verdicts;
    // Workloads of one source class (same subnet, security groups and public address) take
    // the same paths: play the attack from one of each.
    const network::Topology &topology = context.topology();
    std::unordered_set<int> played;
    for (const Element *w : workloads) {
        if (const int sourceClass = topology.sourceClass(w);
            sourceClass >= 0 && !played.insert(sourceClass).second)
            continue;
        size_t serviceIndex = 0;
        for (const std::string &svc : services) {
            const size_t index = serviceIndex++;
            network::Query q;
            q.from = w->id;
            q.to = {network::Target::Kind::Service, svc};
            const auto &path = context.trace(q, w);
            if (!path.delivered)
                continue; // the route or the firewall stops it
            if (path.endpoints().empty()) {
                r.succeeds = true;
                r.control = "firewall allow-list";
                r.detail = describe(design, w->id) + " reaches " + svc
                           + " over the internet (" + context.explain(path).resolvedAs
                           + "): outside credentials work there and data can leave";
                r.elements = {w->id};
                for (const Element *f : path.firewalls())
                    r.elements.push_back(f->id);
                r.path = pointerOf(design, w->id);
                return r;
            }
            const Id &endpoint = path.endpoints().back()->id;
            const AttachedPolicy *ep = view.endpointPolicyOf(endpoint);
            auto [known, fresh] = verdicts.try_emplace({path.endpoints().back(), index},
                                                       Verdict{iam::PolicyVerdict::Allow, -1});
            if (fresh && ep) {
                iam::RequestContext &request = requests[index];
                request.set("aws:SourceVpce", {endpoint.str()});
                known->second.verdict = iam::evaluatePolicy(*ep->policy, request, true,
                                                            &known->second.statement);
            }
            const int statement = known->second.statement;
            const auto verdict = known->second.verdict;
            if (verdict == iam::PolicyVerdict::Allow) {
                r.succeeds = true;
                r.control = "policy II (endpoint policy)";
                r.detail = "outside credentials pass " + describe(design, endpoint) + " to "
                           + svc + (ep ? " (endpoint policy \"" + ep->document->name + "\")"
                                       : std::string(" (no endpoint policy: full access)"));
                r.elements = {w->id, endpoint};
                r.path = ep ? pointerOf(design, ep->document->id) + "/document"
                            : pointerOf(design, endpoint);
                return r;
            }
            if (ep && statement >= 0)
                blockedBy.push_back(ep->document->id.str());
        }
    }
    r.control = blockedBy.empty() ? "firewall allow-list and routes"
                                  : "policy II (endpoint policy) and the firewall allow-list";
    r.detail = "every AWS API path from the workloads either stops at the firewall or passes an "
               "endpoint whose policy denies account " + view.outsideAccount();
    return r;
}

ScenarioResult assumeRoleScenario(const ValidationContext &context, const IamView &view,
                                  const char *id, const char *title, bool fromInside,
                                  bool withMfa)
{
    const Design &design = context.design();
    ScenarioResult r{id, title, false, "", "", {}, ""};
    const Element *user = operatorUser(design);
    const auto roles = humanRoles(view);
    if (!user || roles.empty()) {
        r.control = "nothing to attack";
        r.detail = "the design has no operator user or no role that people assume";
        return r;
    }
    const auto identity = userPolicies(design, view, *user);
    const std::string arn = userArn(design, *user);
    const std::string name = arn.substr(arn.rfind('/') + 1);
    for (const auto &[role, trust] : roles) {
        std::vector<std::pair<std::string, std::vector<std::string>>> keys{
            {"aws:MultiFactorAuthPresent", {withMfa ? "true" : "false"}},
            {"sts:RoleSessionName", {name}}};
        if (fromInside) {
            const auto sts = view.endpointIds("sts");
            if (!sts.empty())
                keys.push_back({"aws:SourceVpce", {sts.front()}});
        }
        const iam::RequestContext request(arn, "sts:AssumeRole", rules::roleArn(design, *role),
                                          keys);
        iam::PolicySet set;
        set.identity = identity;
        set.resource = trust->policy.get();
        const auto result = iam::evaluate(request, set);
        r.elements = {user->id, role->id, trust->document->id};
        if (result.decision == iam::Decision::Allow) {
            r.succeeds = true;
            r.control = "policy III (trust policy)";
            r.detail = arn + " assumes " + rules::roleArn(design, *role)
                       + (fromInside ? " without MFA" : " from outside the closed network");
            r.path = pointerOf(design, trust->document->id) + "/document";
            return r;
        }
        // Which policy stopped it: the trust policy (III), or policy I.
        bool trustAllows = false;
        for (const auto &l : result.layers)
            if (l.layer == "resource" && l.verdict == iam::PolicyVerdict::Allow)
                trustAllows = true;
        r.control = trustAllows ? "policy I (operators' policy)" : "policy III (trust policy)";
        r.detail = std::string(fromInside ? "without MFA" : "from outside (no aws:SourceVpce)")
                   + ", " + std::string(iam::toString(result.decision)) + ": " + result.reason;
        r.path = pointerOf(design, trust->document->id) + "/document";
    }
    return r;
}

ScenarioResult scn003(const ValidationContext &context, const IamView &view)
{
    const Design &design = context.design();
    ScenarioResult r{"SCN-003", "someone outside uses leaked role session credentials to "
                                "start a session",
                     false, "", "", {}, ""};
    const auto roles = humanRoles(view);
    if (roles.empty()) {
        r.control = "nothing to attack";
        r.detail = "no role that people assume";
        return r;
    }
    for (const auto &[role, trust] : roles) {
        std::vector<const iam::Policy *> identity;
        std::vector<Id> docs;
        for (const AttachedPolicy *p : view.identityPoliciesOn(ElementKind::IamRole))
            for (const Element *e : p->attachedTo)
                if (e->id == role->id) {
                    identity.push_back(p->policy.get());
                    docs.push_back(p->document->id);
                }
        std::string name = str(role->property("roleName"));
        if (name.empty())
            name = role->id.str();
        const std::string account = design.accountOf(role->id);
        const iam::RequestContext request(
            "arn:aws:sts::" + account + ":assumed-role/" + name + "/leaked", "ssm:StartSession",
            "arn:aws:ec2:ap-northeast-1:" + account + ":instance/i-0123456789abcdef0",
            {{"ssm:SessionDocumentAccessCheck", {"true"}}});
        iam::PolicySet set;
        set.identity = identity;
        const auto result = iam::evaluate(request, set);
        r.elements = {role->id};
        r.elements.insert(r.elements.end(), docs.begin(), docs.end());
        r.path = docs.empty() ? pointerOf(design, role->id)
                              : pointerOf(design, docs.front()) + "/document";
        if (result.decision == iam::Decision::Allow) {
            r.succeeds = true;
            r.control = "policy IV (role permissions)";
            r.detail = "a session of " + name + " starts a session from outside ("
                       + statementText("identity", result) + " allows it with no aws:SourceVpce)";
            return r;
        }
        r.control = "policy IV (role permissions)";
        r.detail = "from outside: " + std::string(iam::toString(result.decision)) + ": "
                   + result.reason;
    }
    return r;
}

ScenarioResult scn004(const ValidationContext &context)
{
    const Design &design = context.design();
    ScenarioResult r{"SCN-004", "someone on the internet connects to a workload directly", false,
                     "route", "no workload can be reached from the internet", {}, ""};
    for (const Element *w : context.workloads()) {
        // Only an address the internet can name can be reached from it: the engine aims at
        // the workload's first interface, and stops there when it has no public address.
        const auto ifs = context.topology().interfacesOf(w);
        if (ifs.empty() || !ifs.front()->publicIp)
            continue;
        for (int port : {22, 3389, 443, 80}) {
            network::Query q;
            q.fromInternet = true;
            q.to = {network::Target::Kind::Element, w->id.str()};
            q.port = port;
            const auto &path = context.trace(q);
            if (path.delivered) {
                r.succeeds = true;
                r.control = "route";
                r.detail = describe(design, w->id) + " answers the internet on tcp "
                           + std::to_string(port);
                r.elements = {w->id};
                r.path = pointerOf(design, w->id);
                return r;
            }
        }
    }
    return r;
}

} // namespace

std::vector<ScenarioResult> playScenarios(const ValidationContext &context)
{
    const IamView &view = context.iam();
    return {scn001(context, view),
            assumeRoleScenario(context, view, "SCN-002",
                               "someone outside uses a leaked operator access key to assume "
                               "the role",
                               false, true),
            scn003(context, view), scn004(context),
            assumeRoleScenario(context, view, "SCN-005",
                               "an operator without MFA tries to assume the role", true, false)};
}

} // namespace heiiki::model
