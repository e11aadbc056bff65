// Designer benchmark: with a synthetic design of about 5,000 elements, the time to open and
// show it, the frame time while panning and zooming (the viewport painted offscreen), and the
// latency from an edit to the revalidated, repainted canvas. Frames are painted as the screen
// paints them (the viewport's paint event, level of detail included); the export path
// (QGraphicsView::render(), everything drawn in full) is timed too.
//
//   cmake -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DHEIIKI_BUILD_BENCHMARKS=ON
//   cmake --build build-bench --target bench_designer -j2
//   QT_QPA_PLATFORM=offscreen build-bench/tests/bench/bench_designer [--elements 5000]
#include "designgenerator.h"

#include "model/core/allocator.h"
#include "model/io/designfile.h"
#include "ui/commands/editelementscommand.h"
#include "ui/designscene.h"
#include "ui/elementitem.h"
#include "ui/designview.h"
#include "ui/document/autosaver.h"
#include "ui/document/designdocument.h"
#include "ui/document/validationrunner.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

using namespace heiiki;

namespace {

struct Series
{
    std::vector<double> ms;
    double median() const
    {
        auto v = ms;
        std::sort(v.begin(), v.end());
        return v.empty() ? 0 : v[v.size() / 2];
    }
    double worst() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
    double p95() const
    {
        auto v = ms;
        std::sort(v.begin(), v.end());
        return v.empty() ? 0 : v[std::min(v.size() - 1, v.size() * 95 / 100)];
    }
};

/// Paints the view's viewport into an image as a frame on screen is painted: through the
/// viewport's paint event, which draws the scene for that widget.
double paintFrame(ui::DesignView *view, QImage &frame)
{
    QElapsedTimer timer;
    timer.start();
    frame.fill(Qt::white);
    view->viewport()->render(&frame);
    return timer.nsecsElapsed() / 1e6;
}

/// Paints the view's viewport into an image with QGraphicsView::render(), as printing and
/// exports do: no widget, so every item draws everything.
double renderFrame(ui::DesignView *view, QImage &frame)
{
    QElapsedTimer timer;
    timer.start();
    frame.fill(Qt::white);
    QPainter painter(&frame);
    view->render(&painter, QRectF(frame.rect()), view->viewport()->rect());
    painter.end();
    return timer.nsecsElapsed() / 1e6;
}

/// The share of pixels in which \a a and \a b differ clearly (as the screenshot test counts).
double differingShare(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return 1;
    qint64 differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *p = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *q = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const int d = std::abs(qRed(p[x]) - qRed(q[x])) + std::abs(qGreen(p[x]) - qGreen(q[x]))
                          + std::abs(qBlue(p[x]) - qBlue(q[x]));
            differing += d > 96;
        }
    }
    return double(differing) / (double(a.width()) * a.height());
}

} // namespace

