// The review report: one self-contained HTML file and an A4 PDF of the same content, from
// ReportWriter, runExport() and `heiiki export`.
#include "testsupport.h"

#include "model/io/designfile.h"
#include "ui/export/exporter.h"
#include "ui/export/reportchart.h"
#include "ui/export/reportwriter.h"

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace heiiki;

namespace {

model::Design loadSample(const QString &name)
{
    auto loaded = model::io::loadDesignFile(
        tests::sourcePath(QStringLiteral("resources/samples/") + name).toStdString());
    if (!loaded.design)
        qFatal("the sample %s does not load", qPrintable(name));
    return std::move(*loaded.design);
}

/// What a report's HTML holds, read as XML: its text, its table rows and every reference.
struct ParsedHtml
{
    QString problem;            ///< why the file is not well-formed, or empty
    QString text;               ///< all character data, joined by spaces
    QList<QStringList> rows;    ///< the cells' text of every table row
    QList<QStringList> cssRows; ///< the cells' class attributes, parallel to rows
    QStringList imageSources;   ///< every <img src>
    QStringList references;     ///< every other src, href, or url(…) in the file
};

ParsedHtml parseHtml(const QString &html)
{
    ParsedHtml parsed;
    QXmlStreamReader reader(html);
    QString cell;
    bool inCell = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() || reader.isEndElement()) {
            // Elements separate words; entities inside a text do not.
            parsed.text += QLatin1Char(' ');
            cell += QLatin1Char(' ');
        }
        if (reader.isStartElement()) {
            const QXmlStreamAttributes attributes = reader.attributes();
            const QString name = reader.name().toString();
            if (name == QLatin1String("img"))
                parsed.imageSources << attributes.value("src").toString();
            else if (attributes.hasAttribute("src"))
                parsed.references << attributes.value("src").toString();
            if (attributes.hasAttribute("href"))
                parsed.references << attributes.value("href").toString();
            if (name == QLatin1String("link") || name == QLatin1String("script"))
                parsed.references << name;
            if (name == QLatin1String("tr")) {
                parsed.rows.append(QStringList());
                parsed.cssRows.append(QStringList());
            } else if (name == QLatin1String("td") || name == QLatin1String("th")) {
                inCell = true;
                cell.clear();
                parsed.cssRows.last() << attributes.value("class").toString();
            }
        } else if (reader.isEndElement()) {
            if (reader.name() == QLatin1String("td") || reader.name() == QLatin1String("th")) {
                inCell = false;
                parsed.rows.last() << cell.simplified();
            }
        } else if (reader.isCharacters()) {
            parsed.text += reader.text();
            if (inCell)
                cell += reader.text();
        }
    }
    if (reader.hasError())
        parsed.problem
            = QStringLiteral("line %1: %2").arg(reader.lineNumber()).arg(reader.errorString());
    static const QRegularExpression url(QStringLiteral("url\\s*\\(|@import"));
    if (url.match(html).hasMatch())
        parsed.references << QStringLiteral("url() or @import in the style");
    return parsed;
}

/// The first table row whose first cell starts with (or, \a exact, is) \a first, or -1.
int rowStarting(const ParsedHtml &parsed, const QString &first, bool exact = false)
{
    for (int i = 0; i < parsed.rows.size(); ++i) {
        const QString cell = parsed.rows[i].value(0);
        if (exact ? cell == first : cell.startsWith(first))
            return i;
    }
    return -1;
}

/// How many pixels of \a image have exactly \a color.
int pixelsOf(const QImage &image, const QColor &color)
{
    const QImage argb = image.convertToFormat(QImage::Format_RGB32);
    const QRgb wanted = color.rgb();
    int count = 0;
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x)
            count += (line[x] | 0xff000000) == (wanted | 0xff000000) ? 1 : 0;
    }
    return count;
}

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pdfPages(const QString &path)
{
    static const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    const auto match = pages.match(run(QStringLiteral("pdfinfo"), {path}));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void htmlIsSelfContained_data() { samples(); }
    void htmlIsSelfContained();
    void htmlHoldsEverything_data() { samples(); }
    void htmlHoldsEverything();
    void chartShowsTheFindings_data() { samples(); }
    void chartShowsTheFindings();
    void pdfHasTheSameContent_data() { samples(); }
    void pdfHasTheSameContent();
    void errorsAreShownAndWarned();
    void exportAndCommandWriteReports();

private:
    void samples();

    QTemporaryDir m_dir;
};

void TestReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(!QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty());
    QVERIFY(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty());
}

void TestReport::samples()
{
    QTest::addColumn<QString>("sample");
    QTest::newRow("reference") << QStringLiteral("reference-tokyo.heiiki.json");
    QTest::newRow("initial") << QStringLiteral("initial-privatelink.heiiki.json");
}

