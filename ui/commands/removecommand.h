#pragma once

#include "model/core/design.h"

#include <QUndoCommand>

#include <utility>
#include <vector>

namespace heiiki::ui {

class DesignDocument;

/// Removes elements (with everything nested in them), links and policy documents as one
/// step, together with the links, references and flows that would otherwise dangle. Keeps a
/// copy of everything it touches, with its place in document order, so undo puts the design
/// back exactly as it was.
class RemoveCommand : public QUndoCommand
{
public:
    RemoveCommand(DesignDocument *document, const std::vector<model::Id> &ids,
                  const QString &text, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    /// False when none of the ids named anything: there is nothing to do.
    bool isEmpty() const;

private:
    DesignDocument *m_document;
    std::vector<std::pair<size_t, model::Element>> m_elements; ///< by ascending position
    std::vector<std::pair<size_t, model::Link>> m_links;
    std::vector<std::pair<size_t, model::PolicyDocument>> m_policies;
    std::vector<std::pair<model::Element, model::Element>> m_rewrittenElements; ///< before, after
    std::vector<std::pair<model::Link, model::Link>> m_rewrittenLinks;
    bool m_flowsChanged = false;
    std::vector<model::Flow> m_flowsBefore;
    std::vector<model::Flow> m_flowsAfter;
};

} // namespace heiiki::ui