int main(int argc, char **argv)
{
    heiiki::model::useLargePages(); // as Heiiki does
    QApplication::setAttribute(Qt::AA_Use96Dpi);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("HeiikiBench"));
    int target = 5000;
    const QStringList args = app.arguments();
    if (const int i = args.indexOf(QStringLiteral("--elements")); i > 0 && i + 1 < args.size())
        target = args[i + 1].toInt();
    QString saveFrames; // --save-frames DIR: the first frame of each zoom, both ways, as PNG
    if (const int i = args.indexOf(QStringLiteral("--save-frames")); i > 0 && i + 1 < args.size())
        saveFrames = args[i + 1];

    int spokes = 1;
    while (spokes < bench::maxHubAndSpokeSpokes()
           && int(bench::generateHubAndSpoke(spokes).elements().size()) < target)
        spokes = std::max(spokes + 1, spokes * 2);
    while (spokes > 1 && int(bench::generateHubAndSpoke(spokes - 1).elements().size()) >= target)
        --spokes;
    const model::Design generated = bench::generateHubAndSpoke(spokes);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.heiiki.json"));
    if (const std::string error = model::io::saveDesignFile(generated, path.toStdString());
        !error.empty()) {
        std::fprintf(stderr, "cannot write the design: %s\n", error.c_str());
        return 1;
    }
    std::printf("design: %d spokes, %zu elements, %zu links\n", spokes,
                generated.elements().size(), generated.links().size());

    ui::MainWindow window(nullptr, dir.filePath(QStringLiteral("recovery")));
    window.resize(1600, 1000);
    window.show();
    app.processEvents();
    QImage frame(window.view()->viewport()->size(), QImage::Format_ARGB32_Premultiplied);

    // Open and show: read, lay out, build the canvas, paint the first frame.
    QElapsedTimer timer;
    timer.start();
    window.openDesign(path);
    app.processEvents();
    const double openMs = timer.nsecsElapsed() / 1e6;
    const double firstFrame = paintFrame(window.view(), frame);
    std::printf("open and show: %.1f ms (+ first frame %.1f ms)\n", openMs, firstFrame);
    window.document()->waitForValidation();

    // Panning and zooming at a working zoom (100 %) and the whole design (fit).
    ui::DesignView *view = window.view();
    for (const bool fit : {false, true}) {
        if (fit)
            view->fitDesign();
        else
            view->setTransform(QTransform());
        {
            // The screen's frame and the export path's, side by side: the same at 100 %.
            QImage screen(frame.size(), frame.format());
            paintFrame(view, screen);
            renderFrame(view, frame);
            const char *name = fit ? "whole" : "100";
            std::printf("%s: screen frame and export path differ in %.2f %% of the pixels\n",
                        fit ? "whole design" : "100 % zoom",
                        differingShare(screen, frame) * 100);
            if (!saveFrames.isEmpty()) {
                screen.save(QDir(saveFrames).filePath(QStringLiteral("screen-%1.png").arg(name)));
                frame.save(QDir(saveFrames).filePath(QStringLiteral("export-%1.png").arg(name)));
            }
            if (view->paintsOverview()) {
                // Far out the view draws the plain shapes itself: compare with the items
                // painting themselves, and time those frames too.
                view->setOverviewEnabled(false);
                QImage items(frame.size(), frame.format());
                Series itemFrames;
                for (int i = 0; i < 15; ++i)
                    itemFrames.ms.push_back(paintFrame(view, items));
                view->setOverviewEnabled(true);
                std::printf("%s: the far-out view and the items painting themselves differ in "
                            "%.2f %% of the pixels; items' frame median %.2f ms\n",
                            fit ? "whole design" : "100 % zoom",
                            differingShare(screen, items) * 100, itemFrames.median());
                if (!saveFrames.isEmpty())
                    items.save(QDir(saveFrames).filePath(QStringLiteral("items-%1.png").arg(name)));
            }
        }
        Series pan, zoom, render;
        for (int i = 0; i < 60; ++i) {
            view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + 37);
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + 23);
            pan.ms.push_back(paintFrame(view, frame));
            if (i % 3 == 0)
                render.ms.push_back(renderFrame(view, frame));
        }
        for (int i = 0; i < 40; ++i) {
            view->zoomBy(i % 2 ? 1 / 1.1 : 1.1);
            zoom.ms.push_back(paintFrame(view, frame));
        }
        std::printf("%s: pan frame median %.2f ms, p95 %.2f, worst %.2f; zoom frame median %.2f "
                    "ms, p95 %.2f, worst %.2f\n",
                    fit ? "whole design" : "100 % zoom", pan.median(), pan.p95(), pan.worst(),
                    zoom.median(), zoom.p95(), zoom.worst());
        std::printf("%s: QGraphicsView::render() of the viewport (export path) median %.2f ms, "
                    "worst %.2f\n",
                    fit ? "whole design" : "100 % zoom", render.median(), render.worst());
    }

    // Edit → revalidate → repaint: rename an instance (a semantic edit: validation reruns),
    // and move one (geometry only: no revalidation).
    view->setTransform(QTransform());
    paintFrame(view, frame); // back at 100 % zoom, painted once before the first edit
    // The frames above were painted into an image, not onto the window: the window's own
    // repaint of everything they scrolled past is still due. Let it happen now, as it would
    // have while the user panned, so that the first edit does not pay for it.
    timer.restart();
    app.processEvents();
    std::printf("the window's own repaint after panning and zooming: %.1f ms\n",
                timer.nsecsElapsed() / 1e6);
    Series uiThread, total, move;
    int kept = 0; // revalidations that kept the last run's traces (a rename changes no verdict)
    const model::Id instance(bench::spokeInstanceId(spokes / 2, 'a', "app", 1));
    for (int i = 0; i < 15; ++i) {
        ui::DesignDocument *document = window.document();
        model::Element before = *document->design().element(instance);
        model::Element after = before;
        after.name = "renamed " + std::to_string(i);
        timer.restart();
        document->undoStack()->push(new ui::EditElementsCommand(document, {before}, {after},
                                                                QStringLiteral("Rename")));
        app.processEvents(); // the validation request leaves the UI thread here
        paintFrame(view, frame);
        uiThread.ms.push_back(timer.nsecsElapsed() / 1e6);
        if (i == 0)
            std::printf("first edit (rename): UI thread until repainted %.1f ms\n",
                        uiThread.ms.back());
        document->waitForValidation();
        paintFrame(view, frame);
        total.ms.push_back(timer.nsecsElapsed() / 1e6);
        kept += document->validation()->result().keptTraces;

        model::Element moved = *document->design().element(instance);
        model::Element shifted = moved;
        shifted.geometry->x += 10;
        timer.restart();
        document->undoStack()->push(new ui::EditElementsCommand(document, {moved}, {shifted},
                                                                QStringLiteral("Move")));
        app.processEvents();
        paintFrame(view, frame);
        move.ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("edit (rename): UI thread until repainted %.1f ms median (worst %.1f); until "
                "revalidated and repainted %.1f ms median (worst %.1f; %d of %zu runs kept the "
                "last run's traces)\n",
                uiThread.median(), uiThread.worst(), total.median(), total.worst(), kept,
                total.ms.size());
    std::printf("move one element: until repainted %.1f ms median (worst %.1f)\n", move.median(),
                move.worst());

    // Drop a new instance into a subnet (the palette's drag): the element, its item and the
    // panels' lists of elements change.
    Series drop;
    {
        ui::DesignDocument *document = window.document();
        const model::Element *server = document->design().element(instance);
        const ui::ElementItem *subnet = window.scene()->elementItem(server->parent);
        for (int i = 0; i < 5; ++i) {
            const QPointF spot = subnet->mapToScene(
                QPointF(12 + 40 * i, subnet->boundingRect().height() - 30));
            timer.restart();
            const auto added = window.scene()->dropElement(model::ElementKind::Ec2Instance, spot);
            app.processEvents();
            paintFrame(view, frame);
            drop.ms.push_back(timer.nsecsElapsed() / 1e6);
            if (!added)
                std::printf("drop %d was refused\n", i);
        }
    }
    std::printf("drop one element: until repainted %.1f ms median (worst %.1f)\n", drop.median(),
                drop.worst());

    // Autosave: what the minute's timer costs the UI thread (the design has unsaved edits),
    // and the same save written on the calling thread (Autosaver::saveNow(): what the timer
    // cost the UI thread when it wrote there).
    const auto timeSaves = [&](const char *name, const std::function<void()> &save) {
        Series series;
        for (int i = 0; i < 5; ++i) {
            ui::DesignDocument *document = window.document();
            model::Element before = *document->design().element(instance);
            model::Element after = before;
            after.name = name + std::to_string(i);
            document->undoStack()->push(new ui::EditElementsCommand(
                document, {before}, {after}, QStringLiteral("Rename")));
            app.processEvents();
            timer.restart();
            save();
            series.ms.push_back(timer.nsecsElapsed() / 1e6);
            window.autosaver()->waitForSave();
        }
        return series;
    };
    const Series autosave = timeSaves("autosaved ", [&] { window.autosaver()->saveLater(); });
    const Series inline_ = timeSaves("saved inline ", [&] { window.autosaver()->saveNow(); });
    std::printf("autosave: UI thread %.1f ms median (worst %.1f); written on the UI thread "
                "instead: %.1f ms median (worst %.1f)\n",
                autosave.median(), autosave.worst(), inline_.median(), inline_.worst());
    return 0;
}
