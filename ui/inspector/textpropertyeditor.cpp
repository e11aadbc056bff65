#include "textpropertyeditor.h"

#include <QLineEdit>

namespace heiiki::ui {

using model::PropertyType;

TextPropertyEditor::TextPropertyEditor(model::PropertySpec spec, QWidget *parent)
    : PropertyEditor(std::move(spec), parent)
    , m_edit(new QLineEdit(this))
{
    m_edit->setObjectName(QStringLiteral("field"));
    const auto &s = this->spec();
    if (s.defaultValue.is_string())
        m_edit->setPlaceholderText(QString::fromStdString(s.defaultValue.get<std::string>()));
    else if (s.type == PropertyType::Cidr)
        m_edit->setPlaceholderText(tr("e.g. 10.0.0.0/16"));
    else if (s.type == PropertyType::Address)
        m_edit->setPlaceholderText(tr("e.g. 10.0.1.10"));
    else if (s.type == PropertyType::RouteDestination)
        m_edit->setPlaceholderText(tr("a CIDR or a prefix list (pl-…)"));
    else if (s.type == PropertyType::AccountId)
        m_edit->setPlaceholderText(tr("12 digits"));
    setField(m_edit);
    connect(m_edit, &QLineEdit::editingFinished, this, &TextPropertyEditor::finishEditing);
}

void TextPropertyEditor::showValue(const heiiki::Json &value)
{
    const QString text
        = value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
    if (m_edit->text() != text)
        m_edit->setText(text);
}

void TextPropertyEditor::finishEditing()
{
    const QString text
        = spec().type == PropertyType::String ? m_edit->text() : m_edit->text().trimmed();
    commit(text.isEmpty() ? heiiki::Json() : heiiki::Json(text.toStdString()));
}

} // namespace heiiki::ui
