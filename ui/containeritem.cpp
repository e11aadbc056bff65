#include "containeritem.h"

#include "overview.h"

#include "model/layout/autolayout.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace heiiki::ui {

namespace {
constexpr qreal kPenWidth = 1.5;
constexpr qreal kRadius = 6;
constexpr qreal kBadgeInset = 6;
constexpr qreal kBadgeSize = 18;
constexpr qreal kSubtitleGap = 10;
// Levels of detail (device pixels per scene unit) below which a view simplifies a container:
// the title is then under 5 pixels tall, the badge's letters under 5; under 2-pixel dashes
// and 2-pixel corners, the outline is a plain rectangle.
constexpr qreal kTitleDetail = 0.4;
constexpr qreal kBadgeDetail = 0.6;
constexpr qreal kOutlineDetail = 0.3;
constexpr qreal kBarDetail = 0.15; ///< under it the bars would be under a pixel: none
static_assert(kBarDetail >= kOverviewDetail && kOutlineDetail >= kOverviewDetail,
              "the far-out view draws containers in their plainest form");
const QColor kSubtitleInk(0x54, 0x5b, 0x64);
const QColor kGreeking(0xc8, 0xce, 0xd6); ///< the bars that stand for text too small to read

QFont titleFont()
{
    QFont font;
    font.setPixelSize(12);
    font.setBold(true);
    return font;
}

QFont subtitleFont()
{
    QFont font;
    font.setPixelSize(11);
    return font;
}
} // namespace

ContainerItem::ContainerItem(const model::Id &id, QGraphicsItem *parent)
    : ElementItem(id, parent)
{}

void ContainerItem::setSize(const QSizeF &size)
{
    if (size == m_size)
        return;
    prepareGeometryChange();
    m_size = size;
    layOutTitle();
}

void ContainerItem::setTitle(const QString &title, const QString &subtitle)
{
    if (title == m_title && subtitle == m_subtitle)
        return;
    m_title = title;
    m_subtitle = subtitle;
    layOutTitle();
    update();
}

void ContainerItem::setLook(const ContainerLook &look)
{
    if (look.badge != m_look.badge || m_badgeText.isEmpty()) {
        QFont badgeFont;
        badgeFont.setPixelSize(look.badge.size() > 2 ? 7 : 9);
        badgeFont.setBold(true);
        m_badgeText = CachedText(look.badge, badgeFont);
    }
    m_look = look;
    update();
}

void ContainerItem::layOutTitle()
{
    // The title, then the subtitle; the subtitle gives way first when room is short.
    using M = model::LayoutMetrics;
    const QFont title = titleFont();
    const qreal room = m_size.width() - M::titleIndent - kBadgeInset;
    m_titleText = CachedText(QFontMetricsF(title).elidedText(m_title, Qt::ElideRight, room), title);
    const qreal subtitleRoom = room - m_titleText.width() - kSubtitleGap;
    if (!m_subtitle.isEmpty() && subtitleRoom > 24) {
        const QFont subtitle = subtitleFont();
        m_subtitleText = CachedText(
            QFontMetricsF(subtitle).elidedText(m_subtitle, Qt::ElideRight, subtitleRoom),
            subtitle);
    } else {
        m_subtitleText = CachedText();
    }
}

QRectF ContainerItem::frameRect() const
{
    return QRectF(QPointF(0, 0), m_size);
}

QRectF ContainerItem::titleRect() const
{
    return QRectF(0, 0, m_size.width(), std::min(m_size.height(), kBadgeInset * 2 + kBadgeSize));
}

QRectF ContainerItem::badgeRect() const
{
    return QRectF(kBadgeInset, kBadgeInset, kBadgeSize, kBadgeSize);
}

QPen ContainerItem::plainOutline(const QColor &outline, qreal detail)
{
    return QPen(diagramstyle::faded(outline, std::max(kPenWidth * detail, 0.2)), 0);
}

QRectF ContainerItem::boundingRect() const
{
    const qreal margin = kPenWidth / 2;
    return frameRect().adjusted(-margin, -margin, margin, margin).united(overlayRect());
}

void ContainerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    using M = model::LayoutMetrics;
    const qreal detail
        = widget ? QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
                 : 1.0;
    const bool plain = detail < kOutlineDetail;
    painter->setRenderHint(QPainter::Antialiasing, !plain);

    // Plain: a one-pixel (cosmetic) line, as faint as the thinner line it stands for.
    QPen pen(m_look.outline, kPenWidth);
    if (plain)
        pen = plainOutline(m_look.outline, detail);
    if (m_look.dashed && !plain)
        pen.setDashPattern({5, 3});
    painter->setPen(pen);
    painter->setBrush(m_look.fill.alpha() > 0 ? QBrush(m_look.fill) : Qt::NoBrush);
    const QRectF badge = badgeRect();
    if (plain) {
        painter->drawRect(frameRect());
        painter->fillRect(badge, m_look.title);
    } else {
        painter->drawRoundedRect(frameRect(), kRadius, kRadius);
        // The badge in the top-left corner.
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_look.title);
        painter->drawRoundedRect(badge, 3, 3);
    }
    if (detail >= kBadgeDetail) {
        painter->setPen(Qt::white);
        m_badgeText.draw(painter, badge, Qt::AlignCenter);
    }

    const qreal left = M::titleIndent;
    const QRectF band(left, kBadgeInset, m_size.width() - left - kBadgeInset, kBadgeSize);
    const QRectF rest(left + m_titleText.width() + kSubtitleGap, band.top(),
                      m_subtitleText.width(), band.height());
    if (detail < kBarDetail) {
        // Nothing to see.
    } else if (detail < kTitleDetail) {
        // Too small to read: bars as wide as the title and the subtitle.
        const qreal barHeight = kBadgeSize * 0.4;
        const qreal barTop = band.center().y() - barHeight / 2;
        painter->fillRect(QRectF(left, barTop, m_titleText.width(), barHeight), kGreeking);
        if (!m_subtitleText.isEmpty())
            painter->fillRect(QRectF(rest.left(), barTop, rest.width(), barHeight), kGreeking);
    } else {
        painter->setPen(m_look.title);
        m_titleText.draw(painter, band, Qt::AlignLeft | Qt::AlignVCenter);
        if (!m_subtitleText.isEmpty()) {
            painter->setPen(kSubtitleInk);
            m_subtitleText.draw(painter, rest, Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    paintOverlay(painter);
}

void ContainerItem::paintOverlay(QPainter *painter) const
{
    ElementItem::paintOverlay(painter);
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
