#include "traceresultview.h"

#include "designnames.h"
#include "statusicons.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace heiiki::ui {

namespace {

using model::network::PathResult;
using model::network::StopReason;

enum HopColumn { NumberColumn, ElementColumn, ActionColumn };

QString reasonLabel(StopReason reason)
{
    switch (reason) {
    case StopReason::NoRoute:
        return TraceResultView::tr("no route");
    case StopReason::Blackhole:
        return TraceResultView::tr("blackhole route");
    case StopReason::NetworkAcl:
        return TraceResultView::tr("network ACL");
    case StopReason::SecurityGroup:
        return TraceResultView::tr("security group");
    case StopReason::FirewallRule:
        return TraceResultView::tr("firewall rule");
    case StopReason::NatDirection:
        return TraceResultView::tr("NAT gateway direction");
    case StopReason::PeeringTransitivity:
        return TraceResultView::tr("peering is not transitive");
    case StopReason::NoVif:
        return TraceResultView::tr("no virtual interface");
    case StopReason::NoPublicAddress:
        return TraceResultView::tr("no public address");
    case StopReason::NoAddress:
        return TraceResultView::tr("nothing holds the address");
    case StopReason::Loop:
        return TraceResultView::tr("routing loop");
    default:
        return QString::fromUtf8(toString(reason).data(), qsizetype(toString(reason).size()));
    }
}

/// \a colour mixed into \a base, for a quiet background tint.
QColor tint(const QColor &colour, const QColor &base, qreal amount)
{
    return QColor::fromRgbF(base.redF() + (colour.redF() - base.redF()) * amount,
                            base.greenF() + (colour.greenF() - base.greenF()) * amount,
                            base.blueF() + (colour.blueF() - base.blueF()) * amount);
}

} // namespace

TraceResultView::TraceResultView(QWidget *parent)
    : QWidget(parent)
    , m_verdictBox(new QWidget(this))
    , m_verdictIcon(new QLabel(m_verdictBox))
    , m_verdict(new QLabel(m_verdictBox))
    , m_explanation(new QLabel(m_verdictBox))
    , m_hint(new QLabel(this))
    , m_hops(new QTreeWidget(this))
{
    m_verdictBox->setObjectName(QStringLiteral("traceVerdict"));
    m_verdictBox->setAttribute(Qt::WA_StyledBackground);
    m_verdict->setObjectName(QStringLiteral("traceVerdictText"));
    m_verdictIcon->setFixedSize(20, 20);
    m_explanation->setObjectName(QStringLiteral("traceExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *verdictText = new QVBoxLayout;
    verdictText->setSpacing(2);
    verdictText->addWidget(m_verdict);
    verdictText->addWidget(m_explanation);
    auto *verdict = new QHBoxLayout(m_verdictBox);
    verdict->setContentsMargins(8, 6, 8, 6);
    verdict->setSpacing(8);
    verdict->addWidget(m_verdictIcon, 0, Qt::AlignTop);
    verdict->addLayout(verdictText, 1);
    m_verdictBox->hide();

    m_hint->setObjectName(QStringLiteral("traceHint"));
    m_hint->setWordWrap(true);
    m_hint->setContentsMargins(8, 4, 8, 4);
    m_hint->setText(tr("Choose where the traffic starts and where it goes, then Trace. Each hop "
                       "shows what let the packet through or stopped it, and the path is "
                       "highlighted on the canvas."));
    QPalette hintPalette = m_hint->palette();
    hintPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_hint->setPalette(hintPalette);

    m_hops->setObjectName(QStringLiteral("traceHops"));
    m_hops->setHeaderLabels({tr("#"), tr("Element"), tr("What happened")});
    m_hops->setRootIsDecorated(false);
    m_hops->setUniformRowHeights(true);
    m_hops->setAlternatingRowColors(true);
    m_hops->setSelectionMode(QAbstractItemView::SingleSelection);
    m_hops->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_hops->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(NumberColumn, 44);
    header->resizeSection(ElementColumn, 190);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_verdictBox);
    layout->addWidget(m_hint);
    layout->addWidget(m_hops, 1);

    connect(m_hops, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const QString id = item->data(ElementColumn, Qt::UserRole).toString();
        if (!id.isEmpty())
            emit hopActivated(model::Id(id.toStdString()));
    });
}

QList<model::Id> TraceResultView::showResult(const model::Design &design, const PathResult &result)
{
    const bool badInput = result.reason == StopReason::BadInput;
    const Status status = result.delivered ? Status::Delivered : Status::Stopped;
    const QColor colour
        = badInput ? statusicons::colour(Status::Warning).darker(170) : statusicons::colour(status);
    m_verdictIcon->setPixmap(statusicons::icon(badInput ? Status::Warning : status).pixmap(20, 20));
    m_verdict->setText(result.delivered ? tr("Delivered")
                       : badInput       ? tr("Cannot trace")
                                        : tr("Stopped: %1").arg(reasonLabel(result.reason)));
    m_verdict->setStyleSheet(
        QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(colour.name()));
    QString explanation = QString::fromStdString(result.explanation).toHtmlEscaped();
    if (!result.resolvedAs.empty())
        explanation += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                           .arg(palette().color(QPalette::PlaceholderText).name(),
                                tr("Destination: %1")
                                    .arg(QString::fromStdString(result.resolvedAs))
                                    .toHtmlEscaped());
    m_explanation->setText(explanation);
    const QColor base = palette().color(QPalette::Base);
    m_verdictBox->setStyleSheet(
        QStringLiteral("QWidget#traceVerdict { background: %1; border-left: 3px solid %2; }")
            .arg(tint(colour, base, 0.10).name(), colour.name()));
    m_verdictBox->show();
    m_hint->hide();

    m_hops->clear();
    std::vector<model::network::Hop> hops = result.hops;
    if (!result.delivered && !result.blockedAt.isNull()
        && (hops.empty() || hops.back().element != result.blockedAt))
        hops.push_back({result.blockedAt, result.explanation});
    QList<model::Id> ids;
    for (size_t i = 0; i < hops.size(); ++i) {
        const model::network::Hop &hop = hops[i];
        auto *item = new QTreeWidgetItem(m_hops);
        item->setText(NumberColumn, QString::number(i + 1));
        item->setTextAlignment(NumberColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(ElementColumn, designnames::name(design, hop.element));
        item->setIcon(ElementColumn, designnames::icon(design, hop.element));
        item->setToolTip(ElementColumn, designnames::nameAndId(design, hop.element));
        item->setData(ElementColumn, Qt::UserRole, QString::fromStdString(hop.element.str()));
        item->setText(ActionColumn, QString::fromStdString(hop.action));
        item->setToolTip(ActionColumn, QString::fromStdString(hop.action));
        if (i + 1 == hops.size() && !result.delivered && !badInput) {
            item->setIcon(NumberColumn, statusicons::icon(Status::Stopped));
            for (int column : {ElementColumn, ActionColumn})
                item->setForeground(column, statusicons::colour(Status::Stopped));
        }
        if (!hop.element.isNull() && (ids.isEmpty() || ids.back() != hop.element))
            ids.append(hop.element);
    }
    return ids;
}

void TraceResultView::clear()
{
    m_verdictBox->hide();
    m_hint->show();
    m_hops->clear();
}

} // namespace heiiki::ui
