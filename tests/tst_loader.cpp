// The loader refuses every kind of broken file with an error that says where (JSON pointer,
// line and column) and what is wrong, and never hands back a half-read design.
//
// Each file in tests/data/broken/ is tests/data/valid/minimal.heiiki.json with one defect.

#include "model/io/designfile.h"
#include "testsupport.h"

#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

using namespace heiiki::model;
using heiiki::tests::readText;
using heiiki::tests::sourcePath;

namespace {

struct BrokenCase
{
    const char *file;    ///< tests/data/broken/<file>.heiiki.json
    const char *pointer; ///< where the error points
    const char *message; ///< a substring of its message
    int line;            ///< where the pointer's value starts in the file (1-based)
    int column;
    int errorCount; ///< one defect, this many errors (no noise from follow-on errors)
};

std::vector<BrokenCase> brokenCases()
{
    std::vector<BrokenCase> cases;
    auto row = [&](const char *file,
                   const char *pointer,
                   int line,
                   int column,
                   int errorCount,
                   const char *message) {
        cases.push_back({file, pointer, message, line, column, errorCount});
    };
    // clang-format off
    // row(file, pointer, line, column, number of errors, message)
    row("not-an-object", "", 1, 1, 1, "must hold a JSON object");
    row("empty", "", 1, 1, 1, "unexpected end of input");
    row("syntax-missing-comma", "", 17, 5, 1, "unexpected '{'");
    row("syntax-trailing-comma", "", 6, 5, 1, "unexpected '}'");
    row("wrong-format", "/format", 95, 13, 1, "\"format\" must be \"heiiki-design\"");
    row("missing-schema-version", "", 1, 1, 1, "no \"schemaVersion\"");
    row("newer-schema-version", "/schemaVersion", 126, 20, 1, "newer than this build");
    row("missing-settings", "", 1, 1, 1, "missing member \"settings\"");
    row("unknown-element-kind", "/elements/7/kind", 84, 15, 1, "unknown element kind \"lambda\"");
    row("unknown-link-kind", "/links/0/kind", 100, 15, 1, "unknown link kind \"vpn\"");
    row("link-wrong-ends", "/links/0", 97, 5, 1, "EC2 instance to a Transit Gateway");
    row("dangling-parent", "/elements/4/parent", 55, 17, 1,
        "parent \"subnet-x\" is not an element");
    row("dangling-link-end", "/links/0/to", 106, 13, 1,
        "\"tgw-x\" is not an element of this design");
    row("dangling-route-target", "/elements/3/properties/routes/0/target", 46, 23, 1,
        "dangling reference: \"tgw-x\"");
    row("dangling-flow-source", "/flows/0/source", 89, 17, 1,
        "\"ec2-x\" is not an element of this design");
    row("ref-wrong-kind", "/elements/3/properties/routes/0/target", 46, 23, 1,
        "\"subnet-a\" is a Subnet, which \"target\" cannot name");
    row("ref-wrong-kind-list", "/elements/4/properties/securityGroups/0", 58, 11, 1,
        "\"vpc-a\" is a VPC, which \"securityGroups\" cannot name");
    row("duplicate-element-id", "/elements/7/id", 83, 13, 1,
        "duplicate id \"sg-a\" (first used at /elements/5)");
    row("duplicate-id-link-element", "/links/1/id", 110, 13, 1,
        "duplicate id \"vpc-a\" (first used at /elements/1)");
    row("duplicate-id-flow-policy", "/flows/0/id", 86, 13, 1,
        "duplicate id \"pol-operator\" (first used at /policies/0)");
    row("bad-id", "/elements/4/id", 52, 13, 1, "invalid id \"-ec2 a\"");
    row("ec2-in-vpc", "/elements/4/parent", 55, 17, 1, "a VPC cannot hold");
    row("subnet-in-region", "/elements/3/parent", 39, 17, 1, "a Region cannot hold a Subnet");
    row("vpc-at-top-level", "/elements/1", 17, 5, 1, "a VPC cannot stand at the top level");
    row("containment-cycle", "/elements/7/parent", 89, 17, 2, "containment cycle");
    row("cidr-host-bits", "/elements/1/properties/cidrs/0", 24, 11, 1, "host bits are set");
    row("cidr-bad-prefix", "/elements/3/properties/cidr", 41, 17, 1,
        "prefix length must be 0 to 32");
    row("cidr-garbage", "/elements/5/properties/inbound/0/cidr", 69, 21, 1,
        "invalid CIDR \"anywhere\": missing '/prefix'");
    row("port-out-of-range", "/elements/5/properties/inbound/0/fromPort", 70, 25, 1,
        "70000 is out of range: \"fromPort\" must be -1 to 65535");
    row("duplicate-member", "/elements/1/properties/cidrs", 26, 18, 1,
        "\"cidrs\" is named twice in one object (first at line 23): keep one");
    row("asn-out-of-range", "/elements/1/properties/asn", 23, 16, 1,
        "70000 is out of range: \"asn\" must be 64512 to 65534 or 4200000000 to 4294967294");
    row("route-destination-garbage", "/elements/3/properties/routes/0/destination", 45, 28, 1,
        "invalid route destination \"default\"");
    row("unknown-property", "/elements/1/properties/colour", 26, 19, 1,
        "a VPC has no property \"colour\"");
    row("wrong-type-property", "/elements/1/properties/enableDnsSupport", 26, 29, 1,
        "must be true or false, not a string");
    row("wrong-type-member", "/accounts/0/external", 4, 19, 1,
        "must be true or false, not a string");
    row("wrong-type-elements", "/elements", 8, 15, 1, "must be an array, not an object");
    row("bad-enum-property", "/elements/3/properties/role", 42, 17, 1,
        "\"dmz\" is not one of private, public, firewall, endpoint");
    row("bad-enum-policy-type", "/policies/0/type", 123, 15, 1, "unknown policy type \"admin\"");
    row("bad-enum-flow-expect", "/flows/0/expect", 85, 17, 1,
        "expect must be \"succeed\" or \"blocked\"");
    row("bad-account-id", "/accounts/0/id", 4, 13, 1,
        "\"11111111111x\" is not an account id (12 digits)");
    row("bad-organization-account", "/settings/organizationAccounts/0", 133, 7, 1,
        "\"1111-1111-1111\" is not an account id (12 digits)");
    row("account-element-unlisted", "/elements/7/properties/accountId", 86, 22, 1,
        "account \"222222222222\" is not listed in \"accounts\"");
    row("unknown-region", "/elements/0/properties/region", 14, 19, 1,
        "unknown region code \"ap-tokyo-1\"");
    row("unknown-allowed-region", "/settings/allowedRegions/1", 130, 7, 1,
        "unknown region code \"osaka\"");
    row("unknown-member-root", "/colour", 8, 13, 1, "unknown member \"colour\"");
    row("unknown-member-element", "/elements/6/asn", 78, 14, 1, "unknown member \"asn\"");
    row("missing-table-column", "/elements/3/properties/routes/0", 44, 11, 1,
        "missing column \"destination\"");
    row("unknown-table-column", "/elements/5/properties/inbound/0/port", 71, 21, 1,
        "unknown column \"port\" in \"inbound\"");
    row("policy-without-document", "/policies/0", 110, 5, 1, "missing member \"document\"");
    row("flow-two-targets", "/flows/0/target", 90, 17, 1, "exactly one of");
    row("flow-bad-domain", "/flows/0/target/domain", 91, 19, 1,
        "\"updates example com\" is not a DNS name");
    row("bad-port-range", "/flows/0/port", 87, 15, 1, "a port must be 0 to 65535");
    row("bad-port-overflow", "/flows/0/port", 87, 15, 1, "a port must be 0 to 65535");
    row("bad-port-type", "/flows/0/port", 87, 15, 1, "must be a whole number, not a string");
    row("negative-geometry", "/elements/1/geometry", 18, 19, 1,
        "width and height must not be negative");
    // clang-format on
    return cases;
}

QString brokenPath(const QString &name)
{
    return sourcePath(QStringLiteral("tests/data/broken/%1.heiiki.json").arg(name));
}

QByteArray describe(const io::LoadErrors &errors)
{
    QByteArray text;
    for (const auto &e : errors)
        text += "\n    " + QByteArray::fromStdString(e.format("file"));
    return text;
}

} // namespace

