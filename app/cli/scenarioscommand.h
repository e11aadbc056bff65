#pragma once

#include <QStringList>

namespace heiiki::app {

/// `heiiki scenarios FILE [--format text|json]`: plays the attack scenarios; exit 0 when all
/// are blocked, 1 when one succeeds, 2 on bad input.
int runScenarios(const QStringList &args);

} // namespace heiiki::app
