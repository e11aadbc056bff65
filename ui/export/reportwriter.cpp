#include "reportwriter.h"

#include "diagramrenderer.h"
#include "reportchart.h"

#include "model/scenarios/scenarios.h"
#include "model/validation/ruleregistry.h"
#include "model/validation/rules/serviceaccess.h"
#include "model/validation/validationcontext.h"
#include "model/validation/validator.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>

namespace heiiki::ui {

namespace {

constexpr qreal kDiagramScale = 2;        ///< pixels per scene unit of the embedded diagram
constexpr qreal kDiagramMaxPixels = 3000; ///< the embedded diagram's longer side, at most
const QSize kChartSize(720, 340);         ///< logical pixels; drawn at twice that

/// The box an image is shown in: the HTML file's page column, or an A4 page's text area
/// (QTextDocument lays out at 96 pixels per inch and scales to the printer).
QSizeF displayBox(bool forPdf, bool diagram)
{
    if (forPdf)
        return diagram ? QSizeF(640, 880) : QSizeF(640, 320);
    return diagram ? QSizeF(1040, 1400) : QSizeF(720, 340);
}

/// The report's style; \a points is the size of the body text.
QString styleSheet(int points)
{
    const auto css = [](model::Severity s) {
        return ReportChart::color(s).name();
    };
    return QStringLiteral("body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif;"
                          " font-size: %4pt; color: #232f3e; max-width: 1080px; margin: 24px auto;"
                          " padding: 0 16px; }\n"
                          "h1 { font-size: 20pt; margin: 0 0 4px 0; }\n"
                          "h2 { font-size: 14pt; margin-top: 28px; padding-bottom: 2px;"
                          " border-bottom: 2px solid #aab7b8; }\n"
                          "h3 { font-size: 11pt; margin: 16px 0 4px 0; }\n"
                          "p.subtitle { color: #545b64; margin-top: 0; }\n"
                          "table { border-collapse: collapse; margin-bottom: 10px; }\n"
                          "th, td { border: 1px solid #aab7b8; padding: 4px 6px; text-align: left;"
                          " vertical-align: top; }\n"
                          "th { background-color: #eaeded; }\n"
                          "table.facts th { width: 22%; }\n"
                          "td.number { text-align: right; }\n"
                          "code, pre { font-family: 'DejaVu Sans Mono', Consolas, monospace; }\n"
                          "pre { font-size: 8pt; white-space: pre-wrap; background-color: #f4f6f6;"
                          " border: 1px solid #d5dbdb; padding: 6px; margin: 4px 0 12px 0; }\n"
                          "span.note, td.note { color: #545b64; font-size: 8pt; }\n"
                          ".error { color: %1; font-weight: bold; }\n"
                          ".warning { color: %2; font-weight: bold; }\n"
                          ".info { color: %3; font-weight: bold; }\n"
                          ".good { color: #1d8102; font-weight: bold; }\n"
                          ".bad { color: %1; font-weight: bold; }\n"
                          ".newpage { page-break-before: always; }\n"
                          "img { max-width: 100%; height: auto; }\n"
                          "@media print { body { margin: 0; max-width: none; }"
                          " tr, pre, img { page-break-inside: avoid; } }\n")
        .arg(css(model::Severity::Error),
             css(model::Severity::Warning),
             css(model::Severity::Info),
             QString::number(points));
}

QByteArray pngBytes(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QUrl resourceUrl(const QString &name)
{
    return QUrl(QStringLiteral("heiiki-report:%1.png").arg(name));
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

ReportWriter::ReportWriter(const model::Design &design, const ReportOptions &options)
    : m_design(std::make_unique<model::Design>(design))
    , m_options(options)
{
    {
        const model::ValidationContext context(*m_design);
        m_findings = model::validate(context, model::RuleRegistry::builtin());
        m_scenarios = context.scenarios();
        const std::vector<model::rules::ServiceCall> calls = model::rules::serviceCalls(*m_design);
        for (size_t i = 0; i < m_design->flows().size(); ++i) {
            const model::Flow &flow = m_design->flows()[i];
            ReportFlow report;
            if (flow.via.empty()) {
                report.legs.push_back({{}, context.explain(context.flowPath(i))});
            } else {
                for (const model::rules::ServiceCall &call : calls) {
                    if (call.flow != &flow)
                        continue;
                    const bool target = call.caller != flow.source;
                    report.legs.push_back(
                        {(target ? tr("Target side: %1 to %2") : tr("Requester side: %1 to %2"))
                             .arg(QString::fromStdString(m_design->element(call.caller)
                                                             ? m_design->element(call.caller)->name
                                                             : call.caller.str()),
                                  QString::fromStdString(call.service)),
                         context.explain(context.trace(model::rules::serviceQuery(call)))});
                }
            }
            report.delivered = !report.legs.empty()
                               && std::all_of(report.legs.begin(),
                                              report.legs.end(),
                                              [](const auto &leg) { return leg.path.delivered; });
            m_flows.push_back(std::move(report));
        }
    }

    DiagramOptions diagramOptions;
    diagramOptions.date = m_options.date;
    const DiagramRenderer renderer(*m_design, diagramOptions);
    const QSizeF natural = renderer.naturalSize();
    const qreal longer = std::max({natural.width(), natural.height(), qreal(1)});
    const qreal scale = std::min(kDiagramScale, kDiagramMaxPixels / longer);
    m_diagram = QImage((natural * scale).toSize().expandedTo(QSize(1, 1)),
                       QImage::Format_ARGB32_Premultiplied);
    m_diagram.fill(Qt::white);
    QPainter painter(&m_diagram);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(m_diagram.size())));
    painter.end();

    m_chart = ReportChart(m_findings).render(kChartSize, 2);
}

ReportWriter::~ReportWriter() = default;

QString ReportWriter::html() const
{
    return document(Images::Embedded);
}

bool ReportWriter::writeHtml(const QString &path, QString *error) const
{
    QSaveFile file(path);
    const QByteArray bytes = html().toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(error, tr("Cannot write \"%1\": %2").arg(path, file.errorString()));
    return true;
}

bool ReportWriter::writePdf(const QString &path, QString *error) const
{
    QTextDocument text;
    text.setDocumentMargin(0);
    text.addResource(
        QTextDocument::ImageResource, resourceUrl(QStringLiteral("diagram")), m_diagram);
    text.addResource(QTextDocument::ImageResource, resourceUrl(QStringLiteral("chart")), m_chart);
    text.setHtml(document(Images::Resources));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, tr("Cannot write \"%1\": %2").arg(path, file.errorString()));
    {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("Heiiki"));
        writer.setTitle(
            tr("Review report: %1").arg(QString::fromStdString(m_design->settings().name)));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
                                         QPageLayout::Portrait,
                                         QMarginsF(0, 0, 0, 0),
                                         QPageLayout::Millimeter));
        text.print(&writer);
    }
    // QPdfWriter writes the file when it goes and reports nothing; the commit does.
    if (file.size() <= 0 || !file.commit())
        return fail(error, tr("Cannot write \"%1\": %2").arg(path, file.errorString()));
    return true;
}

