#pragma once

#include "propertychoices.h"
#include "propertyeditor.h"

#include <functional>
#include <map>
#include <string>

class QTableWidget;
class QTableWidgetItem;
class QToolButton;

namespace heiiki::ui {

/// A table for a Table property (route tables, security-group and network-ACL rules, Transit
/// Gateway route tables, firewall allow-lists): one column per column of the spec, each cell
/// edited with an editor of the column's type (see TableCellDelegate), Bool columns as check
/// boxes, and a nested table in a dialog. Adding a row, removing rows and completing a cell
/// are each one edit; the whole table is checked before it is announced.
class TablePropertyEditor : public PropertyEditor
{
    Q_OBJECT

public:
    /// Makes the row that "Add row" appends, from the rows there are.
    using RowFactory = std::function<heiiki::Json(const heiiki::Json &rows)>;

    explicit TablePropertyEditor(model::PropertySpec spec, QWidget *parent = nullptr);

    QTableWidget *tableWidget() const { return m_table; }
    void updateChoices(const model::Design &design, const model::Id &owner) override;
    /// The choices of Ref, RefList, Region and AccountId columns, keyed by column path (see
    /// columnChoices()).
    void setChoices(std::map<std::string, Choices> choices);
    /// The choices of \a column (empty when it has none).
    const Choices &choicesOf(const model::PropertySpec &column) const;
    /// Replaces the default way of making a new row (required columns from their defaults,
    /// references to the first element that fits).
    void setRowFactory(RowFactory factory) { m_rowFactory = std::move(factory); }

    const model::PropertySpec &column(int index) const;
    /// The value in a cell; null when unset.
    heiiki::Json cellValue(int row, int column) const;
    /// Sets one cell, as the cell editor does when the user completes it.
    void editCell(int row, int column, const heiiki::Json &value);
    /// Appends a new row (the Add row button).
    void addRow();
    /// Removes the rows with a selected cell (the Remove button).
    void removeSelectedRows();

protected:
    void showValue(const heiiki::Json &value) override;

private:
    heiiki::Json rows() const;
    heiiki::Json defaultRow(const heiiki::Json &rows) const;
    void fillRow(int row, const heiiki::Json &values);
    void itemChanged(QTableWidgetItem *item);
    void cellActivated(int row, int column);
    void openNestedTable(int row, int column);
    void fitHeight();

    QTableWidget *m_table = nullptr;
    QToolButton *m_add = nullptr;
    QToolButton *m_remove = nullptr;
    std::map<std::string, Choices> m_choices;
    std::string m_prefix; ///< the path of this table's columns in m_choices
    RowFactory m_rowFactory;
    bool m_filling = false;
};

} // namespace heiiki::ui
