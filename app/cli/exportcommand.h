#pragma once

#include <QStringList>

namespace heiiki::app {

/// `heiiki export FILE -o OUTPUT [--format …]`: writes review diagrams (SVG, PNG, PDF), a
/// draw.io file, the policy bundle or the review report. Needs a QApplication; runs headless
/// on the offscreen platform. Exit 0 written, 2 bad input or nothing written.
int runExport(const QStringList &args);

} // namespace heiiki::app
