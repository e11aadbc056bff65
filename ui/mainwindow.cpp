#include "mainwindow.h"

#include "designscene.h"
#include "designview.h"

#include "model/io/designfile.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>

namespace heiiki::ui {

namespace {

constexpr int kMaxListedErrors = 10;

/// Reads the design at \a path; a Qt resource path (":/…") is read through QFile.
model::io::ReadResult readDesign(const QString &path)
{
    if (!path.startsWith(QLatin1Char(':')))
        return model::io::loadDesignFile(QFile::encodeName(path).toStdString());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString why = MainWindow::tr("cannot open the file: %1").arg(file.errorString());
        return {std::nullopt, {{"", why.toStdString()}}};
    }
    if (static_cast<std::uintmax_t>(file.size()) > model::io::kMaxDesignFileSize) {
        const QString why = MainWindow::tr("the file is too large");
        return {std::nullopt, {{"", why.toStdString()}}};
    }
    return model::io::loadDesignFromText(file.readAll().toStdString());
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_scene(new DesignScene(this))
    , m_view(new DesignView(this))
    , m_counts(new QLabel(this))
{
    m_view->setScene(m_scene);
    setCentralWidget(m_view);
    statusBar()->addPermanentWidget(m_counts);
    createMenus();
    showDesign();

    QSize size(1440, 900);
    if (const QScreen *s = screen())
        size = size.boundedTo(s->availableGeometry().size() * 0.9);
    resize(size);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *fit = view->addAction(tr("&Fit to Window"), m_view, &DesignView::fitDesign);
    fit->setShortcut(Qt::CTRL | Qt::Key_0);
    QAction *zoomIn = view->addAction(tr("Zoom &In"), this, [this] { m_view->zoomBy(1.25); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), this, [this] { m_view->zoomBy(0.8); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Heiiki"), this, &MainWindow::about);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

bool MainWindow::openDesign(const QString &path)
{
    model::io::ReadResult result = readDesign(path);
    if (!result.design) {
        const std::string shown = QDir::toNativeSeparators(path).toStdString();
        QStringList lines;
        for (const auto &error : result.errors)
            lines << QString::fromStdString(error.format(shown));
        showLoadErrors(path, lines);
        return false;
    }
    m_design = std::make_unique<model::Design>(std::move(*result.design));
    m_path = path;
    showDesign();
    return true;
}

void MainWindow::showDesign()
{
    if (!m_design) {
        m_scene->clearDesign();
        setWindowTitle(tr("Heiiki"));
        m_counts->setText(tr("No design"));
        return;
    }
    m_scene->build(*m_design);
    m_view->fitDesign();

    QString name = QString::fromStdString(m_design->settings().name);
    if (name.isEmpty())
        name = QFileInfo(m_path).fileName();
    setWindowTitle(tr("%1 — Heiiki").arg(name));
    m_counts->setText(tr("Elements: %1 · Links: %2")
                          .arg(m_design->elements().size())
                          .arg(m_design->links().size()));
}

void MainWindow::chooseFile()
{
    const QString dir = m_path.startsWith(QLatin1Char(':')) || m_path.isEmpty()
                            ? QDir::homePath()
                            : QFileInfo(m_path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this,
        tr("Open Design"),
        dir,
        tr("Heiiki designs (*.heiiki.json);;JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openDesign(path);
}

void MainWindow::showLoadErrors(const QString &path, const QStringList &errors)
{
    QMessageBox box(QMessageBox::Warning,
                    tr("Heiiki"),
                    tr("Could not open %1.").arg(QFileInfo(path).fileName()),
                    QMessageBox::Ok,
                    this);
    QStringList shown = errors.mid(0, kMaxListedErrors);
    if (errors.size() > kMaxListedErrors)
        shown << tr("… and %1 more.").arg(errors.size() - kMaxListedErrors);
    box.setInformativeText(shown.join(QLatin1Char('\n')));
    if (errors.size() > kMaxListedErrors)
        box.setDetailedText(errors.join(QLatin1Char('\n')));
    box.exec();
}

void MainWindow::about()
{
    const QString version = QCoreApplication::applicationVersion();
    QMessageBox::about(this,
                       tr("About Heiiki"),
                       tr("<h3>Heiiki %1</h3>"
                          "<p>A designer for closed-network AWS architectures: private lines "
                          "in, only the outbound traffic that must leave out.</p>")
                           .arg(version.toHtmlEscaped()));
}

} // namespace heiiki::ui
