#pragma once

// Qt before the model: moc's preprocessor must see the standard library's configuration
// before model/core/id.h includes <compare>.
#include <QList>
#include <QWidget>

#include "model/core/id.h"
#include "model/validation/finding.h"

#include <array>
#include <optional>

class QLineEdit;
class QModelIndex;
class QTableView;
class QTextBrowser;
class QToolButton;
class QUrl;

namespace heiiki::ui {

class DesignDocument;
class FindingsFilter;
class FindingsModel;

/// The findings dock's contents: a filter field, a toggle per severity with its count, the
/// table of findings (see FindingsModel) and, under it, the selected finding's message, fix
/// and JSON path. Double-click or Enter on a finding selects its elements in the document
/// and asks for them to be shown (focusRequested()). The current finding stays selected when
/// the design is validated again, as long as it is still found.
class FindingsPanel : public QWidget
{
    Q_OBJECT

public:
    /// \a document must outlive the panel.
    explicit FindingsPanel(DesignDocument *document, QWidget *parent = nullptr);

    /// Shows only the findings whose rule id, message, fix or element names or ids contain
    /// \a text, ignoring case. Same as typing into the filter field.
    void setFilterText(const QString &text);
    QString filterText() const;
    /// Shows or hides the findings of \a severity. Same as the severity's toggle.
    void setSeverityShown(model::Severity severity, bool shown);
    bool isSeverityShown(model::Severity severity) const;

    /// The finding of the current row, or nothing.
    std::optional<model::Finding> currentFinding() const;

public slots:
    /// Makes the first shown finding that names \a id the current one (clearing the filter
    /// when it hides them all). Returns false when no finding names \a id.
    bool showFindingsFor(const heiiki::model::Id &id);

signals:
    /// The user asked to see these elements (links, policies) on the canvas.
    void focusRequested(const QList<heiiki::model::Id> &ids);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void activate(const QModelIndex &index);
    void updateCounts();
    void updateDetail();
    void rememberCurrent();
    void restoreCurrent();
    void openLink(const QUrl &url);
    int currentSourceRow() const;

    DesignDocument *m_document;
    FindingsModel *m_model;
    FindingsFilter *m_filter;
    QLineEdit *m_search;
    std::array<QToolButton *, 3> m_toggles{};
    QTableView *m_table;
    QTextBrowser *m_detail;
    std::optional<model::Finding> m_remembered;
};

} // namespace heiiki::ui
