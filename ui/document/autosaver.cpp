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
    connect(&m_timer, &QTimer::timeout, this, &Autosaver::saveNow);
    connect(document, &DesignDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            discard();
    });
    m_timer.start();
}

Autosaver::~Autosaver() = default;

bool Autosaver::saveNow()
{
    if (!m_document->isModified())
        return true;
    const int revision = m_document->undoStack()->index();
    if (revision == m_savedRevision && QFile::exists(m_file))
        return true;
    QDir().mkpath(m_folder);
    const std::string error = model::io::saveDesignFile(m_document->design(),
                                                        QFile::encodeName(m_file).toStdString());
    if (!error.empty())
        return false;
    QJsonObject meta{{QStringLiteral("originalPath"), m_document->filePath()},
                     {QStringLiteral("savedAt"),
                      QDateTime::currentDateTime().toString(Qt::ISODate)}};
    QFile metaFile(m_file + kMetaSuffix);
    if (!metaFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    metaFile.write(QJsonDocument(meta).toJson());
    m_savedRevision = revision;
    return true;
}

void Autosaver::discard()
{
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
