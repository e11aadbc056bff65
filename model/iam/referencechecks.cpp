#include "referencechecks.h"

#include "../core/text.h"
#include "servicereference.h"

#include <algorithm>
#include <set>

namespace heiiki::model::iam {

namespace {

bool hasWildcard(const std::string &s)
{
    return s.find_first_of("*?") != std::string::npos;
}

/// "a, b, c and 2 more".
std::string listOf(const std::vector<std::string> &items, size_t shown = 3)
{
    std::string out;
    for (size_t i = 0; i < items.size() && i < shown; ++i)
        out += (i ? ", " : "") + items[i];
    if (items.size() > shown)
        out += " and " + std::to_string(items.size() - shown) + " more";
    return out;
}

/// The operator as written, from the condition's pointer ".../Condition/<operator>/<key>".
std::string operatorText(const Condition &c)
{
    const auto keyStart = c.pointer.rfind('/');
    if (keyStart == std::string::npos || keyStart == 0)
        return {};
    const auto opStart = c.pointer.rfind('/', keyStart - 1);
    std::string op = c.pointer.substr(opStart + 1, keyStart - opStart - 1);
    for (size_t at = 0; (at = op.find('~', at)) != std::string::npos; ++at)
        op.replace(at, 2, op.compare(at, 2, "~1") == 0 ? "/" : "~");
    return op;
}

std::string typesText(const ConditionKeyInfo &key)
{
    std::string out;
    for (size_t i = 0; i < key.types.size(); ++i)
        out += (i ? " or " : "") + key.types[i].toString();
    return out;
}

class Checker
{
public:
    Checker(const Statement &st, const StatementSource &source, const ServiceReference &ref,
            std::vector<PolicyProblem> &problems)
        : m_st(st), m_source(source), m_ref(ref), m_problems(problems)
    {}

    void run()
    {
        m_complete = !m_st.notAction && !m_source.actions.empty();
        for (const auto &[text, pointer] : m_source.actions)
            action(text, pointer);
        for (const auto &c : m_st.conditions)
            condition(c);
        if (m_st.hasResource && !m_st.notResource && m_complete && !m_actions.empty())
            for (const auto &[text, pointer] : m_source.resources)
                resource(text, pointer);
    }

private:
    void error(const std::string &pointer, std::string message)
    {
        m_problems.push_back({pointer, std::move(message), false});
    }
    void warning(const std::string &pointer, std::string message)
    {
        m_problems.push_back({pointer, std::move(message), true});
    }

    void action(const std::string &text, const std::string &pointer);
    void condition(const Condition &c);
    void resource(const std::string &text, const std::string &pointer);
    std::vector<std::string> actionNames() const;

