#include "designscene.h"

#include "containeritem.h"
#include "diagramstyle.h"
#include "linkitem.h"
#include "nodeitem.h"
#include "rectgrid.h"

#include "document/designdocument.h"
#include "model/layout/labeltext.h"

#include <QTimer>

#include <algorithm>
#include <cmath>
#include <vector>

namespace heiiki::ui {

namespace {
constexpr qreal kLinkZ = 1000; // above every element, whatever its nesting
constexpr qreal kMargin = 32;

QString displayName(const model::Element &element)
{
    return element.name.empty() ? diagramstyle::kindLabel(element.kind)
                                : QString::fromStdString(element.name);
}
} // namespace

DesignScene::DesignScene(DesignDocument *document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    setBackgroundBrush(Qt::white);
    QObject::connect(document, &DesignDocument::designReset, this, &DesignScene::rebuild);
    QObject::connect(document, &DesignDocument::elementAdded, this, &DesignScene::onElementAdded);
    QObject::connect(document, &DesignDocument::elementRemoved, this,
                     &DesignScene::onElementRemoved);
    QObject::connect(document, &DesignDocument::elementChanged, this,
                     &DesignScene::onElementChanged);
    QObject::connect(document, &DesignDocument::linkAdded, this, &DesignScene::onLinkAdded);
    QObject::connect(document, &DesignDocument::linkRemoved, this, &DesignScene::onLinkRemoved);
    QObject::connect(document, &DesignDocument::linkChanged, this, &DesignScene::onLinkChanged);
    QObject::connect(document, &DesignDocument::validated, this, &DesignScene::applyFindings);
    QObject::connect(document, &DesignDocument::selectionChanged, this,
                     &DesignScene::syncSelectionFromDocument);
    QObject::connect(this, &QGraphicsScene::selectionChanged, this,
                     &DesignScene::syncSelectionFromScene);
    rebuild();
}

DesignScene::~DesignScene()
{
    // Items go before the maps that name them; no selection echo while they do.
    m_syncingSelection = true;
    QObject::disconnect(this, &QGraphicsScene::selectionChanged, this,
                        &DesignScene::syncSelectionFromScene);
}

void DesignScene::rebuild()
{
    m_syncingSelection = true;
    m_linkPreview = nullptr;
    m_gesture = Gesture::None;
    m_links.clear();
    m_linksOf.clear();
    m_elements.clear();
    clear();
    const model::Design &design = m_document->design();
    for (const auto &element : design.elements())
        m_elements.emplace(element->id, createElementItem(*element));
    // Nest the items as the elements are nested; positions are relative to the parent.
    for (const auto &element : design.elements())
        placeElementItem(*element, m_elements.at(element->id));
    for (const auto &link : design.links())
        addLinkItem(*link);
    placeCaptions();
    setSceneRect(designRect());
    m_syncingSelection = false;
    syncSelectionFromDocument();
    applyFindings();
}

ElementItem *DesignScene::createElementItem(const model::Element &element)
{
    const auto &info = model::Catalogue::instance().info(element.kind);
    ElementItem *item = nullptr;
    if (info.container)
        item = new ContainerItem(element.id);
    else
        item = new NodeItem(element.id);
    refreshElementItem(element, item);
    return item;
}

namespace {
/// The tooltip of an element: its name, kind and id, then the findings that name it.
QString toolTipFor(const model::Element &element, const std::vector<const model::Finding *> &findings)
{
    QString tip = DesignScene::tr("%1\n%2 (%3)")
                      .arg(displayName(element), diagramstyle::kindLabel(element.kind),
                           QString::fromStdString(element.id.str()));
    for (const model::Finding *f : findings)
        tip += QStringLiteral("\n• %1: %2").arg(QString::fromStdString(f->ruleId),
                                                 QString::fromStdString(f->message));
    return tip;
}
} // namespace

void DesignScene::refreshElementItem(const model::Element &element, ElementItem *item)
{
    const QString name = displayName(element);
    if (auto *container = qgraphicsitem_cast<ContainerItem *>(item)) {
        container->setTitle(name, QString::fromStdString(model::containerSubtitle(element)));
        container->setLook(diagramstyle::containerLook(element));
    } else if (auto *node = qgraphicsitem_cast<NodeItem *>(item)) {
        node->setLabel(name);
        node->setLook(diagramstyle::nodeLook(element.kind));
    }
    item->setToolTip(toolTipFor(element, m_document->findingsFor(element.id)));
}

void DesignScene::placeElementItem(const model::Element &element, ElementItem *item)
{
    const model::Geometry geometry = element.geometry.value_or(model::Geometry{});
    if (auto *container = qgraphicsitem_cast<ContainerItem *>(item))
        container->setSize(QSizeF(geometry.width, geometry.height));
    ElementItem *parent = elementItem(element.parent);
    // Qt refuses a parent that would close a cycle: such an item stays at the top level.
    if (parent != item->parentItem() || !item->scene()) {
        if (!item->scene())
            addItem(item);
        item->setParentItem(parent);
    }
    item->setPos(geometry.x, geometry.y);
}

void DesignScene::addLinkItem(const model::Link &link)
{
    if (model::Catalogue::instance().info(link.kind).toPolicy)
        return;
    if (!elementItem(link.from) || !elementItem(link.to))
        return;
    auto *item = new LinkItem(link.id, link.from, link.to);
    item->setLook(diagramstyle::linkLook(link.kind));
    if (diagramstyle::showsLinkLabel(link.kind))
        item->setLabel(diagramstyle::linkLabel(link.kind));
    item->setToolTip(link.name.empty() ? diagramstyle::linkLabel(link.kind)
                                       : QString::fromStdString(link.name));
    item->setZValue(kLinkZ);
    addItem(item);
    m_links.emplace(link.id, item);
    m_linksOf[link.from].push_back(link.id);
    m_linksOf[link.to].push_back(link.id);
    updateLink(item);
    const QSizeF caption = item->captionSize();
    m_captionReach = std::max(m_captionReach, std::hypot(caption.width(), caption.height()) / 2);
}

void DesignScene::updateLink(LinkItem *link)
{
    const ElementItem *from = elementItem(link->fromId());
    const ElementItem *to = elementItem(link->toId());
    if (!from || !to)
        return;
    const QRectF fromBox = from->mapRectToScene(from->frameRect());
    const QRectF toBox = to->mapRectToScene(to->frameRect());
    // The other nodes near the two ends are obstacles the route goes round.
    std::vector<QRectF> obstacles;
    const QRectF area = fromBox.united(toBox).adjusted(-120, -120, 120, 120);
    for (QGraphicsItem *item : items(area, Qt::IntersectsItemBoundingRect)) {
        auto *node = dynamic_cast<NodeItem *>(item);
        if (!node || node == from || node == to || !node->isVisible())
            continue;
        // What an end holds is behind its outline, not in the link's way.
        const QRectF box = node->mapRectToScene(node->frameRect());
        if (!fromBox.contains(box) && !toBox.contains(box))
            obstacles.push_back(box);
    }
    link->setEnds(fromBox, toBox, obstacles);
    m_rerouted.insert(link->linkId()); // its caption is placed again with the next update
}

void DesignScene::updateLinksAround(const model::Id &id)
{
    // The links of the element and of everything nested in it move with it.
    std::vector<const ElementItem *> pending{elementItem(id)};
    while (!pending.empty()) {
        const ElementItem *item = pending.back();
        pending.pop_back();
        if (!item)
            continue;
        if (auto it = m_linksOf.find(item->elementId()); it != m_linksOf.end())
            for (const model::Id &linkId : it->second)
                if (LinkItem *link = linkItem(linkId))
                    updateLink(link);
        for (QGraphicsItem *child : item->childItems())
            if (auto *e = dynamic_cast<const ElementItem *>(child))
                pending.push_back(e);
    }
}

void DesignScene::updateAllLinks()
{
    for (const auto &[id, link] : m_links)
        updateLink(link);
}

namespace {
/// Where along its line a caption may stand, in the order they are tried.
constexpr qreal kCaptionSpots[] = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8};

bool byLinkId(const LinkItem *a, const LinkItem *b)
{
    return a->linkId() < b->linkId();
}

/// What a caption keeps clear of on an element: a container's title, a node's frame.
QRectF captionObstacle(const ElementItem *item)
{
    if (const auto *container = qgraphicsitem_cast<const ContainerItem *>(item))
        return container->mapRectToScene(container->titleRect());
    return item->mapRectToScene(item->frameRect());
}
} // namespace

