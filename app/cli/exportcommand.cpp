#include "exportcommand.h"

#include "clisupport.h"

#include "model/io/designfile.h"
#include "ui/export/exporter.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace heiiki::app {

namespace {

QString usage()
{
    return tr("usage: heiiki export FILE -o OUTPUT [--format FORMAT]\n"
              "                     [--only ID,…] [--scale N | --dpi N]\n"
              "                     [--page a4|a3] [--orientation landscape|portrait]\n"
              "                     [--pages COLUMNSxROWS] [--no-title] [--no-legend]\n"
              "  FORMAT: %1 (default: from OUTPUT's suffix)\n")
        .arg(ui::exportFormatNames().join(QStringLiteral(", ")));
}

int badInput(const QString &message)
{
    printErr(tr("heiiki export: %1\n").arg(message));
    return 2;
}

} // namespace

int runExport(const QStringList &args)
{
    QString file;
    QString formatName;
    ui::ExportRequest request;
    bool scaleGiven = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        QString option = a;
        QString value;
        const bool takesValue
            = QStringList{QStringLiteral("-o"),      QStringLiteral("--output"),
                          QStringLiteral("--format"), QStringLiteral("--only"),
                          QStringLiteral("--scale"),  QStringLiteral("--dpi"),
                          QStringLiteral("--page"),   QStringLiteral("--orientation"),
                          QStringLiteral("--pages")}
                  .contains(a.section(QLatin1Char('='), 0, 0));
        if (takesValue) {
            if (a.contains(QLatin1Char('='))) {
                option = a.section(QLatin1Char('='), 0, 0);
                value = a.section(QLatin1Char('='), 1);
            } else if (i + 1 < args.size()) {
                value = args[++i];
            } else {
                return badInput(tr("%1 needs a value").arg(a));
            }
        }
        if (option == QLatin1String("-o") || option == QLatin1String("--output")) {
            request.output = value;
        } else if (option == QLatin1String("--format")) {
            formatName = value;
        } else if (option == QLatin1String("--only")) {
            for (const QString &id : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
                request.diagram.only << model::Id(id.trimmed().toStdString());
        } else if (option == QLatin1String("--scale") || option == QLatin1String("--dpi")) {
            bool ok = false;
            const double n = value.toDouble(&ok);
            if (!ok || n <= 0)
                return badInput(tr("%1 must be a positive number, not \"%2\"").arg(option, value));
            request.scale = option == QLatin1String("--dpi") ? n / 96.0 : n;
            scaleGiven = true;
        } else if (option == QLatin1String("--page")) {
            if (value.compare(QLatin1String("a4"), Qt::CaseInsensitive) == 0)
                request.pdf.pageSize = QPageSize::A4;
            else if (value.compare(QLatin1String("a3"), Qt::CaseInsensitive) == 0)
                request.pdf.pageSize = QPageSize::A3;
            else
                return badInput(tr("--page must be a4 or a3, not \"%1\"").arg(value));
        } else if (option == QLatin1String("--orientation")) {
            if (value == QLatin1String("landscape"))
                request.pdf.orientation = QPageLayout::Landscape;
            else if (value == QLatin1String("portrait"))
                request.pdf.orientation = QPageLayout::Portrait;
            else
                return badInput(
                    tr("--orientation must be landscape or portrait, not \"%1\"").arg(value));
        } else if (option == QLatin1String("--pages")) {
            static const QRegularExpression grid(QStringLiteral("^([1-9][0-9]?)[xX]([1-9][0-9]?)$"));
            const auto match = grid.match(value);
            if (!match.hasMatch())
                return badInput(
                    tr("--pages must be COLUMNSxROWS such as 2x1, not \"%1\"").arg(value));
            request.pdf.columns = match.captured(1).toInt();
            request.pdf.rows = match.captured(2).toInt();
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            std::fputs(usage().toLocal8Bit().constData(), stdout);
            return 0;
        } else if (a == QLatin1String("--no-title")) {
            request.diagram.titleBlock = false;
        } else if (a == QLatin1String("--no-legend")) {
            request.diagram.legend = false;
        } else if (a.startsWith(QLatin1Char('-'))) {
            printErr(tr("heiiki export: unknown option \"%1\"\n").arg(a) + usage());
            return 2;
        } else if (file.isEmpty()) {
            file = a;
        } else {
            return badInput(tr("one design at a time; \"%1\" is one too many").arg(a));
        }
    }
    if (file.isEmpty() || request.output.isEmpty()) {
        printErr(tr("heiiki export: missing %1\n")
                     .arg(file.isEmpty() ? tr("a design file") : tr("-o OUTPUT"))
                 + usage());
        return 2;
    }
    if (!formatName.isEmpty()) {
        const auto format = ui::exportFormatFromName(formatName);
        if (!format)
            return badInput(tr("unknown format \"%1\"; one of %2")
                                .arg(formatName, ui::exportFormatNames().join(QStringLiteral(", "))));
        request.format = *format;
    } else if (const auto format = ui::exportFormatFromPath(request.output)) {
        request.format = *format;
    } else if (QFileInfo(request.output).isDir()) {
        request.format = ui::ExportFormat::Bundle;
    } else {
        return badInput(tr("cannot tell the format from \"%1\"; give --format (%2)")
                            .arg(request.output, ui::exportFormatNames().join(QStringLiteral(", "))));
    }
    if (scaleGiven && request.format != ui::ExportFormat::Png)
        return badInput(tr("--scale and --dpi apply to PNG only"));

    auto loaded = model::io::loadDesignFile(file.toStdString());
    if (!loaded.design) {
        for (const auto &e : loaded.errors)
            printErr(q(e.format(file.toStdString())) + QLatin1Char('\n'));
        return 2;
    }
    const ui::ExportOutcome outcome = ui::runExport(*loaded.design, request);
    for (const QString &warning : outcome.warnings)
        printErr(tr("heiiki export: warning: %1\n").arg(warning));
    if (!outcome.ok)
        return badInput(outcome.error);
    for (const QString &path : outcome.written)
        std::printf("%s\n", path.toLocal8Bit().constData());
    return 0;
}

} // namespace heiiki::app
