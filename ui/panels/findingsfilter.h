#pragma once

// Qt before the model: moc's preprocessor must see the standard library's configuration
// before model/core/id.h includes <compare>.
#include <QSortFilterProxyModel>
#include <QString>

#include "model/validation/finding.h"

#include <array>

namespace heiiki::ui {

/// Filters and sorts a FindingsModel: by severity (each can be shown or hidden) and by text
/// (it must occur, ignoring case, in the rule id, the message, the fix, or an element's name
/// or id).
class FindingsFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit FindingsFilter(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setSeverityShown(model::Severity severity, bool shown);
    bool isSeverityShown(model::Severity severity) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::array<bool, 3> m_shown{true, true, true};
};

} // namespace heiiki::ui
