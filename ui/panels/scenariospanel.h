#pragma once

// Qt before the model: moc's preprocessor must see the standard library's configuration
// before model/core/id.h includes <compare>.
#include <QList>
#include <QWidget>

#include "model/core/id.h"

class QLabel;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;
class QUrl;

namespace heiiki::ui {

class DesignDocument;

/// The scenarios dock's contents: the attacks SCN-001 … SCN-005 played against the design, each
/// with its verdict (blocked, or succeeds) and the control that decided it, a one-line
/// summary above them and the selected attack's story below. Selecting an attack asks for
/// its path to be highlighted (pathHighlightRequested()); double-clicking it (or Enter) asks for
/// its elements to be shown (focusRequested()). The selection survives revalidation.
class ScenariosPanel : public QWidget
{
    Q_OBJECT

public:
    /// \a document must outlive the panel.
    explicit ScenariosPanel(DesignDocument *document, QWidget *parent = nullptr);

    /// The id of the selected scenario ("SCN-002"), or empty.
    QString currentScenario() const;

public slots:
    /// Selects scenario \a id ("SCN-002"); an unknown or empty id clears the selection.
    void selectScenario(const QString &id);

signals:
    /// Highlight these elements on the canvas, in path order; an empty list clears the
    /// highlight.
    void pathHighlightRequested(const QList<heiiki::model::Id> &ids);
    /// The user asked to see these elements on the canvas.
    void focusRequested(const QList<heiiki::model::Id> &ids);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void selectionChanged();
    void activate(QTreeWidgetItem *item);
    void updateDetail();
    void openLink(const QUrl &url);
    QList<model::Id> elementsOf(const QTreeWidgetItem *item) const;

    DesignDocument *m_document;
    QLabel *m_summaryIcon;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QTextBrowser *m_detail;
    QList<model::Id> m_highlighted;
};

} // namespace heiiki::ui