void DesignScene::placeCaption(LinkItem *link, RectGrid &taken)
{
    // The first spot that is clear, else the one that covers least.
    qreal chosen = 0.5;
    qreal leastCovered = -1;
    for (const qreal t : kCaptionSpots) {
        const QRectF rect = link->captionRect(t);
        if (rect.isEmpty())
            break;
        const qreal covered = taken.coveredArea(rect);
        if (leastCovered < 0 || covered < leastCovered) {
            chosen = t;
            leastCovered = covered;
        }
        if (covered <= 0)
            break;
    }
    link->setCaptionPosition(chosen);
    if (const QRectF rect = link->captionRect(chosen); !rect.isEmpty())
        taken.add(rect);
}

void DesignScene::placeCaptions()
{
    m_captionsDue = false;
    m_rerouted.clear();
    m_captionsEverywhere = false;
    m_captionArea = QRectF();
    // Captions keep clear of glyphs, labels, titles and each other where the line allows.
    RectGrid taken;
    for (const auto &[id, item] : m_elements)
        taken.add(captionObstacle(item));
    std::vector<LinkItem *> links;
    for (const auto &[id, link] : m_links)
        links.push_back(link);
    std::sort(links.begin(), links.end(), byLinkId);
    for (LinkItem *link : links)
        placeCaption(link, taken);
}

