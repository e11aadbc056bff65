#include "tablepropertyeditor.h"

#include "tablecelldelegate.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace heiiki::ui {

using model::PropertyType;

TablePropertyEditor::TablePropertyEditor(model::PropertySpec spec, QWidget *parent)
    : PropertyEditor(std::move(spec), parent)
    , m_table(new QTableWidget(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);

    const auto &columns = this->spec().columns;
    m_table->setObjectName(QStringLiteral("table"));
    m_table->setColumnCount(int(columns.size()));
    for (int c = 0; c < int(columns.size()); ++c) {
        auto *header = new QTableWidgetItem(propertyLabel(columns[size_t(c)]));
        QString tip = QString::fromStdString(columns[size_t(c)].name);
        if (columns[size_t(c)].required)
            tip += QStringLiteral(" — ") + tr("required");
        header->setToolTip(tip);
        m_table->setHorizontalHeaderItem(c, header);
    }
    m_table->setItemDelegate(new TableCellDelegate(this));
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->verticalHeader()->setMinimumWidth(24);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    layout->addWidget(m_table);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(3);
    m_add->setObjectName(QStringLiteral("addRow"));
    m_add->setText(tr("Add row"));
    m_add->setToolTip(tr("Append a row; then edit its cells"));
    m_remove->setObjectName(QStringLiteral("removeRow"));
    m_remove->setText(tr("Remove row"));
    m_remove->setToolTip(tr("Remove the rows with a selected cell"));
    m_remove->setEnabled(false);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    setField(box);
    setFocusProxy(m_table);

    connect(m_add, &QToolButton::clicked, this, &TablePropertyEditor::addRow);
    connect(m_remove, &QToolButton::clicked, this, &TablePropertyEditor::removeSelectedRows);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_remove->setEnabled(!m_table->selectedItems().isEmpty());
    });
    connect(m_table, &QTableWidget::itemChanged, this, &TablePropertyEditor::itemChanged);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &TablePropertyEditor::cellActivated);
    showValue({});
}

void TablePropertyEditor::updateChoices(const model::Design &design, const model::Id &owner)
{
    setChoices(columnChoices(design, spec(), owner));
}

void TablePropertyEditor::setChoices(std::map<std::string, Choices> choices)
{
    m_choices = std::move(choices);
    showValue(value());
}

const Choices &TablePropertyEditor::choicesOf(const model::PropertySpec &column) const
{
    static const Choices none;
    auto it = m_choices.find(m_prefix + column.name);
    return it == m_choices.end() ? none : it->second;
}

const model::PropertySpec &TablePropertyEditor::column(int index) const
{
    return spec().columns.at(size_t(index));
}

heiiki::Json TablePropertyEditor::rows() const
{
    return value().is_array() ? value() : heiiki::Json::array();
}

heiiki::Json TablePropertyEditor::cellValue(int row, int column) const
{
    const heiiki::Json all = rows();
    if (row < 0 || size_t(row) >= all.size() || !all[size_t(row)].is_object())
        return {};
    return all[size_t(row)].value(this->column(column).name, heiiki::Json());
}

void TablePropertyEditor::showValue(const heiiki::Json &value)
{
    const heiiki::Json all = value.is_array() ? value : heiiki::Json::array();
    m_filling = true;
    m_table->setRowCount(int(all.size()));
    for (int r = 0; r < int(all.size()); ++r)
        fillRow(r, all[size_t(r)]);
    m_filling = false;
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->setColumnWidth(c, std::clamp(m_table->columnWidth(c), 60, 260));
    fitHeight();
}

void TablePropertyEditor::fillRow(int row, const heiiki::Json &values)
{
    const bool wasFilling = m_filling;
    m_filling = true;
    const QColor dim = palette().color(QPalette::Disabled, QPalette::Text);
    for (int c = 0; c < m_table->columnCount(); ++c) {
        const auto &col = column(c);
        const heiiki::Json v
            = values.is_object() ? values.value(col.name, heiiki::Json()) : heiiki::Json();
        auto *item = m_table->item(row, c);
        if (!item) {
            item = new QTableWidgetItem;
            m_table->setItem(row, c, item);
        }
        Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
        item->setData(Qt::ForegroundRole, QVariant());
        if (col.type == PropertyType::Bool) {
            const heiiki::Json &shown = v.is_null() ? col.defaultValue : v;
            item->setText(QString());
            item->setCheckState(shown.is_boolean() && shown.get<bool>() ? Qt::Checked
                                                                        : Qt::Unchecked);
            flags |= Qt::ItemIsUserCheckable;
        } else {
            QString text = displayText(col, v, choicesOf(col));
            if (v.is_null() && !col.defaultValue.is_null()
                && !(col.defaultValue.is_array() && col.defaultValue.empty())) {
                text = displayText(col, col.defaultValue, choicesOf(col));
                item->setForeground(dim);
            }
            if (col.type == PropertyType::Table)
                text += QStringLiteral(" …");
            item->setText(text);
            item->setToolTip(col.type == PropertyType::Table ? tr("Double-click to edit") : text);
            if (col.type != PropertyType::Table)
                flags |= Qt::ItemIsEditable;
        }
        item->setFlags(flags);
    }
    m_filling = wasFilling;
}