class tst_Loader : public QObject
{
    Q_OBJECT

private slots:
    void validBaseLoads();
    void brokenFile_data();
    void brokenFile();
    void everyBrokenFileHasARow();
    void fileSize_data();
    void fileSize();
    void notAFile_data();
    void notAFile();
    // Last: a crash here must not hide the results above.
    void byteOrderMark_data();
    void byteOrderMark();
};

// The fixed twin of every broken file: without its defect, the file loads.
void tst_Loader::validBaseLoads()
{
    const auto result
        = io::loadDesignFile(sourcePath("tests/data/valid/minimal.heiiki.json").toStdString());
    QVERIFY2(result.errors.empty(), describe(result.errors));
    QVERIFY(result.design);
    const Design &design = *result.design;
    QCOMPARE(design.elements().size(), size_t(7));
    QCOMPARE(design.links().size(), size_t(1));
    QCOMPARE(design.policies().size(), size_t(1));
    QCOMPARE(design.flows().size(), size_t(1));
    QCOMPARE(design.regionOf(Id("ec2-a")), std::string("ap-northeast-1"));
}

void tst_Loader::brokenFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("errorCount");

    for (const BrokenCase &c : brokenCases())
        QTest::newRow(c.file) << brokenPath(c.file) << c.pointer << c.message << c.line << c.column
                              << c.errorCount;
}

