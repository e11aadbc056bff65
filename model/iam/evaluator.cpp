#include "evaluator.h"

#include "../core/cidr.h"
#include "../core/text.h"
#include "compiledpolicy.h"
#include "wildcard.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace heiiki::model::iam {

std::string_view toString(Decision decision)
{
    switch (decision) {
    case Decision::Allow: return "Allow";
    case Decision::ExplicitDeny: return "ExplicitDeny";
    case Decision::ImplicitDeny: return "ImplicitDeny";
    }
    return "ImplicitDeny";
}

namespace {

/// ArnEquals and ArnLike: each of the six colon-separated parts of the ARN is compared on
/// its own, with wildcards; the sixth part (the resource) keeps any further colons. A value
/// with fewer parts than six matches nothing. \a pattern is in escaped form.
bool arnMatch(std::string_view pattern, std::string_view arn)
{
    if (pattern == "*")
        return true;
    auto split = [](std::string_view text, std::array<std::string_view, 6> &parts) {
        for (size_t i = 0; i < 5; ++i) {
            const auto colon = text.find(':');
            if (colon == std::string_view::npos)
                return false;
            parts[i] = text.substr(0, colon);
            text.remove_prefix(colon + 1);
        }
        parts[5] = text;
        return true;
    };
    std::array<std::string_view, 6> p, a;
    if (!split(pattern, p) || !split(arn, a))
        return false;
    for (size_t i = 0; i < 6; ++i)
        if (!wildcardMatchEscaped(p[i], a[i]))
            return false;
    return true;
}

/// A request value converted once for the operator's kind.
struct RequestValue
{
    const std::string &text;
    std::optional<double> number;
    std::optional<Cidr> address;
    RequestValue(const std::string &value, ValueKind kind)
        : text(value)
    {
        switch (kind) {
        case ValueKind::Number: number = parseNumber(value); break;
        case ValueKind::Date: number = parseDate(value); break;
        case ValueKind::Network: address = parseAddressValue(value); break;
        case ValueKind::Text: break;
        }
    }
};

/// Does one context value match one policy value under the positive form of \a op?
bool valueMatches(Operator op, const PreparedValue &p, const RequestValue &v)
{
    switch (op) {
    case Operator::StringEquals:
    case Operator::StringNotEquals:
    case Operator::BinaryEquals:
        return p.plain == v.text;
    case Operator::StringEqualsIgnoreCase:
    case Operator::StringNotEqualsIgnoreCase:
    case Operator::Bool:
        return equalsIgnoringAsciiCase(p.plain, v.text);
    case Operator::StringLike:
    case Operator::StringNotLike:
        return wildcardMatchEscaped(p.escaped, v.text);
    case Operator::NumericEquals:
    case Operator::NumericNotEquals:
    case Operator::NumericLessThan:
    case Operator::NumericLessThanEquals:
    case Operator::NumericGreaterThan:
    case Operator::NumericGreaterThanEquals:
    case Operator::DateEquals:
    case Operator::DateNotEquals:
    case Operator::DateLessThan:
    case Operator::DateLessThanEquals:
    case Operator::DateGreaterThan:
    case Operator::DateGreaterThanEquals: {
        if (!p.number || !v.number)
            return false;
        const double pv = *p.number, vv = *v.number;
        switch (op) {
        case Operator::NumericLessThan:
        case Operator::DateLessThan: return vv < pv;
        case Operator::NumericLessThanEquals:
        case Operator::DateLessThanEquals: return vv <= pv;
        case Operator::NumericGreaterThan:
        case Operator::DateGreaterThan: return vv > pv;
        case Operator::NumericGreaterThanEquals:
        case Operator::DateGreaterThanEquals: return vv >= pv;
        default: return vv == pv;
        }
    }
    case Operator::IpAddress:
    case Operator::NotIpAddress:
        return p.network && v.address && p.network->contains(*v.address);
    case Operator::ArnEquals:
    case Operator::ArnLike:
    case Operator::ArnNotEquals:
    case Operator::ArnNotLike:
        return arnMatch(p.escaped, v.text);
    case Operator::Null:
        return false;
    }
    return false;
}

/// Scratch space for values with policy variables, reused across evaluations.
struct Scratch
{
    std::string escaped, plain;
};

Scratch &scratch()
{
    thread_local Scratch s;
    return s;
}

/// Does any of the condition's values match \a value (positive form)? Values with policy
/// variables are resolved for the request; one that does not resolve matches nothing.
bool anyValueMatches(const CompiledCondition &c, const RequestContext &request,
                     const RequestValue &value)
{
    for (const auto &v : c.values) {
        if (v.source.isStatic()) {
            if (valueMatches(c.op, v.prepared(), value))
                return true;
            continue;
        }
        Scratch &s = scratch();
        if (!v.source.resolve(request, s.escaped))
            continue;
        s.plain = unescapeWildcards(s.escaped);
        PreparedValue p{s.escaped, s.plain, std::nullopt, nullptr};
        std::optional<Cidr> network;
        switch (valueKind(c.op)) {
        case ValueKind::Number: p.number = parseNumber(s.plain); break;
        case ValueKind::Date: p.number = parseDate(s.plain); break;
        case ValueKind::Network:
            network = parseNetwork(s.plain);
            p.network = network ? &*network : nullptr;
            break;
        case ValueKind::Text: break;
        }
        if (valueMatches(c.op, p, value))
            return true;
    }
    return false;
}

bool conditionHolds(const CompiledCondition &c, const RequestContext &request)
{
    const auto *values = request.values(c.keyLower, c.keyHash);
    const bool present = values && !values->empty();
    if (c.op == Operator::Null)
        return c.nullWantsAbsent ? !present : present;
    if (!present) {
        if (c.qualifier == SetQualifier::ForAllValues)
            return true;
        if (c.qualifier == SetQualifier::ForAnyValue)
            return false;
        if (c.ifExists)
            return true;
        return c.negated;
    }
    const ValueKind kind = valueKind(c.op);
    auto one = [&](const std::string &text) {
        const bool any = anyValueMatches(c, request, RequestValue(text, kind));
        return c.negated ? !any : any;
    };
    if (c.qualifier == SetQualifier::ForAllValues
        || (c.negated && c.qualifier == SetQualifier::None))
        return std::all_of(values->begin(), values->end(), one);
    return std::any_of(values->begin(), values->end(), one);
}

/// How a statement's Principal names the caller.
enum class PrincipalMatch {
    None,
    Account, ///< only through the caller's account: the account delegates to its own policies
    Direct,  ///< "*", the caller's user or role ARN, a service…
    Exact,   ///< the caller's own ARN: the user, or the role session itself
};

PrincipalMatch principalMatch(const CompiledPolicy &policy, const CompiledStatement &s,
                              const RequestContext &request)
{
    const std::string &p = request.principal();
    const std::string &account = request.principalAccount();
    const std::string_view sessionRole = request.sessionRoleName();
    auto one = [&](const CompiledPrincipal &e) {
        switch (e.type) {
        case PrincipalEntry::Type::Any:
            return PrincipalMatch::Direct;
        case PrincipalEntry::Type::Aws: {
            if (e.anyAws)
                return PrincipalMatch::Direct;
            if (e.value == p)
                return PrincipalMatch::Exact;
            if (!account.empty()
                && (e.value == account || (e.rootForm && e.rootAccount == account)))
                return PrincipalMatch::Account;
            // A role principal matches the sessions of that role.
            if (e.role && request.isRoleSession() && e.roleAccount == account
                && sessionRole == e.roleName)
                return PrincipalMatch::Direct;
            return PrincipalMatch::None;
        }
        case PrincipalEntry::Type::Service:
        case PrincipalEntry::Type::Federated:
        case PrincipalEntry::Type::CanonicalUser:
            return e.value == p ? PrincipalMatch::Exact : PrincipalMatch::None;
        }
        return PrincipalMatch::None;
    };
    PrincipalMatch best = PrincipalMatch::None;
    for (unsigned i = s.principals.begin; i < s.principals.end; ++i)
        best = std::max(best, one(policy.principals[i]));
    if (s.notPrincipal)
        return best == PrincipalMatch::None ? PrincipalMatch::Direct : PrincipalMatch::None;
    return best;
}

/// Whether \a s applies to \a request, and how its Principal (when checked) names the caller.
PrincipalMatch statementApplies(const CompiledPolicy &policy, const CompiledStatement &s,
                                const RequestContext &request, bool checkPrincipal)
{
    const std::string_view text = policy.text;
    auto anyPattern = [&](CompiledStatement::Range r, std::string_view value) {
        for (unsigned i = r.begin; i < r.end; ++i)
            if (policy.patterns[i].matches(value, text))
                return true;
        return false;
    };
    if (anyPattern(s.actions, request.actionLower()) == s.notAction)
        return PrincipalMatch::None;
    if (s.hasResource) {
        const std::string &resource = request.resource();
        bool listed = anyPattern(s.resources, resource);
        for (unsigned i = s.dynamicResources.begin; !listed && i < s.dynamicResources.end; ++i) {
            std::string &pattern = scratch().escaped;
            listed = policy.templates[i].resolve(request, pattern)
                     && wildcardMatchEscaped(pattern, resource);
        }
        if (listed == s.notResource)
            return PrincipalMatch::None;
    }
    PrincipalMatch match = PrincipalMatch::Direct;
    if (checkPrincipal && s.hasPrincipal) {
        match = principalMatch(policy, s, request);
        if (match == PrincipalMatch::None)
            return match;
    }
    for (unsigned i = s.conditions.begin; i < s.conditions.end; ++i)
        if (!conditionHolds(policy.conditions[i], request))
            return PrincipalMatch::None;
    return match;
}

struct PolicyOutcome
{
    PolicyVerdict verdict = PolicyVerdict::NotApplicable;
    int statement = -1;
    /// For Allow: the closest way in which an allowing statement names the caller.
    PrincipalMatch grant = PrincipalMatch::None;
};

PolicyOutcome evaluateCompiled(const CompiledPolicy &policy, const RequestContext &request,
                               bool checkPrincipal)
{
    PolicyOutcome out;
    int allowAt = -1;
    for (size_t i = 0; i < policy.statements.size(); ++i) {
        const CompiledStatement &s = policy.statements[i];
        const PrincipalMatch match = statementApplies(policy, s, request, checkPrincipal);
        if (match == PrincipalMatch::None)
            continue;
        if (s.effect == Effect::Deny) {
            out.verdict = PolicyVerdict::Deny;
            out.statement = static_cast<int>(i);
            out.grant = PrincipalMatch::None;
            return out;
        }
        if (allowAt < 0)
            allowAt = static_cast<int>(i);
        out.grant = std::max(out.grant, match);
    }
    out.statement = allowAt;
    out.verdict = allowAt >= 0 ? PolicyVerdict::Allow : PolicyVerdict::NotApplicable;
    return out;
}

PolicyOutcome evaluateOne(const Policy &policy, const RequestContext &request, bool checkPrincipal)
{
    // The parser compiles every policy it returns; a policy built otherwise is compiled here.
    if (policy.compiled)
        return evaluateCompiled(*policy.compiled, request, checkPrincipal);
    return evaluateCompiled(*compilePolicy(policy), request, checkPrincipal);
}

/// A role trust policy decides sts:AssumeRole… on an IAM role: it must allow even within
/// one account.
bool isRoleTrust(const RequestContext &request)
{
    return request.isRoleResource() && request.actionLower().rfind("sts:", 0) == 0;
}

} // namespace

