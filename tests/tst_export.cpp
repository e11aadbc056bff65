// Exports of the reference design: the draw.io file, the review diagrams (SVG, PNG, PDF)
// and `heiiki export` without a display.
#include "testsupport.h"

#include "model/export/drawio.h"
#include "model/io/designfile.h"
#include "model/layout/autolayout.h"
#include "ui/export/diagramrenderer.h"
#include "ui/export/exportdialog.h"
#include "ui/export/exporter.h"

#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "model/core/json.h"

#include <map>

using namespace heiiki;

namespace {

model::Design referenceDesign()
{
    auto loaded = model::io::loadDesignFile(
        tests::sourcePath(QStringLiteral("resources/samples/reference-tokyo.heiiki.json"))
            .toStdString());
    if (!loaded.design)
        qFatal("the reference design does not load");
    return std::move(*loaded.design);
}

struct Cell
{
    QString id, parent, style, value, source, target;
    bool vertex = false;
    bool edge = false;
    QRectF geometry;
};

/// The cells of a draw.io file, checking the nesting mxfile > diagram > mxGraphModel > root.
QList<Cell> parseDrawio(const QByteArray &xml, QString *problem)
{
    QXmlStreamReader reader(xml);
    QStringList path;
    QList<Cell> cells;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            path << reader.name().toString();
            const auto a = reader.attributes();
            if (reader.name() == QLatin1String("mxCell")) {
                if (path.mid(0, 4)
                    != QStringList{"mxfile", "diagram", "mxGraphModel", "root"}) {
                    *problem = QStringLiteral("mxCell at ") + path.join('/');
                    return {};
                }
                Cell cell;
                cell.id = a.value("id").toString();
                cell.parent = a.value("parent").toString();
                cell.style = a.value("style").toString();
                cell.value = a.value("value").toString();
                cell.source = a.value("source").toString();
                cell.target = a.value("target").toString();
                cell.vertex = a.value("vertex") == QLatin1String("1");
                cell.edge = a.value("edge") == QLatin1String("1");
                cells << cell;
            } else if (reader.name() == QLatin1String("mxGeometry") && !cells.isEmpty()) {
                cells.last().geometry = QRectF(a.value("x").toDouble(), a.value("y").toDouble(),
                                               a.value("width").toDouble(),
                                               a.value("height").toDouble());
            }
        } else if (reader.isEndElement()) {
            path.removeLast();
        }
    }
    if (reader.hasError())
        *problem = reader.errorString();
    return cells;
}

QString pdfInfo(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdfinfo"), {path});
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pdfPages(const QString &info)
{
    static const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    const auto match = pages.match(info);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

/// The text drawn in an SVG file: the contents of its <text> elements, joined.
QString svgText(const QByteArray &svg, QString *problem)
{
    QXmlStreamReader reader(svg);
    QString text;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("text"))
            text += reader.readElementText(QXmlStreamReader::IncludeChildElements) + ' ';
    }
    if (reader.hasError())
        *problem = reader.errorString();
    return text.simplified();
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QStandardPaths::findExecutable("pdfinfo").size() > 0); }

    void drawioHasOneCellPerElementAndLink();
    void drawioStylesAreDrawiosAwsShapes();
    void drawioEscapesNamesAndKeepsSelectionWhole();
    void svgIsVectorWithEveryLabel();
    void pngHasTheChosenScale();
    void pdfPagesAndPageSize_data();
    void pdfPagesAndPageSize();
    void headlessCommandNeedsNoDisplay();
    void commandRefusesBadInput_data();
    void commandRefusesBadInput();
    void dialogBuildsTheRequest();
    void bundleFolderAndZipFromTheCommand();

private:
    QTemporaryDir m_dir;
};

