#pragma once

#include "finding.h"

#include <string>
#include <string_view>
#include <vector>

namespace heiiki::model {

class ValidationContext;

/// A closed-network rule. A rule is a pure function of the design: it reads it and appends
/// findings, and never changes anything.
class Rule
{
public:
    virtual ~Rule() = default;
    virtual std::string_view id() const = 0;       ///< "NET-011"
    virtual std::string_view title() const = 0;    ///< one line: what the rule checks
    virtual Severity severity() const = 0;         ///< the severity of its findings
    virtual void check(const ValidationContext &context, std::vector<Finding> &findings) const = 0;

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
