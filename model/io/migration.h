#pragma once

#include "loaderror.h"

#include "model/core/json.h"

#include <functional>
#include <span>
#include <string>

namespace heiiki::model::io {

/// The schema version this build writes and the newest it reads.
inline constexpr int kCurrentSchemaVersion = 1;

/// One step of the migration table: turns a document of version `from` into one of `to`.
struct MigrationStep
{
    int from;
    int to;
    std::string description;
    std::function<void(heiiki::Json &)> apply;
};

/// The ordered table of migration steps, oldest first.
std::span<const MigrationStep> migrationSteps();

/// Brings \a document up to kCurrentSchemaVersion step by step, in place, and sets its
/// schemaVersion. Returns errors (and leaves the document as it was) when the version is
/// missing, not a whole number, newer than this build knows, or has no path forward.
LoadErrors migrate(heiiki::Json &document);

} // namespace heiiki::model::io
