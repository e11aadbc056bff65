// The catalogue: names and labels of every kind, and the containment and linking rules the
// loader and the canvas ask it.

#include "model/core/catalogue.h"
#include "model/io/designreader.h"

#include <QtTest>

#include <set>

using namespace heiiki::model;

class tst_Catalogue : public QObject
{
    Q_OBJECT

private slots:
    void elementKinds();
    void linkKinds();
    void propertySpecs();
    void parentsAreContainers();
    void mayHold_data();
    void mayHold();
    void mayBeTopLevel_data();
    void mayBeTopLevel();
    void linkKindsBetween_data();
    void linkKindsBetween();
    void policyTypes();
};

static ElementKind kindNamed(const QString &name)
{
    const auto kind = elementKindFromString(name.toStdString());
    if (!kind)
        qFatal("no element kind named %s", qPrintable(name));
    return *kind;
}

static bool isFileName(const std::string &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return re.match(QString::fromStdString(name)).hasMatch();
}

void tst_Catalogue::elementKinds()
{
    const Catalogue &catalogue = Catalogue::instance();
    QCOMPARE(int(catalogue.elementKinds().size()), kElementKindCount);
    std::set<std::string> names;
    std::set<std::string> labels;
    for (int i = 0; i < kElementKindCount; ++i) {
        const auto kind = static_cast<ElementKind>(i);
        const ElementKindInfo &info = catalogue.info(kind);
        const QByteArray where = QByteArray::number(i) + " " + QByteArray(info.name.c_str());
        // The table is indexed by the enum: a kind out of place answers for another kind.
        QVERIFY2(info.kind == kind, where);
        QVERIFY2(isFileName(info.name), where);
        QVERIFY2(!info.label.empty(), where);
        QVERIFY2(names.insert(info.name).second, "duplicate name " + where);
        QVERIFY2(labels.insert(info.label).second, "duplicate label " + where);
        QCOMPARE(toString(kind), std::string_view(info.name));
        QCOMPARE(elementKindFromString(info.name), std::optional(kind));
    }
    QCOMPARE(elementKindFromString("lambda"), std::nullopt);
    QCOMPARE(elementKindFromString("VPC"), std::nullopt); // names in files are exact
}

void tst_Catalogue::linkKinds()
{
    const Catalogue &catalogue = Catalogue::instance();
    QCOMPARE(int(catalogue.linkKinds().size()), kLinkKindCount);
    std::set<std::string> names;
    for (int i = 0; i < kLinkKindCount; ++i) {
        const auto kind = static_cast<LinkKind>(i);
        const LinkKindInfo &info = catalogue.info(kind);
        const QByteArray where = QByteArray::number(i) + " " + QByteArray(info.name.c_str());
        QVERIFY2(info.kind == kind, where);
        QVERIFY2(isFileName(info.name), where);
        QVERIFY2(!info.label.empty(), where);
        QVERIFY2(names.insert(info.name).second, "duplicate name " + where);
        QVERIFY2(!info.ends.from.empty(), where);
        QVERIFY2(info.toPolicy == info.ends.to.empty(), where);
        QCOMPARE(toString(kind), std::string_view(info.name));
        QCOMPARE(linkKindFromString(info.name), std::optional(kind));
    }
    QCOMPARE(linkKindFromString("vpn"), std::nullopt);
}

// Every property the inspector offers must be one the loader accepts, defaults included:
// otherwise a design saved with a default would not open again.
void tst_Catalogue::propertySpecs()
{
    const Catalogue &catalogue = Catalogue::instance();
    auto checkSpecs =
        [](const std::vector<PropertySpec> &specs, const std::string &owner, auto &&self) -> void {
        std::set<std::string> names;
        for (const PropertySpec &spec : specs) {
            const QByteArray where(QByteArray(owner.c_str()) + "." + spec.name.c_str());
            QVERIFY2(!spec.name.empty(), where);
            QVERIFY2(!spec.label.empty(), where);
            QVERIFY2(names.insert(spec.name).second, "duplicate property " + where);
            switch (spec.type) {
            case PropertyType::Enum:
                QVERIFY2(!spec.enumValues.empty(), where);
                break;
            case PropertyType::Ref:
            case PropertyType::RefList:
                QVERIFY2(!spec.refKinds.empty() || !spec.refLinkKinds.empty(), where);
                break;
            case PropertyType::Table:
                QVERIFY2(!spec.columns.empty(), where);
                self(spec.columns, owner + "." + spec.name, self);
                break;
            default:
                QVERIFY2(spec.columns.empty(), where);
                break;
            }
            if (!spec.defaultValue.is_null()) {
                io::LoadErrors errors;
                io::checkValue(spec, spec.defaultValue, "/default", nullptr, errors);
                QVERIFY2(errors.empty(),
                         where + ": default refused: "
                             + QByteArray(errors.empty() ? "" : errors[0].message.c_str()));
            }
        }
    };
    for (const auto &info : catalogue.elementKinds())
        checkSpecs(info.properties, info.name, checkSpecs);
    for (const auto &info : catalogue.linkKinds())
        checkSpecs(info.properties, info.name, checkSpecs);
}

// An element can always be placed somewhere, and only containers hold others.
void tst_Catalogue::parentsAreContainers()
{
    const Catalogue &catalogue = Catalogue::instance();
    for (const auto &info : catalogue.elementKinds()) {
        QVERIFY2(info.topLevel || !info.parents.empty(), info.name.c_str());
        for (ElementKind parent : info.parents)
            QVERIFY2(catalogue.info(parent).container,
                     (catalogue.info(parent).name + " holds " + info.name).c_str());
    }
}

