#pragma once

#include "model/core/design.h"
#include "model/layout/autolayout.h"

#include <QGraphicsScene>

#include <unordered_map>

namespace heiiki::ui {

class ElementItem;
class LinkItem;

/// The canvas of one design: a container item per container, a node item per leaf element
/// (nested as the elements are) and a link item per drawable link. Items hold ids; the scene
/// finds them by id. The scene does not keep the design it was built from.
class DesignScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit DesignScene(QObject *parent = nullptr);
    ~DesignScene() override;

    /// Replaces the items with those of \a design, each element at its box in \a layout
    /// (an element without a box lands at its parent's origin).
    void build(const model::Design &design, const model::Layout &layout);
    /// Replaces the items with those of \a design, laid out by model::autoLayout().
    void build(const model::Design &design);
    /// Removes every item.
    void clearDesign();

    /// The item of element \a id, or nullptr. The scene owns the item.
    ElementItem *elementItem(const model::Id &id) const;
    /// The item of link \a id, or nullptr (policy links are not drawn). The scene owns it.
    LinkItem *linkItem(const model::Id &id) const;

    int elementItemCount() const { return static_cast<int>(m_elements.size()); }
    int linkItemCount() const { return static_cast<int>(m_links.size()); }

    /// The box around everything drawn, with a margin.
    QRectF designRect() const;

private:
    ElementItem *createElementItem(const model::Element &element, const model::Geometry &geometry);
    void updateLink(LinkItem *link);
    void placeCaptions();

    std::unordered_map<model::Id, ElementItem *> m_elements; ///< owned by the scene
    std::unordered_map<model::Id, LinkItem *> m_links;       ///< owned by the scene
};

} // namespace heiiki::ui