void tst_Loader::brokenFile()
{
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, errorCount);

    QVERIFY2(QFile::exists(file), qPrintable(file));
    const auto result = io::loadDesignFile(file.toStdString());
    QVERIFY2(!result.design, "a broken file must not give a (half-read) design");
    QVERIFY(!result.errors.empty());

    const auto match = std::find_if(result.errors.begin(), result.errors.end(), [&](const auto &e) {
        return QString::fromStdString(e.pointer) == pointer
               && QString::fromStdString(e.message).contains(message);
    });
    QVERIFY2(match != result.errors.end(),
             "expected " + pointer.toUtf8() + ": …" + message.toUtf8()
                 + "…, got:" + describe(result.errors));
    QCOMPARE(int(result.errors.size()), errorCount);

    // Every error says where it is, so that the user can go there.
    for (const auto &e : result.errors) {
        QVERIFY2(e.line > 0 && e.column > 0, describe({e}));
        QVERIFY2(!e.message.empty(), describe({e}));
    }
    QCOMPARE(match->line, line);
    QCOMPARE(match->column, column);

    // The form the command line prints: file:line:col: pointer: message.
    const QString expected = QStringLiteral("f.json:%1:%2: ").arg(line).arg(column)
                             + (pointer.isEmpty() ? QString() : pointer + ": ")
                             + QString::fromStdString(match->message);
    QCOMPARE(QString::fromStdString(match->format("f.json")), expected);

    // Reading the same text from memory gives the same errors.
    const auto fromText = io::loadDesignFromText(readText(file));
    QVERIFY(!fromText.design);
    QCOMPARE(describe(fromText.errors), describe(result.errors));
}

