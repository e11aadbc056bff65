#pragma once

#include <QStyledItemDelegate>

#include "model/core/json.h"

namespace heiiki::model {
struct PropertySpec;
}

namespace heiiki::ui {

class TablePropertyEditor;

/// Edits the cells of a TablePropertyEditor with an editor that fits the column: a combo box
/// for Enum and Ref columns, an editable one for Region and AccountId, a text field for the
/// rest (lists as comma-separated entries). A completed cell goes back through
/// TablePropertyEditor::editCell(), which checks it.
class TableCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /// \a table owns the delegate and answers its questions about columns and choices.
    explicit TableCellDelegate(TablePropertyEditor *table);

    QWidget *createEditor(QWidget *parent,
                          const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor,
                      QAbstractItemModel *model,
                      const QModelIndex &index) const override;

    /// The value text typed into a cell of \a column means: null when empty, a number for
    /// numeric columns, an array for list columns, else the string.
    static heiiki::Json parseCell(const model::PropertySpec &column, const QString &text);
    /// The text that stands for \a value in a cell's text field.
    static QString editText(const heiiki::Json &value);

private:
    TablePropertyEditor *m_table;
};

} // namespace heiiki::ui
