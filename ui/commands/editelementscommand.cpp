#include "editelementscommand.h"

#include "ui/document/designdocument.h"

#include <algorithm>

namespace heiiki::ui {

namespace {

bool sameElement(const model::Element &a, const model::Element &b)
{
    return a.id == b.id && a.kind == b.kind && a.name == b.name && a.parent == b.parent
           && a.properties == b.properties && a.geometry == b.geometry;
}

} // namespace

EditElementsCommand::EditElementsCommand(DesignDocument *document,
                                         std::vector<model::Element> before,
                                         std::vector<model::Element> after, const QString &text,
                                         int mergeId, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeId(mergeId)
{}

void EditElementsCommand::redo()
{
    for (const auto &e : m_after)
        m_document->design().replaceElement(e);
}

void EditElementsCommand::undo()
{
    for (auto it = m_before.rbegin(); it != m_before.rend(); ++it)
        m_document->design().replaceElement(*it);
}

bool EditElementsCommand::isNoOp() const
{
    return m_before.size() == m_after.size()
           && std::equal(m_before.begin(), m_before.end(), m_after.begin(), sameElement);
}

bool EditElementsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const EditElementsCommand *>(other);
    if (edit->m_after.size() != m_after.size())
        return false;
    for (size_t i = 0; i < m_after.size(); ++i)
        if (edit->m_after[i].id != m_after[i].id)
            return false;
    m_after = edit->m_after;
    return true;
}

EditLinkCommand::EditLinkCommand(DesignDocument *document, model::Link before, model::Link after,
                                 const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void EditLinkCommand::redo()
{
    m_document->design().replaceLink(m_after);
}

void EditLinkCommand::undo()
{
    m_document->design().replaceLink(m_before);
}

EditPolicyCommand::EditPolicyCommand(DesignDocument *document, model::PolicyDocument before,
                                     model::PolicyDocument after, const QString &text,
                                     QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void EditPolicyCommand::redo()
{
    m_document->design().replacePolicy(m_after);
}

void EditPolicyCommand::undo()
{
    m_document->design().replacePolicy(m_before);
}

} // namespace heiiki::ui
