#include "designsettingspage.h"

#include "designrefresolver.h"
#include "listpropertyeditor.h"
#include "propertychoices.h"
#include "tablepropertyeditor.h"
#include "textpropertyeditor.h"

#include "model/core/regions.h"
#include "ui/commands/editdesigncommand.h"
#include "ui/document/designdocument.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QUndoStack>
#include <QVBoxLayout>

namespace heiiki::ui {

using model::PropertySpec;
using model::PropertyType;

namespace {

PropertySpec spec(const char *name, PropertyType type, const QString &label)
{
    PropertySpec s;
    s.name = name;
    s.type = type;
    s.label = label.toStdString();
    return s;
}

heiiki::Json toJson(const std::vector<std::string> &list)
{
    return list.empty() ? heiiki::Json() : heiiki::Json(list);
}

std::vector<std::string> toList(const heiiki::Json &value)
{
    std::vector<std::string> list;
    if (value.is_array())
        for (const auto &v : value)
            list.push_back(v.get<std::string>());
    return list;
}

QString duplicateIn(const heiiki::Json &list)
{
    QSet<QString> seen;
    for (const auto &v : list) {
        const QString s = QString::fromStdString(v.get<std::string>());
        if (seen.contains(s))
            return s;
        seen.insert(s);
    }
    return {};
}

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 2);
    return label;
}

} // namespace

DesignSettingsPage::DesignSettingsPage(DesignDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(10, 8, 10, 10);
    outer->setSpacing(6);
    auto *title = new QLabel(
        QStringLiteral("<b style='font-size:large'>%1</b>").arg(tr("Design settings")), this);
    title->setObjectName(QStringLiteral("title"));
    outer->addWidget(title);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    outer->addWidget(m_summary);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(8);

    m_name = new TextPropertyEditor(spec("name", PropertyType::String, tr("Name")), this);
    form->addRow(tr("Name:"), m_name);
    connect(m_name, &PropertyEditor::valueEdited, this, [this](const heiiki::Json &v) {
        DesignMeta meta = DesignMeta::of(m_document->design());
        meta.settings.name = v.is_string() ? v.get<std::string>() : std::string();
        push(meta, tr("Rename the design"));
    });

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 5 + 12);
    m_description->installEventFilter(this);
    form->addRow(tr("Description:"), m_description);

    m_organizationId = new TextPropertyEditor(
        spec("organizationId", PropertyType::String, tr("Organisation id")), this);
    m_organizationId->lineEdit()->setPlaceholderText(tr("o-… (optional)"));
    m_organizationId->setValidator([](const heiiki::Json &v) {
        static const QRegularExpression pattern(QStringLiteral("^o-[a-z0-9]{10,32}$"));
        if (v.is_string()
            && !pattern.match(QString::fromStdString(v.get<std::string>())).hasMatch())
            return tr("%1 is not an organisation id (o- and 10 to 32 lower-case letters or digits)")
                .arg(QString::fromStdString(v.get<std::string>()));
        return QString();
    });
    form->addRow(tr("Organisation id:"), m_organizationId);
    connect(m_organizationId, &PropertyEditor::valueEdited, this, [this](const heiiki::Json &v) {
        DesignMeta meta = DesignMeta::of(m_document->design());
        meta.settings.organizationId = v.is_string() ? v.get<std::string>() : std::string();
        push(meta, tr("Change the organisation id"));
    });

    m_regions = new ListPropertyEditor(
        spec("allowedRegions", PropertyType::StringList, tr("Allowed regions")), true, this);
    m_regions->entryField()->setPlaceholderText(tr("Add a region"));
    m_regions->setSuggestions(choicesFor(model::Design(), spec("", PropertyType::Region, {})));
    m_regions->setValidator([](const heiiki::Json &v) {
        for (const auto &entry : v)
            if (!model::findRegion(entry.get<std::string>()))
                return tr("%1 is not a region code Heiiki knows")
                    .arg(QString::fromStdString(entry.get<std::string>()));
        if (const QString twice = duplicateIn(v); !twice.isEmpty())
            return tr("%1 is listed already").arg(twice);
        return QString();
    });
    form->addRow(tr("Allowed regions:"), m_regions);
    connect(m_regions, &PropertyEditor::valueEdited, this, [this](const heiiki::Json &v) {
        DesignMeta meta = DesignMeta::of(m_document->design());
        meta.settings.allowedRegions = toList(v);
        push(meta, tr("Change the allowed regions"));
    });

    m_orgAccounts = new ListPropertyEditor(
        spec("organizationAccounts", PropertyType::StringList, tr("Organisation accounts")),
        true,
        this);
    m_orgAccounts->entryField()->setPlaceholderText(tr("Add an account id (12 digits)"));
    m_orgAccounts->setValidator([](const heiiki::Json &v) {
        for (const auto &entry : v)
            if (!model::isAccountId(entry.get<std::string>()))
                return tr("%1 is not an account id (12 digits)")
                    .arg(QString::fromStdString(entry.get<std::string>()));
        if (const QString twice = duplicateIn(v); !twice.isEmpty())
            return tr("%1 is listed already").arg(twice);
        return QString();
    });
    form->addRow(tr("Organisation accounts:"), m_orgAccounts);
    connect(m_orgAccounts, &PropertyEditor::valueEdited, this, [this](const heiiki::Json &v) {
        DesignMeta meta = DesignMeta::of(m_document->design());
        meta.settings.organizationAccounts = toList(v);
        push(meta, tr("Change the organisation accounts"));
    });
    outer->addLayout(form);

    PropertySpec table = spec("accounts", PropertyType::Table, tr("Accounts"));
    PropertySpec idColumn = spec("id", PropertyType::AccountId, tr("Account id"));
    idColumn.required = true;
    PropertySpec external = spec("external", PropertyType::Bool, tr("Outside the organisation"));
    external.defaultValue = false;
    table.columns = {idColumn, spec("name", PropertyType::String, tr("Name")), external};
    outer->addWidget(sectionLabel(tr("Accounts"), this));
    m_accounts = new TablePropertyEditor(table, this);
    m_accounts->setValidator([this](const heiiki::Json &v) { return accountsRefusal(v); });
    m_accounts->setRowFactory([this](const heiiki::Json &rows) {
        QSet<QString> taken;
        for (const auto &row : rows)
            taken.insert(QString::fromStdString(row.value("id", std::string())));
        long long n = 1;
        QString id;
        do
            id = QStringLiteral("%1").arg(n++, 12, 10, QLatin1Char('0'));
        while (taken.contains(id));
        return heiiki::Json{{"id", id.toStdString()}, {"name", tr("New account").toStdString()}};
    });
    outer->addWidget(m_accounts);
    connect(m_accounts, &PropertyEditor::valueEdited, this, [this](const heiiki::Json &v) {
        DesignMeta meta = DesignMeta::of(m_document->design());
        meta.accounts.clear();
        for (const auto &row : v) {
            model::Account account;
            account.id = row.value("id", std::string());
            account.name = row.value("name", std::string());
            account.external = row.value("external", false);
            meta.accounts.push_back(account);
        }
        push(meta, tr("Change the accounts"));
    });
    outer->addStretch(1);
    refresh();
}

