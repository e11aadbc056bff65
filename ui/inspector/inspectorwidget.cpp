#include "inspectorwidget.h"

#include "designsettingspage.h"
#include "objectpage.h"

#include "ui/document/designdocument.h"

#include <QScrollArea>
#include <QVBoxLayout>

namespace heiiki::ui {

InspectorWidget::InspectorWidget(DesignDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_scroll(new QScrollArea(this))
{
    setObjectName(QStringLiteral("inspector"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);

    connect(document, &DesignDocument::selectionChanged, this, &InspectorWidget::showSelection);
    connect(document, &DesignDocument::designReset, this, [this] {
        m_shown = model::Id();
        showPage(new DesignSettingsPage(m_document));
        showSelection();
    });
    connect(document, &DesignDocument::elementChanged, this, &InspectorWidget::objectChanged);
    connect(document, &DesignDocument::linkChanged, this, [this](const model::Id &id) {
        objectChanged(id, QStringLiteral("properties"));
    });
    connect(document, &DesignDocument::elementRemoved, this, &InspectorWidget::objectRemoved);
    connect(document, &DesignDocument::linkRemoved, this, &InspectorWidget::objectRemoved);
    connect(document, &DesignDocument::policyRemoved, this, &InspectorWidget::objectRemoved);
    for (auto signal : {&DesignDocument::elementAdded,
                        &DesignDocument::linkAdded,
                        &DesignDocument::policyAdded,
                        &DesignDocument::policyChanged})
        connect(document, signal, this, &InspectorWidget::scheduleChoices);
    connect(document, &DesignDocument::designChanged, this, [this] {
        if (auto *page = settingsPage())
            page->refresh();
        scheduleChoices();
    });
    connect(document, &DesignDocument::validated, this, [this] {
        if (auto *page = objectPage())
            page->updateFindings();
    });

    showPage(new DesignSettingsPage(m_document));
    showSelection();
}

model::Id InspectorWidget::shownId() const
{
    return m_shown;
}

ObjectPage *InspectorWidget::objectPage() const
{
    return qobject_cast<ObjectPage *>(m_scroll->widget());
}

DesignSettingsPage *InspectorWidget::settingsPage() const
{
    return qobject_cast<DesignSettingsPage *>(m_scroll->widget());
}

PropertyEditor *InspectorWidget::propertyEditor(const QString &name) const
{
    if (auto *page = objectPage())
        return page->editor(name);
    return nullptr;
}

model::Id InspectorWidget::selectedObject() const
{
    const auto &selection = m_document->selection();
    if (selection.size() != 1)
        return {};
    const model::Id &id = selection.first();
    const auto &design = m_document->design();
    return design.element(id) || design.link(id) ? id : model::Id();
}

void InspectorWidget::showSelection()
{
    const model::Id id = selectedObject();
    if (id == m_shown && m_scroll->widget())
        return;
    m_shown = id;
    if (id.isNull())
        showPage(new DesignSettingsPage(m_document));
    else
        showPage(new ObjectPage(m_document, id));
}

void InspectorWidget::showPage(QWidget *page)
{
    QWidget *old = m_scroll->takeWidget();
    m_scroll->setWidget(page);
    if (old)
        old->deleteLater();
}

void InspectorWidget::objectChanged(const model::Id &id, const QString &what)
{
    if (auto *page = objectPage(); page && page->id() == id) {
        page->refresh();
        return;
    }
    // Names show in the pickers of the page shown.
    if (what.contains(QLatin1String("name")))
        scheduleChoices();
}

void InspectorWidget::objectRemoved(const model::Id &id)
{
    if (id == m_shown) {
        m_shown = model::Id();
        showPage(new DesignSettingsPage(m_document));
        showSelection();
        return;
    }
    scheduleChoices();
}

void InspectorWidget::scheduleChoices()
{
    // One command may add or remove many objects: refill the pickers once.
    if (m_choicesScheduled)
        return;
    m_choicesScheduled = true;
    QMetaObject::invokeMethod(this, &InspectorWidget::updateChoices, Qt::QueuedConnection);
}

void InspectorWidget::updateChoices()
{
    m_choicesScheduled = false;
    if (auto *page = objectPage())
        page->updateChoices();
    else if (auto *page = settingsPage())
        page->refresh();
}

} // namespace heiiki::ui
