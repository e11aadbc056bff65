#include "scenarioscommand.h"

#include "clisupport.h"

#include "model/io/designfile.h"
#include "model/scenarios/scenarios.h"
#include "model/validation/validationcontext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace heiiki::app {

int runScenarios(const QStringList &args)
{
    QString file, format = QStringLiteral("text");
    for (int i = 0; i < args.size(); ++i) {
        QString a = args[i];
        if (a == QLatin1String("--format") || a.startsWith(QLatin1String("--format="))) {
            const QString v = a.contains('=') ? a.mid(a.indexOf('=') + 1) : args.value(++i);
            if (v != QLatin1String("text") && v != QLatin1String("json")) {
                std::fputs(tr("heiiki scenarios: --format must be text or json, not \"%1\"\n")
                               .arg(v).toLocal8Bit().constData(), stderr);
                return 2;
            }
            format = v;
        } else if (a.startsWith('-')) {
            std::fputs(tr("heiiki scenarios: unknown option \"%1\"\n").arg(a).toLocal8Bit()
                           .constData(), stderr);
            return 2;
        } else {
            file = a;
        }
    }
    if (file.isEmpty()) {
        std::fputs(tr("heiiki scenarios: missing a design file\n"
                      "usage: heiiki scenarios FILE [--format text|json]\n")
                       .toLocal8Bit()
                       .constData(),
                   stderr);
        return 2;
    }
    auto loaded = model::io::loadDesignFile(file.toStdString());
    if (!loaded.design) {
        for (const auto &e : loaded.errors)
            std::fprintf(stderr, "%s\n", e.format(file.toStdString()).c_str());
        return 2;
    }
    const model::ValidationContext context(*loaded.design);
    const auto &results = context.scenarios();
    bool anySucceeds = false;
    QJsonArray list;
    QString text;
    for (const auto &s : results) {
        anySucceeds = anySucceeds || s.succeeds;
        QJsonArray elements;
        for (const auto &id : s.elements)
            elements.append(q(id.str()));
        list.append(QJsonObject{{QStringLiteral("id"), q(s.id)},
                                {QStringLiteral("title"), q(s.title)},
                                {QStringLiteral("verdict"), s.succeeds ? QStringLiteral("succeeds")
                                                                       : QStringLiteral("blocked")},
                                {QStringLiteral("control"), q(s.control)},
                                {QStringLiteral("detail"), q(s.detail)},
                                {QStringLiteral("elements"), elements},
                                {QStringLiteral("path"), q(s.path)}});
        text += QStringLiteral("%1  %2  %3\n    %4: %5\n    %6\n")
                    .arg(q(s.id), s.succeeds ? tr("SUCCEEDS") : tr("blocked "), q(s.title),
                         tr("deciding control"), q(s.control), q(s.detail));
    }
    if (format == QLatin1String("json"))
        std::fputs(QJsonDocument(QJsonObject{{QStringLiteral("path"), file},
                                             {QStringLiteral("scenarios"), list}})
                       .toJson(QJsonDocument::Indented)
                       .constData(),
                   stdout);
    else
        std::fputs(text.toUtf8().constData(), stdout);
    return anySucceeds ? 1 : 0;
}

} // namespace heiiki::app