void TestExport::drawioHasOneCellPerElementAndLink()
{
    const model::Design design = referenceDesign();
    QString problem;
    const QList<Cell> cells
        = parseDrawio(QByteArray::fromStdString(model::exporting::exportDrawio(design)), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(cells.size() >= 2);
    QCOMPARE(cells[0].id, QStringLiteral("0"));
    QCOMPARE(cells[1].id, QStringLiteral("1"));
    QCOMPARE(cells[1].parent, QStringLiteral("0"));

    std::map<QString, Cell> byId;
    for (const Cell &cell : cells)
        QVERIFY2(byId.emplace(cell.id, cell).second, qPrintable("duplicate id " + cell.id));

    const model::Layout layout = model::autoLayout(design);
    int drawnLinks = 0;
    for (const auto &element : design.elements()) {
        const QString id = "heiiki-" + QString::fromStdString(element->id.str());
        QVERIFY2(byId.count(id), qPrintable("no cell for " + id));
        const Cell &cell = byId[id];
        QVERIFY(cell.vertex);
        const QString parent = element->parent.isNull()
                                   ? QStringLiteral("1")
                                   : "heiiki-" + QString::fromStdString(element->parent.str());
        QCOMPARE(cell.parent, parent);
        // Containers keep the layout's box, relative to their parent; nodes sit inside theirs.
        const model::Geometry box = layout.at(element->id);
        const QRectF cellBox(box.x, box.y, box.width, box.height);
        if (model::Catalogue::instance().info(element->kind).container)
            QCOMPARE(cell.geometry, cellBox);
        else
            QVERIFY2(cellBox.contains(cell.geometry), qPrintable(id));
    }
    for (const auto &link : design.links()) {
        const QString id = "heiiki-" + QString::fromStdString(link->id.str());
        if (model::Catalogue::instance().info(link->kind).toPolicy) {
            QVERIFY(!byId.count(id));
            continue;
        }
        ++drawnLinks;
        QVERIFY2(byId.count(id), qPrintable("no edge for " + id));
        QVERIFY(byId[id].edge);
        QVERIFY(byId.count(byId[id].source) && byId.count(byId[id].target));
    }
    QVERIFY(drawnLinks > 0);
    QCOMPARE(cells.size(), 2 + static_cast<int>(design.elements().size()) + drawnLinks);
}

void TestExport::drawioStylesAreDrawiosAwsShapes()
{
    const model::Design design = referenceDesign();
    int publicSubnets = 0;
    int privateSubnets = 0;
    for (const auto &element : design.elements()) {
        const QString style
            = QString::fromStdString(model::exporting::drawioStyle(design, *element));
        switch (element->kind) {
        case model::ElementKind::Vpc:
            QVERIFY(style.contains("shape=mxgraph.aws4.group;"));
            QVERIFY(style.contains("grIcon=mxgraph.aws4.group_vpc2;strokeColor=#8C4FFF;"
                                   "fillColor=none;"));
            QVERIFY(style.contains("container=1;"));
            break;
        case model::ElementKind::Region:
            QVERIFY(style.contains("grIcon=mxgraph.aws4.group_region;"));
            QVERIFY(style.contains("dashed=1;"));
            break;
        case model::ElementKind::Account:
            QVERIFY(style.contains("grIcon=mxgraph.aws4.group_account;"));
            break;
        case model::ElementKind::CorporateDc:
            QVERIFY(style.contains("grIcon=mxgraph.aws4.group_corporate_data_center;"));
            break;
        case model::ElementKind::Subnet:
            QVERIFY(style.contains("grIcon=mxgraph.aws4.group_security_group;"));
            if (style.contains("strokeColor=#7AA116;fillColor=#F2F6E8;"))
                ++publicSubnets;
            else if (style.contains("strokeColor=#00A4A6;fillColor=#E6F6F7;"))
                ++privateSubnets;
            else
                QFAIL(qPrintable("subnet style " + style));
            break;
        case model::ElementKind::TransitGateway:
            QVERIFY(style.contains("shape=mxgraph.aws4.resourceIcon;"));
            QVERIFY(style.contains("resIcon=mxgraph.aws4.transit_gateway;"));
            break;
        case model::ElementKind::NetworkFirewall:
            QVERIFY(style.contains("resIcon=mxgraph.aws4.network_firewall;"));
            break;
        case model::ElementKind::NatGateway:
            QVERIFY(style.contains("shape=mxgraph.aws4.nat_gateway;"));
            break;
        case model::ElementKind::VpcEndpoint:
            QVERIFY(style.contains("shape=mxgraph.aws4.endpoint"));
            break;
        case model::ElementKind::Ec2Instance:
            QVERIFY(style.contains("shape=mxgraph.aws4.instance2;"));
            break;
        case model::ElementKind::IamRole:
            QVERIFY(style.contains("shape=mxgraph.aws4.role;"));
            break;
        case model::ElementKind::AvailabilityZone:
            // draw.io's own Availability Zone group: a dashed blue outline, no icon.
            QVERIFY(style.contains("strokeColor=#147EBA;dashed=1;"));
            QVERIFY(style.contains("container=1;"));
            break;
        case model::ElementKind::SecurityGroup:
            QVERIFY(style.contains("strokeColor=#DD3522;"));
            break;
        default:
            QVERIFY2(style.contains("mxgraph.aws4."), qPrintable(style));
        }
    }
    QVERIFY(privateSubnets > 0);
}

void TestExport::drawioEscapesNamesAndKeepsSelectionWhole()
{
    model::Design design = referenceDesign();
    // A name with every XML special character survives the trip.
    model::Element *instance = nullptr;
    for (const auto &element : design.elements()) {
        if (element->kind == model::ElementKind::Ec2Instance) {
            instance = design.element(element->id);
            break;
        }
    }
    QVERIFY(instance);
    instance->name = "app <1> & \"blue\" 'x'";
    model::exporting::DrawioOptions options;
    options.only.insert(instance->id);
    QString problem;
    const QList<Cell> cells = parseDrawio(
        QByteArray::fromStdString(model::exporting::exportDrawio(design, options)), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // The instance and exactly its ancestors.
    int expected = 2;
    for (const model::Element *e = instance; e;
         e = e->parent.isNull() ? nullptr : design.element(e->parent))
        ++expected;
    QCOMPARE(cells.size(), expected);
    const QString instanceId = "heiiki-" + QString::fromStdString(instance->id.str());
    bool found = false;
    for (const Cell &cell : cells) {
        if (cell.id == instanceId) {
            found = true;
            // html=1 values are HTML: the name is HTML-escaped inside the XML attribute.
            QCOMPARE(cell.value, QStringLiteral("app &lt;1&gt; &amp; &quot;blue&quot; 'x'"));
        }
    }
    QVERIFY(found);
}

void TestExport::svgIsVectorWithEveryLabel()
{
    const model::Design design = referenceDesign();
    const QString path = m_dir.filePath("reference.svg");
    ui::ExportRequest request;
    request.format = ui::ExportFormat::Svg;
    request.output = path;
    const ui::ExportOutcome outcome = ui::runExport(design, request);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    const QByteArray svg = tests::readBytes(path);
    QVERIFY(svg.contains("<svg"));
    QString problem;
    const QString text = svgText(svg, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const ui::DiagramRenderer renderer(design);
    const QStringList labels = renderer.labels();
    QCOMPARE(labels.size(), static_cast<int>(design.elements().size()));
    for (const QString &label : labels) {
        QVERIFY(!label.isEmpty());
        for (QString word : label.split(' ', Qt::SkipEmptyParts)) {
            word.remove(QChar(0x2026)); // an elided last line ends in "…"
            QVERIFY2(text.contains(word), qPrintable("\"" + word + "\" of " + label));
        }
    }
    // The title block: the design's name and the validation summary.
    QVERIFY(text.contains(QString::fromStdString(design.settings().name).split(' ').first()));
    QVERIFY2(text.contains("attack scenarios blocked"), qPrintable(text.right(400)));
    QVERIFY(text.contains("Legend"));
}

void TestExport::pngHasTheChosenScale()
{
    const model::Design design = referenceDesign();
    const ui::DiagramRenderer renderer(design);
    const QString path = m_dir.filePath("reference.png");
    QString error;
    QVERIFY2(renderer.writePng(path, 1.5, &error), qPrintable(error));
    QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), (renderer.naturalSize() * 1.5).toSize());
    // Not a blank sheet: the diagram's colours are there.
    int coloured = 0;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            if (image.pixelColor(x, y) != QColor(Qt::white))
                ++coloured;
    QVERIFY(coloured > 100);
    QVERIFY(!renderer.writePng(m_dir.filePath("x.png"), 0, &error));
    QVERIFY(error.contains("scale"));
}

void TestExport::pdfPagesAndPageSize_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("orientation");
    QTest::addColumn<QString>("size");
    QTest::newRow("A4 landscape, fit") << 1 << 1 << int(QPageSize::A4)
                                      << int(QPageLayout::Landscape) << "842 x 595 pts (A4)";
    QTest::newRow("A3 portrait, fit") << 1 << 1 << int(QPageSize::A3)
                                     << int(QPageLayout::Portrait) << "842 x 1191 pts (A3)";
    QTest::newRow("A4, 2x2 pages") << 2 << 2 << int(QPageSize::A4) << int(QPageLayout::Landscape)
                                  << "842 x 595 pts (A4)";
}