void DesignScene::placeCaptionsNear(const QRectF &area)
{
    // The captions that may move: those of links routed anew, and those with a spot in the
    // area (what covers it changed). Every other caption stays and is kept clear of.
    // (Plain loops over the scene's own lists: QGraphicsScene::items() sorts what it finds,
    // which costs more than the placement itself when a long link spans the design.)
    const qreal r = m_captionReach + 1;
    const QRectF zone = area.adjusted(-r, -r, r, r);
    std::vector<LinkItem *> moving;
    std::vector<const LinkItem *> staying;
    RectGrid spots; // where the moving captions may go
    QRectF reach;
    for (const auto &[id, link] : m_links) {
        bool moves = m_rerouted.count(id) > 0;
        if (!moves && link->sceneBoundingRect().intersects(zone))
            for (const qreal t : kCaptionSpots)
                if (link->captionRect(t).intersects(area)) {
                    moves = true;
                    break;
                }
        if (!moves) {
            staying.push_back(link);
            continue;
        }
        moving.push_back(link);
        for (const qreal t : kCaptionSpots)
            if (const QRectF spot = link->captionRect(t); !spot.isEmpty()) {
                spots.add(spot);
                reach |= spot;
            }
    }
    m_rerouted.clear();
    if (moving.empty())
        return;
    // What stands where a moving caption may go.
    const auto near = [&](const QRectF &rect) {
        return rect.intersects(reach) && spots.coveredArea(rect) > 0;
    };
    RectGrid taken;
    for (const auto &[id, item] : m_elements)
        if (const QRectF rect = captionObstacle(item); near(rect))
            taken.add(rect);
    std::sort(staying.begin(), staying.end(), byLinkId);
    for (const LinkItem *link : staying)
        if (const QRectF rect = link->placedCaptionRect(); !rect.isEmpty() && near(rect))
            taken.add(rect);
    std::sort(moving.begin(), moving.end(), byLinkId);
    for (LinkItem *link : moving)
        placeCaption(link, taken);
}

