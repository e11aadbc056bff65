// The inspector: what it shows for the selection, and that every edit is one undo step that
// the model accepts, while bad values are refused with a reason and never reach the model.

#include "testsupport.h"

#include "ui/commands/editelementscommand.h"
#include "ui/document/designdocument.h"
#include "ui/inspector/boolpropertyeditor.h"
#include "ui/inspector/choicepropertyeditor.h"
#include "ui/inspector/designsettingspage.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/inspector/listpropertyeditor.h"
#include "ui/inspector/numberpropertyeditor.h"
#include "ui/inspector/objectpage.h"
#include "ui/inspector/reflistpropertyeditor.h"
#include "ui/inspector/tablecelldelegate.h"
#include "ui/inspector/tablepropertyeditor.h"
#include "ui/inspector/textpropertyeditor.h"

#include "model/core/regions.h"
#include "model/io/designfile.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
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

const QString kReference = QStringLiteral("resources/samples/reference-tokyo.heiiki.json");

/// A document holding the reference design, and an inspector on it.
struct Fixture
{
    std::unique_ptr<ui::DesignDocument> document = std::make_unique<ui::DesignDocument>();
    std::unique_ptr<ui::InspectorWidget> inspector;

    Fixture()
    {
        const QString path = tests::sourcePath(kReference);
        auto result = model::io::loadDesignFile(path.toStdString());
        if (!result.design)
            qFatal("cannot read the reference design");
        document->reset(std::move(*result.design), path);
        inspector = std::make_unique<ui::InspectorWidget>(document.get());
        inspector->resize(420, 900);
        inspector->show();
    }

    void select(const char *id) { document->setSelection({Id(id)}); }
    int steps() const { return document->undoStack()->count(); }
    const model::Element &element(const char *id) const
    {
        return *document->design().element(Id(id));
    }
    template<typename T> T *editor(const char *name) const
    {
        return qobject_cast<T *>(inspector->propertyEditor(QString::fromLatin1(name)));
    }
};

/// Types \a text into \a field and presses Return, as a user completes an edit.
void typeAndReturn(QLineEdit *field, const QString &text)
{
    field->setFocus();
    field->selectAll();
    field->setText(text);
    QTest::keyClick(field, Qt::Key_Return);
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT

private slots:
    void showsDesignSettingsWithoutSingleSelection();
    void showsTheSelectedElement();
    void renamingIsOneUndoStep();
    void badCidrIsRefused_data();
    void badCidrIsRefused();
    void goodCidrIsOneStep();
    void listEntryIsCheckedBeforeItIsAdded();
    void addingARouteIsOneStep();
    void badTableCellIsRefused();
    void asnOutsideThePrivateRangesIsRefused();
    void clearingAPropertyUnsetsIt();
    void accountIdMustBeADesignAccount();
    void refreshesInPlaceOnUndo();
    void editsALink();
    void referencesStayInTheOwnersVpc();
    void designSettingsEdits();
    void screenshot();
};

void TestInspector::showsDesignSettingsWithoutSingleSelection()
{
    Fixture f;
    QVERIFY(f.inspector->settingsPage());
    QCOMPARE(f.inspector->settingsPage()->nameField()->text(),
             QStringLiteral("Closed-network analysis platform (Tokyo)"));
    f.document->setSelection({Id("vpc-workload"), Id("vpc-inspection")});
    QVERIFY(f.inspector->settingsPage());
    QVERIFY(f.inspector->shownId().isNull());
}

void TestInspector::showsTheSelectedElement()
{
    Fixture f;
    f.select("subnet-work-a-private");
    ui::ObjectPage *page = f.inspector->objectPage();
    QVERIFY(page);
    QCOMPARE(page->nameField()->text(), QStringLiteral("Analysis servers A"));
    // One editor per catalogue property, each of its type.
    QVERIFY(f.editor<ui::TextPropertyEditor>("cidr"));
    QCOMPARE(f.editor<ui::TextPropertyEditor>("cidr")->lineEdit()->text(),
             QStringLiteral("10.20.1.0/24"));
    QCOMPARE(f.editor<ui::ChoicePropertyEditor>("role")->comboBox()->currentText(),
             QStringLiteral("private"));
    QVERIFY(!f.editor<ui::BoolPropertyEditor>("mapPublicIp")->checkBox()->isChecked());
    auto *routes = f.editor<ui::TablePropertyEditor>("routes");
    QVERIFY(routes);
    QCOMPARE(routes->tableWidget()->rowCount(), 2);
    // References read "name (id)".
    QVERIFY(routes->tableWidget()->item(0, 1)->text().endsWith(QStringLiteral("(tgw-tokyo)")));
}