void TestExport::pdfPagesAndPageSize()
{
    QFETCH(int, columns);
    QFETCH(int, rows);
    QFETCH(int, pageSize);
    QFETCH(int, orientation);
    QFETCH(QString, size);
    const ui::DiagramRenderer renderer(referenceDesign());
    ui::PdfOptions options;
    options.columns = columns;
    options.rows = rows;
    options.pageSize = QPageSize::PageSizeId(pageSize);
    options.orientation = QPageLayout::Orientation(orientation);
    const QString path = m_dir.filePath(QStringLiteral("d%1%2%3.pdf").arg(columns).arg(rows).arg(pageSize));
    QString error;
    QVERIFY2(renderer.writePdf(path, options, &error), qPrintable(error));
    const QString info = pdfInfo(path);
    QCOMPARE(pdfPages(info), columns * rows);
    QVERIFY2(info.contains(size), qPrintable(info));
}

void TestExport::headlessCommandNeedsNoDisplay()
{
    const QString design
        = tests::sourcePath(QStringLiteral("resources/samples/reference-tokyo.heiiki.json"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    env.remove("XDG_RUNTIME_DIR"); // as in a CI job: no login session
    const QStringList outputs{m_dir.filePath("cli.svg"), m_dir.filePath("cli.png"),
                              m_dir.filePath("cli.pdf"), m_dir.filePath("cli.drawio")};
    for (const QString &output : outputs) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(HEIIKI_BINARY), {"export", design, "-o", output});
        QVERIFY(process.waitForFinished(60000));
        const QByteArray errors = process.readAllStandardError();
        QVERIFY2(process.exitCode() == 0, errors.constData());
        QVERIFY(QFileInfo(output).size() > 0);
        // A successful export says nothing on stderr (no warnings from the platform).
        QVERIFY2(errors.trimmed().isEmpty(), errors.constData());
    }
    QVERIFY(tests::readBytes(m_dir.filePath("cli.drawio")).startsWith("<mxfile"));
    QCOMPARE(pdfPages(pdfInfo(m_dir.filePath("cli.pdf"))), 1);
}

