#pragma once

#include "../core/design.h"

#include <string>

namespace heiiki::model {

/// The JSON pointer of an element, link, policy or flow in the file that writeDesign()
/// makes of \a design ("/elements/3"), or "" when the id is unknown.
std::string pointerOf(const Design &design, const Id &id);

/// "VPC “workload” (vpc-work)": how findings name an element to a person.
std::string describe(const Design &design, const Id &id);

} // namespace heiiki::model
