// The findings, scenarios and trace-path docks, on the shipped sample designs: what each
// lists, what the filters leave, and what a double-click or a trace asks the canvas to show.

#include "testsupport.h"

#include "ui/document/designdocument.h"
#include "ui/panels/findingsmodel.h"
#include "ui/panels/findingspanel.h"
#include "ui/panels/scenariospanel.h"
#include "ui/panels/tracepanel.h"

#include "model/io/designfile.h"
#include "model/network/pathengine.h"
#include "model/network/topology.h"
#include "model/query/pathquerytext.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>

using namespace heiiki;
using model::Id;

namespace {

const QString kInitial = QStringLiteral("resources/samples/initial-privatelink.heiiki.json");
const QString kReference = QStringLiteral("resources/samples/reference-tokyo.heiiki.json");

/// Validates the document's design and waits until the docks have the result.
bool validate(ui::DesignDocument &document)
{
    QSignalSpy validated(&document, &ui::DesignDocument::validated);
    document.waitForValidation();
    // A run may end just before waitForValidation() looks, with its result still on the way.
    return !validated.isEmpty() || validated.wait(10000);
}

/// Opens a sample in \a document and waits for its findings and scenarios.
bool open(ui::DesignDocument &document, const QString &sample)
{
    const QString path = tests::sourcePath(sample);
    auto loaded = model::io::loadDesignFile(path.toStdString());
    if (!loaded.design)
        return false;
    document.reset(std::move(*loaded.design), path);
    return validate(document);
}

/// The rule ids the table shows, top to bottom.
QStringList shownRules(const QTableView *table)
{
    QStringList rules;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        rules << table->model()->index(row, ui::FindingsModel::RuleColumn).data().toString();
    return rules;
}

QList<Id> toList(const std::vector<Id> &ids)
{
    return QList<Id>(ids.begin(), ids.end());
}

/// Where screenshots go, when HEIIKI_PANEL_SHOTS names a folder.
void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("HEIIKI_PANEL_SHOTS");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

/// The query `heiiki path` would run for a flow.
model::network::Query queryOf(const model::Design &design, const model::Flow &flow)
{
    model::network::Query query;
    query.from = flow.source;
    query.port = flow.port;
    query.protocol = flow.protocol;
    using Kind = model::FlowTarget::Kind;
    using TargetKind = model::network::Target::Kind;
    switch (flow.target.kind) {
    case Kind::Element:
        query.to = {TargetKind::Element, flow.target.value};
        break;
    case Kind::Domain:
        query.to = {TargetKind::Domain, flow.target.value};
        break;
    case Kind::Service:
        query.to = {TargetKind::Service, flow.target.value};
        break;
    case Kind::Cidr:
        query.to = {TargetKind::Cidr, flow.target.value};
        break;
    }
    Q_UNUSED(design)
    return query;
}

} // namespace

class TestPanels : public QObject
{
    Q_OBJECT

private slots:
    void findingsListsEveryFinding();
    void findingsFilter_data();
    void findingsFilter();
    void findingsSeverityToggles();
    void findingsDoubleClickSelectsAndFocuses();
    void findingsSelectionSurvivesRevalidation();
    void findingsShowFindingsFor();

    void scenariosListVerdicts_data();
    void scenariosListVerdicts();
    void scenariosHighlightAndFocus();

    void traceDeliversDeclaredFlows_data();
    void traceDeliversDeclaredFlows();
    void traceTypedTargets_data();
    void traceTypedTargets();
    void traceRefusesBadInput_data();
    void traceRefusesBadInput();
    void traceFromContextMenu();
    void traceFollowsTheDesign();
    void traceListsFollowElements();

    void rendersEveryPanel();
};

