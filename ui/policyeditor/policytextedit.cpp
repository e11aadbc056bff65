#include "policytextedit.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace heiiki::ui {

namespace {

/// The margin with line numbers and problem markers.
class Gutter : public QWidget
{
public:
    explicit Gutter(PolicyTextEdit *edit)
        : QWidget(edit)
        , m_edit(edit)
    {}
    QSize sizeHint() const override { return {m_edit->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_edit->paintGutter(event); }

private:
    PolicyTextEdit *m_edit;
};

} // namespace

PolicyTextEdit::PolicyTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(std::max(font.pointSizeF(), 9.5));
    setFont(font);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] {
        setViewportMargins(gutterWidth(), 0, 0, 0);
    });
    connect(this, &QPlainTextEdit::updateRequest, this, &PolicyTextEdit::updateGutter);
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

int PolicyTextEdit::gutterWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 14 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(digits, 2) + 6;
}

void PolicyTextEdit::setLineMessages(const QMap<int, QStringList> &messages,
                                     const QList<int> &errors)
{
    m_messages = messages;
    m_errors = errors;
    m_gutter->update();
}

void PolicyTextEdit::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void PolicyTextEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void PolicyTextEdit::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::Window).lighter(103));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(
        m_gutter->width() - 1, event->rect().top(), m_gutter->width() - 1, event->rect().bottom());
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int lineHeight = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int line = block.blockNumber() + 1;
        if (block.isVisible() && top + lineHeight >= event->rect().top()) {
            if (m_messages.contains(line)) {
                const QColor colour
                    = m_errors.contains(line) ? QColor(0xc6, 0x28, 0x28) : QColor(0xe0, 0x8a, 0x00);
                painter.setPen(Qt::NoPen);
                painter.setBrush(colour);
                painter.setRenderHint(QPainter::Antialiasing);
                const int d = std::min(8, lineHeight - 4);
                painter.drawEllipse(QRect(4, top + (lineHeight - d) / 2, d, d));
            }
            painter.setPen(pal.color(QPalette::Disabled, QPalette::Text));
            painter.setFont(font());
            painter.drawText(
                0, top, m_gutter->width() - 6, lineHeight, Qt::AlignRight, QString::number(line));
        }
        block = block.next();
        top += qRound(blockBoundingRect(block.previous()).height());
    }
}

bool PolicyTextEdit::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int line = cursorForPosition(help->pos()).blockNumber() + 1;
        const QStringList messages = m_messages.value(line);
        if (messages.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), messages.join(QLatin1Char('\n')), this);
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void PolicyTextEdit::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    if (event->reason() != Qt::PopupFocusReason)
        emit focusLost(event->reason());
}

} // namespace heiiki::ui
