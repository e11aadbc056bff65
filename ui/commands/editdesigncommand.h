#pragma once

#include "model/core/design.h"

#include <QUndoCommand>

#include <vector>

namespace heiiki::ui {

class DesignDocument;

/// The design-wide parts a user edits outside the canvas.
struct DesignMeta
{
    model::Settings settings;
    std::vector<model::Account> accounts;
    std::vector<model::Flow> flows;

    static DesignMeta of(const model::Design &design);
};

/// Changes the design's settings, accounts or flows as one step.
class EditDesignCommand : public QUndoCommand
{
public:
    EditDesignCommand(DesignDocument *document, DesignMeta after, const QString &text,
                      QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void apply(const DesignMeta &meta);

    DesignDocument *m_document;
    DesignMeta m_before;
    DesignMeta m_after;
};

} // namespace heiiki::ui
