#include "policiespanel.h"

#include "policyeditor.h"
#include "policytypes.h"

#include "model/edit/designedit.h"
#include "ui/commands/insertcommand.h"
#include "ui/commands/removecommand.h"
#include "ui/document/designdocument.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace heiiki::ui {

namespace {
constexpr int kIdRole = Qt::UserRole;
}

PoliciesPanel::PoliciesPanel(DesignDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_list(new QTreeWidget(this))
    , m_new(new QToolButton(this))
    , m_delete(new QToolButton(this))
    , m_editor(new PolicyEditor(document, this))
{
    setObjectName(QStringLiteral("policiesPanel"));
    m_list->setObjectName(QStringLiteral("policyList"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Policy document"), tr("Type"), tr("Attached to")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);

    m_new->setObjectName(QStringLiteral("newPolicy"));
    m_new->setText(tr("New"));
    m_new->setToolTip(tr("Add a policy document of the chosen type"));
    m_new->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_new);
    for (auto type : policyTypes())
        menu->addAction(policyTypeLabel(type), this, [this, type] { newPolicy(type); });
    m_new->setMenu(menu);
    m_delete->setObjectName(QStringLiteral("deletePolicy"));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Remove the chosen policy document and its attachments"));
    m_delete->setEnabled(false);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(6, 6, 6, 0);
    topLayout->setSpacing(4);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    buttons->addWidget(m_new);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_list);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({170, 480});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &PoliciesPanel::currentChanged);
    connect(m_delete, &QToolButton::clicked, this, &PoliciesPanel::deleteCurrent);
    for (auto signal : {&DesignDocument::policyAdded,
                        &DesignDocument::policyRemoved,
                        &DesignDocument::policyChanged})
        connect(document, signal, this, &PoliciesPanel::rebuild);
    connect(document, &DesignDocument::linkAdded, this, &PoliciesPanel::rebuild);
    connect(document, &DesignDocument::linkRemoved, this, &PoliciesPanel::rebuild);
    connect(document, &DesignDocument::designReset, this, &PoliciesPanel::rebuild);
    connect(document, &DesignDocument::selectionChanged, this, &PoliciesPanel::followSelection);
    rebuild();
}

model::Id PoliciesPanel::currentPolicy() const
{
    if (const QTreeWidgetItem *item = m_list->currentItem())
        return model::Id(item->data(0, kIdRole).toString().toStdString());
    return {};
}

void PoliciesPanel::rebuild()
{
    const model::Id current = currentPolicy();
    const auto &design = m_document->design();
    m_rebuilding = true;
    m_list->clear();
    QTreeWidgetItem *keep = nullptr;
    for (const auto &p : design.policies()) {
        int attached = 0;
        for (const auto &l : design.links())
            if (l->kind == model::LinkKind::Policy && l->to == p->id)
                ++attached;
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, QString::fromStdString(p->name.empty() ? p->id.str() : p->name));
        item->setToolTip(0, QString::fromStdString(p->id.str()));
        item->setText(1, policyTypeLabel(p->type));
        item->setText(2, attached ? tr("%n element(s)", "", attached) : tr("nothing"));
        item->setData(0, kIdRole, QString::fromStdString(p->id.str()));
        if (p->id == current)
            keep = item;
    }
    m_list->setCurrentItem(keep);
    m_rebuilding = false;
    m_delete->setEnabled(keep != nullptr);
    if (!keep)
        m_editor->setPolicy(model::Id());
}

void PoliciesPanel::currentChanged()
{
    if (m_rebuilding)
        return;
    const model::Id id = currentPolicy();
    m_delete->setEnabled(!id.isNull());
    m_editor->setPolicy(id);
}

void PoliciesPanel::selectPolicy(const model::Id &id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, kIdRole).toString().toStdString() == id.str()) {
            m_list->setCurrentItem(item);
            m_list->scrollToItem(item);
            return;
        }
    }
}

void PoliciesPanel::followSelection()
{
    const auto &selection = m_document->selection();
    if (selection.size() == 1 && m_document->design().policy(selection.first()))
        selectPolicy(selection.first());
}

void PoliciesPanel::newPolicy(model::PolicyType type)
{
    const auto typeName = model::toString(type);
    model::PolicyDocument policy;
    policy.id = model::edit::freshId(m_document->design(), "policy-" + std::string(typeName));
    policy.type = type;
    policy.name = tr("New %1 policy").arg(policyTypeLabel(type).toLower()).toStdString();
    policy.document = {{"Version", "2012-10-17"}, {"Statement", heiiki::Json::array()}};
    DesignFragment fragment;
    fragment.policies.push_back(policy);
    m_document->undoStack()->push(
        new InsertCommand(m_document,
                          std::move(fragment),
                          tr("Add policy %1").arg(QString::fromStdString(policy.name))));
    selectPolicy(policy.id);
}

void PoliciesPanel::deleteCurrent()
{
    const model::Id id = currentPolicy();
    const model::PolicyDocument *p = m_document->design().policy(id);
    if (!p)
        return;
    auto *command = new RemoveCommand(
        m_document, {id}, tr("Delete policy %1").arg(QString::fromStdString(p->name)));
    if (command->isEmpty()) {
        delete command;
        return;
    }
    m_document->undoStack()->push(command);
}

} // namespace heiiki::ui
