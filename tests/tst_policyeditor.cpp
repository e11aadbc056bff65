// The policy editor and the policies panel: live linting placed on the right line, invalid
// JSON never applied nor lost, one undo step per apply, and templates I–IV filled with the
// design's own accounts, role ARNs and endpoint ids.

#include "testsupport.h"

#include "ui/document/designdocument.h"
#include "ui/policyeditor/policiespanel.h"
#include "ui/policyeditor/policyeditor.h"
#include "ui/policyeditor/policylint.h"
#include "ui/policyeditor/policytemplates.h"
#include "ui/policyeditor/policytextedit.h"

#include "model/io/designfile.h"

#include <QApplication>
#include <QFocusEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeWidget>
#include <QUndoStack>

#include <memory>

/// JSON as text, for QCOMPARE (which cannot take heiiki::Json itself).
std::string dumped(const heiiki::Json &value)
{
    return value.dump();
}

using namespace heiiki;
using model::Id;

namespace {

const char *kPolicyI = "pol-i-operators-assume-role";
const char *kPolicyIII = "pol-iii-ssm-role-trust";

struct Fixture
{
    std::unique_ptr<ui::DesignDocument> document = std::make_unique<ui::DesignDocument>();
    std::unique_ptr<ui::PolicyEditor> editor;

    Fixture()
    {
        const QString path
            = tests::sourcePath(QStringLiteral("resources/samples/reference-tokyo.heiiki.json"));
        auto result = model::io::loadDesignFile(path.toStdString());
        if (!result.design)
            qFatal("cannot read the reference design");
        document->reset(std::move(*result.design), path);
        editor = std::make_unique<ui::PolicyEditor>(document.get());
        editor->resize(640, 560);
        editor->show();
    }
    int steps() const { return document->undoStack()->count(); }
    const model::PolicyDocument &policy(const char *id) const
    {
        return *document->design().policy(Id(id));
    }
    void setText(const QString &text) { editor->textEdit()->setPlainText(text); }
};

/// A policy whose Effect (line 6) is not Allow or Deny.
const char *kBadEffect = R"({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Bad",
            "Effect": "Permit",
            "Action": "sts:AssumeRole",
            "Resource": "*"
        }
    ]
})";

/// Not JSON: the comma after line 5's value is missing.
const char *kMissingComma = R"({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow"
            "Action": "sts:AssumeRole",
            "Resource": "*"
        }
    ]
})";

} // namespace

class TestPolicyEditor : public QObject
{
    Q_OBJECT

private slots:
    void showsThePolicy();
    void marksLintFindingsOnTheirLine();
    void lintsWhileTyping();
    void invalidJsonIsNeverApplied();
    void applyIsOneStep();
    void leavingTheFieldApplies();
    void followsUndo();
    void templatesAreFilledFromTheDesign_data();
    void templatesAreFilledFromTheDesign();
    void insertingATemplate();
    void highlightsJson();
    void panelAddsAndDeletes();
    void screenshot();
};

void TestPolicyEditor::showsThePolicy()
{
    Fixture f;
    f.editor->setPolicy(Id(kPolicyI));
    const auto parsed = heiiki::Json::parse(f.editor->textEdit()->toPlainText().toStdString());
    QCOMPARE(dumped(parsed), dumped(f.policy(kPolicyI).document));
    QVERIFY(!f.editor->isModified());
    QCOMPARE(f.editor->lintResult().errorCount(), 0);
}