QLineEdit *DesignSettingsPage::nameField() const
{
    return m_name->lineEdit();
}

void DesignSettingsPage::refresh()
{
    const model::Design &design = m_document->design();
    const auto &settings = design.settings();
    m_summary->setText(tr("%n element(s), ", "", int(design.elements().size()))
                       + tr("%n link(s), ", "", int(design.links().size()))
                       + tr("%n policy document(s), ", "", int(design.policies().size()))
                       + tr("%n flow(s)", "", int(design.flows().size())));
    m_name->setValue(settings.name.empty() ? heiiki::Json() : heiiki::Json(settings.name));
    const QString description = QString::fromStdString(settings.description);
    if (m_description->toPlainText() != description && !m_description->hasFocus())
        m_description->setPlainText(description);
    m_organizationId->setValue(settings.organizationId.empty()
                                   ? heiiki::Json()
                                   : heiiki::Json(settings.organizationId));
    m_regions->setValue(toJson(settings.allowedRegions));
    m_orgAccounts->setSuggestions(choicesFor(design, spec("", PropertyType::AccountId, {})));
    m_orgAccounts->setValue(toJson(settings.organizationAccounts));
    heiiki::Json rows = heiiki::Json::array();
    for (const auto &account : design.accounts()) {
        heiiki::Json row{{"id", account.id}};
        if (!account.name.empty())
            row["name"] = account.name;
        if (account.external)
            row["external"] = true;
        rows.push_back(row);
    }
    m_accounts->setValue(rows);
}

QString DesignSettingsPage::accountsRefusal(const heiiki::Json &value) const
{
    const model::Design &design = m_document->design();
    if (QString reason = refusalFor(design, m_accounts->spec(), value); !reason.isEmpty())
        return reason;
    QSet<QString> ids;
    for (const auto &row : value) {
        const QString id = QString::fromStdString(row.value("id", std::string()));
        if (ids.contains(id))
            return tr("Account %1 is listed twice").arg(id);
        ids.insert(id);
    }
    for (const auto &e : design.elements()) {
        if (e->kind != model::ElementKind::Account)
            continue;
        const auto &id = e->property("accountId");
        if (id.is_string() && !ids.contains(QString::fromStdString(id.get<std::string>())))
            return tr("Account %1 is used by the account element %2; change that first")
                .arg(QString::fromStdString(id.get<std::string>()), nameAndId(e->name, e->id));
    }
    return {};
}

bool DesignSettingsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_description && event->type() == QEvent::FocusOut)
        descriptionEdited();
    return QWidget::eventFilter(watched, event);
}

void DesignSettingsPage::descriptionEdited()
{
    const std::string text = m_description->toPlainText().toStdString();
    if (text == m_document->design().settings().description)
        return;
    DesignMeta meta = DesignMeta::of(m_document->design());
    meta.settings.description = text;
    push(meta, tr("Change the design's description"));
}

void DesignSettingsPage::push(const DesignMeta &meta, const QString &text)
{
    m_document->undoStack()->push(new EditDesignCommand(m_document, meta, text));
}

} // namespace heiiki::ui
