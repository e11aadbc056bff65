// The gestures of the canvas: moving, resizing, dropping from the palette and linking. Each
// finished gesture becomes one command on the document's undo stack.
#include "designscene.h"

#include "containeritem.h"
#include "diagramstyle.h"
#include "linkitem.h"

#include "commands/editelementscommand.h"
#include "commands/insertcommand.h"
#include "document/designdocument.h"
#include "model/edit/designedit.h"
#include "model/layout/autolayout.h"
#include "palette/palettemime.h"

#include <QCursor>
#include <QGraphicsLineItem>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMenu>
#include <QMimeData>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <deque>

namespace heiiki::ui {

namespace {

using M = model::LayoutMetrics;
constexpr qreal kNewContainerWidth = 260;
constexpr qreal kNewContainerHeight = 160;
constexpr qreal kMinContainerWidth = 120;
constexpr qreal kMinContainerHeight = 60;

/// "an Availability Zone or a VPC": the kinds that may hold \a kind, for a refusal.
QString parentsText(model::ElementKind kind)
{
    const auto &info = model::Catalogue::instance().info(kind);
    QStringList names;
    for (model::ElementKind parent : info.parents)
        names << diagramstyle::kindLabel(parent);
    if (info.topLevel)
        names << DesignScene::tr("the top level of the design");
    if (names.size() <= 1)
        return names.value(0);
    const QString last = names.takeLast();
    return DesignScene::tr("%1 or %2").arg(names.join(QStringLiteral(", ")), last);
}

/// Elements being edited by one gesture: each one's state before, and as it becomes.
class EditSet
{
public:
    explicit EditSet(const model::Design &design)
        : m_design(design)
    {}

    /// The element as the gesture leaves it so far; nullptr when there is no such element.
    model::Element *working(const model::Id &id)
    {
        for (auto &e : m_after)
            if (e.id == id)
                return &e;
        const model::Element *e = m_design.element(id);
        if (!e)
            return nullptr;
        m_before.push_back(*e);
        m_after.push_back(*e);
        return &m_after.back();
    }

    std::vector<model::Element> takeBefore() { return std::move(m_before); }
    std::vector<model::Element> takeAfter()
    {
        return std::vector<model::Element>(std::make_move_iterator(m_after.begin()),
                                           std::make_move_iterator(m_after.end()));
    }
    bool isEmpty() const { return m_after.empty(); }

private:
    const model::Design &m_design;
    std::vector<model::Element> m_before;
    std::deque<model::Element> m_after; // a deque: working() pointers stay valid
};

QSizeF boxSize(const model::Element &e)
{
    const model::Geometry g = e.geometry.value_or(model::Geometry{});
    if (model::Catalogue::instance().info(e.kind).container)
        return QSizeF(g.width, g.height);
    return QSizeF(std::max(g.width, M::nodeWidth), std::max(g.height, M::nodeHeight));
}

/// Keeps \a child clear of its container's title band and left edge.
void clampInParent(model::Element &child)
{
    child.geometry->x = std::max(child.geometry->x, M::padding);
    child.geometry->y = std::max(child.geometry->y, M::titleHeight);
}

/// Grows container \a parentId in \a edits, and its ancestors in turn, until it holds
/// \a childBox (in its coordinates) with the layout's margins. True when anything grew.
bool growToHold(EditSet &edits, model::Id parentId, QRectF childBox)
{
    bool grew = false;
    for (int guard = 0; guard < 64 && !parentId.isNull(); ++guard) {
        model::Element *parent = edits.working(parentId);
        if (!parent || !parent->geometry)
            return grew;
        const double right = childBox.right() + M::padding;
        const double bottom = childBox.bottom() + M::padding;
        if (parent->geometry->width >= right && parent->geometry->height >= bottom)
            return grew;
        parent->geometry->width = std::max(parent->geometry->width, right);
        parent->geometry->height = std::max(parent->geometry->height, bottom);
        grew = true;
        if (parent->parent.isNull())
            return grew;
        clampInParent(*parent);
        childBox = QRectF(parent->geometry->x, parent->geometry->y, parent->geometry->width,
                          parent->geometry->height);
        parentId = parent->parent;
    }
    return grew;
}

/// Grows \a id's ancestors in \a edits until each holds its child with the layout's margins.
void growAncestors(EditSet &edits, const model::Id &id)
{
    model::Element *child = edits.working(id);
    if (!child || child->parent.isNull() || !child->geometry)
        return;
    clampInParent(*child);
    growToHold(edits, child->parent,
               QRectF(QPointF(child->geometry->x, child->geometry->y), boxSize(*child)));
}

void pushEdits(DesignDocument *document, EditSet &edits, const QString &text, int mergeId = -1)
{
    auto *command =
        new EditElementsCommand(document, edits.takeBefore(), edits.takeAfter(), text, mergeId);
    if (command->isNoOp()) {
        delete command;
        return;
    }
    document->undoStack()->push(command);
}

} // namespace

QPointF DesignScene::snapped(const QPointF &p) const
{
    if (!m_snap)
        return p;
    return QPointF(std::round(p.x() / gridSize) * gridSize, std::round(p.y() / gridSize) * gridSize);
}

ContainerItem *DesignScene::containerAt(const QPointF &scenePos, const QGraphicsItem *skip) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        auto *container = qgraphicsitem_cast<ContainerItem *>(item);
        if (!container)
            continue;
        if (skip && (container == skip || skip->isAncestorOf(container)))
            continue;
        if (container->mapRectToScene(container->frameRect()).contains(scenePos))
            return container;
    }
    return nullptr;
}

