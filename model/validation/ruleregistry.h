#pragma once

#include "rule.h"

#include <memory>
#include <span>
#include <vector>

namespace heiiki::model {

/// The rules a validator runs, in id order. Owns its rules.
class RuleRegistry
{
public:
    /// A registry with every rule Heiiki ships.
    static RuleRegistry builtin();

    void add(std::unique_ptr<Rule> rule);
    const Rule *find(std::string_view id) const;
    std::vector<const Rule *> rules() const;

private:
    std::vector<std::unique_ptr<Rule>> m_rules;
};

} // namespace heiiki::model
