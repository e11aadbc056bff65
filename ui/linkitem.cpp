#include "linkitem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>

#include <algorithm>

namespace heiiki::ui {

namespace {

constexpr qreal kPenWidth = 1.5;

QFont captionFont()
{
    QFont font;
    font.setPixelSize(10);
    return font;
}

/// Where the segment from \a inside (within \a rect) towards \a outside leaves \a rect.
QPointF exitPoint(const QRectF &rect, const QPointF &inside, const QPointF &outside)
{
    const QPointF d = outside - inside;
    qreal t = 1;
    if (d.x() > 0)
        t = std::min(t, (rect.right() - inside.x()) / d.x());
    else if (d.x() < 0)
        t = std::min(t, (rect.left() - inside.x()) / d.x());
    if (d.y() > 0)
        t = std::min(t, (rect.bottom() - inside.y()) / d.y());
    else if (d.y() < 0)
        t = std::min(t, (rect.top() - inside.y()) / d.y());
    return inside + std::clamp(t, 0.0, 1.0) * d;
}

} // namespace

LinkItem::LinkItem(const model::Id &id,
                   const model::Id &from,
                   const model::Id &to,
                   QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_id(id)
    , m_from(from)
    , m_to(to)
{}

void LinkItem::setLook(const LinkLook &look)
{
    m_look = look;
    update();
}

void LinkItem::setLabel(const QString &label)
{
    prepareGeometryChange();
    m_label = label;
}

void LinkItem::setEnds(const QRectF &from, const QRectF &to)
{
    prepareGeometryChange();
    QPointF a = from.center();
    QPointF b = to.center();
    // An end that holds the other (a container around a node) keeps its centre.
    const QPointF start = from.contains(b) ? a : exitPoint(from, a, b);
    const QPointF end = to.contains(a) ? b : exitPoint(to, b, a);
    m_line = QLineF(start, end);
}

void LinkItem::setCaptionPosition(qreal t)
{
    prepareGeometryChange();
    m_captionAt = std::clamp(t, 0.0, 1.0);
}

QRectF LinkItem::captionRect(qreal t) const
{
    if (m_label.isEmpty())
        return {};
    const QFontMetricsF metrics(captionFont());
    const QSizeF size(metrics.horizontalAdvance(m_label) + 8, metrics.height() + 2);
    if (m_line.length() < size.width() + 16)
        return {};
    QRectF rect(QPointF(0, 0), size);
    rect.moveCenter(m_line.pointAt(t));
    return rect;
}

QRectF LinkItem::boundingRect() const
{
    const qreal margin = kPenWidth;
    const QRectF line = QRectF(m_line.p1(), m_line.p2()).normalized();
    return line.adjusted(-margin, -margin, margin, margin).united(captionRect(m_captionAt));
}

QPainterPath LinkItem::shape() const
{
    QPainterPath path(m_line.p1());
    path.lineTo(m_line.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(6);
    QPainterPath shape = stroker.createStroke(path);
    shape.addRect(captionRect(m_captionAt));
    return shape;
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(m_look.colour, kPenWidth);
    pen.setCapStyle(Qt::RoundCap);
    if (m_look.dashed)
        pen.setDashPattern({4, 3});
    painter->setPen(pen);
    painter->drawLine(m_line);
    // Small dots where the link meets its ends.
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_look.colour);
    painter->drawEllipse(m_line.p1(), 2.5, 2.5);
    painter->drawEllipse(m_line.p2(), 2.5, 2.5);

    const QRectF caption = captionRect(m_captionAt);
    if (caption.isEmpty())
        return;
    painter->setBrush(QColor(255, 255, 255, 230));
    painter->setPen(QPen(m_look.colour.lighter(150), 0.8));
    painter->drawRoundedRect(caption, 3, 3);
    painter->setFont(captionFont());
    painter->setPen(m_look.colour.darker(130));
    painter->drawText(caption, Qt::AlignCenter, m_label);
}

} // namespace heiiki::ui
