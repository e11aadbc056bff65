#include "mainwindow.h"

#include "designerapp.h"
#include "designscene.h"
#include "designview.h"
#include "elementitem.h"
#include "linkitem.h"

#include "commands/insertcommand.h"
#include "commands/removecommand.h"
#include "document/autosaver.h"
#include "document/designdocument.h"
#include "inspector/inspectorwidget.h"
#include "palette/palettewidget.h"
#include "panels/findingspanel.h"
#include "panels/scenariospanel.h"
#include "panels/tracepanel.h"
#include "policyeditor/policiespanel.h"

#include "model/io/designfile.h"
#include "model/validation/validator.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

namespace heiiki::ui {

namespace {

constexpr qreal kPasteOffset = 20;

} // namespace

MainWindow::MainWindow(QWidget *parent, const QString &recoveryFolder)
    : QMainWindow(parent)
    , m_document(new DesignDocument(this))
    , m_counts(new QLabel(this))
    , m_findingsSummary(new QLabel(this))
{
    m_scene = new DesignScene(m_document, this);
    m_view = new DesignView(this);
    m_view->setScene(m_scene);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::showCanvasMenu);
    setCentralWidget(m_view);
    m_autosaver = new Autosaver(m_document, recoveryFolder, this);

    statusBar()->addPermanentWidget(m_findingsSummary);
    statusBar()->addPermanentWidget(m_counts);
    connect(m_scene, &DesignScene::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_document, &DesignDocument::validated, this, &MainWindow::updateStatus);
    connect(m_document, &DesignDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &DesignDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &DesignDocument::designChanged, this, &MainWindow::updateTitle);
    connect(m_document, &DesignDocument::selectionChanged, this, &MainWindow::updateActions);
    for (auto signal : {&DesignDocument::elementAdded, &DesignDocument::elementRemoved,
                        &DesignDocument::linkAdded, &DesignDocument::linkRemoved})
        connect(m_document, signal, this, &MainWindow::updateStatus);

    createActions();
    createMenus();
    createToolBar();
    createDocks();
    updateTitle();
    updateStatus();
    updateActions();