std::optional<model::Id> DesignScene::dropElement(model::ElementKind kind, const QPointF &scenePos)
{
    const auto &catalogue = model::Catalogue::instance();
    const model::Design &design = m_document->design();
    ContainerItem *target = containerAt(scenePos);
    const model::Element *parent = target ? design.element(target->elementId()) : nullptr;
    const QString label = diagramstyle::kindLabel(kind);
    if (parent ? !catalogue.mayHold(parent->kind, kind) : !catalogue.mayBeTopLevel(kind)) {
        const QString where = parent ? diagramstyle::kindLabel(parent->kind)
                                     : tr("the top level of the design");
        emit statusMessage(tr("A %1 cannot be placed in %2: it belongs in %3.")
                               .arg(label, where, parentsText(kind)));
        return std::nullopt;
    }

    model::Element element;
    element.kind = kind;
    element.id = model::edit::freshId(design, model::toString(kind));
    const std::string &idText = element.id.str();
    const std::string base(model::toString(kind));
    element.name = (idText == base ? label : label + QLatin1Char(' ') + QString::fromStdString(
                                                                            idText.substr(base.size() + 1)))
                       .toStdString();
    if (parent)
        element.parent = parent->id;
    const QPointF local = snapped(target ? target->mapFromScene(scenePos) : scenePos);
    model::Geometry geometry{local.x(), local.y(), M::nodeWidth, M::nodeHeight};
    if (catalogue.info(kind).container) {
        geometry.width = kNewContainerWidth;
        geometry.height = kNewContainerHeight;
    }
    if (parent) {
        geometry.x = std::max(geometry.x, M::padding);
        geometry.y = std::max(geometry.y, M::titleHeight);
    }
    element.geometry = geometry;

    const QString text = tr("Add %1").arg(label);
    auto *macro = new QUndoCommand(text);
    DesignFragment fragment;
    fragment.elements.push_back(element);
    new InsertCommand(m_document, std::move(fragment), text, macro);
    if (parent) {
        // The container grows to fit what was dropped near its edge.
        EditSet edits(design);
        if (growToHold(edits, parent->id,
                       QRectF(QPointF(geometry.x, geometry.y), boxSize(element))))
            new EditElementsCommand(m_document, edits.takeBefore(), edits.takeAfter(), text, -1,
                                    macro);
    }
    m_document->undoStack()->push(macro);
    emit statusMessage(tr("Added %1.").arg(QString::fromStdString(element.name)));
    return element.id;
}

