#pragma once

#include "finding.h"

#include <string>
#include <string_view>
#include <vector>

namespace heiiki::model {

class ValidationContext;

/// A closed-network rule. A rule is a pure function of the design: it reads it and appends
/// findings, and never changes anything. Rules run concurrently (validate()): check() keeps
/// no state of its own and reads the design only through the context.
class Rule
{
public:
    virtual ~Rule() = default;
    virtual std::string_view id() const = 0;       ///< "NET-011"
    virtual std::string_view title() const = 0;    ///< one line: what the rule checks
    virtual Severity severity() const = 0;         ///< the severity of its findings
    virtual void check(const ValidationContext &context, std::vector<Finding> &findings) const = 0;
    /// True when check() reads ValidationContext::scenarios(): validate() then starts playing
    /// them first, on a thread of their own.
    virtual bool readsScenarios() const { return false; }

protected:
    /// A finding of this rule, with the rule's id and severity.
    Finding finding(std::vector<Id> elements, std::string message, std::string fix,
                    std::string path = {}) const
    {
        return {std::string(id()), severity(), std::move(elements), std::move(message),
                std::move(fix), std::move(path)};
    }
};

} // namespace heiiki::model