void TestPanels::findingsListsEveryFinding()
{
    ui::DesignDocument document;
    ui::FindingsPanel panel(&document);
    QVERIFY(open(document, kInitial));

    auto *table = panel.findChild<QTableView *>(QStringLiteral("findingsTable"));
    QVERIFY(table);
    // Errors first: the two region findings, then the two PrivateLink warnings.
    QCOMPARE(shownRules(table), (QStringList{"NET-011", "NET-011", "NET-012", "NET-012"}));
    const QAbstractItemModel *model = table->model();
    QCOMPARE(model->index(0, ui::FindingsModel::SeverityColumn).data().toString(),
             QStringLiteral("Error"));
    QCOMPARE(model->index(2, ui::FindingsModel::SeverityColumn).data().toString(),
             QStringLiteral("Warning"));
    QVERIFY(!model->index(0, ui::FindingsModel::SeverityColumn)
                 .data(Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    // The elements column names the elements, not their ids.
    bool namesServer = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString elements
            = model->index(row, ui::FindingsModel::ElementsColumn).data().toString();
        QVERIFY(!elements.isEmpty());
        namesServer = namesServer || elements.contains(QStringLiteral("Analysis server C"));
    }
    QVERIFY(namesServer);

    // The toggles count the findings by severity.
    QCOMPARE(panel.findChild<QToolButton *>(QStringLiteral("findingsShowErrors"))->text(),
             QStringLiteral("2"));
    QCOMPARE(panel.findChild<QToolButton *>(QStringLiteral("findingsShowWarnings"))->text(),
             QStringLiteral("2"));
    QCOMPARE(panel.findChild<QToolButton *>(QStringLiteral("findingsShowInfo"))->text(),
             QStringLiteral("0"));

    // Sorting by rule, descending, puts NET-012 first.
    table->sortByColumn(ui::FindingsModel::RuleColumn, Qt::DescendingOrder);
    QCOMPARE(shownRules(table), (QStringList{"NET-012", "NET-012", "NET-011", "NET-011"}));
}

void TestPanels::findingsFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("rules");

    QTest::newRow("everything") << QString()
                                << QStringList{"NET-011", "NET-011", "NET-012", "NET-012"};
    QTest::newRow("rule id") << QStringLiteral("NET-011") << QStringList{"NET-011", "NET-011"};
    QTest::newRow("ignores case") << QStringLiteral("net-012") << QStringList{"NET-012", "NET-012"};
    QTest::newRow("element id") << QStringLiteral("svc-av-saas")
                                << QStringList{"NET-011", "NET-012", "NET-012"};
    QTest::newRow("element name") << QStringLiteral("analysis server c") << QStringList{"NET-012"};
    QTest::newRow("message") << QStringLiteral("outside the allowed regions")
                             << QStringList{"NET-011", "NET-011"};
    QTest::newRow("fix") << QStringLiteral("allow-list of the home region")
                         << QStringList{"NET-012", "NET-012"};
    QTest::newRow("nothing") << QStringLiteral("mainframe") << QStringList{};
}

void TestPanels::findingsFilter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, rules);

    ui::DesignDocument document;
    ui::FindingsPanel panel(&document);
    QVERIFY(open(document, kInitial));
    auto *search = panel.findChild<QLineEdit *>(QStringLiteral("findingsFilter"));
    auto *table = panel.findChild<QTableView *>(QStringLiteral("findingsTable"));
    QVERIFY(search && table);
    QVERIFY(!search->placeholderText().isEmpty());

    QTest::keyClicks(search, text);
    QCOMPARE(shownRules(table), rules);
    if (rules.isEmpty()) {
        auto *detail = panel.findChild<QTextBrowser *>(QStringLiteral("findingDetail"));
        QVERIFY(detail->toPlainText().contains(QStringLiteral("No finding matches")));
    }

    search->clear();
    QCOMPARE(table->model()->rowCount(), 4);
}