void TestInspector::renamingIsOneUndoStep()
{
    Fixture f;
    f.select("vpc-workload");
    const int before = f.steps();
    QLineEdit *name = f.inspector->objectPage()->nameField();
    typeAndReturn(name, QStringLiteral("Analysis VPC"));
    QCOMPARE(f.steps(), before + 1);
    QCOMPARE(f.element("vpc-workload").name, std::string("Analysis VPC"));
    // Leaving the field afterwards adds nothing.
    emit name->editingFinished();
    QCOMPARE(f.steps(), before + 1);

    f.document->undoStack()->undo();
    QCOMPARE(f.element("vpc-workload").name, std::string("Workload VPC (analysis)"));
    QCOMPARE(name->text(), QStringLiteral("Workload VPC (analysis)"));
}

void TestInspector::badCidrIsRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("prefix too long") << "10.0.0.0/33"
                                     << "prefix length must be 0 to 32";
    QTest::newRow("host bits") << "10.20.1.5/24"
                               << "host bits are set";
    QTest::newRow("no prefix") << "10.20.1.0"
                               << "missing '/prefix'";
    QTest::newRow("not an address") << "ten/8"
                                    << "not an IPv4 or IPv6 address";
}

void TestInspector::badCidrIsRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    Fixture f;
    f.select("subnet-work-a-private");
    auto *cidr = f.editor<ui::TextPropertyEditor>("cidr");
    const int before = f.steps();
    typeAndReturn(cidr->lineEdit(), text);
    QCOMPARE(f.steps(), before);
    QCOMPARE(dumped(f.element("subnet-work-a-private").properties.at("cidr")),
             dumped(heiiki::Json("10.20.1.0/24")));
    QVERIFY2(cidr->refusal().contains(reason), qPrintable(cidr->refusal()));
    QVERIFY(cidr->refusal().contains(text));
    // What the user typed stays, to be corrected.
    QCOMPARE(cidr->lineEdit()->text(), text);
    QVERIFY(cidr->findChild<QWidget *>(QStringLiteral("refusal"))->isVisibleTo(cidr));
}

void TestInspector::goodCidrIsOneStep()
{
    Fixture f;
    f.select("subnet-work-a-private");
    auto *cidr = f.editor<ui::TextPropertyEditor>("cidr");
    typeAndReturn(cidr->lineEdit(), QStringLiteral("10.0.0.0/33"));
    QVERIFY(!cidr->refusal().isEmpty());
    const int before = f.steps();
    typeAndReturn(cidr->lineEdit(), QStringLiteral("10.20.3.0/24"));
    QCOMPARE(f.steps(), before + 1);
    QVERIFY(cidr->refusal().isEmpty());
    QCOMPARE(dumped(f.element("subnet-work-a-private").properties.at("cidr")),
             dumped(heiiki::Json("10.20.3.0/24")));
}

void TestInspector::listEntryIsCheckedBeforeItIsAdded()
{
    Fixture f;
    f.select("vpc-workload");
    auto *cidrs = f.editor<ui::ListPropertyEditor>("cidrs");
    QVERIFY(cidrs);
    QCOMPARE(cidrs->listWidget()->count(), 1);
    const int before = f.steps();
    cidrs->entryField()->setText(QStringLiteral("10.21.0.0/33"));
    cidrs->addEntry();
    QCOMPARE(f.steps(), before);
    QVERIFY2(cidrs->refusal().contains(QStringLiteral("10.21.0.0/33")),
             qPrintable(cidrs->refusal()));
    QCOMPARE(f.element("vpc-workload").properties.at("cidrs").size(), size_t(1));

    cidrs->entryField()->setText(QStringLiteral("10.21.0.0/16"));
    QTest::mouseClick(cidrs->findChild<QToolButton *>(QStringLiteral("add")), Qt::LeftButton);
    QCOMPARE(f.steps(), before + 1);
    QCOMPARE(dumped(f.element("vpc-workload").properties.at("cidrs")),
             dumped(heiiki::Json({"10.20.0.0/16", "10.21.0.0/16"})));
    QCOMPARE(cidrs->listWidget()->count(), 2);
    QVERIFY(cidrs->entryField()->text().isEmpty());
}

