#pragma once

#include "model/validation/finding.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace heiiki::ui {

/// The states the findings, scenarios and trace docks show, each with one icon and colour.
enum class Status {
    Error,
    Warning,
    Info,
    Blocked,   ///< an attack the design stops
    Succeeds,  ///< an attack the design lets through
    Delivered, ///< a traced packet arrives
    Stopped,   ///< a traced packet is dropped
};

namespace statusicons {

/// The icon of \a status, drawn once per status and cached until the application ends.
QIcon icon(Status status);
/// The colour the icon of \a status is filled with. Except for Warning's amber, also a
/// colour for text on a light base.
QColor colour(Status status);

Status of(model::Severity severity);
/// The translated name of a severity: "Error", "Warning", "Info".
QString severityLabel(model::Severity severity);

} // namespace statusicons

} // namespace heiiki::ui
