#pragma once

#include <QPolygonF>
#include <QRectF>

#include <vector>

namespace heiiki::ui {

/// The orthogonal route of a link between two boxes (scene coordinates), in horizontal and
/// vertical segments from the outline of \a from to the outline of \a to, that keeps clear of
/// \a obstacles (the other nodes' glyphs and labels) where it can.
///
/// The simple route comes first: straight across where the boxes face each other, otherwise
/// out of the side facing the other end and round one corner. When that route crosses an
/// obstacle, routes leaving and entering by every side, with one or two corners placed beside
/// the obstacles in the way, are tried; the route that crosses the fewest obstacles wins, then
/// the one with fewer corners, then the shorter. An end that holds the other (a container
/// around a node) gets a short stub.
QPolygonF routeLink(const QRectF &from, const QRectF &to, const std::vector<QRectF> &obstacles);

/// How many of \a obstacles the polyline \a route passes through.
int crossings(const QPolygonF &route, const std::vector<QRectF> &obstacles);

} // namespace heiiki::ui
