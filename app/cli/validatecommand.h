#pragma once

#include <QStringList>

namespace heiiki::app {

/// `heiiki validate FILE… [--format text|json|sarif|junit] [--fail-on error|warning|never]`.
/// \a args are the words after "validate". Returns the exit code: 0 when no finding reaches
/// the threshold, 1 when one does, 2 when a file cannot be read or a flag is wrong.
int runValidate(const QStringList &args);

} // namespace heiiki::app
