#pragma once

#include "model/core/designmirror.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace heiiki::ui {

class DesignDocument;

/// Writes a document with unsaved changes to a recovery file at a fixed interval, and removes
/// the file when the changes are saved or dropped. After a crash the file is still there: the
/// next start offers it (see pendingRecovery()).
///
/// The interval's save writes a copy of the design on another thread: the copy follows the
/// document (model::DesignMirror copies only what changed), so a large design does not stop
/// the canvas once a minute.
class Autosaver : public QObject
{
    Q_OBJECT

public:
    /// \a folder holds the recovery files; empty: the application's data folder.
    explicit Autosaver(DesignDocument *document, const QString &folder = {},
                       QObject *parent = nullptr);
    ~Autosaver() override;

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    QString recoveryFile() const { return m_file; }
    QString folder() const { return m_folder; }

    /// Writes the recovery file now, on the calling thread, when the document has unsaved
    /// changes. Returns false when it could not be written.
    bool saveNow();
    /// What the timer does: brings the copy level with the document and writes it on another
    /// thread. Does nothing while an earlier write is still busy.
    void saveLater();
    /// Waits for a write saveLater() started; false when it could not be written.
    bool waitForSave();
    /// Removes the recovery file (the document was saved, or its changes were dropped).
    void discard();

    /// A recovery file a previous run left behind, with the path of the design it belonged
    /// to ("" when it had never been saved).
    struct Recovery
    {
        QString file;
        QString originalPath;
        QString savedAt; ///< ISO date and time
    };
    /// The newest recovery file in the folder other than this autosaver's own, if any.
    std::optional<Recovery> pendingRecovery() const;
    static QString defaultFolder();

private:
    DesignDocument *m_document;
    QString m_folder;
    QString m_file;
    /// Writes \a design and the file that says where it came from; false on failure.
    static bool write(const model::Design &design, const QString &file,
                      const QString &originalPath);
    /// True when the document has changes the recovery file does not hold.
    bool isDue() const;
    void written();

    QTimer m_timer;
    int m_savedRevision = -1;
    int m_writingRevision = -1; ///< the revision a background write is writing
    model::DesignMirror m_mirror;
    QFuture<bool> m_write;
    QFutureWatcher<bool> m_watcher;
    bool m_lastWriteFailed = false;
};

} // namespace heiiki::ui
