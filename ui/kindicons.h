#pragma once

#include "model/core/kinds.h"

#include <QIcon>
#include <QPixmap>
#include <QString>

class QSvgRenderer;

namespace heiiki::ui {

/// The icons of the element kinds: Heiiki's own 64×64 SVGs in resources/icons, one per kind,
/// named after the kind's file name ("vpc.svg"), in the Qt resource prefix "/icons".

/// The resource path of the icon of \a kind: ":/icons/vpc.svg".
QString kindIconPath(model::ElementKind kind);

/// The icon of \a kind for lists, menus and the palette. Built once per kind and cached.
QIcon kindIcon(model::ElementKind kind);

/// A renderer of the icon of \a kind for painting it at any size on the canvas. The renderer
/// is created on first use and shared; it belongs to this module (never delete it) and lives
/// until the program ends. Never null. Use from the GUI thread only.
QSvgRenderer *kindRenderer(model::ElementKind kind);
/// The icon of \a kind rasterised at \a pixels × \a pixels, cached: what the canvas paints on
/// screen, where rendering the SVG for every node in every frame would cost too much.
QPixmap kindPixmap(model::ElementKind kind, int pixels);

} // namespace heiiki::ui