PolicyVerdict evaluatePolicy(const Policy &policy, const RequestContext &request,
                             bool checkPrincipal, int *statement)
{
    const PolicyOutcome out = evaluateOne(policy, request, checkPrincipal);
    if (statement)
        *statement = out.statement;
    return out.verdict;
}

EvaluationResult evaluate(const RequestContext &request, const PolicySet &policies)
{
    EvaluationResult result;
    result.layers.reserve(policies.scps.size() + policies.identity.size() + 4);
    PrincipalMatch resourceGrant = PrincipalMatch::None;
    auto layer = [&](const char *name, const Policy *p, int index, bool checkPrincipal) {
        LayerResult &r = result.layers.emplace_back();
        r.layer = name;
        r.policy = index;
        std::shared_ptr<const CompiledPolicy> prepared; // for a policy the parser did not make
        const CompiledPolicy &c = p->compiled ? *p->compiled : *(prepared = compilePolicy(*p));
        const PolicyOutcome out = evaluateCompiled(c, request, checkPrincipal);
        r.verdict = out.verdict;
        r.statement = out.statement;
        if (r.statement >= 0) {
            const CompiledStatement &st = c.statements[static_cast<size_t>(r.statement)];
            r.sid = c.textOf(st.sid);
            r.pointer = c.textOf(st.pointer);
        }
        if (p == policies.resource)
            resourceGrant = out.grant;
        return r.verdict;
    };
    // A layer's verdict over its policies: Deny if any denies, Allow if any allows.
    auto group = [&](const char *name, const std::vector<const Policy *> &list, bool principal) {
        PolicyVerdict v = PolicyVerdict::NotApplicable;
        for (size_t i = 0; i < list.size(); ++i) {
            const PolicyVerdict one = layer(name, list[i], static_cast<int>(i), principal);
            if (one == PolicyVerdict::Deny)
                v = PolicyVerdict::Deny;
            else if (one == PolicyVerdict::Allow && v != PolicyVerdict::Deny)
                v = PolicyVerdict::Allow;
        }
        return v;
    };
    const PolicyVerdict scp = group("scp", policies.scps, false);
    const PolicyVerdict endpoint = policies.endpoint ? layer("endpoint", policies.endpoint, 0, true)
                                                     : PolicyVerdict::NotApplicable;
    const PolicyVerdict resource = policies.resource ? layer("resource", policies.resource, 0, true)
                                                     : PolicyVerdict::NotApplicable;
    const PolicyVerdict identity = group("identity", policies.identity, false);
    const PolicyVerdict boundary = policies.permissionsBoundary
                                       ? layer("permissions-boundary",
                                               policies.permissionsBoundary, 0, false)
                                       : PolicyVerdict::NotApplicable;
    const PolicyVerdict session = policies.session ? layer("session", policies.session, 0, false)
                                                   : PolicyVerdict::NotApplicable;

    for (const auto &l : result.layers)
        if (l.verdict == PolicyVerdict::Deny) {
            result.decision = Decision::ExplicitDeny;
            result.reason = "an explicit Deny in the " + l.layer + " policy"
                            + (l.sid.empty() ? std::string() : " (statement " + l.sid + ")");
            return result;
        }
    auto implicit = [&](std::string why) {
        result.decision = Decision::ImplicitDeny;
        result.reason = std::move(why);
        return result;
    };
    if (!policies.scps.empty() && scp != PolicyVerdict::Allow)
        return implicit("no service control policy allows it");
    if (policies.endpoint && endpoint != PolicyVerdict::Allow)
        return implicit("the VPC endpoint policy does not allow it");
    const bool sameAccount = request.resourceAccount().empty()
                             || request.resourceAccount() == request.principalAccount();
    const bool resourceAllows = resource == PolicyVerdict::Allow;
    const bool identityAllows = identity == PolicyVerdict::Allow;
    // A resource-based policy that names only the caller's account delegates to that
    // account's own policies: it grants nothing by itself.
    const bool resourceGrantsCaller = resourceAllows && resourceGrant > PrincipalMatch::Account;
    // Only a resource-based policy that names the caller's own ARN (the user, the role
    // session) grants beyond a permissions boundary or a session policy.
    const bool resourceNamesCaller = resourceAllows && resourceGrant == PrincipalMatch::Exact;
    if (policies.permissionsBoundary && boundary != PolicyVerdict::Allow && !resourceNamesCaller)
        return implicit("the permissions boundary does not allow it");
    if (policies.session && session != PolicyVerdict::Allow && !resourceNamesCaller)
        return implicit("the session policy does not allow it");
    if (isRoleTrust(request) && policies.resource) {
        if (!resourceAllows)
            return implicit("the role trust policy does not allow it");
        if (!resourceGrantsCaller && !identityAllows)
            return implicit("the role trust policy trusts the caller's account, and no "
                            "identity-based policy of that account allows it");
    }
    if (sameAccount) {
        if (!resourceGrantsCaller && !identityAllows)
            return implicit(resourceAllows
                                ? "the resource-based policy names only the account, and no "
                                  "identity-based policy allows it"
                                : "no identity-based or resource-based policy allows it");
    } else {
        if (!identityAllows)
            return implicit("no identity-based policy of the caller's account allows it "
                            "(cross-account: both sides must)");
        if (!resourceAllows)
            return implicit("the resource-based policy of the other account does not allow it "
                            "(cross-account: both sides must)");
    }
    result.decision = Decision::Allow;
    result.reason = resourceGrantsCaller && !identityAllows ? "the resource-based policy allows it"
                                                            : "allowed";
    return result;
}

} // namespace heiiki::model::iam