void TestPolicyEditor::marksLintFindingsOnTheirLine()
{
    Fixture f;
    f.editor->setPolicy(Id(kPolicyI));
    f.setText(QString::fromLatin1(kBadEffect));
    f.editor->lintNow();
    const auto &result = f.editor->lintResult();
    QVERIFY(result.document);
    QVERIFY(result.errorCount() >= 1);
    const auto effect = std::find_if(
        result.findings.begin(), result.findings.end(), [](const ui::PolicyLintFinding &finding) {
            return finding.pointer == "/Statement/0/Effect";
        });
    QVERIFY(effect != result.findings.end());
    QCOMPARE(effect->line, 6);
    QCOMPARE(effect->column, 23);
    // The line is marked, and says why.
    QVERIFY(!f.editor->textEdit()->messagesAt(6).isEmpty());
    bool marked = false;
    for (const auto &selection : f.editor->textEdit()->extraSelections())
        if (selection.cursor.block().blockNumber() == 5
            && selection.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            marked = selection.cursor.selectedText().contains(QStringLiteral("Permit"));
    QVERIFY(marked);
    // Listed under the text with its line.
    auto *list = f.editor->findChild<QTreeWidget *>(QStringLiteral("lintFindings"));
    QVERIFY(!list->findItems(QStringLiteral("6"), Qt::MatchExactly, 0).isEmpty());
}

void TestPolicyEditor::lintsWhileTyping()
{
    Fixture f;
    f.editor->setPolicy(Id(kPolicyI));
    QSignalSpy linted(f.editor.get(), &ui::PolicyEditor::linted);
    f.setText(QString::fromLatin1(kBadEffect));
    QCOMPARE(linted.size(), 0); // not at every key
    QVERIFY(linted.wait(2000));
    QVERIFY(f.editor->lintResult().errorCount() >= 1);
}

void TestPolicyEditor::invalidJsonIsNeverApplied()
{
    Fixture f;
    f.editor->setPolicy(Id(kPolicyI));
    const heiiki::Json before = f.policy(kPolicyI).document;
    const int steps = f.steps();
    f.setText(QString::fromLatin1(kMissingComma));
    f.editor->lintNow();
    const auto &result = f.editor->lintResult();
    QVERIFY(!result.document);
    QCOMPARE(result.findings.size(), 1);
    QVERIFY(result.findings.front().syntax);
    QCOMPARE(result.findings.front().line, 6);
    QVERIFY(!f.editor->findChild<QPushButton *>(QStringLiteral("apply"))->isEnabled());
    QVERIFY(!f.editor->apply());
    QCOMPARE(f.steps(), steps);
    QCOMPARE(dumped(f.policy(kPolicyI).document), dumped(before));
    QCOMPARE(f.editor->textEdit()->toPlainText(), QString::fromLatin1(kMissingComma));

    // Opening another policy keeps the text; coming back shows it again.
    f.editor->setPolicy(Id(kPolicyIII));
    QCOMPARE(f.steps(), steps);
    f.editor->setPolicy(Id(kPolicyI));
    QCOMPARE(f.editor->textEdit()->toPlainText(), QString::fromLatin1(kMissingComma));
    QCOMPARE(dumped(f.policy(kPolicyI).document), dumped(before));
}

void TestPolicyEditor::applyIsOneStep()
{
    Fixture f;
    f.editor->setPolicy(Id(kPolicyI));
    const heiiki::Json before = f.policy(kPolicyI).document;
    QString text = f.editor->textEdit()->toPlainText();
    text.replace(QStringLiteral("AssumeTheCompanySsmRoleOnly"), QStringLiteral("Renamed"));
    f.setText(text);
    QVERIFY(f.editor->isModified());
    const int steps = f.steps();
    QTest::mouseClick(f.editor->findChild<QPushButton *>(QStringLiteral("apply")), Qt::LeftButton);
    QCOMPARE(f.steps(), steps + 1);
    QCOMPARE(dumped(f.policy(kPolicyI).document["Statement"][0]["Sid"]),
             dumped(heiiki::Json("Renamed")));
    QVERIFY(!f.editor->isModified());
    QVERIFY(!f.editor->apply() || f.steps() == steps + 1);
    f.document->undoStack()->undo();
    QCOMPARE(dumped(f.policy(kPolicyI).document), dumped(before));
}

void TestPolicyEditor::leavingTheFieldApplies()
{
    Fixture f;
    f.editor->setPolicy(Id(kPolicyI));
    QString text = f.editor->textEdit()->toPlainText();
    text.replace(QStringLiteral("AssumeTheCompanySsmRoleOnly"), QStringLiteral("OnLeave"));
    f.setText(text);
    const int steps = f.steps();
    QFocusEvent out(QEvent::FocusOut, Qt::TabFocusReason);
    QApplication::sendEvent(f.editor->textEdit(), &out);
    QCOMPARE(f.steps(), steps + 1);
    QCOMPARE(dumped(f.policy(kPolicyI).document["Statement"][0]["Sid"]),
             dumped(heiiki::Json("OnLeave")));

    // Not JSON: leaving changes nothing.
    f.setText(QString::fromLatin1(kMissingComma));
    QApplication::sendEvent(f.editor->textEdit(), &out);
    QCOMPARE(f.steps(), steps + 1);
}

void TestPolicyEditor::followsUndo()
{
    Fixture f;
    f.editor->setPolicy(Id(kPolicyI));
    QString text = f.editor->textEdit()->toPlainText();
    text.replace(QStringLiteral("AssumeTheCompanySsmRoleOnly"), QStringLiteral("Changed"));
    f.setText(text);
    QVERIFY(f.editor->apply());
    f.document->undoStack()->undo();
    QVERIFY(f.editor->textEdit()->toPlainText().contains(
        QStringLiteral("AssumeTheCompanySsmRoleOnly")));
    QVERIFY(!f.editor->isModified());
    f.document->undoStack()->redo();
    QVERIFY(f.editor->textEdit()->toPlainText().contains(QStringLiteral("Changed")));
}

void TestPolicyEditor::templatesAreFilledFromTheDesign_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("policy");
    QTest::newRow("I") << 0 << "pol-i-operators-assume-role";
    QTest::newRow("II") << 1 << "pol-ii-endpoint-company-only";
    QTest::newRow("III") << 2 << "pol-iii-ssm-role-trust";
    QTest::newRow("IV") << 3 << "pol-iv-ssm-role-start-session";
}

