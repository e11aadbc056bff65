#include "evaluator.h"

#include "../core/cidr.h"
#include "wildcard.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <optional>

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

/// Replaces ${key}, ${key, 'default'}, ${*}, ${?}, ${$}. Returns nothing when a key has no
/// value and no default: such a value matches nothing.
std::optional<std::string> substitute(const std::string &text, const RequestContext &request)
{
    if (text.find("${") == std::string::npos)
        return text;
    std::string out;
    size_t at = 0;
    while (true) {
        const size_t start = text.find("${", at);
        if (start == std::string::npos) {
            out.append(text, at, std::string::npos);
            return out;
        }
        const size_t end = text.find('}', start);
        if (end == std::string::npos)
            return std::nullopt;
        out.append(text, at, start - at);
        std::string inner = text.substr(start + 2, end - start - 2);
        if (inner == "*" || inner == "?" || inner == "$") {
            // A literal character, not a wildcard: escape by keeping it as is.
            out += inner;
        } else {
            std::string key = inner, fallback;
            bool hasDefault = false;
            if (const auto comma = inner.find(','); comma != std::string::npos) {
                key = inner.substr(0, comma);
                fallback = inner.substr(comma + 1);
                fallback.erase(0, fallback.find_first_not_of(' '));
                if (fallback.size() >= 2 && fallback.front() == '\'' && fallback.back() == '\'') {
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
                out += values->front();
            else if (hasDefault)
                out += fallback;
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

std::optional<double> date(const std::string &s)
{
    if (auto epoch = number(s))
        return epoch;
    std::tm tm{};
    int y, mo, d, h = 0, mi = 0;
    double sec = 0;
    const int n = std::sscanf(s.c_str(), "%d-%d-%dT%d:%d:%lf", &y, &mo, &d, &h, &mi, &sec);
    if (n < 3)
        return std::nullopt;
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    return static_cast<double>(timegm(&tm)) + sec;
}

bool arnMatch(const std::string &pattern, const std::string &arn)
{
    // Both ArnEquals and ArnLike compare segment by segment with wildcards.
    return std::count(pattern.begin(), pattern.end(), ':')
               <= std::count(arn.begin(), arn.end(), ':')
           && wildcardMatch(pattern, arn);
}

/// Does one context value match one policy value under the positive form of \a op?
bool valueMatches(Operator op, const std::string &policyValue, const std::string &value)
{
    switch (op) {
    case Operator::StringEquals:
    case Operator::StringNotEquals:
        return policyValue == value;
    case Operator::StringEqualsIgnoreCase:
    case Operator::StringNotEqualsIgnoreCase:
        return equalsIgnoreCase(policyValue, value);
    case Operator::StringLike:
    case Operator::StringNotLike:
        return wildcardMatch(policyValue, value);
    case Operator::NumericEquals:
    case Operator::NumericNotEquals:
    case Operator::NumericLessThan:
    case Operator::NumericLessThanEquals:
    case Operator::NumericGreaterThan:
    case Operator::NumericGreaterThanEquals: {
        const auto p = number(policyValue), v = number(value);
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
        const auto p = date(policyValue), v = date(value);
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
        return equalsIgnoreCase(policyValue, value);
    case Operator::BinaryEquals:
        return policyValue == value;
    case Operator::IpAddress:
    case Operator::NotIpAddress: {
        auto net = Cidr::parse(policyValue);
        if (!net)
            net = Cidr::parseAddress(policyValue);
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

bool conditionHolds(const Condition &c, const RequestContext &request)
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
        if (auto s = substitute(v, request))
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

bool principalMatches(const Statement &s, const RequestContext &request)
{
    const std::string &p = request.principal();
    const std::string &account = request.principalAccount();
    auto one = [&](const PrincipalEntry &e) {
        switch (e.type) {
        case PrincipalEntry::Type::Any:
            return true;
        case PrincipalEntry::Type::Aws: {
            if (e.value == "*")
                return true;
            if (e.value == account || e.value == "arn:aws:iam::" + account + ":root")
                return !account.empty();
            if (e.value == p)
                return true;
            // A role principal matches the sessions of that role.
            const auto role = e.value.find(":role/");
            const auto session = p.find(":assumed-role/");
            if (role != std::string::npos && session != std::string::npos
                && arnAccount(e.value) == account) {
                const std::string roleName = e.value.substr(e.value.rfind('/') + 1);
                const std::string rest = p.substr(session + 14);
                return rest.substr(0, rest.find('/')) == roleName;
            }
            return false;
        }
        case PrincipalEntry::Type::Service:
        case PrincipalEntry::Type::Federated:
        case PrincipalEntry::Type::CanonicalUser:
            return e.value == p;
        }
        return false;
    };
    const bool any = std::any_of(s.principals.begin(), s.principals.end(), one);
    return s.notPrincipal ? !any : any;
}

bool statementApplies(const Statement &s, const RequestContext &request, bool checkPrincipal)
{
    const std::string &action = request.actionLower();
    const bool actionListed = std::any_of(s.actions.begin(), s.actions.end(),
                                          [&](const std::string &a) {
                                              return wildcardMatch(a, action);
                                          });
    if (actionListed == s.notAction)
        return false;
    if (s.hasResource) {
        const bool listed = std::any_of(s.resources.begin(), s.resources.end(),
                                        [&](const std::string &r) {
                                            if (r.find("${") == std::string::npos)
                                                return wildcardMatch(r, request.resource());
                                            auto resolved = substitute(r, request);
                                            return resolved
                                                   && wildcardMatch(*resolved, request.resource());
                                        });
        if (listed == s.notResource)
            return false;
    }
    if (checkPrincipal && s.hasPrincipal && !principalMatches(s, request))
        return false;
    return std::all_of(s.conditions.begin(), s.conditions.end(),
                       [&](const Condition &c) { return conditionHolds(c, request); });
}

} // namespace

PolicyVerdict evaluatePolicy(const Policy &policy, const RequestContext &request,
                             bool checkPrincipal, int *statement)
{
    int allowAt = -1;
    for (size_t i = 0; i < policy.statements.size(); ++i) {
        const Statement &s = policy.statements[i];
        if (!statementApplies(s, request, checkPrincipal))
            continue;
        if (s.effect == Effect::Deny) {
            if (statement)
                *statement = static_cast<int>(i);
            return PolicyVerdict::Deny;
        }
        if (allowAt < 0)
            allowAt = static_cast<int>(i);
    }
    if (statement)
        *statement = allowAt;
    return allowAt >= 0 ? PolicyVerdict::Allow : PolicyVerdict::NotApplicable;
}

EvaluationResult evaluate(const RequestContext &request, const PolicySet &policies)
{
    EvaluationResult result;
    auto layer = [&](const char *name, const Policy *p, int index, bool checkPrincipal) {
        LayerResult r;
        r.layer = name;
        r.policy = index;
        r.verdict = evaluatePolicy(*p, request, checkPrincipal, &r.statement);
        if (r.statement >= 0) {
            r.sid = p->statements[r.statement].sid;
            r.pointer = p->statements[r.statement].pointer;
        }
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
    if (policies.permissionsBoundary && boundary != PolicyVerdict::Allow && !resourceAllows)
        return implicit("the permissions boundary does not allow it");
    if (policies.session && session != PolicyVerdict::Allow && !resourceAllows)
        return implicit("the session policy does not allow it");
    if (sameAccount) {
        if (!resourceAllows && !identityAllows)
            return implicit("no identity-based or resource-based policy allows it");
    } else {
        if (!identityAllows)
            return implicit("no identity-based policy of the caller's account allows it "
                            "(cross-account: both sides must)");
        if (!resourceAllows)
            return implicit("the resource-based policy of the other account does not allow it "
                            "(cross-account: both sides must)");
    }
    result.decision = Decision::Allow;
    result.reason = resourceAllows && !identityAllows ? "the resource-based policy allows it"
                                                      : "allowed";
    return result;
}

} // namespace heiiki::model::iam
