#pragma once

#include "finding.h"
#include "ruleregistry.h"

#include <string_view>
#include <vector>

namespace heiiki::model {

class Design;
class ValidationContext;

/// Runs every rule of a registry over a design and returns the findings in a stable order:
/// by severity (errors first), rule id, first element id, message. The rules run on
/// \a threads threads (0: validationThreads()); the findings do not depend on how many.
std::vector<Finding> validate(const Design &design, const RuleRegistry &registry,
                              unsigned threads = 0);
/// The same in a context the caller keeps (to read its scenarios or traces afterwards).
std::vector<Finding> validate(const ValidationContext &context, const RuleRegistry &registry,
                              unsigned threads = 0);
/// How many threads validate() uses by default: the machine's hardware threads but one (left
/// to the UI thread), at least 1 and at most 4.
unsigned validationThreads();

/// Can a change to an element alter the findings? \a what is what DesignObserver::
/// elementChanged() reports: comma-separated parts ("name", "parent", "properties",
/// "geometry", "kind", or a property's name). No rule reads an element's geometry, so a
/// change that is only "geometry" (the element was moved or resized on the canvas) needs no
/// revalidation; every other part does.
bool affectsValidation(std::string_view what);

/// Counts findings per severity.
struct FindingSummary
{
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};
FindingSummary summarize(const std::vector<Finding> &findings);

} // namespace heiiki::model