void DesignScene::scheduleCaptions(const QRectF &area)
{
    if (area.isNull())
        m_captionsEverywhere = true;
    else
        m_captionArea |= area;
    if (m_captionsDue)
        return;
    m_captionsDue = true;
    QTimer::singleShot(0, this, &DesignScene::updateCaptions);
}

void DesignScene::updateCaptions()
{
    if (!m_captionsDue)
        return; // placed already (the scene was rebuilt)
    if (m_captionsEverywhere || m_captionArea.isEmpty()) {
        placeCaptions();
        return;
    }
    const QRectF area = m_captionArea;
    m_captionsDue = false;
    m_captionArea = QRectF();
    placeCaptionsNear(area);
}

void DesignScene::applyFindings()
{
    // One pass over the findings: the worst badge and the findings of every element.
    std::unordered_map<model::Id, ElementItem::Badge> worst;
    std::unordered_map<model::Id, std::vector<const model::Finding *>> named;
    for (const model::Finding &f : m_document->findings()) {
        const auto badge = f.severity == model::Severity::Error     ? ElementItem::Badge::Error
                           : f.severity == model::Severity::Warning ? ElementItem::Badge::Warning
                                                                    : ElementItem::Badge::Info;
        for (const model::Id &id : f.elements) {
            auto [it, inserted] = worst.emplace(id, badge);
            if (!inserted && badge > it->second)
                it->second = badge;
            named[id].push_back(&f);
        }
    }
    const model::Design &design = m_document->design();
    for (const auto &[id, item] : m_elements) {
        const auto it = worst.find(id);
        const std::optional<ElementItem::Badge> badge =
            it == worst.end() ? std::nullopt : std::optional(it->second);
        if (badge != item->badge() || badge) {
            item->setBadge(badge);
            if (const model::Element *e = design.element(id)) {
                const auto found = named.find(id);
                item->setToolTip(toolTipFor(*e, found == named.end()
                                                     ? std::vector<const model::Finding *>()
                                                     : found->second));
            }
        }
    }
}

void DesignScene::onElementAdded(const model::Id &id)
{
    const model::Element *element = m_document->design().element(id);
    if (!element || m_elements.count(id))
        return;
    ElementItem *item = createElementItem(*element);
    m_elements.emplace(id, item);
    placeElementItem(*element, item);
    // Children that arrived before their parent (undo of a removal) move into it now.
    for (const auto &other : m_document->design().elements())
        if (other->parent == id)
            if (ElementItem *child = elementItem(other->id))
                placeElementItem(*other, child);
    growSceneRect(item);
}

void DesignScene::onElementRemoved(const model::Id &id)
{
    auto it = m_elements.find(id);
    if (it == m_elements.end())
        return;
    ElementItem *item = it->second;
    m_elements.erase(it);
    // Nested items that are still in the model stay; they go with their own removal.
    for (QGraphicsItem *child : item->childItems())
        if (dynamic_cast<ElementItem *>(child))
            child->setParentItem(nullptr);
    m_linksOf.erase(id);
    m_highlight.removeAll(id);
    delete item;
}

void DesignScene::onElementChanged(const model::Id &id, const QString &what)
{
    const model::Element *element = m_document->design().element(id);
    ElementItem *item = elementItem(id);
    if (!element || !item)
        return;
    // Captions near where the element stood and stands may move; the others stay.
    QRectF area = item->sceneBoundingRect();
    if (what.contains(QLatin1String("geometry")) || what.contains(QLatin1String("parent"))) {
        placeElementItem(*element, item);
        updateLinksAround(id);
        growSceneRect(item);
    }
    if (what.contains(QLatin1String("name")) || what.contains(QLatin1String("properties"))
        || what.contains(QLatin1String("kind")))
        refreshElementItem(*element, item);
    area |= item->sceneBoundingRect();
    scheduleCaptions(area);
}

