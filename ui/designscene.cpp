#include "designscene.h"

#include "containeritem.h"
#include "diagramstyle.h"
#include "linkitem.h"
#include "nodeitem.h"

#include <algorithm>
#include <vector>

namespace heiiki::ui {

namespace {
constexpr qreal kLinkZ = 1000; // above every element, whatever its nesting
constexpr qreal kMargin = 32;
} // namespace

DesignScene::DesignScene(QObject *parent)
    : QGraphicsScene(parent)
{
    setBackgroundBrush(Qt::white);
}

DesignScene::~DesignScene() = default;

void DesignScene::build(const model::Design &design)
{
    build(design, model::autoLayout(design));
}

void DesignScene::build(const model::Design &design, const model::Layout &layout)
{
    clearDesign();
    const auto &catalogue = model::Catalogue::instance();

    for (const auto &element : design.elements()) {
        const auto it = layout.find(element->id);
        const model::Geometry geometry = it != layout.end() ? it->second : model::Geometry{};
        ElementItem *item = createElementItem(*element, geometry);
        m_elements.emplace(element->id, item);
    }
    // Nest the items as the elements are nested; positions are relative to the parent.
    // Qt refuses a parent that would close a cycle: such an item stays at the top level.
    for (const auto &element : design.elements()) {
        ElementItem *item = m_elements.at(element->id);
        ElementItem *parent = elementItem(element->parent);
        if (parent)
            item->setParentItem(parent);
        if (!parent || item->parentItem() != parent)
            addItem(item);
    }

    for (const auto &link : design.links()) {
        if (catalogue.info(link->kind).toPolicy)
            continue;
        if (!elementItem(link->from) || !elementItem(link->to))
            continue;
        auto *item = new LinkItem(link->id, link->from, link->to);
        item->setLook(diagramstyle::linkLook(link->kind));
        if (diagramstyle::showsLinkLabel(link->kind))
            item->setLabel(diagramstyle::linkLabel(link->kind));
        item->setToolTip(link->name.empty() ? diagramstyle::linkLabel(link->kind)
                                            : QString::fromStdString(link->name));
        item->setZValue(kLinkZ);
        addItem(item);
        m_links.emplace(link->id, item);
        updateLink(item);
    }
    placeCaptions();
    setSceneRect(designRect());
}

ElementItem *DesignScene::createElementItem(const model::Element &element,
                                            const model::Geometry &geometry)
{
    const auto &info = model::Catalogue::instance().info(element.kind);
    const QString kind = diagramstyle::kindLabel(element.kind);
    const QString name = element.name.empty() ? kind : QString::fromStdString(element.name);
    ElementItem *item = nullptr;
    if (info.container) {
        auto *container = new ContainerItem(element.id);
        container->setSize(QSizeF(geometry.width, geometry.height));
        container->setTitle(name, QString::fromStdString(model::containerSubtitle(element)));
        container->setLook(diagramstyle::containerLook(element));
        item = container;
    } else {
        auto *node = new NodeItem(element.id);
        node->setLabel(name);
        node->setLook(diagramstyle::nodeLook(element.kind));
        item = node;
    }
    item->setPos(geometry.x, geometry.y);
    item->setToolTip(tr("%1\n%2 (%3)").arg(name, kind, QString::fromStdString(element.id.str())));
    return item;
}

void DesignScene::updateLink(LinkItem *link)
{
    const ElementItem *from = elementItem(link->fromId());
    const ElementItem *to = elementItem(link->toId());
    if (!from || !to)
        return;
    link->setEnds(from->mapRectToScene(from->frameRect()), to->mapRectToScene(to->frameRect()));
}

void DesignScene::placeCaptions()
{
    // Captions keep clear of glyphs, labels, titles and each other where the line allows.
    std::vector<QRectF> taken;
    for (const auto &[id, item] : m_elements) {
        if (const auto *container = qgraphicsitem_cast<const ContainerItem *>(item))
            taken.push_back(container->mapRectToScene(container->titleRect()));
        else
            taken.push_back(item->mapRectToScene(item->frameRect()));
    }
    constexpr qreal candidates[] = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8};
    std::vector<LinkItem *> links;
    for (const auto &[id, link] : m_links)
        links.push_back(link);
    std::sort(links.begin(), links.end(), [](const LinkItem *a, const LinkItem *b) {
        return a->linkId() < b->linkId();
    });
    for (LinkItem *link : links) {
        // The first spot that is clear, else the one that covers least.
        qreal chosen = 0.5;
        qreal leastCovered = -1;
        for (const qreal t : candidates) {
            const QRectF rect = link->captionRect(t);
            if (rect.isEmpty())
                break;
            qreal covered = 0;
            for (const QRectF &r : taken) {
                const QRectF overlap = r.intersected(rect);
                covered += overlap.width() * overlap.height();
            }
            if (leastCovered < 0 || covered < leastCovered) {
                chosen = t;
                leastCovered = covered;
            }
            if (covered <= 0)
                break;
        }
        link->setCaptionPosition(chosen);
        if (const QRectF rect = link->captionRect(chosen); !rect.isEmpty())
            taken.push_back(rect);
    }
}

void DesignScene::clearDesign()
{
    m_links.clear();
    m_elements.clear();
    clear();
    setSceneRect(QRectF());
}

ElementItem *DesignScene::elementItem(const model::Id &id) const
{
    const auto it = m_elements.find(id);
    return it == m_elements.end() ? nullptr : it->second;
}

LinkItem *DesignScene::linkItem(const model::Id &id) const
{
    const auto it = m_links.find(id);
    return it == m_links.end() ? nullptr : it->second;
}

QRectF DesignScene::designRect() const
{
    const QRectF bounds = itemsBoundingRect();
    if (bounds.isEmpty())
        return QRectF(0, 0, 1, 1);
    return bounds.adjusted(-kMargin, -kMargin, kMargin, kMargin);
}

} // namespace heiiki::ui
