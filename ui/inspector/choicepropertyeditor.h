#pragma once

#include "propertychoices.h"
#include "propertyeditor.h"

class QComboBox;

namespace heiiki::ui {

/// A combo box for an Enum (its values), a Region (the known regions), an AccountId (the
/// design's accounts; any 12-digit id may be typed) or a Ref (the ids of the elements, links
/// or policies it may name, shown as "name (id)"). A choice completes the edit.
class ChoicePropertyEditor : public PropertyEditor
{
    Q_OBJECT

public:
    explicit ChoicePropertyEditor(model::PropertySpec spec, QWidget *parent = nullptr);

    QComboBox *comboBox() const { return m_combo; }
    void updateChoices(const model::Design &design, const model::Id &owner) override;
    /// Sets the choices directly (for choices that do not come from a design).
    void setChoices(const Choices &choices);

protected:
    void showValue(const heiiki::Json &value) override;

private:
    void chosen(int index);
    void typed();
    bool mayUnset() const;

    QComboBox *m_combo = nullptr;
    Choices m_choices;
};

} // namespace heiiki::ui
