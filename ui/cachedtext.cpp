#include "cachedtext.h"

#include <QPainter>
#include <QTextLayout>

namespace heiiki::ui {

CachedText::CachedText() = default;
CachedText::CachedText(CachedText &&) noexcept = default;
CachedText &CachedText::operator=(CachedText &&) noexcept = default;
CachedText::~CachedText() = default;

CachedText::CachedText(const QString &text, const QFont &font)
    : m_text(text)
{
    if (text.isEmpty())
        return;
    // As QPainter::drawText() lays out one unwrapped line.
    m_layout = std::make_unique<QTextLayout>(text, font);
    m_layout->setCacheEnabled(true);
    QTextOption option;
    option.setFlags(QTextOption::IncludeTrailingSpaces);
    m_layout->setTextOption(option);
    m_layout->beginLayout();
    QTextLine line = m_layout->createLine();
    line.setLineWidth(0x01000000);
    line.setPosition(QPointF(0, 0));
    m_layout->endLayout();
    m_width = line.horizontalAdvance();
    m_height = line.height();
}

void CachedText::draw(QPainter *painter, const QRectF &rect, Qt::Alignment alignment) const
{
    if (!m_layout)
        return;
    qreal x = rect.left();
    if (alignment & Qt::AlignRight)
        x = rect.right() - m_width;
    else if (alignment & Qt::AlignHCenter)
        x += (rect.width() - m_width) / 2;
    qreal y = rect.top();
    if (alignment & Qt::AlignBottom)
        y = rect.bottom() - m_height;
    else if (alignment & Qt::AlignVCenter)
        y += (rect.height() - m_height) / 2;
    m_layout->lineAt(0).draw(painter, QPointF(x, y));
}

} // namespace heiiki::ui
