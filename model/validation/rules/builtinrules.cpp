#include "builtinrules.h"

#include "net011regionresidency.h"
#include "net018overlappingcidrs.h"
#include "netrules.h"

namespace heiiki::model::rules {

std::vector<std::unique_ptr<Rule>> makeBuiltinRules()
{
    std::vector<std::unique_ptr<Rule>> rules;
    for (auto make : {makeNet001, makeNet002, makeNet003, makeNet004, makeNet005, makeNet006,
                      makeNet007, makeNet008, makeNet009, makeNet010, makeNet012, makeNet013,
                      makeNet014, makeNet015, makeNet016, makeNet017, makeIam001,
                      makeIam002, makeIam003, makeIam004, makeIam005, makeIam006, makeIam007,
                      makeIam008, makeIam009, makeIam010})
        rules.push_back(make());
    for (auto &rule : makeScenarioRules())
        rules.push_back(std::move(rule));
    rules.push_back(std::make_unique<Net011RegionResidency>());
    rules.push_back(std::make_unique<Net018OverlappingCidrs>());
    return rules;
}

} // namespace heiiki::model::rules