void TestInspector::addingARouteIsOneStep()
{
    Fixture f;
    f.select("subnet-work-a-private");
    auto *routes = f.editor<ui::TablePropertyEditor>("routes");
    const int before = f.steps();
    QTest::mouseClick(routes->findChild<QToolButton *>(QStringLiteral("addRow")), Qt::LeftButton);
    QCOMPARE(f.steps(), before + 1);
    const auto &rows = f.element("subnet-work-a-private").properties.at("routes");
    QCOMPARE(rows.size(), size_t(3));
    // The new row has every required column, so the design stays loadable.
    QVERIFY(rows[2].contains("destination"));
    QVERIFY(rows[2].contains("target"));
    QCOMPARE(routes->tableWidget()->rowCount(), 3);

    // Removing it is one step too.
    routes->tableWidget()->setCurrentCell(2, 0);
    routes->removeSelectedRows();
    QCOMPARE(f.steps(), before + 2);
    QCOMPARE(f.element("subnet-work-a-private").properties.at("routes").size(), size_t(2));
    f.document->undoStack()->undo();
    f.document->undoStack()->undo();
    QCOMPARE(f.element("subnet-work-a-private").properties.at("routes").size(), size_t(2));
    QCOMPARE(routes->tableWidget()->rowCount(), 2);
}

void TestInspector::badTableCellIsRefused()
{
    Fixture f;
    f.select("subnet-work-a-private");
    auto *routes = f.editor<ui::TablePropertyEditor>("routes");
    const heiiki::Json before = f.element("subnet-work-a-private").properties;
    const int steps = f.steps();
    routes->editCell(
        0, 0, ui::TableCellDelegate::parseCell(routes->column(0), QStringLiteral("10.0.0.0/33")));
    QCOMPARE(f.steps(), steps);
    QCOMPARE(dumped(f.element("subnet-work-a-private").properties), dumped(before));
    QVERIFY2(routes->refusal().startsWith(QStringLiteral("Row 1, Destination")),
             qPrintable(routes->refusal()));
    // The cell shows the value the design has.
    QCOMPARE(routes->tableWidget()->item(0, 0)->text(), QStringLiteral("0.0.0.0/0"));

    routes->editCell(0, 0, QStringLiteral("10.99.0.0/16").toStdString());
    QCOMPARE(f.steps(), steps + 1);
    QCOMPARE(
        dumped(f.element("subnet-work-a-private").properties.at("routes")[0].at("destination")),
        dumped(heiiki::Json("10.99.0.0/16")));
    QVERIFY(routes->refusal().isEmpty());

    // A port past 65535 is refused with the range AWS allows.
    f.select("sg-work-analysis");
    auto *inbound = f.editor<ui::TablePropertyEditor>("inbound");
    int fromPort = -1;
    for (int c = 0; c < inbound->tableWidget()->columnCount(); ++c)
        if (inbound->column(c).name == "fromPort")
            fromPort = c;
    QVERIFY(fromPort >= 0);
    const int portSteps = f.steps();
    inbound->editCell(0, fromPort,
                      ui::TableCellDelegate::parseCell(inbound->column(fromPort), QStringLiteral("70000")));
    QCOMPARE(f.steps(), portSteps);
    QVERIFY2(inbound->refusal().contains(QStringLiteral("-1 to 65535")), qPrintable(inbound->refusal()));
}

void TestInspector::asnOutsideThePrivateRangesIsRefused()
{
    // AWS takes a private ASN on its side: 64512 to 65534 or 4200000000 to 4294967294. The
    // field accepts the span, and a number in the gap is refused with both ranges named.
    Fixture f;
    f.select("tgw-tokyo");
    auto *asn = f.editor<ui::NumberPropertyEditor>("asn");
    auto *spin = asn->spinBox();
    const int steps = f.steps();
    const auto before = dumped(f.element("tgw-tokyo").properties);
    spin->setValue(70000);
    emit spin->editingFinished();
    QCOMPARE(f.steps(), steps);
    QCOMPARE(dumped(f.element("tgw-tokyo").properties), before);
    QVERIFY2(asn->refusal().contains(QStringLiteral("64512 to 65534 or 4200000000 to 4294967294")),
             qPrintable(asn->refusal()));

    spin->setValue(4200000001.0);
    emit spin->editingFinished();
    QCOMPARE(f.steps(), steps + 1);
    QCOMPARE(f.element("tgw-tokyo").properties.at("asn").get<long long>(), 4200000001LL);
    QVERIFY(asn->refusal().isEmpty());
}

