#include "nodeitem.h"

#include "overview.h"

#include "kindicons.h"
#include "model/layout/autolayout.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPaintEngine>
#include <QStyleOptionGraphicsItem>
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
// Levels of detail (device pixels per scene unit) below which a view simplifies a node: the
// label is then under 4.5 pixels tall, the glyph under 6 pixels wide.
// Under a pixel high, even the bars that stand for the label are left out.
constexpr qreal kLabelDetail = 0.4;
constexpr qreal kGlyphDetail = 0.2;
constexpr qreal kBarDetail = 0.15;
static_assert(kBarDetail >= kOverviewDetail && kGlyphDetail >= kOverviewDetail,
              "the far-out view draws nodes in their plainest form");
const QColor kLabelInk(0x23, 0x2f, 0x3e);
const QColor kGreeking(0xc8, 0xce, 0xd6); ///< the bars that stand for a label too small to read

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
    m_text.clear();
    qreal width = 0;
    for (const QString &line : m_lines) {
        m_text.emplace_back(line, font);
        width = std::max(width, m_text.back().width());
    }
    const qreal top = kGlyphTop + kGlyphSize + kLabelGap;
    m_lineSpacing = metrics.lineSpacing();
    m_labelRect = QRectF((M::nodeWidth - width) / 2, top, width, m_lines.size() * m_lineSpacing);
}

void NodeItem::setLook(const NodeLook &look)
{
    m_look = look;
    QFont glyphFont;
    glyphFont.setPixelSize(look.glyph.size() > 3 ? 9 : 11);
    glyphFont.setBold(true);
    m_glyphText = CachedText(look.glyph, glyphFont);
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

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    const qreal detail
        = widget ? QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
                 : 1.0;
    if (detail < kGlyphDetail) {
        // A few pixels: a square of the category's colour, no antialiasing.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(glyphRect(), m_look.colour);
    } else {
        painter->setRenderHint(QPainter::Antialiasing);
        paintGlyph(painter);
    }

    const qreal lineHeight = m_lineSpacing;
    QRectF line(0, m_labelRect.top(), M::nodeWidth, lineHeight);
    if (detail < kBarDetail) {
        // Nothing to see.
    } else if (detail < kLabelDetail) {
        // Too small to read: a bar as wide as each line.
        for (const CachedText &text : m_text) {
            QRectF bar(0, 0, text.width(), lineHeight * 0.5);
            bar.moveCenter(line.center());
            painter->fillRect(bar, kGreeking);
            line.translate(0, lineHeight);
        }
    } else {
        painter->setPen(kLabelInk);
        for (const CachedText &text : m_text) {
            text.draw(painter, line, Qt::AlignHCenter | Qt::AlignTop);
            line.translate(0, lineHeight);
        }
    }
    paintOverlay(painter);
}

void NodeItem::paintGlyph(QPainter *painter) const
{
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
        return;
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_look.colour);
    painter->drawRoundedRect(glyph, 5, 5);
    painter->setPen(Qt::white);
    m_glyphText.draw(painter, glyph, Qt::AlignCenter);
}

} // namespace heiiki::ui
