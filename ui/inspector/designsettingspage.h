#pragma once

#include <QWidget>

#include "model/core/json.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace heiiki::ui {

class DesignDocument;
struct DesignMeta;
class ListPropertyEditor;
class TablePropertyEditor;
class TextPropertyEditor;

/// The inspector's page when no single element or link is selected: the design's name,
/// description, organisation, allowed regions, organisation accounts and the table of
/// accounts. Each completed edit is one EditDesignCommand; bad region codes, account ids and
/// account removals that would leave an account element dangling are refused with a reason.
class DesignSettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit DesignSettingsPage(DesignDocument *document, QWidget *parent = nullptr);

    /// Shows the settings as the design now has them.
    void refresh();

    QLineEdit *nameField() const;
    ListPropertyEditor *allowedRegions() const { return m_regions; }
    ListPropertyEditor *organizationAccounts() const { return m_orgAccounts; }
    TablePropertyEditor *accounts() const { return m_accounts; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void push(const DesignMeta &meta, const QString &text);
    QString accountsRefusal(const heiiki::Json &value) const;
    void descriptionEdited();

    DesignDocument *m_document;
    QLabel *m_summary = nullptr;
    TextPropertyEditor *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    TextPropertyEditor *m_organizationId = nullptr;
    ListPropertyEditor *m_regions = nullptr;
    ListPropertyEditor *m_orgAccounts = nullptr;
    TablePropertyEditor *m_accounts = nullptr;
};

} // namespace heiiki::ui