void TestPanels::findingsSeverityToggles()
{
    ui::DesignDocument document;
    ui::FindingsPanel panel(&document);
    QVERIFY(open(document, kInitial));
    auto *table = panel.findChild<QTableView *>(QStringLiteral("findingsTable"));
    auto *errors = panel.findChild<QToolButton *>(QStringLiteral("findingsShowErrors"));
    auto *warnings = panel.findChild<QToolButton *>(QStringLiteral("findingsShowWarnings"));

    errors->click();
    QVERIFY(!panel.isSeverityShown(model::Severity::Error));
    QCOMPARE(shownRules(table), (QStringList{"NET-012", "NET-012"}));
    warnings->click();
    QCOMPARE(shownRules(table), QStringList{});
    errors->click();
    QCOMPARE(shownRules(table), (QStringList{"NET-011", "NET-011"}));

    // Filter text and severity together.
    panel.setSeverityShown(model::Severity::Warning, true);
    QVERIFY(warnings->isChecked());
    panel.setFilterText(QStringLiteral("flow"));
    QCOMPARE(shownRules(table), (QStringList{"NET-012", "NET-012"}));
}

void TestPanels::findingsDoubleClickSelectsAndFocuses()
{
    ui::DesignDocument document;
    ui::FindingsPanel panel(&document);
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(open(document, kInitial));
    auto *table = panel.findChild<QTableView *>(QStringLiteral("findingsTable"));
    QSignalSpy focus(&panel, &ui::FindingsPanel::focusRequested);
    QSignalSpy selection(&document, &ui::DesignDocument::selectionChanged);

    // Double-click the third row: the first NET-012 warning.
    const QModelIndex index = table->model()->index(2, ui::FindingsModel::MessageColumn);
    const QPoint centre = table->visualRect(index).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);

    const auto finding = panel.currentFinding();
    QVERIFY(finding);
    QCOMPARE(QString::fromStdString(finding->ruleId), QStringLiteral("NET-012"));
    const QList<Id> expected = toList(finding->elements);
    QVERIFY(expected.contains(Id("svc-av-saas")));
    QCOMPARE(document.selection(), expected);
    QCOMPARE(selection.size(), 1);
    QCOMPARE(focus.size(), 1);
    QCOMPARE(focus.at(0).at(0).value<QList<Id>>(), expected);

    // The detail says why, what to do, and where in the file.
    auto *detail = panel.findChild<QTextBrowser *>(QStringLiteral("findingDetail"));
    const QString text = detail->toPlainText();
    QVERIFY2(text.contains(QString::fromStdString(finding->message)), qPrintable(text));
    QVERIFY(!finding->fix.empty());
    QVERIFY2(text.contains(QString::fromStdString(finding->fix)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("/flows/")), qPrintable(text));

    // Enter on the first row does the same for the region finding.
    document.setSelection({});
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(focus.size(), 2);
    QCOMPARE(document.selection(), toList(panel.currentFinding()->elements));
    QCOMPARE(panel.currentFinding()->ruleId, std::string("NET-011"));
}

void TestPanels::findingsSelectionSurvivesRevalidation()
{
    ui::DesignDocument document;
    ui::FindingsPanel panel(&document);
    QVERIFY(open(document, kInitial));
    auto *table = panel.findChild<QTableView *>(QStringLiteral("findingsTable"));
    table->selectRow(3);
    const auto before = panel.currentFinding();
    QVERIFY(before);

    // A change no rule cares about still revalidates; the same finding stays current.
    model::Design &design = document.design();
    design.settings().description += " (reviewed)";
    design.notifyDesignChanged("settings");
    QVERIFY(validate(document));
    QCOMPARE(table->model()->rowCount(), 4);
    QVERIFY(panel.currentFinding());
    QCOMPARE(*panel.currentFinding(), *before);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(table->selectionModel()->selectedRows().first().row(), 3);

    // A new design clears it.
    QVERIFY(open(document, kReference));
    QVERIFY(!panel.currentFinding());
}

void TestPanels::findingsShowFindingsFor()
{
    ui::DesignDocument document;
    ui::FindingsPanel panel(&document);
    QVERIFY(open(document, kInitial));
    panel.setFilterText(QStringLiteral("NET-011"));

    // The finding is hidden by the filter: the filter gives way.
    QVERIFY(panel.showFindingsFor(Id("ec2-analysis-c")));
    QVERIFY(panel.filterText().isEmpty());
    QCOMPARE(panel.currentFinding()->ruleId, std::string("NET-012"));
    QVERIFY(!panel.showFindingsFor(Id("no-such-element")));
}

