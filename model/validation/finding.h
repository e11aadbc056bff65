#pragma once

#include "../core/id.h"

#include <string>
#include <string_view>
#include <vector>

namespace heiiki::model {

enum class Severity { Info, Warning, Error };
std::string_view toString(Severity severity);

/// One thing the validator found in a design.
struct Finding
{
    std::string ruleId;       ///< "NET-011", from shared/rules.md
    Severity severity = Severity::Error;
    std::vector<Id> elements; ///< the elements (or links, policies, flows) it concerns
    std::string message;      ///< what is wrong and why it matters
    std::string fix;          ///< what to do about it
    std::string path;         ///< JSON pointer into the design file, where it applies

    friend bool operator==(const Finding &, const Finding &) = default;
};

} // namespace heiiki::model
