#pragma once

#include "model/core/catalogue.h"
#include "model/core/id.h"

#include <QWidget>

#include "model/core/json.h"

#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace heiiki::ui {

class DesignDocument;
class PropertyEditor;

/// The inspector's page for one element or link: its id, kind and name, and an editor for
/// every property its kind has in the catalogue. Each completed edit is pushed to the
/// document's undo stack as one EditElementsCommand or EditLinkCommand; values the model
/// would refuse are refused here, with the reason next to the field, and never reach it.
class ObjectPage : public QWidget
{
    Q_OBJECT

public:
    /// Shows the element or link \a id of \a document's design.
    ObjectPage(DesignDocument *document, const model::Id &id, QWidget *parent = nullptr);

    const model::Id &id() const { return m_id; }
    bool isLink() const { return m_isLink; }
    /// The editor of property \a name, or nullptr.
    PropertyEditor *editor(const QString &name) const;
    QLineEdit *nameField() const { return m_name; }

    /// Shows the object as the design now has it, keeping what the user is typing elsewhere.
    void refresh();
    /// Refills the ids, accounts and names the editors offer.
    void updateChoices();
    /// Lists the latest validation findings that name the object.
    void updateFindings();

private:
    void build();
    const std::vector<model::PropertySpec> &specs() const;
    heiiki::Json properties() const;
    QString displayName() const;
    QString refusal(const model::PropertySpec &spec, const heiiki::Json &value) const;
    void propertyEdited(const model::PropertySpec &spec, const heiiki::Json &value);
    void nameEdited();

    DesignDocument *m_document;
    model::Id m_id;
    bool m_isLink = false;
    QLineEdit *m_name = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_ends = nullptr;
    QLabel *m_findings = nullptr;
    std::string m_shownName;
    std::vector<PropertyEditor *> m_editors;
};

} // namespace heiiki::ui
