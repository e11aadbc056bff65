#include "autosaver.h"

#include "designdocument.h"

#include "model/io/designfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace heiiki::ui {

namespace {
constexpr int kDefaultInterval = 60 * 1000;
const QString kSuffix = QStringLiteral(".heiiki-recovery.json");
const QString kMetaSuffix = QStringLiteral(".meta.json");
} // namespace

QString Autosaver::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/recovery");
}

Autosaver::Autosaver(DesignDocument *document, const QString &folder, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_folder(folder.isEmpty() ? defaultFolder() : folder)
{
    static int instances = 0;
    m_file = m_folder
             + QStringLiteral("/design-%1-%2").arg(QCoreApplication::applicationPid()).arg(++instances)
             + kSuffix;
    m_timer.setInterval(kDefaultInterval);
    m_mirror.attach(&document->design());
    connect(&m_timer, &QTimer::timeout, this, &Autosaver::saveLater);
    connect(&m_watcher, &QFutureWatcher<bool>::finished, this, &Autosaver::written);
    // The first copy is of the whole design: make it while the design opens, not in the
    // middle of editing a minute later.
    connect(document, &DesignDocument::designReset, this, [this] {
        if (!m_write.isRunning())
            m_mirror.sync();
    });
    connect(document, &DesignDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            discard();
    });
    m_timer.start();
}

Autosaver::~Autosaver()
{
    m_write.waitForFinished();
}

bool Autosaver::write(const model::Design &design, const QString &file,
                      const QString &originalPath)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    const std::string error =
        model::io::saveDesignFile(design, QFile::encodeName(file).toStdString());
    if (!error.empty())
        return false;
    QJsonObject meta{{QStringLiteral("originalPath"), originalPath},
                     {QStringLiteral("savedAt"),
                      QDateTime::currentDateTime().toString(Qt::ISODate)}};
    QFile metaFile(file + kMetaSuffix);
    if (!metaFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return metaFile.write(QJsonDocument(meta).toJson()) > 0;
}

bool Autosaver::isDue() const
{
    if (!m_document->isModified())
        return false;
    return m_document->undoStack()->index() != m_savedRevision || !QFile::exists(m_file);
}

bool Autosaver::saveNow()
{
    waitForSave();
    if (!isDue())
        return true;
    if (!write(m_document->design(), m_file, m_document->filePath()))
        return false;
    m_savedRevision = m_document->undoStack()->index();
    return true;
}

void Autosaver::saveLater()
{
    if (m_write.isRunning() || !isDue())
        return;
    // No write is busy: the copy may change now, and stays as it is until the write ends.
    m_mirror.sync();
    m_writingRevision = m_document->undoStack()->index();
    const model::Design *copy = &m_mirror.copy();
    m_write = QtConcurrent::run(
        [copy, file = m_file, original = m_document->filePath()] {
            return write(*copy, file, original);
        });
    m_watcher.setFuture(m_write);
}

bool Autosaver::waitForSave()
{
    if (m_writingRevision >= 0) {
        m_write.waitForFinished();
        written();
    }
    return !m_lastWriteFailed;
}

void Autosaver::written()
{
    // Called by the watcher, or by waitForSave(): whichever comes first takes the result.
    if (m_writingRevision < 0 || !m_write.isFinished())
        return;
    m_lastWriteFailed = !m_write.result();
    if (!m_lastWriteFailed)
        m_savedRevision = m_writingRevision;
    m_writingRevision = -1;
}

void Autosaver::discard()
{
    // A write still busy would bring the file back after it is removed.
    waitForSave();
    QFile::remove(m_file);
    QFile::remove(m_file + kMetaSuffix);
    m_savedRevision = -1;
}

std::optional<Autosaver::Recovery> Autosaver::pendingRecovery() const
{
    const QDir dir(m_folder);
    const QFileInfoList files =
        dir.entryInfoList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Time);
    for (const QFileInfo &info : files) {
        if (info.absoluteFilePath() == QFileInfo(m_file).absoluteFilePath())
            continue;
        Recovery recovery;
        recovery.file = info.absoluteFilePath();
        QFile metaFile(recovery.file + kMetaSuffix);
        if (metaFile.open(QIODevice::ReadOnly)) {
            const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
            recovery.originalPath = meta.value(QStringLiteral("originalPath")).toString();
            recovery.savedAt = meta.value(QStringLiteral("savedAt")).toString();
        }
        if (recovery.savedAt.isEmpty())
            recovery.savedAt = info.lastModified().toString(Qt::ISODate);
        return recovery;
    }
    return std::nullopt;
}

} // namespace heiiki::ui