void TestReport::htmlIsSelfContained()
{
    QFETCH(QString, sample);
    const ui::ReportWriter report(loadSample(sample));
    const ParsedHtml parsed = parseHtml(report.html());
    QVERIFY2(parsed.problem.isEmpty(), qPrintable(parsed.problem));
    QVERIFY2(parsed.references.isEmpty(), qPrintable(parsed.references.join(", ")));
    // The diagram and the chart, each a PNG inside the file that decodes to a real image.
    QCOMPARE(parsed.imageSources.size(), 2);
    const QString prefix = QStringLiteral("data:image/png;base64,");
    for (const QString &source : parsed.imageSources) {
        QVERIFY2(source.startsWith(prefix), qPrintable(source.left(40)));
        const QByteArray png = QByteArray::fromBase64(source.mid(prefix.size()).toLatin1());
        const QImage image = QImage::fromData(png, "PNG");
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 400 && image.height() >= 200);
    }
    const QString diagram = parsed.imageSources.first().mid(prefix.size());
    QCOMPARE(QImage::fromData(QByteArray::fromBase64(diagram.toLatin1())).size(),
             report.diagramImage().size());
}

void TestReport::htmlHoldsEverything()
{
    QFETCH(QString, sample);
    const model::Design design = loadSample(sample);
    const ui::ReportWriter report(design);
    const ParsedHtml parsed = parseHtml(report.html());
    QVERIFY2(parsed.problem.isEmpty(), qPrintable(parsed.problem));
    const QString text = parsed.text.simplified();

    QVERIFY(text.contains(QString::fromStdString(design.settings().name)));
    QVERIFY(text.contains(QString::fromStdString(design.settings().description)));
    for (const model::Account &account : design.accounts())
        QVERIFY2(text.contains(QString::fromStdString(account.id)), account.id.c_str());
    for (const std::string &region : design.settings().allowedRegions)
        QVERIFY(text.contains(QString::fromStdString(region)));

    for (const model::Finding &finding : report.findings()) {
        const QString message = QString::fromStdString(finding.message).simplified();
        QVERIFY2(text.contains(QString::fromStdString(finding.ruleId)), finding.ruleId.c_str());
        QVERIFY2(text.contains(message), qPrintable(message));
        QVERIFY2(text.contains(QString::fromStdString(finding.fix).simplified()),
                 finding.fix.c_str());
    }

    // SCN-001 … SCN-005, each in a row with its verdict and deciding control.
    QCOMPARE(report.scenarios().size(), size_t(5));
    for (const model::ScenarioResult &s : report.scenarios()) {
        const int row = rowStarting(parsed, QString::fromStdString(s.id));
        QVERIFY2(row >= 0, s.id.c_str());
        QCOMPARE(parsed.rows[row].value(1),
                 s.succeeds ? QStringLiteral("succeeds") : QStringLiteral("blocked"));
        QCOMPARE(parsed.rows[row].value(2), QString::fromStdString(s.control).simplified());
    }

    for (const auto &policy : design.policies()) {
        QVERIFY2(text.contains(QString::fromStdString(policy->name)), policy->name.c_str());
        // The document in full: every statement's Sid, when it has one.
        for (const auto &statement : policy->document.value("Statement", heiiki::Json())) {
            const std::string sid = statement.is_object() ? statement.value("Sid", "") : "";
            QVERIFY2(text.contains(QString::fromStdString(sid)), sid.c_str());
        }
    }

    QCOMPARE(report.flows().size(), design.flows().size());
    for (size_t i = 0; i < design.flows().size(); ++i) {
        const model::Flow &flow = design.flows()[i];
        const ui::ReportFlow &reported = report.flows()[i];
        const int row = rowStarting(parsed, QString::fromStdString(flow.name).simplified(), true);
        QVERIFY2(row >= 0, flow.name.c_str());
        const QString verdict = parsed.rows[row].value(5);
        QVERIFY2(verdict.startsWith(reported.delivered ? "delivered" : "stopped"),
                 qPrintable(verdict));
        QCOMPARE(verdict.contains("NOT"), reported.delivered != flow.mustSucceed);
        // A direct flow is its own path; a Session Manager flow is six calls to endpoints.
        QCOMPARE(reported.legs.size(), size_t(flow.via.empty() ? 1 : 6));
        for (const ui::ReportFlow::Leg &leg : reported.legs) {
            QVERIFY(!leg.path.hops.empty());
            QVERIFY(text.contains(QString::fromStdString(leg.path.explanation).simplified()));
            for (const model::network::Hop &hop : leg.path.hops)
                QVERIFY2(text.contains(QString::fromStdString(hop.action).simplified()),
                         hop.action.c_str());
        }
    }
}

