#include "findingspanel.h"

#include "designnames.h"
#include "findingsfilter.h"
#include "findingsmodel.h"
#include "statusicons.h"

#include "ui/document/designdocument.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace heiiki::ui {

namespace {

constexpr std::array kSeverities{
    model::Severity::Error, model::Severity::Warning, model::Severity::Info};

} // namespace

FindingsPanel::FindingsPanel(DesignDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new FindingsModel(document, this))
    , m_filter(new FindingsFilter(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_detail(new QTextBrowser(this))
{
    m_filter->setSourceModel(m_model);

    m_search->setObjectName(QStringLiteral("findingsFilter"));
    m_search->setPlaceholderText(tr("Filter by rule, message or element"));
    m_search->setClearButtonEnabled(true);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(2);
    bar->addWidget(m_search, 1);
    bar->addSpacing(4);
    const std::array<QString, 3> names{QStringLiteral("findingsShowErrors"),
                                       QStringLiteral("findingsShowWarnings"),
                                       QStringLiteral("findingsShowInfo")};
    for (size_t i = 0; i < kSeverities.size(); ++i) {
        auto *toggle = new QToolButton(this);
        toggle->setObjectName(names[i]);
        toggle->setCheckable(true);
        toggle->setChecked(true);
        toggle->setAutoRaise(true);
        toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        toggle->setIcon(statusicons::icon(statusicons::of(kSeverities[i])));
        const model::Severity severity = kSeverities[i];
        connect(toggle, &QToolButton::toggled, this, [this, severity](bool shown) {
            setSeverityShown(severity, shown);
        });
        bar->addWidget(toggle);
        m_toggles[i] = toggle;
    }

    m_table->setObjectName(QStringLiteral("findingsTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FindingsModel::SeverityColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setIconSize(QSize(16, 16));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(FindingsModel::MessageColumn, QHeaderView::Stretch);
    header->resizeSection(FindingsModel::SeverityColumn, 96);
    header->resizeSection(FindingsModel::RuleColumn, 80);
    header->resizeSection(FindingsModel::ElementsColumn, 200);
    m_table->installEventFilter(this);

    m_detail->setObjectName(QStringLiteral("findingDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setFrameShape(QFrame::NoFrame);
    m_detail->setBackgroundRole(QPalette::Window);
    m_detail->viewport()->setAutoFillBackground(false);
    m_detail->document()->setDocumentMargin(8);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    setFocusProxy(m_table);

    connect(m_search, &QLineEdit::textChanged, m_filter, &FindingsFilter::setText);
    connect(m_table, &QTableView::doubleClicked, this, &FindingsPanel::activate);
    connect(m_table->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &FindingsPanel::updateDetail);
    connect(m_detail, &QTextBrowser::anchorClicked, this, &FindingsPanel::openLink);
    connect(m_model, &FindingsModel::countsChanged, this, &FindingsPanel::updateCounts);
    connect(
        m_model, &QAbstractItemModel::modelAboutToBeReset, this, &FindingsPanel::rememberCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FindingsPanel::restoreCurrent);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &FindingsPanel::updateDetail);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &FindingsPanel::updateDetail);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &FindingsPanel::updateDetail);
    updateCounts();
    updateDetail();
}

void FindingsPanel::setFilterText(const QString &text)
{
    m_search->setText(text);
}

QString FindingsPanel::filterText() const
{
    return m_search->text();
}

void FindingsPanel::setSeverityShown(model::Severity severity, bool shown)
{
    m_toggles.at(size_t(2 - int(severity)))->setChecked(shown);
    m_filter->setSeverityShown(severity, shown);
    updateDetail();
}

bool FindingsPanel::isSeverityShown(model::Severity severity) const
{
    return m_filter->isSeverityShown(severity);
}

std::optional<model::Finding> FindingsPanel::currentFinding() const
{
    if (const model::Finding *f = m_model->finding(currentSourceRow()))
        return *f;
    return std::nullopt;
}

bool FindingsPanel::showFindingsFor(const model::Id &id)
{
    auto names = [&](int sourceRow) {
        const model::Finding *f = m_model->finding(sourceRow);
        return f && std::find(f->elements.begin(), f->elements.end(), id) != f->elements.end();
    };
    for (int pass = 0; pass < 2; ++pass) {
        for (int row = 0; row < m_filter->rowCount(); ++row) {
            const QModelIndex index = m_filter->index(row, 0);
            if (names(m_filter->mapToSource(index).row())) {
                m_table->setCurrentIndex(index);
                m_table->scrollTo(index);
                return true;
            }
        }
        // Hidden by the filter? Show everything and look again.
        bool any = false;
        for (int row = 0; row < m_model->rowCount(); ++row)
            any = any || names(row);
        if (!any)
            return false;
        m_search->clear();
        for (model::Severity severity : kSeverities)
            setSeverityShown(severity, true);
    }
    return false;
}

bool FindingsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            activate(m_table->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindingsPanel::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const model::Finding *f = m_model->finding(m_filter->mapToSource(index).row());
    if (!f)
        return;
    const QList<model::Id> ids = designnames::toList(f->elements);
    m_document->setSelection(ids);
    emit focusRequested(ids);
}

void FindingsPanel::updateCounts()
{
    for (size_t i = 0; i < kSeverities.size(); ++i) {
        const int n = m_model->count(kSeverities[i]);
        QToolButton *toggle = m_toggles[i];
        toggle->setText(QString::number(n));
        QString tip;
        switch (kSeverities[i]) {
        case model::Severity::Error:
            tip = tr("Errors: %1. Click to show or hide them.");
            break;
        case model::Severity::Warning:
            tip = tr("Warnings: %1. Click to show or hide them.");
            break;
        case model::Severity::Info:
            tip = tr("Advice: %1. Click to show or hide it.");
            break;
        }
        toggle->setToolTip(tip.arg(n));
        toggle->setAccessibleName(tip.arg(n));
    }
}

int FindingsPanel::currentSourceRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return m_filter->mapToSource(rows.first()).row();
}

void FindingsPanel::updateDetail()
{
    const model::Finding *f = m_model->finding(currentSourceRow());
    if (!f) {
        QString text;
        if (m_model->rowCount() == 0)
            text = tr("No findings: the design keeps every rule.");
        else if (m_filter->rowCount() == 0)
            text = tr("No finding matches the filter.");
        else
            text = tr("Select a finding to see why it matters and how to fix it.");
        const QColor grey = palette().color(QPalette::PlaceholderText);
        m_detail->setHtml(
            QStringLiteral("<p style=\"color:%1\">%2</p>").arg(grey.name(), text.toHtmlEscaped()));
        return;
    }
    const model::Design &design = m_document->design();
    const Status status = statusicons::of(f->severity);
    const QColor grey = palette().color(QPalette::PlaceholderText);
    QString html
        = QStringLiteral("<p style=\"margin-bottom:0\"><b>%1</b>"
                         "&nbsp;&nbsp;<span style=\"color:%2\">%3</span></p>")
              .arg(QString::fromStdString(f->ruleId).toHtmlEscaped(),
                   f->severity == model::Severity::Warning ? grey.name()
                                                           : statusicons::colour(status).name(),
                   statusicons::severityLabel(f->severity).toHtmlEscaped());
    html += designnames::htmlSection(tr("Why"), QString::fromStdString(f->message).toHtmlEscaped());
    if (!f->fix.empty())
        html += designnames::htmlSection(tr("Fix"), QString::fromStdString(f->fix).toHtmlEscaped());
    if (!f->elements.empty()) {
        html += designnames::htmlSection(
            tr("Elements"), designnames::htmlLinks(design, f->elements, QStringLiteral(", ")));
    }
    if (!f->path.empty())
        html += designnames::htmlSection(
            tr("JSON path"),
            QStringLiteral("<code>%1</code>").arg(QString::fromStdString(f->path).toHtmlEscaped()));
    m_detail->setHtml(html);
}

void FindingsPanel::rememberCurrent()
{
    if (const model::Finding *f = m_model->finding(currentSourceRow()))
        m_remembered = *f;
    else
        m_remembered.reset();
}

void FindingsPanel::restoreCurrent()
{
    if (m_remembered) {
        const int row = m_model->rowOf(*m_remembered);
        m_remembered.reset();
        if (row >= 0) {
            const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
            if (index.isValid()) {
                m_table->selectionModel()->setCurrentIndex(
                    index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            }
        }
    }
    updateDetail();
}

void FindingsPanel::openLink(const QUrl &url)
{
    if (const auto id = designnames::idFromLink(url)) {
        m_document->setSelection({*id});
        emit focusRequested({*id});
    }
}

} // namespace heiiki::ui
