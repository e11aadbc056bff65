#pragma once

#include "model/core/design.h"
#include "model/scenarios/scenarios.h"
#include "model/validation/finding.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QUndoStack;

namespace heiiki::ui {

class ValidationRunner;

/// One open design: the model, its undo stack, where it is saved, the shared selection and
/// the latest validation result. The document turns the model's change announcements into
/// Qt signals, so views update in one place; it never changes the model itself — commands
/// do, through design().
class DesignDocument : public QObject
{
    Q_OBJECT

public:
    explicit DesignDocument(QObject *parent = nullptr);
    ~DesignDocument() override;

    model::Design &design() { return *m_design; }
    const model::Design &design() const { return *m_design; }
    QUndoStack *undoStack() const { return m_undoStack; }

    /// Replaces the design, forgets the undo history and marks the document unmodified.
    /// Elements without a stored box get one from the automatic layout, so everything on
    /// the canvas can be moved. \a path is where it was read from ("" for a new design, a
    /// ":/…" resource path for a built-in sample, which is never saved over).
    void reset(model::Design design, const QString &path);

    /// Where the design is saved; empty when it has never been (samples and new designs).
    QString filePath() const { return m_filePath; }
    /// The file name or the design's name, for the title bar.
    QString displayName() const;
    bool isModified() const;
    /// Saves to \a path atomically and, on success, remembers it and marks the document
    /// unmodified. On failure returns what went wrong and changes nothing.
    QString saveAs(const QString &path);

    /// The latest validation result (rules and scenarios) of the design as it is now, or of
    /// a recent version while a newer one is being validated.
    const std::vector<model::Finding> &findings() const;
    const std::vector<model::ScenarioResult> &scenarios() const;
    ValidationRunner *validation() const { return m_validation; }
    /// Starts any validation that is due and waits until the newest result is in (for tests
    /// and exports; the window never waits).
    void waitForValidation();
    /// The findings that name \a id.
    std::vector<const model::Finding *> findingsFor(const model::Id &id) const;

    /// The selected element, link and policy ids, shared by the canvas and the docks.
    const QList<model::Id> &selection() const { return m_selection; }
    void setSelection(const QList<model::Id> &ids);

signals:
    void elementAdded(const heiiki::model::Id &id);
    void elementRemoved(const heiiki::model::Id &id);
    /// \a what: comma-separated parts that changed ("name", "parent", "properties",
    /// "geometry").
    void elementChanged(const heiiki::model::Id &id, const QString &what);
    void linkAdded(const heiiki::model::Id &id);
    void linkRemoved(const heiiki::model::Id &id);
    void linkChanged(const heiiki::model::Id &id);
    void policyAdded(const heiiki::model::Id &id);
    void policyRemoved(const heiiki::model::Id &id);
    void policyChanged(const heiiki::model::Id &id);
    /// Settings, accounts or flows changed.
    void designChanged(const QString &what);
    /// Everything changed: a design was opened or created.
    void designReset();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    void selectionChanged();
    /// A new validation result is in findings() and scenarios().
    void validated();

private:
    class Adapter;
    friend class Adapter;

    void semanticChange();
    void requestValidation();

    std::unique_ptr<model::Design> m_design;
    std::unique_ptr<Adapter> m_adapter;
    QUndoStack *m_undoStack = nullptr;
    ValidationRunner *m_validation = nullptr;
    QString m_filePath;
    QList<model::Id> m_selection;
    bool m_validationScheduled = false;
};

} // namespace heiiki::ui
