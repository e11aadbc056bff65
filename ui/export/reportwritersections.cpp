// The sections of the review report, as XHTML that browsers and QTextDocument both read.
#include "reportwriter.h"

#include "reportchart.h"

#include "model/core/regions.h"
#include "model/validation/ruleregistry.h"
#include "model/validation/validator.h"
#include "ui/panels/designnames.h"
#include "ui/policyeditor/policytypes.h"

#include <algorithm>
#include <array>

namespace heiiki::ui {

namespace {

constexpr std::array<model::Severity, 3> kSeverities{
    model::Severity::Error, model::Severity::Warning, model::Severity::Info};

const char kTable[] = "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\"";

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString esc(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString severityClass(model::Severity severity)
{
    const std::string_view name = model::toString(severity);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

/// A table's start: <table …>, then a row of \a columns' headers when there are any, each
/// \a widths[i] percent wide when given.
QString
tableHead(const QStringList &columns, const QString &cssClass = {}, const QList<int> &widths = {})
{
    QString html = QLatin1String(kTable);
    if (!cssClass.isEmpty())
        html += QStringLiteral(" class=\"%1\"").arg(cssClass);
    html += QStringLiteral(">\n");
    if (columns.isEmpty())
        return html;
    html += QStringLiteral("<tr>");
    for (qsizetype i = 0; i < columns.size(); ++i) {
        html += i < widths.size() ? QStringLiteral("<th width=\"%1%\">").arg(widths[i])
                                  : QStringLiteral("<th>");
        html += esc(columns[i]) + QStringLiteral("</th>");
    }
    return html + QStringLiteral("</tr>\n");
}

QString factRow(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(label), valueHtml);
}

QString heading(const QString &title, bool newPage = true)
{
    return newPage ? QStringLiteral("<h2 class=\"newpage\">%1</h2>\n").arg(esc(title))
                   : QStringLiteral("<h2>%1</h2>\n").arg(esc(title));
}

} // namespace

QString ReportWriter::names(const std::vector<model::Id> &ids) const
{
    QStringList parts;
    for (const model::Id &id : ids) {
        const QString name = designnames::name(*m_design, id);
        if (!parts.contains(esc(name)))
            parts << esc(name);
    }
    return parts.join(QStringLiteral(", "));
}

QString ReportWriter::headerSection() const
{
    const model::Settings &settings = m_design->settings();
    const QString name
        = settings.name.empty() ? tr("Untitled design") : QString::fromStdString(settings.name);
    QString html = QStringLiteral("<h1>%1</h1>\n").arg(esc(name));
    html += QStringLiteral("<p class=\"subtitle\">%1</p>\n")
                .arg(esc(tr("Review report, %1").arg(m_options.date.toString(Qt::ISODate))));
    if (!settings.description.empty())
        html += QStringLiteral("<p>%1</p>\n").arg(esc(settings.description));

    QStringList regions;
    for (const std::string &code : settings.allowedRegions) {
        const model::RegionInfo *region = model::findRegion(code);
        regions << (region ? esc(QStringLiteral("%1 (%2)").arg(
                        QString::fromStdString(code),
                        QString::fromUtf8(region->name.data(), qsizetype(region->name.size()))))
                           : esc(code));
    }
    const model::FindingSummary summary = model::summarize(m_findings);
    const auto blocked = std::count_if(
        m_scenarios.begin(), m_scenarios.end(), [](const auto &s) { return !s.succeeds; });
    html += tableHead({}, QStringLiteral("facts"));
    html += factRow(tr("Date"), esc(m_options.date.toString(Qt::ISODate)));
    html += factRow(tr("Allowed regions"),
                    regions.isEmpty() ? esc(tr("none set")) : regions.join(QStringLiteral(", ")));
    if (!settings.organizationId.empty())
        html += factRow(tr("Organization"), esc(settings.organizationId));
    html += factRow(tr("Validation"),
                    esc(tr("%n error(s)", nullptr, summary.errors) + QStringLiteral(", ")
                        + tr("%n warning(s)", nullptr, summary.warnings) + QStringLiteral(", ")
                        + tr("%n info(s)", nullptr, summary.infos) + QStringLiteral("; ")
                        + tr("%1 of %2 attack scenarios blocked")
                              .arg(blocked)
                              .arg(static_cast<int>(m_scenarios.size()))));
    html += QStringLiteral("</table>\n");

    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("Accounts")));
    if (m_design->accounts().empty())
        return html + QStringLiteral("<p>%1</p>\n").arg(esc(tr("The design names no accounts.")));
    html += tableHead({tr("Account"), tr("Name"), tr("Belongs to")});
    const auto &own = settings.organizationAccounts;
    for (const model::Account &account : m_design->accounts()) {
        const bool inOrganization = std::find(own.begin(), own.end(), account.id) != own.end();
        const QString owner = account.external ? tr("outside the organization")
                              : inOrganization ? tr("the organization")
                                               : tr("the company");
        html += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td><td>%3</td></tr>\n")
                    .arg(esc(account.id), esc(account.name), esc(owner));
    }
    return html + QStringLiteral("</table>\n");
}

