#include "ruleregistry.h"

#include "rules/builtinrules.h"

#include <algorithm>

namespace heiiki::model {

RuleRegistry RuleRegistry::builtin()
{
    RuleRegistry registry;
    for (auto &rule : rules::makeBuiltinRules())
        registry.add(std::move(rule));
    return registry;
}

void RuleRegistry::add(std::unique_ptr<Rule> rule)
{
    auto at = std::lower_bound(m_rules.begin(), m_rules.end(), rule->id(),
                               [](const std::unique_ptr<Rule> &r, std::string_view id) {
                                   return r->id() < id;
                               });
    m_rules.insert(at, std::move(rule));
}

const Rule *RuleRegistry::find(std::string_view id) const
{
    for (const auto &r : m_rules)
        if (r->id() == id)
            return r.get();
    return nullptr;
}

std::vector<const Rule *> RuleRegistry::rules() const
{
    std::vector<const Rule *> out;
    for (const auto &r : m_rules)
        out.push_back(r.get());
    return out;
}

} // namespace heiiki::model
