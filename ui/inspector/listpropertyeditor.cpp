#include "listpropertyeditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace heiiki::ui {

namespace {
constexpr int kValueRole = Qt::UserRole;
}

ListPropertyEditor::ListPropertyEditor(model::PropertySpec spec, bool suggestions, QWidget *parent)
    : PropertyEditor(std::move(spec), parent)
    , m_list(new QListWidget(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);

    m_list->setObjectName(QStringLiteral("entries"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setUniformItemSizes(true);
    layout->addWidget(m_list);

    auto *row = new QHBoxLayout;
    row->setSpacing(3);
    if (suggestions) {
        m_combo = new QComboBox(box);
        m_combo->setEditable(true);
        m_combo->setInsertPolicy(QComboBox::NoInsert);
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_combo->setMinimumContentsLength(12);
        m_entry = m_combo->lineEdit();
        row->addWidget(m_combo, 1);
    } else {
        m_entry = new QLineEdit(box);
        row->addWidget(m_entry, 1);
    }
    m_entry->setObjectName(QStringLiteral("entry"));
    m_entry->setPlaceholderText(tr("New entry"));
    if (this->spec().type == model::PropertyType::CidrList)
        m_entry->setPlaceholderText(tr("New CIDR, e.g. 10.0.0.0/16"));
    else if (this->spec().type == model::PropertyType::DomainList)
        m_entry->setPlaceholderText(tr("New domain, e.g. .example.com"));
    m_add->setObjectName(QStringLiteral("add"));
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add the entry typed on the left"));
    m_remove->setObjectName(QStringLiteral("remove"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the selected entries"));
    m_remove->setEnabled(false);
    row->addWidget(m_add);
    row->addWidget(m_remove);
    layout->addLayout(row);
    setField(box);
    setFocusProxy(m_entry);
    fitHeight();

    connect(m_add, &QToolButton::clicked, this, &ListPropertyEditor::addEntry);
    connect(m_entry, &QLineEdit::returnPressed, this, &ListPropertyEditor::addEntry);
    connect(m_remove, &QToolButton::clicked, this, &ListPropertyEditor::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this, [this] {
        m_remove->setEnabled(!m_list->selectedItems().isEmpty());
    });
    connect(m_list, &QListWidget::itemChanged, this, &ListPropertyEditor::itemEdited);
}

void ListPropertyEditor::setSuggestions(const Choices &choices)
{
    m_suggestions = choices;
    if (m_combo) {
        const QString typed = m_combo->currentText();
        m_combo->clear();
        for (const auto &c : choices)
            m_combo->addItem(c.text, c.value);
        m_combo->setEditText(typed);
    }
    showValue(value());
}

void ListPropertyEditor::showValue(const heiiki::Json &value)
{
    const heiiki::Json &shown = value.is_null() ? spec().defaultValue : value;
    m_list->blockSignals(true);
    m_list->clear();
    if (shown.is_array())
        for (const auto &entry : shown) {
            const QString v = entry.is_string() ? QString::fromStdString(entry.get<std::string>())
                                                : QString::fromStdString(entry.dump());
            auto *item = new QListWidgetItem(choiceText(m_suggestions, v), m_list);
            item->setData(kValueRole, v);
            if (m_suggestions.isEmpty())
                item->setFlags(item->flags() | Qt::ItemIsEditable);
        }
    m_list->blockSignals(false);
    m_remove->setEnabled(!m_list->selectedItems().isEmpty());
    fitHeight();
}

void ListPropertyEditor::fitHeight()
{
    const int rowHeight = m_list->fontMetrics().height() + 6;
    const int rows = std::clamp(m_list->count(), 2, 8);
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth() + 2);
}

heiiki::Json ListPropertyEditor::entries() const
{
    heiiki::Json list = heiiki::Json::array();
    for (int i = 0; i < m_list->count(); ++i)
        list.push_back(m_list->item(i)->data(kValueRole).toString().toStdString());
    return list;
}

void ListPropertyEditor::addEntry()
{
    const QString text = m_entry->text().trimmed();
    if (text.isEmpty())
        return;
    heiiki::Json list = entries();
    list.push_back(choiceValue(m_suggestions, text).toStdString());
    if (commit(list)) {
        m_entry->clear();
        showValue(list);
        m_list->scrollToBottom();
    }
}

void ListPropertyEditor::removeSelected()
{
    heiiki::Json list = heiiki::Json::array();
    for (int i = 0; i < m_list->count(); ++i)
        if (!m_list->item(i)->isSelected())
            list.push_back(m_list->item(i)->data(kValueRole).toString().toStdString());
    if (list.size() == size_t(m_list->count()))
        return;
    if (commit(list))
        showValue(list);
}

void ListPropertyEditor::itemEdited(QListWidgetItem *item)
{
    const QString text = item->text().trimmed();
    m_list->blockSignals(true);
    item->setData(kValueRole, text);
    m_list->blockSignals(false);
    heiiki::Json list = heiiki::Json::array();
    for (int i = 0; i < m_list->count(); ++i) {
        const QString v = m_list->item(i)->data(kValueRole).toString();
        if (!v.isEmpty()) // an entry emptied in place is removed
            list.push_back(v.toStdString());
    }
    if (!commit(list))
        revert();
    else
        showValue(list);
}

} // namespace heiiki::ui