QStringList ReportWriter::warnings() const
{
    QStringList warnings;
    const model::FindingSummary summary = model::summarize(m_findings);
    if (summary.errors > 0)
        warnings << tr(
            "The design has %n error(s); the report lists them.", nullptr, summary.errors);
    QStringList succeeding;
    for (const model::ScenarioResult &s : m_scenarios) {
        if (s.succeeds)
            succeeding << QString::fromStdString(s.id);
    }
    if (!succeeding.isEmpty())
        warnings << tr("%n attack scenario(s) succeed: %1.", nullptr, succeeding.size())
                        .arg(succeeding.join(QStringLiteral(", ")));
    QStringList unexpected;
    for (size_t i = 0; i < m_flows.size(); ++i) {
        const model::Flow &flow = m_design->flows()[i];
        if (m_flows[i].delivered != flow.mustSucceed)
            unexpected << QString::fromStdString(flow.name.empty() ? flow.id.str() : flow.name);
    }
    if (!unexpected.isEmpty())
        warnings << tr("%n flow(s) do not behave as declared: %1.", nullptr, unexpected.size())
                        .arg(unexpected.join(QStringLiteral(", ")));
    return warnings;
}

QString ReportWriter::document(Images images) const
{
    const QString name = QString::fromStdString(m_design->settings().name);
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                           "<meta charset=\"utf-8\"/>\n");
    html += QStringLiteral("<title>%1</title>\n")
                .arg(tr("Review report: %1").arg(name).toHtmlEscaped());
    // An A4 page holds less than a browser window: smaller type, so the tables keep room.
    html += QStringLiteral("<style>\n%1</style>\n</head>\n<body>\n")
                .arg(styleSheet(images == Images::Resources ? 8 : 10));
    html += headerSection();
    const QString diagram
        = imageTag(images, QStringLiteral("diagram"), m_diagram, tr("The design's diagram"));
    html += QStringLiteral("<h2>%1</h2>\n<p>%2</p>\n")
                .arg(tr("1. Diagram").toHtmlEscaped(), diagram);
    html += summarySection(images);
    html += findingsSection();
    html += scenariosSection();
    html += policiesSection();
    html += flowsSection();
    html += QStringLiteral("<p class=\"subtitle\">%1</p>\n</body>\n</html>\n")
                .arg(tr("Made by Heiiki from the design file; every verdict is Heiiki's "
                        "own analysis of the design, not of a deployed account.")
                         .toHtmlEscaped());
    return html;
}

QString ReportWriter::imageTag(Images images,
                               const QString &name,
                               const QImage &image,
                               const QString &alt) const
{
    const bool diagram = name == QLatin1String("diagram");
    // The chart is drawn at twice its logical size; the diagram at kDiagramScale or less.
    const QSizeF logical = QSizeF(image.size()) / 2;
    const QSizeF box = displayBox(images == Images::Resources, diagram);
    const QSizeF fitted = logical.width() <= box.width() && logical.height() <= box.height()
                              ? logical
                              : logical.scaled(box, Qt::KeepAspectRatio);
    const QString source = images == Images::Embedded
                               ? QStringLiteral("data:image/png;base64,")
                                     + QString::fromLatin1(pngBytes(image).toBase64())
                               : resourceUrl(name).toString();
    return QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\"/>")
        .arg(source)
        .arg(qRound(fitted.width()))
        .arg(qRound(fitted.height()))
        .arg(alt.toHtmlEscaped());
}

} // namespace heiiki::ui