void TestPanels::scenariosListVerdicts_data()
{
    QTest::addColumn<QString>("sample");
    QTest::newRow("reference") << kReference;
    QTest::newRow("initial") << kInitial;
}

void TestPanels::scenariosListVerdicts()
{
    QFETCH(QString, sample);
    ui::DesignDocument document;
    ui::ScenariosPanel panel(&document);
    QVERIFY(open(document, sample));

    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("scenariosList"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 5);
    const auto &scenarios = document.scenarios();
    QCOMPARE(scenarios.size(), size_t(5));
    for (int i = 0; i < 5; ++i) {
        const QTreeWidgetItem *item = list->topLevelItem(i);
        QCOMPARE(item->text(0), QStringLiteral("SCN-00%1").arg(i + 1));
        QCOMPARE(item->text(1), QString::fromStdString(scenarios[size_t(i)].title));
        QVERIFY(!item->text(1).isEmpty());
        QVERIFY(!item->icon(2).isNull());
        QCOMPARE(item->text(3), QString::fromStdString(scenarios[size_t(i)].control));
        // Both samples stop every attack, in green.
        QCOMPARE(item->text(2), QStringLiteral("Blocked"));
        QVERIFY(item->foreground(2).color().green() > item->foreground(2).color().red());
    }
    auto *summary = panel.findChild<QLabel *>(QStringLiteral("scenariosSummary"));
    QCOMPARE(summary->text(), QStringLiteral("All 5 attacks are blocked."));
}

void TestPanels::scenariosHighlightAndFocus()
{
    ui::DesignDocument document;
    ui::ScenariosPanel panel(&document);
    panel.resize(700, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(open(document, kReference));
    QSignalSpy highlight(&panel, &ui::ScenariosPanel::pathHighlightRequested);
    QSignalSpy focus(&panel, &ui::ScenariosPanel::focusRequested);
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("scenariosList"));

    // SCN-004: someone on the internet. Its elements, in order, are highlighted.
    const model::ScenarioResult &internet = document.scenarios().at(3);
    QCOMPARE(internet.id, std::string("SCN-004"));
    const QRect rect = list->visualItemRect(list->topLevelItem(3));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(panel.currentScenario(), QStringLiteral("SCN-004"));
    const QList<Id> path = toList(internet.elements);
    if (path.isEmpty()) {
        QCOMPARE(highlight.size(), 0); // nothing to highlight, nothing was highlighted
    } else {
        QCOMPARE(highlight.size(), 1);
        QCOMPARE(highlight.at(0).at(0).value<QList<Id>>(), path);
    }
    auto *detail = panel.findChild<QTextBrowser *>(QStringLiteral("scenarioDetail"));
    QVERIFY(detail->toPlainText().contains(QString::fromStdString(internet.detail)));
    QVERIFY(detail->toPlainText().contains(QString::fromStdString(internet.control)));

    // Find a scenario with elements, select it, double-click it.
    int withElements = -1;
    for (int i = 0; i < 5 && withElements < 0; ++i)
        if (!document.scenarios().at(size_t(i)).elements.empty())
            withElements = i;
    QVERIFY(withElements >= 0);
    const QList<Id> elements = toList(document.scenarios().at(size_t(withElements)).elements);
    highlight.clear();
    const QRect other = list->visualItemRect(list->topLevelItem(withElements));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, other.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, other.center());
    QCOMPARE(focus.size(), 1);
    QCOMPARE(focus.at(0).at(0).value<QList<Id>>(), elements);
    if (withElements != 3 || path.isEmpty())
        QCOMPARE(highlight.last().at(0).value<QList<Id>>(), elements);

    // Revalidation keeps the selection and does not highlight again.
    highlight.clear();
    document.design().notifyDesignChanged("settings");
    QVERIFY(validate(document));
    QCOMPARE(panel.currentScenario(),
             QString::fromStdString(document.scenarios().at(size_t(withElements)).id));
    QCOMPARE(highlight.size(), 0);

    // Clearing the selection clears the highlight.
    list->clearSelection();
    QCOMPARE(highlight.size(), 1);
    QVERIFY(highlight.at(0).at(0).value<QList<Id>>().isEmpty());
}

