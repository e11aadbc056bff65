#include "elementitem.h"

#include <QPainter>

namespace heiiki::ui {

namespace {
constexpr qreal kHandleRadius = 5;
constexpr qreal kBadgeRadius = 7;
const QColor kSelection(0x1a, 0x73, 0xe8);
const QColor kHighlight(0xff, 0x9f, 0x0a);

QColor badgeColour(ElementItem::Badge badge)
{
    switch (badge) {
    case ElementItem::Badge::Error: return QColor(0xd1, 0x32, 0x12);
    case ElementItem::Badge::Warning: return QColor(0xe0, 0x8a, 0x00);
    case ElementItem::Badge::Info: return QColor(0x2e, 0x73, 0xb8);
    }
    return Qt::gray;
}
} // namespace

ElementItem::ElementItem(const model::Id &id, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_id(id)
{
    setFlags(ItemIsSelectable | ItemIsMovable);
    setAcceptHoverEvents(true);
}

void ElementItem::setBadge(std::optional<Badge> badge)
{
    if (badge == m_badge)
        return;
    m_badge = badge;
    update();
}

void ElementItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

QRectF ElementItem::linkHandleRect() const
{
    const QRectF frame = frameRect();
    const QPointF centre(frame.right(), frame.top() + std::min(frame.height() / 2, 15.0));
    return QRectF(centre - QPointF(kHandleRadius, kHandleRadius),
                  QSizeF(2 * kHandleRadius, 2 * kHandleRadius));
}

QRectF ElementItem::overlayRect() const
{
    const qreal m = kBadgeRadius + 3;
    return frameRect().adjusted(-m, -m, m, m);
}

void ElementItem::paintOverlay(QPainter *painter) const
{
    const QRectF frame = frameRect();
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_highlighted) {
        painter->setPen(QPen(kHighlight, 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(frame.adjusted(-3, -3, 3, 3), 7, 7);
    }
    if (isSelected()) {
        QPen pen(kSelection, 1.5, Qt::DashLine);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(frame.adjusted(-2, -2, 2, 2), 6, 6);
    }
    if (m_badge) {
        const QPointF centre(frame.right() - 2, frame.top() + 2);
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(badgeColour(*m_badge));
        painter->drawEllipse(centre, kBadgeRadius, kBadgeRadius);
        QFont font;
        font.setPixelSize(10);
        font.setBold(true);
        painter->setFont(font);
        painter->drawText(QRectF(centre - QPointF(kBadgeRadius, kBadgeRadius),
                                 QSizeF(2 * kBadgeRadius, 2 * kBadgeRadius)),
                          Qt::AlignCenter,
                          *m_badge == Badge::Info ? QStringLiteral("i") : QStringLiteral("!"));
    }
    if (showsLinkHandle()) {
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(kSelection);
        painter->drawEllipse(linkHandleRect());
    }
}

void ElementItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void ElementItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace heiiki::ui