void TestReport::chartShowsTheFindings()
{
    QFETCH(QString, sample);
    const ui::ReportWriter report(loadSample(sample));
    const QImage chart = report.chartImage();
    QVERIFY(!chart.isNull());
    QVERIFY(chart.width() >= 720);
    // Not blank: the axes, the labels and the legend leave ink on the white.
    QVERIFY(pixelsOf(chart, Qt::white) < chart.width() * chart.height() * 99 / 100);
    int dark = 0; // text and axes
    for (int y = 0; y < chart.height(); ++y)
        for (int x = 0; x < chart.width(); ++x)
            dark += qGray(chart.pixel(x, y)) < 100 ? 1 : 0;
    QVERIFY2(dark > 2000, qPrintable(QString::number(dark)));
    // A severity with findings has a bar; one without has only its legend marker.
    for (model::Severity severity :
         {model::Severity::Error, model::Severity::Warning, model::Severity::Info}) {
        const bool any = std::any_of(report.findings().begin(),
                                     report.findings().end(),
                                     [&](const auto &f) { return f.severity == severity; });
        const int ink = pixelsOf(chart, ui::ReportChart::color(severity));
        QVERIFY2(any ? ink > 4000 : ink < 2000,
                 qPrintable(QStringLiteral("%1: %2 pixels")
                                .arg(ui::ReportChart::severityLabel(severity))
                                .arg(ink)));
    }
}

void TestReport::pdfHasTheSameContent()
{
    QFETCH(QString, sample);
    const ui::ReportWriter report(loadSample(sample));
    const QString path = m_dir.filePath(sample + QStringLiteral(".pdf"));
    QString error;
    QVERIFY2(report.writePdf(path, &error), qPrintable(error));
    QVERIFY(pdfPages(path) >= 2);
    const QString info = run(QStringLiteral("pdfinfo"), {path});
    QVERIFY2(
        info.contains(QRegularExpression(QStringLiteral("Page size:\\s+595(\\.\\d+)? x 84[12]"))),
        qPrintable(info));
    const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    for (const model::ScenarioResult &s : report.scenarios())
        QVERIFY2(text.contains(QString::fromStdString(s.id)), s.id.c_str());
    for (const model::Finding &f : report.findings())
        QVERIFY2(text.contains(QString::fromStdString(f.ruleId)), f.ruleId.c_str());
    // The images came through: the PDF holds at least the diagram and the chart.
    const QString images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), path});
    QVERIFY2(images.count(QStringLiteral(" image ")) >= 2, qPrintable(images));
}

void TestReport::errorsAreShownAndWarned()
{
    const ui::ReportWriter initial(loadSample(QStringLiteral("initial-privatelink.heiiki.json")));
    const auto errors
        = std::count_if(initial.findings().begin(), initial.findings().end(), [](const auto &f) {
              return f.severity == model::Severity::Error;
          });
    QVERIFY(errors > 0);
    const ParsedHtml parsed = parseHtml(initial.html());
    // The NET-011 finding sits in the findings table as an error.
    bool found = false;
    for (int i = 0; i < parsed.rows.size(); ++i) {
        const QStringList &row = parsed.rows[i];
        if (row.size() == 5 && row[1].startsWith(QLatin1String("NET-011"))) {
            QCOMPARE(row[0], QStringLiteral("Error"));
            QCOMPARE(parsed.cssRows[i].value(0), QStringLiteral("error"));
            found = true;
        }
    }
    QVERIFY(found);
    // The summary counts them, marked.
    const int summary = rowStarting(parsed, QString::number(errors), true);
    QVERIFY(summary >= 0);
    QCOMPARE(parsed.cssRows[summary].value(0), QStringLiteral("error"));
    QVERIFY(!initial.warnings().isEmpty());
    QVERIFY(initial.warnings().first().contains(QString::number(errors)));

    const ui::ReportWriter clean(loadSample(QStringLiteral("reference-tokyo.heiiki.json")));
    QVERIFY2(clean.warnings().isEmpty(), qPrintable(clean.warnings().join("; ")));
    QVERIFY(parseHtml(clean.html()).text.contains(QStringLiteral("No findings")));
}

void TestReport::exportAndCommandWriteReports()
{
    const model::Design design = loadSample(QStringLiteral("initial-privatelink.heiiki.json"));
    ui::ExportRequest request;
    request.format = ui::ExportFormat::ReportHtml;
    request.output = m_dir.filePath(QStringLiteral("export.html"));
    ui::ExportOutcome outcome = ui::runExport(design, request);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.written, QStringList{request.output});
    QVERIFY(!outcome.warnings.isEmpty()); // the initial design has errors
    QVERIFY(tests::readBytes(request.output).startsWith("<!DOCTYPE html>"));

    request.format = ui::ExportFormat::ReportPdf;
    request.output = m_dir.filePath(QStringLiteral("export.pdf"));
    outcome = ui::runExport(design, request);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(pdfPages(request.output) >= 2);

    // `heiiki export` with no display; ".html" alone says which report.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    const QString file
        = tests::sourcePath(QStringLiteral("resources/samples/reference-tokyo.heiiki.json"));
    const QList<QStringList> commands{
        {"export", file, "-o", m_dir.filePath("cli.html")},
        {"export", file, "-o", m_dir.filePath("cli-report.pdf"), "--format", "report-pdf"}};
    for (const QStringList &arguments : commands) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(HEIIKI_BINARY), arguments);
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    }
    QVERIFY(parseHtml(QString::fromUtf8(tests::readBytes(m_dir.filePath("cli.html"))))
                .problem.isEmpty());
    QVERIFY(pdfPages(m_dir.filePath("cli-report.pdf")) >= 2);
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