void TestPanels::traceDeliversDeclaredFlows_data()
{
    QTest::addColumn<QString>("flow");
    auto loaded = model::io::loadDesignFile(tests::sourcePath(kReference).toStdString());
    QVERIFY(loaded.design);
    for (const model::Flow &flow : loaded.design->flows())
        if (flow.mustSucceed && flow.via.empty())
            QTest::newRow(flow.id.str().c_str()) << QString::fromStdString(flow.id.str());
}

void TestPanels::traceDeliversDeclaredFlows()
{
    QFETCH(QString, flow);
    ui::DesignDocument document;
    ui::TracePanel panel(&document);
    QVERIFY(open(document, kReference));
    QSignalSpy highlight(&panel, &ui::TracePanel::pathHighlightRequested);

    // The flow picker fills the fields and traces.
    QVERIFY(panel.setFlow(Id(flow.toStdString())));
    const auto &result = panel.result();
    QVERIFY(result);
    const auto &flows = document.design().flows();
    const model::Flow &declared = *std::find_if(flows.begin(), flows.end(), [&](const auto &f) {
        return f.id.str() == flow.toStdString();
    });
    QVERIFY2(result->delivered, result->explanation.c_str());
    QVERIFY(!result->hops.empty());

    // The same verdict and hops as `heiiki path` gives.
    const model::network::Topology topology(document.design());
    const auto expected
        = model::network::PathEngine(topology).trace(queryOf(document.design(), declared));
    QCOMPARE(result->delivered, expected.delivered);
    QCOMPARE(result->hops.size(), expected.hops.size());
    for (size_t i = 0; i < expected.hops.size(); ++i) {
        QCOMPARE(result->hops[i].element, expected.hops[i].element);
        QCOMPARE(result->hops[i].action, expected.hops[i].action);
    }

    // The verdict and every hop are on screen.
    auto *verdict = panel.findChild<QLabel *>(QStringLiteral("traceVerdictText"));
    QCOMPARE(verdict->text(), QStringLiteral("Delivered"));
    auto *hops = panel.findChild<QTreeWidget *>(QStringLiteral("traceHops"));
    QCOMPARE(hops->topLevelItemCount(), int(expected.hops.size()));
    QCOMPARE(hops->topLevelItem(0)->data(1, Qt::UserRole).toString(),
             QString::fromStdString(expected.hops.front().element.str()));
    QCOMPARE(hops->topLevelItem(0)->text(2), QString::fromStdString(expected.hops.front().action));

    // The canvas is asked to highlight the hops, in order.
    QCOMPARE(highlight.size(), 1);
    const QList<Id> ids = highlight.at(0).at(0).value<QList<Id>>();
    QCOMPARE(ids.first(), expected.hops.front().element);
    QCOMPARE(ids.last(), expected.hops.back().element);
    QVERIFY(ids.contains(declared.source));
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("traceToError"))->isHidden());
}

void TestPanels::traceTypedTargets_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("port");

    // The declared S3 flow, typed as on the command line.
    QTest::newRow("service") << "ec2-analysis-a"
                             << "s3" << 443;
    QTest::newRow("prefixed service") << "ec2-analysis-a"
                                      << "service:s3" << 443;
    QTest::newRow("domain") << "ec2-analysis-a"
                            << "agents.jp-1.av-saas.example.com" << 443;
    QTest::newRow("element id") << "corp-dc"
                                << "ec2-analysis-a" << 443;
    QTest::newRow("internet inwards") << "internet"
                                      << "ec2-analysis-a" << 22;
    QTest::newRow("address") << "ec2-analysis-a"
                             << "8.8.8.8" << 53;
}