std::vector<std::pair<model::LinkKind, bool>> DesignScene::linkChoices(const model::Id &from,
                                                                       const model::Id &to) const
{
    std::vector<std::pair<model::LinkKind, bool>> choices;
    const model::Design &design = m_document->design();
    const model::Element *a = design.element(from);
    const model::Element *b = design.element(to);
    if (!a || !b || from == to)
        return choices;
    const auto &catalogue = model::Catalogue::instance();
    for (const auto &info : catalogue.linkKinds()) {
        if (info.toPolicy)
            continue;
        if (catalogue.mayLink(info.kind, a->kind, b->kind))
            choices.emplace_back(info.kind, false);
        else if (info.directed && catalogue.mayLink(info.kind, b->kind, a->kind))
            choices.emplace_back(info.kind, true);
    }
    return choices;
}

std::optional<model::Id> DesignScene::linkElements(const model::Id &from, const model::Id &to,
                                              std::optional<model::LinkKind> kind)
{
    const model::Design &design = m_document->design();
    const model::Element *a = design.element(from);
    const model::Element *b = design.element(to);
    if (!a || !b || from == to)
        return std::nullopt;
    const auto choices = linkChoices(from, to);
    const QString names = tr("a %1 and a %2").arg(diagramstyle::kindLabel(a->kind),
                                                   diagramstyle::kindLabel(b->kind));
    if (choices.empty()) {
        emit statusMessage(tr("No kind of link joins %1.").arg(names));
        return std::nullopt;
    }
    auto chosen = choices.end();
    if (kind)
        chosen = std::find_if(choices.begin(), choices.end(),
                              [&](const auto &c) { return c.first == *kind; });
    else if (choices.size() == 1)
        chosen = choices.begin();
    if (chosen == choices.end()) {
        emit statusMessage(kind ? tr("A %1 cannot join %2.")
                                      .arg(diagramstyle::linkLabel(*kind), names)
                                : tr("Several kinds of link can join %1: choose one.").arg(names));
        return std::nullopt;
    }
    model::Link link;
    link.kind = chosen->first;
    link.from = chosen->second ? to : from;
    link.to = chosen->second ? from : to;
    for (const auto &existing : design.links()) {
        const bool same = existing->from == link.from && existing->to == link.to;
        const bool mirrored = existing->from == link.to && existing->to == link.from;
        const bool directed = model::Catalogue::instance().info(link.kind).directed;
        if (existing->kind == link.kind && (same || (!directed && mirrored))) {
            emit statusMessage(tr("These are already joined by a %1.")
                                   .arg(diagramstyle::linkLabel(link.kind)));
            return std::nullopt;
        }
    }
    link.id = model::edit::freshId(design, model::toString(link.kind));
    DesignFragment fragment;
    fragment.links.push_back(link);
    const QString text = tr("Add %1").arg(diagramstyle::linkLabel(link.kind));
    m_document->undoStack()->push(new InsertCommand(m_document, std::move(fragment), text));
    return link.id;
}

void DesignScene::commitMoves()
{
    const auto &catalogue = model::Catalogue::instance();
    const model::Design &design = m_document->design();
    EditSet edits(design);
    std::vector<model::Id> moved;
    const QList<QGraphicsItem *> selected = selectedItems();
    for (QGraphicsItem *graphics : selected) {
        auto *item = dynamic_cast<ElementItem *>(graphics);
        if (!item)
            continue;
        bool ancestorSelected = false;
        for (QGraphicsItem *up = item->parentItem(); up; up = up->parentItem())
            ancestorSelected = ancestorSelected || up->isSelected();
        if (ancestorSelected)
            continue;
        const model::Element *element = design.element(item->elementId());
        if (!element)
            continue;
        // The container under the item's centre becomes its parent when the model allows.
        const QPointF centre = item->mapToScene(item->frameRect().center());
        ContainerItem *target = containerAt(centre, item);
        while (target && target->isSelected())
            target = nullptr; // moving together with the item: keep the parent
        model::Id parentId = target ? target->elementId() : model::Id();
        if (parentId != element->parent) {
            const model::Element *parent = design.element(parentId);
            const bool allowed = parent ? catalogue.mayHold(parent->kind, element->kind)
                                        : catalogue.mayBeTopLevel(element->kind);
            if (!allowed) {
                const QString where = parent ? diagramstyle::kindLabel(parent->kind)
                                             : tr("the top level of the design");
                emit statusMessage(tr("A %1 cannot be placed in %2: it stays where it was.")
                                       .arg(diagramstyle::kindLabel(element->kind), where));
                parentId = element->parent;
            }
        }
        const ElementItem *parentItem = elementItem(parentId);
        const QPointF local = snapped(parentItem ? parentItem->mapFromScene(item->scenePos())
                                                 : item->scenePos());
        model::Element *working = edits.working(element->id);
        model::Geometry geometry = working->geometry.value_or(model::Geometry{});
        geometry.x = local.x();
        geometry.y = local.y();
        working->geometry = geometry;
        working->parent = parentId;
        moved.push_back(element->id);
    }
    for (const model::Id &id : moved)
        growAncestors(edits, id);
    pushEdits(m_document, edits, moved.size() == 1 ? tr("Move element") : tr("Move elements"));
    // Items the command did not move (the same place after snapping) go back to the model's.
    for (const model::Id &id : moved)
        if (const model::Element *e = design.element(id))
            placeElementItem(*e, elementItem(id));
    for (const model::Id &id : moved)
        updateLinksAround(id);
}