void TablePropertyEditor::fitHeight()
{
    const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
    const int shown = std::clamp(m_table->rowCount(), 2, 10);
    const int height = m_table->horizontalHeader()->sizeHint().height() + shown * rowHeight
                       + 2 * m_table->frameWidth()
                       + m_table->horizontalScrollBar()->sizeHint().height();
    m_table->setFixedHeight(height);
}

void TablePropertyEditor::editCell(int row, int column, const heiiki::Json &value)
{
    heiiki::Json all = rows();
    if (row < 0 || size_t(row) >= all.size())
        return;
    heiiki::Json &cells = all[size_t(row)];
    if (!cells.is_object())
        cells = heiiki::Json::object();
    if (value.is_null())
        cells.erase(this->column(column).name);
    else
        cells[this->column(column).name] = value;
    commit(all);
    // Accepted or not, the row shows what the table now holds.
    fillRow(row, rows()[size_t(row)]);
}

void TablePropertyEditor::itemChanged(QTableWidgetItem *item)
{
    if (m_filling || column(item->column()).type != PropertyType::Bool)
        return;
    editCell(item->row(), item->column(), item->checkState() == Qt::Checked);
}

heiiki::Json TablePropertyEditor::defaultRow(const heiiki::Json &all) const
{
    heiiki::Json row = heiiki::Json::object();
    for (const auto &col : spec().columns) {
        if (!col.required)
            continue;
        if (!col.defaultValue.is_null()) {
            row[col.name] = col.defaultValue;
            continue;
        }
        switch (col.type) {
        case PropertyType::Cidr:
        case PropertyType::RouteDestination:
            row[col.name] = "0.0.0.0/0";
            break;
        case PropertyType::Int:
        case PropertyType::Number: {
            long long highest = 0;
            for (const auto &r : all)
                if (r.is_object() && r.value(col.name, heiiki::Json()).is_number_integer())
                    highest = std::max(highest, r[col.name].get<long long>());
            row[col.name] = highest + (highest > 0 ? 10 : 100);
            break;
        }
        case PropertyType::Ref: {
            const Choices &choices = choicesOf(col);
            if (!choices.isEmpty())
                row[col.name] = choices.first().value.toStdString();
            break;
        }
        case PropertyType::CidrList:
        case PropertyType::StringList:
        case PropertyType::DomainList:
        case PropertyType::RefList:
        case PropertyType::Table:
            row[col.name] = heiiki::Json::array();
            break;
        case PropertyType::Bool:
            row[col.name] = false;
            break;
        default:
            row[col.name] = tr("New %1").arg(all.size() + 1).toStdString();
            break;
        }
    }
    return row;
}

void TablePropertyEditor::addRow()
{
    heiiki::Json all = rows();
    all.push_back(m_rowFactory ? m_rowFactory(all) : defaultRow(all));
    if (!commit(all))
        return;
    showValue(all);
    const int last = m_table->rowCount() - 1;
    m_table->setCurrentCell(last, 0);
    m_table->scrollToItem(m_table->item(last, 0));
}

void TablePropertyEditor::removeSelectedRows()
{
    QList<int> doomed;
    for (auto *item : m_table->selectedItems())
        if (!doomed.contains(item->row()))
            doomed << item->row();
    if (doomed.isEmpty())
        return;
    heiiki::Json all = rows();
    heiiki::Json kept = heiiki::Json::array();
    for (int r = 0; r < int(all.size()); ++r)
        if (!doomed.contains(r))
            kept.push_back(all[size_t(r)]);
    if (commit(kept))
        showValue(kept);
}

void TablePropertyEditor::cellActivated(int row, int column)
{
    if (this->column(column).type == PropertyType::Table)
        openNestedTable(row, column);
}

void TablePropertyEditor::openNestedTable(int row, int column)
{
    const auto &col = this->column(column);
    QDialog dialog(this);
    dialog.setWindowTitle(tr("%1 — row %2").arg(propertyLabel(col)).arg(row + 1));
    auto *layout = new QVBoxLayout(&dialog);
    auto *nested = new TablePropertyEditor(col, &dialog);
    nested->m_prefix = m_prefix + col.name + "/";
    nested->m_choices = m_choices;
    nested->setValue(cellValue(row, column).is_null() ? heiiki::Json::array()
                                                      : cellValue(row, column));
    // The nested table is checked as part of this one.
    nested->setValidator([this, row, column](const heiiki::Json &v) {
        heiiki::Json all = rows();
        all[size_t(row)][this->column(column).name] = v;
        return check(all);
    });
    layout->addWidget(new QLabel(tr("Changes apply when you press OK, as one step."), &dialog));
    layout->addWidget(nested);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(box);
    dialog.resize(640, 360);
    if (dialog.exec() == QDialog::Accepted)
        editCell(row, column, nested->value());
}

} // namespace heiiki::ui
