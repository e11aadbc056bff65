#include "findingsfilter.h"

#include "findingsmodel.h"

namespace heiiki::ui {

FindingsFilter::FindingsFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FindingsModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void FindingsFilter::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

void FindingsFilter::setSeverityShown(model::Severity severity, bool shown)
{
    bool &value = m_shown.at(size_t(severity));
    if (value == shown)
        return;
    value = shown;
    invalidateFilter();
}

bool FindingsFilter::isSeverityShown(model::Severity severity) const
{
    return m_shown.at(size_t(severity));
}

bool FindingsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const int severity = index.data(FindingsModel::SeverityRole).toInt();
    if (severity < 0 || severity >= int(m_shown.size()) || !m_shown.at(size_t(severity)))
        return false;
    const QString text = m_text.trimmed();
    return text.isEmpty()
           || index.data(FindingsModel::SearchTextRole)
                  .toString()
                  .contains(text, Qt::CaseInsensitive);
}

} // namespace heiiki::ui
