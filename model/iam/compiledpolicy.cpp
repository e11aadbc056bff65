#include "compiledpolicy.h"

#include "../core/text.h"
#include "request.h"
#include "wildcard.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace heiiki::model::iam {

namespace {

bool hasWildcard(std::string_view s)
{
    return s.find_first_of("*?") != std::string_view::npos;
}

/// \a part with `\` doubled: literal text in the escaped form.
void appendLiteral(std::string &out, std::string_view part)
{
    for (char c : part) {
        if (c == '\\')
            out += '\\';
        out += c;
    }
}

/// \a value with `*`, `?` and `\` escaped (what a variable puts in is literal).
void appendEscaped(std::string &out, std::string_view value)
{
    for (char c : value) {
        if (c == '*' || c == '?' || c == '\\')
            out += '\\';
        out += c;
    }
}

CompiledPrincipal compilePrincipal(const PrincipalEntry &e)
{
    CompiledPrincipal p;
    p.type = e.type;
    p.value = e.value;
    if (e.type != PrincipalEntry::Type::Aws)
        return p;
    p.anyAws = e.value == "*";
    constexpr std::string_view rootPrefix = "arn:aws:iam::", rootSuffix = ":root";
    const std::string_view v = e.value;
    if (v.size() >= rootPrefix.size() + rootSuffix.size() && v.substr(0, 13) == rootPrefix
        && v.substr(v.size() - rootSuffix.size()) == rootSuffix) {
        p.rootForm = true;
        p.rootAccount = std::string(
            v.substr(rootPrefix.size(), v.size() - rootPrefix.size() - rootSuffix.size()));
    }
    if (v.find(":role/") != std::string_view::npos) {
        p.role = true;
        p.roleAccount = arnAccount(v);
        p.roleName = std::string(v.substr(v.rfind('/') + 1));
    }
    return p;
}

CompiledCondition compileCondition(const Condition &c, bool variables)
{
    CompiledCondition out;
    out.op = c.op;
    out.ifExists = c.ifExists;
    out.negated = isNegated(c.op);
    out.qualifier = c.qualifier;
    out.keyLower = c.keyLower;
    out.keyHash = RequestContext::keyHash(out.keyLower);
    if (c.op == Operator::Null) {
        // Null reads the first value as written: "true" asks for the key to be absent.
        const std::string first = c.values.empty() ? std::string() : asciiLower(c.values.front());
        out.nullWantsAbsent = first == "true";
        return out;
    }
    out.values.reserve(c.values.size());
    for (const auto &text : c.values) {
        CompiledCondition::Value v;
        v.source = ValueTemplate(text, variables);
        if (v.source.isStatic()) {
            v.plain = unescapeWildcards(v.source.staticText());
            switch (valueKind(c.op)) {
            case ValueKind::Number: v.number = parseNumber(v.plain); break;
            case ValueKind::Date: v.number = parseDate(v.plain); break;
            case ValueKind::Network: v.network = parseNetwork(v.plain); break;
            case ValueKind::Text: break;
            }
        }
        out.values.push_back(std::move(v));
    }
    return out;
}

} // namespace

Pattern Pattern::of(std::string_view text, bool escaped, std::string &block)
{
    Pattern p;
    if (escaped && text.find('\\') != std::string_view::npos)
        p.kind = Kind::EscapedGlob;
    else if (text == "*")
        p.kind = Kind::Any;
    else if (!hasWildcard(text))
        p.kind = Kind::Exact;
    else if (text.back() == '*' && !hasWildcard(text.substr(0, text.size() - 1))) {
        p.kind = Kind::Prefix;
        text.remove_suffix(1);
    } else
        p.kind = Kind::Glob;
    if (p.kind == Kind::Any)
        return p;
    p.offset = static_cast<unsigned>(block.size());
    p.size = static_cast<unsigned>(text.size());
    block += text;
    return p;
}

bool Pattern::globMatch(std::string_view pattern, std::string_view value, bool escaped)
{
    return escaped ? wildcardMatchEscaped(pattern, value) : wildcardMatch(pattern, value);
}

ValueTemplate::ValueTemplate(std::string_view text, bool variables)
{
    const size_t first = variables ? text.find("${") : std::string_view::npos;
    if (first == std::string_view::npos) {
        appendLiteral(m_text, text);
        return;
    }
    m_static = false;
    size_t at = 0;
    while (true) {
        const size_t start = text.find("${", at);
        if (start == std::string_view::npos) {
            if (at < text.size()) {
                Piece literal;
                appendLiteral(literal.text, text.substr(at));
                m_pieces.push_back(std::move(literal));
            }
            return;
        }
        const size_t end = text.find('}', start);
        if (end == std::string_view::npos) {
            m_broken = true;
            return;
        }
        Piece literal;
        appendLiteral(literal.text, text.substr(at, start - at));
        const std::string_view inner = text.substr(start + 2, end - start - 2);
        if (inner == "*" || inner == "?") {
            literal.text += '\\';
            literal.text += inner;
        } else if (inner == "$") {
            literal.text += inner;
        }
        if (!literal.text.empty())
            m_pieces.push_back(std::move(literal));
        if (inner != "*" && inner != "?" && inner != "$") {
            // The default follows a comma and a space: ${aws:x, 'default'}.
            Piece variable;
            variable.variable = true;
            std::string key(inner);
            if (const auto comma = inner.find(", "); comma != std::string_view::npos) {
                std::string fallback(inner.substr(comma + 2));
                fallback.erase(0, fallback.find_first_not_of(' '));
                if (fallback.size() >= 2 && fallback.front() == '\'' && fallback.back() == '\'') {
                    key = std::string(inner.substr(0, comma));
                    appendEscaped(variable.text, std::string_view(fallback).substr(
                                                     1, fallback.size() - 2));
                    variable.hasDefault = true;
                }
            }
            while (!key.empty() && key.back() == ' ')
                key.pop_back();
            variable.keyLower = asciiLower(std::move(key));
            variable.keyHash = RequestContext::keyHash(variable.keyLower);
            m_pieces.push_back(std::move(variable));
        }
        at = end + 1;
    }
}

