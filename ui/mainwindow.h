#pragma once

#include "model/core/design.h"

#include <QMainWindow>

#include <memory>

class QLabel;

namespace heiiki::ui {

class DesignScene;
class DesignView;

/// The designer's main window. For now it shows one design, read-only: a canvas with the
/// design drawn on it, a status bar with its size, and File, View and Help menus.
/// The window owns the design it shows.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the design at \a path: a file, or a Qt resource (":/…"). When it cannot be read,
    /// shows the loader's errors in a message box, keeps what the window showed before and
    /// returns false.
    bool openDesign(const QString &path);

    /// The design shown, or nullptr.
    const model::Design *design() const { return m_design.get(); }
    DesignScene *scene() const { return m_scene; }
    DesignView *view() const { return m_view; }

private:
    void createMenus();
    void showDesign();
    void chooseFile();
    void about();
    void showLoadErrors(const QString &path, const QStringList &errors);

    std::unique_ptr<model::Design> m_design;
    QString m_path;
    DesignScene *m_scene = nullptr;
    DesignView *m_view = nullptr;
    QLabel *m_counts = nullptr;
};

} // namespace heiiki::ui
