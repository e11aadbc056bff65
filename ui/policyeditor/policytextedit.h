#pragma once

#include <QMap>
#include <QPlainTextEdit>
#include <QStringList>

namespace heiiki::ui {

/// The text field of the policy editor: a plain-text editor for JSON with line numbers, a
/// marker in the margin of every line with a problem, the problem as the line's tooltip, and
/// a signal when it loses the focus.
class PolicyTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit PolicyTextEdit(QWidget *parent = nullptr);

    /// The problems to show, by 1-based line; \a errors holds the lines with errors (the rest
    /// are warnings).
    void setLineMessages(const QMap<int, QStringList> &messages, const QList<int> &errors);
    QStringList messagesAt(int line) const { return m_messages.value(line); }

    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

signals:
    /// The field lost the focus for \a reason (not to one of its own pop-ups).
    void focusLost(Qt::FocusReason reason);

protected:
    bool viewportEvent(QEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateGutter(const QRect &rect, int dy);

    QWidget *m_gutter = nullptr;
    QMap<int, QStringList> m_messages;
    QList<int> m_errors;
};

} // namespace heiiki::ui
