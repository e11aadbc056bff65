#include "cachedtext.h"

#include <QPaintEngine>
#include <QPainter>
#include <QTextLayout>

namespace heiiki::ui {

CachedText::CachedText(const QString &text, const QFont &font)
    : m_text(text)
    , m_font(font)
{
    if (text.isEmpty())
        return;
    // As QPainter::drawText() lays out one unwrapped line.
    QTextLayout layout(text, font);
    QTextOption option;
    option.setFlags(QTextOption::IncludeTrailingSpaces);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(0x01000000);
    line.setPosition(QPointF(0, 0));
    layout.endLayout();
    m_width = line.horizontalAdvance();
    m_height = line.height();
    m_runs = layout.glyphRuns();
}

void CachedText::draw(QPainter *painter, const QRectF &rect, Qt::Alignment alignment) const
{
    if (m_runs.isEmpty())
        return;
    const QPaintEngine *engine = painter->paintEngine();
    if (!engine
        || (engine->type() != QPaintEngine::Raster && engine->type() != QPaintEngine::OpenGL2)) {
        painter->setFont(m_font);
        painter->drawText(rect, int(alignment), m_text);
        return;
    }
    qreal x = rect.left();
    if (alignment & Qt::AlignHCenter)
        x += (rect.width() - m_width) / 2;
    qreal y = rect.top();
    if (alignment & Qt::AlignVCenter)
        y += (rect.height() - m_height) / 2;
    for (const QGlyphRun &run : m_runs)
        painter->drawGlyphRun(QPointF(x, y), run);
}

} // namespace heiiki::ui
