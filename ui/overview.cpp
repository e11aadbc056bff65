#include "overview.h"

#include "containeritem.h"
#include "designscene.h"
#include "linkitem.h"
#include "nodeitem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <vector>

namespace heiiki::ui {

namespace {

/// Containers of one nesting depth and one look: their frames, and their corner badges.
struct ContainerBatch
{
    int depth = 0;
    QRgb outline = 0;
    QRgb fill = 0;
    QRgb title = 0;
    std::vector<QRectF> frames;
    std::vector<QRectF> badges;
};

/// Rectangles or lines of one colour.
template<class Shape>
struct ColourBatch
{
    QRgb colour = 0;
    std::vector<Shape> shapes;
};

template<class Batch>
Batch &batchOf(std::vector<Batch> &batches, QRgb colour)
{
    for (Batch &batch : batches)
        if (batch.colour == colour)
            return batch;
    return batches.emplace_back(Batch{colour, {}});
}

struct Gathered
{
    std::vector<ContainerBatch> containers;
    std::vector<ColourBatch<QRectF>> nodes;
    /// Items with an overlay, and where they stand in the scene.
    std::vector<std::pair<const ElementItem *, QPointF>> overlays;

    ContainerBatch &containerBatch(int depth, const ContainerLook &look)
    {
        const QRgb outline = look.outline.rgba();
        const QRgb fill = look.fill.rgba();
        const QRgb title = look.title.rgba();
        for (ContainerBatch &batch : containers)
            if (batch.depth == depth && batch.outline == outline && batch.fill == fill
                && batch.title == title)
                return batch;
        return containers.emplace_back(ContainerBatch{depth, outline, fill, title, {}, {}});
    }

    /// Gathers \a item (at \a origin in the scene) and its subtree, skipping what lies
    /// wholly outside \a exposed.
    void gather(const QGraphicsItem *item, QPointF origin, int depth, const QRectF &exposed)
    {
        if (!item->isVisible())
            return;
        origin += item->pos();
        const ElementItem *element = nullptr;
        if (item->type() == ContainerItem::Type) {
            const auto *container = static_cast<const ContainerItem *>(item);
            const QRectF frame = container->frameRect().translated(origin);
            // Children stand inside their container: a container out of sight hides them.
            if (!frame.intersects(exposed))
                return;
            ContainerBatch &batch = containerBatch(depth, container->look());
            batch.frames.push_back(frame);
            batch.badges.push_back(container->badgeRect().translated(origin));
            element = container;
        } else if (item->type() == NodeItem::Type) {
            const auto *node = static_cast<const NodeItem *>(item);
            const QRectF glyph = node->glyphRect().translated(origin);
            if (glyph.intersects(exposed))
                batchOf(nodes, node->look().colour.rgba()).shapes.push_back(glyph);
            element = node;
        } else {
            return;
        }
        if (element->hasOverlay())
            overlays.emplace_back(element, origin);
        for (const QGraphicsItem *child : item->childItems())
            gather(child, origin, depth + 1, exposed);
    }
};

} // namespace

void paintOverview(QPainter *painter, const DesignScene &scene, qreal detail,
                   const QRectF &exposed, QWidget *widget)
{
    Gathered gathered;
    for (const auto &[id, item] : scene.elementItems())
        if (!item->parentItem())
            gathered.gather(item, QPointF(), 0, exposed);

    const QTransform view = painter->worldTransform();
    painter->setRenderHint(QPainter::Antialiasing, false);

    // Containers, outermost first: a child covers its parent as the item tree would have it
    // (siblings do not overlap, so their order does not matter).
    std::stable_sort(gathered.containers.begin(), gathered.containers.end(),
                     [](const ContainerBatch &a, const ContainerBatch &b) {
                         return a.depth < b.depth;
                     });
    for (auto batch = gathered.containers.begin(); batch != gathered.containers.end();) {
        const auto level = std::find_if(batch, gathered.containers.end(),
                                        [depth = batch->depth](const ContainerBatch &b) {
                                            return b.depth != depth;
                                        });
        for (auto it = batch; it != level; ++it) {
            painter->setPen(ContainerItem::plainOutline(QColor::fromRgba(it->outline), detail));
            const QColor fill = QColor::fromRgba(it->fill);
            painter->setBrush(fill.alpha() > 0 ? QBrush(fill) : Qt::NoBrush);
            painter->drawRects(it->frames.data(), int(it->frames.size()));
        }
        painter->setPen(Qt::NoPen);
        for (auto it = batch; it != level; ++it) {
            painter->setBrush(QColor::fromRgba(it->title));
            painter->drawRects(it->badges.data(), int(it->badges.size()));
        }
        batch = level;
    }

    painter->setPen(Qt::NoPen);
    for (const auto &batch : gathered.nodes) {
        painter->setBrush(QColor::fromRgba(batch.colour));
        painter->drawRects(batch.shapes.data(), int(batch.shapes.size()));
    }

    for (const auto &[item, origin] : gathered.overlays) {
        painter->setWorldTransform(QTransform::fromTranslate(origin.x(), origin.y()) * view);
        item->paintOverlay(painter);
    }
    painter->setWorldTransform(view);

    // Links, above every element: the glows of highlighted ones, then the lines.
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setBrush(Qt::NoBrush);
    std::vector<ColourBatch<QLineF>> lines;
    std::vector<QPolygonF> glows;
    for (const auto &[id, link] : scene.linkItems()) {
        if (!link->isVisible() || !link->sceneBoundingRect().intersects(exposed))
            continue;
        const QPolygonF route = link->route().translated(link->scenePos());
        auto &batch = batchOf(lines, link->plainColour().rgba()).shapes;
        for (qsizetype i = 1; i < route.size(); ++i)
            batch.emplace_back(route[i - 1], route[i]);
        if (link->isHighlighted())
            glows.push_back(route);
    }
    if (!glows.empty()) {
        // Few, and wide: joined as the item joins them.
        painter->setPen(LinkItem::plainGlow());
        for (const QPolygonF &glow : glows)
            painter->drawPolyline(glow);
    }
    for (const auto &batch : lines) {
        painter->setPen(LinkItem::plainPen(QColor::fromRgba(batch.colour), detail));
        painter->drawLines(batch.shapes.data(), int(batch.shapes.size()));
    }

    if (QGraphicsItem *gesture = scene.gestureItem(); gesture && gesture->isVisible()) {
        painter->save();
        painter->setWorldTransform(gesture->sceneTransform() * view);
        QStyleOptionGraphicsItem option;
        option.exposedRect = gesture->boundingRect();
        gesture->paint(painter, &option, widget);
        painter->restore();
    }
}

} // namespace heiiki::ui
