#include "objectpage.h"

#include "designrefresolver.h"
#include "propertychoices.h"
#include "propertyeditor.h"
#include "propertyeditorfactory.h"

#include "ui/commands/editelementscommand.h"
#include "ui/document/designdocument.h"
#include "ui/kindicons.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUndoStack>
#include <QVBoxLayout>

namespace heiiki::ui {

using model::PropertyType;

namespace {

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 2);
    return label;
}

bool wide(PropertyType type)
{
    return type == PropertyType::Table;
}

} // namespace

ObjectPage::ObjectPage(DesignDocument *document, const model::Id &id, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_id(id)
    , m_isLink(!document->design().element(id) && document->design().link(id))
{
    build();
    refresh();
    updateChoices();
    updateFindings();
}

const std::vector<model::PropertySpec> &ObjectPage::specs() const
{
    static const std::vector<model::PropertySpec> none;
    const auto &catalogue = model::Catalogue::instance();
    if (const model::Element *e = m_document->design().element(m_id))
        return catalogue.info(e->kind).properties;
    if (const model::Link *l = m_document->design().link(m_id))
        return catalogue.info(l->kind).properties;
    return none;
}

heiiki::Json ObjectPage::properties() const
{
    if (const model::Element *e = m_document->design().element(m_id))
        return e->properties;
    if (const model::Link *l = m_document->design().link(m_id))
        return l->properties;
    return heiiki::Json::object();
}

QString ObjectPage::displayName() const
{
    const auto &design = m_document->design();
    if (const model::Element *e = design.element(m_id))
        return e->name.empty() ? QString::fromStdString(m_id.str())
                               : QString::fromStdString(e->name);
    if (const model::Link *l = design.link(m_id))
        return l->name.empty() ? QString::fromStdString(m_id.str())
                               : QString::fromStdString(l->name);
    return QString::fromStdString(m_id.str());
}

void ObjectPage::build()
{
    const auto &design = m_document->design();
    const auto &catalogue = model::Catalogue::instance();
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(10, 8, 10, 10);
    outer->setSpacing(6);

    // Header: icon, kind.
    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    QString kind;
    if (const model::Element *e = design.element(m_id)) {
        auto *icon = new QLabel(this);
        icon->setPixmap(kindIcon(e->kind).pixmap(32, 32));
        header->addWidget(icon);
        kind = kindLabel(catalogue.info(e->kind).label);
    } else if (const model::Link *l = design.link(m_id)) {
        kind = kindLabel(catalogue.info(l->kind).label);
    }
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    header->addWidget(m_title, 1);
    outer->addLayout(header);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(6);
    auto *idField = new QLineEdit(QString::fromStdString(m_id.str()), this);
    idField->setObjectName(QStringLiteral("id"));
    idField->setReadOnly(true);
    idField->setFrame(false);
    idField->setToolTip(tr("Ids are fixed once an object exists; other objects refer to it by "
                           "its id."));
    form->addRow(tr("Id:"), idField);
    auto *kindField = new QLabel(kind, this);
    kindField->setObjectName(QStringLiteral("kind"));
    form->addRow(tr("Kind:"), kindField);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    form->addRow(tr("Name:"), m_name);
    if (m_isLink) {
        m_ends = new QLabel(this);
        m_ends->setObjectName(QStringLiteral("ends"));
        m_ends->setWordWrap(true);
        form->addRow(tr("Joins:"), m_ends);
    }
    outer->addLayout(form);
    connect(m_name, &QLineEdit::editingFinished, this, &ObjectPage::nameEdited);

    if (!specs().empty())
        outer->addWidget(sectionLabel(tr("Properties"), this));
    auto *props = new QFormLayout;
    props->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    props->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    props->setHorizontalSpacing(10);
    props->setVerticalSpacing(8);
    for (const auto &spec : specs()) {
        PropertyEditor *editor = createPropertyEditor(spec, this);
        editor->setValidator(
            [this, spec](const heiiki::Json &value) { return refusal(spec, value); });
        connect(editor,
                &PropertyEditor::valueEdited,
                this,
                [this, spec](const heiiki::Json &value) { propertyEdited(spec, value); });
        editor->setToolTip(QString::fromStdString(spec.name));
        if (wide(spec.type)) {
            props->addRow(sectionLabel(propertyLabel(spec), this));
            props->addRow(editor);
        } else {
            auto *label = new QLabel(propertyLabel(spec) + QLatin1Char(':'), this);
            label->setWordWrap(true);
            label->setMaximumWidth(170);
            label->setBuddy(editor);
            props->addRow(label, editor);
        }
        m_editors.push_back(editor);
    }
    outer->addLayout(props);

    m_findings = new QLabel(this);
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setWordWrap(true);
    m_findings->setTextFormat(Qt::RichText);
    outer->addWidget(m_findings);
    outer->addStretch(1);
}

PropertyEditor *ObjectPage::editor(const QString &name) const
{
    for (auto *e : m_editors)
        if (QString::fromStdString(e->spec().name) == name)
            return e;
    return nullptr;
}

void ObjectPage::refresh()
{
    const auto &design = m_document->design();
    const auto &catalogue = model::Catalogue::instance();
    std::string name;
    QString kind;
    if (const model::Element *e = design.element(m_id)) {
        name = e->name;
        kind = kindLabel(catalogue.info(e->kind).label);
    } else if (const model::Link *l = design.link(m_id)) {
        name = l->name;
        kind = kindLabel(catalogue.info(l->kind).label);
        auto end = [&](const model::Id &id) {
            if (const model::Element *x = design.element(id))
                return nameAndId(x->name, x->id).toHtmlEscaped();
            if (const model::PolicyDocument *p = design.policy(id))
                return nameAndId(p->name, p->id).toHtmlEscaped();
            return QString::fromStdString(id.str()).toHtmlEscaped();
        };
        m_ends->setText(tr("%1 → %2").arg(end(l->from), end(l->to)));
    } else {
        return;
    }
    m_title->setText(QStringLiteral("<b style='font-size:large'>%1</b><br/>"
                                    "<span style='color:gray'>%2</span>")
                         .arg(displayName().toHtmlEscaped(), kind.toHtmlEscaped()));
    if (name != m_shownName || m_name->text().toStdString() != name) {
        if (!m_name->hasFocus() || name != m_shownName)
            m_name->setText(QString::fromStdString(name));
        m_shownName = name;
    }
    const heiiki::Json props = properties();
    for (auto *editor : m_editors)
        editor->setValue(props.value(editor->spec().name, heiiki::Json()));
}

void ObjectPage::updateChoices()
{
    for (auto *editor : m_editors)
        editor->updateChoices(m_document->design(), m_id);
    refresh();
}

void ObjectPage::updateFindings()
{
    QStringList lines;
    for (const model::Finding *f : m_document->findingsFor(m_id)) {
        const char *colour = f->severity == model::Severity::Error     ? "#b31b1b"
                             : f->severity == model::Severity::Warning ? "#a15c00"
                                                                       : "#44546a";
        lines << QStringLiteral("<li><b style='color:%1'>%2</b> %3</li>")
                     .arg(QLatin1String(colour),
                          QString::fromStdString(f->ruleId).toHtmlEscaped(),
                          QString::fromStdString(f->message).toHtmlEscaped());
    }
    if (lines.isEmpty()) {
        m_findings->clear();
        m_findings->hide();
        return;
    }
    m_findings->setText(QStringLiteral("<b>%1</b><ul style='margin-left:-20px'>%2</ul>")
                            .arg(tr("Findings").toHtmlEscaped(), lines.join(QString())));
    m_findings->show();
}

QString ObjectPage::refusal(const model::PropertySpec &spec, const heiiki::Json &value) const
{
    const auto &design = m_document->design();
    QString reason = refusalFor(design, spec, value);
    if (!reason.isEmpty())
        return reason;
    // An account element must name one of the design's accounts (the loader insists).
    const model::Element *e = design.element(m_id);
    if (e && e->kind == model::ElementKind::Account && spec.name == "accountId" && value.is_string()
        && !design.account(value.get<std::string>()))
        return tr("%1 is not one of the design's accounts; add it to the accounts in the "
                  "design settings first")
            .arg(QString::fromStdString(value.get<std::string>()));
    return {};
}

void ObjectPage::propertyEdited(const model::PropertySpec &spec, const heiiki::Json &value)
{
    const QString text = tr("Change %1 of %2").arg(propertyLabel(spec), displayName());
    auto apply = [&](heiiki::Json &props) {
        if (value.is_null())
            props.erase(spec.name);
        else
            props[spec.name] = value;
    };
    auto &design = m_document->design();
    if (const model::Element *e = design.element(m_id)) {
        model::Element after = *e;
        apply(after.properties);
        if (after.properties != e->properties)
            m_document->undoStack()->push(new EditElementsCommand(m_document, {*e}, {after}, text));
    } else if (const model::Link *l = design.link(m_id)) {
        model::Link after = *l;
        apply(after.properties);
        if (after.properties != l->properties)
            m_document->undoStack()->push(new EditLinkCommand(m_document, *l, after, text));
    }
    refresh();
}

void ObjectPage::nameEdited()
{
    const std::string name = m_name->text().toStdString();
    auto &design = m_document->design();
    if (const model::Element *e = design.element(m_id)) {
        if (e->name == name)
            return;
        model::Element after = *e;
        after.name = name;
        m_document->undoStack()->push(
            new EditElementsCommand(m_document, {*e}, {after}, tr("Rename %1").arg(displayName())));
    } else if (const model::Link *l = design.link(m_id)) {
        if (l->name == name)
            return;
        model::Link after = *l;
        after.name = name;
        m_document->undoStack()->push(
            new EditLinkCommand(m_document, *l, after, tr("Rename %1").arg(displayName())));
    }
}

} // namespace heiiki::ui
