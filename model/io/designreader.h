#pragma once

#include "../core/design.h"
#include "loaderror.h"
#include "valuecheck.h"

#include "model/core/json.h"

#include <optional>

namespace heiiki::model::io {

/// The outcome of reading a design: either a design and no errors, or errors and no design.
/// A design is never half-read.
struct ReadResult
{
    std::optional<Design> design;
    LoadErrors errors;
};

/// Reads a design from a parsed, migrated JSON document, checking everything the format
/// promises: members and their types, ids, kinds, containment, references, CIDRs, regions.
ReadResult readDesign(const heiiki::Json &document);

} // namespace heiiki::model::io
