#include "reportchart.h"

#include "model/validation/ruleregistry.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLegend>
#include <QPainter>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <array>

namespace heiiki::ui {

namespace {

constexpr std::array<model::Severity, 3> kSeverities{
    model::Severity::Error, model::Severity::Warning, model::Severity::Info};

} // namespace

ReportChart::ReportChart(const std::vector<model::Finding> &findings)
    : m_findings(findings)
{
    const model::RuleRegistry registry = model::RuleRegistry::builtin();
    for (const model::Rule *rule : registry.rules()) {
        const QString area = areaOf(std::string(rule->id()));
        if (!m_areas.contains(area))
            m_areas << area;
    }
    for (const model::Finding &finding : m_findings) {
        const QString area = areaOf(finding.ruleId);
        if (!m_areas.contains(area))
            m_areas << area;
    }
}

int ReportChart::count(const QString &area, model::Severity severity) const
{
    return static_cast<int>(
        std::count_if(m_findings.begin(), m_findings.end(), [&](const model::Finding &f) {
            return f.severity == severity && areaOf(f.ruleId) == area;
        }));
}

QImage ReportChart::render(const QSize &size, qreal pixelRatio) const
{
    auto *series = new QStackedBarSeries;
    int highest = 0;
    for (const QString &area : m_areas) {
        int total = 0;
        for (model::Severity severity : kSeverities)
            total += count(area, severity);
        highest = std::max(highest, total);
    }
    for (model::Severity severity : kSeverities) {
        auto *set = new QBarSet(severityLabel(severity));
        for (const QString &area : m_areas)
            set->append(count(area, severity));
        series->append(set);
    }
    series->setBarWidth(0.55);

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setTitle(m_findings.empty() ? tr("Findings by rule area: none")
                                       : tr("Findings by rule area and severity"));
    chart->addSeries(series);
    // After addSeries(): the chart's theme colours the sets as they join.
    const QList<QBarSet *> sets = series->barSets();
    for (qsizetype i = 0; i < sets.size(); ++i) {
        sets[i]->setColor(color(kSeverities[size_t(i)]));
        sets[i]->setBorderColor(color(kSeverities[size_t(i)]));
    }

    auto *areaAxis = new QBarCategoryAxis;
    areaAxis->append(m_areas);
    areaAxis->setTitleText(tr("Rule area"));
    chart->addAxis(areaAxis, Qt::AlignBottom);
    series->attachAxis(areaAxis);

    auto *countAxis = new QValueAxis;
    const int step = std::max(1, (highest + 5) / 6);
    const int top = std::max(step * 4, ((highest + step - 1) / step) * step);
    countAxis->setRange(0, top);
    countAxis->setTickType(QValueAxis::TicksDynamic);
    countAxis->setTickAnchor(0);
    countAxis->setTickInterval(step);
    countAxis->setLabelFormat(QStringLiteral("%d"));
    countAxis->setTitleText(tr("Findings"));
    chart->addAxis(countAxis, Qt::AlignLeft);
    series->attachAxis(countAxis);

    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setVisible(true);

    QGraphicsScene scene; // owns the chart from here
    scene.addItem(chart);
    const QRectF rect(QPointF(0, 0), QSizeF(size));
    chart->setGeometry(rect);
    if (chart->layout())
        chart->layout()->activate();
    scene.setSceneRect(rect);

    QImage image(size * pixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(image.size())), rect);
    painter.end();
    return image;
}

QString ReportChart::areaOf(const std::string &ruleId)
{
    const QString id = QString::fromStdString(ruleId);
    const qsizetype dash = id.indexOf(QLatin1Char('-'));
    return dash > 0 ? id.left(dash) : id;
}

QColor ReportChart::color(model::Severity severity)
{
    switch (severity) {
    case model::Severity::Error:
        return QColor(0xd1, 0x32, 0x12);
    case model::Severity::Warning:
        return QColor(0xf0, 0x9a, 0x00);
    case model::Severity::Info:
        return QColor(0x00, 0x73, 0xbb);
    }
    return Qt::gray;
}

QString ReportChart::severityLabel(model::Severity severity)
{
    switch (severity) {
    case model::Severity::Error:
        return tr("Error");
    case model::Severity::Warning:
        return tr("Warning");
    case model::Severity::Info:
        return tr("Info");
    }
    return {};
}

} // namespace heiiki::ui
