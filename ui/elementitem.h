#pragma once

#include "model/core/id.h"

#include <QGraphicsItem>

namespace heiiki::ui {

/// The common base of the canvas items that stand for a design element. An item holds the
/// element's id and paints what the scene tells it; it never reads or writes the model.
class ElementItem : public QGraphicsItem
{
public:
    explicit ElementItem(const model::Id &id, QGraphicsItem *parent = nullptr);

    const model::Id &elementId() const { return m_id; }

    /// The outline that links attach to, in item coordinates.
    virtual QRectF frameRect() const = 0;

private:
    model::Id m_id;
};

} // namespace heiiki::ui