void DesignScene::nudgeSelection(const QPointF &delta)
{
    EditSet edits(m_document->design());
    std::vector<model::Id> moved;
    for (const model::Id &id : m_document->selection()) {
        model::Element *e = edits.working(id);
        if (!e || !e->geometry)
            continue;
        // A nested element moves with its selected ancestor.
        bool ancestorSelected = false;
        for (model::Id up = e->parent; !up.isNull();) {
            if (m_document->selection().contains(up))
                ancestorSelected = true;
            const model::Element *parent = m_document->design().element(up);
            up = parent ? parent->parent : model::Id();
        }
        if (ancestorSelected)
            continue;
        e->geometry->x += delta.x();
        e->geometry->y += delta.y();
        moved.push_back(id);
    }
    for (const model::Id &id : moved)
        growAncestors(edits, id);
    constexpr int kNudgeMergeId = 0x4e75;
    pushEdits(m_document, edits, tr("Nudge"), kNudgeMergeId);
}

void DesignScene::resizeContainer(const model::Id &id, const QSizeF &requested)
{
    const model::Design &design = m_document->design();
    EditSet edits(design);
    model::Element *e = edits.working(id);
    if (!e || !e->geometry)
        return;
    // Never smaller than what it holds.
    double width = std::max(requested.width(), kMinContainerWidth);
    double height = std::max(requested.height(), kMinContainerHeight);
    for (const model::Element *child : design.children(id)) {
        if (!child->geometry)
            continue;
        const QSizeF size = boxSize(*child);
        width = std::max(width, child->geometry->x + size.width() + M::padding);
        height = std::max(height, child->geometry->y + size.height() + M::padding);
    }
    e->geometry->width = width;
    e->geometry->height = height;
    growAncestors(edits, id);
    pushEdits(m_document, edits, tr("Resize %1").arg(QString::fromStdString(e->name)));
    if (const model::Element *now = design.element(id))
        placeElementItem(*now, elementItem(id));
}

void DesignScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        for (QGraphicsItem *hit : items(event->scenePos())) {
            auto *item = dynamic_cast<ElementItem *>(hit);
            if (!item)
                continue;
            if (item->showsLinkHandle()
                && item->mapRectToScene(item->linkHandleRect()).contains(event->scenePos())) {
                m_gesture = Gesture::Link;
                m_gestureItem = item->elementId();
                const QPointF start = item->mapToScene(item->linkHandleRect().center());
                m_linkPreview = addLine(QLineF(start, event->scenePos()),
                                        QPen(QColor(0x1a, 0x73, 0xe8), 1.5, Qt::DashLine));
                m_linkPreview->setZValue(2000);
                event->accept();
                return;
            }
            auto *container = qgraphicsitem_cast<ContainerItem *>(item);
            if (container && container->isSelected()
                && container->mapRectToScene(container->resizeGripRect())
                       .contains(event->scenePos())) {
                m_gesture = Gesture::Resize;
                m_gestureItem = item->elementId();
                m_gestureStart = event->scenePos();
                m_resizeStart = container->size();
                event->accept();
                return;
            }
            break; // only the topmost element's handles
        }
    }
    QGraphicsScene::mousePressEvent(event);
    if (event->button() == Qt::LeftButton && dynamic_cast<ElementItem *>(mouseGrabberItem()))
        m_gesture = Gesture::Move;
}

void DesignScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    switch (m_gesture) {
    case Gesture::Link:
        if (m_linkPreview)
            m_linkPreview->setLine(QLineF(m_linkPreview->line().p1(), event->scenePos()));
        return;
    case Gesture::Resize:
        if (auto *container = qgraphicsitem_cast<ContainerItem *>(elementItem(m_gestureItem))) {
            const QPointF delta = event->scenePos() - m_gestureStart;
            container->setSize(QSizeF(std::max(kMinContainerWidth, m_resizeStart.width() + delta.x()),
                                      std::max(kMinContainerHeight,
                                               m_resizeStart.height() + delta.y())));
            updateLinksAround(m_gestureItem);
        }
        return;
    case Gesture::Move:
        QGraphicsScene::mouseMoveEvent(event);
        for (QGraphicsItem *item : selectedItems())
            if (auto *e = dynamic_cast<ElementItem *>(item))
                updateLinksAround(e->elementId());
        return;
    case Gesture::None:
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
}

void DesignScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    const Gesture gesture = m_gesture;
    m_gesture = Gesture::None;
    switch (gesture) {
    case Gesture::Link:
        finishLinkDrag(event->scenePos());
        return;
    case Gesture::Resize:
        if (auto *container = qgraphicsitem_cast<ContainerItem *>(elementItem(m_gestureItem)))
            resizeContainer(m_gestureItem, container->size());
        return;
    case Gesture::Move:
        QGraphicsScene::mouseReleaseEvent(event);
        commitMoves();
        return;
    case Gesture::None:
        QGraphicsScene::mouseReleaseEvent(event);
        return;
    }
}

void DesignScene::finishLinkDrag(const QPointF &scenePos)
{
    delete m_linkPreview;
    m_linkPreview = nullptr;
    const model::Id from = m_gestureItem;
    ElementItem *target = nullptr;
    for (QGraphicsItem *hit : items(scenePos)) {
        auto *item = dynamic_cast<ElementItem *>(hit);
        if (item && item->elementId() != from) {
            target = item;
            break;
        }
    }
    if (!target)
        return;
    const auto choices = linkChoices(from, target->elementId());
    if (choices.size() <= 1) {
        linkElements(from, target->elementId());
        return;
    }
    QMenu menu;
    menu.setTitle(tr("Link as"));
    for (const auto &[kind, reversed] : choices) {
        QAction *action = menu.addAction(diagramstyle::linkLabel(kind));
        action->setData(static_cast<int>(kind));
    }
    if (QAction *chosen = menu.exec(QCursor::pos()))
        linkElements(from, target->elementId(), static_cast<model::LinkKind>(chosen->data().toInt()));
}

void DesignScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    event->setAccepted(kindFromMimeData(event->mimeData()).has_value());
}

void DesignScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    const auto kind = kindFromMimeData(event->mimeData());
    if (!kind) {
        event->ignore();
        return;
    }
    // Show whether the drop would be taken where the pointer is.
    const auto &catalogue = model::Catalogue::instance();
    ContainerItem *target = containerAt(event->scenePos());
    const model::Element *parent =
        target ? m_document->design().element(target->elementId()) : nullptr;
    const bool allowed = parent ? catalogue.mayHold(parent->kind, *kind)
                                : catalogue.mayBeTopLevel(*kind);
    event->setDropAction(allowed ? Qt::CopyAction : Qt::IgnoreAction);
    event->accept();
}

void DesignScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    const auto kind = kindFromMimeData(event->mimeData());
    if (!kind) {
        event->ignore();
        return;
    }
    if (dropElement(*kind, event->scenePos()))
        event->acceptProposedAction();
    else
        event->ignore();
}

} // namespace heiiki::ui
