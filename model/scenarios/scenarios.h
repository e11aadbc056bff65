#pragma once

#include "../core/design.h"

#include <string>
#include <vector>

namespace heiiki::model {

class ValidationContext;

/// The outcome of playing one attack against a design.
struct ScenarioResult
{
    std::string id;          ///< "SCN-001"
    std::string title;       ///< the attacker, in one line
    bool succeeds = false;   ///< true: the design does not stop the attack
    std::string control;     ///< what decided: "route", "firewall allow-list", "policy II", …
    std::string detail;      ///< how it went, in a sentence
    std::vector<Id> elements;
    std::string path;        ///< JSON pointer of the deciding statement or element
};

/// Plays SCN-001 … SCN-005 against the design: the network path from the reachability
/// engine and every policy on the way, evaluated as AWS evaluates them.
std::vector<ScenarioResult> playScenarios(const ValidationContext &context);

} // namespace heiiki::model
