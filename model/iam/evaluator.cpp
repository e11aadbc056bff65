#include "evaluator.h"

#include "../core/cidr.h"
#include "wildcard.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <ctime>
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

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                  return std::tolower(static_cast<unsigned char>(x))
                         == std::tolower(static_cast<unsigned char>(y));
              });
}

/// Replaces ${key}, ${key, 'default'}, ${*}, ${?}, ${$} when \a variables (policies of Version
/// 2012-10-17 only; in others the text is literal). Returns a pattern in the escaped form of
/// wildcardMatchEscaped(): what a variable puts in, and ${*} ${?}, are literal characters,
/// never wildcards. Returns nothing when a key has no value and no default: such a value
/// matches nothing.
std::optional<std::string> substitute(const std::string &text, const RequestContext &request,
                                      bool variables)
{
    if (text.find('\\') == std::string::npos
        && (!variables || text.find("${") == std::string::npos))
        return text;
    auto literal = [](std::string_view part) {
        std::string out;
        for (char c : part) {
            if (c == '\\')
                out += '\\';
            out += c;
        }
        return out;
    };
    if (!variables)
        return literal(text);
    std::string out;
    size_t at = 0;
    while (true) {
        const size_t start = text.find("${", at);
        if (start == std::string::npos) {
            out += literal(std::string_view(text).substr(at));
            return out;
        }
        const size_t end = text.find('}', start);
        if (end == std::string::npos)
            return std::nullopt;
        out += literal(std::string_view(text).substr(at, start - at));
        std::string inner = text.substr(start + 2, end - start - 2);
        if (inner == "*" || inner == "?") {
            out += '\\';
            out += inner;
        } else if (inner == "$") {
            out += inner;
        } else {
            // The default is written after a comma and a space: ${aws:x, 'default'}.
            std::string key = inner, fallback;
            bool hasDefault = false;
            if (const auto comma = inner.find(", "); comma != std::string::npos) {
                fallback = inner.substr(comma + 2);
                fallback.erase(0, fallback.find_first_not_of(' '));
                if (fallback.size() >= 2 && fallback.front() == '\'' && fallback.back() == '\'') {
                    key = inner.substr(0, comma);
                    fallback = fallback.substr(1, fallback.size() - 2);
                    hasDefault = true;
                }
            }
            while (!key.empty() && key.back() == ' ')
                key.pop_back();
            std::transform(key.begin(), key.end(), key.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            const auto *values = request.values(key);
            if (values && values->size() == 1)
                out += escapeWildcards(values->front());
            else if (hasDefault)
                out += escapeWildcards(fallback);
            else
                return std::nullopt;
        }
        at = end + 1;
    }
}

std::optional<double> number(const std::string &s)
{
    char *end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || *end)
        return std::nullopt;
    return v;
}

/// A date condition value in seconds since the epoch: epoch seconds ("1717200000") or ISO 8601
/// ("2024-06-01", "2024-06-01T09:00:00+09:00", "2024-06-01T00:00:00.000Z").
std::optional<double> date(const std::string &s)
{
    if (auto epoch = number(s))
        return epoch;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, consumed = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) != 3 || consumed != 10)
        return std::nullopt;
    double sec = 0;
    std::string_view rest = std::string_view(s).substr(10);
    if (!rest.empty() && (rest.front() == 'T' || rest.front() == 't')) {
        const std::string time(rest.substr(1));
        int n = 0;
        if (std::sscanf(time.c_str(), "%2d:%2d%n", &h, &mi, &n) != 2)
            return std::nullopt;
        rest = rest.substr(1 + n);
        if (!rest.empty() && rest.front() == ':') {
            const std::string secs(rest.substr(1));
            char *end = nullptr;
            sec = std::strtod(secs.c_str(), &end);
            if (end == secs.c_str())
                return std::nullopt;
            rest = rest.substr(1 + static_cast<size_t>(end - secs.c_str()));
        }
    }
    long offset = 0;
    if (rest == "Z" || rest == "z") {
        rest = {};
    } else if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
        const int sign = rest.front() == '-' ? -1 : 1;
        int oh = 0, om = 0;
        const std::string zone(rest.substr(1));
        if (std::sscanf(zone.c_str(), "%2d:%2d", &oh, &om) < 1
            && std::sscanf(zone.c_str(), "%2d%2d", &oh, &om) < 1)
            return std::nullopt;
        offset = sign * (oh * 3600L + om * 60L);
        rest = {};
    }
    if (!rest.empty())
        return std::nullopt;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    return static_cast<double>(timegm(&tm) - offset) + sec;
}

