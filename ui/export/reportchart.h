#pragma once

#include "model/validation/finding.h"

#include <QColor>
#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QStringList>

#include <vector>

namespace heiiki::ui {

/// The chart of the review report: findings by rule area (the rule id's prefix, "NET",
/// "IAM", "SCN") and severity, as stacked bars drawn with Qt Charts. Renders offscreen; needs
/// a QApplication (the offscreen platform will do).
class ReportChart
{
    Q_DECLARE_TR_FUNCTIONS(heiiki::ui::ReportChart)

public:
    /// A chart of \a findings. Every area of Heiiki's rules gets a bar, so a design without
    /// findings still shows where it was checked.
    explicit ReportChart(const std::vector<model::Finding> &findings);

    /// The rule areas on the horizontal axis, in rule order, then any other prefix found.
    QStringList areas() const { return m_areas; }
    /// The number of findings of \a severity in \a area.
    int count(const QString &area, model::Severity severity) const;

    /// The chart drawn into an image of \a size logical pixels at \a pixelRatio.
    QImage render(const QSize &size = {720, 340}, qreal pixelRatio = 2) const;

    /// The rule area of \a ruleId: the part before the first '-' ("NET-011" → "NET").
    static QString areaOf(const std::string &ruleId);
    /// The colour of \a severity in the chart and the report's tables.
    static QColor color(model::Severity severity);
    /// The name people read for \a severity ("Error").
    static QString severityLabel(model::Severity severity);

private:
    QStringList m_areas;
    std::vector<model::Finding> m_findings;
};

} // namespace heiiki::ui