void TestPolicyEditor::templatesAreFilledFromTheDesign()
{
    QFETCH(int, index);
    QFETCH(QString, policy);
    Fixture f;
    const auto templates = ui::closedNetworkTemplates(f.document->design());
    QCOMPARE(templates.size(), 4);
    const auto &t = templates.at(index);
    // The same documents the reference design was written with, from its own values.
    const model::PolicyDocument &reference = f.policy(policy.toLatin1().constData());
    QCOMPARE(dumped(t.document), dumped(reference.document));
    QCOMPARE(int(t.type), int(reference.type));
    const auto result = ui::lintPolicyText(QString::fromStdString(t.document.dump(4)), t.type);
    QCOMPARE(result.errorCount(), 0);
}

void TestPolicyEditor::insertingATemplate()
{
    Fixture f;
    auto *panel = new ui::PoliciesPanel(f.document.get());
    std::unique_ptr<ui::PoliciesPanel> owner(panel);
    panel->newPolicy(model::PolicyType::Identity);
    const Id id = panel->currentPolicy();
    QVERIFY(!id.isNull());
    ui::PolicyEditor *editor = panel->editor();
    QCOMPARE(editor->policy(), id);
    const int steps = f.steps();
    editor->insertTemplate(ui::closedNetworkTemplates(f.document->design()).at(2)); // III
    const QString text = editor->textEdit()->toPlainText();
    QVERIFY(text.contains(QStringLiteral("arn:aws:iam::111111111111:root")));
    QVERIFY(text.contains(QStringLiteral("vpce-0a1b2c3d4e5f60003")));
    QVERIFY(!text.contains(QLatin1Char('<')));
    QCOMPARE(editor->lintResult().errorCount(), 0);
    QCOMPARE(f.steps(), steps); // in the field only, until applied
    QVERIFY(editor->apply());
    QCOMPARE(f.steps(), steps + 1);
    QCOMPARE(int(f.document->design().policy(id)->type), int(model::PolicyType::Trust));
    QCOMPARE(dumped(f.document->design().policy(id)->document),
             dumped(f.policy(kPolicyIII).document));
}

