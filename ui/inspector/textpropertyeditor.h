#pragma once

#include "propertyeditor.h"

class QLineEdit;

namespace heiiki::ui {

/// A one-line text field for String, Cidr, Address and RouteDestination properties. An empty
/// field unsets the property; the default, or an example of the expected form, shows as
/// placeholder text.
class TextPropertyEditor : public PropertyEditor
{
    Q_OBJECT

public:
    explicit TextPropertyEditor(model::PropertySpec spec, QWidget *parent = nullptr);

    QLineEdit *lineEdit() const { return m_edit; }

protected:
    void showValue(const heiiki::Json &value) override;

private:
    void finishEditing();

    QLineEdit *m_edit = nullptr;
};

} // namespace heiiki::ui