    QSize size(1440, 900);
    if (const QScreen *s = screen())
        size = size.boundedTo(s->availableGeometry().size() * 0.9);
    resize(size);
    // The canvas gets most of the window until the user arranges the docks otherwise.
    if (auto *findings = findChild<QDockWidget *>(QStringLiteral("findingsDock")))
        resizeDocks({findings}, {200}, Qt::Vertical);
    if (auto *inspector = findChild<QDockWidget *>(QStringLiteral("inspectorDock")))
        resizeDocks({inspector}, {380}, Qt::Horizontal);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

void MainWindow::createActions()
{
    const auto make = [this](const QString &name, const QString &text,
                             const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    make(QStringLiteral("new"), tr("&New…"), QKeySequence::New, &MainWindow::chooseNew);
    make(QStringLiteral("open"), tr("&Open…"), QKeySequence::Open, &MainWindow::chooseFile);
    make(QStringLiteral("save"), tr("&Save"), QKeySequence::Save, [this] { save(); });
    make(QStringLiteral("saveAs"), tr("Save &As…"), QKeySequence::SaveAs, [this] { saveAs(); });
    make(QStringLiteral("export"), tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E),
         [this] { exportDesign(); });
    QAction *quit = make(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcut(QKeySequence::Undo);
    addAction(undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setShortcut(QKeySequence::Redo);
    addAction(redo);

    make(QStringLiteral("cut"), tr("Cu&t"), QKeySequence::Cut, &MainWindow::cutSelection);
    make(QStringLiteral("copy"), tr("&Copy"), QKeySequence::Copy, &MainWindow::copySelection);
    make(QStringLiteral("paste"), tr("&Paste"), QKeySequence::Paste, &MainWindow::paste);
    make(QStringLiteral("duplicate"), tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D),
         &MainWindow::duplicateSelection);
    make(QStringLiteral("delete"), tr("&Delete"), QKeySequence::Delete,
         &MainWindow::deleteSelection);
    make(QStringLiteral("selectAll"), tr("Select &All"), QKeySequence::SelectAll,
         &MainWindow::selectAll);

    make(QStringLiteral("zoomIn"), tr("Zoom &In"), QKeySequence::ZoomIn,
         [this] { m_view->zoomBy(1.25); });
    make(QStringLiteral("zoomOut"), tr("Zoom &Out"), QKeySequence::ZoomOut,
         [this] { m_view->zoomBy(0.8); });
    make(QStringLiteral("fit"), tr("&Fit to Window"), QKeySequence(Qt::CTRL | Qt::Key_0),
         [this] { m_view->fitDesign(); });
    make(QStringLiteral("traceFrom"), tr("Trace Path &From Selection"), QKeySequence(), [this] {
        if (!m_document->selection().isEmpty())
            emit m_scene->traceRequested(m_document->selection().front(), {});
    });
    make(QStringLiteral("traceTo"), tr("Trace Path &To Selection"), QKeySequence(), [this] {
        if (!m_document->selection().isEmpty())
            emit m_scene->traceRequested({}, m_document->selection().front());
    });
    QAction *snap = make(QStringLiteral("snap"), tr("Snap to &Grid"), QKeySequence(),
                         [this](bool on) { m_scene->setSnapToGrid(on); });
    snap->setCheckable(true);
    snap->setChecked(m_scene->snapToGrid());

    // Keyboard nudging: arrows move by a grid step, with Shift by a single unit.
    const struct { Qt::Key key; QPointF step; const char *name; } arrows[] = {
        {Qt::Key_Left, {-1, 0}, "nudgeLeft"},
        {Qt::Key_Right, {1, 0}, "nudgeRight"},
        {Qt::Key_Up, {0, -1}, "nudgeUp"},
        {Qt::Key_Down, {0, 1}, "nudgeDown"},
    };
    for (const auto &arrow : arrows) {
        for (const bool fine : {false, true}) {
            auto *nudge = new QAction(this);
            nudge->setObjectName(QString::fromLatin1(arrow.name) + (fine ? QStringLiteral("Fine")
                                                                          : QString()));
            nudge->setShortcut(fine ? QKeySequence(Qt::SHIFT | arrow.key) : QKeySequence(arrow.key));
            nudge->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            const QPointF delta = arrow.step * (fine ? 1 : DesignScene::gridSize);
            connect(nudge, &QAction::triggered, this, [this, delta] { m_scene->nudgeSelection(delta); });
            m_view->addAction(nudge);
        }
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("new")));
    file->addAction(action(QStringLiteral("open")));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(action(QStringLiteral("save")));
    file->addAction(action(QStringLiteral("saveAs")));
    file->addAction(action(QStringLiteral("export")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quit")));
    updateRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(QStringLiteral("undo")));
    edit->addAction(action(QStringLiteral("redo")));
    edit->addSeparator();
    for (const char *name : {"cut", "copy", "paste", "duplicate", "delete"})
        edit->addAction(action(QString::fromLatin1(name)));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("selectAll")));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (const char *name : {"zoomIn", "zoomOut", "fit"})
        m_viewMenu->addAction(action(QString::fromLatin1(name)));
    m_viewMenu->addAction(action(QStringLiteral("snap")));
    m_viewMenu->addSeparator();

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(action(QStringLiteral("traceFrom")));
    tools->addAction(action(QStringLiteral("traceTo")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Heiiki"), this, &MainWindow::about);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const char *name : {"new", "open", "save"})
        bar->addAction(action(QString::fromLatin1(name)));
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("undo")));
    bar->addAction(action(QStringLiteral("redo")));
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("delete")));
    bar->addSeparator();
    for (const char *name : {"zoomIn", "zoomOut", "fit"})
        bar->addAction(action(QString::fromLatin1(name)));
    m_viewMenu->addAction(bar->toggleViewAction());
}

