#pragma once

#include "propertyeditor.h"

class QDoubleSpinBox;

namespace heiiki::ui {

/// A spin box for an Int or Number property. A property without a default can be unset: the
/// spin box's lowest step reads "not set".
class NumberPropertyEditor : public PropertyEditor
{
    Q_OBJECT

public:
    explicit NumberPropertyEditor(model::PropertySpec spec, QWidget *parent = nullptr);

    QDoubleSpinBox *spinBox() const { return m_spin; }

protected:
    void showValue(const heiiki::Json &value) override;

private:
    void finishEditing();
    bool unsettable() const;

    QDoubleSpinBox *m_spin = nullptr;
};

} // namespace heiiki::ui