bool ValueTemplate::resolve(const RequestContext &request, std::string &out) const
{
    out.clear();
    if (m_static) {
        out = m_text;
        return true;
    }
    if (m_broken)
        return false;
    for (const Piece &p : m_pieces) {
        if (!p.variable) {
            out += p.text;
            continue;
        }
        const auto *values = request.values(p.keyLower, p.keyHash);
        if (values && values->size() == 1)
            appendEscaped(out, values->front());
        else if (p.hasDefault)
            out += p.text;
        else
            return false;
    }
    return true;
}

ValueKind valueKind(Operator op)
{
    switch (op) {
    case Operator::NumericEquals:
    case Operator::NumericNotEquals:
    case Operator::NumericLessThan:
    case Operator::NumericLessThanEquals:
    case Operator::NumericGreaterThan:
    case Operator::NumericGreaterThanEquals:
        return ValueKind::Number;
    case Operator::DateEquals:
    case Operator::DateNotEquals:
    case Operator::DateLessThan:
    case Operator::DateLessThanEquals:
    case Operator::DateGreaterThan:
    case Operator::DateGreaterThanEquals:
        return ValueKind::Date;
    case Operator::IpAddress:
    case Operator::NotIpAddress:
        return ValueKind::Network;
    default:
        return ValueKind::Text;
    }
}

std::optional<double> parseNumber(const std::string &s)
{
    char *end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || *end)
        return std::nullopt;
    return v;
}

std::optional<double> parseDate(const std::string &s)
{
    if (auto epoch = parseNumber(s))
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

std::optional<Cidr> parseNetwork(std::string_view text)
{
    auto net = Cidr::parse(text);
    return net ? net : Cidr::parseAddress(text);
}

std::optional<Cidr> parseAddressValue(std::string_view text)
{
    auto address = Cidr::parseAddress(text);
    return address ? address : Cidr::parse(text);
}

std::shared_ptr<const CompiledPolicy> compilePolicy(const Policy &policy)
{
    auto out = std::make_shared<CompiledPolicy>();
    out->variables = policy.version == "2012-10-17";
    // Sized up front, one block after the other: what an evaluation reads sits together.
    size_t patterns = 0, text = 0, principals = 0, conditions = 0;
    for (const Statement &s : policy.statements) {
        patterns += s.actions.size() + s.resources.size();
        principals += s.principals.size();
        conditions += s.conditions.size();
        text += s.sid.size() + s.pointer.size();
        for (const auto &a : s.actions)
            text += a.size();
        for (const auto &r : s.resources)
            text += r.size() + 4;
    }
    out->statements.reserve(policy.statements.size());
    out->patterns.reserve(patterns);
    out->text.reserve(text);
    out->principals.reserve(principals);
    out->conditions.reserve(conditions);
    auto range = [](size_t begin, size_t end) {
        return CompiledStatement::Range{static_cast<unsigned>(begin),
                                        static_cast<unsigned>(end)};
    };
    for (const Statement &s : policy.statements) {
        CompiledStatement c;
        c.sid = {static_cast<unsigned>(out->text.size()), static_cast<unsigned>(s.sid.size())};
        out->text += s.sid;
        c.pointer = {static_cast<unsigned>(out->text.size()),
                     static_cast<unsigned>(s.pointer.size())};
        out->text += s.pointer;
        c.effect = s.effect;
        c.hasPrincipal = s.hasPrincipal;
        c.notPrincipal = s.notPrincipal;
        const size_t principals = out->principals.size();
        for (const auto &p : s.principals)
            out->principals.push_back(compilePrincipal(p));
        c.principals = range(principals, out->principals.size());
        c.notAction = s.notAction;
        const size_t actions = out->patterns.size();
        for (const auto &a : s.actions)
            out->patterns.push_back(Pattern::of(a, false, out->text));
        c.actions = range(actions, out->patterns.size());
        c.hasResource = s.hasResource;
        c.notResource = s.notResource;
        const size_t resources = out->patterns.size(), templates = out->templates.size();
        for (const auto &r : s.resources) {
            ValueTemplate t(r, out->variables);
            if (t.isStatic())
                out->patterns.push_back(Pattern::of(t.staticText(), true, out->text));
            else
                out->templates.push_back(std::move(t));
        }
        c.resources = range(resources, out->patterns.size());
        c.dynamicResources = range(templates, out->templates.size());
        const size_t conditions = out->conditions.size();
        for (const auto &condition : s.conditions)
            out->conditions.push_back(compileCondition(condition, out->variables));
        c.conditions = range(conditions, out->conditions.size());
        out->statements.push_back(c);
    }
    return out;
}

} // namespace heiiki::model::iam