    const Statement &m_st;
    const StatementSource &m_source;
    const ServiceReference &m_ref;
    std::vector<PolicyProblem> &m_problems;
    /// True while every action of the statement names actions of detailed services, so that
    /// what the statement's actions support is known.
    bool m_complete = false;
    std::vector<const ActionInfo *> m_actions; ///< what Action names, without repeats
};

void Checker::action(const std::string &text, const std::string &pointer)
{
    const auto colon = text.find(':');
    if (text == "*" || colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
        m_complete = false; // "*" names every service; other shapes are the parser's to judge
        return;
    }
    const std::string prefix = text.substr(0, colon), name = text.substr(colon + 1);
    if (hasWildcard(prefix) || !m_ref.knowsService(prefix)) {
        m_complete = false;
        if (!hasWildcard(prefix) && !m_ref.isServicePrefix(prefix)) {
            // A detailed service is the likelier meaning; then any other.
            std::string guess = ServiceReference::closest(asciiLower(prefix), m_ref.services());
            if (guess.empty())
                guess = ServiceReference::closest(asciiLower(prefix), m_ref.servicePrefixes());
            warning(pointer, "\"" + prefix + "\" is not the prefix of an AWS service Heiiki "
                                             "knows"
                                 + (guess.empty() ? std::string()
                                                  : "; did you mean \"" + guess + "\"?"));
        }
        return;
    }
    const auto found = m_ref.matchingActions(text);
    if (found.empty()) {
        m_complete = false; // what the misspelt action supports is unknown
        const ServiceInfo *service = m_ref.service(prefix);
        if (hasWildcard(name)) {
            error(pointer, "\"" + text + "\" matches no action of " + service->prefix);
            return;
        }
        std::vector<std::string> names;
        for (const auto &a : service->actions)
            names.push_back(a.name);
        const std::string guess = ServiceReference::closest(name, names);
        error(pointer, service->prefix + " has no action \"" + name + "\""
                           + (guess.empty() ? std::string()
                                            : "; did you mean " + service->prefix + ":" + guess
                                                  + "?"));
        return;
    }
    for (const ActionInfo *a : found)
        if (std::find(m_actions.begin(), m_actions.end(), a) == m_actions.end())
            m_actions.push_back(a);
}

std::vector<std::string> Checker::actionNames() const
{
    std::vector<std::string> names;
    for (const ActionInfo *a : m_actions)
        names.push_back(a->fullName());
    return names;
}

void Checker::condition(const Condition &c)
{
    const auto colon = c.key.find(':');
    if (colon == std::string::npos || colon == 0)
        return; // the parser reports keys without a prefix
    const std::string prefix = asciiLower(c.key.substr(0, colon));
    const ConditionKeyInfo *key = m_ref.globalKey(c.key);
    if (!key) {
        key = m_ref.serviceKey(c.key);
        if (!key && prefix == "aws") {
            warning(c.pointer, "\"" + c.key + "\" is not a global condition key Heiiki knows");
            return;
        }
        if (!key) {
            const ServiceInfo *service = m_ref.service(prefix);
            if (!service)
                return; // a service the reference does not detail: not judged
            std::vector<std::string> names;
            for (const auto &k : service->conditionKeys)
                names.push_back(k.name);
            const std::string guess = ServiceReference::closest(c.key, names);
            error(c.pointer, service->prefix + " has no condition key \"" + c.key + "\""
                                 + (guess.empty() ? std::string()
                                                  : "; did you mean " + guess + "?"));
            return;
        }
        if (m_complete && !m_actions.empty()
            && std::none_of(m_actions.begin(), m_actions.end(), [&](const ActionInfo *a) {
                   return m_ref.actionSupportsKey(*a, c.key);
               }))
            warning(c.pointer, "\"" + c.key + "\" is not a condition key of "
                                   + listOf(actionNames())
                                   + ": requests for these actions never carry it");
    }

    const bool fits = std::any_of(key->types.begin(), key->types.end(),
                                  [&](const KeyType &t) { return operatorFits(c.op, t.value); });
    if (!fits) {
        warning(c.pointer, operatorText(c) + " does not fit \"" + c.key + "\", which is of type "
                               + typesText(*key) + ": use "
                               + operatorFamilyFor(key->types.front().value));
        return;
    }
    const bool multivalued = std::any_of(key->types.begin(), key->types.end(),
                                         [](const KeyType &t) { return t.multivalued; });
    if (c.qualifier != SetQualifier::None && !multivalued && c.op != Operator::Null)
        warning(c.pointer, std::string(c.qualifier == SetQualifier::ForAllValues
                                           ? "ForAllValues"
                                           : "ForAnyValue")
                               + " is for multivalued keys, but \"" + c.key
                               + "\" has one value; drop the qualifier"
                               + (c.qualifier == SetQualifier::ForAllValues
                                      ? " (ForAllValues also matches when the key is missing)"
                                      : ""));
}

void Checker::resource(const std::string &text, const std::string &pointer)
{
    if (text == "*" || text.rfind("arn:", 0) != 0)
        return;
    if (std::any_of(m_actions.begin(), m_actions.end(),
                    [&](const ActionInfo *a) { return m_ref.resourceCouldMatch(*a, text); }))
        return;
    std::vector<std::string> types;
    std::set<std::string> seen;
    for (const ActionInfo *a : m_actions)
        for (const ResourceTypeInfo *t : a->resourceTypes)
            if (seen.insert(t->arnFormat).second)
                types.push_back(t->name + " (" + t->arnFormat + ")");
    if (types.empty()) {
        warning(pointer, listOf(actionNames()) + " take no resource ARN, so \"" + text
                             + "\" never matches a request: write \"*\"");
        return;
    }
    warning(pointer, "\"" + text + "\" matches no resource type of " + listOf(actionNames())
                         + "; they take " + listOf(types, 4));
}

} // namespace

void checkAgainstReference(const Statement &statement, const StatementSource &source,
                           const ServiceReference &reference,
                           std::vector<PolicyProblem> &problems)
{
    Checker(statement, source, reference, problems).run();
}

} // namespace heiiki::model::iam
