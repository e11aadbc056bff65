#pragma once

#include "document/autosaver.h"
#include "model/edit/designedit.h"

#include <QMainWindow>
#include <QStringList>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace heiiki::ui {

class DesignDocument;
class DesignScene;
class DesignView;

/// The designer's main window, the composition root of one open design: the document (model,
/// undo stack, validation) with the canvas in the middle and docks around it for the palette,
/// the inspector, policies, findings, scenarios and path tracing. The window owns them all.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// \a recoveryFolder: where unsaved changes are autosaved; empty: the data folder.
    explicit MainWindow(QWidget *parent = nullptr, const QString &recoveryFolder = {});
    ~MainWindow() override;

    /// Opens the design at \a path: a file, or a Qt resource (":/…"). When it cannot be read,
    /// shows the loader's errors, keeps what the window showed before and returns false.
    /// Does not ask about unsaved changes (the File menu does).
    bool openDesign(const QString &path);
    /// Starts an empty design.
    void newEmptyDesign();

    DesignDocument *document() const { return m_document; }
    DesignScene *scene() const { return m_scene; }
    DesignView *view() const { return m_view; }
    Autosaver *autosaver() const { return m_autosaver; }
    QAction *action(const QString &name) const; ///< by objectName, for tests

    /// Offers a design a previous run left unsaved; returns true when one was recovered.
    bool offerRecovery();
    /// Opens the design saved in \a recovery, as unsaved changes to its original file, and
    /// removes the recovery file.
    bool recoverDesign(const Autosaver::Recovery &recovery);

    // Edit operations, as the Edit menu runs them.
    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    void deleteSelection();
    void selectAll();
    /// Selects \a ids and centres the view on them.
    void focusElements(const QList<model::Id> &ids);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    QDockWidget *addDock(QWidget *widget, const QString &title, const QString &name,
                         Qt::DockWidgetArea area);
    void restoreLayout();
    void saveLayout();

    void chooseNew();
    void chooseFile();
    void exportDesign(bool selectionOnly = false);
    void showCanvasMenu(const QPoint &pos);
    bool save();
    bool saveAs();
    /// Asks what to do with unsaved changes; true when the window may go on.
    bool maybeSave();
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void updateTitle();
    void updateStatus();
    void updateActions();
    void showLoadErrors(const QString &path, const QStringList &errors);
    void about();
    void addAtViewCentre(model::ElementKind kind);
    bool pasteFragment(const model::edit::Fragment &fragment, const QString &text);

    DesignDocument *m_document = nullptr;
    DesignScene *m_scene = nullptr;
    DesignView *m_view = nullptr;
    Autosaver *m_autosaver = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_findingsSummary = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    model::edit::Fragment m_clipboard;
    int m_pasteCount = 0;
};

} // namespace heiiki::ui