/// ArnEquals and ArnLike: each of the six colon-separated parts of the ARN is compared on
/// its own, with wildcards; the sixth part (the resource) keeps any further colons. A value
/// with fewer parts than six matches nothing. \a pattern is in escaped form.
bool arnMatch(const std::string &pattern, const std::string &arn)
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

/// Does one context value match one policy value under the positive form of \a op?
bool valueMatches(Operator op, const std::string &policyValue, const std::string &value)
{
    switch (op) {
    case Operator::StringEquals:
    case Operator::StringNotEquals:
        return unescapeWildcards(policyValue) == value;
    case Operator::StringEqualsIgnoreCase:
    case Operator::StringNotEqualsIgnoreCase:
        return equalsIgnoreCase(unescapeWildcards(policyValue), value);
    case Operator::StringLike:
    case Operator::StringNotLike:
        return wildcardMatchEscaped(policyValue, value);
    case Operator::NumericEquals:
    case Operator::NumericNotEquals:
    case Operator::NumericLessThan:
    case Operator::NumericLessThanEquals:
    case Operator::NumericGreaterThan:
    case Operator::NumericGreaterThanEquals: {
        const auto p = number(unescapeWildcards(policyValue)), v = number(value);
        if (!p || !v)
            return false;
        switch (op) {
        case Operator::NumericLessThan: return *v < *p;
        case Operator::NumericLessThanEquals: return *v <= *p;
        case Operator::NumericGreaterThan: return *v > *p;
        case Operator::NumericGreaterThanEquals: return *v >= *p;
        default: return *v == *p;
        }
    }
    case Operator::DateEquals:
    case Operator::DateNotEquals:
    case Operator::DateLessThan:
    case Operator::DateLessThanEquals:
    case Operator::DateGreaterThan:
    case Operator::DateGreaterThanEquals: {
        const auto p = date(unescapeWildcards(policyValue)), v = date(value);
        if (!p || !v)
            return false;
        switch (op) {
        case Operator::DateLessThan: return *v < *p;
        case Operator::DateLessThanEquals: return *v <= *p;
        case Operator::DateGreaterThan: return *v > *p;
        case Operator::DateGreaterThanEquals: return *v >= *p;
        default: return *v == *p;
        }
    }
    case Operator::Bool:
        return equalsIgnoreCase(unescapeWildcards(policyValue), value);
    case Operator::BinaryEquals:
        return unescapeWildcards(policyValue) == value;
    case Operator::IpAddress:
    case Operator::NotIpAddress: {
        const std::string text = unescapeWildcards(policyValue);
        auto net = Cidr::parse(text);
        if (!net)
            net = Cidr::parseAddress(text);
        auto address = Cidr::parseAddress(value);
        if (!address)
            address = Cidr::parse(value);
        return net && address && net->contains(*address);
    }
    case Operator::ArnEquals:
    case Operator::ArnLike:
    case Operator::ArnNotEquals:
    case Operator::ArnNotLike:
        return arnMatch(policyValue, value);
    case Operator::Null:
        return false;
    }
    return false;
}

bool conditionHolds(const Condition &c, const RequestContext &request, bool variables)
{
    const auto *values = request.values(c.keyLower);
    const bool present = values && !values->empty();
    if (c.op == Operator::Null) {
        const bool wantAbsent = !c.values.empty() && equalsIgnoreCase(c.values.front(), "true");
        return wantAbsent ? !present : present;
    }
    if (!present) {
        if (c.qualifier == SetQualifier::ForAllValues)
            return true;
        if (c.qualifier == SetQualifier::ForAnyValue)
            return false;
        if (c.ifExists)
            return true;
        return isNegated(c.op);
    }
    // The policy's values, with variables replaced.
    std::vector<std::string> policyValues;
    policyValues.reserve(c.values.size());
    for (const auto &v : c.values)
        if (auto s = substitute(v, request, variables))
            policyValues.push_back(std::move(*s));
    const bool negated = isNegated(c.op);
    auto one = [&](const std::string &value) {
        const bool any = std::any_of(policyValues.begin(), policyValues.end(),
                                     [&](const std::string &p) {
                                         return valueMatches(c.op, p, value);
                                     });
        return negated ? !any : any;
    };
    switch (c.qualifier) {
    case SetQualifier::ForAllValues:
        return std::all_of(values->begin(), values->end(), one);
    case SetQualifier::ForAnyValue:
    case SetQualifier::None:
        if (negated && c.qualifier == SetQualifier::None)
            return std::all_of(values->begin(), values->end(), one);
        return std::any_of(values->begin(), values->end(), one);
    }
    return false;
}

