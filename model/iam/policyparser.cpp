#include "policyparser.h"

#include "compiledpolicy.h"
#include "principalchecks.h"
#include "referencechecks.h"
#include "servicereference.h"

#include "../core/cidr.h"
#include "../core/text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace heiiki::model::iam {

using json = heiiki::Json;

namespace {

struct OperatorName
{
    const char *name;
    Operator op;
};

constexpr std::array<OperatorName, 27> kOperators{{
    {"StringEquals", Operator::StringEquals},
    {"StringNotEquals", Operator::StringNotEquals},
    {"StringEqualsIgnoreCase", Operator::StringEqualsIgnoreCase},
    {"StringNotEqualsIgnoreCase", Operator::StringNotEqualsIgnoreCase},
    {"StringLike", Operator::StringLike},
    {"StringNotLike", Operator::StringNotLike},
    {"NumericEquals", Operator::NumericEquals},
    {"NumericNotEquals", Operator::NumericNotEquals},
    {"NumericLessThan", Operator::NumericLessThan},
    {"NumericLessThanEquals", Operator::NumericLessThanEquals},
    {"NumericGreaterThan", Operator::NumericGreaterThan},
    {"NumericGreaterThanEquals", Operator::NumericGreaterThanEquals},
    {"DateEquals", Operator::DateEquals},
    {"DateNotEquals", Operator::DateNotEquals},
    {"DateLessThan", Operator::DateLessThan},
    {"DateLessThanEquals", Operator::DateLessThanEquals},
    {"DateGreaterThan", Operator::DateGreaterThan},
    {"DateGreaterThanEquals", Operator::DateGreaterThanEquals},
    {"Bool", Operator::Bool},
    {"BinaryEquals", Operator::BinaryEquals},
    {"IpAddress", Operator::IpAddress},
    {"NotIpAddress", Operator::NotIpAddress},
    {"ArnEquals", Operator::ArnEquals},
    {"ArnLike", Operator::ArnLike},
    {"ArnNotEquals", Operator::ArnNotEquals},
    {"ArnNotLike", Operator::ArnNotLike},
    {"Null", Operator::Null},
}};

std::string escape(const std::string &token)
{
    std::string out;
    for (char c : token)
        out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return out;
}

/// Checks the ${…} policy variables of a value; returns "" or the problem.
std::string checkVariables(const std::string &value)
{
    size_t at = 0;
    while ((at = value.find("${", at)) != std::string::npos) {
        const size_t end = value.find('}', at);
        if (end == std::string::npos)
            return "a policy variable is not closed with '}'";
        const std::string inner = value.substr(at + 2, end - at - 2);
        if (inner.empty())
            return "an empty policy variable ${}";
        if (inner != "*" && inner != "?" && inner != "$") {
            const auto comma = inner.find(',');
            const std::string key = inner.substr(0, comma);
            if (key.find(':') == std::string::npos)
                return "policy variable ${" + inner + "} does not name a condition key";
            // Access Analyzer: "A space is not supported within the policy variable text".
            if (key.find(' ') != std::string::npos)
                return "policy variable ${" + inner + "}: a space is not allowed in the key "
                       "name";
            if (comma != std::string::npos) {
                // AWS: "separate the variable text and the default value with a comma and
                // space"; without the space AWS does not read a default.
                if (comma + 1 >= inner.size() || inner[comma + 1] != ' ')
                    return "the default of ${" + inner + "} must follow a comma and a space: "
                           "${" + key + ", " + inner.substr(comma + 1) + "}";
                std::string fallback = inner.substr(comma + 1);
                fallback.erase(0, fallback.find_first_not_of(' '));
                if (fallback.size() < 2 || fallback.front() != '\'' || fallback.back() != '\'')
                    return "the default of ${" + inner + "} must be in single quotes";
            }
        }
        at = end + 1;
    }
    return {};
}

bool isActionShape(const std::string &a)
{
    if (a == "*")
        return true;
    const auto colon = a.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == a.size())
        return false;
    for (size_t i = 0; i < colon; ++i) {
        const char c = a[i];
        // Service prefixes are case-insensitive: "IAM:ListUsers" is iam:ListUsers.
        if (!(std::isalpha(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c))
              || c == '-' || c == '*' || c == '?'))
            return false;
    }
    for (size_t i = colon + 1; i < a.size(); ++i) {
        const char c = a[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '*' || c == '?' || c == '-'
              || c == '_'))
            return false;
    }
    return true;
}

