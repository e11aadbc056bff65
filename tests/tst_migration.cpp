// Older files keep opening: the migration table leads step by step from every old schema
// version to the current one, and versions that cannot be read are refused with a pointer.

#include "model/io/designfile.h"
#include "model/io/designwriter.h"
#include "model/io/migration.h"
#include "testsupport.h"

#include <QtTest>

using namespace heiiki::model;
using heiiki::tests::readText;
using heiiki::tests::sourcePath;
using json = heiiki::Json;

class tst_Migration : public QObject
{
    Q_OBJECT

private slots:
    void tableIsContiguous();
    void currentVersionIsUntouched();
    void versionZeroFile();
    void refusedVersion_data();
    void refusedVersion();
};

namespace {
QByteArray describe(const io::LoadErrors &errors)
{
    QByteArray text;
    for (const auto &e : errors)
        text += "\n    " + QByteArray::fromStdString(e.format("file"));
    return text;
}
} // namespace

void tst_Migration::tableIsContiguous()
{
    const auto steps = io::migrationSteps();
    QVERIFY(!steps.empty());
    QCOMPARE(steps.front().from, 0);
    for (size_t i = 0; i < steps.size(); ++i) {
        const auto &step = steps[i];
        QVERIFY2(step.to == step.from + 1, qPrintable(QString::number(i)));
        if (i > 0)
            QCOMPARE(step.from, steps[i - 1].to);
        QVERIFY2(!step.description.empty(), qPrintable(QString::number(i)));
        QVERIFY2(bool(step.apply), qPrintable(QString::number(i)));
    }
    QCOMPARE(steps.back().to, io::kCurrentSchemaVersion);
}

void tst_Migration::currentVersionIsUntouched()
{
    json document = json::parse(readText(sourcePath("tests/data/valid/minimal.heiiki.json")));
    QCOMPARE(document["schemaVersion"], json(io::kCurrentSchemaVersion));
    const json before = document;
    const auto errors = io::migrate(document);
    QVERIFY2(errors.empty(), describe(errors));
    QCOMPARE(document, before);
}

// A pre-release file opens, and saving it writes the current version with nothing else
// changed.
void tst_Migration::versionZeroFile()
{
    const QString path = sourcePath("tests/data/migration/v0-minimal.heiiki.json");
    const std::string text = readText(path);
    const json original = json::parse(text);
    QCOMPARE(original["schemaVersion"], json(0));

    const auto loaded = io::loadDesignFile(path.toStdString());
    QVERIFY2(loaded.errors.empty(), describe(loaded.errors));
    QVERIFY(loaded.design);

    const std::string saved = io::designToText(*loaded.design);
    json expected = original;
    expected["schemaVersion"] = 1;
    QCOMPARE(json::parse(saved), expected);
    // The file is otherwise canonical, so only the version line differs.
    QString expectedText = QString::fromStdString(text);
    expectedText.replace("\"schemaVersion\": 0,", "\"schemaVersion\": 1,");
    QCOMPARE(QString::fromStdString(saved), expectedText);

    // migrate() itself: in place, to the current version.
    json document = original;
    QVERIFY(io::migrate(document).empty());
    QCOMPARE(document, expected);
}

void tst_Migration::refusedVersion_data()
{
    // clang-format off
    QTest::addColumn<QString>("version"); // JSON text of the schemaVersion value
    QTest::addColumn<QString>("message");

    QTest::newRow("negative") << "-1" << "must not be negative";
    QTest::newRow("fraction") << "0.5" << "must be a whole number";
    QTest::newRow("string") << "\"1\"" << "must be a whole number";
    QTest::newRow("boolean") << "true" << "must be a whole number";
    QTest::newRow("null") << "null" << "must be a whole number";
    QTest::newRow("newer") << "2" << "newer than this build of Heiiki reads (1)";
    QTest::newRow("far future") << "99" << "has schemaVersion 99";
    // Beyond a 32-bit int: must not wrap around to a version that looks readable.
    QTest::newRow("2^32 + 1") << "4294967297" << "newer than this build";
    QTest::newRow("-2^32 + 1") << "-4294967295" << "must not be negative";
    // clang-format on
}

void tst_Migration::refusedVersion()
{
    QFETCH(QString, version);
    QFETCH(QString, message);

    std::string text = readText(sourcePath("tests/data/valid/minimal.heiiki.json"));
    const std::string current = "\"schemaVersion\": 1,";
    const auto at = text.find(current);
    QVERIFY(at != std::string::npos);
    text.replace(at, current.size(), "\"schemaVersion\": " + version.toStdString() + ",");

    // migrate() leaves a refused document as it was.
    json document = json::parse(text);
    const json before = document;
    const auto errors = io::migrate(document);
    QCOMPARE(int(errors.size()), 1);
    QCOMPARE(errors[0].pointer, std::string("/schemaVersion"));
    QVERIFY2(QString::fromStdString(errors[0].message).contains(message), describe(errors));
    QCOMPARE(document, before);

    // Loading says where the version is in the file.
    const auto loaded = io::loadDesignFromText(text);
    QVERIFY(!loaded.design);
    QCOMPARE(int(loaded.errors.size()), 1);
    QCOMPARE(loaded.errors[0].pointer, std::string("/schemaVersion"));
    const auto line = std::count(text.begin(), text.begin() + at, '\n') + 1;
    QCOMPARE(loaded.errors[0].line, int(line));
    QCOMPARE(loaded.errors[0].column, 20); // `  "schemaVersion": ` is 19 columns wide
}

QTEST_APPLESS_MAIN(tst_Migration)
#include "tst_migration.moc"
