#include "nodeitem.h"

#include "kindicons.h"
#include "model/layout/autolayout.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPaintEngine>
#include <QSvgRenderer>
#include <QtMath>
#include <QTextLayout>

#include <algorithm>

namespace heiiki::ui {

namespace {

using M = model::LayoutMetrics;

constexpr qreal kGlyphSize = 30;
constexpr qreal kGlyphTop = 3;
constexpr qreal kLabelGap = 3;
constexpr int kMaxLines = 3;

QFont labelFont()
{
    QFont font;
    font.setPixelSize(11);
    return font;
}

/// \a text broken into at most \a maxLines lines of \a width, the last one elided.
QStringList wrapText(const QString &text, const QFont &font, qreal width, int maxLines)
{
    QStringList lines;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) {
            const QString rest = text.mid(line.textStart());
            lines << QFontMetricsF(font).elidedText(rest, Qt::ElideRight, width);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

} // namespace

NodeItem::NodeItem(const model::Id &id, QGraphicsItem *parent)
    : ElementItem(id, parent)
{}

void NodeItem::setLabel(const QString &label)
{
    prepareGeometryChange();
    m_label = label;
    const QFont font = labelFont();
    const QFontMetricsF metrics(font);
    m_lines = wrapText(label, font, M::nodeWidth - 4, kMaxLines);
    qreal width = 0;
    for (const QString &line : m_lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    const qreal top = kGlyphTop + kGlyphSize + kLabelGap;
    m_labelRect
        = QRectF((M::nodeWidth - width) / 2, top, width, m_lines.size() * metrics.lineSpacing());
}

void NodeItem::setLook(const NodeLook &look)
{
    m_look = look;
    update();
}

QRectF NodeItem::glyphRect() const
{
    return QRectF((M::nodeWidth - kGlyphSize) / 2, kGlyphTop, kGlyphSize, kGlyphSize);
}

QRectF NodeItem::frameRect() const
{
    return m_lines.isEmpty() ? glyphRect() : glyphRect().united(m_labelRect);
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(0, 0, M::nodeWidth, M::nodeHeight).united(m_labelRect).united(overlayRect());
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF glyph = glyphRect();
    QSvgRenderer *icon = m_look.kind ? kindRenderer(*m_look.kind) : nullptr;
    if (icon && icon->isValid()) {
        // On screen a cached raster of the icon at the size it appears; in SVG and PDF
        // exports the vector drawing.
        const QPaintEngine *engine = painter->paintEngine();
        const bool raster = engine && (engine->type() == QPaintEngine::Raster
                                       || engine->type() == QPaintEngine::OpenGL2);
        const qreal scale = painter->deviceTransform().map(QLineF(0, 0, 1, 0)).length();
        const int pixels = qCeil(glyph.width() * scale);
        if (raster && pixels <= 512) {
            painter->setRenderHint(QPainter::SmoothPixmapTransform);
            painter->drawPixmap(glyph, kindPixmap(*m_look.kind, pixels),
                                QRectF(0, 0, pixels, pixels));
        } else {
            icon->render(painter, glyph);
        }
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_look.colour);
        painter->drawRoundedRect(glyph, 5, 5);

        QFont glyphFont;
        glyphFont.setPixelSize(m_look.glyph.size() > 3 ? 9 : 11);
        glyphFont.setBold(true);
        painter->setFont(glyphFont);
        painter->setPen(Qt::white);
        painter->drawText(glyph, Qt::AlignCenter, m_look.glyph);
    }

    const QFont font = labelFont();
    const qreal lineHeight = QFontMetricsF(font).lineSpacing();
    painter->setFont(font);
    painter->setPen(QColor(0x23, 0x2f, 0x3e));
    QRectF line(0, m_labelRect.top(), M::nodeWidth, lineHeight);
    for (const QString &text : m_lines) {
        painter->drawText(line, Qt::AlignHCenter | Qt::AlignTop, text);
        line.translate(0, lineHeight);
    }
    paintOverlay(painter);
}

} // namespace heiiki::ui