/// "" when \a arn has the shape arn:partition:service:region:account:resource.
std::string checkArn(const std::string &arn)
{
    if (arn == "*")
        return {};
    if (arn.rfind("arn:", 0) != 0)
        return "\"" + arn + "\" is not an ARN (it must start with arn:)";
    int colons = 0;
    for (char c : arn)
        colons += c == ':' ? 1 : 0;
    if (colons < 5)
        return "\"" + arn + "\" is not an ARN: it needs arn:partition:service:region:account:resource";
    const std::string partition = arn.substr(4, arn.find(':', 4) - 4);
    if (partition != "aws" && partition != "aws-cn" && partition != "aws-us-gov"
        && partition.find('*') == std::string::npos && partition.find("${") == std::string::npos)
        return "\"" + arn + "\" names an unknown partition \"" + partition + "\"";
    return {};
}

class Parser
{
public:
    Parser(DocumentKind kind, const ServiceReference *reference)
        : m_kind(kind)
        , m_reference(reference)
    {}

    ParseResult run(const json &doc);

private:
    void problem(std::string pointer, std::string message)
    {
        m_problems.push_back({std::move(pointer), std::move(message), false});
    }
    void warning(std::string pointer, std::string message)
    {
        m_problems.push_back({std::move(pointer), std::move(message), true});
    }
    std::vector<std::string> stringOrArray(const json &v, const std::string &pointer,
                                           const char *what);
    std::optional<Statement> statement(const json &s, const std::string &pointer);
    void principal(const json &p, const std::string &pointer, Statement &st);
    void conditions(const json &c, const std::string &pointer, Statement &st);

    DocumentKind m_kind;
    const ServiceReference *m_reference; ///< not owned; nullptr: grammar only
    std::vector<PolicyProblem> m_problems;
};

std::vector<std::string> Parser::stringOrArray(const json &v, const std::string &pointer,
                                               const char *what)
{
    std::vector<std::string> out;
    if (v.is_string()) {
        out.push_back(v.get<std::string>());
    } else if (v.is_array()) {
        if (v.empty())
            problem(pointer, std::string(what) + " must not be an empty list");
        for (size_t i = 0; i < v.size(); ++i) {
            if (v[i].is_string())
                out.push_back(v[i].get<std::string>());
            else
                problem(pointer + "/" + std::to_string(i),
                        std::string(what) + " entries must be strings");
        }
    } else {
        problem(pointer, std::string(what) + " must be a string or a list of strings");
    }
    return out;
}

void Parser::principal(const json &p, const std::string &pointer, Statement &st)
{
    if (p.is_string()) {
        if (p.get<std::string>() != "*")
            problem(pointer, "a Principal string must be \"*\"; name others as "
                             "{\"AWS\": …}, {\"Service\": …}");
        st.principals.push_back({PrincipalEntry::Type::Any, "*"});
        return;
    }
    if (!p.is_object() || p.empty()) {
        problem(pointer, "Principal must be \"*\" or an object such as {\"AWS\": …}");
        return;
    }
    std::vector<std::pair<std::string, std::string>> awsEntries; // value, pointer
    for (auto it = p.begin(); it != p.end(); ++it) {
        const std::string key = it.key();
        const std::string at = pointer + "/" + escape(key);
        PrincipalEntry::Type type;
        if (key == "AWS")
            type = PrincipalEntry::Type::Aws;
        else if (key == "Service")
            type = PrincipalEntry::Type::Service;
        else if (key == "Federated")
            type = PrincipalEntry::Type::Federated;
        else if (key == "CanonicalUser")
            type = PrincipalEntry::Type::CanonicalUser;
        else {
            problem(at, "unknown principal type \"" + key
                            + "\" (AWS, Service, Federated or CanonicalUser)");
            continue;
        }
        const auto values = stringOrArray(*it, at, "principals");
        for (size_t i = 0; i < values.size(); ++i) {
            const std::string &v = values[i];
            const std::string vp = it->is_array() ? at + "/" + std::to_string(i) : at;
            if (type == PrincipalEntry::Type::Aws && v != "*") {
                const bool account = v.size() == 12
                                     && std::all_of(v.begin(), v.end(), [](char c) {
                                            return c >= '0' && c <= '9';
                                        });
                if (!account) {
                    const std::string why = checkArn(v);
                    if (!why.empty())
                        problem(vp, "an AWS principal must be an account id or an ARN: " + why);
                    else if (v.find(":iam::") == std::string::npos
                             && v.find(":sts::") == std::string::npos)
                        problem(vp, "an AWS principal ARN must be an IAM or STS ARN");
                }
            }
            if (type == PrincipalEntry::Type::Service && v.find('.') == std::string::npos)
                problem(vp, "a service principal looks like ec2.amazonaws.com");
            st.principals.push_back({type, v});
            if (type == PrincipalEntry::Type::Aws)
                awsEntries.emplace_back(v, vp);
        }
    }
    if (st.notPrincipal && st.effect == Effect::Deny)
        checkNotPrincipalAccounts(st, awsEntries, m_problems);
}

