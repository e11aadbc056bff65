#pragma once

#include "model/io/loaderror.h"
#include "model/validation/finding.h"
#include "model/validation/ruleregistry.h"
#include "model/validation/validator.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace heiiki::app {

/// What `heiiki validate` found for one file.
struct FileReport
{
    QString path;                    ///< as the user named it
    std::vector<model::Finding> findings;
    model::io::LoadErrors loadErrors; ///< non-empty: the file could not be read or parsed
    std::vector<int> findingLines;   ///< line of each finding's path in the file, 0 if unknown

    bool loaded() const { return loadErrors.empty(); }
};

/// The lowest severity that makes `validate` fail; nullopt: never fail on findings.
using FailThreshold = std::optional<model::Severity>;

bool reaches(const model::Finding &finding, FailThreshold threshold);

QString writeText(const std::vector<FileReport> &reports, FailThreshold threshold);
QString writeJson(const std::vector<FileReport> &reports);
QString writeSarif(const std::vector<FileReport> &reports, const model::RuleRegistry &registry);
QString writeJUnit(const std::vector<FileReport> &reports, const model::RuleRegistry &registry,
                   FailThreshold threshold);

} // namespace heiiki::app
