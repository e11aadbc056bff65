#pragma once

#include "model/core/catalogue.h"
#include "model/core/id.h"

#include <QWidget>

class QToolButton;
class QTreeWidget;

namespace heiiki::ui {

class DesignDocument;
class PolicyEditor;

/// The policy documents of the design: a list (name, type, what they are attached to) with
/// New and Delete, and the PolicyEditor under it for the policy chosen in the list. New asks
/// for the type and adds an empty document (one InsertCommand); Delete removes the chosen one
/// with its attachments (one RemoveCommand). When the document's selection is a single policy
/// (a policy just added, say), the panel opens it.
class PoliciesPanel : public QWidget
{
    Q_OBJECT

public:
    /// \a document must outlive the panel.
    explicit PoliciesPanel(DesignDocument *document, QWidget *parent = nullptr);

    PolicyEditor *editor() const { return m_editor; }
    QTreeWidget *list() const { return m_list; }
    /// The policy chosen in the list; null when none is.
    model::Id currentPolicy() const;

public slots:
    /// Chooses policy \a id in the list and opens it in the editor.
    void selectPolicy(const model::Id &id);
    /// Adds an empty policy document of \a type, as one undo step, and opens it.
    void newPolicy(model::PolicyType type);
    /// Removes the chosen policy document, as one undo step.
    void deleteCurrent();

private:
    void rebuild();
    void currentChanged();
    void followSelection();

    DesignDocument *m_document;
    QTreeWidget *m_list = nullptr;
    QToolButton *m_new = nullptr;
    QToolButton *m_delete = nullptr;
    PolicyEditor *m_editor = nullptr;
    bool m_rebuilding = false;
};

} // namespace heiiki::ui
