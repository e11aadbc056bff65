// `heiiki validate` as CI runs it: exit codes, the four report formats, and error messages
// that name the file, line, column and JSON pointer. Runs the built executable with no
// display at all: validating must not need one.

#include "model/io/designfile.h"
#include "model/validation/ruleregistry.h"
#include "model/validation/validator.h"
#include "testsupport.h"

#include <QtTest>

using heiiki::tests::readBytes;
using heiiki::tests::sourcePath;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString referenceSample()
{
    return sourcePath("resources/samples/reference-tokyo.heiiki.json");
}

QString initialSample()
{
    return sourcePath("resources/samples/initial-privatelink.heiiki.json");
}

QString brokenFile()
{
    // ec2-a's parent is "subnet-x", which does not exist (line 55, column 17).
    return sourcePath("tests/data/broken/dangling-parent.heiiki.json");
}

QString missingFile()
{
    return sourcePath("tests/data/no-such-design.heiiki.json");
}

/// Replaces @ref, @initial, @broken and @missing by the paths they stand for.
QStringList expand(const QStringList &args)
{
    QStringList out;
    for (const QString &a : args) {
        if (a == "@ref")
            out << referenceSample();
        else if (a == "@initial")
            out << initialSample();
        else if (a == "@broken")
            out << brokenFile();
        else if (a == "@missing")
            out << missingFile();
        else
            out << a;
    }
    return out;
}

Run run(const QStringList &args, const QString &workingDirectory = {})
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No display of any kind, and no platform plugin forced: a CI runner has none.
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(name);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HEIIKI_BINARY), args);
    Run result;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out or did not start: " + process.errorString().toUtf8();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QByteArray show(const Run &r)
{
    return "\n--- exit " + QByteArray::number(r.exitCode) + "\n--- stdout\n" + r.out
           + "\n--- stderr\n" + r.err;
}

/// The rules with findings at or above \a failOn in \a file, as the validator finds them.
QStringList failingRules(const QString &file, const QString &failOn)
{
    using heiiki::model::Severity;
    const auto loaded = heiiki::model::io::loadDesignFile(file.toStdString());
    if (!loaded.design || failOn == "never")
        return {};
    const Severity threshold = failOn == "warning" ? Severity::Warning : Severity::Error;
    QStringList rules;
    for (const auto &f : validate(*loaded.design, heiiki::model::RuleRegistry::builtin())) {
        const QString id = QString::fromStdString(f.ruleId);
        if (f.severity >= threshold && !rules.contains(id))
            rules << id;
    }
    rules.sort();
    return rules;
}

QStringList registryRuleIds()
{
    QStringList ids;
    const auto registry = heiiki::model::RuleRegistry::builtin();
    for (const auto *rule : registry.rules())
        ids << QString::fromUtf8(rule->id().data(), qsizetype(rule->id().size()));
    return ids;
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exitCode_data();
    void exitCode();
    void jsonReport();
    void jsonLoadErrors();
    void sarifReport_data();
    void sarifReport();
    void junitReport_data();
    void junitReport();
    void junitLoadError();
    void sarifUri_data();
    void sarifUri();
};

void tst_Cli::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(HEIIKI_BINARY)).isExecutable(),
             "the heiiki executable is not built: " HEIIKI_BINARY);
}