QDockWidget *MainWindow::addDock(QWidget *widget, const QString &title, const QString &name,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

void MainWindow::createDocks()
{
    auto *palette = new PaletteWidget(this);
    connect(palette, &PaletteWidget::kindActivated, this, &MainWindow::addAtViewCentre);
    addDock(palette, tr("Palette"), QStringLiteral("paletteDock"), Qt::LeftDockWidgetArea);

    QDockWidget *inspector = addDock(new InspectorWidget(m_document, this), tr("Inspector"),
                                     QStringLiteral("inspectorDock"), Qt::RightDockWidgetArea);
    QDockWidget *policies = addDock(new PoliciesPanel(m_document, this), tr("Policies"),
                                    QStringLiteral("policiesDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(inspector, policies);
    inspector->raise();

    auto *findingsPanel = new FindingsPanel(m_document, this);
    auto *scenariosPanel = new ScenariosPanel(m_document, this);
    auto *tracePanel = new TracePanel(m_document, this);
    QDockWidget *findings = addDock(findingsPanel, tr("Findings"), QStringLiteral("findingsDock"),
                                    Qt::BottomDockWidgetArea);
    QDockWidget *scenarios = addDock(scenariosPanel, tr("Scenarios"),
                                     QStringLiteral("scenariosDock"), Qt::BottomDockWidgetArea);
    QDockWidget *trace = addDock(tracePanel, tr("Trace Path"), QStringLiteral("traceDock"),
                                 Qt::BottomDockWidgetArea);
    tabifyDockWidget(findings, scenarios);
    tabifyDockWidget(scenarios, trace);
    findings->raise();

    connect(findingsPanel, &FindingsPanel::focusRequested, this, &MainWindow::focusElements);
    connect(scenariosPanel, &ScenariosPanel::focusRequested, this, &MainWindow::focusElements);
    connect(tracePanel, &TracePanel::focusRequested, this, &MainWindow::focusElements);
    connect(scenariosPanel, &ScenariosPanel::pathHighlightRequested, m_scene,
            &DesignScene::highlightPath);
    connect(tracePanel, &TracePanel::pathHighlightRequested, m_scene,
            &DesignScene::highlightPath);
    connect(m_scene, &DesignScene::traceRequested, this,
            [tracePanel, trace](const model::Id &from, const model::Id &to) {
                if (!from.isNull())
                    tracePanel->setFrom(from);
                if (!to.isNull())
                    tracePanel->setTo(to);
                trace->raise();
                if (!from.isNull() && !to.isNull())
                    tracePanel->trace();
            });
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
        !geometry.isEmpty())
        restoreGeometry(geometry);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_autosaver->discard();
    saveLayout();
    event->accept();
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Heiiki").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateStatus()
{
    const model::Design &design = m_document->design();
    m_counts->setText(tr("Elements: %1 · Links: %2")
                          .arg(design.elements().size())
                          .arg(design.links().size()));
    const model::FindingSummary summary = model::summarize(m_document->findings());
    m_findingsSummary->setText(tr("Errors: %1 · Warnings: %2").arg(summary.errors).arg(summary.warnings));
    m_findingsSummary->setStyleSheet(summary.errors ? QStringLiteral("color: #b3261e;")
                                                    : QString());
}

void MainWindow::updateActions()
{
    const bool selected = !m_document->selection().isEmpty();
    for (const char *name : {"cut", "copy", "duplicate", "delete"})
        action(QString::fromLatin1(name))->setEnabled(selected);
}

void MainWindow::copySelection()
{
    const auto &ids = m_document->selection();
    m_clipboard = model::edit::copyFragment(m_document->design(),
                                            std::vector<model::Id>(ids.begin(), ids.end()));
    m_pasteCount = 0;
}

void MainWindow::cutSelection()
{
    copySelection();
    const auto &ids = m_document->selection();
    m_document->undoStack()->push(new RemoveCommand(
        m_document, std::vector<model::Id>(ids.begin(), ids.end()), tr("Cut")));
}

void MainWindow::paste()
{
    if (m_clipboard.isEmpty()) {
        statusBar()->showMessage(tr("Nothing to paste."), 4000);
        return;
    }
    pasteFragment(m_clipboard, tr("Paste"));
}

void MainWindow::duplicateSelection()
{
    const auto &ids = m_document->selection();
    const auto fragment = model::edit::copyFragment(
        m_document->design(), std::vector<model::Id>(ids.begin(), ids.end()));
    m_pasteCount = 0;
    pasteFragment(fragment, tr("Duplicate"));
}

bool MainWindow::pasteFragment(const model::edit::Fragment &fragment, const QString &text)
{
    const model::Design &design = m_document->design();
    // Into the one selected container when it may hold what is pasted; else beside the
    // originals.
    model::Id parent;
    const auto &selection = m_document->selection();
    const model::Element *selected =
        selection.size() == 1 ? design.element(selection.front()) : nullptr;
    const bool intoSelected = selected && model::Catalogue::instance().info(selected->kind).container
                              && !fragment.elements.empty()
                              && selected->id != fragment.elements.front().id;
    if (intoSelected)
        parent = selected->id;
    else if (!fragment.elements.empty() && design.element(fragment.elements.front().parent))
        parent = fragment.elements.front().parent;
    ++m_pasteCount;
    const qreal offset = intoSelected ? 0 : kPasteOffset * m_pasteCount;
    const auto prepared = model::edit::prepareInsertion(design, fragment, parent, offset, offset);
    if (!prepared.error.empty()) {
        statusBar()->showMessage(tr("Cannot paste here: %1.")
                                     .arg(QString::fromStdString(prepared.error)),
                                 8000);
        return false;
    }
    if (prepared.fragment.isEmpty())
        return false;
    m_document->undoStack()->push(new InsertCommand(m_document, prepared.fragment, text));
    return true;
}

void MainWindow::deleteSelection()
{
    const auto &ids = m_document->selection();
    if (ids.isEmpty())
        return;
    auto *command = new RemoveCommand(m_document, std::vector<model::Id>(ids.begin(), ids.end()),
                                      ids.size() == 1 ? tr("Delete") : tr("Delete %1 items").arg(ids.size()));
    if (command->isEmpty()) {
        delete command;
        return;
    }
    m_document->undoStack()->push(command);
}

void MainWindow::selectAll()
{
    QList<model::Id> ids;
    for (const auto &e : m_document->design().elements())
        ids << e->id;
    m_document->setSelection(ids);
}

void MainWindow::focusElements(const QList<model::Id> &ids)
{
    m_document->setSelection(ids);
    QRectF rect;
    for (const model::Id &id : ids)
        if (const ElementItem *item = m_scene->elementItem(id))
            rect = rect.united(item->mapRectToScene(item->frameRect()));
    m_view->focusRect(rect.adjusted(-40, -40, 40, 40));
}

void MainWindow::addAtViewCentre(model::ElementKind kind)
{
    const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
    m_scene->dropElement(kind, centre);
}

void MainWindow::about()
{
    const QString version = QCoreApplication::applicationVersion();
    QMessageBox::about(this, tr("About Heiiki"),
                       tr("<h3>Heiiki %1</h3>"
                          "<p>A designer for closed-network AWS architectures: private lines "
                          "in, only the outbound traffic that must leave out.</p>")
                           .arg(version.toHtmlEscaped()));
}

void MainWindow::showCanvasMenu(const QPoint &pos)
{
    // A right click on something not yet selected selects it alone, as in every editor.
    model::Id clicked;
    for (QGraphicsItem *item : m_view->items(pos)) {
        if (auto *element = dynamic_cast<ElementItem *>(item)) {
            clicked = element->elementId();
            break;
        }
        if (auto *link = dynamic_cast<LinkItem *>(item)) {
            clicked = link->linkId();
            break;
        }
    }
    if (!clicked.isNull() && !m_document->selection().contains(clicked))
        m_document->setSelection({clicked});
    else if (clicked.isNull())
        m_document->setSelection({});

    QMenu menu(this);
    menu.setObjectName(QStringLiteral("canvasMenu"));
    for (const char *name : {"cut", "copy", "paste", "duplicate", "delete"})
        menu.addAction(action(QString::fromLatin1(name)));
    if (!m_document->selection().isEmpty()) {
        menu.addSeparator();
        menu.addAction(action(QStringLiteral("traceFrom")));
        menu.addAction(action(QStringLiteral("traceTo")));
        menu.addSeparator();
        menu.addAction(tr("&Properties"), this, [this] {
            if (auto *dock = findChild<QDockWidget *>(QStringLiteral("inspectorDock"))) {
                dock->show();
                dock->raise();
                dock->setFocus();
            }
        });
        menu.addAction(tr("E&xport Selection…"), this, [this] { exportDesign(true); });
    }
    menu.addSeparator();
    menu.addAction(action(QStringLiteral("selectAll")));
    menu.addAction(action(QStringLiteral("fit")));
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace heiiki::ui
