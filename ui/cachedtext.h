#pragma once

#include <QFont>
#include <QGlyphRun>
#include <QList>
#include <QString>

class QPainter;
class QRectF;

namespace heiiki::ui {

/// One line of text shaped once and drawn many times. Drawn in a rectangle with a horizontal
/// and a vertical alignment, it lands where QPainter::drawText(rect, alignment, text) puts it,
/// but the canvas does not shape and lay the text out again in every frame: the glyphs and
/// their positions are kept and handed to the painter as they are. On vector devices (SVG,
/// PDF) the text is drawn as text, with drawText(), so that it stays text in the file.
class CachedText
{
public:
    CachedText() = default;
    CachedText(const QString &text, const QFont &font);

    QString text() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }
    /// The advance of the text, as QFontMetricsF::horizontalAdvance() gives it.
    qreal width() const { return m_width; }

    /// Draws the text in \a rect with \a alignment (left or centred; top or centred) in the
    /// painter's pen. Other alignments are taken as left and top.
    void draw(QPainter *painter, const QRectF &rect, Qt::Alignment alignment) const;

private:
    QString m_text;
    QFont m_font;
    QList<QGlyphRun> m_runs; ///< positions relative to the top-left corner of the line
    qreal m_width = 0;
    qreal m_height = 0;
};

} // namespace heiiki::ui
