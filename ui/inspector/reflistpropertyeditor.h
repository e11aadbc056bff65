#pragma once

#include "propertychoices.h"
#include "propertyeditor.h"

class QListWidget;
class QListWidgetItem;

namespace heiiki::ui {

/// A check list for a RefList property: every element (or link, or policy) the property may
/// name, shown as "name (id)", checked when it is in the list. Each check or uncheck is one
/// edit; entries keep their order, new ones go last.
class RefListPropertyEditor : public PropertyEditor
{
    Q_OBJECT

public:
    explicit RefListPropertyEditor(model::PropertySpec spec, QWidget *parent = nullptr);

    QListWidget *listWidget() const { return m_list; }
    void updateChoices(const model::Design &design, const model::Id &owner) override;
    void setChoices(const Choices &choices);

protected:
    void showValue(const heiiki::Json &value) override;

private:
    void itemToggled(QListWidgetItem *item);

    QListWidget *m_list = nullptr;
    Choices m_choices;
};

} // namespace heiiki::ui
