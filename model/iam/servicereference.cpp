#include "servicereference.h"

#include "wildcard.h"

#include "model/core/json.h"
#include "model/core/text.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace heiiki::model::iam {

const char *shippedServiceReference(); // servicereferencedata.cpp, from resources/iam

namespace {

/// One step of a pattern: a character, `?` (any one character), or a run of any characters
/// (`*` or a ${…} placeholder); \c atLeastOne makes the run non-empty.
struct Token
{
    enum Kind { Char, One, Run } kind = Char;
    char c = 0;
    bool atLeastOne = false;
};

/// Splits \a text into tokens; ${…} always becomes a run, and * ? become wildcards when
/// \a wildcards is set.
std::vector<Token> tokenize(std::string_view text, bool wildcards, bool placeholderNonEmpty)
{
    std::vector<Token> out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
            const size_t end = text.find('}', i + 2);
            if (end != std::string_view::npos) {
                out.push_back({Token::Run, 0, placeholderNonEmpty});
                i = end;
                continue;
            }
        }
        if (wildcards && text[i] == '*')
            out.push_back({Token::Run, 0, false});
        else if (wildcards && text[i] == '?')
            out.push_back({Token::One, 0, false});
        else
            out.push_back({Token::Char, asciiLower(text[i]), false});
    }
    return out;
}

/// True when some string matches both token sequences. Runs are treated as "any text" (their
/// non-empty flag is ignored: a looser answer only means fewer warnings).
bool overlap(const std::vector<Token> &a, const std::vector<Token> &b)
{
    const size_t n = a.size() + 1, m = b.size() + 1;
    std::vector<char> seen(n * m, 0);
    std::vector<std::pair<size_t, size_t>> todo{{0, 0}};
    seen[0] = 1;
    auto visit = [&](size_t i, size_t j) {
        if (!seen[i * m + j]) {
            seen[i * m + j] = 1;
            todo.emplace_back(i, j);
        }
    };
    while (!todo.empty()) {
        const auto [i, j] = todo.back();
        todo.pop_back();
        if (i == a.size() && j == b.size())
            return true;
        const bool runA = i < a.size() && a[i].kind == Token::Run;
        const bool runB = j < b.size() && b[j].kind == Token::Run;
        if (runA)
            visit(i + 1, j); // the run ends
        if (runB)
            visit(i, j + 1);
        if (i < a.size() && j < b.size()) {
            if (runA && !runB)
                visit(i, j + 1); // a's run takes the character b produces
            else if (runB && !runA)
                visit(i + 1, j);
            else if (!runA && !runB
                     && (a[i].kind == Token::One || b[j].kind == Token::One || a[i].c == b[j].c))
                visit(i + 1, j + 1);
        }
    }
    return false;
}

/// Matches the concrete \a text against \a pattern (runs with their non-empty flag).
bool matchTokens(const std::vector<Token> &pattern, size_t p, std::string_view text, size_t t)
{
    while (p < pattern.size()) {
        const Token &tok = pattern[p];
        if (tok.kind == Token::Run) {
            for (size_t k = t + (tok.atLeastOne ? 1 : 0); k <= text.size(); ++k)
                if (matchTokens(pattern, p + 1, text, k))
                    return true;
            return false;
        }
        if (t >= text.size() || (tok.kind == Token::Char && tok.c != asciiLower(text[t])))
            return false;
        ++p;
        ++t;
    }
    return t == text.size();
}

std::vector<KeyType> keyTypesOf(const heiiki::Json &value, const std::string &key)
{
    std::vector<KeyType> types;
    auto add = [&](const heiiki::Json &v) {
        const auto type = KeyType::parse(v.get<std::string>());
        if (!type)
            throw std::runtime_error("condition key " + key + " has an unknown type "
                                     + v.get<std::string>());
        types.push_back(*type);
    };
    if (value.is_array())
        for (const auto &v : value)
            add(v);
    else
        add(value);
    return types;
}