void TestPanels::traceTypedTargets()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, port);

    ui::DesignDocument document;
    ui::TracePanel panel(&document);
    QVERIFY(open(document, kReference));
    if (from == QLatin1String("internet"))
        panel.setFromInternet();
    else
        panel.setFrom(Id(from.toStdString()));
    auto *toField = panel.findChild<QComboBox *>(QStringLiteral("traceTo"));
    panel.setToText(to);
    panel.setPort(port);
    QTest::keyClick(toField->lineEdit(), Qt::Key_Return);

    // The same answer as the engine gives to the command line's reading of the text.
    QVERIFY(panel.result());
    model::network::Query query;
    QVERIFY(model::readPathSource(document.design(), from.toStdString(), query));
    const model::PathTarget target = model::readPathTarget(document.design(), to.toStdString());
    QVERIFY(target.ok());
    query.to = target.target;
    query.port = port;
    const model::network::Topology topology(document.design());
    const auto expected = model::network::PathEngine(topology).trace(query);
    QCOMPARE(panel.result()->delivered, expected.delivered);
    QCOMPARE(int(panel.result()->reason), int(expected.reason));
    QCOMPARE(panel.result()->hops.size(), expected.hops.size());
    QCOMPARE(panel.result()->explanation, expected.explanation);

    auto *verdict = panel.findChild<QLabel *>(QStringLiteral("traceVerdictText"));
    QCOMPARE(verdict->text().startsWith(QStringLiteral("Delivered")), expected.delivered);
    if (from == QLatin1String("internet"))
        QVERIFY(!expected.delivered); // the reference design lets nobody in
}

void TestPanels::traceRefusesBadInput_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("message");

    QTest::newRow("bad CIDR") << "10.0.0.0/33"
                              << "is not a valid CIDR";
    QTest::newRow("bad address in CIDR") << "10.0.300.0/24"
                                         << "is not a valid CIDR";
    QTest::newRow("unknown target") << "mainframe"
                                    << "is not an element, a CIDR, a domain";
    QTest::newRow("nothing") << ""
                             << "Say where the traffic goes";
}

void TestPanels::traceRefusesBadInput()
{
    QFETCH(QString, to);
    QFETCH(QString, message);

    ui::DesignDocument document;
    ui::TracePanel panel(&document);
    QVERIFY(open(document, kReference));
    QSignalSpy highlight(&panel, &ui::TracePanel::pathHighlightRequested);

    // A good trace first, so that a refused one is seen to clear it.
    panel.setFrom(Id("ec2-analysis-a"));
    panel.setToText(QStringLiteral("s3"));
    QVERIFY(panel.trace());
    QCOMPARE(highlight.size(), 1);

    panel.setToText(to);
    auto *button = panel.findChild<QPushButton *>(QStringLiteral("traceButton"));
    QSignalSpy clicked(button, &QPushButton::clicked);
    button->click();
    QCOMPARE(clicked.size(), 1);
    QVERIFY(!panel.result());

    auto *error = panel.findChild<QLabel *>(QStringLiteral("traceToError"));
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    if (!to.isEmpty())
        QVERIFY2(error->text().contains(to), qPrintable(error->text()));
    QVERIFY(panel.findChild<QWidget *>(QStringLiteral("traceVerdict"))->isHidden());
    QCOMPARE(panel.findChild<QTreeWidget *>(QStringLiteral("traceHops"))->topLevelItemCount(), 0);
    QCOMPARE(highlight.size(), 2);
    QVERIFY(highlight.at(1).at(0).value<QList<Id>>().isEmpty());

    // Editing the field takes the message away; typed text stays as typed.
    auto *toField = panel.findChild<QComboBox *>(QStringLiteral("traceTo"));
    QTest::keyClicks(toField->lineEdit(), QStringLiteral("x"));
    QVERIFY(error->isHidden());
    QCOMPARE(toField->currentText(), to + QStringLiteral("x"));
}

