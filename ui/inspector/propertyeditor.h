#pragma once

#include "model/core/catalogue.h"
#include "model/core/id.h"

#include <QWidget>

#include "model/core/json.h"

#include <functional>

class QLabel;
class QVBoxLayout;

namespace heiiki::model {
class Design;
}

namespace heiiki::ui {

/// The editor of one property value, picked by the property's type (see
/// createPropertyEditor()). It shows a value, lets the user change it and, when an edit is
/// complete (Return, leaving the field, a choice, a row added), checks the new value with its
/// validator. A refused value is never announced: the reason is shown under the field and
/// what the user typed stays there to be corrected. An accepted one is announced with
/// valueEdited(); the owner turns it into one undo step.
class PropertyEditor : public QWidget
{
    Q_OBJECT

public:
    /// Says why \a value is refused, or returns an empty string to accept it.
    using Validator = std::function<QString(const heiiki::Json &value)>;

    explicit PropertyEditor(model::PropertySpec spec, QWidget *parent = nullptr);

    const model::PropertySpec &spec() const { return m_spec; }

    /// Shows \a value (null: unset, so the catalogue's default applies). Does nothing when the
    /// value is the one shown already, so a refresh keeps what the user is typing.
    void setValue(const heiiki::Json &value);
    /// The value shown (null when unset).
    const heiiki::Json &value() const { return m_value; }

    void setValidator(Validator validator) { m_validator = std::move(validator); }
    /// Refills the ids, regions or accounts the editor offers from \a design.
    virtual void updateChoices(const model::Design &design, const model::Id &owner);

    /// Why the last edit was refused, or an empty string.
    QString refusal() const;
    void showRefusal(const QString &reason);
    void clearRefusal();

signals:
    /// The user completed an edit and the validator accepted \a value (null: unset it).
    void valueEdited(const heiiki::Json &value);

protected:
    /// Puts \a field (the widget the user edits) into the editor, above the refusal line.
    void setField(QWidget *field);
    /// Shows \a value in the field.
    virtual void showValue(const heiiki::Json &value) = 0;
    /// Called by subclasses when the user completes an edit. Returns true when \a value was
    /// accepted (and announced); false when it is the value shown or was refused.
    bool commit(const heiiki::Json &value);
    /// Why the validator refuses \a value, or an empty string.
    QString check(const heiiki::Json &value) const
    {
        return m_validator ? m_validator(value) : QString();
    }
    /// Shows the value held again, dropping what the user entered.
    void revert() { showValue(m_value); }

private:
    model::PropertySpec m_spec;
    heiiki::Json m_value;
    Validator m_validator;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_refusal = nullptr;
    QString m_reason;
};

} // namespace heiiki::ui
