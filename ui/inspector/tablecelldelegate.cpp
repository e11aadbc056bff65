#include "tablecelldelegate.h"

#include "tablepropertyeditor.h"

#include <QComboBox>
#include <QLineEdit>

namespace heiiki::ui {

using model::PropertyType;

TableCellDelegate::TableCellDelegate(TablePropertyEditor *table)
    : QStyledItemDelegate(table)
    , m_table(table)
{}

QWidget *TableCellDelegate::createEditor(QWidget *parent,
                                         const QStyleOptionViewItem &,
                                         const QModelIndex &index) const
{
    const auto &column = m_table->column(index.column());
    switch (column.type) {
    case PropertyType::Bool:
    case PropertyType::Table:
        return nullptr;
    case PropertyType::Enum:
    case PropertyType::Ref:
    case PropertyType::Region:
    case PropertyType::AccountId: {
        auto *combo = new QComboBox(parent);
        combo->setFrame(false);
        const bool editable
            = column.type == PropertyType::Region || column.type == PropertyType::AccountId;
        combo->setEditable(editable);
        if (editable)
            combo->setInsertPolicy(QComboBox::NoInsert);
        if (!column.required && column.defaultValue.is_null() && !editable)
            combo->addItem(tr("(none)"), QString());
        if (column.type == PropertyType::Enum) {
            for (const auto &v : column.enumValues)
                combo->addItem(QString::fromStdString(v), QString::fromStdString(v));
        } else {
            for (const auto &c : m_table->choicesOf(column))
                combo->addItem(c.text, c.value);
        }
        // A choice completes the cell.
        connect(combo, &QComboBox::activated, this, [this, combo] {
            auto *self = const_cast<TableCellDelegate *>(this);
            emit self->commitData(combo);
            emit self->closeEditor(combo);
        });
        return combo;
    }
    default: {
        auto *edit = new QLineEdit(parent);
        edit->setFrame(false);
        if (column.type == PropertyType::CidrList || column.type == PropertyType::StringList
            || column.type == PropertyType::DomainList || column.type == PropertyType::RefList)
            edit->setPlaceholderText(tr("entries, separated by commas"));
        return edit;
    }
    }
}

void TableCellDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const auto &column = m_table->column(index.column());
    heiiki::Json v = m_table->cellValue(index.row(), index.column());
    if (v.is_null())
        v = column.defaultValue;
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const QString current
            = v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
        const int found = combo->findData(current);
        if (found >= 0)
            combo->setCurrentIndex(found);
        else if (combo->isEditable())
            combo->setEditText(current);
        else if (!current.isEmpty()) {
            combo->addItem(current, current);
            combo->setCurrentIndex(combo->count() - 1);
        }
    } else if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(editText(v));
    }
}

void TableCellDelegate::setModelData(QWidget *editor,
                                     QAbstractItemModel *,
                                     const QModelIndex &index) const
{
    const auto &column = m_table->column(index.column());
    heiiki::Json value;
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        QString v = combo->currentData().toString();
        if (combo->isEditable()) {
            v = combo->currentText().trimmed();
            for (int i = 0; i < combo->count(); ++i)
                if (combo->itemText(i) == v)
                    v = combo->itemData(i).toString();
        }
        if (!v.isEmpty())
            value = v.toStdString();
    } else if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        value = parseCell(column, edit->text());
        if (column.type == PropertyType::RefList) // "name (id)" as shown, or the id
            for (auto &entry : value)
                entry = choiceValue(m_table->choicesOf(column),
                                    QString::fromStdString(entry.get<std::string>()))
                            .toStdString();
    }
    // Choosing the default for an unset cell leaves it unset.
    if (m_table->cellValue(index.row(), index.column()).is_null() && value == column.defaultValue)
        return;
    m_table->editCell(index.row(), index.column(), value);
}

heiiki::Json TableCellDelegate::parseCell(const model::PropertySpec &column, const QString &text)
{
    const QString trimmed = text.trimmed();
    switch (column.type) {
    case PropertyType::Int: {
        if (trimmed.isEmpty())
            return {};
        bool ok = false;
        const qlonglong n = trimmed.toLongLong(&ok);
        return ok ? heiiki::Json(n) : heiiki::Json(trimmed.toStdString());
    }
    case PropertyType::Number: {
        if (trimmed.isEmpty())
            return {};
        bool ok = false;
        const double n = trimmed.toDouble(&ok);
        return ok ? heiiki::Json(n) : heiiki::Json(trimmed.toStdString());
    }
    case PropertyType::CidrList:
    case PropertyType::StringList:
    case PropertyType::DomainList:
    case PropertyType::RefList: {
        heiiki::Json list = heiiki::Json::array();
        for (const QString &part : trimmed.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!part.trimmed().isEmpty())
                list.push_back(part.trimmed().toStdString());
        return list;
    }
    case PropertyType::String:
        return text.isEmpty() ? heiiki::Json() : heiiki::Json(text.toStdString());
    default:
        return trimmed.isEmpty() ? heiiki::Json() : heiiki::Json(trimmed.toStdString());
    }
}

QString TableCellDelegate::editText(const heiiki::Json &value)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_array()) {
        QStringList parts;
        for (const auto &v : value)
            parts << (v.is_string() ? QString::fromStdString(v.get<std::string>())
                                    : QString::fromStdString(v.dump()));
        return parts.join(QStringLiteral(", "));
    }
    return QString::fromStdString(value.dump());
}

} // namespace heiiki::ui