void tst_Cli::exitCode_data()
{
    // clang-format off
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out"); // a substring of stdout ("" to skip)
    QTest::addColumn<QString>("err"); // a substring of stderr ("" to skip)

    const QString brokenAt = QFileInfo(brokenFile()).fileName()
                             + ":55:17: /elements/4/parent: parent \"subnet-x\"";

    for (const char *format : {"text", "json", "sarif", "junit"}) {
        QTest::addRow("reference %s", format)
            << QStringList{"validate", "@ref", "--format", format} << 0 << "" << "";
        QTest::addRow("initial %s", format)
            << QStringList{"validate", "@initial", "--format", format} << 1 << "NET-011" << "";
    }
    QTest::newRow("reference, default format") << QStringList{"validate", "@ref"} << 0 << ""
                                               << "";
    QTest::newRow("initial, default format")
        << QStringList{"validate", "@initial"} << 1 << "NET-011" << "";
    QTest::newRow("initial --fail-on never")
        << QStringList{"validate", "@initial", "--fail-on", "never"} << 0 << "NET-011" << "";
    QTest::newRow("initial --fail-on warning")
        << QStringList{"validate", "@initial", "--fail-on", "warning"} << 1 << "NET-011" << "";
    QTest::newRow("initial --fail-on error")
        << QStringList{"validate", "@initial", "--fail-on", "error"} << 1 << "NET-011" << "";
    QTest::newRow("reference --fail-on warning")
        << QStringList{"validate", "@ref", "--fail-on", "warning"} << 0 << "" << "";
    QTest::newRow("two files, one with findings")
        << QStringList{"validate", "@ref", "@initial"} << 1 << "NET-011" << "";
    QTest::newRow("broken file") << QStringList{"validate", "@broken"} << 2 << "" << brokenAt;
    QTest::newRow("broken file in json")
        << QStringList{"validate", "@broken", "--format", "json"} << 2 << "" << brokenAt;
    QTest::newRow("broken file beside a good one")
        << QStringList{"validate", "@ref", "@broken"} << 2 << "" << brokenAt;
    QTest::newRow("broken file, --fail-on never")
        << QStringList{"validate", "@broken", "--fail-on", "never"} << 2 << "" << brokenAt;
    QTest::newRow("missing file") << QStringList{"validate", "@missing"} << 2 << ""
                                  << "no-such-design.heiiki.json";
    QTest::newRow("--format yaml")
        << QStringList{"validate", "@ref", "--format", "yaml"} << 2 << "" << "--format";
    QTest::newRow("--format without a value")
        << QStringList{"validate", "@ref", "--format"} << 2 << "" << "--format";
    QTest::newRow("--fail-on sometimes")
        << QStringList{"validate", "@ref", "--fail-on", "sometimes"} << 2 << "" << "--fail-on";
    QTest::newRow("unknown flag") << QStringList{"validate", "@ref", "--colour"} << 2 << ""
                                  << "--colour";
    QTest::newRow("validate nothing") << QStringList{"validate"} << 2 << "" << "";

    // heiiki path: 0 delivered, 1 stopped (with the reason and the element), 2 bad input
    // (saying what is wrong).
    const QStringList analysisA{"path", "@ref", "--from", "ec2-analysis-a"};
    QTest::newRow("path delivered")
        << analysisA + QStringList{"--to", "s3"} << 0
        << "DELIVERED: reached s3 through gateway endpoint endpoint-work-s3" << "";
    QTest::newRow("path delivered, json")
        << analysisA + QStringList{"--to", "ssm", "--format", "json"} << 0
        << "\"verdict\": \"delivered\"" << "";
    QTest::newRow("path stopped by the firewall")
        << analysisA + QStringList{"--to", "example.com"} << 1
        << "STOPPED (firewall-rule) at nfw-egress" << "";
    QTest::newRow("path from the internet, no public address")
        << QStringList{"path", "@ref", "--from", "internet", "--to", "ec2-analysis-a",
                       "--port=22"}
        << 1 << "STOPPED (no-public-address) at ec2-analysis-a" << "";
    QTest::newRow("path from an unknown id")
        << QStringList{"path", "@ref", "--from", "nope", "--to", "s3"} << 2 << ""
        << "--from \"nope\" is not an element";
    QTest::newRow("path to a bad CIDR")
        << analysisA + QStringList{"--to", "10.0.0.0/33"} << 2 << ""
        << "--to \"10.0.0.0/33\" is not a valid CIDR";
    QTest::newRow("path, port out of range")
        << analysisA + QStringList{"--to", "s3", "--port", "70000"} << 2 << "" << "--port";
    QTest::newRow("path, unknown protocol")
        << analysisA + QStringList{"--to", "s3", "--proto", "sctp"} << 2 << ""
        << "--proto must be tcp, udp or icmp";
    QTest::newRow("path, unknown option")
        << analysisA + QStringList{"--to", "s3", "--verbose"} << 2 << ""
        << "unknown option \"--verbose\"";
    QTest::newRow("path without --to") << analysisA << 2 << "" << "missing --to";
    QTest::newRow("scenarios without a file") << QStringList{"scenarios"} << 2 << ""
                                              << "missing a design file";
    QTest::newRow("export without -o") << QStringList{"export", "@ref"} << 2 << ""
                                       << "missing -o OUTPUT";
    QTest::newRow("path, missing file")
        << QStringList{"path", "@missing", "--from", "a", "--to", "b"} << 2 << ""
        << "no-such-design.heiiki.json";
    QTest::newRow("path, broken file")
        << QStringList{"path", "@broken", "--from", "a", "--to", "b"} << 2 << "" << brokenAt;
    QTest::newRow("unknown sub-command") << QStringList{"frobnicate"} << 2 << "" << "frobnicate";
    QTest::newRow("--version") << QStringList{"--version"} << 0 << "heiiki 0.1.0\n" << "";
    QTest::newRow("--help") << QStringList{"--help"} << 0 << "validate FILE" << "";
    // clang-format on
}

