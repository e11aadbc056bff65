#include "scenariospanel.h"

#include "designnames.h"
#include "statusicons.h"

#include "ui/document/designdocument.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace heiiki::ui {

namespace {

enum Column { IdColumn, AttackColumn, VerdictColumn, ControlColumn, ColumnCount };

const model::ScenarioResult *findScenario(const DesignDocument *document, const QString &id)
{
    const auto &all = document->scenarios();
    const auto it = std::find_if(
        all.begin(), all.end(), [&](const auto &s) { return QString::fromStdString(s.id) == id; });
    return it == all.end() ? nullptr : &*it;
}

} // namespace

ScenariosPanel::ScenariosPanel(DesignDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_summaryIcon(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_detail(new QTextBrowser(this))
{
    m_summary->setObjectName(QStringLiteral("scenariosSummary"));
    m_summary->setWordWrap(true);
    m_summaryIcon->setFixedSize(20, 20);
    auto *summary = new QHBoxLayout;
    summary->setContentsMargins(4, 2, 4, 2);
    summary->setSpacing(6);
    summary->addWidget(m_summaryIcon, 0, Qt::AlignTop);
    summary->addWidget(m_summary, 1);

    m_list->setObjectName(QStringLiteral("scenariosList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Scenario"), tr("Attack"), tr("Verdict"), tr("Decided by")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AttackColumn, QHeaderView::Stretch);
    header->resizeSection(IdColumn, 76);
    header->resizeSection(VerdictColumn, 96);
    header->resizeSection(ControlColumn, 150);

    m_detail->setObjectName(QStringLiteral("scenarioDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setFrameShape(QFrame::NoFrame);
    m_detail->setBackgroundRole(QPalette::Window);
    m_detail->viewport()->setAutoFillBackground(false);
    m_detail->document()->setDocumentMargin(8);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_list);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(summary);
    layout->addWidget(splitter, 1);
    setFocusProxy(m_list);
    m_list->installEventFilter(this);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ScenariosPanel::selectionChanged);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &ScenariosPanel::activate);
    connect(m_detail, &QTextBrowser::anchorClicked, this, &ScenariosPanel::openLink);
    connect(document, &DesignDocument::validated, this, &ScenariosPanel::refresh);
    connect(document, &DesignDocument::designReset, this, [this] { m_list->clearSelection(); });
    refresh();
}

QString ScenariosPanel::currentScenario() const
{
    const auto selected = m_list->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->text(IdColumn);
}

void ScenariosPanel::selectScenario(const QString &id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->text(IdColumn) == id) {
            m_list->setCurrentItem(item);
            return;
        }
    }
    m_list->clearSelection();
}

void ScenariosPanel::refresh()
{
    const QString current = currentScenario();
    const auto &scenarios = m_document->scenarios();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const model::ScenarioResult &s : scenarios) {
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(IdColumn, QString::fromStdString(s.id));
            item->setText(AttackColumn, QString::fromStdString(s.title));
            item->setToolTip(AttackColumn, QString::fromStdString(s.title));
            const Status status = s.succeeds ? Status::Succeeds : Status::Blocked;
            item->setIcon(VerdictColumn, statusicons::icon(status));
            item->setText(VerdictColumn, s.succeeds ? tr("Succeeds") : tr("Blocked"));
            item->setForeground(VerdictColumn, statusicons::colour(status));
            item->setText(ControlColumn, QString::fromStdString(s.control));
            item->setToolTip(ControlColumn, QString::fromStdString(s.control));
            if (s.succeeds) {
                QFont bold = item->font(VerdictColumn);
                bold.setBold(true);
                item->setFont(VerdictColumn, bold);
            }
        }
        for (int i = 0; i < m_list->topLevelItemCount(); ++i)
            if (m_list->topLevelItem(i)->text(IdColumn) == current)
                m_list->setCurrentItem(m_list->topLevelItem(i));
    }

    const auto succeeding = std::count_if(
        scenarios.begin(), scenarios.end(), [](const auto &s) { return s.succeeds; });
    if (scenarios.empty()) {
        m_summaryIcon->clear();
        m_summary->setText(tr("No attacks played yet."));
        m_summary->setStyleSheet({});
    } else {
        const Status status = succeeding ? Status::Succeeds : Status::Blocked;
        m_summaryIcon->setPixmap(statusicons::icon(status).pixmap(20, 20));
        m_summary->setText(succeeding ? tr("%1 of %2 attacks succeed: the design does not "
                                           "stop them.")
                                            .arg(succeeding)
                                            .arg(scenarios.size())
                                      : tr("All %1 attacks are blocked.").arg(scenarios.size()));
        m_summary->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                                     .arg(statusicons::colour(status).name()));
    }
    selectionChanged();
}

