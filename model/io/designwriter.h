#pragma once

#include "../core/design.h"

#include "model/core/json.h"

#include <string>

namespace heiiki::model::io {

/// The JSON document of \a design, in the current schema version. Members come in a stable
/// order, elements and links in document order, so designs diff cleanly.
heiiki::Json writeDesign(const Design &design);

/// The file text: writeDesign() indented by two spaces, ending in a newline.
std::string designToText(const Design &design);

} // namespace heiiki::model::io
