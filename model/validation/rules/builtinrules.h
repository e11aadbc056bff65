#pragma once

#include "../rule.h"

#include <memory>
#include <vector>

namespace heiiki::model::rules {

/// One instance of every rule Heiiki ships.
std::vector<std::unique_ptr<Rule>> makeBuiltinRules();

} // namespace heiiki::model::rules
