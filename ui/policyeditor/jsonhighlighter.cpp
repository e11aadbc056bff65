#include "jsonhighlighter.h"

namespace heiiki::ui {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_key.setForeground(QColor(0x1f, 0x4e, 0x8c));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(QColor(0x2e, 0x7d, 0x32));
    m_number.setForeground(QColor(0xa3, 0x4a, 0x00));
    m_literal.setForeground(QColor(0x7b, 0x1f, 0xa2));
    m_literal.setFontWeight(QFont::DemiBold);
    m_punctuation.setForeground(QColor(0x60, 0x60, 0x60));
    m_variable.setForeground(QColor(0x00, 0x6d, 0x77));
    m_variable.setFontItalic(true);
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            int end = i + 1;
            while (end < n && text.at(end) != QLatin1Char('"'))
                end += text.at(end) == QLatin1Char('\\') ? 2 : 1;
            end = std::min(end + 1, n);
            int next = end;
            while (next < n && text.at(next).isSpace())
                ++next;
            const bool key = next < n && text.at(next) == QLatin1Char(':');
            setFormat(i, end - i, key ? m_key : m_string);
            if (!key) {
                // Policy variables such as ${aws:username} inside a string.
                for (int v = text.indexOf(QLatin1String("${"), i); v >= 0 && v < end;
                     v = text.indexOf(QLatin1String("${"), v + 2)) {
                    const int close = text.indexOf(QLatin1Char('}'), v);
                    if (close < 0 || close >= end)
                        break;
                    setFormat(v, close - v + 1, m_variable);
                }
            }
            i = end;
        } else if (c.isDigit()
                   || (c == QLatin1Char('-') && i + 1 < n && text.at(i + 1).isDigit())) {
            int end = i + 1;
            while (end < n
                   && (text.at(end).isDigit() || QStringLiteral(".eE+-").contains(text.at(end))))
                ++end;
            setFormat(i, end - i, m_number);
            i = end;
        } else if (c.isLetter()) {
            int end = i + 1;
            while (end < n && text.at(end).isLetter())
                ++end;
            const QStringView word = QStringView(text).mid(i, end - i);
            if (word == u"true" || word == u"false" || word == u"null")
                setFormat(i, end - i, m_literal);
            i = end;
        } else {
            if (QStringLiteral("{}[]:,").contains(c))
                setFormat(i, 1, m_punctuation);
            ++i;
        }
    }
}

} // namespace heiiki::ui
