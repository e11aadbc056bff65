#pragma once

#include "model/core/id.h"

#include <QGraphicsItem>

#include <optional>

namespace heiiki::ui {

/// The common base of the canvas items that stand for a design element. An item holds the
/// element's id and paints what the scene tells it; it never reads or writes the model. It
/// can be selected and dragged; the scene turns a finished drag into a command.
class ElementItem : public QGraphicsItem
{
public:
    /// The severities a finding badge shows, least to most severe.
    enum class Badge { Info, Warning, Error };

    explicit ElementItem(const model::Id &id, QGraphicsItem *parent = nullptr);

    const model::Id &elementId() const { return m_id; }

    /// The outline that links attach to, in item coordinates.
    virtual QRectF frameRect() const = 0;

    /// Shows a badge of \a badge's colour at the top-right corner; none: no badge.
    void setBadge(std::optional<Badge> badge);
    std::optional<Badge> badge() const { return m_badge; }
    /// Draws the item as part of a traced path or scenario.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

    /// The handle a link is dragged from, in item coordinates: shown while the pointer is
    /// over the item or the item is selected.
    QRectF linkHandleRect() const;
    bool showsLinkHandle() const { return m_hovered || isSelected(); }

    /// Paints selection, highlight, badge and link handle over what the item drew (item
    /// coordinates). The far-out view (paintOverview()) draws it over its plain shapes.
    virtual void paintOverlay(QPainter *painter) const;
    /// Whether paintOverlay() draws anything.
    bool hasOverlay() const { return m_highlighted || m_badge || showsLinkHandle(); }

protected:
    QRectF overlayRect() const; ///< what paintOverlay() may cover, in item coordinates

    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    model::Id m_id;
    std::optional<Badge> m_badge;
    bool m_highlighted = false;
    bool m_hovered = false;
};

} // namespace heiiki::ui
