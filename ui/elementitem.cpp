#include "elementitem.h"

namespace heiiki::ui {

ElementItem::ElementItem(const model::Id &id, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_id(id)
{}

} // namespace heiiki::ui
