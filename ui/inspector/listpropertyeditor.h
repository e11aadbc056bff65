#pragma once

#include "propertychoices.h"
#include "propertyeditor.h"

class QComboBox;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QToolButton;

namespace heiiki::ui {

/// An editable list for CidrList, StringList and DomainList properties (and the design's
/// allowed regions and organisation accounts): the entries, a field to type a new one, Add
/// and Remove. An entry is changed in place by double-clicking it. Each addition, change or
/// removal is one edit; a list with a bad entry is refused with the reason.
class ListPropertyEditor : public PropertyEditor
{
    Q_OBJECT

public:
    /// With \a suggestions, the new-entry field is a combo box offering setSuggestions().
    ListPropertyEditor(model::PropertySpec spec, bool suggestions, QWidget *parent = nullptr);

    /// The values the new-entry field offers; entries are shown by their choice text.
    void setSuggestions(const Choices &choices);

    QListWidget *listWidget() const { return m_list; }
    /// The field a new entry is typed into.
    QLineEdit *entryField() const { return m_entry; }
    /// Adds the text of the entry field as an entry (what the Add button does).
    void addEntry();
    /// Removes the selected entries (what the Remove button does).
    void removeSelected();

protected:
    void showValue(const heiiki::Json &value) override;

private:
    void itemEdited(QListWidgetItem *item);
    heiiki::Json entries() const;
    void fitHeight();

    QListWidget *m_list = nullptr;
    QComboBox *m_combo = nullptr;
    QLineEdit *m_entry = nullptr;
    QToolButton *m_add = nullptr;
    QToolButton *m_remove = nullptr;
    Choices m_suggestions;
};

} // namespace heiiki::ui
