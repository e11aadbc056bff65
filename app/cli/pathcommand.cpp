#include "pathcommand.h"

#include "clisupport.h"

#include "model/io/designfile.h"
#include "model/network/pathengine.h"
#include "model/query/pathquerytext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace heiiki::app {

int runPath(const QStringList &args)
{
    const QString usage = tr("usage: heiiki path FILE --from ID|internet --to "
                             "ID|CIDR|domain|service [--port N] [--proto tcp|udp|icmp] "
                             "[--format text|json]\n");
    QString file, from, to, format = QStringLiteral("text"), proto = QStringLiteral("tcp");
    int port = 443;
    for (int i = 0; i < args.size(); ++i) {
        QString arg = args[i];
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            std::fputs(usage.toLocal8Bit().constData(), stdout);
            return 0;
        }
        if (!arg.startsWith(QLatin1String("--"))) {
            if (!file.isEmpty()) {
                printErr(tr("heiiki path: one design file only (\"%1\" is extra)\n").arg(arg));
                return 2;
            }
            file = arg;
            continue;
        }
        QString value;
        const int eq = arg.indexOf('=');
        if (eq > 0) {
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
        }
        static const QStringList known = {QStringLiteral("--from"), QStringLiteral("--to"),
                                          QStringLiteral("--port"), QStringLiteral("--proto"),
                                          QStringLiteral("--format")};
        if (!known.contains(arg)) {
            printErr(tr("heiiki path: unknown option \"%1\"\n").arg(arg) + usage);
            return 2;
        }
        if (eq <= 0) {
            if (i + 1 >= args.size()) {
                printErr(tr("heiiki path: %1 needs a value\n").arg(arg) + usage);
                return 2;
            }
            value = args[++i];
        }
        if (arg == QLatin1String("--from")) {
            from = value;
        } else if (arg == QLatin1String("--to")) {
            to = value;
        } else if (arg == QLatin1String("--port")) {
            bool ok = false;
            port = value.toInt(&ok);
            if (!ok || port < 0 || port > 65535) {
                printErr(tr("heiiki path: --port must be a number from 0 to 65535, not \"%1\"\n")
                             .arg(value));
                return 2;
            }
        } else if (arg == QLatin1String("--proto")) {
            if (value != QLatin1String("tcp") && value != QLatin1String("udp")
                && value != QLatin1String("icmp")) {
                printErr(tr("heiiki path: --proto must be tcp, udp or icmp, not \"%1\"\n")
                             .arg(value));
                return 2;
            }
            proto = value;
        } else if (arg == QLatin1String("--format")) {
            if (value != QLatin1String("text") && value != QLatin1String("json")) {
                printErr(tr("heiiki path: --format must be text or json, not \"%1\"\n").arg(value));
                return 2;
            }
            format = value;
        } else {
            printErr(tr("heiiki path: unknown option \"%1\"\n").arg(arg) + usage);
            return 2;
        }
    }
    if (file.isEmpty() || from.isEmpty() || to.isEmpty()) {
        QStringList missing;
        if (file.isEmpty())
            missing << tr("a design file");
        if (from.isEmpty())
            missing << QStringLiteral("--from");
        if (to.isEmpty())
            missing << QStringLiteral("--to");
        printErr(tr("heiiki path: missing %1\n").arg(missing.join(QStringLiteral(", "))) + usage);
        return 2;
    }

    auto result = model::io::loadDesignFile(file.toStdString());
    if (!result.design) {
        for (const auto &e : result.errors)
            printErr(q(e.format(file.toStdString())) + '\n');
        return 2;
    }
    const model::Design &design = *result.design;

    model::network::Query query;
    query.protocol = proto.toStdString();
    query.port = port;
    if (!model::readPathSource(design, from.toStdString(), query)) {
        printErr(tr("heiiki path: --from \"%1\" is not an element of %2 (or \"internet\")\n")
                     .arg(from, file));
        return 2;
    }
    const model::PathTarget target = model::readPathTarget(design, to.toStdString());
    switch (target.problem) {
    case model::PathTargetProblem::None:
        break;
    case model::PathTargetProblem::BadCidr:
        printErr(
            tr("heiiki path: --to \"%1\" is not a valid CIDR: %2\n").arg(to, q(target.detail)));
        return 2;
    case model::PathTargetProblem::Unknown:
        printErr(tr("heiiki path: --to \"%1\" is not an element of %2, a CIDR, a domain or a "
                    "known AWS service (write service:NAME or domain:NAME to say which)\n")
                     .arg(to, file));
        return 2;
    }
    query.to = target.target;

    const model::network::Topology topology(design);
    const model::network::PathEngine engine(topology);
    const auto path = engine.trace(query);

    if (format == QLatin1String("json")) {
        QJsonArray hops;
        for (const auto &h : path.hops)
            hops.append(QJsonObject{{QStringLiteral("element"), q(h.element.str())},
                                    {QStringLiteral("action"), q(h.action)}});
        QJsonObject out{{QStringLiteral("delivered"), path.delivered},
                        {QStringLiteral("verdict"),
                         path.delivered ? QStringLiteral("delivered") : QStringLiteral("stopped")},
                        {QStringLiteral("reason"), q(std::string(toString(path.reason)))},
                        {QStringLiteral("explanation"), q(path.explanation)},
                        {QStringLiteral("blockedAt"), q(path.blockedAt.str())},
                        {QStringLiteral("resolvedAs"), q(path.resolvedAs)},
                        {QStringLiteral("hops"), hops}};
        std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        QString out;
        if (!path.resolvedAs.empty())
            out += tr("destination: %1\n").arg(q(path.resolvedAs));
        int n = 1;
        for (const auto &h : path.hops)
            out += QStringLiteral("%1. %2  %3\n").arg(n++).arg(q(h.element.str()), q(h.action));
        if (path.delivered)
            out += tr("DELIVERED: %1\n").arg(q(path.explanation));
        else
            out += tr("STOPPED (%1) at %2: %3\n")
                       .arg(q(std::string(toString(path.reason))), q(path.blockedAt.str()),
                            q(path.explanation));
        std::fputs(out.toUtf8().constData(), stdout);
    }
    if (path.reason == model::network::StopReason::BadInput) {
        printErr(tr("heiiki path: %1\n").arg(q(path.explanation)));
        return 2;
    }
    return path.delivered ? 0 : 1;
}

} // namespace heiiki::app
