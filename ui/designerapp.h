#pragma once

#include <QString>

class QApplication;

namespace heiiki::ui {

/// The built-in reference design (the talk's final design, Tokyo region), a Qt resource
/// that the application embeds.
inline constexpr char kReferenceDesignResource[] = ":/samples/reference-tokyo.heiiki.json";

/// Shows the designer's main window with the design in \a file (the built-in reference design
/// when \a file is empty) and runs \a app's event loop; returns its exit code. A design that
/// cannot be read is reported in a message box and the window opens empty.
int runDesigner(QApplication &app, const QString &file);

} // namespace heiiki::ui
