#include "designerapp.h"

#include "mainwindow.h"

#include <QApplication>

namespace heiiki::ui {

int runDesigner(QApplication &app, const QString &file)
{
    MainWindow window;
    window.show();
    // A design a crashed run left unsaved comes first; else the file asked for, else the
    // built-in reference design.
    if (!window.offerRecovery()
        && !window.openDesign(file.isEmpty() ? QString::fromLatin1(kReferenceDesignResource)
                                             : file)
        && !file.isEmpty())
        window.openDesign(QString::fromLatin1(kReferenceDesignResource));
    return app.exec();
}

} // namespace heiiki::ui
