#include "choicepropertyeditor.h"

#include <QComboBox>
#include <QLineEdit>

namespace heiiki::ui {

using model::PropertyType;

ChoicePropertyEditor::ChoicePropertyEditor(model::PropertySpec spec, QWidget *parent)
    : PropertyEditor(std::move(spec), parent)
    , m_combo(new QComboBox(this))
{
    m_combo->setObjectName(QStringLiteral("field"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(12);
    m_combo->setMaxVisibleItems(20);
    const bool editable = this->spec().type == PropertyType::AccountId;
    m_combo->setEditable(editable);
    if (editable) {
        m_combo->setInsertPolicy(QComboBox::NoInsert);
        m_combo->lineEdit()->setPlaceholderText(tr("12 digits"));
        connect(
            m_combo->lineEdit(), &QLineEdit::editingFinished, this, &ChoicePropertyEditor::typed);
    }
    setField(m_combo);
    if (this->spec().type == PropertyType::Enum) {
        Choices choices;
        for (const auto &v : this->spec().enumValues)
            choices.append({QString::fromStdString(v), QString::fromStdString(v)});
        setChoices(choices);
    } else if (this->spec().type == PropertyType::Region) {
        setChoices(choicesFor(model::Design(), this->spec()));
    } else {
        setChoices({});
    }
    connect(m_combo, &QComboBox::activated, this, &ChoicePropertyEditor::chosen);
}

bool ChoicePropertyEditor::mayUnset() const
{
    return spec().defaultValue.is_null() && spec().type != PropertyType::AccountId;
}

void ChoicePropertyEditor::updateChoices(const model::Design &design, const model::Id &owner)
{
    if (spec().type == PropertyType::Ref || spec().type == PropertyType::AccountId)
        setChoices(choicesFor(design, spec(), owner));
}

void ChoicePropertyEditor::setChoices(const Choices &choices)
{
    m_choices = choices;
    const QString typed = m_combo->isEditable() ? m_combo->currentText() : QString();
    const bool typing = m_combo->isEditable() && m_combo->lineEdit()->hasFocus();
    m_combo->blockSignals(true);
    m_combo->clear();
    if (mayUnset())
        m_combo->addItem(tr("(none)"), QString());
    for (const auto &c : m_choices)
        m_combo->addItem(c.text, c.value);
    m_combo->blockSignals(false);
    showValue(value());
    if (typing)
        m_combo->setEditText(typed);
}

void ChoicePropertyEditor::showValue(const heiiki::Json &value)
{
    const heiiki::Json &shown = value.is_null() ? spec().defaultValue : value;
    const QString v
        = shown.is_string() ? QString::fromStdString(shown.get<std::string>()) : QString();
    m_combo->blockSignals(true);
    int index = m_combo->findData(v);
    if (index < 0 && !v.isEmpty() && !m_combo->isEditable()) {
        // A value that is not among the choices (yet): show it rather than another one.
        m_combo->addItem(v, v);
        index = m_combo->count() - 1;
    }
    m_combo->setCurrentIndex(index);
    if (m_combo->isEditable())
        m_combo->setEditText(index >= 0 ? m_combo->itemText(index) : v);
    m_combo->blockSignals(false);
}

void ChoicePropertyEditor::chosen(int index)
{
    if (m_combo->isEditable() && m_combo->currentText() != m_combo->itemText(index)) {
        typed(); // Return in the text field, not a choice from the list
        return;
    }
    const QString v = m_combo->itemData(index).toString();
    if (!commit(v.isEmpty() ? heiiki::Json() : heiiki::Json(v.toStdString())))
        if (refusal().isEmpty())
            revert();
}

void ChoicePropertyEditor::typed()
{
    const QString text = m_combo->currentText().trimmed();
    const QString v = choiceValue(m_choices, text);
    commit(v.isEmpty() ? heiiki::Json() : heiiki::Json(v.toStdString()));
}

} // namespace heiiki::ui