void tst_Catalogue::mayHold_data()
{
    // clang-format off
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QString>("child");
    QTest::addColumn<bool>("allowed");

    auto row = [](const char *parent, const char *child, bool allowed) {
        QTest::addRow("%s holds %s", parent, child) << parent << child << allowed;
    };
    row("availability-zone", "subnet", true);
    row("vpc", "subnet", true);
    row("region", "subnet", false);
    row("subnet", "ec2-instance", true);
    row("vpc", "ec2-instance", false);
    row("availability-zone", "ec2-instance", false);
    row("region", "vpc", true);
    row("account", "vpc", true);
    row("vpc", "vpc", false);
    row("vpc", "availability-zone", true);
    row("region", "availability-zone", false);
    row("subnet", "nat-gateway", true);
    row("vpc", "nat-gateway", false);
    row("vpc", "internet-gateway", true);
    row("subnet", "internet-gateway", false);
    row("vpc", "network-firewall", true);
    row("subnet", "vpc-endpoint", true);
    row("region", "transit-gateway", true);
    row("vpc", "transit-gateway", false);
    row("vpc", "security-group", true);
    row("subnet", "security-group", false);
    row("account", "iam-role", true);
    row("vpc", "iam-role", false);
    row("corporate-dc", "operator", true);
    row("corporate-dc", "dx-connection", true);
    row("account", "region", true);
    row("region", "account", true);
    row("region", "region", false);
    row("ec2-instance", "ec2-instance", false);
    row("subnet", "subnet", false);
    // clang-format on
}

void tst_Catalogue::mayHold()
{
    QFETCH(QString, parent);
    QFETCH(QString, child);
    QFETCH(bool, allowed);

    QCOMPARE(Catalogue::instance().mayHold(kindNamed(parent), kindNamed(child)), allowed);
}

void tst_Catalogue::mayBeTopLevel_data()
{
    // clang-format off
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("region") << "region" << true;
    QTest::newRow("account") << "account" << true;
    QTest::newRow("corporate-dc") << "corporate-dc" << true;
    QTest::newRow("saas") << "saas" << true;
    QTest::newRow("dx-gateway") << "dx-gateway" << true;
    QTest::newRow("vpc") << "vpc" << false;
    QTest::newRow("subnet") << "subnet" << false;
    QTest::newRow("ec2-instance") << "ec2-instance" << false;
    QTest::newRow("transit-gateway") << "transit-gateway" << false;
    QTest::newRow("iam-role") << "iam-role" << false;
    QTest::newRow("security-group") << "security-group" << false;
    // clang-format on
}

void tst_Catalogue::mayBeTopLevel()
{
    QFETCH(QString, kind);
    QFETCH(bool, allowed);

    QCOMPARE(Catalogue::instance().mayBeTopLevel(kindNamed(kind)), allowed);
}

void tst_Catalogue::linkKindsBetween_data()
{
    // clang-format off
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("links");

    auto row = [](const char *from, const char *to, QStringList links) {
        QTest::addRow("%s to %s", from, to) << from << to << links;
    };
    row("vpc", "transit-gateway", {"tgw-attachment"});
    row("transit-gateway", "vpc", {}); // attachments are drawn from the VPC
    row("vpc", "vpc", {"vpc-peering"});
    row("ec2-instance", "ec2-instance", {});
    row("ec2-instance", "transit-gateway", {});
    row("dx-gateway", "transit-gateway", {"dx-association"});
    row("dx-gateway", "vgw", {"dx-association"});
    row("vgw", "vpc", {"vgw-attachment"});
    row("vif", "dx-connection", {"vif-on"});
    row("corporate-dc", "dx-connection", {"dx-link"});
    row("vpc-endpoint", "endpoint-service", {"privatelink"});
    row("iam-user", "iam-group", {"member-of"});
    row("iam-role", "iam-role", {}); // a policy link ends at a policy document, not an element
    row("dx-gateway", "vpc", {});
    // clang-format on
}

void tst_Catalogue::linkKindsBetween()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, links);

    const Catalogue &catalogue = Catalogue::instance();
    QStringList found;
    for (LinkKind kind : catalogue.linkKindsBetween(kindNamed(from), kindNamed(to)))
        found << QString::fromUtf8(toString(kind).data(), qsizetype(toString(kind).size()));
    QCOMPARE(found, links);
    for (const QString &link : links) {
        const LinkKind kind = *linkKindFromString(link.toStdString());
        QVERIFY(catalogue.mayLink(kind, kindNamed(from), kindNamed(to)));
        // Undirected links join in both directions; directed ones only as drawn.
        QCOMPARE(catalogue.mayLink(kind, kindNamed(to), kindNamed(from)),
                 !catalogue.info(kind).directed || from == to);
    }
}

void tst_Catalogue::policyTypes()
{
    const QStringList names{
        "identity", "trust", "resource", "endpoint", "scp", "session", "permissions-boundary"};
    for (const QString &name : names) {
        const auto type = policyTypeFromString(name.toStdString());
        QVERIFY2(type, qPrintable(name));
        QCOMPARE(QString::fromUtf8(toString(*type).data()), name);
    }
    QCOMPARE(policyTypeFromString("admin"), std::nullopt);
}

QTEST_APPLESS_MAIN(tst_Catalogue)
#include "tst_catalogue.moc"