void TestPanels::traceFromContextMenu()
{
    ui::DesignDocument document;
    ui::TracePanel panel(&document);
    QVERIFY(open(document, kReference));
    auto *from = panel.findChild<QComboBox *>(QStringLiteral("traceFrom"));
    auto *to = panel.findChild<QComboBox *>(QStringLiteral("traceTo"));

    // Sources: the internet and the elements that open connections, as "name (id)".
    QCOMPARE(from->itemData(0).toString(), QStringLiteral("internet"));
    QVERIFY(from->findData(QStringLiteral("ec2-analysis-a")) > 0);
    QVERIFY(from->findData(QStringLiteral("corp-dc")) > 0);
    QVERIFY(from->findData(QStringLiteral("operator")) > 0);
    for (const model::Flow &flow : document.design().flows())
        QVERIFY2(from->findData(QString::fromStdString(flow.source.str())) >= 0,
                 flow.source.str().c_str());
    const QString server = from->itemText(from->findData(QStringLiteral("ec2-analysis-a")));
    QVERIFY2(server.endsWith(QStringLiteral(" (ec2-analysis-a)")), qPrintable(server));

    panel.setFrom(Id("corp-dc"));
    QCOMPARE(from->currentData().toString(), QStringLiteral("corp-dc"));
    panel.setTo(Id("ec2-analysis-a"));
    QCOMPARE(to->currentText(), server);
    panel.setPort(443);
    QVERIFY(panel.trace());
    QVERIFY2(panel.result()->delivered, panel.result()->explanation.c_str());
    QCOMPARE(panel.result()->hops.back().element, Id("ec2-analysis-a"));

    // A name typed alone, when it is unique, means that element.
    const model::Element *element = document.design().element(Id("ec2-analysis-a"));
    panel.setToText(QString::fromStdString(element->name));
    QVERIFY(panel.trace());
    QCOMPARE(panel.result()->hops.back().element, Id("ec2-analysis-a"));

    // Double-clicking a hop asks the canvas to show it.
    QSignalSpy focus(&panel, &ui::TracePanel::focusRequested);
    auto *hops = panel.findChild<QTreeWidget *>(QStringLiteral("traceHops"));
    panel.resize(600, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const QRect rect = hops->visualItemRect(hops->topLevelItem(0));
    QTest::mouseClick(hops->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(hops->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(focus.size(), 1);
    QCOMPARE(focus.at(0).at(0).value<QList<Id>>(), QList<Id>{panel.result()->hops[0].element});
}

void TestPanels::traceFollowsTheDesign()
{
    ui::DesignDocument document;
    ui::TracePanel panel(&document);
    QVERIFY(open(document, kReference));
    panel.setFrom(Id("ec2-analysis-a"));
    panel.setToText(QStringLiteral("s3"));
    QVERIFY(panel.trace());
    QVERIFY(panel.result()->delivered);

    // Renaming the server renames it in the lists; the fields keep their choice.
    model::Element renamed = *document.design().element(Id("ec2-analysis-a"));
    renamed.name = "Renamed server";
    document.design().replaceElement(renamed);
    QVERIFY(validate(document));
    QCoreApplication::processEvents();
    auto *from = panel.findChild<QComboBox *>(QStringLiteral("traceFrom"));
    QCOMPARE(from->currentText(), QStringLiteral("Renamed server (ec2-analysis-a)"));
    QVERIFY(panel.result());

    // A new design forgets the trace.
    QSignalSpy highlight(&panel, &ui::TracePanel::pathHighlightRequested);
    QVERIFY(open(document, kInitial));
    QVERIFY(!panel.result());
    QCOMPARE(highlight.size(), 1);
    QVERIFY(highlight.at(0).at(0).value<QList<Id>>().isEmpty());
}

void TestPanels::traceListsFollowElements()
{
    ui::DesignDocument document;
    ui::TracePanel panel(&document);
    QVERIFY(open(document, kReference));
    panel.setFrom(Id("ec2-analysis-a"));
    auto *from = panel.findChild<QComboBox *>(QStringLiteral("traceFrom"));
    QCOMPARE(from->currentData().toString(), QStringLiteral("ec2-analysis-a"));
    // Elements added and removed come and go in the lists at their places: the lists are
    // those a panel built afresh shows.
    const auto entries = [](const ui::TracePanel &p, const char *name) {
        QStringList list;
        const auto *combo = p.findChild<QComboBox *>(QLatin1String(name));
        for (int i = 0; i < combo->count(); ++i)
            list << combo->itemText(i) + QLatin1Char('|') + combo->itemData(i).toString();
        return list;
    };
    model::Element added = *document.design().element(Id("ec2-analysis-a"));
    added.id = Id("ec2-added");
    added.name = "Added server";
    document.design().addElement(added);
    model::Element endpoint = *document.design().element(Id("endpoint-op-ssm"));
    endpoint.id = Id("vpce-added");
    endpoint.name = "A added endpoint";
    document.design().addElement(endpoint);
    document.design().removeElement(Id("ec2-analysis-c"));
    QCoreApplication::processEvents();
    {
        ui::TracePanel fresh(&document);
        fresh.setFrom(Id("ec2-analysis-a"));
        QCOMPARE(entries(panel, "traceFrom"), entries(fresh, "traceFrom"));
        QCOMPARE(entries(panel, "traceTo"), entries(fresh, "traceTo"));
    }
    QVERIFY(entries(panel, "traceFrom").contains(QStringLiteral("Added server (ec2-added)|ec2-added")));
    QCOMPARE(from->currentText(), QStringLiteral("Analysis server A (ec2-analysis-a)"));
    // The chosen source goes: another one is chosen, and the lists stay whole.
    document.design().removeElement(Id("ec2-analysis-a"));
    QCoreApplication::processEvents();
    QVERIFY(from->currentIndex() >= 0);
    QVERIFY(from->currentData().toString() != QStringLiteral("ec2-analysis-a"));
    QVERIFY(!entries(panel, "traceFrom").join(QLatin1Char(' ')).contains(QLatin1String("ec2-analysis-a")));

}

void TestPanels::rendersEveryPanel()
{
    ui::DesignDocument document;
    QVERIFY(open(document, kInitial));
    ui::FindingsPanel findings(&document);
    findings.resize(820, 420);
    findings.findChild<QTableView *>(QStringLiteral("findingsTable"))->selectRow(2);
    ui::ScenariosPanel scenarios(&document);
    scenarios.resize(640, 440);
    scenarios.selectScenario(QStringLiteral("SCN-002"));
    ui::TracePanel trace(&document);
    trace.resize(520, 560);
    QVERIFY(trace.setFlow(Id("flow-av-agent-a")));

    for (QWidget *panel : {static_cast<QWidget *>(&findings),
                           static_cast<QWidget *>(&scenarios),
                           static_cast<QWidget *>(&trace)}) {
        panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel));
        const QImage image = panel->grab().toImage();
        QCOMPARE(image.size(), panel->size());
        // Something is drawn beyond a flat background.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 8);
    }
    saveShot(&findings, QStringLiteral("findings"));
    saveShot(&scenarios, QStringLiteral("scenarios"));
    saveShot(&trace, QStringLiteral("trace"));

    // A stopped trace, and a refused one.
    trace.setFromInternet();
    trace.setTo(Id("ec2-analysis-a"));
    trace.setPort(22);
    QVERIFY(trace.trace());
    QVERIFY(!trace.result()->delivered);
    saveShot(&trace, QStringLiteral("trace-stopped"));
    trace.setToText(QStringLiteral("10.0.0.0/33"));
    QVERIFY(!trace.trace());
    saveShot(&trace, QStringLiteral("trace-refused"));
}

int main(int argc, char **argv)
{
    QApplication::setAttribute(Qt::AA_Use96Dpi);
    QApplication app(argc, argv);
    TestPanels test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_panels.moc"
