#pragma once

#include "propertyeditor.h"

class QCheckBox;

namespace heiiki::ui {

/// A check box for a Bool property; an unset property shows its default.
class BoolPropertyEditor : public PropertyEditor
{
    Q_OBJECT

public:
    explicit BoolPropertyEditor(model::PropertySpec spec, QWidget *parent = nullptr);

    QCheckBox *checkBox() const { return m_box; }

protected:
    void showValue(const heiiki::Json &value) override;

private:
    QCheckBox *m_box = nullptr;
};

} // namespace heiiki::ui
