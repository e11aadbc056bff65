#pragma once

#include "model/core/design.h"

#include <QUndoCommand>

#include <vector>

namespace heiiki::ui {

class DesignDocument;

/// Changes one or more elements as one step: a move (several elements, their new parent,
/// containers that grew to fit), a resize, a rename, a property edit. Holds each element as
/// it was and as it becomes.
class EditElementsCommand : public QUndoCommand
{
public:
    /// Continuous edits of the same elements with the same id merge into one step (typing
    /// in a field); 0 never merges.
    EditElementsCommand(DesignDocument *document, std::vector<model::Element> before,
                        std::vector<model::Element> after, const QString &text,
                        int mergeId = -1, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override;

    /// True when the edit changes nothing.
    bool isNoOp() const;

private:
    DesignDocument *m_document;
    std::vector<model::Element> m_before;
    std::vector<model::Element> m_after;
    int m_mergeId;
};

/// Changes one link as one step.
class EditLinkCommand : public QUndoCommand
{
public:
    EditLinkCommand(DesignDocument *document, model::Link before, model::Link after,
                    const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    DesignDocument *m_document;
    model::Link m_before;
    model::Link m_after;
};

/// Changes one policy document (its text, name or type) as one step.
class EditPolicyCommand : public QUndoCommand
{
public:
    EditPolicyCommand(DesignDocument *document, model::PolicyDocument before,
                      model::PolicyDocument after, const QString &text,
                      QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    DesignDocument *m_document;
    model::PolicyDocument m_before;
    model::PolicyDocument m_after;
};

} // namespace heiiki::ui
