#include "boolpropertyeditor.h"

#include <QCheckBox>

namespace heiiki::ui {

BoolPropertyEditor::BoolPropertyEditor(model::PropertySpec spec, QWidget *parent)
    : PropertyEditor(std::move(spec), parent)
    , m_box(new QCheckBox(this))
{
    m_box->setObjectName(QStringLiteral("field"));
    setField(m_box);
    showValue({});
    connect(m_box, &QCheckBox::clicked, this, [this](bool checked) {
        if (!commit(checked))
            revert();
    });
}

void BoolPropertyEditor::showValue(const heiiki::Json &value)
{
    const heiiki::Json &shown = value.is_null() ? spec().defaultValue : value;
    m_box->setChecked(shown.is_boolean() && shown.get<bool>());
}

} // namespace heiiki::ui