void TestExport::commandRefusesBadInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString design
        = tests::sourcePath(QStringLiteral("resources/samples/reference-tokyo.heiiki.json"));
    QTest::newRow("unknown format") << QStringList{design, "-o", "x.foo"} << "--format";
    QTest::newRow("bad format name")
        << QStringList{design, "-o", "x.svg", "--format", "visio"} << "unknown format \"visio\"";
    QTest::newRow("bad pages") << QStringList{design, "-o", "x.pdf", "--pages", "0x2"} << "--pages";
    QTest::newRow("bad page") << QStringList{design, "-o", "x.pdf", "--page", "letter"}
                              << "--page must be a4 or a3";
    QTest::newRow("scale on svg") << QStringList{design, "-o", "x.svg", "--scale", "2"}
                                  << "PNG only";
    QTest::newRow("unknown element") << QStringList{design, "-o", "x.svg", "--only", "nope"}
                                     << "no element \"nope\"";
    QTest::newRow("missing design") << QStringList{"/nonexistent.heiiki.json", "-o", "x.svg"}
                                    << "nonexistent";
    QTest::newRow("no output") << QStringList{design} << "usage";
    QTest::newRow("missing folder")
        << QStringList{design, "-o", "/nonexistent-folder/x.svg"} << "does not exist";
}

