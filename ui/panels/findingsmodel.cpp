#include "findingsmodel.h"

#include "designnames.h"
#include "statusicons.h"

#include "ui/document/designdocument.h"

#include <QStringList>

#include <algorithm>

namespace heiiki::ui {

FindingsModel::FindingsModel(DesignDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(document, &DesignDocument::validated, this, &FindingsModel::refresh);
    // Until the new design is validated, the findings still speak of the old one.
    connect(document, &DesignDocument::designReset, this, &FindingsModel::clear);
    refresh();
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const model::Finding &f = row.finding;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return statusicons::severityLabel(f.severity);
        case RuleColumn:
            return QString::fromStdString(f.ruleId);
        case MessageColumn:
            return QString::fromStdString(f.message);
        case ElementsColumn:
            return row.elements;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return statusicons::icon(statusicons::of(f.severity));
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case MessageColumn:
            if (f.fix.empty())
                return QString::fromStdString(f.message);
            return tr("%1\n\nFix: %2")
                .arg(QString::fromStdString(f.message), QString::fromStdString(f.fix));
        case ElementsColumn:
            return row.elements;
        }
        break;
    case SortRole:
        if (index.column() == SeverityColumn)
            return int(f.severity);
        return data(index, Qt::DisplayRole);
    case SeverityRole:
        return int(f.severity);
    case SearchTextRole:
        return row.search;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case MessageColumn:
        return tr("Message");
    case ElementsColumn:
        return tr("Elements");
    }
    return {};
}

const model::Finding *FindingsModel::finding(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return nullptr;
    return &m_rows[size_t(row)].finding;
}

int FindingsModel::rowOf(const model::Finding &finding) const
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].finding == finding)
            return int(i);
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const model::Finding &f = m_rows[i].finding;
        if (f.ruleId == finding.ruleId && f.elements == finding.elements && f.path == finding.path)
            return int(i);
    }
    return -1;
}

int FindingsModel::count(model::Severity severity) const
{
    return m_counts.at(size_t(severity));
}

void FindingsModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    m_counts = {};
    endResetModel();
    emit countsChanged();
}

void FindingsModel::refresh()
{
    const model::Design &design = m_document->design();
    std::vector<Row> rows;
    rows.reserve(m_document->findings().size());
    for (const model::Finding &f : m_document->findings()) {
        QStringList names;
        QStringList search{QString::fromStdString(f.ruleId),
                           QString::fromStdString(f.message),
                           QString::fromStdString(f.fix)};
        for (const model::Id &id : f.elements) {
            names << designnames::name(design, id);
            search << names.back() << QString::fromStdString(id.str());
        }
        rows.push_back({f, names.join(QStringLiteral(", ")), search.join(QLatin1Char('\n'))});
    }
    // Errors first, then by rule id; the validator's order within a rule.
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.finding.severity != b.finding.severity)
            return a.finding.severity > b.finding.severity;
        return a.finding.ruleId < b.finding.ruleId;
    });

    beginResetModel();
    m_rows = std::move(rows);
    m_counts = {};
    for (const Row &row : m_rows)
        ++m_counts.at(size_t(row.finding.severity));
    endResetModel();
    emit countsChanged();
}

} // namespace heiiki::ui