QString ReportWriter::summarySection(Images images) const
{
    const model::FindingSummary summary = model::summarize(m_findings);
    QString html = heading(tr("2. Validation summary"));
    html += tableHead({tr("Errors"),
                       tr("Warnings"),
                       tr("Infos"),
                       tr("Attacks blocked"),
                       tr("Flows as declared")});
    const auto blocked = std::count_if(
        m_scenarios.begin(), m_scenarios.end(), [](const auto &s) { return !s.succeeds; });
    int asDeclared = 0;
    for (size_t i = 0; i < m_flows.size(); ++i)
        asDeclared += m_flows[i].delivered == m_design->flows()[i].mustSucceed ? 1 : 0;
    const auto cell = [](int value, bool bad, const QString &cssClass) {
        return bad ? QStringLiteral("<td class=\"%1\">%2</td>").arg(cssClass).arg(value)
                   : QStringLiteral("<td>%1</td>").arg(value);
    };
    html += QStringLiteral("<tr>") + cell(summary.errors, summary.errors > 0, "error")
            + cell(summary.warnings, summary.warnings > 0, "warning")
            + cell(summary.infos, summary.infos > 0, "info")
            + QStringLiteral("<td class=\"%1\">%2</td>")
                  .arg(QLatin1String(blocked == qsizetype(m_scenarios.size()) ? "good" : "bad"),
                       esc(tr("%1 of %2").arg(blocked).arg(m_scenarios.size())))
            + QStringLiteral("<td class=\"%1\">%2</td>")
                  .arg(QLatin1String(asDeclared == int(m_flows.size()) ? "good" : "bad"),
                       esc(tr("%1 of %2").arg(asDeclared).arg(m_flows.size())))
            + QStringLiteral("</tr>\n</table>\n");

    html += QStringLiteral("<p>%1</p>\n")
                .arg(imageTag(images,
                              QStringLiteral("chart"),
                              m_chart,
                              tr("A chart of the findings by rule area and severity")));

    const ReportChart chart(m_findings);
    QStringList columns{tr("Rule area")};
    for (model::Severity severity : kSeverities)
        columns << ReportChart::severityLabel(severity);
    html += tableHead(columns);
    for (const QString &area : chart.areas()) {
        html += QStringLiteral("<tr><td>%1</td>").arg(esc(area));
        for (model::Severity severity : kSeverities) {
            const int count = chart.count(area, severity);
            html += cell(count, count > 0, severityClass(severity));
        }
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

QString ReportWriter::findingsSection() const
{
    QString html = heading(tr("3. Findings"));
    if (m_findings.empty())
        return html
               + QStringLiteral("<p class=\"good\">%1</p>\n")
                     .arg(esc(tr("No findings: the design passes every rule.")));
    const model::RuleRegistry registry = model::RuleRegistry::builtin();
    html += tableHead({tr("Severity"), tr("Rule"), tr("Message"), tr("Elements"), tr("Fix")},
                      {},
                      {12, 12, 35, 16, 25});
    for (const model::Finding &f : m_findings) {
        // The rule's title heads the message, so that the narrow columns need not wrap.
        QString message = esc(f.message);
        if (const model::Rule *r = registry.find(f.ruleId))
            message.prepend(QStringLiteral("<span class=\"note\">%1</span><br/>")
                                .arg(esc(std::string(r->title()))));
        QString elements = names(f.elements);
        if (!f.path.empty())
            elements += QStringLiteral("<br/><span class=\"note\"><code>%1</code></span>")
                            .arg(esc(f.path));
        html += QStringLiteral("<tr><td class=\"%1\" nowrap=\"nowrap\">%2</td>"
                               "<td nowrap=\"nowrap\"><b>%3</b></td><td>%4</td>"
                               "<td>%5</td><td>%6</td></tr>\n")
                    .arg(severityClass(f.severity),
                         esc(ReportChart::severityLabel(f.severity)),
                         esc(f.ruleId),
                         message,
                         elements,
                         esc(f.fix));
    }
    return html + QStringLiteral("</table>\n");
}

QString ReportWriter::scenariosSection() const
{
    QString html = heading(tr("4. Attack scenarios"), false);
    html += tableHead({tr("Scenario"), tr("Verdict"), tr("Deciding control"), tr("Detail")},
                      {},
                      {27, 12, 20, 41});
    for (const model::ScenarioResult &s : m_scenarios) {
        QString detail = esc(s.detail);
        if (!s.elements.empty())
            detail += QStringLiteral("<br/><span class=\"note\">%1</span>")
                          .arg(esc(tr("Elements: ")) + names(s.elements));
        html += QStringLiteral("<tr><td><b>%1</b><br/>%2</td><td class=\"%3\">%4</td>"
                               "<td>%5</td><td>%6</td></tr>\n")
                    .arg(esc(s.id),
                         esc(s.title),
                         QLatin1String(s.succeeds ? "bad" : "good"),
                         esc(s.succeeds ? tr("succeeds") : tr("blocked")),
                         esc(s.control),
                         detail);
    }
    return html + QStringLiteral("</table>\n");
}

QString ReportWriter::policiesSection() const
{
    QString html = heading(tr("5. Policies"));
    if (m_design->policies().empty())
        return html
               + QStringLiteral("<p>%1</p>\n")
                     .arg(esc(tr("The design holds no policy documents.")));
    for (const auto &policy : m_design->policies()) {
        std::vector<model::Id> attached;
        for (const auto &link : m_design->links()) {
            if (link->kind == model::LinkKind::Policy && link->to == policy->id)
                attached.push_back(link->from);
        }
        const QString name = policy->name.empty() ? QString::fromStdString(policy->id.str())
                                                  : QString::fromStdString(policy->name);
        html += QStringLiteral("<h3>%1</h3>\n").arg(esc(name));
        html += QStringLiteral("<p>%1 <b>%2</b> &#183; %3 <code>%4</code> &#183; %5 %6</p>\n")
                    .arg(esc(tr("Type:")),
                         esc(policyTypeLabel(policy->type)),
                         esc(tr("Id:")),
                         esc(policy->id.str()),
                         esc(tr("Attached to:")),
                         attached.empty() ? esc(tr("nothing")) : names(attached));
        html += QStringLiteral("<pre>%1</pre>\n").arg(esc(policy->document.dump(2)));
    }
    return html;
}

QString ReportWriter::flowTarget(const model::Flow &flow) const
{
    using Kind = model::FlowTarget::Kind;
    switch (flow.target.kind) {
    case Kind::Element:
        return designnames::name(*m_design, model::Id(flow.target.value));
    case Kind::Service:
        return tr("AWS service %1").arg(QString::fromStdString(flow.target.value));
    case Kind::Domain:
    case Kind::Cidr:
        break;
    }
    return QString::fromStdString(flow.target.value);
}

QString ReportWriter::flowsSection() const
{
    const auto &flows = m_design->flows();
    QString html = heading(tr("6. Flows"));
    if (flows.empty())
        return html + QStringLiteral("<p>%1</p>\n").arg(esc(tr("The design declares no flows.")));
    html += tableHead(
        {tr("Flow"), tr("Source"), tr("Target"), tr("Port"), tr("Declared"), tr("Verdict")},
        {},
        {24, 15, 19, 12, 12, 18});
    const auto flowName = [](const model::Flow &flow) {
        return QString::fromStdString(flow.name.empty() ? flow.id.str() : flow.name);
    };
    const auto verdict = [&](size_t i) {
        const bool delivered = m_flows[i].delivered;
        const bool expected = delivered == flows[i].mustSucceed;
        const QString outcome = delivered ? tr("delivered") : tr("stopped");
        return QStringLiteral("<span class=\"%1\">%2</span>")
            .arg(QLatin1String(expected ? "good" : "bad"),
                 esc(expected ? tr("%1, as declared").arg(outcome)
                              : tr("%1, NOT as declared").arg(outcome)));
    };
    for (size_t i = 0; i < flows.size(); ++i) {
        const model::Flow &flow = flows[i];
        QString port
            = QStringLiteral("%1/%2").arg(QString::fromStdString(flow.protocol)).arg(flow.port);
        if (flow.via == "session-manager")
            port += QStringLiteral(" ") + tr("via Session Manager");
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                               "<td>%6</td></tr>\n")
                    .arg(esc(flowName(flow)),
                         esc(designnames::name(*m_design, flow.source)),
                         esc(flowTarget(flow)),
                         esc(port),
                         esc(flow.mustSucceed ? tr("must succeed") : tr("must be impossible")),
                         verdict(i));
    }
    html += QStringLiteral("</table>\n");

    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("Paths")));
    for (size_t i = 0; i < flows.size(); ++i) {
        const ReportFlow &report = m_flows[i];
        html += QStringLiteral("<p><b>%1</b> &#8212; %2").arg(esc(flowName(flows[i])), verdict(i));
        if (flows[i].via == "session-manager")
            html += QStringLiteral("<br/>")
                    + esc(tr("A Session Manager session: both sides must reach their Session "
                             "Manager endpoints."));
        html += QStringLiteral("</p>\n");
        for (const ReportFlow::Leg &leg : report.legs) {
            const model::network::PathResult &path = leg.path;
            QString line = esc(path.explanation);
            if (!leg.purpose.isEmpty())
                line = QStringLiteral("<i>%1</i> &#8212; <span class=\"%2\">%3</span>: %4")
                           .arg(esc(leg.purpose),
                                QLatin1String(path.delivered ? "good" : "bad"),
                                esc(path.delivered ? tr("delivered") : tr("stopped")),
                                line);
            html += QStringLiteral("<p class=\"leg\">%1</p>\n").arg(line);
            if (path.hops.empty())
                continue;
            html += QStringLiteral("<ol>\n");
            for (const model::network::Hop &hop : path.hops)
                html += QStringLiteral("<li><b>%1</b>: %2</li>\n")
                            .arg(esc(designnames::name(*m_design, hop.element)), esc(hop.action));
            html += QStringLiteral("</ol>\n");
        }
    }
    return html;
}

} // namespace heiiki::ui