void Parser::conditions(const json &c, const std::string &pointer, Statement &st)
{
    if (!c.is_object()) {
        problem(pointer, "Condition must be an object of operators");
        return;
    }
    for (auto op = c.begin(); op != c.end(); ++op) {
        const std::string at = pointer + "/" + escape(op.key());
        Condition base;
        if (!parseOperator(op.key(), base.op, base.ifExists, base.qualifier)) {
            problem(at, "unknown condition operator \"" + op.key() + "\"");
            continue;
        }
        if (!op->is_object() || op->empty()) {
            problem(at, "a condition operator takes an object of condition keys");
            continue;
        }
        for (auto key = op->begin(); key != op->end(); ++key) {
            const std::string kp = at + "/" + escape(key.key());
            Condition cond = base;
            cond.key = key.key();
            cond.keyLower = asciiLower(cond.key);
            cond.pointer = kp;
            if (cond.key.find(':') == std::string::npos)
                problem(kp, "condition key \"" + cond.key + "\" has no service prefix "
                                                            "(aws:…, ssm:…)");
            auto addValue = [&](const json &v, const std::string &vp) {
                std::string text;
                if (v.is_string())
                    text = v.get<std::string>();
                else if (v.is_boolean())
                    text = v.get<bool>() ? "true" : "false";
                else if (v.is_number())
                    text = v.dump();
                else {
                    problem(vp, "a condition value must be a string, number or boolean");
                    return;
                }
                const std::string why = checkVariables(text);
                if (!why.empty())
                    problem(vp, why);
                auto isBoolText = [](const std::string &t) {
                    const std::string l = asciiLower(t);
                    return l == "true" || l == "false";
                };
                switch (cond.op) {
                case Operator::Bool:
                case Operator::Null:
                    if (!isBoolText(text))
                        problem(vp, "\"" + text + "\" must be true or false");
                    break;
                case Operator::IpAddress:
                case Operator::NotIpAddress:
                    if (!Cidr::parse(text) && !Cidr::parseAddress(text))
                        problem(vp, "\"" + text + "\" is not an IP address or CIDR");
                    break;
                case Operator::NumericEquals:
                case Operator::NumericNotEquals:
                case Operator::NumericLessThan:
                case Operator::NumericLessThanEquals:
                case Operator::NumericGreaterThan:
                case Operator::NumericGreaterThanEquals: {
                    char *end = nullptr;
                    std::strtod(text.c_str(), &end);
                    if (text.empty() || *end)
                        problem(vp, "\"" + text + "\" is not a number");
                    break;
                }
                case Operator::ArnEquals:
                case Operator::ArnLike:
                case Operator::ArnNotEquals:
                case Operator::ArnNotLike:
                    if (text.find("${") == std::string::npos) {
                        const std::string arnWhy = checkArn(text);
                        if (!arnWhy.empty())
                            problem(vp, arnWhy);
                    }
                    break;
                default:
                    break;
                }
                cond.values.push_back(text);
            };
            if (key->is_array()) {
                if (key->empty())
                    problem(kp, "a condition needs at least one value");
                for (size_t i = 0; i < key->size(); ++i)
                    addValue((*key)[i], kp + "/" + std::to_string(i));
            } else {
                addValue(*key, kp);
            }
            if (cond.op == Operator::Null && cond.ifExists)
                problem(kp, "Null cannot take IfExists");
            st.conditions.push_back(std::move(cond));
        }
    }
}

