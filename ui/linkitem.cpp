#include "linkitem.h"

#include "linkrouter.h"

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

} // namespace

LinkItem::LinkItem(const model::Id &id,
                   const model::Id &from,
                   const model::Id &to,
                   QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_id(id)
    , m_from(from)
    , m_to(to)
{
    setFlag(ItemIsSelectable);
}

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

void LinkItem::setEnds(const QRectF &from, const QRectF &to, const std::vector<QRectF> &obstacles)
{
    prepareGeometryChange();
    m_route = routeLink(from, to, obstacles);
    m_path = QPainterPath();
    if (m_route.isEmpty())
        return;
    m_path.moveTo(m_route.first());
    for (qsizetype i = 1; i < m_route.size(); ++i)
        m_path.lineTo(m_route[i]);
}

void LinkItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
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
    if (m_path.length() < size.width() + 16)
        return {};
    QRectF rect(QPointF(0, 0), size);
    rect.moveCenter(m_path.pointAtPercent(t));
    return rect;
}

QRectF LinkItem::boundingRect() const
{
    const qreal margin = kPenWidth + 4;
    return m_route.boundingRect()
        .adjusted(-margin, -margin, margin, margin)
        .united(captionRect(m_captionAt));
}

QPainterPath LinkItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(6);
    QPainterPath shape = stroker.createStroke(m_path);
    shape.addRect(captionRect(m_captionAt));
    return shape;
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_route.isEmpty())
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_highlighted) {
        painter->setPen(QPen(QColor(0xff, 0x9f, 0x0a, 200), 6, Qt::SolidLine, Qt::RoundCap,
                             Qt::RoundJoin));
        painter->drawPath(m_path);
    }
    QPen pen(isSelected() ? QColor(0x1a, 0x73, 0xe8) : m_look.colour,
             isSelected() ? kPenWidth + 1 : kPenWidth);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    if (m_look.dashed)
        pen.setDashPattern({4, 3});
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    // Small dots where the link meets its ends.
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_look.colour);
    painter->drawEllipse(m_route.first(), 2.5, 2.5);
    painter->drawEllipse(m_route.last(), 2.5, 2.5);

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