void tst_Cli::exitCode()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);

    if (args.contains("@ref") && !QFile::exists(referenceSample()))
        QSKIP("the reference sample does not exist yet");
    if (args.contains("@initial") && !QFile::exists(initialSample()))
        QSKIP("the initial sample does not exist yet");

    const Run r = run(expand(args));
    QVERIFY2(r.exitCode == exitCode, show(r));
    QVERIFY2(r.out.contains(out.toUtf8()), show(r));
    QVERIFY2(r.err.contains(err.toUtf8()), show(r));
    if (exitCode == 2)
        QVERIFY2(!r.err.trimmed().isEmpty(), "exit 2 must say why on stderr" + show(r));
    if (args == QStringList{"--version"})
        QCOMPARE(r.out, QByteArray("heiiki 0.1.0\n"));
    if (args == QStringList{"--help"})
        QVERIFY2(r.out.contains("--format") && r.out.contains("--fail-on"), show(r));
}

void tst_Cli::jsonReport()
{
    if (!QFile::exists(referenceSample()) || !QFile::exists(initialSample()))
        QSKIP("the samples do not exist yet");

    const Run r = run({"validate", referenceSample(), initialSample(), "--format", "json"});
    QVERIFY2(r.exitCode == 1, show(r));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &parseError);
    QVERIFY2(doc.isObject(), qPrintable(parseError.errorString() + show(r)));
    const QJsonArray files = doc.object().value("files").toArray();
    QCOMPARE(files.size(), 2);

    const QJsonObject reference = files[0].toObject();
    QVERIFY2(reference.value("path").toString().endsWith("reference-tokyo.heiiki.json"), show(r));
    QVERIFY2(reference.value("findings").isArray(), show(r));
    QCOMPARE(reference.value("findings").toArray().size(), 0);

    const QJsonObject initial = files[1].toObject();
    QVERIFY2(initial.value("path").toString().endsWith("initial-privatelink.heiiki.json"), show(r));
    const QJsonArray findings = initial.value("findings").toArray();
    QVERIFY2(!findings.isEmpty(), show(r));
    bool net011 = false;
    for (const QJsonValue &v : findings) {
        const QJsonObject f = v.toObject();
        for (const char *key : {"rule", "severity", "message", "fix", "path"})
            QVERIFY2(f.value(key).isString(), qPrintable(QString(key) + show(r)));
        QVERIFY2(f.value("elements").isArray() && !f.value("elements").toArray().isEmpty(),
                 show(r));
        for (const QJsonValue &id : f.value("elements").toArray())
            QVERIFY(id.isString() && !id.toString().isEmpty());
        QVERIFY(QStringList({"error", "warning", "info"}).contains(f.value("severity").toString()));
        QVERIFY(!f.value("message").toString().isEmpty());
        if (f.value("rule").toString() == "NET-011") {
            net011 = true;
            QCOMPARE(f.value("severity").toString(), QString("error"));
            QVERIFY2(f.value("path").toString().startsWith("/elements/"), show(r));
        }
    }
    QVERIFY2(net011, show(r));
}

void tst_Cli::jsonLoadErrors()
{
    const Run r = run({"validate", brokenFile(), "--format", "json"});
    QVERIFY2(r.exitCode == 2, show(r));
    const QJsonDocument doc = QJsonDocument::fromJson(r.out);
    QVERIFY2(doc.isObject(), show(r));
    const QJsonArray files = doc.object().value("files").toArray();
    QCOMPARE(files.size(), 1);
    const QJsonObject file = files[0].toObject();
    QVERIFY2(file.value("path").toString().endsWith("dangling-parent.heiiki.json"), show(r));
    QVERIFY2(!file.contains("findings"), "a file that did not load has no findings" + show(r));
    const QJsonArray errors = file.value("errors").toArray();
    QCOMPARE(errors.size(), 1);
    const QJsonObject error = errors[0].toObject();
    QCOMPARE(error.value("pointer").toString(), QString("/elements/4/parent"));
    QVERIFY2(error.value("message").toString().contains("subnet-x"), show(r));
    QCOMPARE(error.value("line").toInt(), 55);
    QCOMPARE(error.value("column").toInt(), 17);
}

void tst_Cli::sarifReport_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("rules"); // rule ids that must have results

    QTest::newRow("reference") << referenceSample() << QStringList{};
    QTest::newRow("initial") << initialSample() << QStringList{"NET-011"};
}

