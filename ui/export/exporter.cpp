#include "exporter.h"

#include "model/export/bundlewriter.h"
#include "model/export/drawio.h"
#include "model/export/policybundle.h"
#include "reportwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <array>
#include <unordered_set>

namespace heiiki::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("heiiki::ui::Exporter", text);
}

struct FormatName
{
    ExportFormat format;
    const char *name;
    const char *suffix;
};

constexpr std::array<FormatName, 8> kFormats{{
    {ExportFormat::Svg, "svg", "svg"},
    {ExportFormat::Png, "png", "png"},
    {ExportFormat::Pdf, "pdf", "pdf"},
    {ExportFormat::Drawio, "drawio", "drawio"},
    {ExportFormat::Bundle, "bundle", ""},
    {ExportFormat::BundleZip, "bundle-zip", "zip"},
    {ExportFormat::ReportHtml, "report-html", "html"},
    {ExportFormat::ReportPdf, "report-pdf", "pdf"},
}};

ExportOutcome failed(const QString &message)
{
    ExportOutcome outcome;
    outcome.error = message;
    return outcome;
}

ExportOutcome exportDrawio(const model::Design &design, const ExportRequest &request)
{
    model::exporting::DrawioOptions options;
    if (!design.settings().name.empty())
        options.diagramName = design.settings().name;
    for (const model::Id &id : request.diagram.only)
        options.only.insert(id);
    const std::string xml = model::exporting::exportDrawio(design, options);
    QSaveFile file(request.output);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(xml.data(), static_cast<qint64>(xml.size())) != qint64(xml.size())
        || !file.commit())
        return failed(tr("Cannot write \"%1\": %2").arg(request.output, file.errorString()));
    ExportOutcome outcome;
    outcome.ok = true;
    outcome.written << request.output;
    return outcome;
}

ExportOutcome exportDiagram(const model::Design &design, const ExportRequest &request)
{
    for (const model::Id &id : request.diagram.only) {
        if (!design.element(id))
            return failed(tr("There is no element \"%1\" in the design.")
                              .arg(QString::fromStdString(id.str())));
    }
    const DiagramRenderer renderer(design, request.diagram);
    QString error;
    bool ok = false;
    switch (request.format) {
    case ExportFormat::Svg:
        ok = renderer.writeSvg(request.output, &error);
        break;
    case ExportFormat::Png:
        ok = renderer.writePng(request.output, request.scale, &error);
        break;
    default:
        ok = renderer.writePdf(request.output, request.pdf, &error);
        break;
    }
    if (!ok)
        return failed(error);
    ExportOutcome outcome;
    outcome.ok = true;
    outcome.written << request.output;
    return outcome;
}

ExportOutcome exportBundle(const model::Design &design, const ExportRequest &request)
{
    if (request.format == ExportFormat::Bundle) {
        const QFileInfo info(request.output);
        if (info.exists() && !info.isDir())
            return failed(tr("\"%1\" is a file; the bundle needs a folder.").arg(request.output));
        if (!info.absoluteDir().exists())
            return failed(tr("The folder \"%1\" does not exist.").arg(info.absolutePath()));
    }
    const model::exporting::PolicyBundle bundle = model::exporting::buildPolicyBundle(design);
    try {
        const std::filesystem::path target = request.output.toStdString();
        if (request.format == ExportFormat::Bundle)
            model::exporting::writeBundleToDirectory(bundle, target);
        else
            model::exporting::writeBundleToZip(bundle, target);
    } catch (const model::exporting::BundleWriteError &e) {
        return failed(tr("Cannot write \"%1\": %2")
                          .arg(QString::fromStdString(e.path().string()),
                               QString::fromStdString(e.reason())));
    }
    ExportOutcome outcome;
    outcome.ok = true;
    for (const std::string &warning : bundle.warnings)
        outcome.warnings << QString::fromStdString(warning);
    for (const model::exporting::BundleProblem &problem : bundle.problems)
        outcome.warnings << tr("the bundle's %1 check fails for %2: %3")
                                .arg(QString::fromStdString(problem.check),
                                     QString::fromStdString(problem.file),
                                     QString::fromStdString(problem.message));
    outcome.written << request.output;
    return outcome;
}

} // namespace

ExportOutcome runExport(const model::Design &design, const ExportRequest &request)
{
    if (request.output.isEmpty())
        return failed(tr("No output file was given."));
    if (request.format != ExportFormat::Bundle) {
        const QFileInfo info(request.output);
        if (info.isDir())
            return failed(tr("\"%1\" is a folder; name a file to write.").arg(request.output));
        if (!info.absoluteDir().exists())
            return failed(tr("The folder \"%1\" does not exist.").arg(info.absolutePath()));
    }
    switch (request.format) {
    case ExportFormat::Svg:
    case ExportFormat::Png:
    case ExportFormat::Pdf:
        return exportDiagram(design, request);
    case ExportFormat::Drawio:
        return exportDrawio(design, request);
    case ExportFormat::Bundle:
    case ExportFormat::BundleZip:
        return exportBundle(design, request);
    case ExportFormat::ReportHtml:
    case ExportFormat::ReportPdf: {
        ReportOptions options;
        options.date = request.diagram.date;
        const ReportWriter report(design, options);
        QString error;
        const bool written = request.format == ExportFormat::ReportHtml
                                 ? report.writeHtml(request.output, &error)
                                 : report.writePdf(request.output, &error);
        if (!written)
            return failed(error);
        ExportOutcome outcome;
        outcome.ok = true;
        outcome.warnings = report.warnings();
        outcome.written << request.output;
        return outcome;
    }
    }
    return failed(tr("Unknown export format."));
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    for (const FormatName &f : kFormats) {
        if (name.compare(QLatin1String(f.name), Qt::CaseInsensitive) == 0)
            return f.format;
    }
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatFromPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix.isEmpty())
        return std::nullopt;
    for (const FormatName &f : kFormats) {
        if (suffix == QLatin1String(f.suffix))
            return f.format; // ".pdf" finds the diagram first
    }
    if (suffix == QLatin1String("htm"))
        return ExportFormat::ReportHtml;
    return std::nullopt;
}

QString exportFormatName(ExportFormat format)
{
    for (const FormatName &f : kFormats) {
        if (f.format == format)
            return QLatin1String(f.name);
    }
    return {};
}

QStringList exportFormatNames()
{
    QStringList names;
    for (const FormatName &f : kFormats)
        names << QLatin1String(f.name);
    return names;
}

QString exportSuffix(ExportFormat format)
{
    for (const FormatName &f : kFormats) {
        if (f.format == format)
            return QLatin1String(f.suffix);
    }
    return {};
}

} // namespace heiiki::ui