// A file added to tests/data/broken/ without a row would test nothing.
void tst_Loader::everyBrokenFileHasARow()
{
    QStringList files = QDir(sourcePath("tests/data/broken"))
                            .entryList({"*.heiiki.json"}, QDir::Files, QDir::Name);
    QStringList rows;
    for (const BrokenCase &c : brokenCases())
        rows << QString::fromUtf8(c.file) + ".heiiki.json";
    rows.sort();
    QCOMPARE(files, rows);
}

void tst_Loader::fileSize_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("tooLarge");

    const qint64 limit = qint64(io::kMaxDesignFileSize);
    QTest::newRow("one byte over 64 MiB") << limit + 1 << true;
    QTest::newRow("1 GiB") << (qint64(1) << 30) << true;
    // Below the limit the file is read (and refused as JSON: it holds only zero bytes).
    QTest::newRow("1 MiB is read") << (qint64(1) << 20) << false;
}

void tst_Loader::fileSize()
{
    QFETCH(qint64, size);
    QFETCH(bool, tooLarge);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("huge.heiiki.json");
    {
        // A sparse file: no time spent writing zeros.
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(size));
    }
    QCOMPARE(QFileInfo(path).size(), size);

    QElapsedTimer timer;
    timer.start();
    const auto result = io::loadDesignFile(path.toStdString());
    QVERIFY(!result.design);
    QCOMPARE(int(result.errors.size()), 1);
    const auto &error = result.errors.front();
    QCOMPARE(QString::fromStdString(error.message).contains("too large"), tooLarge);
    if (tooLarge) {
        QVERIFY2(error.message.find("64 MiB") != std::string::npos, error.message.c_str());
        QCOMPARE(error.pointer, std::string());
        QVERIFY2(timer.elapsed() < 1000, "the size must be checked before reading");
    } else {
        // Read, and refused as JSON at the first byte.
        QVERIFY2(error.message.find("JSON") != std::string::npos, error.message.c_str());
        QCOMPARE(error.line, 1);
        QCOMPARE(error.column, 1);
    }
}

void tst_Loader::notAFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");

    QTest::newRow("missing file") << "no-such-file.heiiki.json"
                                  << "does not exist";
    QTest::newRow("a folder") << "folder.heiiki.json"
                              << "is a folder";
}

void tst_Loader::notAFile()
{
    QFETCH(QString, name);
    QFETCH(QString, message);

    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir("folder.heiiki.json"));
    const auto result = io::loadDesignFile(dir.filePath(name).toStdString());
    QVERIFY(!result.design);
    QCOMPARE(int(result.errors.size()), 1);
    QVERIFY2(QString::fromStdString(result.errors[0].message).contains(message),
             result.errors[0].message.c_str());
}

// Editors on Windows often save UTF-8 with a byte order mark. The JSON parser skips it; the
// design must load, and errors must still point at the right line.
void tst_Loader::byteOrderMark_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer"); // "" for a file that loads
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("valid file") << sourcePath("tests/data/valid/minimal.heiiki.json") << "" << 0
                                << 0;
    QTest::newRow("dangling parent")
        << brokenPath("dangling-parent") << "/elements/4/parent" << 55 << 17;
    QTest::newRow("unknown member at the root")
        << brokenPath("unknown-member-root") << "/colour" << 8 << 13;
}

void tst_Loader::byteOrderMark()
{
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    QFETCH(int, line);
    QFETCH(int, column);

    const std::string text = "\xEF\xBB\xBF" + readText(file);
    const auto result = io::loadDesignFromText(text);
    if (pointer.isEmpty()) {
        QVERIFY2(result.design, describe(result.errors));
        return;
    }
    QVERIFY(!result.design);
    QCOMPARE(int(result.errors.size()), 1);
    QCOMPARE(QString::fromStdString(result.errors[0].pointer), pointer);
    QCOMPARE(result.errors[0].line, line);
    QCOMPARE(result.errors[0].column, column);
}

QTEST_APPLESS_MAIN(tst_Loader)
#include "tst_loader.moc"
