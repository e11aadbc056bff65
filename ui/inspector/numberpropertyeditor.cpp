#include "numberpropertyeditor.h"

#include <QDoubleSpinBox>

#include <cmath>

namespace heiiki::ui {

namespace {
constexpr double kLowest = 0;
constexpr double kHighest = 4294967295.0; // ASNs are 32-bit
} // namespace

NumberPropertyEditor::NumberPropertyEditor(model::PropertySpec spec, QWidget *parent)
    : PropertyEditor(std::move(spec), parent)
    , m_spin(new QDoubleSpinBox(this))
{
    m_spin->setObjectName(QStringLiteral("field"));
    const bool integer = this->spec().type == model::PropertyType::Int;
    m_spin->setDecimals(integer ? 0 : 2);
    // The spec's limits where AWS sets them (ports, rule numbers, VLANs); one below the
    // lowest stands for "not set" when the property may be left unset.
    const double lowest = this->spec().minimum ? double(*this->spec().minimum) : kLowest;
    const double highest = this->spec().maximum ? double(*this->spec().maximum) : kHighest;
    m_spin->setRange(unsettable() ? lowest - 1 : lowest, highest);
    m_spin->setKeyboardTracking(false);
    m_spin->setGroupSeparatorShown(false);
    if (unsettable())
        m_spin->setSpecialValueText(tr("not set"));
    m_spin->setAlignment(Qt::AlignLeft);
    m_spin->setMaximumWidth(m_spin->fontMetrics().horizontalAdvance(QStringLiteral("0")) * 14 + 40);
    setField(m_spin);
    showValue({});
    connect(m_spin, &QDoubleSpinBox::editingFinished, this, &NumberPropertyEditor::finishEditing);
}

bool NumberPropertyEditor::unsettable() const
{
    return spec().defaultValue.is_null();
}

void NumberPropertyEditor::showValue(const heiiki::Json &value)
{
    const heiiki::Json &shown = value.is_null() ? spec().defaultValue : value;
    m_spin->blockSignals(true);
    m_spin->setValue(shown.is_number() ? shown.get<double>() : m_spin->minimum());
    m_spin->blockSignals(false);
}

void NumberPropertyEditor::finishEditing()
{
    const double v = m_spin->value();
    heiiki::Json value;
    if (!(unsettable() && v <= m_spin->minimum())) {
        if (spec().type == model::PropertyType::Int)
            value = static_cast<long long>(std::llround(v));
        else
            value = v;
    }
    // Showing the default is not setting it.
    if (value == spec().defaultValue && PropertyEditor::value().is_null())
        return;
    commit(value);
}

} // namespace heiiki::ui
