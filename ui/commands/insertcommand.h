#pragma once

#include "model/edit/designedit.h"

#include <QUndoCommand>

#include <vector>

namespace heiiki::ui {

class DesignDocument;

using DesignFragment = model::edit::Fragment;

/// Adds a fragment to the design as one step (a drop from the palette, a new link, a paste,
/// a duplicate) and selects what it added.
class InsertCommand : public QUndoCommand
{
public:
    InsertCommand(DesignDocument *document, DesignFragment fragment, const QString &text,
                  QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    const DesignFragment &fragment() const { return m_fragment; }

private:
    DesignDocument *m_document;
    DesignFragment m_fragment;
};

} // namespace heiiki::ui