void tst_Cli::sarifReport()
{
    QFETCH(QString, file);
    QFETCH(QStringList, rules);
    if (!QFile::exists(file))
        QSKIP("the sample does not exist yet");

    const Run r = run({"validate", file, "--format", "sarif"});
    QVERIFY2(r.exitCode == (rules.isEmpty() ? 0 : 1), show(r));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &parseError);
    QVERIFY2(doc.isObject(), qPrintable(parseError.errorString() + show(r)));
    const QJsonObject sarif = doc.object();
    QCOMPARE(sarif.value("version").toString(), QString("2.1.0"));
    QVERIFY2(sarif.value("$schema").toString().contains("sarif"), show(r));
    const QJsonArray runs = sarif.value("runs").toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject run0 = runs[0].toObject();
    const QJsonObject driver = run0.value("tool").toObject().value("driver").toObject();
    QCOMPARE(driver.value("name").toString(), QString("Heiiki"));

    QStringList ruleIds;
    for (const QJsonValue &rule : driver.value("rules").toArray())
        ruleIds << rule.toObject().value("id").toString();
    for (const QString &id : registryRuleIds())
        QVERIFY2(ruleIds.contains(id), qPrintable(id + " is not among the SARIF rules"));

    const QStringList lines = QString::fromUtf8(readBytes(file)).split('\n');
    QSet<QString> reported;
    const QJsonArray results = run0.value("results").toArray();
    for (const QJsonValue &v : results) {
        const QJsonObject result = v.toObject();
        const QString ruleId = result.value("ruleId").toString();
        reported.insert(ruleId);
        QVERIFY2(ruleIds.contains(ruleId), qPrintable(ruleId));
        QVERIFY(
            QStringList({"error", "warning", "note"}).contains(result.value("level").toString()));
        QVERIFY(!result.value("message").toObject().value("text").toString().isEmpty());
        const QJsonObject location = result.value("locations")
                                         .toArray()[0]
                                         .toObject()
                                         .value("physicalLocation")
                                         .toObject();
        QVERIFY2(location.value("artifactLocation")
                     .toObject()
                     .value("uri")
                     .toString()
                     .endsWith(QFileInfo(file).fileName()),
                 show(r));
        if (ruleId == "NET-011") {
            QCOMPARE(result.value("level").toString(), QString("error"));
            // The finding's path is known, so a viewer can jump to the region's code.
            const int line = location.value("region").toObject().value("startLine").toInt();
            QVERIFY2(line > 0 && line <= lines.size(), show(r));
            QVERIFY2(lines[line - 1].contains("\"region\""), qPrintable(lines[line - 1]));
        }
    }
    QCOMPARE(reported.contains("NET-011"), rules.contains("NET-011"));
    for (const QString &id : rules)
        QVERIFY2(reported.contains(id), show(r));
    if (rules.isEmpty())
        QCOMPARE(results.size(), 0);
}

void tst_Cli::junitReport_data()
{
    // clang-format off
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("failOn");
    // Per file, rule ids that must fail (space-separated). The exact set is what the
    // validator finds at or above the threshold.
    QTest::addColumn<QStringList>("mustFail");

    QTest::newRow("reference") << QStringList{"@ref"} << "error" << QStringList{""};
    QTest::newRow("initial") << QStringList{"@initial"} << "error" << QStringList{"NET-011"};
    QTest::newRow("initial, fail on warnings")
        << QStringList{"@initial"} << "warning" << QStringList{"NET-011"};
    QTest::newRow("initial, never fail") << QStringList{"@initial"} << "never" << QStringList{""};
    QTest::newRow("both") << QStringList{"@ref", "@initial"} << "error"
                          << QStringList{"", "NET-011"};
    // clang-format on
}

