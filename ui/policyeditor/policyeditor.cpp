#include "policyeditor.h"

#include "jsonhighlighter.h"
#include "policytemplates.h"
#include "policytextedit.h"
#include "policytypes.h"

#include "ui/commands/editelementscommand.h"
#include "ui/document/designdocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace heiiki::ui {

namespace {
constexpr int kLintDelayMs = 300;
constexpr int kLineRole = Qt::UserRole;
constexpr int kColumnRole = Qt::UserRole + 1;
} // namespace

PolicyEditor::PolicyEditor(DesignDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_name(new QLineEdit(this))
    , m_typeBox(new QComboBox(this))
    , m_templates(new QToolButton(this))
    , m_apply(new QPushButton(tr("Apply"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_text(new PolicyTextEdit(this))
    , m_status(new QLabel(this))
    , m_findings(new QTreeWidget(this))
    , m_lintTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("policyEditor"));
    m_name->setObjectName(QStringLiteral("policyName"));
    m_name->setPlaceholderText(tr("Policy name"));
    m_typeBox->setObjectName(QStringLiteral("policyType"));
    for (auto type : policyTypes())
        m_typeBox->addItem(policyTypeLabel(type), int(type));
    m_typeBox->setToolTip(tr("The kind of policy decides which elements it needs: trust, "
                             "resource and endpoint policies name a Principal."));
    m_templates->setObjectName(QStringLiteral("templates"));
    m_templates->setText(tr("Templates"));
    m_templates->setToolTip(tr("Replace the text with one of the closed-network policies, "
                               "filled with this design's accounts, roles and endpoints"));
    m_templates->setPopupMode(QToolButton::InstantPopup);
    m_templates->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(m_templates);
    m_templates->setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, &PolicyEditor::fillTemplateMenu);
    m_apply->setObjectName(QStringLiteral("apply"));
    m_apply->setToolTip(tr("Make the text the policy's document (also done when you leave "
                           "the text and it is valid JSON)"));
    m_revert->setObjectName(QStringLiteral("revert"));
    m_revert->setToolTip(tr("Drop the changes and show the policy as the design has it"));

    m_text->setObjectName(QStringLiteral("policyText"));
    new JsonHighlighter(m_text->document());
    m_status->setObjectName(QStringLiteral("lintStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_findings->setObjectName(QStringLiteral("lintFindings"));
    m_findings->setColumnCount(2);
    m_findings->setHeaderLabels({tr("Line"), tr("Problem")});
    m_findings->setRootIsDecorated(false);
    m_findings->setUniformRowHeights(true);
    m_findings->setWordWrap(false);
    m_findings->header()->setStretchLastSection(true);
    m_findings->header()->resizeSection(0, 70);

    auto *header = new QHBoxLayout;
    header->setSpacing(6);
    header->addWidget(m_name, 3);
    header->addWidget(m_typeBox, 2);
    header->addWidget(m_templates);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_text);
    splitter->addWidget(m_findings);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({360, 110});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    m_lintTimer->setSingleShot(true);
    m_lintTimer->setInterval(kLintDelayMs);
    connect(m_lintTimer, &QTimer::timeout, this, &PolicyEditor::lintNow);
    connect(m_text, &QPlainTextEdit::textChanged, this, &PolicyEditor::textChanged);
    connect(m_text, &PolicyTextEdit::focusLost, this, [this] {
        if (!m_policy.isNull() && isModified() && parsedText())
            apply();
    });
    connect(m_apply, &QPushButton::clicked, this, &PolicyEditor::apply);
    connect(m_revert, &QPushButton::clicked, this, &PolicyEditor::revert);
    connect(m_typeBox, &QComboBox::activated, this, &PolicyEditor::typeChosen);
    connect(m_name, &QLineEdit::editingFinished, this, &PolicyEditor::nameEdited);
    connect(m_findings, &QTreeWidget::itemActivated, this, &PolicyEditor::findingActivated);
    connect(m_findings, &QTreeWidget::itemClicked, this, &PolicyEditor::findingActivated);

    connect(document, &DesignDocument::policyChanged, this, &PolicyEditor::policyChanged);
    connect(document, &DesignDocument::policyRemoved, this, &PolicyEditor::policyRemoved);
    connect(document, &DesignDocument::designReset, this, [this] {
        m_drafts.clear();
        open(model::Id());
    });
    open(model::Id());
}

QString PolicyEditor::modelText() const
{
    const model::PolicyDocument *p = m_document->design().policy(m_policy);
    return p ? QString::fromStdString(p->document.dump(4)) : QString();
}

std::optional<heiiki::Json> PolicyEditor::parsedText() const
{
    try {
        return heiiki::Json::parse(m_text->toPlainText().toStdString());
    } catch (const heiiki::Json::parse_error &) {
        return std::nullopt;
    }
}

bool PolicyEditor::isModified() const
{
    const model::PolicyDocument *p = m_document->design().policy(m_policy);
    if (!p)
        return false;
    const auto parsed = parsedText();
    return !parsed || *parsed != p->document || m_type != p->type;
}

void PolicyEditor::setPolicy(const model::Id &id)
{
    if (id == m_policy)
        return;
    if (m_document->design().policy(m_policy) && isModified()) {
        if (parsedText())
            apply();
        else
            m_drafts.insert(QString::fromStdString(m_policy.str()), m_text->toPlainText());
    }
    open(id);
}

void PolicyEditor::open(const model::Id &id)
{
    const model::PolicyDocument *p = m_document->design().policy(id);
    m_policy = p ? id : model::Id();
    const bool shown = p != nullptr;
    for (QWidget *w : {static_cast<QWidget *>(m_name),
                       static_cast<QWidget *>(m_typeBox),
                       static_cast<QWidget *>(m_templates),
                       static_cast<QWidget *>(m_text),
                       static_cast<QWidget *>(m_findings)})
        w->setEnabled(shown);
    if (!p) {
        m_name->clear();
        m_text->setPlaceholderText(tr("Choose a policy document to edit it here."));
        load(QString());
        return;
    }
    m_text->setPlaceholderText(QString());
    m_name->setText(QString::fromStdString(p->name));
    m_type = m_syncedType = p->type;
    m_typeBox->setCurrentIndex(m_typeBox->findData(int(p->type)));
    m_synced = p->document;
    const QString key = QString::fromStdString(id.str());
    load(m_drafts.contains(key) ? m_drafts.take(key) : modelText());
}

void PolicyEditor::load(const QString &text)
{
    m_loading = true;
    m_text->setPlainText(text);
    m_loading = false;
    lintNow();
}

void PolicyEditor::policyChanged(const model::Id &id)
{
    if (id != m_policy)
        return;
    const model::PolicyDocument *p = m_document->design().policy(id);
    if (!p)
        return;
    if (!m_name->hasFocus())
        m_name->setText(QString::fromStdString(p->name));
    const auto parsed = parsedText();
    const bool inStep = parsed && *parsed == m_synced && m_type == m_syncedType;
    if (inStep) {
        // Nothing typed since the field was last in step: follow the design (undo, redo).
        m_type = p->type;
        m_typeBox->setCurrentIndex(m_typeBox->findData(int(p->type)));
        if (*parsed != p->document) {
            const int position = m_text->textCursor().position();
            const int scroll = m_text->verticalScrollBar()->value();
            load(QString::fromStdString(p->document.dump(4)));
            QTextCursor cursor = m_text->textCursor();
            cursor.setPosition(std::min(position, m_text->document()->characterCount() - 1));
            m_text->setTextCursor(cursor);
            m_text->verticalScrollBar()->setValue(scroll);
        }
    }
    m_synced = p->document;
    m_syncedType = p->type;
    updateState();
}

void PolicyEditor::policyRemoved(const model::Id &id)
{
    m_drafts.remove(QString::fromStdString(id.str()));
    if (id == m_policy)
        open(model::Id());
}

bool PolicyEditor::apply()
{
    const model::PolicyDocument *p = m_document->design().policy(m_policy);
    if (!p)
        return false;
    const auto parsed = parsedText();
    if (!parsed) {
        lintNow();
        return false;
    }
    m_drafts.remove(QString::fromStdString(m_policy.str()));
    if (*parsed == p->document && m_type == p->type)
        return true;
    model::PolicyDocument after = *p;
    after.document = *parsed;
    after.type = m_type;
    const QString name = QString::fromStdString(p->name.empty() ? p->id.str() : p->name);
    m_document->undoStack()->push(
        new EditPolicyCommand(m_document, *p, after, tr("Edit policy %1").arg(name)));
    updateState();
    return true;
}

void PolicyEditor::revert()
{
    const model::PolicyDocument *p = m_document->design().policy(m_policy);
    if (!p)
        return;
    m_drafts.remove(QString::fromStdString(m_policy.str()));
    m_type = m_syncedType = p->type;
    m_typeBox->setCurrentIndex(m_typeBox->findData(int(p->type)));
    m_synced = p->document;
    load(modelText());
}

void PolicyEditor::textChanged()
{
    if (m_loading)
        return;
    m_lintTimer->start();
    m_apply->setEnabled(true);
    m_revert->setEnabled(true);
}

void PolicyEditor::typeChosen(int index)
{
    m_type = static_cast<model::PolicyType>(m_typeBox->itemData(index).toInt());
    lintNow();
    if (parsedText())
        apply();
}

void PolicyEditor::nameEdited()
{
    const model::PolicyDocument *p = m_document->design().policy(m_policy);
    const std::string name = m_name->text().toStdString();
    if (!p || p->name == name)
        return;
    model::PolicyDocument after = *p;
    after.name = name;
    m_document->undoStack()->push(new EditPolicyCommand(
        m_document, *p, after, tr("Rename policy %1").arg(QString::fromStdString(p->name))));
}

void PolicyEditor::lintNow()
{
    m_lintTimer->stop();
    if (m_policy.isNull() && m_text->toPlainText().isEmpty())
        m_lint = {};
    else
        m_lint = lintPolicyText(m_text->toPlainText(), m_type);
    showLint();
    updateState();
    emit linted();
}

void PolicyEditor::showLint()
{
    m_findings->clear();
    QList<QTextEdit::ExtraSelection> selections;
    QMap<int, QStringList> messages;
    QList<int> errorLines;
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const auto &f : m_lint.findings) {
        auto *item = new QTreeWidgetItem(m_findings);
        item->setText(0,
                      f.syntax ? tr("%1:%2").arg(f.line).arg(f.column) : QString::number(f.line));
        item->setText(1, f.message);
        item->setToolTip(1,
                         f.pointer.empty() ? f.message
                                           : QStringLiteral("%1\n%2").arg(
                                               f.message, QString::fromStdString(f.pointer)));
        item->setIcon(0, f.warning ? warningIcon : errorIcon);
        item->setData(0, kLineRole, f.line);
        item->setData(0, kColumnRole, f.column);
        messages[f.line] << f.message;
        if (!f.warning)
            errorLines << f.line;

        const QTextBlock block = m_text->document()->findBlockByNumber(f.line - 1);
        if (!block.isValid())
            continue;
        const QColor colour = f.warning ? QColor(0xe0, 0x8a, 0x00) : QColor(0xc6, 0x28, 0x28);
        QTextEdit::ExtraSelection line;
        line.format.setBackground(f.warning ? QColor(0xff, 0xf6, 0xe5) : QColor(0xfd, 0xec, 0xea));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(block);
        selections << line;
        QTextEdit::ExtraSelection mark;
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(colour);
        mark.format.setToolTip(f.message);
        QTextCursor cursor(block);
        const int start = std::clamp(f.column - 1, 0, std::max(0, block.length() - 1));
        cursor.setPosition(block.position() + start);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        if (!cursor.hasSelection()) { // at the end of the line: mark the whole line
            cursor.movePosition(QTextCursor::StartOfBlock);
            cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        }
        mark.cursor = cursor;
        selections << mark;
    }
    m_text->setExtraSelections(selections);
    m_text->setLineMessages(messages, errorLines);
    m_findings->setVisible(!m_lint.findings.isEmpty() || !m_policy.isNull());
}

void PolicyEditor::updateState()
{
    const bool shown = m_document->design().policy(m_policy) != nullptr;
    const bool modified = shown && isModified();
    const bool parses = shown && m_lint.document.has_value();
    m_apply->setEnabled(modified && parses);
    m_revert->setEnabled(modified);
    QString text;
    QString colour = QStringLiteral("#2e7d32");
    if (!shown) {
        text = tr("No policy document is open.");
        colour = QStringLiteral("gray");
    } else if (!m_lint.document) {
        const auto &f = m_lint.findings.front();
        text = tr("Not valid JSON (line %1, column %2): it is kept here and not applied.")
                   .arg(f.line)
                   .arg(f.column);
        colour = QStringLiteral("#b31b1b");
    } else {
        const int errors = m_lint.errorCount();
        const int warnings = int(m_lint.findings.size()) - errors;
        if (errors == 0 && warnings == 0)
            text = tr("Valid policy: no problems found.");
        else
            text = tr("%n error(s)", "", errors) + QStringLiteral(", ")
                   + tr("%n warning(s)", "", warnings) + QLatin1Char('.');
        if (errors > 0)
            colour = QStringLiteral("#b31b1b");
        else if (warnings > 0)
            colour = QStringLiteral("#a15c00");
        if (modified)
            text += QStringLiteral(" ") + tr("Not applied yet.");
    }
    m_status->setText(
        QStringLiteral("<span style='color:%1'>%2</span>").arg(colour, text.toHtmlEscaped()));
}

void PolicyEditor::findingActivated(QTreeWidgetItem *item)
{
    const int line = item->data(0, kLineRole).toInt();
    const int column = item->data(0, kColumnRole).toInt();
    const QTextBlock block = m_text->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + std::clamp(column - 1, 0, block.length() - 1));
    m_text->setTextCursor(cursor);
    m_text->centerCursor();
    m_text->setFocus(Qt::OtherFocusReason);
}

void PolicyEditor::fillTemplateMenu()
{
    QMenu *menu = m_templates->menu();
    menu->clear();
    for (const auto &t : closedNetworkTemplates(m_document->design())) {
        QAction *action = menu->addAction(t.title);
        action->setToolTip(policyTypeLabel(t.type));
        connect(action, &QAction::triggered, this, [this, t] { insertTemplate(t); });
    }
}

void PolicyEditor::insertTemplate(const PolicyTemplate &policyTemplate)
{
    if (m_policy.isNull())
        return;
    // One edit of the field, so Ctrl+Z in the field brings the old text back.
    QTextCursor cursor(m_text->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(QString::fromStdString(policyTemplate.document.dump(4)));
    m_type = policyTemplate.type;
    m_typeBox->setCurrentIndex(m_typeBox->findData(int(m_type)));
    lintNow();
}

} // namespace heiiki::ui