void TestInspector::clearingAPropertyUnsetsIt()
{
    Fixture f;
    f.select("iam-role-ssm");
    auto *roleName = f.editor<ui::TextPropertyEditor>("roleName");
    typeAndReturn(roleName->lineEdit(), QString());
    QVERIFY(!f.element("iam-role-ssm").properties.contains("roleName"));
    // Back to the catalogue's default: the path's "/" shows as the placeholder.
    auto *path = f.editor<ui::TextPropertyEditor>("path");
    typeAndReturn(path->lineEdit(), QString());
    QVERIFY(!f.element("iam-role-ssm").properties.contains("path"));
    QCOMPARE(dumped(f.element("iam-role-ssm").property("path")), dumped(heiiki::Json("/")));
    QCOMPARE(path->lineEdit()->placeholderText(), QStringLiteral("/"));
}

void TestInspector::accountIdMustBeADesignAccount()
{
    Fixture f;
    f.select("account-a");
    auto *account = f.editor<ui::ChoicePropertyEditor>("accountId");
    QVERIFY(account);
    QCOMPARE(account->comboBox()->count(), 3);
    const int before = f.steps();
    QLineEdit *typed = account->comboBox()->lineEdit();
    typeAndReturn(typed, QStringLiteral("12345"));
    QCOMPARE(f.steps(), before);
    QVERIFY2(account->refusal().contains(QStringLiteral("12 digits")),
             qPrintable(account->refusal()));
    typeAndReturn(typed, QStringLiteral("333333333333"));
    QCOMPARE(f.steps(), before);
    QVERIFY2(account->refusal().contains(QStringLiteral("not one of the design's accounts")),
             qPrintable(account->refusal()));
    account->comboBox()->setCurrentIndex(1);
    emit account->comboBox()->activated(1);
    QCOMPARE(f.steps(), before + 1);
    QCOMPARE(dumped(f.element("account-a").properties.at("accountId")),
             dumped(heiiki::Json("222222222222")));
}

void TestInspector::refreshesInPlaceOnUndo()
{
    Fixture f;
    f.select("vpc-workload");
    ui::ObjectPage *page = f.inspector->objectPage();
    auto *cidrs = f.editor<ui::ListPropertyEditor>("cidrs");
    model::Element before = f.element("vpc-workload");
    model::Element after = before;
    after.properties["cidrs"] = {"10.20.0.0/16", "10.22.0.0/16"};
    after.name = "Renamed elsewhere";
    f.document->undoStack()->push(
        new ui::EditElementsCommand(f.document.get(), {before}, {after}, QStringLiteral("x")));
    // The same page and editors, showing the new values.
    QCOMPARE(f.inspector->objectPage(), page);
    QCOMPARE(f.editor<ui::ListPropertyEditor>("cidrs"), cidrs);
    QCOMPARE(cidrs->listWidget()->count(), 2);
    QCOMPARE(page->nameField()->text(), QStringLiteral("Renamed elsewhere"));
    f.document->undoStack()->undo();
    QCOMPARE(cidrs->listWidget()->count(), 1);
    QCOMPARE(page->nameField()->text(), QStringLiteral("Workload VPC (analysis)"));
}

void TestInspector::editsALink()
{
    Fixture f;
    Id attachment;
    for (const auto &l : f.document->design().links())
        if (l->kind == model::LinkKind::TgwAttachment) {
            attachment = l->id;
            break;
        }
    QVERIFY(!attachment.isNull());
    f.document->setSelection({attachment});
    QVERIFY(f.inspector->objectPage()->isLink());
    auto *appliance = f.editor<ui::BoolPropertyEditor>("applianceMode");
    const bool was = appliance->checkBox()->isChecked();
    const int before = f.steps();
    appliance->checkBox()->click();
    QCOMPARE(f.steps(), before + 1);
    QCOMPARE(dumped(f.document->design().link(attachment)->property("applianceMode")),
             dumped(heiiki::Json(!was)));
    f.document->undoStack()->undo();
    QCOMPARE(appliance->checkBox()->isChecked(), was);
}

// AWS lets an instance use only its own VPC's security groups, and a network ACL cover only
// its own VPC's subnets: the inspector offers nothing else.
void TestInspector::referencesStayInTheOwnersVpc()
{
    Fixture f;
    auto offered = [&](const char *property) {
        QStringList ids;
        auto *editor = f.editor<ui::RefListPropertyEditor>(property);
        if (!editor)
            return ids;
        for (int i = 0; i < editor->listWidget()->count(); ++i)
            ids << editor->listWidget()->item(i)->data(Qt::UserRole).toString();
        return ids;
    };
    f.select("ec2-analysis-a");
    QCOMPARE(offered("securityGroups"),
             (QStringList{"sg-work-endpoints", "sg-work-analysis"}));
    f.select("nacl-op-endpoints");
    const QStringList subnets = offered("subnets");
    QVERIFY(!subnets.isEmpty());
    for (const QString &id : subnets)
        QCOMPARE(f.document->design().ancestor(Id(id.toStdString()), model::ElementKind::Vpc)->id,
                 Id("vpc-operator"));
}