void DesignScene::onLinkAdded(const model::Id &id)
{
    if (const model::Link *link = m_document->design().link(id)) {
        addLinkItem(*link);
        if (const LinkItem *item = linkItem(id))
            scheduleCaptions(item->sceneBoundingRect());
    }
}

void DesignScene::onLinkRemoved(const model::Id &id)
{
    auto it = m_links.find(id);
    if (it == m_links.end())
        return;
    LinkItem *item = it->second;
    for (const model::Id &end : {item->fromId(), item->toId()}) {
        if (auto list = m_linksOf.find(end); list != m_linksOf.end())
            std::erase(list->second, id);
    }
    m_links.erase(it);
    m_rerouted.erase(id);
    delete item;
}

void DesignScene::onLinkChanged(const model::Id &id)
{
    onLinkRemoved(id);
    onLinkAdded(id);
}

void DesignScene::syncSelectionFromScene()
{
    if (m_syncingSelection)
        return;
    QList<model::Id> ids;
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *e = dynamic_cast<ElementItem *>(item))
            ids << e->elementId();
        else if (auto *l = qgraphicsitem_cast<LinkItem *>(item))
            ids << l->linkId();
    }
    // Keep the document's order for what stays selected, so that the inspector is stable.
    QList<model::Id> ordered;
    for (const model::Id &id : m_document->selection())
        if (ids.contains(id))
            ordered << id;
    for (const model::Id &id : ids)
        if (!ordered.contains(id))
            ordered << id;
    m_syncingSelection = true;
    m_document->setSelection(ordered);
    m_syncingSelection = false;
}

void DesignScene::syncSelectionFromDocument()
{
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    const QList<model::Id> &ids = m_document->selection();
    for (const auto &[id, item] : m_elements)
        item->setSelected(ids.contains(id));
    for (const auto &[id, item] : m_links)
        item->setSelected(ids.contains(id));
    m_syncingSelection = false;
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

QGraphicsItem *DesignScene::gestureItem() const
{
    return m_linkPreview;
}

QRectF DesignScene::designRect() const
{
    QRectF bounds;
    for (QGraphicsItem *item : items())
        if (!item->parentItem() && item != static_cast<QGraphicsItem *>(m_linkPreview))
            bounds = bounds.united(item->sceneBoundingRect());
    if (bounds.isEmpty())
        return QRectF(0, 0, 800, 600);
    return bounds.adjusted(-kMargin, -kMargin, kMargin, kMargin);
}

void DesignScene::growSceneRect(const ElementItem *item)
{
    // Only what changed: designRect() walks every item, too slow for each edit of a large design.
    const QRectF box = item->sceneBoundingRect().adjusted(-kMargin, -kMargin, kMargin, kMargin);
    if (!sceneRect().contains(box))
        setSceneRect(sceneRect().united(box));
}

void DesignScene::highlightPath(const QList<model::Id> &ids)
{
    for (const model::Id &id : m_highlight) {
        if (ElementItem *item = elementItem(id))
            item->setHighlighted(false);
        if (LinkItem *link = linkItem(id))
            link->setHighlighted(false);
    }
    m_highlight = ids;
    for (const model::Id &id : ids) {
        if (ElementItem *item = elementItem(id))
            item->setHighlighted(true);
        if (LinkItem *link = linkItem(id))
            link->setHighlighted(true);
    }
    // The links between consecutive elements of the path.
    for (qsizetype i = 1; i < ids.size(); ++i) {
        const auto it = m_linksOf.find(ids[i - 1]);
        if (it == m_linksOf.end())
            continue;
        for (const model::Id &linkId : it->second) {
            LinkItem *link = linkItem(linkId);
            if (link && (link->fromId() == ids[i] || link->toId() == ids[i])) {
                link->setHighlighted(true);
                m_highlight << linkId;
            }
        }
    }
}

} // namespace heiiki::ui