/// How a statement's Principal names the caller.
enum class PrincipalMatch {
    None,
    Account, ///< only through the caller's account: the account delegates to its own policies
    Direct,  ///< "*", the caller's user or role ARN, a service…
    Exact,   ///< the caller's own ARN: the user, or the role session itself
};

PrincipalMatch principalMatch(const Statement &s, const RequestContext &request)
{
    const std::string &p = request.principal();
    const std::string &account = request.principalAccount();
    auto one = [&](const PrincipalEntry &e) {
        switch (e.type) {
        case PrincipalEntry::Type::Any:
            return PrincipalMatch::Direct;
        case PrincipalEntry::Type::Aws: {
            if (e.value == "*")
                return PrincipalMatch::Direct;
            if (e.value == p)
                return PrincipalMatch::Exact;
            if (!account.empty()
                && (e.value == account || e.value == "arn:aws:iam::" + account + ":root"))
                return PrincipalMatch::Account;
            // A role principal matches the sessions of that role.
            const auto role = e.value.find(":role/");
            const auto session = p.find(":assumed-role/");
            if (role != std::string::npos && session != std::string::npos
                && arnAccount(e.value) == account) {
                const std::string roleName = e.value.substr(e.value.rfind('/') + 1);
                const std::string rest = p.substr(session + 14);
                if (rest.substr(0, rest.find('/')) == roleName)
                    return PrincipalMatch::Direct;
            }
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
    for (const auto &e : s.principals)
        best = std::max(best, one(e));
    if (s.notPrincipal)
        return best == PrincipalMatch::None ? PrincipalMatch::Direct : PrincipalMatch::None;
    return best;
}

/// Whether \a s applies to \a request, and how its Principal (when checked) names the caller.
PrincipalMatch statementApplies(const Statement &s, const RequestContext &request,
                                bool checkPrincipal, bool variables)
{
    const std::string &action = request.actionLower();
    const bool actionListed = std::any_of(s.actions.begin(), s.actions.end(),
                                          [&](const std::string &a) {
                                              return wildcardMatch(a, action);
                                          });
    if (actionListed == s.notAction)
        return PrincipalMatch::None;
    if (s.hasResource) {
        const bool listed = std::any_of(s.resources.begin(), s.resources.end(),
                                        [&](const std::string &r) {
                                            const auto resolved = substitute(r, request,
                                                                             variables);
                                            return resolved
                                                   && wildcardMatchEscaped(*resolved,
                                                                           request.resource());
                                        });
        if (listed == s.notResource)
            return PrincipalMatch::None;
    }
    PrincipalMatch match = PrincipalMatch::Direct;
    if (checkPrincipal && s.hasPrincipal) {
        match = principalMatch(s, request);
        if (match == PrincipalMatch::None)
            return match;
    }
    const bool holds = std::all_of(s.conditions.begin(), s.conditions.end(),
                                   [&](const Condition &c) {
                                       return conditionHolds(c, request, variables);
                                   });
    return holds ? match : PrincipalMatch::None;
}

struct PolicyOutcome
{
    PolicyVerdict verdict = PolicyVerdict::NotApplicable;
    int statement = -1;
    /// For Allow: the closest way in which an allowing statement names the caller.
    PrincipalMatch grant = PrincipalMatch::None;
};

PolicyOutcome evaluateOne(const Policy &policy, const RequestContext &request, bool checkPrincipal)
{
    // Policy variables exist only in the 2012-10-17 policy language.
    const bool variables = policy.version == "2012-10-17";
    PolicyOutcome out;
    int allowAt = -1;
    for (size_t i = 0; i < policy.statements.size(); ++i) {
        const Statement &s = policy.statements[i];
        const PrincipalMatch match = statementApplies(s, request, checkPrincipal, variables);
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

/// A role trust policy decides sts:AssumeRole… on an IAM role: it must allow even within
/// one account.
bool isRoleTrust(const RequestContext &request)
{
    const std::string &r = request.resource();
    return request.actionLower().rfind("sts:", 0) == 0 && r.rfind("arn:", 0) == 0
           && r.find(":iam::") != std::string::npos && r.find(":role/") != std::string::npos;
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
    PrincipalMatch resourceGrant = PrincipalMatch::None;
    auto layer = [&](const char *name, const Policy *p, int index, bool checkPrincipal) {
        LayerResult r;
        r.layer = name;
        r.policy = index;
        const PolicyOutcome out = evaluateOne(*p, request, checkPrincipal);
        r.verdict = out.verdict;
        r.statement = out.statement;
        if (r.statement >= 0) {
            r.sid = p->statements[r.statement].sid;
            r.pointer = p->statements[r.statement].pointer;
        }
        if (p == policies.resource)
            resourceGrant = out.grant;
        result.layers.push_back(r);
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