void TestInspector::designSettingsEdits()
{
    Fixture f;
    ui::DesignSettingsPage *page = f.inspector->settingsPage();
    QVERIFY(page);
    const int before = f.steps();

    ui::ListPropertyEditor *regions = page->allowedRegions();
    regions->entryField()->setText(QStringLiteral("xx-nowhere-1"));
    regions->addEntry();
    QCOMPARE(f.steps(), before);
    QVERIFY(regions->refusal().contains(QStringLiteral("xx-nowhere-1")));
    regions->entryField()->setText(QStringLiteral("us-east-1"));
    regions->addEntry();
    QCOMPARE(f.steps(), before + 1);
    QCOMPARE(f.document->design().settings().allowedRegions.back(), std::string("us-east-1"));

    // An account that an account element uses cannot go.
    ui::TablePropertyEditor *accounts = page->accounts();
    QCOMPARE(accounts->tableWidget()->rowCount(), 3);
    accounts->tableWidget()->setCurrentCell(0, 0);
    accounts->removeSelectedRows();
    QCOMPARE(f.steps(), before + 1);
    QVERIFY2(accounts->refusal().contains(QStringLiteral("111111111111")),
             qPrintable(accounts->refusal()));
    QCOMPARE(f.document->design().accounts().size(), size_t(3));

    // A new account is one step, with an id of its own.
    QTest::mouseClick(accounts->findChild<QToolButton *>(QStringLiteral("addRow")), Qt::LeftButton);
    QCOMPARE(f.steps(), before + 2);
    QCOMPARE(f.document->design().accounts().size(), size_t(4));
    QVERIFY(model::isAccountId(f.document->design().accounts().back().id));

    typeAndReturn(page->nameField(), QStringLiteral("Renamed design"));
    QCOMPARE(f.steps(), before + 3);
    QCOMPARE(f.document->design().settings().name, std::string("Renamed design"));
    f.document->undoStack()->undo();
    QCOMPARE(page->nameField()->text(),
             QStringLiteral("Closed-network analysis platform (Tokyo)"));
}

void TestInspector::screenshot()
{
    // Saved for a look when HEIIKI_SCREENSHOT_DIR is set.
    Fixture f;
    const QString dir = qEnvironmentVariable("HEIIKI_SCREENSHOT_DIR");
    auto grab = [&](const char *id, const QString &file) {
        f.document->setSelection(id ? QList<Id>{Id(id)} : QList<Id>{});
        QApplication::processEvents();
        const QImage image = f.inspector->grab().toImage();
        QVERIFY(!image.isNull());
        if (!dir.isEmpty())
            QVERIFY(image.save(dir + QLatin1Char('/') + file));
    };
    grab(nullptr, QStringLiteral("inspector-design.png"));
    grab("subnet-work-a-private", QStringLiteral("inspector-subnet.png"));
    grab("sg-work-endpoints", QStringLiteral("inspector-sg.png"));
    grab("nfw-egress", QStringLiteral("inspector-firewall.png"));
    grab("tgw-tokyo", QStringLiteral("inspector-tgw.png"));
    f.select("subnet-work-a-private");
    typeAndReturn(f.editor<ui::TextPropertyEditor>("cidr")->lineEdit(),
                  QStringLiteral("10.0.0.0/33"));
    if (!dir.isEmpty())
        QVERIFY(f.inspector->grab().save(dir + QStringLiteral("/inspector-refusal.png")));
    f.select("tgw-tokyo");
    auto *asn = f.editor<ui::NumberPropertyEditor>("asn")->spinBox();
    asn->setValue(70000);
    emit asn->editingFinished();
    QApplication::processEvents();
    if (!dir.isEmpty())
        QVERIFY(f.inspector->grab().save(dir + QStringLiteral("/inspector-asn-refusal.png")));
}

int main(int argc, char **argv)
{
    QApplication::setAttribute(Qt::AA_Use96Dpi);
    QApplication app(argc, argv);
    TestInspector test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_inspector.moc"
