#include "migration.h"

namespace heiiki::model::io {

namespace {
const std::vector<MigrationStep> &table()
{
    static const std::vector<MigrationStep> steps{
        {0, 1,
         "Pre-release files (schemaVersion 0) have the same structure as version 1; the step "
         "only records the new version.",
         [](heiiki::Json &) {}},
    };
    return steps;
}
} // namespace

std::span<const MigrationStep> migrationSteps()
{
    return table();
}

LoadErrors migrate(heiiki::Json &document)
{
    const auto it = document.find("schemaVersion");
    if (it == document.end())
        return {{"", "the file has no \"schemaVersion\""}};
    if (!it->is_number_integer())
        return {{"/schemaVersion", "\"schemaVersion\" must be a whole number"}};
    if (it->is_number_unsigned() && it->get<uint64_t>() > 1000000)
        return {{"/schemaVersion", "the file has schemaVersion " + it->dump()
                                       + ", newer than this build of Heiiki reads ("
                                       + std::to_string(kCurrentSchemaVersion)
                                       + "); update Heiiki to open it"}};
    const int64_t wide = it->get<int64_t>();
    if (wide < 0)
        return {{"/schemaVersion", "\"schemaVersion\" must not be negative"}};
    if (wide > 1000000)
        return {{"/schemaVersion", "the file has schemaVersion " + std::to_string(wide)
                                       + ", newer than this build of Heiiki reads ("
                                       + std::to_string(kCurrentSchemaVersion)
                                       + "); update Heiiki to open it"}};
    int version = static_cast<int>(wide);
    if (version > kCurrentSchemaVersion)
        return {{"/schemaVersion", "the file has schemaVersion " + std::to_string(version)
                                       + ", newer than this build of Heiiki reads ("
                                       + std::to_string(kCurrentSchemaVersion)
                                       + "); update Heiiki to open it"}};
    if (version < 0)
        return {{"/schemaVersion", "\"schemaVersion\" must not be negative"}};

    heiiki::Json migrated = document;
    while (version < kCurrentSchemaVersion) {
        const MigrationStep *step = nullptr;
        for (const auto &s : table())
            if (s.from == version)
                step = &s;
        if (!step)
            return {{"/schemaVersion",
                     "no migration from schemaVersion " + std::to_string(version)}};
        step->apply(migrated);
        version = step->to;
        migrated["schemaVersion"] = version;
    }
    document = std::move(migrated);
    return {};
}

} // namespace heiiki::model::io