size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                               diagonal + (asciiLower(a[i - 1]) == asciiLower(b[j - 1]) ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

const ConditionKeyInfo *findKey(const std::vector<ConditionKeyInfo> &keys, std::string_view key)
{
    for (const auto &k : keys)
        if (equalsIgnoringAsciiCase(k.name, key))
            return &k;
    for (const auto &k : keys)
        if (k.name.find("${") != std::string::npos && ServiceReference::keyMatches(k.name, key))
            return &k;
    return nullptr;
}

} // namespace

// --- KeyType ------------------------------------------------------------------------------

std::optional<KeyType> KeyType::parse(std::string_view text)
{
    KeyType type;
    if (text.rfind("ArrayOf", 0) == 0) {
        type.multivalued = true;
        text.remove_prefix(7);
    }
    static const std::pair<const char *, ValueType> names[] = {
        {"String", ValueType::String},   {"ARN", ValueType::Arn},
        {"Arn", ValueType::Arn},         {"Bool", ValueType::Bool},
        {"Numeric", ValueType::Numeric}, {"Date", ValueType::Date},
        {"IPAddress", ValueType::IpAddress}, {"Binary", ValueType::Binary},
    };
    for (const auto &[name, value] : names)
        if (text == name) {
            type.value = value;
            return type;
        }
    return std::nullopt;
}

std::string KeyType::toString() const
{
    std::string base;
    switch (value) {
    case ValueType::String: base = "String"; break;
    case ValueType::Arn: base = "ARN"; break;
    case ValueType::Bool: base = "Bool"; break;
    case ValueType::Numeric: base = "Numeric"; break;
    case ValueType::Date: base = "Date"; break;
    case ValueType::IpAddress: base = "IPAddress"; break;
    case ValueType::Binary: base = "Binary"; break;
    }
    return multivalued ? "ArrayOf" + base : base;
}

bool operatorFits(Operator op, ValueType type)
{
    switch (op) {
    case Operator::Null:
        return true;
    case Operator::StringEquals:
    case Operator::StringNotEquals:
    case Operator::StringEqualsIgnoreCase:
    case Operator::StringNotEqualsIgnoreCase:
    case Operator::StringLike:
    case Operator::StringNotLike:
        return type == ValueType::String || type == ValueType::Arn;
    case Operator::NumericEquals:
    case Operator::NumericNotEquals:
    case Operator::NumericLessThan:
    case Operator::NumericLessThanEquals:
    case Operator::NumericGreaterThan:
    case Operator::NumericGreaterThanEquals:
        return type == ValueType::Numeric;
    case Operator::DateEquals:
    case Operator::DateNotEquals:
    case Operator::DateLessThan:
    case Operator::DateLessThanEquals:
    case Operator::DateGreaterThan:
    case Operator::DateGreaterThanEquals:
        return type == ValueType::Date;
    case Operator::Bool:
        return type == ValueType::Bool;
    case Operator::BinaryEquals:
        return type == ValueType::Binary;
    case Operator::IpAddress:
    case Operator::NotIpAddress:
        return type == ValueType::IpAddress;
    case Operator::ArnEquals:
    case Operator::ArnLike:
    case Operator::ArnNotEquals:
    case Operator::ArnNotLike:
        return type == ValueType::Arn;
    }
    return true;
}

std::string operatorFamilyFor(ValueType type)
{
    switch (type) {
    case ValueType::String: return "String… (StringEquals, StringLike…)";
    case ValueType::Arn: return "Arn… (ArnEquals, ArnLike…)";
    case ValueType::Bool: return "Bool";
    case ValueType::Numeric: return "Numeric… (NumericEquals, NumericLessThan…)";
    case ValueType::Date: return "Date… (DateEquals, DateLessThan…)";
    case ValueType::IpAddress: return "IpAddress or NotIpAddress";
    case ValueType::Binary: return "BinaryEquals";
    }
    return {};
}

