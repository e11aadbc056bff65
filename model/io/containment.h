#pragma once

#include "../core/design.h"
#include "loaderror.h"

#include <string>
#include <vector>

namespace heiiki::model::io {

/// Checks where each element of a design just read stands: at the top level only if its kind
/// may stand there, else in a parent that exists, may hold it and is not inside it (no
/// cycle). \a pointers: each element's JSON pointer in the file, in the design's order.
/// Appends an error to \a errors for each element that breaks one of these.
void checkContainment(const Design &design, const std::vector<std::string> &pointers,
                      LoadErrors &errors);

} // namespace heiiki::model::io
