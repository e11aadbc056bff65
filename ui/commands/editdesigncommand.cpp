#include "editdesigncommand.h"

#include "ui/document/designdocument.h"

namespace heiiki::ui {

DesignMeta DesignMeta::of(const model::Design &design)
{
    return {design.settings(), design.accounts(), design.flows()};
}

EditDesignCommand::EditDesignCommand(DesignDocument *document, DesignMeta after,
                                     const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(DesignMeta::of(document->design()))
    , m_after(std::move(after))
{}

void EditDesignCommand::redo()
{
    apply(m_after);
}

void EditDesignCommand::undo()
{
    apply(m_before);
}

void EditDesignCommand::apply(const DesignMeta &meta)
{
    model::Design &design = m_document->design();
    design.settings() = meta.settings;
    design.accounts() = meta.accounts;
    design.flows() = meta.flows;
    design.notifyDesignChanged("settings,accounts,flows");
}

} // namespace heiiki::ui
