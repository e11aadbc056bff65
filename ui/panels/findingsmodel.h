#pragma once

// Qt before the model: moc's preprocessor must see the standard library's configuration
// before model/core/id.h includes <compare>.
#include <QAbstractTableModel>
#include <QString>

#include "model/validation/finding.h"

#include <array>
#include <vector>

namespace heiiki::ui {

class DesignDocument;

/// The findings of a document's latest validation as a table: severity, rule id, message and
/// the names of the elements concerned. Rows come errors first, then by rule id. The model
/// keeps its own copy of the findings and reloads it when the document is validated (a reset
/// of the model); a view keeps its place with rowOf().
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, RuleColumn, MessageColumn, ElementsColumn, ColumnCount };
    enum Role {
        /// What the columns sort by: the severity's rank (errors highest) in SeverityColumn,
        /// the text elsewhere.
        SortRole = Qt::UserRole + 1,
        SeverityRole,   ///< int(model::Severity), in every column
        SearchTextRole, ///< rule id, message, fix and element names and ids, for filtering
    };

    /// \a document must outlive the model.
    explicit FindingsModel(DesignDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The finding of \a row, or nullptr.
    const model::Finding *finding(int row) const;
    /// The row holding \a finding: the same finding, else one of the same rule about the same
    /// elements and path (its wording may have changed); -1 when none.
    int rowOf(const model::Finding &finding) const;
    /// How many findings of \a severity there are.
    int count(model::Severity severity) const;

    /// Reloads the findings from the document.
    void refresh();
    /// Shows no findings until the next refresh().
    void clear();

signals:
    /// The counts by severity may have changed.
    void countsChanged();

private:
    struct Row
    {
        model::Finding finding;
        QString elements; ///< the element names, comma-separated
        QString search;
    };

    DesignDocument *m_document;
    std::vector<Row> m_rows;
    std::array<int, 3> m_counts{};
};

} // namespace heiiki::ui