void tst_Cli::junitReport()
{
    QFETCH(QStringList, files);
    QFETCH(QString, failOn);
    QFETCH(QStringList, mustFail);
    if (!QFile::exists(referenceSample()) || !QFile::exists(initialSample()))
        QSKIP("the samples do not exist yet");

    const QStringList paths = expand(files);
    const Run r = run(QStringList{"validate"} + paths
                      + QStringList{"--format", "junit", "--fail-on", failOn});
    bool anyFailing = false;
    for (const QString &path : paths)
        anyFailing = anyFailing || !failingRules(path, failOn).isEmpty();
    QVERIFY2(r.exitCode == (anyFailing ? 1 : 0), show(r));

    const QStringList ruleIds = registryRuleIds();
    QXmlStreamReader xml(r.out);
    QVERIFY2(xml.readNextStartElement() && xml.name().toString() == "testsuites", show(r));
    int suite = 0;
    while (xml.readNextStartElement()) {
        QCOMPARE(xml.name().toString(), QString("testsuite"));
        QVERIFY2(suite < paths.size(), "more test suites than files" + show(r));
        const QString name = xml.attributes().value("name").toString();
        QVERIFY2(name.endsWith(QFileInfo(paths[suite]).fileName()), show(r));
        const int tests = xml.attributes().value("tests").toInt();
        const int failures = xml.attributes().value("failures").toInt();
        QVERIFY2(xml.attributes().hasAttribute("errors"), show(r));
        QCOMPARE(xml.attributes().value("errors").toInt(), 0);

        QStringList cases;
        QStringList failed;
        while (xml.readNextStartElement()) {
            if (xml.name().toString() != "testcase") {
                xml.skipCurrentElement(); // properties, system-out…
                continue;
            }
            QCOMPARE(xml.attributes().value("classname").toString(), name);
            const QString rule = xml.attributes().value("name").toString();
            cases << rule;
            while (xml.readNextStartElement()) {
                if (xml.name().toString() == "failure" && !failed.contains(rule))
                    failed << rule;
                xml.skipCurrentElement();
            }
        }
        // One test case per rule in the registry; the counts match the cases.
        QCOMPARE(cases, ruleIds);
        QCOMPARE(tests, int(cases.size()));
        QCOMPARE(failures, int(failed.size()));
        for (const QString &rule : mustFail[suite].split(' ', Qt::SkipEmptyParts))
            QVERIFY2(failed.contains(rule), qPrintable(rule + " did not fail" + show(r)));
        failed.sort();
        QCOMPARE(failed, failingRules(paths[suite], failOn));
        ++suite;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString() + show(r)));
    QCOMPARE(suite, paths.size());
}

// A file that cannot be loaded shows as an error in CI dashboards, not as a pass.
void tst_Cli::junitLoadError()
{
    const Run r = run({"validate", brokenFile(), "--format", "junit"});
    QVERIFY2(r.exitCode == 2, show(r));
    QXmlStreamReader xml(r.out);
    QVERIFY2(xml.readNextStartElement() && xml.name().toString() == "testsuites", show(r));
    QVERIFY2(xml.readNextStartElement() && xml.name().toString() == "testsuite", show(r));
    QVERIFY2(xml.attributes().value("name").toString().endsWith("dangling-parent.heiiki.json"),
             show(r));
    QVERIFY2(xml.attributes().value("errors").toInt() >= 1, show(r));
}

// SARIF viewers (and code-scanning uploads) take artifact locations as URIs: a path with a
// space or '#' must be percent-encoded, and must lead back to the file.
void tst_Cli::sarifUri_data()
{
    QTest::addColumn<bool>("absolute");

    QTest::newRow("absolute path") << true;
    QTest::newRow("relative path") << false;
}

void tst_Cli::sarifUri()
{
    QFETCH(bool, absolute);
    if (!QFile::exists(initialSample()))
        QSKIP("the initial sample does not exist yet");

    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir("design review"));
    const QString relative = "design review/initial #2.heiiki.json";
    QVERIFY(QFile::copy(initialSample(), dir.filePath(relative)));

    const QString argument = absolute ? dir.filePath(relative) : relative;
    const Run r = run({"validate", argument, "--format", "sarif"}, dir.path());
    QVERIFY2(r.exitCode == 1, show(r));
    const QJsonArray results = QJsonDocument::fromJson(r.out)
                                   .object()
                                   .value("runs")
                                   .toArray()[0]
                                   .toObject()
                                   .value("results")
                                   .toArray();
    QVERIFY2(!results.isEmpty(), show(r));
    const QString uri = results[0]
                            .toObject()
                            .value("locations")
                            .toArray()[0]
                            .toObject()
                            .value("physicalLocation")
                            .toObject()
                            .value("artifactLocation")
                            .toObject()
                            .value("uri")
                            .toString();
    QVERIFY2(!uri.contains(' ') && !uri.contains('#'), qPrintable("not encoded: " + uri));
    const QUrl url(uri, QUrl::StrictMode);
    QVERIFY2(url.isValid(), qPrintable(uri + ": " + url.errorString()));
    if (absolute)
        QCOMPARE(url.toLocalFile(), QDir(dir.path()).absoluteFilePath(relative));
    else
        QCOMPARE(QUrl::fromPercentEncoding(uri.toUtf8()), relative);
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