std::optional<Statement> Parser::statement(const json &s, const std::string &pointer)
{
    if (!s.is_object()) {
        problem(pointer, "a statement must be an object");
        return std::nullopt;
    }
    Statement st;
    st.pointer = pointer;
    StatementSource source;
    static const char *known[] = {"Sid", "Effect", "Principal", "NotPrincipal", "Action",
                                  "NotAction", "Resource", "NotResource", "Condition"};
    for (auto it = s.begin(); it != s.end(); ++it)
        if (std::none_of(std::begin(known), std::end(known),
                         [&](const char *k) { return it.key() == k; }))
            problem(pointer + "/" + escape(it.key()), "unknown statement element \"" + it.key()
                                                          + "\"");
    if (auto sid = s.find("Sid"); sid != s.end()) {
        if (!sid->is_string())
            problem(pointer + "/Sid", "Sid must be a string");
        else
            st.sid = sid->get<std::string>();
    }
    auto effect = s.find("Effect");
    if (effect == s.end())
        problem(pointer, "the statement has no Effect");
    else if (*effect == "Allow")
        st.effect = Effect::Allow;
    else if (*effect == "Deny")
        st.effect = Effect::Deny;
    else
        problem(pointer + "/Effect", "Effect must be \"Allow\" or \"Deny\"");

    const bool hasP = s.contains("Principal"), hasNP = s.contains("NotPrincipal");
    if (hasP && hasNP)
        problem(pointer, "a statement takes Principal or NotPrincipal, not both");
    if (hasP || hasNP) {
        st.hasPrincipal = true;
        st.notPrincipal = hasNP && !hasP;
        const char *name = st.notPrincipal ? "NotPrincipal" : "Principal";
        if (m_kind == DocumentKind::Identity)
            problem(pointer + "/" + name, std::string(name) + " is not allowed in an identity-"
                                                              "based policy");
        principal(s.at(name), pointer + "/" + name, st);
        if (st.notPrincipal && st.effect == Effect::Allow)
            warning(pointer + "/NotPrincipal", "NotPrincipal with Allow grants every principal "
                                               "but the named ones; AWS advises against it");
    } else if (m_kind == DocumentKind::Resource) {
        problem(pointer, "a resource-based policy statement needs a Principal");
    }

    const bool hasA = s.contains("Action"), hasNA = s.contains("NotAction");
    if (hasA == hasNA) {
        problem(pointer, "a statement takes exactly one of Action or NotAction");
    } else {
        st.notAction = hasNA;
        const char *name = hasNA ? "NotAction" : "Action";
        const auto actions = stringOrArray(s.at(name), pointer + "/" + name, name);
        for (size_t i = 0; i < actions.size(); ++i) {
            const std::string ap = pointer + "/" + name
                                   + (s.at(name).is_array() ? "/" + std::to_string(i)
                                                            : std::string());
            if (!isActionShape(actions[i]))
                problem(ap, "\"" + actions[i] + "\" is not an action (write service:Action, e.g. "
                                                "sts:AssumeRole)");
            else
                source.actions.emplace_back(actions[i], ap);
            st.actions.push_back(asciiLower(actions[i]));
        }
    }

    const bool hasR = s.contains("Resource"), hasNR = s.contains("NotResource");
    if (hasR && hasNR)
        problem(pointer, "a statement takes Resource or NotResource, not both");
    if (hasR || hasNR) {
        st.hasResource = true;
        st.notResource = hasNR && !hasR;
        const char *name = st.notResource ? "NotResource" : "Resource";
        const auto resources = stringOrArray(s.at(name), pointer + "/" + name, name);
        for (size_t i = 0; i < resources.size(); ++i) {
            const std::string rp = pointer + "/" + name
                                   + (s.at(name).is_array() ? "/" + std::to_string(i)
                                                            : std::string());
            std::string why = checkArn(resources[i]);
            if (why.empty())
                why = checkVariables(resources[i]);
            if (!why.empty())
                problem(rp, why);
            else
                source.resources.emplace_back(resources[i], rp);
            st.resources.push_back(resources[i]);
        }
    } else if (m_kind == DocumentKind::Identity) {
        problem(pointer, "an identity-based policy statement needs a Resource");
    }
    if (auto c = s.find("Condition"); c != s.end())
        conditions(*c, pointer + "/Condition", st);
    if (m_reference)
        checkAgainstReference(st, source, *m_reference, m_problems);
    return st;
}

