#include "reportwriters.h"

#include "clisupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QXmlStreamWriter>

namespace heiiki::app {

using model::Finding;
using model::Severity;

namespace {

QString severityName(Severity s)
{
    return q(std::string(model::toString(s)));
}

QJsonArray elementIds(const Finding &f)
{
    QJsonArray ids;
    for (const auto &id : f.elements)
        ids.append(q(id.str()));
    return ids;
}

QString artifactUri(const QString &path)
{
    const QFileInfo info(path);
    if (info.isAbsolute())
        return QUrl::fromLocalFile(QDir::cleanPath(path)).toString(QUrl::FullyEncoded);
    // A relative reference: percent-encode everything but the separators.
    return QString::fromLatin1(
        QUrl::toPercentEncoding(QDir::fromNativeSeparators(QDir::cleanPath(path)), "/"));
}

} // namespace

bool reaches(const Finding &finding, FailThreshold threshold)
{
    return threshold && finding.severity >= *threshold;
}

QString writeText(const std::vector<FileReport> &reports, FailThreshold threshold)
{
    QString out;
    for (const auto &r : reports) {
        if (!r.loaded()) {
            out += QStringLiteral("%1: ").arg(r.path)
                   + tr("not validated: the file cannot be loaded (%1 error(s), listed on "
                        "stderr)")
                         .arg(r.loadErrors.size())
                   + '\n';
            continue;
        }
        model::FindingSummary summary = model::summarize(r.findings);
        for (size_t i = 0; i < r.findings.size(); ++i) {
            const Finding &f = r.findings[i];
            QStringList ids;
            for (const auto &id : f.elements)
                ids << q(id.str());
            const int line = i < r.findingLines.size() ? r.findingLines[i] : 0;
            out += QStringLiteral("%1%2: %3 %4 [%5]: %6\n")
                       .arg(r.path, line > 0 ? QStringLiteral(":%1").arg(line) : QString(),
                            severityName(f.severity), q(f.ruleId), ids.join(QStringLiteral(", ")),
                            q(f.message));
            if (!f.fix.empty())
                out += QStringLiteral("    %1 %2\n").arg(tr("fix:"), q(f.fix));
            if (!f.path.empty())
                out += QStringLiteral("    %1 %2\n").arg(tr("at"), q(f.path));
        }
        int failing = 0;
        for (const auto &f : r.findings)
            failing += reaches(f, threshold) ? 1 : 0;
        out += QStringLiteral("%1: ").arg(r.path)
               + tr("%1 error(s), %2 warning(s), %3 note(s)")
                     .arg(summary.errors)
                     .arg(summary.warnings)
                     .arg(summary.infos)
               + (failing ? QStringLiteral(" — %1").arg(tr("fails")) : QString()) + '\n';
    }
    return out;
}

QString writeJson(const std::vector<FileReport> &reports)
{
    QJsonArray files;
    for (const auto &r : reports) {
        QJsonObject file{{QStringLiteral("path"), r.path}};
        if (!r.loaded()) {
            QJsonArray errors;
            for (const auto &e : r.loadErrors)
                errors.append(QJsonObject{{QStringLiteral("pointer"), q(e.pointer)},
                                          {QStringLiteral("message"), q(e.message)},
                                          {QStringLiteral("line"), e.line},
                                          {QStringLiteral("column"), e.column}});
            file.insert(QStringLiteral("errors"), errors);
        } else {
            QJsonArray findings;
            for (const auto &f : r.findings)
                findings.append(QJsonObject{{QStringLiteral("rule"), q(f.ruleId)},
                                            {QStringLiteral("severity"), severityName(f.severity)},
                                            {QStringLiteral("elements"), elementIds(f)},
                                            {QStringLiteral("message"), q(f.message)},
                                            {QStringLiteral("fix"), q(f.fix)},
                                            {QStringLiteral("path"), q(f.path)}});
            file.insert(QStringLiteral("findings"), findings);
        }
        files.append(file);
    }
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("files"), files}}).toJson(QJsonDocument::Indented));
}

