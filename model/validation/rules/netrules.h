#pragma once

#include "../rule.h"

#include <memory>
#include <vector>

namespace heiiki::model::rules {

// The network rules decided from the reachability engine (shared/rules.md, NET-001…017).
std::unique_ptr<Rule> makeNet001();
std::unique_ptr<Rule> makeNet002();
std::unique_ptr<Rule> makeNet003();
std::unique_ptr<Rule> makeNet004();
std::unique_ptr<Rule> makeNet005();
std::unique_ptr<Rule> makeNet006();
std::unique_ptr<Rule> makeNet007();
std::unique_ptr<Rule> makeNet008();
std::unique_ptr<Rule> makeNet009();
std::unique_ptr<Rule> makeNet010();
std::unique_ptr<Rule> makeNet012();
std::unique_ptr<Rule> makeNet013();
std::unique_ptr<Rule> makeNet014();
std::unique_ptr<Rule> makeNet015();
std::unique_ptr<Rule> makeNet016();
std::unique_ptr<Rule> makeNet017();

// The identity and access rules decided from the policy engine.
std::unique_ptr<Rule> makeIam001();
std::unique_ptr<Rule> makeIam002();
std::unique_ptr<Rule> makeIam003();
std::unique_ptr<Rule> makeIam004();
std::unique_ptr<Rule> makeIam005();
std::unique_ptr<Rule> makeIam006();
std::unique_ptr<Rule> makeIam007();
std::unique_ptr<Rule> makeIam008();
std::unique_ptr<Rule> makeIam009();
std::unique_ptr<Rule> makeIam010();

// One rule per attack scenario (SCN-001…005): a scenario that succeeds is an error.
std::vector<std::unique_ptr<Rule>> makeScenarioRules();

} // namespace heiiki::model::rules
