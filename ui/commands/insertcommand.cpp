#include "insertcommand.h"

#include "ui/document/designdocument.h"

namespace heiiki::ui {

InsertCommand::InsertCommand(DesignDocument *document, DesignFragment fragment,
                             const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_fragment(std::move(fragment))
{}

void InsertCommand::redo()
{
    model::Design &design = m_document->design();
    QList<model::Id> added;
    for (const auto &e : m_fragment.elements) {
        design.addElement(e);
        added << e.id;
    }
    for (const auto &l : m_fragment.links) {
        design.addLink(l);
        added << l.id;
    }
    for (const auto &p : m_fragment.policies) {
        design.addPolicy(p);
        added << p.id;
    }
    m_document->setSelection(added);
}

void InsertCommand::undo()
{
    model::Design &design = m_document->design();
    for (auto it = m_fragment.policies.rbegin(); it != m_fragment.policies.rend(); ++it)
        design.removePolicy(it->id);
    for (auto it = m_fragment.links.rbegin(); it != m_fragment.links.rend(); ++it)
        design.removeLink(it->id);
    for (auto it = m_fragment.elements.rbegin(); it != m_fragment.elements.rend(); ++it)
        design.removeElement(it->id);
}

} // namespace heiiki::ui
