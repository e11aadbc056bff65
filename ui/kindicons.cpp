#include "kindicons.h"

#include "model/core/catalogue.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

#include <algorithm>

#include <array>
#include <memory>

namespace heiiki::ui {

namespace {

/// The renderers and icons made so far. Emptied when the application object goes, so that no
/// pixmap outlives it.
struct Cache
{
    std::array<std::unique_ptr<QSvgRenderer>, model::kElementKindCount> renderers;
    std::array<QIcon, model::kElementKindCount> icons;
    /// The pixmap of each kind asked for last, and its size: a frame paints every node of a
    /// kind at one size, so most calls are answered here without a lookup by name.
    std::array<std::pair<int, QPixmap>, model::kElementKindCount> lastPixmaps;
};

Cache &cache()
{
    static Cache instance;
    static const bool registered = [] {
        qAddPostRoutine([] { instance = Cache(); });
        return true;
    }();
    Q_UNUSED(registered)
    return instance;
}

size_t indexOf(model::ElementKind kind)
{
    return static_cast<size_t>(kind);
}

} // namespace

QString kindIconPath(model::ElementKind kind)
{
    const auto &name = model::Catalogue::instance().info(kind).name;
    return QStringLiteral(":/icons/%1.svg").arg(QString::fromStdString(name));
}

QSvgRenderer *kindRenderer(model::ElementKind kind)
{
    auto &renderer = cache().renderers.at(indexOf(kind));
    if (!renderer)
        renderer = std::make_unique<QSvgRenderer>(kindIconPath(kind));
    return renderer.get();
}

QIcon kindIcon(model::ElementKind kind)
{
    // Rendered to pixmaps here rather than left to the SVG icon engine plug-in, so that the
    // icons show wherever Qt SVG is linked, whether or not the plug-in was deployed.
    QIcon &icon = cache().icons.at(indexOf(kind));
    if (icon.isNull()) {
        QSvgRenderer *renderer = kindRenderer(kind);
        for (const int size : {16, 20, 24, 32, 48, 64, 128}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer->render(&painter, QRectF(0, 0, size, size));
            painter.end();
            icon.addPixmap(pixmap);
        }
    }
    return icon;
}

QPixmap kindPixmap(model::ElementKind kind, int pixels)
{
    pixels = std::clamp(pixels, 1, 1024);
    auto &last = cache().lastPixmaps.at(indexOf(kind));
    if (last.first == pixels && !last.second.isNull())
        return last.second;
    const QString key = QStringLiteral("heiiki-kind-%1-%2").arg(indexOf(kind)).arg(pixels);
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap)) {
        last = {pixels, pixmap};
        return pixmap;
    }
    pixmap = QPixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    kindRenderer(kind)->render(&painter, QRectF(0, 0, pixels, pixels));
    painter.end();
    QPixmapCache::insert(key, pixmap);
    last = {pixels, pixmap};
    return pixmap;
}

} // namespace heiiki::ui