// --- ServiceReference ---------------------------------------------------------------------

ServiceReference::ServiceReference(const heiiki::Json &data)
    : m_header(std::make_unique<heiiki::Json>(data.at("header")))
{
    for (const auto &p : data.at("servicePrefixes"))
        m_prefixes.push_back(asciiLower(p.get<std::string>()));
    const auto &globals = data.at("globalConditionKeys");
    for (auto it = globals.begin(); it != globals.end(); ++it)
        m_globalKeys.push_back({it.key(), keyTypesOf(*it, it.key())});

    const auto &services = data.at("services");
    for (auto s = services.begin(); s != services.end(); ++s) {
        ServiceInfo &service = m_services[asciiLower(s.key())];
        service.prefix = asciiLower(s.key());
        service.name = s->value("name", service.prefix);
        const auto &keys = s->at("conditionKeys");
        for (auto k = keys.begin(); k != keys.end(); ++k)
            service.conditionKeys.push_back({k.key(), keyTypesOf(*k, k.key())});
        const auto &types = s->at("resourceTypes");
        for (auto r = types.begin(); r != types.end(); ++r) {
            ResourceTypeInfo &type = service.resourceTypes[r.key()];
            type.name = r.key();
            type.arnFormat = r->at("arn").get<std::string>();
            type.conditionKeys = r->value("keys", std::vector<std::string>());
        }
        const auto &actions = s->at("actions");
        service.actions.reserve(actions.size());
        for (auto a = actions.begin(); a != actions.end(); ++a) {
            ActionInfo action;
            action.service = service.prefix;
            action.name = a.key();
            action.accessLevel = a->value("access", std::string());
            action.conditionKeys = a->value("keys", std::vector<std::string>());
            for (const auto &r : a->value("resources", std::vector<std::string>())) {
                const auto type = service.resourceTypes.find(r);
                if (type == service.resourceTypes.end())
                    throw std::runtime_error(action.fullName() + " names the unknown resource "
                                                                 "type " + r);
                action.resourceTypes.push_back(&type->second);
            }
            service.actions.push_back(std::move(action));
        }
        m_prefixes.push_back(service.prefix);
    }
    std::sort(m_prefixes.begin(), m_prefixes.end());
    m_prefixes.erase(std::unique(m_prefixes.begin(), m_prefixes.end()), m_prefixes.end());
}

ServiceReference::~ServiceReference() = default;

const ServiceReference &ServiceReference::shipped()
{
    static const ServiceReference reference(heiiki::Json::parse(shippedServiceReference()));
    return reference;
}

const heiiki::Json &ServiceReference::header() const
{
    return *m_header;
}

bool ServiceReference::knowsService(std::string_view prefix) const
{
    return service(prefix) != nullptr;
}

bool ServiceReference::isServicePrefix(std::string_view prefix) const
{
    return std::binary_search(m_prefixes.begin(), m_prefixes.end(), asciiLower(prefix));
}

const ServiceInfo *ServiceReference::service(std::string_view prefix) const
{
    const auto it = m_services.find(asciiLower(prefix));
    return it == m_services.end() ? nullptr : &it->second;
}

std::vector<std::string> ServiceReference::services() const
{
    std::vector<std::string> out;
    for (const auto &[prefix, info] : m_services)
        out.push_back(prefix);
    return out;
}

const ActionInfo *ServiceReference::action(std::string_view prefix, std::string_view name) const
{
    const ServiceInfo *s = service(prefix);
    if (!s)
        return nullptr;
    for (const auto &a : s->actions)
        if (equalsIgnoringAsciiCase(a.name, name))
            return &a;
    return nullptr;
}

