#pragma once

#include "cachedtext.h"
#include "diagramstyle.h"

#include "model/core/id.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

#include <vector>

namespace heiiki::ui {

/// A link on the canvas: an orthogonal route between the outlines of its two ends, with the
/// link kind as a small caption. The item lives at the top level of the scene and is told where
/// its ends are.
class LinkItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };

    LinkItem(const model::Id &id,
             const model::Id &from,
             const model::Id &to,
             QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }

    const model::Id &linkId() const { return m_id; }
    const model::Id &fromId() const { return m_from; }
    const model::Id &toId() const { return m_to; }

    void setLook(const LinkLook &look);
    const LinkLook &look() const { return m_look; }
    /// The caption at the middle of the line; empty: none.
    void setLabel(const QString &label);
    /// Routes the link from the edge of \a from to the edge of \a to (scene coordinates) in
    /// horizontal and vertical segments, around \a obstacles where it can (see routeLink()).
    void setEnds(const QRectF &from, const QRectF &to, const std::vector<QRectF> &obstacles = {});
    /// The route's corner points, first end to last.
    QPolygonF route() const { return m_route; }
    /// Draws the link as part of a traced path or scenario.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    /// The colour of the line drawn plain: the selection's when selected.
    QColor plainColour() const;
    /// The one-pixel pen of a line of \a colour drawn plain at level of detail \a detail, and
    /// the glow under a highlighted one.
    static QPen plainPen(const QColor &colour, qreal detail);
    static QPen plainGlow();
    /// Puts the caption at \a t along the line (0: the start, 1: the end; 0.5 by default).
    void setCaptionPosition(qreal t);
    /// Where the caption would stand at \a t along the line; empty when the line is too short
    /// to carry it.
    QRectF captionRect(qreal t) const;
    /// Where the caption stands now; empty when there is none.
    QRectF placedCaptionRect() const { return m_caption; }
    /// The caption's box (empty when the link has no label).
    QSizeF captionSize() const { return m_captionSize; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    /// In a view (\a widget set), a caption too small to read is drawn as its box alone, and
    /// further out the line alone, a pixel wide; renders for exports and images draw
    /// everything.
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget) override;

private:
    /// Works out the bounding rectangle and the caption's place again, after a change.
    void updateGeometry();

    model::Id m_id;
    model::Id m_from;
    model::Id m_to;
    LinkLook m_look;
    CachedText m_label;
    QSizeF m_captionSize; ///< the caption's box; empty when there is no label
    QPolygonF m_route;
    QPainterPath m_path;
    qreal m_pathLength = 0;
    qreal m_captionAt = 0.5;
    QRectF m_caption;        ///< captionRect(m_captionAt)
    QRectF m_boundingRect;
    mutable QPainterPath m_shape; ///< made on first use after a change
    bool m_highlighted = false;
};

} // namespace heiiki::ui
