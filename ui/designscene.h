#pragma once

#include "model/core/design.h"

#include <QGraphicsScene>
#include <QPointer>

#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class QGraphicsLineItem;

namespace heiiki::ui {

class RectGrid;

class ContainerItem;
class DesignDocument;
class ElementItem;
class LinkItem;

/// The canvas of one document: a container item per container, a node item per leaf element
/// (nested as the elements are) and a link item per drawable link. Items hold ids; the scene
/// finds them by id and follows the document's change signals. The scene turns gestures —
/// a drag, a resize, a drop from the palette, a link dragged between two elements — into
/// commands on the document's undo stack; it never writes the model itself.
class DesignScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit DesignScene(DesignDocument *document, QObject *parent = nullptr);
    ~DesignScene() override;

    DesignDocument *document() const { return m_document; }

    /// The item of element \a id, or nullptr. The scene owns the item.
    ElementItem *elementItem(const model::Id &id) const;
    /// The item of link \a id, or nullptr (policy links are not drawn). The scene owns it.
    LinkItem *linkItem(const model::Id &id) const;

    int elementItemCount() const { return static_cast<int>(m_elements.size()); }
    int linkItemCount() const { return static_cast<int>(m_links.size()); }
    /// Every element's and link's item, for views that draw them their own way (see
    /// paintOverview()).
    const std::unordered_map<model::Id, ElementItem *> &elementItems() const { return m_elements; }
    const std::unordered_map<model::Id, LinkItem *> &linkItems() const { return m_links; }
    /// The item drawn for a gesture under way (the line of a link being dragged), or nullptr.
    QGraphicsItem *gestureItem() const;

    /// The box around everything drawn, with a margin.
    QRectF designRect() const;

    /// Draws \a ids (elements in order, and the links between consecutive ones) as a path;
    /// an empty list clears the highlight.
    void highlightPath(const QList<model::Id> &ids);

    /// Grid snapping of moves, resizes and drops.
    void setSnapToGrid(bool snap) { m_snap = snap; }
    bool snapToGrid() const { return m_snap; }
    static constexpr qreal gridSize = 10;

    // Gestures, callable from tests as a user would make them.
    /// Drops a new element of \a kind with its top-left at \a scenePos, inside the innermost
    /// container there. Returns the new id, or nothing (and says why) when the model does
    /// not allow that kind there.
    std::optional<model::Id> dropElement(model::ElementKind kind, const QPointF &scenePos);
    /// Links \a from to \a to with \a kind, or, when no kind is given, the only kind the
    /// model allows between them. Returns the new link's id, or nothing (and says why).
    std::optional<model::Id> linkElements(const model::Id &from, const model::Id &to,
                                     std::optional<model::LinkKind> kind = std::nullopt);
    /// The link kinds the model allows from \a from to \a to (either way for undirected
    /// kinds, and the reverse way for directed kinds whose ends fit only reversed).
    std::vector<std::pair<model::LinkKind, bool>> linkChoices(const model::Id &from,
                                                              const model::Id &to) const;
    /// Moves the selected elements by \a delta as one step (keyboard nudging; continuous
    /// nudges of the same selection merge).
    void nudgeSelection(const QPointF &delta);
    /// Commits item positions that differ from the model (after a drag) as one step.
    void commitMoves();
    /// Sets a container's size as one step.
    void resizeContainer(const model::Id &id, const QSizeF &size);

signals:
    /// Something the user should read in the status bar: why a drop or link was refused.
    void statusMessage(const QString &message);
    /// The user asked, from the canvas, to trace a path from or to an element.
    void traceRequested(const heiiki::model::Id &from, const heiiki::model::Id &to);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    void rebuild();
    ElementItem *createElementItem(const model::Element &element);
    void refreshElementItem(const model::Element &element, ElementItem *item);
    void placeElementItem(const model::Element &element, ElementItem *item);
    void addLinkItem(const model::Link &link);
    void updateLink(LinkItem *link);
    void updateLinksAround(const model::Id &id);
    void updateAllLinks();
    /// Places every link's caption: along its line, clear of glyphs, labels, titles and the
    /// captions placed before it where the line allows.
    void placeCaptions();
    /// Places again only the captions that could stand in \a area (where something changed);
    /// the others stay where they are, so an edit does not move captions far from it.
    void placeCaptionsNear(const QRectF &area);
    /// Places \a link's caption at the first clear spot, else the one \a taken covers least.
    static void placeCaption(LinkItem *link, RectGrid &taken);
    /// Asks for the captions in \a area (all of them when \a area is null) to be placed once
    /// control returns to the event loop.
    void scheduleCaptions(const QRectF &area);
    void updateCaptions();
    /// Widens the scene rect to hold \a item, which was added or moved.
    void growSceneRect(const ElementItem *item);
    void applyFindings();
    void syncSelectionFromScene();
    void syncSelectionFromDocument();

    void onElementAdded(const model::Id &id);
    void onElementRemoved(const model::Id &id);
    void onElementChanged(const model::Id &id, const QString &what);
    void onLinkAdded(const model::Id &id);
    void onLinkRemoved(const model::Id &id);
    void onLinkChanged(const model::Id &id);

    /// The innermost container item under \a scenePos, skipping \a skip and its descendants.
    ContainerItem *containerAt(const QPointF &scenePos, const QGraphicsItem *skip = nullptr) const;
    QPointF snapped(const QPointF &p) const;
    void finishLinkDrag(const QPointF &scenePos);

    DesignDocument *m_document;
    std::unordered_map<model::Id, ElementItem *> m_elements; ///< owned by the scene
    std::unordered_map<model::Id, LinkItem *> m_links;       ///< owned by the scene
    std::unordered_map<model::Id, std::vector<model::Id>> m_linksOf; ///< element → its links
    QList<model::Id> m_highlight;
    bool m_snap = true;
    bool m_syncingSelection = false;
    bool m_captionsDue = false;
    bool m_captionsEverywhere = false; ///< the scheduled update places all captions
    QRectF m_captionArea;              ///< else: where the scheduled update places them
    qreal m_captionReach = 0;          ///< the largest caption's half diagonal, at least
    std::unordered_set<model::Id> m_rerouted; ///< links routed anew since captions were placed

    // The gesture under way.
    enum class Gesture { None, Move, Resize, Link };
    Gesture m_gesture = Gesture::None;
    model::Id m_gestureItem;
    QPointF m_gestureStart;
    QSizeF m_resizeStart;
    QGraphicsLineItem *m_linkPreview = nullptr;
};

} // namespace heiiki::ui
