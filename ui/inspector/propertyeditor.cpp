#include "propertyeditor.h"

#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace heiiki::ui {

PropertyEditor::PropertyEditor(model::PropertySpec spec, QWidget *parent)
    : QWidget(parent)
    , m_spec(std::move(spec))
    , m_layout(new QVBoxLayout(this))
    , m_refusal(new QLabel(this))
{
    setObjectName(QString::fromStdString(m_spec.name));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    m_refusal->setObjectName(QStringLiteral("refusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_refusal->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb3, 0x1b, 0x1b));
    m_refusal->setPalette(palette);
    QFont font = m_refusal->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    m_refusal->setFont(font);
    m_refusal->hide();
    m_layout->addWidget(m_refusal);
}

void PropertyEditor::setField(QWidget *field)
{
    m_layout->insertWidget(0, field);
    setFocusProxy(field);
}

void PropertyEditor::setValue(const heiiki::Json &value)
{
    if (value == m_value)
        return;
    m_value = value;
    clearRefusal();
    showValue(m_value);
}

void PropertyEditor::updateChoices(const model::Design &, const model::Id &) {}

QString PropertyEditor::refusal() const
{
    return m_reason;
}

void PropertyEditor::showRefusal(const QString &reason)
{
    m_reason = reason;
    m_refusal->setText(QStringLiteral("⚠ ") + reason);
    m_refusal->setToolTip(reason);
    m_refusal->show();
}

void PropertyEditor::clearRefusal()
{
    m_reason.clear();
    m_refusal->clear();
    m_refusal->hide();
}

bool PropertyEditor::commit(const heiiki::Json &value)
{
    if (value == m_value) {
        clearRefusal();
        return false;
    }
    if (m_validator) {
        const QString reason = m_validator(value);
        if (!reason.isEmpty()) {
            showRefusal(reason);
            return false;
        }
    }
    clearRefusal();
    m_value = value;
    emit valueEdited(value);
    return true;
}

} // namespace heiiki::ui
