#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace heiiki::ui {

class DesignDocument;

/// Writes a document with unsaved changes to a recovery file at a fixed interval, and removes
/// the file when the changes are saved or dropped. After a crash the file is still there: the
/// next start offers it (see pendingRecovery()).
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

    /// Writes the recovery file now when the document has unsaved changes. Returns false when
    /// it could not be written.
    bool saveNow();
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
    QTimer m_timer;
    int m_savedRevision = -1;
};

} // namespace heiiki::ui