std::vector<const ActionInfo *> ServiceReference::matchingActions(std::string_view pattern) const
{
    std::vector<const ActionInfo *> out;
    if (pattern == "*") {
        for (const auto &[prefix, s] : m_services)
            for (const auto &a : s.actions)
                out.push_back(&a);
        return out;
    }
    const auto colon = pattern.find(':');
    if (colon == std::string_view::npos)
        return out;
    const std::string_view prefix = pattern.substr(0, colon), name = pattern.substr(colon + 1);
    for (const auto &[p, s] : m_services) {
        if (!wildcardMatchIgnoreCase(prefix, p))
            continue;
        for (const auto &a : s.actions)
            if (wildcardMatchIgnoreCase(name, a.name))
                out.push_back(&a);
    }
    return out;
}

bool ServiceReference::matchesAnyAction(std::string_view pattern) const
{
    return !matchingActions(pattern).empty();
}

const ConditionKeyInfo *ServiceReference::globalKey(std::string_view key) const
{
    return findKey(m_globalKeys, key);
}

const ConditionKeyInfo *ServiceReference::serviceKey(std::string_view key) const
{
    const auto colon = key.find(':');
    if (colon == std::string_view::npos)
        return nullptr;
    const ServiceInfo *s = service(key.substr(0, colon));
    return s ? findKey(s->conditionKeys, key) : nullptr;
}

const ConditionKeyInfo *ServiceReference::conditionKey(std::string_view key) const
{
    if (const ConditionKeyInfo *k = globalKey(key))
        return k;
    return serviceKey(key);
}

std::vector<std::string> ServiceReference::conditionKeysOf(const ActionInfo &action) const
{
    std::vector<std::string> out;
    std::set<std::string> seen;
    auto add = [&](const std::string &k) {
        if (seen.insert(asciiLower(k)).second)
            out.push_back(k);
    };
    for (const auto &k : action.conditionKeys)
        add(k);
    for (const ResourceTypeInfo *type : action.resourceTypes)
        for (const auto &k : type->conditionKeys)
            add(k);
    return out;
}

bool ServiceReference::actionSupportsKey(const ActionInfo &action, std::string_view key) const
{
    auto matches = [&](const std::string &candidate) { return keyMatches(candidate, key); };
    if (std::any_of(action.conditionKeys.begin(), action.conditionKeys.end(), matches))
        return true;
    return std::any_of(action.resourceTypes.begin(), action.resourceTypes.end(),
                       [&](const ResourceTypeInfo *type) {
                           return std::any_of(type->conditionKeys.begin(),
                                              type->conditionKeys.end(), matches);
                       });
}

std::vector<std::string> ServiceReference::arnFormatsOf(const ActionInfo &action) const
{
    std::vector<std::string> out;
    for (const ResourceTypeInfo *type : action.resourceTypes)
        out.push_back(type->arnFormat);
    return out;
}

bool ServiceReference::resourceCouldMatch(const ActionInfo &action,
                                          std::string_view arnPattern) const
{
    return std::any_of(action.resourceTypes.begin(), action.resourceTypes.end(),
                       [&](const ResourceTypeInfo *type) {
                           return arnPatternsOverlap(arnPattern, type->arnFormat);
                       });
}

bool ServiceReference::arnPatternsOverlap(std::string_view arnPattern, std::string_view arnFormat)
{
    return overlap(tokenize(arnPattern, true, false), tokenize(arnFormat, false, false));
}

bool ServiceReference::keyMatches(std::string_view keyTemplate, std::string_view key)
{
    if (equalsIgnoringAsciiCase(keyTemplate, key))
        return true;
    if (keyTemplate.find("${") == std::string_view::npos)
        return false;
    return matchTokens(tokenize(keyTemplate, false, true), 0, key, 0);
}

std::string ServiceReference::closest(std::string_view name,
                                      const std::vector<std::string> &candidates)
{
    const size_t limit = std::clamp<size_t>(name.size() / 4, 1, 3);
    std::string best;
    size_t bestDistance = limit + 1;
    for (const auto &c : candidates) {
        const size_t d = editDistance(name, c);
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace heiiki::model::iam
