#include "linkitem.h"

#include "linkrouter.h"
#include "overview.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace heiiki::ui {

namespace {

constexpr qreal kPenWidth = 1.5;
/// The level of detail (device pixels per scene unit) below which a view leaves a caption's
/// text out: it would be under 4 pixels tall.
constexpr qreal kCaptionDetail = 0.4;
/// Below this level of detail a view draws the line alone, one pixel wide, without
/// antialiasing, dashes, end dots or caption.
constexpr qreal kLineDetail = 0.3;
static_assert(kLineDetail >= kOverviewDetail, "the far-out view draws links plain");
const QColor kSelection(0x1a, 0x73, 0xe8);
const QColor kHighlight(0xff, 0x9f, 0x0a, 200);

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
    m_label = CachedText(label, captionFont());
    m_captionSize = label.isEmpty()
                        ? QSizeF()
                        : QSizeF(m_label.width() + 8, QFontMetricsF(captionFont()).height() + 2);
    updateGeometry();
}

void LinkItem::setEnds(const QRectF &from, const QRectF &to, const std::vector<QRectF> &obstacles)
{
    prepareGeometryChange();
    m_route = routeLink(from, to, obstacles);
    m_path = QPainterPath();
    if (!m_route.isEmpty()) {
        m_path.moveTo(m_route.first());
        for (qsizetype i = 1; i < m_route.size(); ++i)
            m_path.lineTo(m_route[i]);
    }
    m_pathLength = m_path.length();
    updateGeometry();
}

void LinkItem::updateGeometry()
{
    m_caption = captionRect(m_captionAt);
    const qreal margin = kPenWidth + 4;
    m_boundingRect
        = m_route.boundingRect().adjusted(-margin, -margin, margin, margin).united(m_caption);
    m_shape = QPainterPath();
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
    t = std::clamp(t, 0.0, 1.0);
    if (t == m_captionAt)
        return;
    prepareGeometryChange();
    m_captionAt = t;
    updateGeometry();
}

QRectF LinkItem::captionRect(qreal t) const
{
    if (m_captionSize.isEmpty() || m_pathLength < m_captionSize.width() + 16)
        return {};
    QRectF rect(QPointF(0, 0), m_captionSize);
    rect.moveCenter(m_path.pointAtPercent(t));
    return rect;
}

QColor LinkItem::plainColour() const
{
    return isSelected() ? kSelection : m_look.colour;
}

QPen LinkItem::plainPen(const QColor &colour, qreal detail)
{
    // One pixel, as faint as the thinner line it stands for.
    return QPen(diagramstyle::faded(colour, std::max(kPenWidth * detail, 0.2)), 0);
}

QPen LinkItem::plainGlow()
{
    QPen glow(kHighlight, 4);
    glow.setCosmetic(true);
    return glow;
}

QRectF LinkItem::boundingRect() const
{
    return m_boundingRect;
}

QPainterPath LinkItem::shape() const
{
    if (m_shape.isEmpty() && !m_path.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(6);
        m_shape = stroker.createStroke(m_path);
        m_shape.addRect(m_caption);
    }
    return m_shape;
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    if (m_route.isEmpty())
        return;
    const qreal detail
        = widget ? QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
                 : 1.0;
    if (detail < kLineDetail) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setBrush(Qt::NoBrush);
        if (m_highlighted) {
            painter->setPen(plainGlow());
            painter->drawPolyline(m_route);
        }
        painter->setPen(plainPen(plainColour(), detail));
        painter->drawPolyline(m_route);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_highlighted) {
        painter->setPen(QPen(kHighlight, 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->drawPath(m_path);
    }
    QPen pen(isSelected() ? kSelection : m_look.colour,
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

    if (m_caption.isEmpty())
        return;
    painter->setBrush(QColor(255, 255, 255, 230));
    painter->setPen(QPen(m_look.colour.lighter(150), 0.8));
    painter->drawRoundedRect(m_caption, 3, 3);
    if (detail < kCaptionDetail)
        return;
    painter->setPen(m_look.colour.darker(130));
    m_label.draw(painter, m_caption, Qt::AlignCenter);
}

} // namespace heiiki::ui