void TestPolicyEditor::highlightsJson()
{
    Fixture f;
    f.editor->setPolicy(Id(kPolicyI));
    const QTextBlock line = f.editor->textEdit()->document()->findBlockByNumber(1);
    QVERIFY(line.text().contains(QStringLiteral("\"Statement\"")));
    const auto formats = line.layout()->formats();
    QVERIFY(formats.size() >= 2); // the key and the punctuation at least
    QColor key;
    for (const auto &range : formats)
        if (range.start == line.text().indexOf(QLatin1Char('"')))
            key = range.format.foreground().color();
    QVERIFY(key.isValid());
    QVERIFY(key != f.editor->textEdit()->palette().color(QPalette::Text));
}

void TestPolicyEditor::panelAddsAndDeletes()
{
    Fixture f;
    ui::PoliciesPanel panel(f.document.get());
    auto *list = panel.list();
    const int policies = int(f.document->design().policies().size());
    QCOMPARE(list->topLevelItemCount(), policies);
    const int steps = f.steps();
    panel.newPolicy(model::PolicyType::Endpoint);
    QCOMPARE(f.steps(), steps + 1);
    QCOMPARE(list->topLevelItemCount(), policies + 1);
    QCOMPARE(int(f.document->design().policy(panel.currentPolicy())->type),
             int(model::PolicyType::Endpoint));

    // Deleting a policy takes its attachments with it, in one step.
    panel.selectPolicy(Id("pol-ii-endpoint-company-only"));
    QCOMPARE(panel.editor()->policy(), Id("pol-ii-endpoint-company-only"));
    const size_t links = f.document->design().links().size();
    panel.deleteCurrent();
    QCOMPARE(f.steps(), steps + 2);
    QVERIFY(!f.document->design().policy(Id("pol-ii-endpoint-company-only")));
    QCOMPARE(f.document->design().links().size(), links - 8);
    QVERIFY(panel.editor()->policy().isNull());
    f.document->undoStack()->undo();
    QCOMPARE(f.document->design().links().size(), links);
    QCOMPARE(list->topLevelItemCount(), policies + 1);
}

void TestPolicyEditor::screenshot()
{
    // Saved for a look when HEIIKI_SCREENSHOT_DIR is set.
    Fixture f;
    ui::PoliciesPanel panel(f.document.get());
    panel.resize(720, 820);
    panel.show();
    panel.selectPolicy(Id(kPolicyIII));
    QString text = panel.editor()->textEdit()->toPlainText();
    text.replace(QStringLiteral("\"Allow\""), QStringLiteral("\"Alow\""));
    text.replace(QStringLiteral("sts:AssumeRole"), QStringLiteral("sts:AssumeRoll"));
    panel.editor()->textEdit()->setPlainText(text);
    panel.editor()->lintNow();
    QApplication::processEvents();
    const QImage image = panel.grab().toImage();
    QVERIFY(!image.isNull());
    const QString dir = qEnvironmentVariable("HEIIKI_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(image.save(dir + QStringLiteral("/policies-panel.png")));
        panel.editor()->textEdit()->setPlainText(QString::fromLatin1(kMissingComma));
        panel.editor()->lintNow();
        QVERIFY(panel.grab().save(dir + QStringLiteral("/policies-syntax.png")));
    }
}

int main(int argc, char **argv)
{
    QApplication::setAttribute(Qt::AA_Use96Dpi);
    QApplication app(argc, argv);
    TestPolicyEditor test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_policyeditor.moc"
