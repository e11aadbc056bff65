#pragma once

#include "diagramstyle.h"
#include "elementitem.h"

#include <QStringList>

namespace heiiki::ui {

/// A leaf node on the canvas (EC2 instance, Transit Gateway, VPC endpoint…): a coloured glyph
/// with the element's name below it, in a cell of the layout's node size.
class NodeItem : public ElementItem
{
public:
    enum { Type = UserType + 2 };

    explicit NodeItem(const model::Id &id, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }

    /// The name under the glyph: wrapped onto three lines, elided past that.
    void setLabel(const QString &label);
    QString label() const { return m_label; }
    /// The label as drawn: wrapped, the last line elided when it does not fit.
    QStringList lines() const { return m_lines; }
    void setLook(const NodeLook &look);

    /// The glyph and the label together.
    QRectF frameRect() const override;
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    QRectF glyphRect() const;

    QString m_label;
    QStringList m_lines; ///< m_label as drawn
    QRectF m_labelRect;  ///< where m_lines are drawn
    NodeLook m_look;
};

} // namespace heiiki::ui
