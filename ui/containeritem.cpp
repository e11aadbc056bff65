#include "containeritem.h"

#include "model/layout/autolayout.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace heiiki::ui {

namespace {
constexpr qreal kPenWidth = 1.5;
constexpr qreal kRadius = 6;
constexpr qreal kBadgeInset = 6;
constexpr qreal kBadgeSize = 18;
} // namespace

ContainerItem::ContainerItem(const model::Id &id, QGraphicsItem *parent)
    : ElementItem(id, parent)
{}

void ContainerItem::setSize(const QSizeF &size)
{
    prepareGeometryChange();
    m_size = size;
}

void ContainerItem::setTitle(const QString &title, const QString &subtitle)
{
    m_title = title;
    m_subtitle = subtitle;
    update();
}

void ContainerItem::setLook(const ContainerLook &look)
{
    m_look = look;
    update();
}

QRectF ContainerItem::frameRect() const
{
    return QRectF(QPointF(0, 0), m_size);
}

QRectF ContainerItem::titleRect() const
{
    return QRectF(0, 0, m_size.width(), std::min(m_size.height(), kBadgeInset * 2 + kBadgeSize));
}

QRectF ContainerItem::boundingRect() const
{
    const qreal margin = kPenWidth / 2;
    return frameRect().adjusted(-margin, -margin, margin, margin).united(overlayRect());
}

void ContainerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    using M = model::LayoutMetrics;
    painter->setRenderHint(QPainter::Antialiasing);

    QPen pen(m_look.outline, kPenWidth);
    if (m_look.dashed)
        pen.setDashPattern({5, 3});
    painter->setPen(pen);
    painter->setBrush(m_look.fill.alpha() > 0 ? QBrush(m_look.fill) : Qt::NoBrush);
    painter->drawRoundedRect(frameRect(), kRadius, kRadius);

    // The badge in the top-left corner.
    const QRectF badge(kBadgeInset, kBadgeInset, kBadgeSize, kBadgeSize);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_look.title);
    painter->drawRoundedRect(badge, 3, 3);
    QFont badgeFont;
    badgeFont.setPixelSize(m_look.badge.size() > 2 ? 7 : 9);
    badgeFont.setBold(true);
    painter->setFont(badgeFont);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, m_look.badge);

    // The title, then the subtitle; the subtitle gives way first when room is short.
    QFont titleFont;
    titleFont.setPixelSize(12);
    titleFont.setBold(true);
    QFont subtitleFont;
    subtitleFont.setPixelSize(11);
    const QFontMetricsF titleMetrics(titleFont);
    const QFontMetricsF subtitleMetrics(subtitleFont);
    const qreal left = M::titleIndent;
    const qreal room = m_size.width() - left - kBadgeInset;
    const QRectF band(left, kBadgeInset, room, kBadgeSize);
    const QString title = titleMetrics.elidedText(m_title, Qt::ElideRight, room);
    painter->setFont(titleFont);
    painter->setPen(m_look.title);
    painter->drawText(band, Qt::AlignLeft | Qt::AlignVCenter, title);

    const qreal titleWidth = titleMetrics.horizontalAdvance(title);
    const qreal subtitleRoom = room - titleWidth - 10;
    if (!m_subtitle.isEmpty() && subtitleRoom > 24) {
        painter->setFont(subtitleFont);
        painter->setPen(QColor(0x54, 0x5b, 0x64));
        const QRectF rest(left + titleWidth + 10, band.top(), subtitleRoom, band.height());
        painter->drawText(rest,
                          Qt::AlignLeft | Qt::AlignVCenter,
                          subtitleMetrics.elidedText(m_subtitle, Qt::ElideRight, subtitleRoom));
    }
    paintOverlay(painter);
    if (isSelected()) {
        painter->setPen(QPen(Qt::white, 1));
        painter->setBrush(QColor(0x1a, 0x73, 0xe8));
        painter->drawRect(resizeGripRect());
    }
}

QRectF ContainerItem::resizeGripRect() const
{
    constexpr qreal grip = 10;
    return QRectF(m_size.width() - grip / 2, m_size.height() - grip / 2, grip, grip);
}

} // namespace heiiki::ui
