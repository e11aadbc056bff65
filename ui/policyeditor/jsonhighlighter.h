#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace heiiki::ui {

/// Colours JSON text: object keys, string values, numbers, true/false/null and punctuation.
/// Works line by line (JSON strings cannot span lines).
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    /// Highlights \a document (not owned; the highlighter is its child).
    explicit JsonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
    QTextCharFormat m_variable;
};

} // namespace heiiki::ui
