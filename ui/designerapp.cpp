#include "designerapp.h"

#include "mainwindow.h"

#include <QApplication>

namespace heiiki::ui {

int runDesigner(QApplication &app, const QString &file)
{
    MainWindow window;
    window.show();
    window.openDesign(file.isEmpty() ? QString::fromLatin1(kReferenceDesignResource) : file);
    return app.exec();
}

} // namespace heiiki::ui
