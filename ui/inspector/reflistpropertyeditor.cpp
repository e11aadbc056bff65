#include "reflistpropertyeditor.h"

#include <QListWidget>

#include <algorithm>

namespace heiiki::ui {

namespace {
constexpr int kValueRole = Qt::UserRole;
}

RefListPropertyEditor::RefListPropertyEditor(model::PropertySpec spec, QWidget *parent)
    : PropertyEditor(std::move(spec), parent)
    , m_list(new QListWidget(this))
{
    m_list->setObjectName(QStringLiteral("field"));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    setField(m_list);
    connect(m_list, &QListWidget::itemChanged, this, &RefListPropertyEditor::itemToggled);
    setChoices({});
}

void RefListPropertyEditor::updateChoices(const model::Design &design, const model::Id &owner)
{
    setChoices(choicesFor(design, spec(), owner));
}

void RefListPropertyEditor::setChoices(const Choices &choices)
{
    m_choices = choices;
    showValue(value());
}

void RefListPropertyEditor::showValue(const heiiki::Json &value)
{
    QStringList chosen;
    if (value.is_array())
        for (const auto &v : value)
            if (v.is_string())
                chosen << QString::fromStdString(v.get<std::string>());
    m_list->blockSignals(true);
    m_list->clear();
    auto add = [this](const QString &v, const QString &text, bool checked) {
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(kValueRole, v);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    };
    for (const auto &c : m_choices)
        add(c.value, c.text, chosen.contains(c.value));
    // Entries that name nothing the property may name (yet) stay visible, so they can go.
    for (const QString &v : chosen)
        if (std::none_of(
                m_choices.begin(), m_choices.end(), [&](const Choice &c) { return c.value == v; }))
            add(v, v, true);
    if (m_list->count() == 0) {
        auto *item = new QListWidgetItem(tr("Nothing in the design can be chosen here"), m_list);
        item->setFlags(Qt::NoItemFlags);
    }
    m_list->blockSignals(false);
    const int rowHeight = m_list->fontMetrics().height() + 6;
    m_list->setFixedHeight(std::clamp(m_list->count(), 1, 7) * rowHeight + 2 * m_list->frameWidth()
                           + 2);
}

void RefListPropertyEditor::itemToggled(QListWidgetItem *item)
{
    const QString v = item->data(kValueRole).toString();
    heiiki::Json list = heiiki::Json::array();
    const heiiki::Json current = value().is_array() ? value() : heiiki::Json::array();
    for (const auto &entry : current)
        if (!(entry.is_string() && QString::fromStdString(entry.get<std::string>()) == v))
            list.push_back(entry);
    if (item->checkState() == Qt::Checked)
        list.push_back(v.toStdString());
    if (!commit(list))
        revert();
}

} // namespace heiiki::ui
