#include "validatecommand.h"

#include "clisupport.h"

#include "reportwriters.h"

#include "model/io/designfile.h"
#include "model/io/jsonlocator.h"
#include "model/validation/validator.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace heiiki::app {

int runValidate(const QStringList &args)
{
    QString format = QStringLiteral("text");
    FailThreshold threshold = model::Severity::Error;
    QStringList files;
    auto usage = [] {
        return tr("usage: heiiki validate FILE… [--format text|json|sarif|junit] "
                  "[--fail-on error|warning|never]\n");
    };
    for (int i = 0; i < args.size(); ++i) {
        QString arg = args[i];
        QString value;
        const bool takesValue = arg.startsWith(QLatin1String("--format"))
                                || arg.startsWith(QLatin1String("--fail-on"));
        if (takesValue) {
            const int eq = arg.indexOf('=');
            if (eq > 0) {
                value = arg.mid(eq + 1);
                arg = arg.left(eq);
            } else if (i + 1 < args.size()) {
                value = args[++i];
            } else {
                printErr(tr("heiiki validate: %1 needs a value\n").arg(arg) + usage());
                return 2;
            }
        }
        if (arg == QLatin1String("--format")) {
            static const QStringList formats{QStringLiteral("text"), QStringLiteral("json"),
                                             QStringLiteral("sarif"), QStringLiteral("junit")};
            if (!formats.contains(value)) {
                printErr(tr("heiiki validate: --format must be text, json, sarif or junit, not "
                            "\"%1\"\n").arg(value));
                return 2;
            }
            format = value;
        } else if (arg == QLatin1String("--fail-on")) {
            if (value == QLatin1String("error"))
                threshold = model::Severity::Error;
            else if (value == QLatin1String("warning"))
                threshold = model::Severity::Warning;
            else if (value == QLatin1String("never"))
                threshold = std::nullopt;
            else {
                printErr(tr("heiiki validate: --fail-on must be error, warning or never, not "
                            "\"%1\"\n").arg(value));
                return 2;
            }
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            std::fputs(usage().toLocal8Bit().constData(), stdout);
            return 0;
        } else if (arg.startsWith('-') && arg != QLatin1String("-")) {
            printErr(tr("heiiki validate: unknown option \"%1\"\n").arg(arg) + usage());
            return 2;
        } else {
            files << arg;
        }
    }
    if (files.isEmpty()) {
        printErr(tr("heiiki validate: name at least one design file\n") + usage());
        return 2;
    }

    const model::RuleRegistry registry = model::RuleRegistry::builtin();
    std::vector<FileReport> reports;
    bool unreadable = false;
    bool failing = false;
    for (const QString &file : files) {
        FileReport report;
        report.path = file;
        auto result = model::io::loadDesignFile(file.toStdString());
        if (!result.design) {
            report.loadErrors = std::move(result.errors);
            unreadable = true;
            for (const auto &e : report.loadErrors)
                printErr(QString::fromStdString(e.format(file.toStdString())) + '\n');
        } else {
            report.findings = model::validate(*result.design, registry);
            // Point findings at lines of the file as it is on disk.
            QFile in(file);
            if (!report.findings.empty() && in.open(QIODevice::ReadOnly)) {
                const std::string text = in.readAll().toStdString();
                const model::io::JsonLocator locator(text);
                for (const auto &f : report.findings)
                    report.findingLines.push_back(f.path.empty() ? 0 : locator.find(f.path).line);
            }
            for (const auto &f : report.findings)
                failing = failing || reaches(f, threshold);
        }
        reports.push_back(std::move(report));
    }

    QString output;
    if (format == QLatin1String("json"))
        output = writeJson(reports);
    else if (format == QLatin1String("sarif"))
        output = writeSarif(reports, registry);
    else if (format == QLatin1String("junit"))
        output = writeJUnit(reports, registry, threshold);
    else
        output = writeText(reports, threshold);
    // Load errors already went to stderr; text output repeats nothing for those files.
    std::fputs(output.toUtf8().constData(), stdout);
    std::fflush(stdout);
    if (unreadable)
        return 2;
    return failing ? 1 : 0;
}

} // namespace heiiki::app