void TestExport::commandRefusesBadInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral(HEIIKI_BINARY), QStringList{"export"} + args);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

void TestExport::dialogBuildsTheRequest()
{
    const QList<model::Id> selection{model::Id("vpc-a"), model::Id("vpc-b")};
    ui::ExportDialog dialog(selection, m_dir.filePath("design"));
    auto *format = dialog.findChild<QComboBox *>("format");
    auto *output = dialog.findChild<QLineEdit *>("output");
    QVERIFY(format && output);
    QCOMPARE(output->text(), m_dir.filePath("design.svg"));
    // Choosing a format gives the output that format's suffix.
    dialog.setFormat(ui::ExportFormat::Drawio);
    QCOMPARE(output->text(), m_dir.filePath("design.drawio"));
    dialog.setFormat(ui::ExportFormat::Png);
    QCOMPARE(output->text(), m_dir.filePath("design.png"));
    dialog.findChild<QSpinBox *>("dpi")->setValue(288);
    dialog.findChild<QRadioButton *>("selectionOnly")->setChecked(true);
    ui::ExportRequest request = dialog.request();
    QCOMPARE(request.format, ui::ExportFormat::Png);
    QCOMPARE(request.scale, 3.0);
    QCOMPARE(request.diagram.only, selection);
    // A folder that does not exist is refused in the dialog, with the reason shown.
    output->setText("/nonexistent-folder/design.png");
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto *problem = dialog.findChild<QLabel *>("problem");
    QVERIFY(problem && problem->text().contains("does not exist"));
    // Without a selection, the selection scope cannot be chosen.
    ui::ExportDialog empty({}, m_dir.filePath("design"));
    QVERIFY(!empty.findChild<QRadioButton *>("selectionOnly")->isEnabled());
}

void TestExport::bundleFolderAndZipFromTheCommand()
{
    const QString reference
        = tests::sourcePath(QStringLiteral("resources/samples/reference-tokyo.heiiki.json"));
    const QString folder = m_dir.filePath("bundle");
    QProcess process;
    process.start(QStringLiteral(HEIIKI_BINARY),
                  {"export", reference, "-o", folder, "--format", "bundle"});
    QVERIFY(process.waitForFinished(60000));
    const QByteArray errors = process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, errors.constData());
    // The reference design is clean: no warning, and the manifest names the files written.
    QVERIFY2(!errors.contains("warning"), errors.constData());
    const QByteArray manifest = tests::readBytes(folder + "/manifest.json");
    QVERIFY(!manifest.isEmpty());
    const auto files = heiiki::Json::parse(manifest.toStdString()).at("files");
    QVERIFY(files.size() > 5);
    for (const auto &file : files) {
        const QString path = QString::fromStdString(file.at("path").get<std::string>());
        QVERIFY2(QFileInfo(folder + '/' + path).isFile(), qPrintable(path));
    }
    QVERIFY(QFileInfo(folder + "/README.md").isFile());

    // A .zip by its suffix; a design with errors still exports, and says so.
    const QString initial
        = tests::sourcePath(QStringLiteral("resources/samples/initial-privatelink.heiiki.json"));
    QProcess zip;
    zip.start(QStringLiteral(HEIIKI_BINARY), {"export", initial, "-o", m_dir.filePath("b.zip")});
    QVERIFY(zip.waitForFinished(60000));
    const QString err = QString::fromUtf8(zip.readAllStandardError());
    QVERIFY2(zip.exitCode() == 0, qPrintable(err));
    QVERIFY2(err.contains("warning") && err.contains("NET-011"), qPrintable(err));
    QVERIFY(tests::readBytes(m_dir.filePath("b.zip")).startsWith("PK"));

    // A file where the folder should be is refused with the reason.
    QProcess clash;
    clash.start(QStringLiteral(HEIIKI_BINARY),
                {"export", reference, "-o", m_dir.filePath("b.zip"), "--format", "bundle"});
    QVERIFY(clash.waitForFinished(60000));
    QCOMPARE(clash.exitCode(), 2);
    QVERIFY(QString::fromUtf8(clash.readAllStandardError()).contains("needs a folder"));
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
