#include "builtinrules.h"

#include "net011regionresidency.h"
#include "net018overlappingcidrs.h"

namespace heiiki::model::rules {

std::vector<std::unique_ptr<Rule>> makeBuiltinRules()
{
    std::vector<std::unique_ptr<Rule>> rules;
    rules.push_back(std::make_unique<Net011RegionResidency>());
    rules.push_back(std::make_unique<Net018OverlappingCidrs>());
    return rules;
}

} // namespace heiiki::model::rules
