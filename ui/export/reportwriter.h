#pragma once

#include "model/core/design.h"
#include "model/network/pathresult.h"
#include "model/scenarios/scenarios.h"
#include "model/validation/finding.h"

#include <QCoreApplication>
#include <QDate>
#include <QImage>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace heiiki::ui {

/// What a review report holds besides the design.
struct ReportOptions
{
    QDate date = QDate::currentDate(); ///< the date in the header and the diagram's title block
};

/// How one of the design's flows goes. A direct flow has one leg, its own path. A flow through
/// Session Manager is no network path of its own: the session needs both sides to reach their
/// Session Manager endpoints, so it has one leg for each of those calls.
struct ReportFlow
{
    struct Leg
    {
        QString purpose; ///< empty for a direct flow's path; else which side calls what
        model::network::PathResult path; ///< the full trace
    };
    bool delivered = false; ///< every leg is delivered
    std::vector<Leg> legs;
};

/// The review report of a design, for a review meeting: the header (name, description, date,
/// accounts, allowed regions), the diagram, the validation summary with a chart of findings
/// by severity and rule area, the findings with their fixes, the attack scenarios with their
/// verdicts, the policies in full and the flows with their paths.
///
/// The writer validates its own copy of the design when it is made, so the report is current
/// whatever the caller has. It writes one self-contained HTML file (images as data: URIs, the
/// style inline, no outside references) or an A4 PDF of the same content. Needs a
/// QApplication (the offscreen platform will do).
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(heiiki::ui::ReportWriter)

public:
    explicit ReportWriter(const model::Design &design, const ReportOptions &options = {});
    ~ReportWriter();

    /// The report as one self-contained XHTML document.
    QString html() const;
    /// Writes html() to \a path (UTF-8). On failure returns false and says why in \a error.
    bool writeHtml(const QString &path, QString *error) const;
    /// Writes the report as an A4 PDF to \a path, laid out by QTextDocument, pages numbered.
    bool writePdf(const QString &path, QString *error) const;

    /// The diagram as embedded: the designer's canvas with title block and legend.
    QImage diagramImage() const { return m_diagram; }
    /// The chart of findings by rule area and severity, as embedded.
    QImage chartImage() const { return m_chart; }

    const model::Design &design() const { return *m_design; }
    const std::vector<model::Finding> &findings() const { return m_findings; }
    const std::vector<model::ScenarioResult> &scenarios() const { return m_scenarios; }
    /// How each of the design's flows goes, in the design's order.
    const std::vector<ReportFlow> &flows() const { return m_flows; }

    /// What a reviewer must know before reading: errors, attacks that succeed, flows that do
    /// not behave as declared. Empty for a clean design.
    QStringList warnings() const;

private:
    /// How the document refers to its images: data: URIs in the HTML file, resource names
    /// for QTextDocument (which does not load data: URIs).
    enum class Images { Embedded, Resources };

    QString document(Images images) const;
    QString
    imageTag(Images images, const QString &name, const QImage &image, const QString &alt) const;

    QString headerSection() const;
    QString summarySection(Images images) const;
    QString findingsSection() const;
    QString scenariosSection() const;
    QString policiesSection() const;
    QString flowsSection() const;
    QString flowTarget(const model::Flow &flow) const;
    QString names(const std::vector<model::Id> &ids) const;

    std::unique_ptr<model::Design> m_design;
    ReportOptions m_options;
    std::vector<model::Finding> m_findings;
    std::vector<model::ScenarioResult> m_scenarios;
    std::vector<ReportFlow> m_flows;
    QImage m_diagram;
    QImage m_chart;
};

} // namespace heiiki::ui