ParseResult Parser::run(const json &doc)
{
    if (!doc.is_object())
        return {std::nullopt, {{"", "a policy document must be a JSON object"}}};
    Policy policy;
    for (auto it = doc.begin(); it != doc.end(); ++it)
        if (it.key() != "Version" && it.key() != "Id" && it.key() != "Statement")
            problem("/" + escape(it.key()), "unknown policy element \"" + it.key() + "\"");
    if (auto v = doc.find("Version"); v != doc.end()) {
        if (!v->is_string() || (*v != "2012-10-17" && *v != "2008-10-17"))
            problem("/Version", "Version must be \"2012-10-17\" (or the old \"2008-10-17\")");
        else
            policy.version = v->get<std::string>();
        if (policy.version == "2008-10-17")
            warning("/Version", "Version 2008-10-17 does not support policy variables; use "
                                "2012-10-17");
    } else {
        warning("", "the policy has no Version; write \"Version\": \"2012-10-17\" (without it "
                    "policy variables are not replaced)");
    }
    if (auto id = doc.find("Id"); id != doc.end() && id->is_string())
        policy.id = id->get<std::string>();
    auto statements = doc.find("Statement");
    if (statements == doc.end()) {
        problem("", "the policy has no Statement");
    } else if (statements->is_object()) {
        if (auto st = statement(*statements, "/Statement"))
            policy.statements.push_back(std::move(*st));
    } else if (statements->is_array()) {
        if (statements->empty())
            problem("/Statement", "Statement must not be empty");
        for (size_t i = 0; i < statements->size(); ++i)
            if (auto st = statement((*statements)[i], "/Statement/" + std::to_string(i)))
                policy.statements.push_back(std::move(*st));
    } else {
        problem("/Statement", "Statement must be an object or a list of objects");
    }
    policy.compiled = compilePolicy(policy);
    return {std::move(policy), std::move(m_problems)};
}

} // namespace

bool parseOperator(const std::string &name, Operator &op, bool &ifExists, SetQualifier &qualifier)
{
    std::string rest = name;
    qualifier = SetQualifier::None;
    if (rest.rfind("ForAllValues:", 0) == 0) {
        qualifier = SetQualifier::ForAllValues;
        rest = rest.substr(13);
    } else if (rest.rfind("ForAnyValue:", 0) == 0) {
        qualifier = SetQualifier::ForAnyValue;
        rest = rest.substr(12);
    }
    ifExists = false;
    if (rest.size() > 8 && rest.compare(rest.size() - 8, 8, "IfExists") == 0) {
        ifExists = true;
        rest = rest.substr(0, rest.size() - 8);
    }
    for (const auto &o : kOperators)
        if (rest == o.name) {
            op = o.op;
            return true;
        }
    return false;
}

bool isNegated(Operator op)
{
    switch (op) {
    case Operator::StringNotEquals:
    case Operator::StringNotEqualsIgnoreCase:
    case Operator::StringNotLike:
    case Operator::NumericNotEquals:
    case Operator::DateNotEquals:
    case Operator::NotIpAddress:
    case Operator::ArnNotEquals:
    case Operator::ArnNotLike:
        return true;
    default:
        return false;
    }
}

ParseResult parsePolicy(const json &document, DocumentKind kind)
{
    return Parser(kind, &ServiceReference::shipped()).run(document);
}

ParseResult parsePolicy(const json &document, DocumentKind kind,
                        const ServiceReference *reference)
{
    return Parser(kind, reference).run(document);
}

} // namespace heiiki::model::iam
