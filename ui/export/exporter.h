#pragma once

#include "diagramrenderer.h"

#include "model/core/design.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace heiiki::ui {

/// What File > Export and `heiiki export` can write.
enum class ExportFormat {
    Svg,        ///< review diagram, vector with real text
    Png,        ///< review diagram, raster
    Pdf,        ///< review diagram on A4/A3 pages
    Drawio,     ///< uncompressed draw.io / diagrams.net file
    Bundle,     ///< the policy bundle as a folder
    BundleZip,  ///< the policy bundle as a .zip
    ReportHtml, ///< the review report, one self-contained HTML file
    ReportPdf,  ///< the review report as PDF
};

/// One export: what, where, and how.
struct ExportRequest
{
    ExportFormat format = ExportFormat::Svg;
    QString output;          ///< a file, or a folder for ExportFormat::Bundle
    DiagramOptions diagram;  ///< scope, title block and legend of diagrams
    double scale = 2;        ///< PNG: pixels per scene unit (1 = 96 dpi)
    PdfOptions pdf;          ///< diagram PDF: page size, orientation, pages
};

/// How an export went. An export that wrote its output may still carry warnings (a design
/// with errors exports, and says so).
struct ExportOutcome
{
    bool ok = false;
    QString error;       ///< when !ok: what went wrong and where
    QStringList warnings;
    QStringList written; ///< the files written
};

/// Writes \a design as \a request asks. Needs a QApplication (the offscreen platform will do).
ExportOutcome runExport(const model::Design &design, const ExportRequest &request);

/// The format named \a name on the command line ("svg", "drawio", "report-pdf"…).
std::optional<ExportFormat> exportFormatFromName(const QString &name);
/// The format a file name implies by its suffix (".svg", ".drawio", ".zip", ".html"…); a
/// ".pdf" is a diagram.
std::optional<ExportFormat> exportFormatFromPath(const QString &path);
/// The command-line name of \a format ("svg", "report-pdf"…).
QString exportFormatName(ExportFormat format);
/// The command-line names of all formats, for help and messages.
QStringList exportFormatNames();
/// The suffix a file of \a format gets (without the dot; empty for a folder).
QString exportSuffix(ExportFormat format);

} // namespace heiiki::ui