QList<model::Id> ScenariosPanel::elementsOf(const QTreeWidgetItem *item) const
{
    if (!item)
        return {};
    if (const auto *s = findScenario(m_document, item->text(IdColumn)))
        return designnames::toList(s->elements);
    return {};
}

void ScenariosPanel::selectionChanged()
{
    const auto selected = m_list->selectedItems();
    const QList<model::Id> ids = elementsOf(selected.isEmpty() ? nullptr : selected.first());
    updateDetail();
    if (ids == m_highlighted)
        return;
    m_highlighted = ids;
    emit pathHighlightRequested(ids);
}

bool ScenariosPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            activate(m_list->currentItem());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ScenariosPanel::activate(QTreeWidgetItem *item)
{
    const QList<model::Id> ids = elementsOf(item);
    if (!ids.isEmpty())
        emit focusRequested(ids);
}

void ScenariosPanel::updateDetail()
{
    const QColor grey = palette().color(QPalette::PlaceholderText);
    const model::ScenarioResult *s = findScenario(m_document, currentScenario());
    if (!s) {
        const QString text = m_document->scenarios().empty()
                                 ? tr("The attacks are played once the design is validated.")
                                 : tr("Select an attack to see how it goes.");
        m_detail->setHtml(
            QStringLiteral("<p style=\"color:%1\">%2</p>").arg(grey.name(), text.toHtmlEscaped()));
        return;
    }
    const model::Design &design = m_document->design();
    const Status status = s->succeeds ? Status::Succeeds : Status::Blocked;
    QString html = QStringLiteral("<p style=\"margin-bottom:0\"><b>%1</b>&nbsp;&nbsp;%2</p>")
                       .arg(QString::fromStdString(s->id).toHtmlEscaped(),
                            QString::fromStdString(s->title).toHtmlEscaped());
    html += QStringLiteral("<p style=\"margin-top:4px; color:%1\"><b>%2</b></p>")
                .arg(statusicons::colour(status).name(),
                     (s->succeeds ? tr("Succeeds: the design does not stop this attack.")
                                  : tr("Blocked."))
                         .toHtmlEscaped());
    html += designnames::htmlSection(tr("How it goes"),
                                     QString::fromStdString(s->detail).toHtmlEscaped());
    if (!s->control.empty())
        html += designnames::htmlSection(tr("Decided by"),
                                         QString::fromStdString(s->control).toHtmlEscaped());
    if (!s->elements.empty()) {
        html += designnames::htmlSection(
            tr("Path"), designnames::htmlLinks(design, s->elements, QStringLiteral(" &rarr; ")));
    }
    if (!s->path.empty())
        html += designnames::htmlSection(
            tr("JSON path"),
            QStringLiteral("<code>%1</code>").arg(QString::fromStdString(s->path).toHtmlEscaped()));
    m_detail->setHtml(html);
}

void ScenariosPanel::openLink(const QUrl &url)
{
    if (const auto id = designnames::idFromLink(url))
        emit focusRequested({*id});
}

} // namespace heiiki::ui
