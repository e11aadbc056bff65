// The main window's file handling: new, open, save, recent files, recovery after a crash.
#include "mainwindow.h"

#include "designerapp.h"
#include "designview.h"

#include "document/autosaver.h"
#include "document/designdocument.h"
#include "export/exportdialog.h"

#include "model/io/designfile.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

namespace heiiki::ui {

namespace {

constexpr int kMaxListedErrors = 10;
constexpr int kMaxRecentFiles = 8;
const QString kRecentKey = QStringLiteral("recentFiles");

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
    m_document->reset(std::move(*result.design), path);
    m_pasteCount = 0;
    m_view->fitDesign();
    if (!path.startsWith(QLatin1Char(':')))
        addRecentFile(path);
    updateTitle();
    updateStatus();
    return true;
}

void MainWindow::newEmptyDesign()
{
    model::Design design;
    design.settings().name = tr("Untitled").toStdString();
    m_document->reset(std::move(design), QString());
    m_view->fitDesign();
    updateTitle();
    updateStatus();
}

void MainWindow::chooseNew()
{
    if (!maybeSave())
        return;
    const QStringList choices{tr("Empty design"),
                              tr("Sample: reference closed network (Tokyo)"),
                              tr("Sample: initial PrivateLink design")};
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("New Design"), tr("Start from:"),
                                                 choices, 0, false, &ok);
    if (!ok)
        return;
    const int index = choices.indexOf(choice);
    if (index == 0)
        newEmptyDesign();
    else if (index == 1)
        openDesign(QString::fromLatin1(kReferenceDesignResource));
    else
        openDesign(QStringLiteral(":/samples/initial-privatelink.heiiki.json"));
}

void MainWindow::chooseFile()
{
    if (!maybeSave())
        return;
    const QString current = m_document->filePath();
    const QString dir = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Design"), dir,
        tr("Heiiki designs (*.heiiki.json);;JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openDesign(path);
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    const QString error = m_document->saveAs(m_document->filePath());
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Heiiki"),
                             tr("Could not save %1: %2").arg(m_document->filePath(), error));
        return false;
    }
    statusBar()->showMessage(tr("Saved %1.").arg(m_document->displayName()), 4000);
    return true;
}

bool MainWindow::saveAs()
{
    QString suggested = m_document->filePath();
    if (suggested.isEmpty())
        suggested = QDir::homePath() + QLatin1Char('/')
                    + QString::fromStdString(m_document->design().settings().name)
                          .replace(QLatin1Char('/'), QLatin1Char('-'))
                    + QStringLiteral(".heiiki.json");
    QString path = QFileDialog::getSaveFileName(this, tr("Save Design As"), suggested,
                                                tr("Heiiki designs (*.heiiki.json)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json")))
        path += QStringLiteral(".heiiki.json");
    const QString error = m_document->saveAs(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Heiiki"), tr("Could not save %1: %2").arg(path, error));
        return false;
    }
    addRecentFile(path);
    statusBar()->showMessage(tr("Saved %1.").arg(m_document->displayName()), 4000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Heiiki"),
        tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        m_autosaver->discard();
        return true;
    }
    return false;
}

bool MainWindow::offerRecovery()
{
    const auto recovery = m_autosaver->pendingRecovery();
    if (!recovery)
        return false;
    const QString what = recovery->originalPath.isEmpty()
                             ? tr("an unsaved design")
                             : QFileInfo(recovery->originalPath).fileName();
    const auto answer = QMessageBox::question(
        this, tr("Recover Design"),
        tr("Heiiki did not close properly. Changes to %1 autosaved at %2 can be recovered. "
           "Recover them?")
            .arg(what, recovery->savedAt),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        QFile::remove(recovery->file);
        QFile::remove(recovery->file + QStringLiteral(".meta.json"));
        return false;
    }
    return recoverDesign(*recovery);
}

bool MainWindow::recoverDesign(const Autosaver::Recovery &recovery)
{
    model::io::ReadResult result =
        model::io::loadDesignFile(QFile::encodeName(recovery.file).toStdString());
    if (!result.design) {
        QStringList lines;
        for (const auto &error : result.errors)
            lines << QString::fromStdString(error.format(recovery.file.toStdString()));
        showLoadErrors(recovery.file, lines);
        return false;
    }
    // The recovered design belongs to its original file and is not saved there yet.
    m_document->reset(std::move(*result.design), recovery.originalPath);
    m_document->undoStack()->resetClean(); // unsaved: the recovered changes are not on disk
    QFile::remove(recovery.file);
    QFile::remove(recovery.file + QStringLiteral(".meta.json"));
    m_view->fitDesign();
    updateTitle();
    updateStatus();
    return true;
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(kRecentKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(kRecentKey, files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(kRecentKey).toStringList();
    for (const QString &file : files) {
        QAction *open = m_recentMenu->addAction(QFileInfo(file).fileName(), this, [this, file] {
            if (maybeSave())
                openDesign(file);
        });
        open->setToolTip(file);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::showLoadErrors(const QString &path, const QStringList &errors)
{
    // Window-modal and not blocking: the design on screen stays as it was.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Heiiki"),
                                tr("Could not open %1.").arg(QFileInfo(path).fileName()),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("loadErrors"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QStringList shown = errors.mid(0, kMaxListedErrors);
    if (errors.size() > kMaxListedErrors)
        shown << tr("… and %1 more.").arg(errors.size() - kMaxListedErrors);
    box->setInformativeText(shown.join(QLatin1Char('\n')));
    if (errors.size() > kMaxListedErrors)
        box->setDetailedText(errors.join(QLatin1Char('\n')));
    box->open();
}

void MainWindow::exportDesign(bool selectionOnly)
{
    // The output starts next to the design (or where the last export went), named after it.
    QSettings settings;
    QString folder = settings.value(QStringLiteral("export/folder")).toString();
    if (folder.isEmpty())
        folder = m_document->filePath().isEmpty()
                     ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                     : QFileInfo(m_document->filePath()).absolutePath();
    if (!QFileInfo(folder).isDir())
        folder = QDir::homePath();
    QString base = QFileInfo(m_document->displayName()).completeBaseName();
    base = base.section(QLatin1Char('.'), 0, 0);
    ExportDialog dialog(m_document->selection(), QDir(folder).filePath(base), this);
    const QString lastFormat = settings.value(QStringLiteral("export/format")).toString();
    if (const auto format = exportFormatFromName(lastFormat))
        dialog.setFormat(*format);
    dialog.setSelectionOnly(selectionOnly);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExportRequest request = dialog.request();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const ExportOutcome outcome = runExport(m_document->design(), request);
    QGuiApplication::restoreOverrideCursor();
    if (!outcome.ok) {
        QMessageBox::warning(this, tr("Export failed"), outcome.error);
        return;
    }
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(request.output).absolutePath());
    settings.setValue(QStringLiteral("export/format"),
                      exportFormatName(request.format));
    if (!outcome.warnings.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Exported with warnings"),
                        tr("%1 was written, with %n warning(s).", nullptr,
                           static_cast<int>(outcome.warnings.size()))
                            .arg(QDir::toNativeSeparators(request.output)),
                        QMessageBox::Ok, this);
        box.setDetailedText(outcome.warnings.join(QLatin1Char('\n')));
        box.exec();
    }
    statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(request.output)),
                             8000);
}

} // namespace heiiki::ui