QString writeSarif(const std::vector<FileReport> &reports, const model::RuleRegistry &registry)
{
    auto level = [](Severity s) {
        switch (s) {
        case Severity::Error: return QStringLiteral("error");
        case Severity::Warning: return QStringLiteral("warning");
        case Severity::Info: return QStringLiteral("note");
        }
        return QStringLiteral("error");
    };
    QJsonArray rules;
    const auto ruleList = registry.rules();
    for (const auto *rule : ruleList)
        rules.append(QJsonObject{
            {QStringLiteral("id"), q(std::string(rule->id()))},
            {QStringLiteral("shortDescription"),
             QJsonObject{{QStringLiteral("text"), q(std::string(rule->title()))}}},
            {QStringLiteral("defaultConfiguration"),
             QJsonObject{{QStringLiteral("level"), level(rule->severity())}}}});
    auto ruleIndex = [&](const std::string &id) {
        for (size_t i = 0; i < ruleList.size(); ++i)
            if (ruleList[i]->id() == id)
                return static_cast<int>(i);
        return -1;
    };

    QJsonArray results;
    QJsonArray notifications;
    QJsonArray artifacts;
    bool allLoaded = true;
    for (const auto &r : reports) {
        const QString uri = artifactUri(r.path);
        artifacts.append(QJsonObject{{QStringLiteral("location"),
                                      QJsonObject{{QStringLiteral("uri"), uri}}}});
        auto location = [&](int line, int column, const std::string &pointer) {
            QJsonObject physical{{QStringLiteral("artifactLocation"),
                                  QJsonObject{{QStringLiteral("uri"), uri}}}};
            if (line > 0) {
                QJsonObject region{{QStringLiteral("startLine"), line}};
                if (column > 0)
                    region.insert(QStringLiteral("startColumn"), column);
                physical.insert(QStringLiteral("region"), region);
            }
            QJsonObject loc{{QStringLiteral("physicalLocation"), physical}};
            if (!pointer.empty())
                loc.insert(QStringLiteral("logicalLocations"),
                           QJsonArray{QJsonObject{{QStringLiteral("fullyQualifiedName"),
                                                   q(pointer)}}});
            return loc;
        };
        if (!r.loaded()) {
            allLoaded = false;
            for (const auto &e : r.loadErrors)
                notifications.append(QJsonObject{
                    {QStringLiteral("level"), QStringLiteral("error")},
                    {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), q(e.message)}}},
                    {QStringLiteral("locations"),
                     QJsonArray{location(e.line, e.column, e.pointer)}}});
            continue;
        }
        for (size_t i = 0; i < r.findings.size(); ++i) {
            const Finding &f = r.findings[i];
            QJsonObject result{
                {QStringLiteral("ruleId"), q(f.ruleId)},
                {QStringLiteral("level"), level(f.severity)},
                {QStringLiteral("message"),
                 QJsonObject{{QStringLiteral("text"),
                              q(f.message) + (f.fix.empty() ? QString()
                                                            : QStringLiteral(" ") + tr("Fix:")
                                                                  + ' ' + q(f.fix))}}},
                {QStringLiteral("locations"),
                 QJsonArray{location(i < r.findingLines.size() ? r.findingLines[i] : 0, 0,
                                     f.path)}},
                {QStringLiteral("properties"),
                 QJsonObject{{QStringLiteral("elements"), elementIds(f)},
                             {QStringLiteral("fix"), q(f.fix)}}}};
            if (const int index = ruleIndex(f.ruleId); index >= 0)
                result.insert(QStringLiteral("ruleIndex"), index);
            results.append(result);
        }
    }
    QJsonObject invocation{{QStringLiteral("executionSuccessful"), allLoaded}};
    if (!notifications.isEmpty())
        invocation.insert(QStringLiteral("toolExecutionNotifications"), notifications);
    QJsonObject run{
        {QStringLiteral("tool"),
         QJsonObject{{QStringLiteral("driver"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("Heiiki")},
                                  {QStringLiteral("version"), QStringLiteral(HEIIKI_VERSION)},
                                  {QStringLiteral("rules"), rules}}}}},
        {QStringLiteral("artifacts"), artifacts},
        {QStringLiteral("invocations"), QJsonArray{invocation}},
        {QStringLiteral("results"), results}};
    QJsonObject log{
        {QStringLiteral("$schema"),
         QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
        {QStringLiteral("version"), QStringLiteral("2.1.0")},
        {QStringLiteral("runs"), QJsonArray{run}}};
    return QString::fromUtf8(QJsonDocument(log).toJson(QJsonDocument::Indented));
}

QString writeJUnit(const std::vector<FileReport> &reports, const model::RuleRegistry &registry,
                   FailThreshold threshold)
{
    QString out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("heiiki validate"));
    const auto rules = registry.rules();
    for (const auto &r : reports) {
        xml.writeStartElement(QStringLiteral("testsuite"));
        xml.writeAttribute(QStringLiteral("name"), r.path);
        if (!r.loaded()) {
            xml.writeAttribute(QStringLiteral("tests"), QStringLiteral("1"));
            xml.writeAttribute(QStringLiteral("failures"), QStringLiteral("0"));
            xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("1"));
            xml.writeStartElement(QStringLiteral("testcase"));
            xml.writeAttribute(QStringLiteral("classname"), r.path);
            xml.writeAttribute(QStringLiteral("name"), QStringLiteral("load"));
            xml.writeStartElement(QStringLiteral("error"));
            xml.writeAttribute(QStringLiteral("message"), tr("the design cannot be loaded"));
            QStringList lines;
            for (const auto &e : r.loadErrors)
                lines << q(e.format(r.path.toStdString()));
            xml.writeCharacters(lines.join('\n'));
            xml.writeEndElement(); // error
            xml.writeEndElement(); // testcase
            xml.writeEndElement(); // testsuite
            continue;
        }
        int failures = 0;
        for (const auto *rule : rules)
            for (const auto &f : r.findings)
                if (f.ruleId == rule->id() && reaches(f, threshold)) {
                    ++failures;
                    break;
                }
        xml.writeAttribute(QStringLiteral("tests"), QString::number(rules.size()));
        xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
        xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
        for (const auto *rule : rules) {
            xml.writeStartElement(QStringLiteral("testcase"));
            xml.writeAttribute(QStringLiteral("classname"), r.path);
            xml.writeAttribute(QStringLiteral("name"), q(std::string(rule->id())));
            QStringList failing, other;
            for (const auto &f : r.findings) {
                if (f.ruleId != rule->id())
                    continue;
                const QString line = QStringLiteral("%1: %2 %3").arg(severityName(f.severity),
                                                                     q(f.message), q(f.fix));
                (reaches(f, threshold) ? failing : other) << line;
            }
            if (!failing.isEmpty()) {
                xml.writeStartElement(QStringLiteral("failure"));
                xml.writeAttribute(QStringLiteral("message"), q(std::string(rule->title())));
                xml.writeAttribute(QStringLiteral("type"), q(std::string(rule->id())));
                xml.writeCharacters(failing.join('\n'));
                xml.writeEndElement();
            }
            if (!other.isEmpty())
                xml.writeTextElement(QStringLiteral("system-out"), other.join('\n'));
            xml.writeEndElement(); // testcase
        }
        xml.writeEndElement(); // testsuite
    }
    xml.writeEndElement(); // testsuites
    xml.writeEndDocument();
    return out;
}

} // namespace heiiki::app
