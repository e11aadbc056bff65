#pragma once

#include <QtGlobal>

class QPainter;
class QRectF;
class QWidget;

namespace heiiki::ui {

class DesignScene;

/// The level of detail (device pixels per scene unit) below which every canvas item draws its
/// plainest form: a node its glyph as a square of its colour, a container its outline one
/// pixel wide with its fill and corner badge, a link its route one pixel wide; no text. The
/// items assert that their own thresholds are not below it.
inline constexpr qreal kOverviewDetail = 0.15;

/// Paints \a scene far out (level of detail \a detail, under kOverviewDetail) the way its
/// items would paint themselves there, without walking the scene's item tree item by item:
/// the plain shapes are gathered by colour and drawn in a few calls — containers level by
/// level, parents before children, then nodes, the overlays of the items that have one
/// (selection, highlight, finding badge, link handle), links, and the gesture under way.
/// \a painter carries the view's transform; only what meets \a exposed (scene coordinates)
/// is drawn; \a widget is the viewport painted on.
void paintOverview(QPainter *painter, const DesignScene &scene, qreal detail,
                   const QRectF &exposed, QWidget *widget);

} // namespace heiiki::ui
