#pragma once

#include "finding.h"
#include "ruleregistry.h"

#include <vector>

namespace heiiki::model {

class Design;

/// Runs every rule of a registry over a design and returns the findings in a stable order:
/// by severity (errors first), rule id, first element id, message.
std::vector<Finding> validate(const Design &design, const RuleRegistry &registry);

/// Counts findings per severity.
struct FindingSummary
{
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};
FindingSummary summarize(const std::vector<Finding> &findings);

} // namespace heiiki::model
